// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts feature as the application composes it, against a fault server serving real
// Alertmanager and Prometheus bodies: the page fills, show({"fingerprint"}) and "Open" raise the
// window on the alert, "Open as chart" asks the metrics page for the expression and window, the
// tray follows the alerts and drives the mute toggle, and a failing source is said on the page.
// A silence that a real Alertmanager refuses keeps the dialog open with Alertmanager's text.
// A real Alertmanager's groups (receivers, group_by, a silence, an inhibition) become the page's
// group rows; a label chip filters the grouped view.
#include "app/alerts/acknowledgements.h"
#include "app/alerts/alerthistory.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "app/features/alertsfeature.h"
#include "models/alerts/alertgroupmodel.h"
#include "models/alerts/alerthistorymodel.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/silencemodel.h"
#include "models/backendstatusmodel.h"
#include "tests/alerts/alertstestenv.h"
#include "tests/support/faultserver.h"
#include "tests/support/freeport.h"
#include "tests/support/serverprocess.h"
#include "ui/alerts/alerthistoryview.h"
#include "ui/alerts/alertspage.h"
#include "ui/alerts/labelchips.h"
#include "ui/alerts/silencedialog.h"
#include "ui/mainwindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <array>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

class TestAlertsFeature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pageFillsAndActionsReachTheApp();
    void refusedSilenceKeepsTheDialog();
    void silenceDialogPreviewsThePagesAlerts();
    void acknowledgeFromThePage();
    void groupsFromARealAlertmanager();
    void groupsByNameWithPrometheusAlone();
    void historyTabShowsPeriods();

private:
    QTemporaryDir m_state;
};

void TestAlertsFeature::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings (the page's grouping) apart
    QSettings().remove(AlertsPage::settingsKey());
    qputenv("XDG_STATE_HOME", m_state.path().toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // the tray fallback path
}

void TestAlertsFeature::pageFillsAndActionsReachTheApp()
{
    const QString data = QStringLiteral(STACKSCOPE_TEST_DATA_DIR) + u"/alerts/"_s;
    FaultServer am;
    QVERIFY(am.listen());
    am.setRoute("GET", u"/api/v2/alerts"_s,
                FaultServer::file(data + u"am_alerts.json"_s, "application/json"));
    am.setRoute("GET", u"/api/v2/silences"_s,
                FaultServer::file(data + u"am_silences.json"_s, "application/json"));
    FaultServer prom;
    QVERIFY(prom.listen());
    prom.setRoute("GET", u"/api/v1/alerts"_s,
                  FaultServer::file(data + u"prom_alerts.json"_s, "application/json"));
    prom.setRoute("GET", u"/api/v1/rules"_s,
                  FaultServer::file(data + u"prom_rules.json"_s, "application/json"));

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    std::unique_ptr<Feature> made = makeAlertsFeature(context);
    auto *feature = qobject_cast<AlertsFeature *>(made.get());
    QVERIFY(feature);
    QCOMPARE(feature->id(), u"alerts"_s);
    window.addPage(u"stack"_s, u"Stack"_s, {}, new QWidget);
    window.addPage(feature->id(), feature->title(), feature->icon(), feature->createPage());
    TrayIcon tray(&backends);
    feature->setTrayIcon(&tray);

    Config config;
    config.prometheus.url = prom.url();
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    config.refresh.alerts = std::chrono::milliseconds(300);
    feature->applyConfig(config);
    feature->start();
    AlertModel *model = feature->service()->alertModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 5000); // 2 from Alertmanager, 1 pending
    QVERIFY(tray.menuAlertTexts().contains(u"HighErrorRate (critical)"_s));

    // show({"fingerprint"}) and the notification's "Open"
    window.showPage(u"stack"_s);
    Q_EMIT feature->notifier()->openRequested(u"0a1b2c3d4e5f6789"_s);
    QCOMPARE(window.currentPageId(), u"alerts"_s);
    QCOMPARE(feature->page()->currentFingerprint(), u"0a1b2c3d4e5f6789"_s);
    feature->show(AlertsRequest{u"1111111111111111"_s});
    QCOMPARE(feature->page()->currentFingerprint(), u"1111111111111111"_s);

    // "Open as chart" → the metrics page with the expression and a window around the alert
    feature->show(AlertsRequest{u"0a1b2c3d4e5f6789"_s});
    QSignalSpy show(feature, &Feature::showRequested);
    Q_EMIT feature->page()->openChartRequested(model->at(model->rowOf(u"0a1b2c3d4e5f6789"_s)));
    QCOMPARE(show.size(), 1);
    const auto chartRequest = show.first().at(0).value<NavigationRequest>();
    QCOMPARE(pageIdOf(chartRequest), u"metrics"_s);
    const auto *args = std::get_if<MetricsRequest>(&chartRequest);
    QVERIFY(args);
    QCOMPARE(args->expr, u"rate(http_errors_total[5m]) > 0.5"_s);
    // with the alert's labels, for the bands of its periods
    QCOMPARE(args->alert, model->at(model->rowOf(u"0a1b2c3d4e5f6789"_s)).labels);
    QVERIFY(args->start < model->at(0).startsAt);
    QVERIFY(args->end > args->start);

    // "Traces around here" → the traces page for the alert's job, around the alert
    show.clear();
    Q_EMIT feature->page()->openTracesRequested(model->at(model->rowOf(u"0a1b2c3d4e5f6789"_s)));
    QCOMPARE(show.size(), 1);
    const auto tracesRequest = show.first().at(0).value<NavigationRequest>();
    QCOMPARE(pageIdOf(tracesRequest), u"traces"_s);
    const auto *traces = std::get_if<TracesRequest>(&tracesRequest);
    QVERIFY(traces);
    QCOMPARE(traces->service, u"api"_s);
    QVERIFY(traces->start < traces->end);
    // The notification's "Open traces" goes the same way.
    show.clear();
    Q_EMIT feature->notifier()->tracesRequested(model->at(model->rowOf(u"0a1b2c3d4e5f6789"_s)));
    QCOMPARE(show.size(), 1);
    QCOMPARE(pageIdOf(show.first().at(0).value<NavigationRequest>()), u"traces"_s);

    // the tray's mute toggle reaches the notifications
    QVERIFY(!feature->isMuted());
    tray.muteAction()->trigger();
    QVERIFY(feature->isMuted());

    // Alertmanager answers HTML: said on the page, nothing lost
    am.setRoute("GET", u"/api/v2/alerts"_s, FaultServer::html("<html>login</html>"));
    QTRY_VERIFY_WITH_TIMEOUT(feature->page()->statusText().contains("HTML"_L1), 5000);
    // Its last two stay, marked stale; Prometheus stands in with the one it fires itself.
    QCOMPARE(model->rowCount(), 4);
    for (const QString &fingerprint : {u"0a1b2c3d4e5f6789"_s, u"1111111111111111"_s})
        QVERIFY(model->at(model->rowOf(fingerprint)).stale);
    QVERIFY(feature->service()->lastSnapshot().prometheusFallback);
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        window.showPage(feature->id());
        window.resize(1280, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(out + u"/alerts-stale-fallback.png"_s));
    }
}

