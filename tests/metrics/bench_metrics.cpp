// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks of the metrics feature (issue goals in brackets):
//   prom_parse_50x11000_ms               parse a 50 × 11,000-point matrix (~14 MB)  [≤ 50 ms]
//   chart_response_to_paint_50x11000_ms  response bytes to a painted chart, offscreen [≤ 100 ms]
//   chart_response_to_paint_50x11000_noisy_ms  the same, series that cannot be thinned (no goal)
//   chart_resize_repaint_ms              repaint after a resize                      [≤ 16 ms]
//   idle_cpu_percent                     12 live panels, 5 s refresh, 60 s, real Prometheus [≤ 1 %]
//   idle_rss_mb                          resident memory at the end of that run
// Each prints the median of its runs as a `name: value unit` line.
#include "app/features/metricsfeature.h"
#include "app/http/httpclient.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "tests/support/benchfigures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPixmap>
#include <QTest>
#include <QTextStream>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Bench::median;

namespace {

void print(const char *name, double value, const char *unit)
{
    std::printf("%s: %.2f %s\n", name, value, unit);
    std::fflush(stdout);
}

/// What Prometheus sends for 50 series × 11,000 points at a 15 s step: growing counters, or
/// (`noisy`) values jumping by many pixels from one sample to the next, which no decimation
/// can thin out below two points per pixel column.
QByteArray matrixBody(int series, int points, bool noisy = false)
{
    QByteArray body;
    body.reserve(qsizetype(series) * points * 30);
    body += "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[";
    for (int s = 0; s < series; ++s) {
        if (s)
            body += ',';
        body += "{\"metric\":{\"__name__\":\"node_network_receive_bytes_total\",\"device\":\"eth"
                + QByteArray::number(s) + "\",\"instance\":\"127.0.0.1:9100\",\"job\":\"node\"},"
                + "\"values\":[";
        double value = 1000.0 * s;
        for (int p = 0; p < points; ++p) {
            if (noisy)
                value = 1000.0 * s + 500 * std::sin(p / 50.0) + (p * 7919 + s * 104729) % 1000;
            else
                value += (p * 7919 + s * 104729) % 1000 / 37.0;
            if (p)
                body += ',';
            body += '[';
            body += QByteArray::number(1700000000 + qint64(p) * 15);
            body += ",\"";
            body += QByteArray::number(value, 'g', 12);
            body += "\"]";
        }
        body += "]}";
    }
    body += "]}}";
    return body;
}

qint64 cpuMicros()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000 + usage.ru_utime.tv_usec
           + usage.ru_stime.tv_usec;
}

