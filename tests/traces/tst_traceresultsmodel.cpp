// SPDX-License-Identifier: GPL-3.0-or-later
// The search results: one row per trace, sortable by the numeric value.
#include "app/jaeger/traceparser.h"
#include "models/traces/traceresultsmodel.h"

#include "tests/traces/tracegenerator.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestTraceResultsModel : public QObject
{
    Q_OBJECT

    static TracePtr generated(int spans, quint32 seed, const QString &id)
    {
        Test::TraceGenerator generator;
        generator.spans = spans;
        generator.seed = seed;
        generator.traceId = id;
        return parseTraces(generator.traceJson()).traces.value(0);
    }

private Q_SLOTS:
    void resultsModel()
    {
        TraceResultsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const TraceSummary a = TraceSummary::of(generated(5, 1, u"aaaa000000000001"_s));
        const TraceSummary b = TraceSummary::of(generated(500, 2, u"aaaa000000000002"_s));
        model.setResults({a, b});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, TraceResultsModel::NameColumn).data().toString(),
                 QString(a.rootService + u": "_s + a.rootOperation));
        QCOMPARE(model.index(0, TraceResultsModel::SpansColumn).data().toInt(), 5);
        QCOMPARE(model.index(1, TraceResultsModel::SpansColumn).data().toInt(), 500);
        QCOMPARE(model.index(0, TraceResultsModel::DurationColumn)
                     .data(TraceResultsModel::SortRole)
                     .toLongLong(),
                 a.durationUs);
        QCOMPARE(model.index(1, TraceResultsModel::TraceIdColumn).data().toString(), b.traceId);
        QCOMPARE(
            model.index(1, 0).data(TraceResultsModel::SummaryRole).value<TraceSummary>().traceId,
            b.traceId);
        QCOMPARE(model.rowOf(b.traceId), 1);
        QCOMPARE(model.rowOf(u"nope"_s), -1);
        model.setResults({});
        QCOMPARE(model.rowCount(), 0);
    }

    // A root operation's newline or right-to-left override shows as a symbol or an escape: the
    // row keeps one line and its text's direction.
    void controlCharactersInNamesAreVisible()
    {
        TraceResultsModel model;
        TraceSummary s;
        s.traceId = u"1"_s;
        s.rootService = u"svc\u202E"_s;
        s.rootOperation = u"GET\n/x"_s;
        model.setResults({s});
        QCOMPARE(model.index(0, TraceResultsModel::NameColumn).data().toString(),
                 u"svc\\u202E: GET\u23CE/x"_s);
    }
};

QTEST_GUILESS_MAIN(TestTraceResultsModel)
#include "tst_traceresultsmodel.moc"