namespace {

QString visibleLabelTexts(QWidget *widget)
{
    QStringList texts;
    for (QLabel *label : widget->findChildren<QLabel *>()) {
        if (label->isVisible())
            texts << label->text();
    }
    return texts.join(u'\n');
}

QPushButton *buttonWithText(QWidget *widget, const QString &text)
{
    for (QPushButton *button : widget->findChildren<QPushButton *>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

} // namespace

// Alertmanager 0.25 refuses a matcher whose regex does not compile with HTTP 400 and its own
// message. The dialog used to close at once and lose the matchers and comment.
void TestAlertsFeature::refusedSilenceKeepsTheDialog()
{
    AlertmanagerProcess am;
    if (!am.start())
        QSKIP(qPrintable(u"Alertmanager did not start: "_s + am.errorString()));

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    Config config;
    config.prometheus.url = loopbackUrl(freeLoopbackPort()); // nobody: only Alertmanager matters
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    feature.applyConfig(config);
    feature.start();
    window.showPage(feature.id());
    window.show();
    AlertsPage *page = feature.page();
    page->tabs()->setCurrentIndex(2);

    QPushButton *create = buttonWithText(page, u"New silence…"_s);
    QVERIFY(create);
    create->click();
    QPointer<SilenceDialog> dialog = page->findChild<SilenceDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString matchers = u"alertname=\"DiskFull\", job=~\"((\""_s;
    const QString comment = u"Disks are being replaced"_s;
    dialog->matchersEdit()->setText(matchers);
    dialog->commentEdit()->setPlainText(comment);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();

    // Alertmanager's answer arrives: the dialog is still there, with what was typed and why.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || visibleLabelTexts(dialog).contains(u"400"_s), 10000);
    QVERIFY2(dialog && dialog->isVisible(), "the dialog closed on a refused silence");
    const QString shown = visibleLabelTexts(dialog);
    QVERIFY2(shown.contains(u"missing closing )"_s), qPrintable(shown)); // Alertmanager's words
    QCOMPARE(dialog->matchersEdit()->text(), matchers);
    QCOMPARE(dialog->commentEdit()->toPlainText(), comment);
    QVERIFY(dialog->matchersEdit()->isEnabled());
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        QVERIFY(dialog->grab().save(out + u"/silence-refused.png"_s));
    }
    auto silences = am.fetch("GET", u"/api/v2/silences"_s);
    QCOMPARE(silences.status, 200);
    QVERIFY(!silences.body.contains(comment.toUtf8()));

    // Corrected in place, it is created and the dialog closes.
    dialog->matchersEdit()->setText(u"alertname=\"DiskFull\", job=~\"node-.*\""_s);
    buttons->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
    silences = am.fetch("GET", u"/api/v2/silences"_s);
    QVERIFY2(silences.body.contains(comment.toUtf8()), silences.body.constData());
    QVERIFY(silences.body.contains("node-.*"));
}

namespace {

/// Alertmanager's /api/v2/alerts for these (name, severity, instance) triples, firing since
/// minutes ago.
QByteArray amAlerts(const QList<std::array<QString, 3>> &alerts)
{
    QJsonArray out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    int minutes = 3;
    for (const auto &[name, severity, instance] : alerts) {
        const QJsonObject labels{{"alertname"_L1, name},
                                 {"severity"_L1, severity},
                                 {"instance"_L1, instance},
                                 {"job"_L1, instance.section(u'-', 0, 0)}};
        LabelSet set;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            set.insert(it.key(), it.value().toString());
        out.append(QJsonObject{
            {"labels"_L1, labels},
            {"annotations"_L1, QJsonObject{{"summary"_L1, u"%1 on %2"_s.arg(name, instance)}}},
            {"fingerprint"_L1, labelsFingerprint(set)},
            {"startsAt"_L1, now.addSecs(-60 * (minutes += 7)).toString(Qt::ISODateWithMs)},
            {"endsAt"_L1, now.addSecs(240).toString(Qt::ISODateWithMs)},
            {"updatedAt"_L1, now.toString(Qt::ISODateWithMs)},
            {"receivers"_L1, QJsonArray{QJsonObject{{"name"_L1, u"ops"_s}}}},
            {"status"_L1, QJsonObject{{"state"_L1, u"active"_s},
                                      {"silencedBy"_L1, QJsonArray()},
                                      {"inhibitedBy"_L1, QJsonArray()}}},
            {"generatorURL"_L1, u"http://prometheus:9090/graph?g0.expr=up&g0.tab=1"_s}});
    }
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

} // namespace

// The dialog previews, as the user types, the alerts the page shows that the matchers catch, and
// follows the polls while it is open. Also the screenshot
// packaging/screenshots/silence-preview.png.
void TestAlertsFeature::silenceDialogPreviewsThePagesAlerts()
{
    QList<std::array<QString, 3>> firing{
        {u"HighLatency"_s, u"warning"_s, u"web-1"_s},
        {u"HighLatency"_s, u"warning"_s, u"web-2"_s},
        {u"HighLatency"_s, u"critical"_s, u"web-3"_s},
        {u"HighLatency"_s, u"warning"_s, u"api-1"_s},
        {u"DiskFull"_s, u"critical"_s, u"db-1"_s},
        {u"HighErrorRate"_s, u"critical"_s, u"api-1"_s},
        {u"CertificateExpiry"_s, u"info"_s, u"web-1"_s},
        {u"TargetDown"_s, u"critical"_s, u"cache-1"_s},
    };
    FaultServer am;
    QVERIFY(am.listen());
    am.setRoute("GET", u"/api/v2/alerts"_s, FaultServer::json(amAlerts(firing)));
    // One silence ends in ten minutes (flagged), one in three hours.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto silence = [&now](const QString &id, const QString &name, qint64 endsIn,
                                const QString &by, const QString &comment) {
        return QJsonObject{{"id"_L1, id},
                           {"status"_L1, QJsonObject{{"state"_L1, u"active"_s}}},
                           {"updatedAt"_L1, now.addSecs(-3600).toString(Qt::ISODateWithMs)},
                           {"startsAt"_L1, now.addSecs(-3600).toString(Qt::ISODateWithMs)},
                           {"endsAt"_L1, now.addSecs(endsIn).toString(Qt::ISODateWithMs)},
                           {"createdBy"_L1, by},
                           {"comment"_L1, comment},
                           {"matchers"_L1, QJsonArray{QJsonObject{{"name"_L1, u"alertname"_s},
                                                                  {"value"_L1, name},
                                                                  {"isRegex"_L1, false},
                                                                  {"isEqual"_L1, true}}}}};
    };
    am.setRoute(
        "GET", u"/api/v2/silences"_s,
        FaultServer::json(QJsonDocument(QJsonArray{
                                            silence(u"7f1c2e4a-disk"_s, u"DiskFull"_s, 600,
                                                    u"ana"_s, u"Disk replacement"_s),
                                            silence(u"0b9d5c11-cert"_s, u"CertificateExpiry"_s,
                                                    3 * 3600, u"bo"_s, u"Renewal ordered"_s),
                                        })
                              .toJson(QJsonDocument::Compact)));
    FaultServer prom;
    QVERIFY(prom.listen());
    prom.setRoute("GET", u"/api/v1/alerts"_s,
                  FaultServer::json(R"({"status":"success","data":{"alerts":[]}})"));
    prom.setRoute("GET", u"/api/v1/rules"_s,
                  FaultServer::json(R"({"status":"success","data":{"groups":[]}})"));

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    Config config;
    config.prometheus.url = prom.url();
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    config.refresh.alerts = std::chrono::milliseconds(300);
    feature.applyConfig(config);
    feature.start();
    window.showPage(feature.id());
    window.resize(1280, 800);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(feature.service()->alertModel()->rowCount(), 8, 5000);
    AlertsPage *page = feature.page();
    page->tabs()->setCurrentIndex(2);
    // The silence that ends soon is flagged in the tab.
    QTRY_COMPARE_WITH_TIMEOUT(feature.service()->silenceModel()->rowCount(), 2, 5000);
    QCOMPARE(feature.service()->silenceModel()->expiringSoonCount(), 1);
    QPushButton *create = buttonWithText(page, u"New silence…"_s);
    QVERIFY(create);
    create->click();
    QPointer<SilenceDialog> dialog = page->silenceDialog();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->matchersEdit(), u"alertname=\"HighLatency\", instance=~\"web-.*\""_s);
    const auto caught = [&dialog] {
        QStringList lines;
        for (int i = 0; i < dialog->previewList()->count(); ++i)
            lines << dialog->previewList()->item(i)->text();
        return lines;
    };
    QCOMPARE(caught().size(), 3);
    for (const QString &line : caught())
        QVERIFY2(line.startsWith(u"HighLatency · firing · "_s) && line.contains(u"instance=web-"_s),
                 qPrintable(line));
    QVERIFY2(dialog->previewTitle().contains(u"3 of the 8"_s), qPrintable(dialog->previewTitle()));
    dialog->commentEdit()->setPlainText(u"Moving the web tier to the new load balancer"_s);
    dialog->setDurationUnit(SilenceDialog::Unit::Minutes);
    dialog->durationEdit()->setValue(90);