/// CPU time of the calling thread in ms: unlike the wall clock, hardly moved by other
/// processes loading the machine (the benchmark's figures stay wall-clock; this is context).
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double rssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(u"--quick"_s);

    HttpResponse response;
    response.status = 200;
    response.contentType = "application/json";
    response.body = matrixBody(50, 11000);
    std::printf("# matrix response: %.1f MB, 50 series x 11000 points\n",
                double(response.body.size()) / 1e6);

    // Parse.
    QList<double> parse;
    QList<double> parseCpu;
    for (int run = 0; run < 7; ++run) {
        QElapsedTimer clock;
        clock.start();
        const double cpuStart = threadCpuMs();
        const QueryReply reply = PrometheusClient::parseQueryResponse(response, u"bench"_s);
        parse << double(clock.nsecsElapsed()) / 1e6;
        parseCpu << threadCpuMs() - cpuStart;
        if (!reply.ok() || reply.result.pointCount() != 550000) {
            std::fprintf(stderr, "parse failed: %s\n", qPrintable(reply.error.message));
            return 1;
        }
    }
    std::printf("# CPU time of the thread: %.2f ms\n", median(parseCpu));
    print("prom_parse_50x11000_ms", median(parse), "ms");

    // Response to painted chart.
    TimeSeriesChart chart;
    chart.resize(1200, 600);
    chart.setUnit(u"bytes"_s);
    chart.show();
    (void)QTest::qWaitForWindowExposed(&chart);
    QList<double> parseShare;
    QList<double> paintCpu;
    auto responseToPaint = [&chart, &parseShare, &paintCpu](const HttpResponse &body) {
        QList<double> paint;
        parseShare.clear();
        paintCpu.clear();
        for (int run = 0; run < 7; ++run) {
            chart.clearData();
            QCoreApplication::processEvents();
            QElapsedTimer clock;
            clock.start();
            const double cpuStart = threadCpuMs();
            const QueryReply reply = PrometheusClient::parseQueryResponse(body, u"bench"_s);
            parseShare << double(clock.nsecsElapsed()) / 1e6;
            PanelData data;
            data.series = reply.result.series;
            for (const Series &s : std::as_const(data.series))
                data.names << formatLegend(u"{{device}}"_s, s.labels);
            data.start = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
            data.end = QDateTime::fromSecsSinceEpoch(1700000000 + 11000 * 15, Qt::UTC);
            data.stepSeconds = 15;
            chart.setData(data);
            const QPixmap painted = chart.grab();
            Q_UNUSED(painted);
            paint << double(clock.nsecsElapsed()) / 1e6;
            paintCpu << threadCpuMs() - cpuStart;
        }
        return median(paint);
    };
    const double paintMs = responseToPaint(response);
    std::printf("# points handed to QtCharts after decimation: %lld\n",
                static_cast<long long>(chart.drawnPointCount()));
    std::printf("# of which parsing: %.2f ms; CPU time of the thread: %.2f ms\n",
                median(parseShare), median(paintCpu));
    print("chart_response_to_paint_50x11000_ms", paintMs, "ms");
    // Last (after the idle run, so that its memory does not count in idle_rss_mb).
    auto noisyFigure = [&] {
        chart.show();
        HttpResponse noisy = response;
        noisy.body = matrixBody(50, 11000, true);
        const double noisyMs = responseToPaint(noisy);
        std::printf("# the same with noisy series (no goal; %lld points handed to QtCharts, "
                    "%.2f ms parsing, %.2f ms CPU time):\n",
                    static_cast<long long>(chart.drawnPointCount()), median(parseShare),
                    median(paintCpu));
        print("chart_response_to_paint_50x11000_noisy_ms", noisyMs, "ms");
    };

    QList<double> resize;
    QList<double> resizeCpu;
    for (int run = 0; run < 11; ++run) {
        const QSize size(1200 + (run % 2 ? 40 : 0), 600);
        QElapsedTimer clock;
        clock.start();
        const double cpuStart = threadCpuMs();
        chart.resize(size);
        QCoreApplication::sendPostedEvents();
        const QPixmap painted = chart.grab();
        Q_UNUSED(painted);
        resize << double(clock.nsecsElapsed()) / 1e6;
        resizeCpu << threadCpuMs() - cpuStart;
    }
    std::printf("# CPU time of the thread: %.2f ms\n", median(resizeCpu));
    print("chart_resize_repaint_ms", median(resize), "ms");
    chart.hide();

    // Idle: 12 live panels at 5 s refresh against a real Prometheus.
    Test::PrometheusProcess prometheus;
    if (!prometheus.start()) {
        std::printf("# idle_cpu_percent skipped: %s\n", qPrintable(prometheus.errorString()));
        noisyFigure();
        return 0;
    }
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
    const QStringList exprs{u"up"_s,
                            u"scrape_duration_seconds"_s,
                            u"rate(prometheus_http_requests_total[1m])"_s,
                            u"process_resident_memory_bytes"_s,
                            u"go_goroutines"_s,
                            u"prometheus_tsdb_head_series"_s,
                            u"rate(process_cpu_seconds_total[1m])"_s,
                            u"go_memstats_heap_alloc_bytes"_s,
                            u"rate(prometheus_tsdb_head_samples_appended_total[1m])"_s,
                            u"scrape_samples_scraped"_s,
                            u"prometheus_engine_queries"_s,
                            u"go_gc_duration_seconds"_s};
    Dashboard dashboard;
    dashboard.uid = u"bench"_s;
    dashboard.title = u"12 live panels"_s;
    for (int i = 0; i < exprs.size(); ++i) {
        Panel p;
        p.title = exprs.at(i);
        p.queries = {{exprs.at(i), {}, u"A"_s, false}};
        p.grid = {(i % 3) * 8, (i / 3) * 8, 8, 8};
        dashboard.panels << p;
    }
    controller.setScrapeInterval(1);
    controller.setRelativeRange(3600);
    controller.setRefreshInterval(std::chrono::seconds(5));
    page.setDashboards({dashboard}, u"bench"_s);
    controller.start();
    int refreshes = 0;
    QObject::connect(&controller, &MetricsController::refreshFinished,
                     [&refreshes] { ++refreshes; });
    QTest::qWait(3000); // first paint, first refresh
    const int seconds = quick ? 15 : 60;
    const qint64 cpuBefore = cpuMicros();
    QElapsedTimer wall;
    wall.start();
    QTest::qWait(seconds * 1000);
    const double cpu = double(cpuMicros() - cpuBefore) / double(wall.nsecsElapsed() / 1000) * 100;
    std::printf("# %d refreshes of 12 panels in %d s\n", refreshes, seconds);
    print("idle_cpu_percent", cpu, "%");
    print("idle_rss_mb", rssMb(), "MB");
    controller.stop();
    prometheus.stop();
    page.hide();
    noisyFigure();
    return 0;
}
