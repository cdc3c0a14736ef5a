// SPDX-License-Identifier: GPL-3.0-or-later
//
// Trace timeline benchmarks (offscreen): JSON bytes to the first painted timeline for 50,000 and
// 250,000 generated spans, the resident memory with 250,000 spans open, and the time of one
// repaint while scrolling and while hovering; the critical path of 250,000 spans; the flame
// graph and span statistics of 250,000 spans; and the same timeline figures for a generated file
// of 1,000,000 spans; comparing two 50,000-span trace files, from the files to the painted
// comparison (`--compare` runs only that). The 250k and 1M figures run in child processes so that
// their memory is their own (the 1M file is written by the parent first). Arguments: none for all
// figures; --1m for the 1M figures and critical_path_250k_ms only;
// --analysis for the flame graph and statistics alone; --write-1m FILE writes the 1M file and
// --1m-child FILE measures it (to profile one part).
#include "app/jaeger/tracecomparer.h"
#include "app/jaeger/traceloader.h"
#include "app/jaeger/traceparser.h"
#include "models/traces/flamegraphlayout.h"
#include "models/traces/selftime.h"
#include "models/traces/spanstatisticsmodel.h"
#include "tests/support/benchfigures.h"
#include "ui/traces/flamegraphview.h"
#include "ui/traces/spanstatisticsview.h"
#include "ui/traces/tracecompareview.h"
#include "ui/traces/tracetimeline.h"

#include "tests/traces/tracegenerator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QProcess>
#include <QScrollBar>
#include <QTemporaryDir>

#include <QTableView>
#include <QTreeView>
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Bench::percentile;

namespace {

double statusMb(const char *field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArrayList lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toDouble()
                   / 1024.0;
    }
    return -1;
}

QByteArray generate(int spans)
{
    Test::TraceGenerator g;
    g.spans = spans;
    g.services = 30;
    g.maxDepth = 30;
    g.seed = 42;
    return g.traceJson();
}

/// JSON bytes to the first painted timeline, in milliseconds.
double openOnce(TraceTimeline &timeline, QByteArray json, TraceLoader::Timing *timing = nullptr)
{
    TraceLoader loader;
    bool ready = false;
    QObject::connect(&loader, &TraceLoader::traceReady, &timeline,
                     [&](const TraceLayoutPtr &layout, const QString &, const QStringList &) {
                         timeline.setTraceLayout(layout);
                         timeline.viewport()->repaint();
                         ready = true;
                     });
    QElapsedTimer timer;
    timer.start();
    loader.openJson(std::move(json), u"bench"_s);
    while (!ready)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (timing)
        *timing = loader.lastTiming();
    return ms;
}

/// A file's bytes to the first painted timeline, in milliseconds.
double openFileOnce(TraceTimeline &timeline, const QString &path, TraceLoader::Timing *timing)
{
    TraceLoader loader;
    bool ready = false;
    QString error;
    QObject::connect(&loader, &TraceLoader::traceReady, &timeline,
                     [&](const TraceLayoutPtr &layout, const QString &, const QStringList &) {
                         timeline.setTraceLayout(layout);
                         timeline.viewport()->repaint();
                         ready = true;
                     });
    QObject::connect(&loader, &TraceLoader::openFailed, &timeline,
                     [&](const QString &, const QString &message) {
                         error = message;
                         ready = true;
                     });
    QElapsedTimer timer;
    timer.start();
    loader.openFile(path);
    while (!ready)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!error.isEmpty())
        std::printf("# open failed: %s\n", qPrintable(error));
    *timing = loader.lastTiming();
    return ms;
}

/// CPU time of the whole process (all threads) so far, in milliseconds: a figure that the
/// other work on a shared machine does not inflate, unlike wall time.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double mean(const std::vector<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
}

