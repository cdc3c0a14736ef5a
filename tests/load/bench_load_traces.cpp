// SPDX-License-Identifier: GPL-3.0-or-later
// Load: a generated 250,000-span trace (30 services, 30 levels) opened from a file in the Traces
// page through the real TracesFeature (offscreen), then zoomed (Ctrl+wheel), panned
// (Shift+wheel), scrolled (wheel, scroll bar, End/Home), collapsed and expanded, and searched,
// with the StallWatchdog running:
//   load_trace_250k_show_ms   from openFile() to the trace on the page
//   load_trace_250k_stall_ms  the worst GUI-thread stall over all of it (goal <= 50 ms)
#include "app/features/tracesfeature.h"
#include "tests/load/loadsupport.h"
#include "tests/traces/tracegenerator.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QWheelEvent>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Load;

namespace {

void wheel(TraceTimeline *timeline, QPoint at, int dy, Qt::KeyboardModifiers modifiers)
{
    QWidget *viewport = timeline->viewport();
    QWheelEvent event(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, dy), Qt::NoButton,
                      modifiers, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &event);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QElapsedTimer total;
    total.start();

    QTemporaryDir dir;
    const QString path = dir.filePath(u"trace-250k.json"_s);
    {
        Test::TraceGenerator g;
        g.spans = 250000;
        g.services = 30;
        g.maxDepth = 30;
        g.seed = 42;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(g.traceJson()) < 0) {
            say(u"# load_trace skipped: cannot write "_s + path);
            return 0;
        }
        say(u"# 250k spans: %1 MB of Jaeger JSON in a file"_s.arg(double(file.size()) / 1e6, 0, 'f',
                                                                  1));
    }

    QNetworkAccessManager network;
    AppContext context;
    context.network = &network;
    TracesFeature feature(context);
    std::unique_ptr<QWidget> pageWidget(feature.createPage());
    TracesPage *page = feature.page();
    page->resize(1400, 900);
    page->show();
    (void)QTest::qWaitForWindowExposed(page);
    TraceView *traceView = page->traceView();
    TraceTimeline *timeline = traceView->timeline();

    StallMeter stalls;
    stalls.start();
    QElapsedTimer clock;
    clock.start();
    inLoop([&] { feature.openFile(path); }, 0);
    if (waitFor([&] { return bool(traceView->traceLayout()); }, 120000) < 0) {
        say(u"# load_trace: the trace was not shown within 120 s"_s);
        return 1;
    }
    const double showMs = double(clock.nsecsElapsed()) / 1e6;
    pump(300);
    stalls.endPhase(
        u"open: %1 rows after %2 ms"_s.arg(timeline->visibleRowCount()).arg(showMs, 0, 'f', 0));

    // Zoom in and out around different points, pan.
    const QRect bars = timeline->rowRect(2);
    const QPoint mid(bars.left() + bars.width() * 3 / 4, bars.center().y());
    for (int i = 0; i < 20; ++i)
        inLoop([&] { wheel(timeline, mid, 120, Qt::ControlModifier); }, 20);
    for (int i = 0; i < 20; ++i)
        inLoop([&] { wheel(timeline, mid, 120, Qt::ShiftModifier); }, 20);
    for (int i = 0; i < 25; ++i)
        inLoop([&] { wheel(timeline, mid, -120, Qt::ControlModifier); }, 20);
    stalls.endPhase(u"zoom (20 steps in, 25 out) and pan (20 steps)"_s);

    // Scroll: wheel, jumps of the scroll bar, End and Home.
    QScrollBar *bar = timeline->verticalScrollBar();
    for (int i = 0; i < 30; ++i)
        inLoop([&] { wheel(timeline, mid, -360, Qt::NoModifier); }, 20);
    for (int i = 1; i <= 10; ++i)
        inLoop([&] { bar->setValue(bar->maximum() * i / 10); }, 30);
    inLoop([&] { QTest::keyClick(timeline->viewport(), Qt::Key_End); }, 50);
    inLoop([&] { QTest::keyClick(timeline->viewport(), Qt::Key_Home); }, 50);
    stalls.endPhase(u"scroll (%1 rows: 30 wheel steps, 10 scroll bar jumps, End, Home)"_s.arg(
        timeline->visibleRowCount()));

    // Collapse one level, expand it, collapse and expand all, find.
    inLoop([&] { timeline->collapseOneLevel(); }, 50);
    inLoop([&] { timeline->expandOneLevel(); }, 50);
    stalls.endPhase(u"collapse one level, expand it"_s);
    inLoop([&] { timeline->collapseAll(); }, 50);
    const int collapsedRows = timeline->visibleRowCount();
    inLoop([&] { timeline->expandAll(); }, 50);
    stalls.endPhase(u"collapse all (%1 rows left), expand all"_s.arg(collapsedRows));
    for (const QString &needle : {u"error"_s, u"http.status_code=500"_s, u"frontend"_s}) {
        inLoop([&] { traceView->findEdit()->setText(needle); }, 300);
        stalls.endPhase(u"find \"%1\": %2 matches"_s.arg(needle).arg(timeline->matchCount()));
    }
    inLoop([&] { traceView->findEdit()->clear(); }, 300);
    stalls.endPhase(u"find cleared"_s);
    stalls.stop();

    figure("load_trace_250k_show_ms", showMs, "ms", 0);
    figure("load_trace_250k_stall_ms", stalls.worstMs(), "ms");
    say(u"# load_trace_250k GUI thread's own CPU in the worst tick gap: %1 ms"_s.arg(
        stalls.worstCpuMs(), 0, 'f', 1));
    say(u"# load_trace run time %1 s"_s.arg(double(total.elapsed()) / 1000, 0, 'f', 1));
    return 0;
}