    // A new alert the matchers catch arrives with a poll: the preview shows it.
    firing << std::array<QString, 3>{u"HighLatency"_s, u"critical"_s, u"web-4"_s};
    am.setRoute("GET", u"/api/v2/alerts"_s, FaultServer::json(amAlerts(firing)));
    QTRY_COMPARE_WITH_TIMEOUT(caught().size(), 4, 5000);
    QVERIFY(dialog->previewTitle().contains(u"4 of the 9"_s));

    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        // The window with the dialog over it, as the user sees them (one picture, any platform).
        QPixmap shot = window.grab();
        QPainter painter(&shot);
        const QPoint at
            = (QPoint(shot.width(), shot.height()) - QPoint(dialog->width(), dialog->height())) / 2;
        dialog->render(&painter, at);
        painter.setPen(QColor(0, 0, 0, 140));
        painter.drawRect(QRect(at, dialog->size()).adjusted(-1, -1, 0, 0));
        painter.end();
        QVERIFY(shot.save(out + u"/silence-preview.png"_s));
    }
    dialog->reject();
}

// "Acknowledge" in the alert's details: a silence in the real Alertmanager for exactly that
// alert, shown "until resolved" in the Silences tab and the details, and saved in the state folder.
void TestAlertsFeature::acknowledgeFromThePage()
{
    AlertmanagerProcess am;
    if (!am.start())
        QSKIP(qPrintable(u"Alertmanager did not start: "_s + am.errorString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray alert
        = QJsonDocument(QJsonArray{QJsonObject{
                            {"labels"_L1, QJsonObject{{"alertname"_L1, u"DiskFull"_s},
                                                      {"severity"_L1, u"critical"_s},
                                                      {"instance"_L1, u"db-1"_s}}},
                            {"annotations"_L1, QJsonObject{{"summary"_L1, u"The disk is full"_s}}},
                            {"startsAt"_L1, now.addSecs(-60).toString(Qt::ISODateWithMs)},
                            {"endsAt"_L1, now.addSecs(600).toString(Qt::ISODateWithMs)}}})
              .toJson(QJsonDocument::Compact);
    QCOMPARE(am.fetch("POST", u"/api/v2/alerts"_s, alert, "application/json").status, 200);

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    Config config;
    config.prometheus.url = loopbackUrl(freeLoopbackPort());
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    config.refresh.alerts = std::chrono::milliseconds(300);
    feature.applyConfig(config);
    feature.start();
    AlertModel *model = feature.service()->alertModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
    AlertsPage *page = feature.page();
    const QString fingerprint = model->at(0).fingerprint;
    QVERIFY(page->showAlert(fingerprint));
    QPushButton *ack = buttonWithText(page->detailsPanel(), u"Acknowledge"_s);
    QVERIFY(ack);
    QVERIFY(ack->isEnabled());
    ack->click();

    QTRY_COMPARE_WITH_TIMEOUT(feature.acknowledgements()->silenceIds().size(), 1, 10000);
    const QString id = feature.acknowledgements()->silenceIds().first();
    const auto silences = am.fetch("GET", u"/api/v2/silence/"_s + id);
    QCOMPARE(silences.status, 200);
    QVERIFY(silences.body.contains("until resolved"));
    QVERIFY(silences.body.contains("db-1"));
    // the page shows it as such once the poll has it
    SilenceModel *silenceModel = feature.service()->silenceModel();
    QTRY_VERIFY_WITH_TIMEOUT(silenceModel->rowOf(id) >= 0, 10000);
    QCOMPARE(
        silenceModel->index(silenceModel->rowOf(id), SilenceModel::StateColumn).data().toString(),
        u"active, until resolved"_s);
    QTRY_VERIFY_WITH_TIMEOUT(page->alertDetailsText().contains(u"Acknowledged until resolved"_s),
                             10000);
    QVERIFY(!ack->isEnabled()); // once is enough
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        window.showPage(feature.id());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(out + u"/alerts-acknowledged.png"_s));
    }
    // remembered in the state folder
    QTRY_VERIFY_WITH_TIMEOUT(QFile(m_state.filePath(u"stackscope/acknowledged.json"_s)).exists(),
                             5000);
}

