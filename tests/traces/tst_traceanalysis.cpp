// SPDX-License-Identifier: GPL-3.0-or-later
// The analyses of a trace beyond the timeline: self time (hand-computed cases and a reference on
// a generated trace), the flame graph's layout (no overlaps on a row, every span once, blocks
// nested, concurrent siblings stacked) and its view (widths in time, zoom, find), the span
// statistics against a reference computed here (real fixtures and a generated trace), their
// table model under QAbstractItemModelTester, and the statistics' rows marking spans in the
// timeline.
#include "app/jaeger/traceparser.h"
#include "models/traces/flamegraphlayout.h"
#include "models/traces/selftime.h"
#include "models/traces/spanstatistics.h"
#include "models/traces/spanstatisticsmodel.h"
#include "ui/traces/flamegraphview.h"
#include "ui/traces/spanstatisticsview.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include "tests/support/fixtures.h"
#include "tests/traces/tracegenerator.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

TracePtr generated(int spans, quint32 seed)
{
    // Parsed once per size and seed: the data-driven rows share them.
    static std::map<std::pair<int, quint32>, TracePtr> cache;
    if (const auto it = cache.find({spans, seed}); it != cache.end())
        return it->second;
    Test::TraceGenerator generator;
    generator.spans = spans;
    generator.seed = seed;
    generator.errorRate = 0.05;
    TracePtr trace = parseTraces(generator.traceJson()).traces.value(0);
    cache[{spans, seed}] = trace;
    return trace;
}

TracePtr fixture(const QString &name)
{
    return parseTraces(Test::readFile(Test::jaegerFixture(name))).traces.value(0);
}

/// A hand-made trace of named spans: (name, parent name, start, duration), one service per
/// first letter.
struct HandSpan
{
    const char *name;
    const char *parent;
    qint64 start;
    qint64 duration;
};

TracePtr handMade(std::initializer_list<HandSpan> spans)
{
    auto trace = std::make_shared<Trace>();
    trace->traceId = u"t"_s;
    for (const HandSpan &h : spans) {
        Span s;
        s.spanId = trace->addId(h.name);
        s.parentId = trace->addId(h.parent);
        s.operation = trace->strings.intern(std::string_view(h.name));
        s.service = trace->strings.intern(std::string_view(h.name, 1));
        s.startUs = h.start;
        s.durationUs = h.duration;
        trace->spans.push_back(s);
    }
    trace->finish();
    return trace;
}

int spanNamed(const Trace &trace, const QString &name)
{
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        if (trace.operation(int(i)) == name)
            return int(i);
    }
    return -1;
}

/// Self times the slow way: each span's children collected from Span::parent, sorted, clipped
/// and merged.
std::vector<qint64> referenceSelfTimes(const Trace &trace)
{
    std::vector<std::vector<std::pair<qint64, qint64>>> kids(trace.spans.size());
    for (const Span &span : trace.spans) {
        if (span.parent >= 0)
            kids[size_t(span.parent)].push_back({span.startUs, span.endUs()});
    }
    std::vector<qint64> self;
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        const Span &span = trace.spans[i];
        std::vector<std::pair<qint64, qint64>> clipped;
        for (auto [a, b] : kids[i]) {
            a = std::max(a, span.startUs);
            b = std::min(b, span.endUs());
            if (a < b)
                clipped.push_back({a, b});
        }
        std::sort(clipped.begin(), clipped.end());
        qint64 covered = 0;
        qint64 reach = span.startUs;
        for (const auto &[a, b] : clipped) {
            if (b > reach) {
                covered += b - std::max(a, reach);
                reach = b;
            }
        }
        self.push_back(span.durationUs - covered);
    }
    return self;
}

struct RefGroup
{
    int count = 0;
    qint64 total = 0;
    qint64 self = 0;
    qint64 max = 0;
    int errors = 0;
    std::vector<qint64> durations;
};

