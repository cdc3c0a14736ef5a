// SPDX-License-Identifier: GPL-3.0-or-later
// Load: 2,000 firing alerts in a real Alertmanager 0.25 (posted through its API), shown by the
// Alerts page through the real AlertsFeature (offscreen), with the StallWatchdog running:
//   load_alerts_2000_show_ms   from the feature's start to all 2,000 rows in the page's view
//                              (grouped as Alertmanager groups them, the page's default)
//   load_alerts_2000_stall_ms  the worst GUI-thread stall over the first load, refresh cycles
//                              (2% of the alerts replaced, the rest re-sent, every poll) and
//                              filter changes (text, label, severity, cleared) (goal <= 50 ms)
#include "app/alerts/alertsservice.h"
#include "app/features/alertsfeature.h"
#include "models/alerts/alertfilterproxy.h"
#include "models/alerts/alertmodel.h"
#include "tests/load/loadsupport.h"
#include "tests/support/faultserver.h"
#include "tests/support/serverprocess.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Load;

namespace {

constexpr int alertCount = 2000;

/// Alertmanager's POST /api/v2/alerts body: 2,000 firing alerts. In generation n > 0 the first 2%
/// are new ones, and those of generation n - 1 are sent again with an endsAt in the past, so that
/// they resolve at once.
QByteArray alertsBody(int generation)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QByteArray body = "[";
    for (int i = 0; i < alertCount; ++i) {
        const int id = i < alertCount / 50 ? i + generation * 100000 : i;
        if (i)
            body += ',';
        const char *severity = id % 7 == 0 ? "critical" : id % 3 ? "warning" : "info";
        body += u"{\"labels\":{\"alertname\":\"LoadAlert%1\",\"instance\":\"host-%2:9100\","
                "\"severity\":\"%3\",\"job\":\"node\"},\"annotations\":{\"summary\":\"Instance "
                "host-%2 is down\",\"description\":\"Load test alert number %2.\"},"
                "\"startsAt\":\"%4\",\"endsAt\":\"%5\"}"_s.arg(id % 97)
                    .arg(id)
                    .arg(QLatin1StringView(severity))
                    .arg(now.addSecs(-id).toString(Qt::ISODateWithMs),
                         now.addSecs(3600).toString(Qt::ISODateWithMs))
                    .toUtf8();
    }
    // The alerts replaced in this generation: resolved now.
    if (generation > 0) {
        for (int i = 0; i < alertCount / 50; ++i) {
            const int id = i + (generation - 1) * 100000;
            const char *severity = id % 7 == 0 ? "critical" : id % 3 ? "warning" : "info";
            body += u",{\"labels\":{\"alertname\":\"LoadAlert%1\",\"instance\":\"host-%2:9100\","
                    "\"severity\":\"%3\",\"job\":\"node\"},\"annotations\":{\"summary\":"
                    "\"Instance host-%2 is down\",\"description\":\"Load test alert number %2.\"},"
                    "\"startsAt\":\"%4\",\"endsAt\":\"%5\"}"_s.arg(id % 97)
                        .arg(id)
                        .arg(QLatin1StringView(severity))
                        .arg(now.addSecs(-id).toString(Qt::ISODateWithMs),
                             now.addSecs(-1).toString(Qt::ISODateWithMs))
                        .toUtf8();
        }
    }
    body += ']';
    return body;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // no desktop notifications
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);      // the page's default grouping, not the user's
    QSettings().remove(AlertsPage::settingsKey()); // nor one a previous run chose
    QElapsedTimer total;
    total.start();

    Test::AlertmanagerProcess am;
    if (!am.start()) {
        say(u"# load_alerts skipped: "_s + am.errorString());
        return 0;
    }
    // Prometheus' side of the page (its pending alerts and rules) is empty here.
    Test::FaultServer prom;
    prom.listen();
    prom.setRoute("GET", u"/api/v1/alerts"_s,
                  Test::FaultServer::json(R"({"status":"success","data":{"alerts":[]}})"));
    prom.setRoute("GET", u"/api/v1/rules"_s,
                  Test::FaultServer::json(R"({"status":"success","data":{"groups":[]}})"));

    QElapsedTimer clock;
    clock.start();
    const auto posted = am.fetch("POST", u"/api/v2/alerts"_s, alertsBody(0), "application/json",
                                 std::chrono::seconds(30));
    if (posted.status != 200) {
        say(u"# load_alerts skipped: posting the alerts failed: %1 %2"_s.arg(posted.status)
                .arg(posted.error));
        return 0;
    }
    // Wait until Alertmanager lists them all (its API answers from its store at once).
    for (;;) {
        const auto r = am.fetch("GET", u"/api/v2/alerts?active=true&silenced=false"_s, {}, {},
                                std::chrono::seconds(30));
        if (r.status == 200 && r.body.count("\"fingerprint\"") >= alertCount)
            break;
        if (clock.elapsed() > 60000) {
            say(u"# load_alerts skipped: Alertmanager did not list the alerts"_s);
            return 0;
        }
        pump(100);
    }
    say(u"# posted %1 alerts to Alertmanager %2 in %3 ms"_s.arg(alertCount)
            .arg(am.binary())
            .arg(clock.elapsed()));
    QList<QByteArray> refreshBodies;
    for (int generation = 1; generation <= 3; ++generation)
        refreshBodies << alertsBody(generation);

    QNetworkAccessManager network;
    AppContext context;
    context.network = &network;
    AlertsFeature feature(context);
    std::unique_ptr<QWidget> pageWidget(feature.createPage());
    auto *page = feature.page();
    page->resize(1400, 900);
    page->show();
    (void)QTest::qWaitForWindowExposed(page);
    Config config;
    config.prometheus.url = prom.url();
    EndpointConfig e;
    e.url = am.url();
    config.alertmanagers << e;
    config.refresh.alerts = std::chrono::milliseconds(1000);
    feature.applyConfig(config);
    // STACKSCOPE_BENCH_GROUPING=none (or label:NAME) measures another grouping than the default.
    if (const QString grouping = qEnvironmentVariable("STACKSCOPE_BENCH_GROUPING");
        !grouping.isEmpty())
        page->setGrouping(grouping);
    say(u"# grouping: "_s + page->grouping());
    QTreeView *view = page->alertView();
    // The rows the page shows, grouped or not: the flat, filtered list under the groups.
    QAbstractItemModel *shownRows = page->alertProxy();

    StallMeter stalls;
    stalls.start();
    clock.restart();
    inLoop([&] { feature.start(); }, 0);
    const double shown = waitFor([&] { return shownRows->rowCount() >= alertCount; }, 60000);
    if (shown < 0) {
        say(u"# load_alerts: the page showed %1 of %2 alerts within 60 s"_s
                .arg(shownRows->rowCount())
                .arg(alertCount));
        return 1;
    }
    const double showMs = double(clock.nsecsElapsed()) / 1e6;
    pump(300); // the first paint of the full table
    stalls.endPhase(u"first load: %1 rows shown after %2 ms"_s.arg(shownRows->rowCount())
                        .arg(showMs, 0, 'f', 0));

    // Refresh cycles: Alertmanager gets a new list (2% replaced) and the page polls it.
    AlertModel *model = feature.service()->alertModel();
    for (const QByteArray &body : std::as_const(refreshBodies)) {
        am.fetch("POST", u"/api/v2/alerts"_s, body, "application/json", std::chrono::seconds(30));
        pump(2500); // two polls
    }
    stalls.endPhase(u"3 refresh cycles (40 alerts replaced, 1,960 re-sent each), %1 rows"_s.arg(
        model->rowCount()));

    // Filter changes while polls go on.
    inLoop([&] { page->textFilter()->setText(u"host-1"_s); }, 400);
    const int textRows = shownRows->rowCount();
    inLoop([&] { page->textFilter()->setText(u"host-19"_s); }, 400);
    inLoop([&] { page->textFilter()->clear(); }, 400);
    inLoop([&] { page->labelFilter()->setText(u"severity=critical"_s); }, 400);
    const int labelRows = shownRows->rowCount();
    inLoop([&] { page->labelFilter()->clear(); }, 400);
    for (int i = 0; i < page->severityFilter()->count(); ++i)
        inLoop([&] { page->severityFilter()->setCurrentIndex(i); }, 400);
    inLoop([&] { page->severityFilter()->setCurrentIndex(0); }, 400);
    inLoop([&] { view->sortByColumn(1, Qt::DescendingOrder); }, 400);
    inLoop([&] { view->sortByColumn(0, Qt::AscendingOrder); }, 400);
    stalls.endPhase(u"filter changes (text \"host-1\": %1 rows, label severity=critical: %2 rows, "
                    "each severity, sorting)"_s.arg(textRows)
                        .arg(labelRows));
    stalls.stop();

    figure("load_alerts_2000_show_ms", showMs, "ms", 0);
    figure("load_alerts_2000_stall_ms", stalls.worstMs(), "ms");
    say(u"# load_alerts_2000 GUI thread's own CPU in the worst tick gap: %1 ms"_s.arg(
        stalls.worstCpuMs(), 0, 'f', 1));
    say(u"# load_alerts run time %1 s"_s.arg(double(total.elapsed()) / 1000, 0, 'f', 1));
    pageWidget.reset();
    am.stop();
    return 0;
}