/// Repaints while scrolling by three rows at a time, then while hovering from row to row; the
/// p95 of both, in milliseconds.
double frames(TraceTimeline &timeline)
{
    std::vector<double> scroll, hover, cpu;
    // The GUI thread's own CPU time per frame beside the wall time: on a shared machine the wall
    // time also counts the waits for a core.
    const auto threadMs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    };
    QScrollBar *bar = timeline.verticalScrollBar();
    bar->setValue(bar->maximum() / 3);
    QElapsedTimer timer;
    for (int i = 0; i < 200; ++i) {
        const double cpuStart = threadMs();
        timer.start();
        bar->setValue(bar->value() + 3 * timeline.rowHeight());
        timeline.viewport()->repaint();
        scroll.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadMs() - cpuStart);
    }
    const QRect first = timeline.rowRect(2);
    for (int i = 0; i < 200; ++i) {
        const QPointF at(first.center().x(), first.center().y() + (i % 25) * timeline.rowHeight());
        const double cpuStart = threadMs();
        timer.start();
        QMouseEvent move(QEvent::MouseMove, at, timeline.viewport()->mapToGlobal(at), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(timeline.viewport(), &move);
        timeline.viewport()->repaint();
        hover.push_back(double(timer.nsecsElapsed()) / 1e6);
        cpu.push_back(threadMs() - cpuStart);
    }
    std::printf("# frames (full viewport repaint): scroll mean %.2f ms p95 %.2f ms max %.2f ms; "
                "hover mean %.2f ms p95 %.2f ms max %.2f ms\n",
                mean(scroll), percentile(scroll, 0.95), percentile(scroll, 1.0), mean(hover),
                percentile(hover, 0.95), percentile(hover, 1.0));
    std::printf("# frames: the GUI thread's CPU time per frame p95 %.2f ms, max %.2f ms\n",
                percentile(cpu, 0.95), percentile(cpu, 1.0));
    std::vector<double> all = scroll;
    all.insert(all.end(), hover.begin(), hover.end());
    return percentile(all, 0.95);
}

/// CriticalPath::compute() alone on an open layout: the median of five, in milliseconds.
double criticalPathMs(const TraceLayout &layout)
{
    std::vector<double> runs;
    int segments = 0;
    std::vector<double> cpu;
    for (int i = 0; i < 5; ++i) {
        timespec t0{}, t1{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
        QElapsedTimer timer;
        timer.start();
        const CriticalPath path = CriticalPath::compute(*layout.trace, layout.order, layout.roots);
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
        cpu.push_back(double(t1.tv_sec - t0.tv_sec) * 1e3 + double(t1.tv_nsec - t0.tv_nsec) / 1e6);
        segments = path.segmentCount();
    }
    std::printf("# critical path of %d spans: %d segments, CPU median %.1f ms\n",
                layout.spanCount(), segments, percentile(cpu, 0.5));
    return percentile(runs, 0.5);
}

int run1m(TraceTimeline &timeline, const QString &path)
{
    TraceLoader::Timing timing;
    const double cpuBefore = cpuMs();
    const double ms = openFileOnce(timeline, path, &timing);
    const double cpu = cpuMs() - cpuBefore;
    if (!timeline.traceLayout())
        return 1;
    std::printf("trace_open_1m_ms: %.0f ms\n", ms);
    std::printf("# 1m: the open took %.0f ms of CPU (user and system, all threads)\n", cpu);
    std::printf("# 1m: read %lld ms, parse %lld ms, layout %lld ms; %d spans\n", timing.readMs,
                timing.parseMs, timing.layoutMs, timeline.traceLayout()->spanCount());
    std::printf("trace_rss_1m_mb: %.0f MB\n", statusMb("VmRSS:"));
    std::printf("# 1m: peak resident %.0f MB\n", statusMb("VmHWM:"));
    std::fflush(stdout);
    std::printf("timeline_frame_1m_ms: %.2f ms\n", frames(timeline));
    std::printf("# critical path of 1m: %.1f ms\n", criticalPathMs(*timeline.traceLayout()));
    std::fflush(stdout);
    return 0;
}

/// Writes the 1M-span file.
bool write1m(const QString &path)
{
    {
        QElapsedTimer timer;
        timer.start();
        Test::TraceGenerator g;
        g.spans = 1000000;
        g.services = 30;
        g.maxDepth = 30;
        g.seed = 42;
        const QByteArray json = g.traceJson();
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size()) {
            std::printf("# cannot write %s\n", qPrintable(path));
            return false;
        }
        std::printf("# 1m: %.1f MB of JSON, generated and written in %lld ms\n",
                    double(json.size()) / 1e6, timer.elapsed());
        std::fflush(stdout);
    }
    return true;
}

