// SPDX-License-Identifier: GPL-3.0-or-later
//
// Trace timeline benchmarks (offscreen): JSON bytes to the first painted timeline for 50,000 and
// 250,000 generated spans, the resident memory with 250,000 spans open, and the time of one
// repaint while scrolling and while hovering. The 250k figures run in a child process so that
// its memory is its own. Comparing two 50,000-span trace files, from the files to the painted
// comparison (`--compare` runs only that).
#include "app/jaeger/tracecomparer.h"
#include "app/jaeger/traceloader.h"
#include "tests/support/benchfigures.h"
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
#include <QTreeView>

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

double mean(const std::vector<double> &values)
{
    double sum = 0;
    for (double v : values)
        sum += v;
    return sum / double(values.size());
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

    // Frames: scroll by three rows at a time, then hover from row to row.
    std::vector<double> scroll, hover;
    QScrollBar *bar = timeline.verticalScrollBar();
    bar->setValue(bar->maximum() / 3);
    QElapsedTimer timer;
    for (int i = 0; i < 200; ++i) {
        timer.start();
        bar->setValue(bar->value() + 3 * timeline.rowHeight());
        timeline.viewport()->repaint();
        scroll.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    const QRect first = timeline.rowRect(2);
    for (int i = 0; i < 200; ++i) {
        const QPointF at(first.center().x(), first.center().y() + (i % 25) * timeline.rowHeight());
        timer.start();
        QMouseEvent move(QEvent::MouseMove, at, timeline.viewport()->mapToGlobal(at), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(timeline.viewport(), &move);
        timeline.viewport()->repaint();
        hover.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("# frames (full viewport repaint): scroll mean %.2f ms p95 %.2f ms max %.2f ms; "
                "hover mean %.2f ms p95 %.2f ms max %.2f ms\n",
                mean(scroll), percentile(scroll, 0.95), percentile(scroll, 1.0), mean(hover),
                percentile(hover, 0.95), percentile(hover, 1.0));
    std::vector<double> all = scroll;
    all.insert(all.end(), hover.begin(), hover.end());
    std::printf("timeline_frame_250k_ms: %.2f ms\n", percentile(all, 0.95));
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

    if (app.arguments().contains(u"--250k"_s))
        return run250k(timeline);
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
    return 0;
}