/// The statistics the slow way: a map from the group's name, tags found by comparing key text.
std::map<QString, RefGroup> referenceStatistics(const Trace &trace, SpanStatistics::GroupBy by,
                                                const QString &tagKey)
{
    const std::vector<qint64> self = referenceSelfTimes(trace);
    std::map<QString, RefGroup> groups;
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        const Span &span = trace.spans[i];
        QString name;
        switch (by) {
        case SpanStatistics::GroupBy::Service:
            name = trace.service(int(i));
            break;
        case SpanStatistics::GroupBy::Operation:
            name = trace.operation(int(i));
            break;
        case SpanStatistics::GroupBy::ServiceOperation:
            name = trace.service(int(i)) + u": "_s + trace.operation(int(i));
            break;
        case SpanStatistics::GroupBy::Tag: {
            name = u"without "_s + tagKey;
            bool found = false;
            for (quint32 t = 0; t < span.tagCount && !found; ++t) {
                const SpanTag &tag = trace.tags[span.firstTag + t];
                if (trace.strings.at(tag.key) == tagKey) {
                    name = trace.tagText(tag);
                    found = true;
                }
            }
            const TraceProcess &process = trace.processes[span.process];
            for (quint32 t = 0; t < process.tagCount && !found; ++t) {
                const SpanTag &tag = trace.tags[process.firstTag + t];
                if (trace.strings.at(tag.key) == tagKey) {
                    name = trace.tagText(tag);
                    found = true;
                }
            }
            break;
        }
        }
        RefGroup &g = groups[name];
        ++g.count;
        g.total += span.durationUs;
        g.self += self[i];
        g.max = std::max(g.max, span.durationUs);
        g.errors += span.has(Span::Error) ? 1 : 0;
        g.durations.push_back(span.durationUs);
    }
    return groups;
}

void compareWithReference(const TracePtr &trace, SpanStatistics::GroupBy by,
                          const QString &tagKey = {})
{
    const auto layout = TraceLayout::build(trace);
    const SpanStatistics stats = SpanStatistics::compute(*layout, by, tagKey);
    const std::map<QString, RefGroup> reference = referenceStatistics(*trace, by, tagKey);
    QCOMPARE(stats.groups.size(), reference.size());
    QCOMPARE(stats.spanCount, int(trace->spans.size()));
    int spans = 0;
    for (const SpanStatistics::Group &g : stats.groups) {
        const auto it = reference.find(g.name);
        QVERIFY2(it != reference.end(), qPrintable(g.name));
        RefGroup ref = it->second;
        QCOMPARE(g.count, ref.count);
        QCOMPARE(g.totalUs, ref.total);
        QCOMPARE(g.selfUs, ref.self);
        QCOMPARE(g.maxUs, ref.max);
        QCOMPARE(g.errors, ref.errors);
        QCOMPARE(g.averageUs(), double(ref.total) / ref.count);
        std::sort(ref.durations.begin(), ref.durations.end());
        const size_t rank = size_t(std::ceil(0.95 * double(ref.count))); // nearest rank
        QCOMPARE(g.p95Us, ref.durations[rank - 1]);
        QCOMPARE(int(g.spans.size()), g.count);
        for (qint32 s : g.spans)
            QCOMPARE(trace->spans[size_t(s)].durationUs <= g.maxUs, true);
        spans += g.count;
    }
    QCOMPARE(spans, int(trace->spans.size()));
}