/// Writes the 1M-span file into `dir` and runs the 1M figures in a child process.
int spawn1m(const QString &dir)
{
    const QString path = dir + u"/trace-1m.json"_s;
    if (!write1m(path))
        return 1;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"--1m-child"_s, path});
    if (!child.waitForFinished(600000) || child.exitCode() != 0) {
        std::printf("# the 1m run failed\n");
        return 1;
    }
    return 0;
}

int run250k(TraceTimeline &timeline)
{
    QByteArray json = generate(250000);
    std::printf("# 250k: %.1f MB of JSON\n", double(json.size()) / 1e6);
    TraceLoader::Timing timing;
    const double ms = openOnce(timeline, std::move(json), &timing);
    std::printf("trace_open_250k_ms: %.0f ms\n", ms);
    std::printf("# 250k: parse %lld ms, layout %lld ms\n", timing.parseMs, timing.layoutMs);
    std::printf("trace_rss_250k_mb: %.0f MB\n", statusMb("VmRSS:"));
    std::printf("# 250k: peak resident %.0f MB (including the generator's JSON)\n",
                statusMb("VmHWM:"));

    const double frame = frames(timeline);
    std::printf("timeline_frame_250k_ms: %.2f ms\n", frame);
    std::printf("critical_path_250k_ms: %.1f ms\n", criticalPathMs(*timeline.traceLayout()));
    std::fflush(stdout);
    return 0;
}

