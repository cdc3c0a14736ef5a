// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's rows without a widget: the span tree in depth-first order, collapse and expand,
// row <-> span, find with next/previous, and the filters of huge traces (only matches, short
// spans, one subtree).
#include "app/jaeger/traceparser.h"
#include "models/traces/timelinerows.h"
#include "models/traces/tracelayout.h"

#include "tests/support/fixtures.h"
#include "tests/traces/tracegenerator.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

TracePtr generated(int spans, quint32 seed = 3)
{
    Test::TraceGenerator generator;
    generator.spans = spans;
    generator.seed = seed;
    return parseTraces(generator.traceJson()).traces.value(0);
}

/// A hand-made trace: root(0) → a(1) → b(2), root → c(3); d(4) is an orphan root.
TracePtr handMade()
{
    auto trace = std::make_shared<Trace>();
    trace->traceId = u"t"_s;
    const quint32 service = trace->strings.intern(u"svc"_s);
    trace->processes.push_back({u"p1"_s, service, 0, 0});
    auto add = [&](const char *id, const char *parent, qint64 start, qint64 duration) {
        Span s;
        s.spanId = trace->addId(id);
        s.parentId = trace->addId(parent);
        s.operation = trace->strings.intern(std::string_view(id));
        s.service = service;
        s.startUs = start;
        s.durationUs = duration;
        trace->spans.push_back(s);
    };
    add("root", "", 0, 100);
    add("a", "root", 10, 60);
    add("b", "a", 20, 30);
    add("c", "root", 5, 90); // starts before a: comes first among root's children
    add("d", "missing", 50, 10);
    trace->finish();
    return trace;
}

} // namespace

class TestTimelineRows : public QObject
{
    Q_OBJECT