/// The flame layout's promises, checked on any trace or subtree.
void checkFlameLayout(const FlameGraphLayout &flame)
{
    const TraceLayout &layout = *flame.layout;
    const Trace &trace = *layout.trace;
    const int n = flame.endPosition - flame.firstPosition;
    // Every span on exactly one row, listed once.
    QCOMPARE(int(flame.rowSpans.size()), n);
    QCOMPARE(int(flame.rowFirst.size()), flame.rowCount + 1);
    std::vector<int> seen(size_t(n), 0);
    for (int r = 0; r < flame.rowCount; ++r) {
        QVERIFY(flame.rowFirst[size_t(r) + 1] > flame.rowFirst[size_t(r)]); // no empty row
        qint64 reach = std::numeric_limits<qint64>::min();
        for (qint32 i = flame.rowFirst[size_t(r)]; i < flame.rowFirst[size_t(r) + 1]; ++i) {
            const qint32 p = flame.rowSpans[size_t(i)];
            QVERIFY(flame.contains(p));
            ++seen[size_t(p - flame.firstPosition)];
            QCOMPARE(flame.rowOf(p), r);
            const Span &span = trace.spans[size_t(layout.order[size_t(p)])];
            // No two spans of a row overlap.
            QVERIFY2(span.startUs >= reach,
                     qPrintable(u"row %1 overlaps at position %2"_s.arg(r).arg(p)));
            reach = std::max(reach, span.endUs());
            QVERIFY(span.startUs >= flame.fromUs && span.endUs() <= flame.toUs);
        }
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
    // Children below their parent.
    for (qint32 p = flame.firstPosition; p < flame.endPosition; ++p) {
        for (qint32 c = p + 1; c < layout.subtreeEnd[size_t(p)]; c = layout.subtreeEnd[size_t(c)])
            QVERIFY(flame.rowOf(c) > flame.rowOf(p));
    }
    if (flame.rootPosition >= 0)
        QCOMPARE(flame.rowOf(flame.rootPosition), 0);
}

} // namespace

class TestTraceAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void selfTimeHandComputed()
    {
        // root [0,100): e starts before it, a and b overlap, c outlives it; d outlives c;
        // a's children nest and one takes no time; b has none.
        const auto trace = handMade({{"root", "", 0, 100},
                                     {"e", "root", -5, 10},
                                     {"a", "root", 10, 30},
                                     {"b", "root", 30, 30},
                                     {"c", "root", 90, 40},
                                     {"d", "c", 120, 80},
                                     {"a1", "a", 15, 5},
                                     {"a2", "a", 15, 10},
                                     {"a3", "a", 35, 0},
                                     {"f", "", 500, 10}});
        const auto layout = TraceLayout::build(trace);
        const std::vector<qint64> self = selfTimes(*layout);
        const std::map<QString, qint64> expected{
            {u"root"_s, 100 - (5 + 50 + 10)}, // [0,5) ∪ [10,60) ∪ [90,100)
            {u"e"_s, 10},
            {u"a"_s, 30 - 10}, // [15,25)
            {u"b"_s, 30},
            {u"c"_s, 40 - 10}, // d clipped to [120,130)
            {u"d"_s, 80},
            {u"a1"_s, 5},
            {u"a2"_s, 10},
            {u"a3"_s, 0},
            {u"f"_s, 10}, // another root, no children
        };
        for (const auto &[name, value] : expected)
            QCOMPARE(self[size_t(spanNamed(*trace, name))], value);
        QCOMPARE(self, referenceSelfTimes(*trace));
    }

    void selfTimeFullyCovered()
    {
        const auto trace = handMade({{"p", "", 0, 10}, {"k", "p", -5, 30}, {"j", "p", 2, 3}});
        const std::vector<qint64> self = selfTimes(*TraceLayout::build(trace));
        QCOMPARE(self[size_t(spanNamed(*trace, u"p"_s))], 0);
        QCOMPARE(self[size_t(spanNamed(*trace, u"k"_s))], 30);
    }

    void selfTimeMatchesReference()
    {
        const auto trace = generated(8000, 7);
        QVERIFY(trace);
        QCOMPARE(selfTimes(*TraceLayout::build(trace)), referenceSelfTimes(*trace));
    }

    void flameLayoutStacksConcurrentSiblings()
    {
        // a and b run at once under root; b's child outlives b and overlaps c's time.
        const auto trace = handMade({{"root", "", 0, 100},
                                     {"a", "root", 10, 50},
                                     {"b", "root", 20, 30},
                                     {"bb", "b", 40, 40},
                                     {"c", "root", 70, 20},
                                     {"a1", "a", 10, 10}});
        const auto flame = FlameGraphLayout::build(TraceLayout::build(trace));
        checkFlameLayout(*flame);
        auto rowOf = [&](const char *name) {
            return flame->rowOf(
                flame->layout->positionOf[size_t(spanNamed(*trace, QString::fromLatin1(name)))]);
        };
        QCOMPARE(rowOf("root"), 0);
        QCOMPARE(rowOf("a"), 1);
        QCOMPARE(rowOf("a1"), 2);
        // b runs while a does: a row further down, beside a's child a1 (ended at 20); bb
        // below b.
        QCOMPARE(rowOf("b"), 2);
        QCOMPARE(rowOf("bb"), 3);
        // c starts after a ended: beside a on row 1.
        QCOMPARE(rowOf("c"), 1);
        QCOMPARE(flame->rowCount, 4);
        // The subtree of b alone: b on top, bb below.
        const auto zoomed = FlameGraphLayout::build(
            flame->layout, flame->layout->positionOf[size_t(spanNamed(*trace, u"b"_s))]);
        checkFlameLayout(*zoomed);
        QCOMPARE(zoomed->rowCount, 2);
        QCOMPARE(zoomed->fromUs, 20);
        QCOMPARE(zoomed->toUs, 80);
        // Sequential siblings share a row.
        const auto sequential
            = handMade({{"r", "", 0, 100}, {"x", "r", 0, 40}, {"y", "r", 40, 60}});
        const auto flat = FlameGraphLayout::build(TraceLayout::build(sequential));
        checkFlameLayout(*flat);
        QCOMPARE(flat->rowCount, 2);
    }

    void flameLayoutOnRealAndGeneratedTraces_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("generatedSpans");
        QTest::newRow("statistics fixture")
            << u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s << 0;
        QTest::newRow("v1.51 ui_01") << u"jaeger_v1.51.0_model_converter_json_ui_01.json"_s << 0;
        QTest::newRow("follows from") << u"jaeger-ui_issue115_follows_from_2992f2a5.json"_s << 0;
        QTest::newRow("generated 8000") << QString() << 8000;
    }

    void flameLayoutOnRealAndGeneratedTraces()
    {
        QFETCH(QString, fixture);
        QFETCH(int, generatedSpans);
        TracePtr trace;
        if (!fixture.isEmpty()) {
            STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"fixtures/jaeger/"_s + fixture));
            trace = ::fixture(fixture);
        } else {
            trace = generated(generatedSpans, 7);
        }
        QVERIFY(trace);
        const auto flame = FlameGraphLayout::build(TraceLayout::build(trace));
        checkFlameLayout(*flame);
        QCOMPARE(*flame->selfUs, referenceSelfTimes(*trace));
        // Every subtree with children laid out alone keeps the promises too (a sample of them).
        const TraceLayout &layout = *flame->layout;
        for (qint32 p = 0; p < layout.spanCount(); p += std::max(1, layout.spanCount() / 25)) {
            if (layout.hasChildren(p))
                checkFlameLayout(*FlameGraphLayout::build(flame->layout, p, flame->selfUs));
        }
    }

    void statisticsMatchReference_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("by");
        QTest::addColumn<QString>("tagKey");
        const QString real = u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s;
        using G = SpanStatistics::GroupBy;
        QTest::newRow("real, service") << real << int(G::Service) << QString();
        QTest::newRow("real, operation") << real << int(G::Operation) << QString();
        QTest::newRow("real, service+operation") << real << int(G::ServiceOperation) << QString();
        QTest::newRow("real, tag span.kind") << real << int(G::Tag) << u"span.kind"_s;
        QTest::newRow("real, tag database") << real << int(G::Tag) << u"database"_s;
        QTest::newRow("real, process tag hostname")
            << u"jaeger-analytics-java_ui-trace.json"_s << int(G::Tag) << u"hostname"_s;
        QTest::newRow("real, int64 tag")
            << u"jaeger-analytics-java_ui-trace.json"_s << int(G::Tag) << u"http.status_code"_s;
        QTest::newRow("real v1.51, operation")
            << u"jaeger_v1.51.0_model_converter_json_ui_01.json"_s << int(G::Operation)
            << QString();
        QTest::newRow("generated, service") << QString() << int(G::Service) << QString();
        QTest::newRow("generated, operation") << QString() << int(G::Operation) << QString();
        QTest::newRow("generated, service+operation")
            << QString() << int(G::ServiceOperation) << QString();
        QTest::newRow("generated, int tag") << QString() << int(G::Tag) << u"http.status_code"_s;
        QTest::newRow("generated, bool tag") << QString() << int(G::Tag) << u"internal.cached"_s;
        QTest::newRow("generated, missing tag") << QString() << int(G::Tag) << u"no.such.key"_s;
    }

    void statisticsMatchReference()
    {
        QFETCH(QString, fixture);
        QFETCH(int, by);
        QFETCH(QString, tagKey);
        TracePtr trace;
        if (!fixture.isEmpty()) {
            STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"fixtures/jaeger/"_s + fixture));
            trace = ::fixture(fixture);
        } else {
            trace = generated(8000, 7);
        }
        QVERIFY(trace);
        compareWithReference(trace, SpanStatistics::GroupBy(by), tagKey);
    }

    void statisticsOfTheRealFixture()
    {
        // Figures read off the fixture by hand, beside the reference above.
        const QString name = u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s;
        STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"fixtures/jaeger/"_s + name));
        const auto trace = fixture(name);
        QVERIFY(trace);
        QCOMPARE(int(trace->spans.size()), 17);
        const auto stats
            = SpanStatistics::compute(*TraceLayout::build(trace), SpanStatistics::GroupBy::Service);
        QCOMPARE(int(stats.groups.size()), 2);
        int count = 0;
        for (const auto &g : stats.groups)
            count += g.count;
        QCOMPARE(count, 17);
        // A process tag groups every span of its process.
        const QString analytics = u"jaeger-analytics-java_ui-trace.json"_s;
        STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"fixtures/jaeger/"_s + analytics));
        const auto withProcessTags = fixture(analytics);
        QVERIFY(withProcessTags);
        const auto byHost = SpanStatistics::compute(*TraceLayout::build(withProcessTags),
                                                    SpanStatistics::GroupBy::Tag, u"hostname"_s);
        QCOMPARE(int(byHost.groups.size()), 1);
        QVERIFY(!byHost.groups.front().withoutTag);
        QCOMPARE(byHost.groups.front().count, int(withProcessTags->spans.size()));
        QVERIFY(SpanStatistics::tagKeys(*withProcessTags).contains(u"hostname"_s));
        const QStringList keys = SpanStatistics::tagKeys(*trace);
        QVERIFY(!keys.isEmpty());
        QVERIFY(std::is_sorted(keys.begin(), keys.end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        }));
    }

    void statisticsModel()
    {
        SpanStatisticsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto trace = generated(3000, 9);
        const auto layout = TraceLayout::build(trace);
        model.setStatistics(SpanStatistics::compute(*layout, SpanStatistics::GroupBy::Operation));
        QVERIFY(model.rowCount() > 3);
        QCOMPARE(model.columnCount(), int(SpanStatisticsModel::ColumnCount));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Operation"_s);
        const QPersistentModelIndex kept = model.index(2, SpanStatisticsModel::CountColumn);
        const QString keptName = model.index(2, 0).data().toString();
        for (int column = 0; column < SpanStatisticsModel::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                for (int r = 1; r < model.rowCount(); ++r) {
                    const QVariant a
                        = model.index(r - 1, column).data(SpanStatisticsModel::SortRole);
                    const QVariant b = model.index(r, column).data(SpanStatisticsModel::SortRole);
                    if (column == 0) {
                        const int c = a.toString().compare(b.toString(), Qt::CaseInsensitive);
                        QVERIFY(order == Qt::AscendingOrder ? c <= 0 : c >= 0);
                    } else {
                        QVERIFY(order == Qt::AscendingOrder ? a.toDouble() <= b.toDouble()
                                                            : a.toDouble() >= b.toDouble());
                    }
                }
                // The persistent index follows its group.
                QCOMPARE(model.index(kept.row(), 0).data().toString(), keptName);
            }
        }
        // Another grouping keeps the sort.
        model.setStatistics(SpanStatistics::compute(*layout, SpanStatistics::GroupBy::Service));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Service"_s);
        QCOMPARE(model.sortColumn(), SpanStatisticsModel::ErrorsColumn);
        const auto &g = model.groupAt(0);
        QCOMPARE(model.index(0, SpanStatisticsModel::CountColumn).data().toInt(), g.count);
        QCOMPARE(model.index(0, SpanStatisticsModel::TotalColumn)
                     .data(SpanStatisticsModel::SortRole)
                     .toDouble(),
                 double(g.totalUs));
        model.setStatistics({});
        QCOMPARE(model.rowCount(), 0);
    }

    void emptyTrace()
    {
        const auto layout = TraceLayout::build(handMade({}));
        QVERIFY(selfTimes(*layout).empty());
        const auto flame = FlameGraphLayout::build(layout);
        QCOMPARE(flame->rowCount, 0);
        QVERIFY(
            SpanStatistics::compute(*layout, SpanStatistics::GroupBy::Tag, u"x"_s).groups.empty());
        FlameGraphView view;
        view.resize(400, 300);
        view.show();
        view.setTraceLayout(layout);
        QVERIFY(QTest::qWaitFor([&] { return view.isReady(); }, 5000));
        view.viewport()->repaint();
        QCOMPARE(view.spanAt(QPoint(100, 100)), -1);
    }

    void flameGraphView()
    {
        const auto trace = generated(2000, 21);
        const auto layout = TraceLayout::build(trace);
        FlameGraphView view;
        view.resize(1000, 600);
        view.setTraceLayout(layout);
        QVERIFY(!view.isReady()); // built when shown
        view.show();
        QVERIFY(QTest::qWaitFor([&] { return view.isReady(); }, 5000));
        // Widths proportional to durations; the root fills the width.
        const int root = layout->roots.front();
        const double perUs
            = view.spanRect(root).width() / double(trace->spans[size_t(root)].durationUs);
        QVERIFY(perUs > 0);
        for (int s = 0; s < layout->spanCount(); s += 97) {
            const QRectF rect = view.spanRect(s);
            QVERIFY(std::abs(rect.width() - perUs * double(trace->spans[size_t(s)].durationUs))
                    < 1e-6 * std::max(1.0, rect.width()) + 1e-6);
        }
        // A click zooms into a span's subtree: it fills the width then.
        int target = -1;
        for (int s = 0; s < layout->spanCount() && target < 0; ++s) {
            const QRectF rect = view.spanRect(s);
            const qint32 p = layout->positionOf[size_t(s)];
            if (s != root && rect.width() > 40 && rect.top() >= view.headerHeight()
                && rect.bottom() < view.viewport()->height() && layout->hasChildren(p))
                target = s;
        }
        QVERIFY(target >= 0);
        QSignalSpy clicked(&view, &FlameGraphView::spanClicked);
        QCOMPARE(view.spanAt(view.spanRect(target).center().toPoint()), target);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
                          view.spanRect(target).center().toPoint());
        QCOMPARE(clicked.value(0).value(0).toInt(), target);
        QCOMPARE(view.zoomSpan(), target);
        const QRectF zoomed = view.spanRect(target);
        QCOMPARE(zoomed.top(), double(view.headerHeight()));
        QVERIFY(zoomed.width() > view.viewport()->width() * 0.5);
        QVERIFY(view.spanRect(root).isEmpty()); // outside the zoomed subtree
        // Esc goes one level up; a double-click to the whole trace.
        QTest::keyClick(&view, Qt::Key_Escape);
        QCOMPARE(view.zoomSpan(), trace->spans[size_t(target)].parent == root
                                      ? root
                                      : int(trace->spans[size_t(target)].parent));
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, QPoint(5, view.headerHeight() + 2));
        QCOMPARE(view.zoomSpan(), -1);
        view.viewport()->repaint(); // paints with highlights without tripping anything
        std::vector<quint8> flags(size_t(layout->spanCount()), 0);
        flags[size_t(target)] = FlameGraphView::Match | FlameGraphView::CurrentMatch;
        view.setHighlights(flags);
        view.viewport()->repaint();
    }

    void traceViewTabsShareFindAndMarks()
    {
        const auto trace = generated(1500, 23);
        const auto layout = TraceLayout::build(trace);
        TraceView view;
        view.resize(1200, 800);
        view.show();
        view.setTraceLayout(layout, u"test"_s);
        QCOMPARE(view.views()->count(), 3);
        // The find highlights the flame graph too.
        view.views()->setCurrentWidget(view.flameGraph());
        QVERIFY(QTest::qWaitFor([&] { return view.flameGraph()->isReady(); }, 5000));
        view.findEdit()->setText(trace->operation(5));
        QVERIFY(view.timeline()->matchCount() > 0);
        // The current match is scrolled into the flame graph's view.
        for (int i = 0; i < 3; ++i) {
            view.timeline()->findNext();
            const QRectF match = view.flameGraph()->spanRect(view.timeline()->selectedSpan());
            QVERIFY(!match.isEmpty());
            QVERIFY(match.top() >= view.flameGraph()->headerHeight());
            QVERIFY(match.bottom() <= view.flameGraph()->viewport()->height());
        }
        // Clicking a span in the flame graph selects it for the details.
        view.flameGraph()->revealSpan(layout->roots.front());
        const QRectF rect = view.flameGraph()->spanRect(layout->roots.front());
        QTest::mouseClick(view.flameGraph()->viewport(), Qt::LeftButton, {},
                          QPoint(int(rect.left()) + 3, int(rect.center().y())));
        QCOMPARE(view.timeline()->selectedSpan(), layout->roots.front());

        // A statistics row marks its spans in the timeline, with next/previous through them.
        view.views()->setCurrentWidget(view.statistics());
        SpanStatisticsView *stats = view.statistics();
        QVERIFY(QTest::qWaitFor([&] { return stats->isReady(); }, 5000));
        QVERIFY(stats->groupBox()->count() > 4); // the three groupings and the tag keys
        QVERIFY(stats->model()->rowCount() > 1);
        stats->table()->selectRow(1);
        const auto &group = stats->model()->groupAt(1);
        QCOMPARE(view.timeline()->markedCount(), group.count);
        for (qint32 s : group.spans)
            QVERIFY(view.timeline()->isMarked(s));
        QSignalSpy marked(view.timeline(), &TraceTimeline::markedChanged);
        Q_EMIT stats->nextSpanRequested();
        QCOMPARE(view.timeline()->selectedSpan(), group.spans.front()); // depth-first order
        QCOMPARE(marked.last().value(0).toInt(), 0);
        Q_EMIT stats->previousSpanRequested();
        QCOMPARE(view.timeline()->selectedSpan(), group.spans.back());
        // Group by a tag.
        stats->setGroupBy(SpanStatistics::GroupBy::Tag, u"span.kind"_s);
        QVERIFY(QTest::qWaitFor(
            [&] { return stats->model()->statistics().groupBy == SpanStatistics::GroupBy::Tag; },
            5000));
        QCOMPARE(view.timeline()->markedCount(), 0); // a new table marks nothing
        QCOMPARE(stats->model()->statistics().spanCount, 1500);
        // Another trace clears the flame graph and the statistics until shown again.
        view.setTraceLayout(TraceLayout::build(generated(50, 2)), u"test"_s);
        QVERIFY(QTest::qWaitFor([&] { return stats->isReady(); }, 5000));
        QCOMPARE(stats->model()->statistics().spanCount, 50);
    }
};

QTEST_MAIN(TestTraceAnalysis)
#include "tst_traceanalysis.moc"
