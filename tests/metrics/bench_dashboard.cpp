// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of a large dashboard (issue 15; goals in brackets), against a real Prometheus 2.42
// scraping a real node-exporter every second:
//   dashboard_open_150_panels_ms          a generated 150-panel Grafana dashboard (time series,
//                                         stat, gauge, bar gauge, table; 14 rows, 3 collapsed),
//                                         from choosing it to every panel on screen painted with
//                                         its data                                   [≤ 1,000 ms]
//   dashboard_scroll_frame_150_panels_ms  p95 of one scroll step (120 px) down the whole
//                                         dashboard and back: the scroll, the layout, the lazy
//                                         queries it starts, answers arriving, the repaint [≤ 16
//                                         ms]
//   dashboard_idle_cpu_150_panels_percent the dashboard open, refreshing every 15 s, for 60 s
//                                                                                     [≤ 1 %]
// The open figure is the median of five openings (another dashboard in between).
#include "app/features/metricsfeature.h"
#include "app/http/httpclient.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "tests/support/benchfigures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

qint64 cpuMicros()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec
           + usage.ru_stime.tv_usec;
}

/// CPU time of the calling thread in ms: context for wall-clock figures on a loaded machine.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// What node-exporter answers on any Linux host, so that every panel has data.
const char *const kQueries[] = {
    "rate(node_cpu_seconds_total{mode!=\"idle\"}[1m])",
    "node_memory_MemAvailable_bytes",
    "rate(node_network_receive_bytes_total[1m])",
    "node_load1",
    "node_filesystem_avail_bytes",
    "rate(node_context_switches_total[1m])",
    "node_procs_running",
    "rate(node_disk_read_bytes_total[1m])",
    "node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes",
    "rate(node_intr_total[1m])",
    "node_sockstat_TCP_inuse",
    "scrape_duration_seconds",
};

/// A Grafana dashboard as its JSON model: 14 rows of which the last 3 are collapsed (their
/// panels nested in the row, as Grafana saves them), 136 panels of five types under them.
QByteArray generatedDashboard()
{
    const QStringList types{u"timeseries"_s, u"stat"_s, u"gauge"_s, u"bargauge"_s, u"table"_s};
    QJsonArray panels;
    int id = 1;
    int y = 0;
    int query = 0;
    const int rows = 14;
    const int total = 150;
    const int perRow = (total - rows) / rows; // 9, the remainder goes to the first rows
    int remainder = (total - rows) % rows;
    for (int row = 0; row < rows; ++row) {
        const bool collapsed = row >= rows - 3;
        QJsonObject header{
            {u"type"_s, u"row"_s},
            {u"id"_s, id++},
            {u"title"_s, u"Row %1"_s.arg(row + 1)},
            {u"collapsed"_s, collapsed},
            {u"gridPos"_s, QJsonObject{{u"x"_s, 0}, {u"y"_s, y}, {u"w"_s, 24}, {u"h"_s, 1}}}};
        ++y;
        const int count = perRow + (remainder-- > 0 ? 1 : 0);
        QJsonArray children;
        for (int i = 0; i < count; ++i) {
            const QString type = types.at((row + i) % types.size());
            const int w = type == u"timeseries"_s || type == u"table"_s ? 8 : 4;
            const QJsonObject target{
                {u"refId"_s, u"A"_s},
                {u"expr"_s, QString::fromLatin1(kQueries[query++ % std::size(kQueries)])},
                {u"legendFormat"_s, u"{{instance}} {{cpu}}{{device}}{{mode}}"_s}};
            const QJsonArray steps{
                QJsonObject{{u"color"_s, u"green"_s}, {u"value"_s, QJsonValue()}},
                QJsonObject{{u"color"_s, u"red"_s}, {u"value"_s, 80}}};
            QJsonObject defaults;
            defaults.insert(u"unit"_s, u"short"_s);
            defaults.insert(u"thresholds"_s,
                            QJsonObject{{u"mode"_s, u"absolute"_s}, {u"steps"_s, steps}});
            QJsonObject panel;
            panel.insert(u"type"_s, type);
            panel.insert(u"id"_s, id++);
            panel.insert(u"title"_s, u"%1 %2.%3"_s.arg(type).arg(row + 1).arg(i + 1));
            panel.insert(u"gridPos"_s, QJsonObject{{u"x"_s, (i * 8) % 24},
                                                   {u"y"_s, y + (i / 3) * 7},
                                                   {u"w"_s, w},
                                                   {u"h"_s, 7}});
            panel.insert(u"datasource"_s, QJsonObject{{u"type"_s, u"prometheus"_s},
                                                      {u"uid"_s, u"${DS_PROMETHEUS}"_s}});
            panel.insert(u"targets"_s, QJsonArray{target});
            panel.insert(u"fieldConfig"_s, QJsonObject{{u"defaults"_s, defaults}});
            panel.insert(u"options"_s,
                         QJsonObject{{u"legend"_s, QJsonObject{{u"displayMode"_s, u"list"_s},
                                                               {u"placement"_s, u"bottom"_s}}}});
            children.append(panel);
        }
        y += ((count + 2) / 3) * 7;
        if (collapsed) {
            header.insert(u"panels"_s, children);
            panels.append(header);
        } else {
            panels.append(header);
            for (const QJsonValue &child : std::as_const(children))
                panels.append(child);
        }
    }
    const QJsonObject dashboard{
        {u"uid"_s, u"bench-150"_s},
        {u"title"_s, u"150 panels"_s},
        {u"refresh"_s, u"15s"_s},
        {u"__inputs"_s, QJsonArray{QJsonObject{{u"name"_s, u"DS_PROMETHEUS"_s},
                                               {u"type"_s, u"datasource"_s},
                                               {u"pluginId"_s, u"prometheus"_s}}}},
        {u"panels"_s, panels},
    };
    return QJsonDocument(dashboard).toJson(QJsonDocument::Compact);
}

