// SPDX-License-Identifier: GPL-3.0-or-later
// The alerts feature as the application composes it, against a fault server serving real
// Alertmanager and Prometheus bodies: the page fills, show({"fingerprint"}) and "Open" raise the
// window on the alert, "Open as chart" asks the metrics page for the expression and window, the
// tray follows the alerts and drives the mute toggle, and a failing source is said on the page.
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "app/features/alertsfeature.h"
#include "models/alerts/alertmodel.h"
#include "models/backendstatusmodel.h"
#include "tests/support/faultserver.h"
#include "ui/alerts/alertspage.h"
#include "ui/mainwindow.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
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
}

QTEST_MAIN(TestAlertsFeature)
#include "tst_alertsfeature.moc"
