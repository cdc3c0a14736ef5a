// SPDX-License-Identifier: GPL-3.0-or-later
// The critical path as segments, computed as the Jaeger UI does since v1.42, against segments
// worked out by hand: on the real Jaeger fixtures (skipped, saying so, where ../shared is absent)
// and on constructed traces with overlapping children, a child that outlives its parent, a
// FOLLOWS_FROM child and clock skew.
#include "app/jaeger/traceparser.h"
#include "models/traces/criticalpath.h"
#include "models/traces/tracelayout.h"

#include "tests/support/fixtures.h"
#include "tests/traces/tracegenerator.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Stackscope::Test::sharedPath;

namespace {

/// A segment as the test writes it: the span's operation name and times relative to the trace.
struct Expected
{
    QString operation;
    qint64 from;
    qint64 to;
};

QStringList described(const TraceLayout &layout)
{
    const Trace &trace = *layout.trace;
    QStringList out;
    for (const CriticalPath::Segment &s : layout.criticalPath.segments())
        out << u"%1 %2..%3"_s.arg(trace.operation(s.span))
                   .arg(s.startUs - trace.startUs)
                   .arg(s.endUs - trace.startUs);
    return out;
}

QStringList described(const std::vector<Expected> &expected)
{
    QStringList out;
    for (const Expected &e : expected)
        out << u"%1 %2..%3"_s.arg(e.operation).arg(e.from).arg(e.to);
    return out;
}

/// Hand-made traces: spans named by their operation, times in microseconds.
class Builder
{
public:
    Builder() { m_trace->traceId = u"t"_s; }
    Builder &span(const char *id, const char *parent, qint64 start, qint64 duration,
                  SpanRef::Kind kind = SpanRef::Kind::ChildOf)
    {
        Trace &t = *m_trace;
        if (t.processes.empty())
            t.processes.push_back({u"p1"_s, t.strings.intern(u"svc"_s), 0, 0});
        Span s;
        s.spanId = t.addId(id);
        s.parentId = t.addId(parent);
        s.operation = t.strings.intern(std::string_view(id));
        s.service = t.processes.front().service;
        s.startUs = start;
        s.durationUs = duration;
        if (*parent) {
            SpanRef ref;
            ref.kind = kind;
            ref.traceId = t.addId("t");
            ref.spanId = s.parentId;
            s.firstRef = quint32(t.refs.size());
            s.refCount = 1;
            t.refs.push_back(ref);
        }
        t.spans.push_back(s);
        return *this;
    }
    std::shared_ptr<const TraceLayout> layout()
    {
        m_trace->finish();
        return TraceLayout::build(m_trace);
    }

private:
    std::shared_ptr<Trace> m_trace = std::make_shared<Trace>();
};

std::shared_ptr<const TraceLayout> fixture(const QString &name)
{
    const QByteArray json = Test::readFile(sharedPath(u"fixtures/jaeger/"_s + name));
    const TraceParseResult parsed = parseTraces(json);
    if (parsed.traces.isEmpty())
        return nullptr;
    return TraceLayout::build(parsed.traces.first());
}

} // namespace

class TestCriticalPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realFixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("expected");
        // A root and one child inside it: root until the child starts, the child, the root's
        // tail.
        QTest::newRow("jaeger-analytics-java")
            << u"jaeger-analytics-java_ui-trace.json"_s
            << described({{u"/api/services/{service}/operations"_s, 0, 55},
                          {u"GetOperations"_s, 55, 3928},
                          {u"/api/services/{service}/operations"_s, 3928, 4199}});
        // The only child follows from the root: it does not block it, the root is the path.
        QTest::newRow("jaeger-ui issue 115, FOLLOWS_FROM")
            << u"jaeger-ui_issue115_follows_from_2992f2a5.json"_s
            << described({{u"demo"_s, 0, 70406}});
        // Three levels, then thirteen overlapping JDBC calls under GET /owners: back from the
        // last-finishing call (2658..2677) the path takes the one that finished last before each
        // start: 2522..2568, then the first of three identical 1897..1937, then 1849..1880;
        // nothing finished before 1849.
        const QString stmt = u"HikariProxyPreparedStatement.executeQuery"_s;
        QTest::newRow("jaeger-ui statistics, overlapping children")
            << u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s
            << described({{u"GET /api/customer/owners"_s, 0, 376},
                          {u"GET /owners"_s, 376, 1016},
                          {u"GET /owners"_s, 1016, 1849},
                          {stmt, 1849, 1880},
                          {u"GET /owners"_s, 1880, 1897},
                          {stmt, 1897, 1937},
                          {u"GET /owners"_s, 1937, 2522},
                          {stmt, 2522, 2568},
                          {u"GET /owners"_s, 2568, 2658},
                          {stmt, 2658, 2677},
                          {u"GET /owners"_s, 2677, 2712},
                          {u"GET /owners"_s, 2712, 3353},
                          {u"GET /api/customer/owners"_s, 3353, 3720}});
        // Three roots of 0..5 µs (a duplicate ID and a parent in another trace make two of them):
        // the first root's only child covers it whole; the duplicate has no children; the third
        // has a child until 4 µs.
        QTest::newRow("jaeger 1.51 ui_01, several roots")
            << u"jaeger_v1.51.0_model_converter_json_ui_01.json"_s
            << described({{u"some-operation"_s, 0, 5},
                          {u"some-operation"_s, 0, 5},
                          {u"preserveParentID-test"_s, 0, 4},
                          {u"reference-test"_s, 4, 5}});
    }

    void realFixtures()
    {
        QFETCH(QString, file);
        QFETCH(QStringList, expected);
        STACKSCOPE_REQUIRE_SHARED(sharedPath(u"fixtures/jaeger/"_s + file));
        const auto layout = fixture(file);
        QVERIFY(layout);
        QCOMPARE(described(*layout), expected);
        // The segments of one root cover it without gaps or overlaps.
        const CriticalPath &path = layout->criticalPath;
        const int root = layout->roots.front();
        qint64 covered = 0;
        for (const auto &s : path.segments())
            covered += s.durationUs();
        if (layout->roots.size() == 1)
            QCOMPARE(covered, layout->trace->spans[size_t(root)].durationUs);
    }

    void statisticsFixtureDetails()
    {
        const QString file = u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s;
        STACKSCOPE_REQUIRE_SHARED(sharedPath(u"fixtures/jaeger/"_s + file));
        const auto layout = fixture(file);
        QVERIFY(layout);
        const Trace &trace = *layout->trace;
        const CriticalPath &path = layout->criticalPath;
        int owners = -1;
        for (int i = 0; i < int(trace.spans.size()); ++i) {
            if (trace.spanId(i) == "6f9bbe751e5fd944"_L1)
                owners = i;
        }
        QVERIFY(owners >= 0);
        // GET /owners (1016..2712) is on the path for 833 + 17 + 585 + 90 + 35 µs in 5 segments.
        QCOMPARE(path.onPathUs(owners), 1560);
        const auto [first, last] = path.segmentsOf(owners);
        QCOMPARE(last - first, 5);
        QVERIFY(layout->critical[size_t(owners)]);
        // Navigation in time order: after the start of the trace comes the second segment.
        QCOMPARE(path.nextSegment(trace.startUs), 1);
        QCOMPARE(path.nextSegment(trace.startUs + 3353), -1);
        QCOMPARE(path.previousSegment(trace.startUs + 376), 0);
        QCOMPARE(path.previousSegment(trace.startUs), -1);
    }

    void overlappingChildren()
    {
        // root 0..100; a 10..60 and b 40..90 overlap, c 20..30 lies under a.
        const auto layout = Builder()
                                .span("root", "", 0, 100)
                                .span("a", "root", 10, 50)
                                .span("b", "root", 40, 50)
                                .span("c", "root", 20, 10)
                                .layout();
        QCOMPARE(described(*layout), described({{u"root"_s, 0, 20},
                                                {u"c"_s, 20, 30},
                                                {u"root"_s, 30, 40},
                                                {u"b"_s, 40, 90},
                                                {u"root"_s, 90, 100}}));
        QVERIFY(!layout->critical[1]); // a ends after b started: never the last before a cursor
        QCOMPARE(layout->criticalPath.onPathUs(0), 20 + 10 + 10);
        QCOMPARE(layout->criticalPath.onPathUs(1), 0);
    }

    void childOutlivesParent()
    {
        // p 10..50 has x 30..80 (truncated to 30..50) and z 60..65 (after p: left out, or p's
        // path would run backwards from 65 to 50); q 55..70 is root's last-finishing child.
        const auto layout = Builder()
                                .span("root", "", 0, 100)
                                .span("p", "root", 10, 40)
                                .span("x", "p", 30, 50)
                                .span("z", "p", 60, 5)
                                .span("z1", "z", 61, 2)
                                .span("q", "root", 55, 15)
                                .layout();
        QCOMPARE(described(*layout), described({{u"root"_s, 0, 10},
                                                {u"p"_s, 10, 30},
                                                {u"x"_s, 30, 50},
                                                {u"root"_s, 50, 55},
                                                {u"q"_s, 55, 70},
                                                {u"root"_s, 70, 100}}));
        QVERIFY(!layout->critical[3]);
        QVERIFY(!layout->critical[4]);
    }

    void followsFromChild()
    {
        // f follows from root and runs past it: it does not hold the root up, nor does its child.
        const auto layout = Builder()
                                .span("root", "", 0, 100)
                                .span("f", "root", 50, 100, SpanRef::Kind::FollowsFrom)
                                .span("f1", "f", 60, 80)
                                .span("a", "root", 10, 30)
                                .layout();
        QCOMPARE(described(*layout),
                 described({{u"root"_s, 0, 10}, {u"a"_s, 10, 40}, {u"root"_s, 40, 100}}));
    }

    void clockSkew()
    {
        // The root runs 100..200 (the trace starts at 80, with s). s starts 20 µs before its
        // parent (truncated to 100..150), its child s1 ends before the root started (left out),
        // t runs past the root's end (truncated to 190..200), u lies wholly before the root.
        const auto layout = Builder()
                                .span("root", "", 100, 100)
                                .span("s", "root", 80, 70)
                                .span("s1", "s", 85, 10)
                                .span("t", "root", 190, 70)
                                .span("u", "root", 20, 70)
                                .layout();
        QVERIFY(layout->trace->spans[1].has(Span::ClockSkew));
        QCOMPARE(layout->trace->startUs, 20);
        QCOMPARE(described(*layout),
                 described({{u"s"_s, 80, 130}, {u"root"_s, 130, 170}, {u"t"_s, 170, 180}}));
        QVERIFY(!layout->critical[2]);
        QVERIFY(!layout->critical[4]);
        QCOMPARE(layout->criticalPath.onPathUs(0), 40);
    }

    void deepChainAndBigTrace()
    {
        // A chain of 30,000 spans, each starting 1 µs after its parent and ending with it: no
        // recursion to overflow; every span is on the path for 1 µs, the last for the rest.
        {
            Builder b;
            std::vector<QByteArray> ids;
            ids.reserve(30000);
            for (int i = 0; i < 30000; ++i)
                ids.push_back("s" + QByteArray::number(i));
            for (int i = 0; i < 30000; ++i)
                b.span(ids[size_t(i)].constData(), i ? ids[size_t(i - 1)].constData() : "", i,
                       60000 - 2 * qint64(i));
            const auto layout = b.layout();
            const CriticalPath &path = layout->criticalPath;
            QCOMPARE(path.segmentCount(), 2 * 30000 - 1);
            QCOMPARE(path.onPathUs(0), 2);
            QCOMPARE(path.onPathUs(29999), 60000 - 2 * 29999);
        }
        // A generated trace: the segments of each root tile it exactly, in time order.
        Test::TraceGenerator g;
        g.spans = 5000;
        g.seed = 11;
        const auto layout = TraceLayout::build(parseTraces(g.traceJson()).traces.value(0));
        const auto &segments = layout->criticalPath.segments();
        QVERIFY(!segments.empty());
        const Span &root = layout->trace->spans[size_t(layout->roots.front())];
        QCOMPARE(segments.front().startUs, root.startUs);
        QCOMPARE(segments.back().endUs, root.endUs());
        for (size_t i = 1; i < segments.size(); ++i)
            QCOMPARE(segments[i].startUs, segments[i - 1].endUs);
    }
};

QTEST_GUILESS_MAIN(TestCriticalPath)
#include "tst_criticalpath.moc"