namespace {

QByteArray postedAlert(const QString &name, const QString &severity, const QString &instance,
                       const QString &summary)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return u"{\"labels\":{\"alertname\":\"%1\",\"severity\":\"%2\",\"instance\":\"%3\","
           "\"job\":\"node\",\"service\":\"api\"},\"annotations\":{\"summary\":\"%4\"},"
           "\"startsAt\":\"%5\",\"endsAt\":\"%6\"}"_s
               .arg(name, severity, instance, summary,
                    now.addSecs(-600 - instance.size() * 97).toString(Qt::ISODateWithMs),
                    now.addSecs(3600).toString(Qt::ISODateWithMs))
               .toUtf8();
}

} // namespace

void TestAlertsFeature::groupsFromARealAlertmanager()
{
    // Critical alerts go to the pager, the rest to the team, grouped by alertname; a critical
    // HighLatency inhibits the warning one.
    AlertmanagerProcess am;
    am.setConfig(u"route:\n"
                 "  receiver: team-ops\n"
                 "  group_by: [alertname]\n"
                 "  group_wait: 1s\n"
                 "  group_interval: 1s\n"
                 "  routes:\n"
                 "    - matchers: ['severity=\"critical\"']\n"
                 "      receiver: pager\n"
                 "receivers:\n"
                 "  - name: team-ops\n"
                 "  - name: pager\n"
                 "inhibit_rules:\n"
                 "  - source_matchers: ['severity=\"critical\"']\n"
                 "    target_matchers: ['severity=\"warning\"']\n"
                 "    equal: [alertname]\n"_s);
    if (!am.start())
        QSKIP(qPrintable(u"Alertmanager did not start: "_s + am.errorString()));
    QList<QByteArray> alerts{
        postedAlert(u"InstanceDown"_s, u"critical"_s, u"host-1:9100"_s, u"host-1 is down"_s),
        postedAlert(u"InstanceDown"_s, u"critical"_s, u"host-2:9100"_s, u"host-2 is down"_s),
        postedAlert(u"HighLatency"_s, u"critical"_s, u"api-1:8080"_s, u"p99 above 2 s"_s),
        postedAlert(u"HighLatency"_s, u"warning"_s, u"api-2:8080"_s, u"p99 above 500 ms"_s),
        postedAlert(u"DiskFull"_s, u"warning"_s, u"host-1:9100"_s, u"/var is 91 % full"_s),
        postedAlert(u"DiskFull"_s, u"warning"_s, u"host-3:9100"_s, u"/ is 95 % full"_s),
        postedAlert(u"DiskFull"_s, u"warning"_s, u"host-4:9100"_s, u"/data is 90 % full"_s),
        postedAlert(u"CertExpiring"_s, u"info"_s, u"web-1:443"_s, u"expires in 12 days"_s),
        postedAlert(u"CertExpiring"_s, u"info"_s, u"web-2:443"_s, u"expires in 20 days"_s),
    };
    QCOMPARE(am.fetch("POST", u"/api/v2/alerts"_s, '[' + alerts.join(',') + ']', "application/json")
                 .status,
             200);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray silence
        = u"{\"matchers\":[{\"name\":\"alertname\",\"value\":\"DiskFull\",\"isRegex\":false},"
          "{\"name\":\"instance\",\"value\":\"host-4:9100\",\"isRegex\":false}],"
          "\"startsAt\":\"%1\",\"endsAt\":\"%2\",\"createdBy\":\"ana\",\"comment\":\"disk "
          "swap\"}"_s
              .arg(now.toString(Qt::ISODateWithMs), now.addSecs(3600).toString(Qt::ISODateWithMs))
              .toUtf8();
    QCOMPARE(am.fetch("POST", u"/api/v2/silences"_s, silence, "application/json").status, 200);

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    FaultServer prom; // Prometheus has nothing of its own to add here
    QVERIFY(prom.listen());
    prom.setRoute("GET", u"/api/v1/alerts"_s,
                  FaultServer::json(R"({"status":"success","data":{"alerts":[]}})"));
    prom.setRoute("GET", u"/api/v1/rules"_s,
                  FaultServer::json(R"({"status":"success","data":{"groups":[]}})"));
    Config config;
    config.prometheus.url = prom.url();
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    config.refresh.alerts = std::chrono::milliseconds(500);
    feature.applyConfig(config);
    feature.start();
    window.showPage(feature.id());
    window.resize(1280, 800);
    window.show();
    AlertsPage *page = feature.page();
    QCOMPARE(page->grouping(), u"alertmanager"_s); // the default
    AlertGroupModel *groups = page->groupModel();
    QTreeView *view = page->alertView();
    QCOMPARE(view->model(), groups);

    // Alertmanager's five groups: pager/InstanceDown, pager/HighLatency, team-ops/HighLatency,
    // team-ops/DiskFull, team-ops/CertExpiring; the silence and the inhibition counted.
    const auto headerOf = [groups](const QString &receiver, const QString &name) {
        for (int r = 0; r < groups->rowCount(); ++r) {
            const QString text = groups->index(r, 0).data().toString();
            if (text.startsWith(u"receiver %1 · alertname=\"%2\""_s.arg(receiver, name)))
                return groups->index(r, 0);
        }
        return QModelIndex();
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        groups->rowCount() == 5
            && headerOf(u"team-ops"_s, u"DiskFull"_s).data().toString().contains(u"1 silenced"_s)
            && headerOf(u"team-ops"_s, u"HighLatency"_s)
                   .data()
                   .toString()
                   .contains(u"1 inhibited"_s),
        20000);
    const QModelIndex disk = headerOf(u"team-ops"_s, u"DiskFull"_s);
    QCOMPARE(disk.data().toString(),
             u"receiver team-ops · alertname=\"DiskFull\" — 3 alerts: 2 firing · 1 silenced"_s);
    QCOMPARE(groups->rowCount(disk), 3);
    QCOMPARE(groups->rowCount(headerOf(u"pager"_s, u"InstanceDown"_s)), 2);
    // critical groups first
    QVERIFY(groups->index(0, 0).data().toString().startsWith(u"receiver pager"_s));
    // header rows span the table and are expanded; one is collapsed by the user and stays so
    for (int r = 0; r < groups->rowCount(); ++r) {
        QVERIFY(view->isFirstColumnSpanned(r, {}));
        QVERIFY(view->isExpanded(groups->index(r, 0)));
    }
    const QPersistentModelIndex certs = headerOf(u"team-ops"_s, u"CertExpiring"_s);
    view->collapse(certs);
    QTest::qWait(1200); // two polls
    QVERIFY(certs.isValid());
    QVERIFY(!view->isExpanded(certs));
    QVERIFY(view->isExpanded(headerOf(u"team-ops"_s, u"DiskFull"_s)));

    // the selected alert's labels as chips
    AlertModel *model = feature.service()->alertModel();
    int row = -1;
    for (int i = 0; i < model->rowCount(); ++i) {
        if (model->at(i).labels.value(u"instance"_s) == "host-1:9100"_L1
            && model->at(i).name() == "DiskFull"_L1)
            row = i;
    }
    QVERIFY(row >= 0);
    QVERIFY(page->showAlert(model->at(row).fingerprint));
    QCOMPARE(view->currentIndex().parent().row(), headerOf(u"team-ops"_s, u"DiskFull"_s).row());
    LabelChips *chips = page->labelChips();
    QPushButton *instanceChip = chips->chip(u"instance"_s);
    QVERIFY(instanceChip);
    QCOMPARE(instanceChip->text(), u"instance=\"host-1:9100\""_s);
    QVERIFY(chips->chip(u"alertname"_s) && chips->chip(u"severity"_s));
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(100);
        QVERIFY(window.grab().save(out + u"/alerts-grouped.png"_s));
    }

    // a click on a chip filters the grouped view by the label; shift-click excludes it
    QTest::mouseClick(chips->chip(u"service"_s), Qt::LeftButton);
    QCOMPARE(page->labelFilter()->text(), u"service=\"api\""_s);
    QTest::mouseClick(instanceChip, Qt::LeftButton);
    QCOMPARE(page->labelFilter()->text(), u"service=\"api\", instance=\"host-1:9100\""_s);
    groups->sync();
    // host-1: InstanceDown (pager) and DiskFull (team-ops)
    QCOMPARE(groups->rowCount(), 2);
    QPushButton *nameChip = page->labelChips()->chip(u"alertname"_s);
    QVERIFY(nameChip);
    QTest::mouseClick(nameChip, Qt::LeftButton, Qt::ShiftModifier);
    QCOMPARE(page->labelFilter()->text(),
             u"service=\"api\", instance=\"host-1:9100\", alertname!=\"DiskFull\""_s);
    groups->sync();
    QCOMPARE(groups->rowCount(), 1);
    QVERIFY(groups->index(0, 0).data().toString().startsWith(
        u"receiver pager · alertname=\"InstanceDown\""_s));
    QCOMPARE(groups->rowCount(groups->index(0, 0)), 1);
}

