// SPDX-License-Identifier: GPL-3.0-or-later
// Load: 5,000 scrape targets (50 jobs of 100, a tenth of them down with an error) served as
// /api/v1/targets in Prometheus' real format by the FaultServer, shown by the Metrics page's
// Targets tab through the real MetricsFeature (offscreen), with the StallWatchdog running:
//   load_targets_5000_show_ms   from opening the Targets tab to all 5,000 targets in the model,
//                               the tab's status updated
//   load_targets_5000_stall_ms  the worst GUI-thread stall over the first load, refreshes
//                               (every target's lastScrape changes, 1% flip health) and filter
//                               changes (goal <= 50 ms)
#include "app/config/configmanager.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/metricscontroller.h"
#include "models/metrics/targetsmodel.h"
#include "tests/load/loadsupport.h"
#include "tests/support/faultserver.h"
#include "ui/metrics/metricspage.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Load;

namespace {

constexpr int jobs = 50;
constexpr int perJob = 100;

/// Prometheus 2.42's /api/v1/targets?state=active with 5,000 targets; `generation` moves every
/// lastScrape and flips the health of 1% of the targets.
QByteArray targetsBody(int generation)
{
    const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(generation);
    QByteArray body = R"({"status":"success","data":{"activeTargets":[)";
    for (int j = 0; j < jobs; ++j) {
        for (int t = 0; t < perJob; ++t) {
            const int n = j * perJob + t;
            const bool down = (n % 10 == 3) != (n % 100 == generation % 100);
            const QString job = u"job-%1"_s.arg(j, 2, 10, QChar(u'0'));
            const QString address = u"10.%1.%2.%3:9100"_s.arg(j).arg(t / 250).arg(t % 250 + 1);
            if (n)
                body += ',';
            body += u"{\"discoveredLabels\":{\"__address__\":\"%1\",\"__metrics_path__\":"
                    "\"/metrics\",\"__scheme__\":\"http\",\"__scrape_interval__\":\"15s\","
                    "\"__scrape_timeout__\":\"10s\",\"job\":\"%2\"},\"labels\":{\"instance\":"
                    "\"%1\",\"job\":\"%2\",\"zone\":\"zone-%3\"},\"scrapePool\":\"%2\","
                    "\"scrapeUrl\":\"http://%1/metrics\",\"globalUrl\":\"http://%1/metrics\","
                    "\"lastError\":\"%4\",\"lastScrape\":\"%5\",\"lastScrapeDuration\":%6,"
                    "\"health\":\"%7\",\"scrapeInterval\":\"15s\",\"scrapeTimeout\":\"10s\"}"_s
                        .arg(address, job)
                        .arg(n % 3)
                        .arg(down ? u"Get \\\"http://%1/metrics\\\": dial tcp %1: connect: "
                                    "connection refused"_s.arg(address)
                                  : QString(),
                             now.addMSecs(-(n * 7) % 15000).toString(Qt::ISODateWithMs))
                        .arg(0.001 + (n % 97) / 1000.0)
                        .arg(down ? u"down"_s : u"up"_s)
                        .toUtf8();
        }
    }
    body += R"(],"droppedTargets":[]}})";
    return body;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the remembered dashboard stays out of the user's
    QElapsedTimer total;
    total.start();

    // The bodies are made before measuring: the server runs on the GUI thread too.
    QList<QByteArray> bodies;
    for (int generation = 0; generation < 4; ++generation)
        bodies << targetsBody(generation);
    say(u"# 5,000 targets: %1 MB of /api/v1/targets JSON"_s.arg(double(bodies.first().size()) / 1e6,
                                                                0, 'f', 1));
    Test::FaultServer prom;
    prom.listen();
    int served = 0;
    prom.setHandler([&](const Test::FaultRequest &request) -> std::optional<Test::FaultResponse> {
        if (request.path == "/api/v1/targets"_L1)
            return Test::FaultServer::json(bodies.at(served++ % bodies.size()));
        if (request.path == "/api/v1/query_range"_L1)
            return Test::FaultServer::json(
                R"({"status":"success","data":{"resultType":"matrix","result":[]}})");
        if (request.path == "/api/v1/query"_L1)
            return Test::FaultServer::json(
                R"({"status":"success","data":{"resultType":"vector","result":[]}})");
        return std::nullopt;
    });

    QTemporaryDir dir;
    QNetworkAccessManager network;
    ConfigManager configManager(dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &network;
    context.config = &configManager;
    MetricsFeature feature(context);
    std::unique_ptr<QWidget> pageWidget(feature.createPage());
    MetricsPage *page = feature.page();
    page->resize(1400, 900);
    page->show();
    (void)QTest::qWaitForWindowExposed(page);
    Config config;
    config.prometheus.url = prom.url();
    config.refresh.metrics = std::chrono::milliseconds(2000);
    feature.applyConfig(config);
    feature.start();
    pump(500);
    int targetsTab = -1;
    for (int i = 0; i < page->tabs()->count(); ++i) {
        if (page->tabs()->tabText(i).remove(u'&') == "Targets"_L1)
            targetsTab = i;
    }
    auto *view = page->findChild<QAbstractItemView *>(u"targetsView"_s);
    auto *filter = page->findChild<QLineEdit *>(u"targetsFilter"_s);
    if (targetsTab < 0 || !view || !filter) {
        say(u"# load_targets: the page has no Targets tab, targetsView or targetsFilter"_s);
        return 1;
    }
    const TargetsModel *model = feature.controller()->targetsModel();

    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    inLoop([&] { page->tabs()->setCurrentIndex(targetsTab); }, 0);
    if (waitFor([&] { return model->targetCount() >= jobs * perJob; }, 60000) < 0) {
        say(u"# load_targets: %1 of 5,000 targets shown within 60 s"_s.arg(model->targetCount()));
        return 1;
    }
    const double showMs = double(clock.nsecsElapsed()) / 1e6;
    pump(300);
    stalls.endPhase(u"first load: %1 targets in %2 jobs after %3 ms (%4 rows in the view)"_s
                        .arg(model->targetCount())
                        .arg(model->rowCount())
                        .arg(showMs, 0, 'f', 0)
                        .arg(view->model()->rowCount()));

    // Refreshes: the poll follows the refresh interval (2 s); every answer differs.
    const int before = served;
    pump(7000);
    stalls.endPhase(
        u"%1 refreshes (all lastScrape moved, 1% health flipped)"_s.arg(served - before));

    // Filter changes, each its own phase; polls may land in them.
    inLoop([&] { filter->setText(u"job-07"_s); }, 300);
    stalls.endPhase(u"filter \"job-07\" (%1 job row)"_s.arg(view->model()->rowCount()));
    for (const QString &text : {u"down"_s, u"10.3.0.1"_s, u"refused"_s}) {
        inLoop([&] { filter->setText(text); }, 300);
        stalls.endPhase(u"filter \"%1\""_s.arg(text));
    }
    inLoop([&] { filter->clear(); }, 300);
    stalls.endPhase(u"filter cleared"_s);
    inLoop([&] { view->scrollToBottom(); }, 200);
    inLoop([&] { view->scrollToTop(); }, 200);
    stalls.endPhase(u"scrolling to the bottom and back"_s);
    // Refreshes while a filter is set.
    inLoop([&] { filter->setText(u"down"_s); }, 300);
    stalls.endPhase(u"filter \"down\" from no filter"_s);
    const int beforeFiltered = served;
    pump(4500);
    stalls.endPhase(u"%1 refreshes while filtered by \"down\""_s.arg(served - beforeFiltered));
    inLoop([&] { filter->clear(); }, 300);
    stalls.stop();

    figure("load_targets_5000_show_ms", showMs, "ms", 0);
    figure("load_targets_5000_stall_ms", stalls.worstMs(), "ms");
    say(u"# load_targets_5000 GUI thread's own CPU in the worst tick gap: %1 ms"_s.arg(
        stalls.worstCpuMs(), 0, 'f', 1));
    say(u"# load_targets run time %1 s"_s.arg(double(total.elapsed()) / 1000, 0, 'f', 1));
    return 0;
}