/// The flame graph and the span statistics of an open 250,000-span trace: from the layout the
/// timeline already has to the first painted flame graph (its layout built off the GUI thread),
/// and to the painted statistics table grouped by operation and sorted by total time.
int runAnalysis()
{
    TraceLoader loader;
    TraceLayoutPtr layout;
    QObject::connect(
        &loader, &TraceLoader::traceReady, &loader,
        [&](const TraceLayoutPtr &ready, const QString &, const QStringList &) { layout = ready; });
    loader.openJson(generate(250000), u"bench"_s);
    while (!layout)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);

    FlameGraphView flame;
    flame.resize(1280, 800);
    flame.show();
    std::vector<double> flameRuns;
    QElapsedTimer timer;
    for (int i = 0; i < 5; ++i) {
        flame.setTraceLayout(nullptr);
        QCoreApplication::processEvents();
        timer.start();
        flame.setTraceLayout(layout);
        while (!flame.isReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        flame.viewport()->repaint();
        flameRuns.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::vector<double> frames;
    for (int i = 0; i < 50; ++i) {
        timer.start();
        flame.viewport()->repaint();
        frames.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    timer.start();
    const auto self = std::make_shared<const std::vector<qint64>>(selfTimes(*layout));
    const double selfMs = double(timer.nsecsElapsed()) / 1e6;
    timer.start();
    FlameGraphLayout::build(layout, -1, self);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf("# flame graph: %d rows; self times %.1f ms, layout %.1f ms; repaint p95 %.2f ms; "
                "first run %.0f ms\n",
                flame.flameLayout()->rowCount, selfMs, buildMs, percentile(frames, 0.95),
                flameRuns.front());
    std::printf("flamegraph_250k_ms: %.0f ms\n", percentile(flameRuns, 0.5));

    SpanStatisticsView stats;
    stats.resize(1280, 800);
    stats.show();
    std::vector<double> statsRuns;
    for (int i = 0; i < 5; ++i) {
        stats.setTraceLayout(nullptr);
        QCoreApplication::processEvents();
        timer.start();
        stats.setTraceLayout(layout); // group by operation, sorted by total time
        while (!stats.isReady())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        stats.table()->viewport()->repaint();
        statsRuns.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("# statistics: %d groups by operation, first run %.0f ms\n",
                stats.model()->rowCount(), statsRuns.front());
    std::printf("span_stats_250k_ms: %.0f ms\n", percentile(statsRuns, 0.5));
    std::fflush(stdout);
    return 0;
}

/// Two 50,000-span files (B: one service 40 % slower and one call renamed) read, parsed, merged
/// and painted in the comparison view; the median of five runs.
int runCompare()
{
    QTemporaryDir dir;
    Test::TraceGenerator g;
    g.spans = 50000;
    g.services = 30;
    g.maxDepth = 30;
    g.seed = 42;
    const QString fileA = dir.filePath(u"a.json"_s), fileB = dir.filePath(u"b.json"_s);
    const auto write = [](const QString &path, const QByteArray &json) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(json) == json.size();
    };
    if (!write(fileA, g.traceJson()))
        return 1;
    g.traceId = u"5af7183fb1d4cf5f3f1e2d3c4b5a6979"_s;
    g.slowService = u"payment"_s;
    g.slowFactor = 1.4;
    g.renameOperation = u"GET /api/orders/{id}"_s;
    g.renamedTo = u"GET /api/v2/orders/{id}"_s;
    if (!write(fileB, g.traceJson()))
        return 1;

    TraceCompareView view;
    view.resize(1280, 800);
    view.show();
    QCoreApplication::processEvents();
    TraceComparer comparer(nullptr);
    std::vector<double> runs, arrived;
    size_t nodes = 0;
    for (int i = 0; i < 5; ++i) {
        view.setComparison(nullptr, {}, {});
        QCoreApplication::processEvents();
        bool ready = false;
        double arrivedMs = 0;
        QElapsedTimer timer;
        const QMetaObject::Connection c = QObject::connect(
            &comparer, &TraceComparer::comparisonReady, &view,
            [&](const TraceComparisonPtr &comparison, const QString &a, const QString &b) {
                arrivedMs = double(timer.nsecsElapsed()) / 1e6;
                view.setComparison(comparison, a, b);
                view.repaint();
                view.tree()->viewport()->repaint();
                nodes = comparison->nodes.size();
                ready = true;
            });
        timer.start();
        comparer.compare(TraceSource::ofFile(fileA), TraceSource::ofFile(fileB));
        while (!ready)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        runs.push_back(double(timer.nsecsElapsed()) / 1e6);
        arrived.push_back(arrivedMs);
        QObject::disconnect(c);
    }
    std::printf("# compare: %zu merged nodes; runs %.0f %.0f %.0f %.0f %.0f ms\n", nodes, runs[0],
                runs[1], runs[2], runs[3], runs[4]);
    std::vector<double> shown;
    for (size_t i = 0; i < runs.size(); ++i)
        shown.push_back(runs[i] - arrived[i]);
    std::printf("# compare: the merged tree arrives after %.0f ms, the view takes %.0f ms more "
                "(medians)\n",
                percentile(arrived, 0.5), percentile(shown, 0.5));
    Bench::figure("trace_compare_2x50k_ms", Bench::median(runs), "ms", 0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    TraceTimeline timeline;
    timeline.resize(1280, 800);
    timeline.show();
    QCoreApplication::processEvents();

    const QStringList args = app.arguments();
    if (args.contains(u"--250k"_s))
        return run250k(timeline);
    if (args.size() > 2 && args.at(1) == u"--1m-child"_s)
        return run1m(timeline, args.at(2));
    if (args.size() > 2 && args.at(1) == u"--write-1m"_s) // for profiling the child alone
        return write1m(args.at(2)) ? 0 : 1;
    QTemporaryDir dir;
    if (args.contains(u"--1m"_s)) {
        // critical_path_250k_ms alone, then the 1M figures.
        TraceLoader::Timing timing;
        openOnce(timeline, generate(250000), &timing);
        std::printf("critical_path_250k_ms: %.1f ms\n", criticalPathMs(*timeline.traceLayout()));
        timeline.setTraceLayout(nullptr);
        std::fflush(stdout);
        return spawn1m(dir.path());
    }
    if (app.arguments().contains(u"--analysis"_s))
        return runAnalysis();
    if (app.arguments().contains(u"--compare"_s))
        return runCompare();

    std::vector<double> runs;
    TraceLoader::Timing timing;
    for (int i = 0; i < 5; ++i)
        runs.push_back(openOnce(timeline, generate(50000), &timing));
    std::printf("# 50k: %.1f MB of JSON; last run parse %lld ms, layout %lld ms\n",
                double(generate(50000).size()) / 1e6, timing.parseMs, timing.layoutMs);
    std::printf("trace_open_50k_ms: %.0f ms\n", percentile(runs, 0.5));
    std::fflush(stdout);
    if (const int failed = runCompare())
        return failed;

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"--250k"_s});
    if (!child.waitForFinished(300000) || child.exitCode() != 0) {
        std::printf("# the 250k run failed\n");
        return 1;
    }
    child.start(QCoreApplication::applicationFilePath(), {u"--analysis"_s});
    if (!child.waitForFinished(300000) || child.exitCode() != 0) {
        std::printf("# the flame graph and statistics run failed\n");
        return 1;
    }
    return spawn1m(dir.path());
}