// Without an Alertmanager the alerts are real Prometheus' own: nobody groups them, so the default
// grouping is by alert name (each header says so), not one catch-all group of everything.
void TestAlertsFeature::groupsByNameWithPrometheusAlone()
{
    PrometheusProcess prometheus;
    prometheus.setRuleFile(u"alerts.yml"_s, alertRules()); // AlwaysFiring, StaysPending
    if (!prometheus.start())
        QSKIP(qPrintable(u"Prometheus did not start: "_s + prometheus.errorString()));
    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    Config config;
    config.prometheus.url = prometheus.url();
    config.refresh.alerts = std::chrono::milliseconds(500);
    feature.applyConfig(config);
    feature.start();
    AlertsPage *page = feature.page();
    QCOMPARE(page->grouping(), u"alertmanager"_s); // the default
    AlertGroupModel *groups = page->groupModel();
    QTRY_COMPARE_WITH_TIMEOUT(groups->rowCount(), 2, 20000);
    QStringList headers;
    for (int r = 0; r < groups->rowCount(); ++r) {
        headers << groups->index(r, 0).data().toString();
        QVERIFY(page->alertView()->isFirstColumnSpanned(r, {})); // a header row
    }
    QCOMPARE(headers,
             (QStringList{u"alertname=\"AlwaysFiring\" · by alert name: no Alertmanager groups "
                          "them — 1 alert: 1 firing"_s,
                          u"alertname=\"StaysPending\" · by alert name: no Alertmanager groups "
                          "them — 1 alert: 1 pending"_s}));
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        window.showPage(feature.id());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(300);
        QVERIFY(window.grab().save(out + u"/alerts-prometheus-alone.png"_s));
    }
    qInfo("Prometheus alone: %d groups: %s", int(headers.size()),
          qPrintable(headers.join(u" | "_s)));
}