    static std::vector<int> spansOf(const TimelineRows &rows)
    {
        std::vector<int> spans;
        for (int r = 0; r < rows.rowCount(); ++r)
            spans.push_back(rows.spanAtRow(r));
        return spans;
    }

private Q_SLOTS:
    void treeShapeAndOrder()
    {
        const auto layout = TraceLayout::build(handMade());
        TimelineRows rows;
        rows.setLayout(layout);
        // Depth-first, children by start time: root, c, a, b, then the orphan d as a root.
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 3, 1, 2, 4}));
        QCOMPARE(std::vector<qint32>(layout->order.begin(), layout->order.end()),
                 (std::vector<qint32>{0, 3, 1, 2, 4}));
        QCOMPARE(layout->roots, (std::vector<qint32>{0, 4}));
        QCOMPARE(layout->maxDepth, 2);
        QCOMPARE(int(layout->depth[2]), 2);
        QCOMPARE(rows.rowOfSpan(2), 3);
        QCOMPARE(rows.spanAtRow(5), -1);
        QCOMPARE(rows.rowOfSpan(99), -1);
        QCOMPARE(rows.rootOf(2), 0);
        QCOMPARE(rows.rootOf(4), 4);
        // Critical path: root ends at 100; c (5..95) finished last, then nothing before 5.
        QVERIFY(layout->critical[0]);
        QVERIFY(layout->critical[3]);
        QVERIFY(!layout->critical[1]);
    }

    void collapsedRows()
    {
        const auto layout = TraceLayout::build(handMade());
        std::vector<quint8> collapsed(5, 0);
        QCOMPARE(visiblePositions(*layout, collapsed).size(), size_t(5));
        collapsed[size_t(layout->positionOf[1])] = 1; // a hides b
        QCOMPARE(visiblePositions(*layout, collapsed), (std::vector<qint32>{0, 1, 2, 4}));
        collapsed[0] = 1; // root hides c, a, b
        QCOMPARE(visiblePositions(*layout, collapsed), (std::vector<qint32>{0, 4}));
    }

    void collapseExpandAndReveal()
    {
        TimelineRows rows;
        rows.setLayout(TraceLayout::build(handMade()));
        QVERIFY(!rows.setCollapsed(3, true)); // a leaf has nothing to hide
        QVERIFY(rows.setCollapsed(1, true));  // a hides b
        QVERIFY(!rows.setCollapsed(1, true)); // already
        QVERIFY(rows.isCollapsed(1));
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 3, 1, 4}));
        QCOMPARE(rows.rowOfSpan(2), -1);
        QVERIFY(rows.reveal(2));
        QVERIFY(!rows.isCollapsed(1));
        QCOMPARE(rows.rowOfSpan(2), 3);
        QVERIFY(!rows.reveal(2));

        rows.collapseAll();
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 4}));
        rows.expandAll();
        QCOMPARE(rows.rowCount(), 5);

        // One level at a time: the deepest level that shows children first.
        QVERIFY(rows.collapseOneLevel());
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 3, 1, 4}));
        QVERIFY(rows.collapseOneLevel());
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 4}));
        QVERIFY(!rows.collapseOneLevel());
        QVERIFY(rows.expandOneLevel());
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 3, 1, 4}));
        QVERIFY(rows.expandOneLevel());
        QCOMPARE(rows.rowCount(), 5);
        QVERIFY(!rows.expandOneLevel());

        rows.setCollapsed(0, true);
        rows.setLayout(TraceLayout::build(handMade())); // another trace: all expanded
        QCOMPARE(rows.rowCount(), 5);
        rows.setLayout(nullptr);
        QCOMPARE(rows.rowCount(), 0);
        QCOMPARE(rows.rowOfSpan(0), -1);
        QCOMPARE(rows.find(u"root"_s), 0);
    }

    void findNextAndPrevious()
    {
        TimelineRows rows;
        rows.setLayout(TraceLayout::build(handMade()));
        QCOMPARE(rows.currentMatch(), -1);
        QCOMPARE(rows.find(u"root"_s), 1);
        QCOMPARE(rows.currentMatchSpan(), 0);
        // "a" is an operation and a span ID (hex): once.
        QCOMPARE(rows.find(u" A "_s), 1);
        QVERIFY(rows.isMatch(1));
        QVERIFY(!rows.isMatch(0));
        // Every span's service: the matches in row order, next and previous wrap around.
        QCOMPARE(rows.find(u"svc"_s), 5);
        QCOMPARE(rows.currentMatch(), 0);
        QCOMPARE(rows.currentMatchSpan(), 0);
        QCOMPARE(rows.nextMatch(), 3);
        QCOMPARE(rows.nextMatch(), 1);
        QCOMPARE(rows.currentMatch(), 2);
        QCOMPARE(rows.goToMatch(4), 4);
        QCOMPARE(rows.nextMatch(), 0);
        QCOMPARE(rows.previousMatch(), 4);
        QCOMPARE(rows.find(u"nothing like it"_s), 0);
        QCOMPARE(rows.currentMatch(), -1);
        QCOMPARE(rows.nextMatch(), -1);
        QVERIFY(!rows.isMatch(0));
        QCOMPARE(rows.find(u"  "_s), 0);
        // A match under a collapsed span has no row until revealed.
        rows.setCollapsed(1, true);
        QCOMPARE(rows.find(u"b"_s), 1);
        QCOMPARE(rows.rowOfSpan(rows.currentMatchSpan()), -1);
        QVERIFY(rows.reveal(rows.currentMatchSpan()));
        QCOMPARE(rows.rowOfSpan(2), 3);
    }

    void filteredPositionsPure()
    {
        // root 0..100 (trace duration 100): c 5..95, a 10..70 with b 20..50; d 50..60 a root.
        const auto layout = TraceLayout::build(handMade());
        const std::vector<quint8> none(5, 0);
        auto spans = [&layout](const FilteredRows &rows) {
            std::vector<int> out;
            for (qint32 p : rows.positions)
                out.push_back(layout->order[size_t(p)]);
            return out;
        };
        // No filter: what visiblePositions() gives.
        FilteredRows all = filteredPositions(*layout, none, TraceFilter());
        QCOMPARE(all.positions, visiblePositions(*layout, none));
        QCOMPARE(all.hiddenCount, 0);

        // Shorter than 35 % (35 µs): b (30) and d (10); than 65 %: a (60) with b, and d.
        TraceFilter shortOnes;
        shortOnes.minDurationShare = 0.35;
        FilteredRows rows = filteredPositions(*layout, none, shortOnes);
        QCOMPARE(spans(rows), (std::vector<int>{0, 3, 1}));
        QCOMPARE(rows.hiddenCount, 2);
        shortOnes.minDurationShare = 0.65;
        rows = filteredPositions(*layout, none, shortOnes);
        QCOMPARE(spans(rows), (std::vector<int>{0, 3}));
        QCOMPARE(rows.hiddenCount, 3);
        shortOnes.minDurationShare = 0.6; // exactly 60 µs is not shorter
        QCOMPARE(spans(filteredPositions(*layout, none, shortOnes)), (std::vector<int>{0, 3, 1}));

        // One subtree: a and b; a collapsed leaves a alone.
        TraceFilter focus;
        focus.focusSpan = 1;
        rows = filteredPositions(*layout, none, focus);
        QCOMPARE(spans(rows), (std::vector<int>{1, 2}));
        QCOMPARE(rows.hiddenCount, 3);
        std::vector<quint8> collapsed = none;
        collapsed[size_t(layout->positionOf[1])] = 1;
        QCOMPARE(spans(filteredPositions(*layout, collapsed, focus)), (std::vector<int>{1}));
        // A focused span shorter than the threshold still shows (it was chosen), not its
        // short children.
        focus.minDurationShare = 0.65;
        QCOMPARE(spans(filteredPositions(*layout, none, focus)), (std::vector<int>{1}));

        // Only matches: b matches; root and a stay as context, c and d go.
        TraceFilter only;
        only.onlyMatches = true;
        std::vector<quint8> matches(5, 0);
        matches[2] = 1;
        rows = filteredPositions(*layout, none, only, matches);
        QCOMPARE(spans(rows), (std::vector<int>{0, 1, 2}));
        QCOMPARE(rows.context, (std::vector<quint8>{1, 1, 0}));
        QCOMPARE(rows.hiddenCount, 2);
        // A match's children that do not match go too; a match hidden as short keeps nothing.
        matches.assign(5, 0);
        matches[1] = 1;
        QCOMPARE(spans(filteredPositions(*layout, none, only, matches)), (std::vector<int>{0, 1}));
        only.minDurationShare = 0.65;
        QVERIFY(filteredPositions(*layout, none, only, matches).positions.empty());
        QVERIFY(filteredPositions(*layout, none, only, {}).positions.empty());
    }

    void filteredRows()
    {
        TimelineRows rows;
        rows.setLayout(TraceLayout::build(handMade()));
        TraceFilter only;
        only.onlyMatches = true;
        rows.setFilter(only);
        QCOMPARE(rows.rowCount(), 5); // no find text yet: nothing to keep to
        QCOMPARE(rows.find(u"b"_s), 1);
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 1, 2}));
        QVERIFY(rows.isContextRow(0));
        QVERIFY(rows.isContextRow(1));
        QVERIFY(!rows.isContextRow(2));
        QCOMPARE(rows.filteredOutCount(), 2);
        QCOMPARE(rows.rowOfSpan(3), -1);
        QVERIFY(!rows.passesFilter(3));
        QVERIFY(rows.passesFilter(2));
        QVERIFY(rows.setCollapsed(1, true)); // collapsed, b still passes the filter
        QVERIFY(rows.passesFilter(2));
        QCOMPARE(rows.rowOfSpan(2), -1);
        rows.expandAll();
        QCOMPARE(rows.find(QString()), 0);
        QCOMPARE(rows.rowCount(), 5);
        QVERIFY(!rows.isContextRow(0));

        TraceFilter focus;
        focus.focusSpan = 1;
        rows.setFilter(focus);
        QCOMPARE(spansOf(rows), (std::vector<int>{1, 2}));
        QVERIFY(rows.setCollapsed(1, true));
        QCOMPARE(spansOf(rows), (std::vector<int>{1}));
        rows.expandAll();
        // Another trace keeps the filter but not the focus (its index means another span).
        focus.minDurationShare = 0.35;
        rows.setFilter(focus);
        rows.setLayout(TraceLayout::build(handMade()));
        QCOMPARE(rows.filter().focusSpan, -1);
        QCOMPARE(rows.filter().minDurationShare, 0.35);
        QCOMPARE(spansOf(rows), (std::vector<int>{0, 3, 1}));
        rows.setFilter(TraceFilter());
        QCOMPARE(rows.rowCount(), 5);
    }

    void referencedSpanById()
    {
        const TracePtr trace = handMade();
        QCOMPARE(spanWithId(*trace, "a"), 1);
        QCOMPARE(spanWithId(*trace, "ROOT"), 0);
        QCOMPARE(spanWithId(*trace, "missing"), -1);
        QCOMPARE(spanWithId(*trace, ""), -1);
    }

    void everySpanHasOneRow()
    {
        TimelineRows rows;
        rows.setLayout(TraceLayout::build(generated(3000)));
        QCOMPARE(rows.rowCount(), 3000);
        std::vector<quint8> seen(3000, 0);
        for (int r = 0; r < rows.rowCount(); ++r) {
            const int span = rows.spanAtRow(r);
            QCOMPARE(rows.rowOfSpan(span), r);
            QVERIFY(!seen[size_t(span)]);
            seen[size_t(span)] = 1;
        }
        rows.collapseAll();
        QCOMPARE(rows.rowCount(), int(rows.layout()->roots.size()));
    }

    void fixture()
    {
        const QString path = Test::sharedPath(
            u"fixtures/jaeger/jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s);
        STACKSCOPE_REQUIRE_SHARED(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        TimelineRows rows;
        rows.setLayout(TraceLayout::build(parseTraces(file.readAll()).traces.first()));
        QCOMPARE(rows.layout()->roots.size(), size_t(1));
        QCOMPARE(rows.layout()->trace->service(rows.spanAtRow(0)), u"api-gateway"_s);
        QCOMPARE(rows.rowCount(), rows.layout()->spanCount());
        rows.collapseAll();
        QCOMPARE(rows.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTimelineRows)
#include "tst_timelinerows.moc"
