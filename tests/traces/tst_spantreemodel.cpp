// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/traceparser.h"
#include "models/traces/spantreemodel.h"
#include "models/traces/tracelayout.h"
#include "models/traces/traceresultsmodel.h"

#include "tests/support/fixtures.h"
#include "tests/traces/tracegenerator.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
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

class TestSpanTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeShapeAndOrder()
    {
        const auto layout = TraceLayout::build(handMade());
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLayout(layout);
        QCOMPARE(model.rowCount(), 2); // root and the orphan d
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(root.data().toString(), u"root"_s);
        QCOMPARE(model.rowCount(root), 2);
        QCOMPARE(model.index(0, 0, root).data().toString(), u"c"_s);
        const QModelIndex a = model.index(1, 0, root);
        QCOMPARE(a.data().toString(), u"a"_s);
        QCOMPARE(model.index(0, 0, a).data().toString(), u"b"_s);
        QCOMPARE(model.parent(model.index(0, 0, a)), a);
        QCOMPARE(model.index(1, 0).data().toString(), u"d"_s);
        QCOMPARE(model.indexOfSpan(2), model.index(0, 0, a));
        QCOMPARE(model.index(0, SpanTreeModel::DurationColumn, a).data().toString(), u"30µs"_s);
        // Depth-first: root, c, a, b, d.
        QCOMPARE(std::vector<qint32>(layout->order.begin(), layout->order.end()),
                 (std::vector<qint32>{0, 3, 1, 2, 4}));
        QCOMPARE(layout->maxDepth, 2);
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

    void resetsOnANewTrace()
    {
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setLayout(TraceLayout::build(generated(3000)));
        QCOMPARE(model.rowCount(), 1);
        // Walk the whole tree: every span once, parents consistent.
        int count = 0;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            for (int r = 0; r < model.rowCount(parent); ++r) {
                const QModelIndex child = model.index(r, 0, parent);
                QCOMPARE(model.parent(child), parent);
                ++count;
                walk(child);
            }
        };
        walk({});
        QCOMPARE(count, 3000);
        model.setLayout(TraceLayout::build(handMade()));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.count(), 2);
    }

    void fixtureUnderTester()
    {
        const QString path = Test::sharedPath(
            u"fixtures/jaeger/jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s);
        STACKSCOPE_REQUIRE_SHARED(path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        SpanTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLayout(TraceLayout::build(parseTraces(file.readAll()).traces.first()));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, SpanTreeModel::ServiceColumn).data().toString(), u"api-gateway"_s);
    }

    void resultsModel()
    {
        TraceResultsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TraceSummary a = TraceSummary::of(handMade());
        const TraceSummary b = TraceSummary::of(generated(500));
        model.setResults({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TraceResultsModel::NameColumn).data().toString(), u"svc: root"_s);
        QCOMPARE(model.index(0, TraceResultsModel::SpansColumn).data().toInt(), 5);
        QCOMPARE(model.index(1, TraceResultsModel::SpansColumn).data().toInt(), 500);
        QCOMPARE(model.index(0, TraceResultsModel::DurationColumn)
                     .data(TraceResultsModel::SortRole)
                     .toLongLong(),
                 100);
        QCOMPARE(model.rowOf(b.traceId), 1);
        model.setResults({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSpanTreeModel)
#include "tst_spantreemodel.moc"