/// The panels of the page that are on screen now (not rows, not hidden in a collapsed row).
QList<int> onScreen(MetricsPage &page, QScrollArea *scroll)
{
    QList<int> result;
    const QList<PanelWidget *> panels = page.panelWidgets();
    const QRect viewport = scroll->viewport()->rect();
    for (int i = 0; i < panels.size(); ++i) {
        PanelWidget *panel = panels.at(i);
        if (panel->panel().type == Panel::Type::Row || !panel->isVisible())
            continue;
        const QRect rect(panel->mapTo(scroll->viewport(), QPoint(0, 0)), panel->size());
        if (rect.intersects(viewport))
            result << i;
    }
    return result;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);

    Dashboard big;
    QString error;
    if (!DashboardLoader::fromGrafanaJson(generatedDashboard(), &big, &error)) {
        std::fprintf(stderr, "the generated dashboard does not load: %s\n", qPrintable(error));
        return 1;
    }
    int panelCount = 0;
    int rowCount = 0;
    for (const Panel &p : std::as_const(big.panels))
        (p.type == Panel::Type::Row ? rowCount : panelCount)++;
    std::printf("# generated dashboard: %d panels under %d rows (%lld entries), %lld warnings\n",
                panelCount, rowCount, static_cast<long long>(big.panels.size()),
                static_cast<long long>(big.warnings.size()));

    Test::ServerProcess nodeExporter({u"prometheus-node-exporter"_s, u"node_exporter"_s},
                                     u"/metrics"_s);
    Test::PrometheusProcess prometheus;
    const QStringList nodeArgs{u"--web.listen-address=127.0.0.1:%1"_s.arg(nodeExporter.port())};
    if (!nodeExporter.start(nodeArgs)) {
        std::printf("# dashboard benchmarks skipped: node-exporter: %s\n",
                    qPrintable(nodeExporter.errorString()));
        return 0;
    }
    prometheus.setConfig(u"global:\n  scrape_interval: 1s\nscrape_configs:\n"
                         "  - job_name: node\n    static_configs:\n"
                         "      - targets: ['127.0.0.1:%1']\n"_s.arg(nodeExporter.port()));
    if (!prometheus.start()) {
        std::printf("# dashboard benchmarks skipped: prometheus: %s\n",
                    qPrintable(prometheus.errorString()));
        return 0;
    }
    // A few scrapes, so that rate() over 1m has two points.
    QTest::qWait(3500);

    QNetworkAccessManager network;
    HttpClient http(u"prometheus"_s, &network);
    EndpointConfig endpoint;
    endpoint.url = prometheus.url();
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    MetricsController controller(&client);
    MetricsPage page(controller.targetsModel());
    MetricsFeature::connectPage(&page, &controller);
    page.resize(1280, 900);
    page.show();
    (void)QTest::qWaitForWindowExposed(&page);
    // The scroll area that holds the panels (the variables bar has one too).
    QScrollArea *scroll = nullptr;
    page.setDashboards({big}, u"bench-150"_s);
    for (QScrollArea *area : page.findChildren<QScrollArea *>()) {
        if (!page.panelWidgets().isEmpty() && area->widget()
            && area->widget()->isAncestorOf(page.panelWidgets().constFirst()))
            scroll = area;
    }
    if (!scroll) {
        std::fprintf(stderr, "the page has no scroll area\n");
        return 1;
    }

    Dashboard small;
    small.uid = u"small"_s;
    small.title = u"One panel"_s;
    Panel one;
    one.title = u"up"_s;
    one.queries = {{u"up"_s, {}, u"A"_s, false}};
    small.panels << one;

    controller.setScrapeInterval(1);
    controller.setRelativeRange(3600);
    controller.setRefreshInterval(std::chrono::seconds(15));
    page.setDashboards({small, big}, u"small"_s);
    controller.start();
    QTest::qWait(500);

    // Which panels got data since the last reset.
    QSet<int> withData;
    QObject::connect(&controller, &MetricsController::panelUpdated,
                     [&withData](int panel, const PanelData &) { withData.insert(panel); });

    // Waits in the event loop (no busy polling: the benchmark's own CPU would count) until done()
    // holds; done() is checked after every panel update.
    auto waitUntil = [&controller](const std::function<bool()> &done, int timeoutMs) {
        if (done())
            return true;
        QEventLoop loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        const QMetaObject::Connection check = QObject::connect(
            &controller, &MetricsController::panelUpdated, &loop,
            [&loop, &done] {
                QTimer::singleShot(0, &loop, [&loop, &done] {
                    if (done())
                        loop.quit();
                });
            },
            Qt::QueuedConnection);
        loop.exec();
        QObject::disconnect(check);
        return done();
    };

    QList<double> opens;
    int shownPanels = 0;
    for (int run = 0; run < 5; ++run) {
        page.showDashboard(u"small"_s);
        QTest::qWait(300);
        withData.clear();
        QElapsedTimer clock;
        clock.start();
        page.showDashboard(u"bench-150"_s);
        const bool complete = waitUntil(
            [&] {
                const QList<int> visible = onScreen(page, scroll);
                if (visible.isEmpty())
                    return false;
                for (int i : visible) {
                    if (!withData.contains(i))
                        return false;
                }
                shownPanels = int(visible.size());
                return true;
            },
            20000);
        page.repaint(); // the frame that shows the last answers
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (!complete) {
            std::printf("# opening %d: not every panel on screen got data within 20 s\n", run);
            continue;
        }
        opens << ms;
    }
    std::printf("# %d panels on screen at 1280x900; %lld of 5 openings complete\n", shownPanels,
                static_cast<long long>(opens.size()));
    if (!opens.isEmpty())
        Bench::figure("dashboard_open_150_panels_ms", Bench::median(opens), "ms");

    // Scroll: 120 px steps at 60 Hz down to the bottom and back up; the collapsed rows stay
    // closed, as they are when the dashboard opens.
    QScrollBar *bar = scroll->verticalScrollBar();
    QTest::qWait(1000);
    QList<double> frames;
    QList<double> frameCpu;
    for (int direction : {1, -1}) {
        for (int guard = 0; guard < 1000; ++guard) {
            const int before = bar->value();
            QElapsedTimer frame;
            frame.start();
            const double cpuStart = threadCpuMs();
            bar->setValue(before + direction * 120);
            QCoreApplication::processEvents();
            page.repaint();
            frames << double(frame.nsecsElapsed()) / 1e6;
            frameCpu << threadCpuMs() - cpuStart;
            if (bar->value() == before)
                break;
            QTest::qWait(16);
        }
    }
    std::printf("# %lld scroll steps over %d px; median %.2f ms, worst %.2f ms\n",
                static_cast<long long>(frames.size()), bar->maximum(), Bench::median(frames),
                frames.isEmpty() ? 0.0 : *std::max_element(frames.begin(), frames.end()));
    std::printf("# p95 of the GUI thread's CPU time per step: %.2f ms\n",
                Bench::percentile(frameCpu, 0.95));
    Bench::figure("dashboard_scroll_frame_150_panels_ms", Bench::percentile(frames, 0.95), "ms");

    // Idle: the dashboard open at the top, refreshing every 15 s.
    bar->setValue(0);
    QTest::qWait(3000);
    int refreshes = 0;
    QObject::connect(&controller, &MetricsController::refreshFinished,
                     [&refreshes] { ++refreshes; });
    const int seconds = quick ? 20 : 60;
    const qint64 cpuBefore = cpuMicros();
    QElapsedTimer wall;
    wall.start();
    QTest::qWait(seconds * 1000);
    const double cpu = double(cpuMicros() - cpuBefore) / double(wall.nsecsElapsed() / 1000) * 100;
    std::printf("# %d refreshes in %d s\n", refreshes, seconds);
    Bench::figure("dashboard_idle_cpu_150_panels_percent", cpu, "%");

    controller.stop();
    page.hide();
    prometheus.stop();
    nodeExporter.stop();
    return 0;
}