// The History tab: periods kept from earlier runs (in the state folder) and the real stack's
// alerts as they fire, resolve and fire again; the page's text filter filters it, a selected row
// shows its details.
void TestAlertsFeature::historyTabShowsPeriods()
{
    AlertStack stack;
    if (!stack.start(false))
        QSKIP(qPrintable(u"the real servers did not start: "_s + stack.error));
    // Earlier runs' periods, in the file Stackscope reads at start.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto period = [](const LabelSet &labels, const QDateTime &from, qint64 seconds) {
        AlertPeriod p;
        p.labels = labels;
        p.fingerprint = labelsFingerprint(labels);
        p.name = labels.value(u"alertname"_s);
        p.from = from;
        p.to = from.addSecs(seconds);
        p.seen = p.to;
        return p;
    };
    const LabelSet always{
        {u"alertname"_s, u"AlwaysFiring"_s}, {u"severity"_s, u"critical"_s}, {u"team"_s, u"ops"_s}};
    const LabelSet disk{{u"alertname"_s, u"DiskFull"_s},
                        {u"severity"_s, u"critical"_s},
                        {u"instance"_s, u"db1:9100"_s},
                        {u"mountpoint"_s, u"/var/lib/postgresql"_s}};
    const LabelSet errors{
        {u"alertname"_s, u"HighErrorRate"_s}, {u"severity"_s, u"warning"_s}, {u"job"_s, u"api"_s}};
    QList<AlertPeriod> earlier{period(always, now.addDays(-3), 3 * 3600 + 1200),
                               period(disk, now.addDays(-2).addSecs(-5000), 2400),
                               period(errors, now.addDays(-2), 900),
                               period(disk, now.addDays(-1).addSecs(-7200), 5400),
                               period(always, now.addSecs(-26 * 3600), 3600),
                               period(errors, now.addSecs(-5 * 3600), 420)};
    earlier[3].silenced = true;
    const QString path = AlertHistory::defaultPath();
    QVERIFY(path.startsWith(m_state.path()));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(AlertHistory::toJson(earlier));
    file.close();

    QNetworkAccessManager network;
    BackendStatusModel backends;
    MainWindow window(&backends);
    AppContext context{&network, nullptr, &backends, nullptr, &window};
    AlertsFeature feature(context);
    window.addPage(feature.id(), feature.title(), feature.icon(), feature.createPage());
    feature.applyConfig(stack.config(std::chrono::milliseconds(500)));
    feature.start();
    AlertsPage *page = feature.page();
    AlertHistoryView *view = page->historyView();
    QVERIFY(view);
    QCOMPARE(page->tabs()->tabText(page->tabs()->indexOf(view)), u"History"_s);
    AlertHistoryModel *model = feature.history()->model();
    const auto count = [model](const QString &name, bool open) {
        int n = 0;
        for (const AlertPeriod &p : model->items())
            n += p.name == name && p.isOpen() == open;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(count(u"Flippable"_s, true), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"AlwaysFiring"_s, true), 1, 20000);
    QTest::qWait(4000); // it fires a while
    // Resolved and fired again: one closed period and a new open one.
    stack.flip(false);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"Flippable"_s, false), 1, 30000);
    stack.flip(true);
    QTRY_COMPARE_WITH_TIMEOUT(count(u"Flippable"_s, true), 1, 30000);
    QCOMPARE(model->rowCount(), earlier.size() + 3);
    for (const AlertPeriod &p : model->items()) {
        if (p.name == "Flippable"_L1 && !p.isOpen())
            QVERIFY2(p.from.secsTo(p.to) >= 3, qPrintable(p.to.toString(Qt::ISODateWithMs)));
    }
    QCOMPARE(model->countOf(labelsFingerprint(always)), 3); // two earlier, one now

    // Newest first; the open ones say "firing".
    QSortFilterProxyModel *proxy = view->proxy();
    QCOMPARE(proxy->rowCount(), model->rowCount());
    QVERIFY(proxy->index(0, AlertHistoryModel::FromColumn)
                .data(AlertHistoryModel::SortRole)
                .toLongLong()
            >= proxy->index(1, AlertHistoryModel::FromColumn)
                   .data(AlertHistoryModel::SortRole)
                   .toLongLong());
    QStringList to;
    for (int row = 0; row < proxy->rowCount(); ++row)
        to << proxy->index(row, AlertHistoryModel::ToColumn).data().toString();
    QCOMPARE(to.count(u"firing"_s), 2);

    // The page's text filter filters the history too; a selected row shows its details.
    page->textFilter()->setText(u"disk"_s);
    QCOMPARE(view->filter()->text(), u"disk"_s);
    QCOMPARE(proxy->rowCount(), 2);
    view->view()->setCurrentIndex(proxy->index(0, 0));
    QVERIFY2(view->detailsText().contains(u"Fired from"_s), qPrintable(view->detailsText()));
    QVERIFY(view->detailsText().contains(u"mountpoint = /var/lib/postgresql"_s));
    QVERIFY(view->detailsText().contains(u"Fired 2 time"_s));
    view->filter()->setText(QString());
    QCOMPARE(page->textFilter()->text(), QString());
    QCOMPARE(proxy->rowCount(), model->rowCount());

    // Sorted by "how often".
    view->view()->sortByColumn(AlertHistoryModel::CountColumn, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, AlertHistoryModel::AlertColumn).data().toString(), u"AlwaysFiring"_s);

    // "Open as chart" on a period: the rule's expression over that period, with its labels for
    // the bands.
    const QModelIndex flipRow
        = proxy->match(proxy->index(0, 0), Qt::DisplayRole, u"Flippable"_s, 1, Qt::MatchExactly)
              .value(0);
    QVERIFY(flipRow.isValid());
    view->view()->setCurrentIndex(flipRow);
    const auto flipPeriod = flipRow.data(AlertHistoryModel::PeriodRole).value<AlertPeriod>();
    QSignalSpy show(&feature, &Feature::showRequested);
    auto *chartButton = view->findChild<QPushButton *>(u"historyChartButton"_s);
    QVERIFY(chartButton && chartButton->isEnabled());
    chartButton->click();
    QCOMPARE(show.size(), 1);
    const auto request = show.first().at(0).value<NavigationRequest>();
    const auto *metrics = std::get_if<MetricsRequest>(&request);
    QVERIFY(metrics);
    QCOMPARE(metrics->expr, u"stackscope_test_flip > 0"_s); // from the Rules tab's rule
    QCOMPARE(metrics->alert, flipPeriod.labels);
    QVERIFY(metrics->start < flipPeriod.from);

    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        view->view()->sortByColumn(AlertHistoryModel::FromColumn, Qt::DescendingOrder);
        const QModelIndex flippable
            = proxy->match(proxy->index(0, 0), Qt::DisplayRole, u"Flippable"_s, 2, Qt::MatchExactly)
                  .value(1);
        view->view()->setCurrentIndex(flippable);
        QDir().mkpath(out);
        window.showPage(feature.id());
        page->tabs()->setCurrentWidget(view);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(200);
        QVERIFY(window.grab().save(out + u"/alerts-history.png"_s));
    }
}

QTEST_MAIN(TestAlertsFeature)
#include "tst_alertsfeature.moc"
