// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts feature as the application composes it, against a fault server serving real
// Alertmanager and Prometheus bodies: the page fills, show({"fingerprint"}) and "Open" raise the
// window on the alert, "Open as chart" asks the metrics page for the expression and window, the
// tray follows the alerts and drives the mute toggle, and a failing source is said on the page.
// A silence that a real Alertmanager refuses keeps the dialog open with Alertmanager's text.
#include "app/alerts/alerthistory.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "app/features/alertsfeature.h"
#include "models/alerts/alerthistorymodel.h"
#include "models/alerts/alertmodel.h"
#include "models/backendstatusmodel.h"
#include "tests/alerts/alertstestenv.h"
#include "tests/support/faultserver.h"
#include "tests/support/freeport.h"
#include "tests/support/serverprocess.h"
#include "ui/alerts/alerthistoryview.h"
#include "ui/alerts/alertspage.h"
#include "ui/alerts/silencedialog.h"
#include "ui/mainwindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

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
    void historyTabShowsPeriods();

private:
    QTemporaryDir m_state;
};

void TestAlertsFeature::initTestCase()
{
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
