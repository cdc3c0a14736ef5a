// SPDX-License-Identifier: GPL-3.0-or-later
// The Traces page's controller against a fake Jaeger: typed results, the services error kept as
// state, and only the newest open request opening a trace.
#include "app/jaeger/tracescontroller.h"

#include "tests/support/faultserver.h"
#include "tests/traces/fakejaeger.h"
#include "tests/traces/tracegenerator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Stackscope::Test::FakeJaeger;
using Stackscope::Test::FaultServer;

class TestTracesController : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    std::unique_ptr<TracesController> controller(const FaultServer &server)
    {
        auto c = std::make_unique<TracesController>(&m_network);
        Config config;
        config.jaeger.url = server.url();
        config.jaeger.timeout = std::chrono::milliseconds(5000);
        c->applyConfig(config);
        return c;
    }

private Q_SLOTS:
    void servicesErrorIsKeptAsState()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.failStatus = 500;
        server.setHandler(jaeger.handler());
        auto c = controller(server);
        QSignalSpy failed(c.get(), &TracesController::servicesFailed);
        QSignalSpy available(c.get(), &TracesController::servicesAvailable);
        c->start();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(c->servicesError().isError());
        QCOMPARE(c->servicesError().httpStatus, 500);
        QCOMPARE(available.count(), 0);

        jaeger.failStatus = 0;
        server.setHandler(jaeger.handler());
        c->refreshServices();
        QTRY_COMPARE(available.count(), 1);
        QCOMPARE(available.first().first().toStringList(),
                 (QStringList{u"checkout"_s, u"frontend"_s}));
        QVERIFY(!c->servicesError().isError());
    }

    void operationsAndSearch()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.operations[u"frontend"_s] = {u"GET /a"_s};
        jaeger.traces[u"aaaa000000000001"_s]
            = Test::TraceGenerator::json(50, 1, u"aaaa000000000001"_s);
        jaeger.traces[u"aaaa000000000002"_s]
            = Test::TraceGenerator::json(20, 2, u"aaaa000000000002"_s);
        server.setHandler(jaeger.handler());
        auto c = controller(server);
        QSignalSpy operations(c.get(), &TracesController::operationsAvailable);
        c->loadOperations(u"frontend"_s);
        QTRY_COMPARE(operations.count(), 1);
        QCOMPARE(operations.first().at(0).toString(), u"frontend"_s);
        QCOMPARE(operations.first().at(1).toStringList(), QStringList{u"GET /a"_s});

        QSignalSpy found(c.get(), &TracesController::searchResultsAvailable);
        TraceQuery query;
        query.service = u"frontend"_s;
        c->search(query);
        QTRY_COMPARE(found.count(), 1);
        const auto results = found.first().first().value<QList<TraceSummary>>();
        QCOMPARE(results.size(), 2);

        jaeger.failStatus = 500;
        server.setHandler(jaeger.handler());
        QSignalSpy failed(c.get(), &TracesController::searchFailed);
        c->search(query);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.first().first().value<HttpError>().httpStatus, 500);
    }

    void openByIdFileAndSave()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.traces[u"aaaa000000000001"_s]
            = Test::TraceGenerator::json(120, 3, u"aaaa000000000001"_s);
        server.setHandler(jaeger.handler());
        auto c = controller(server);
        QSignalSpy opened(c.get(), &TracesController::traceOpened);
        QSignalSpy failed(c.get(), &TracesController::traceOpenFailed);
        QVERIFY(!c->currentTrace());

        c->openTraceId(u"aaaa000000000001"_s);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(1).toString(), u"aaaa000000000001"_s);
        QVERIFY(c->currentTrace());
        QCOMPARE(c->currentTrace()->spanCount(), 120);

        c->openTraceId(u"00000000000000ff"_s);
        QTRY_COMPARE(failed.count(), 1);
        auto failure = failed.first().first().value<TraceOpenFailure>();
        QCOMPARE(failure.stage, TraceOpenFailure::Stage::Fetch);
        QCOMPARE(failure.source, u"00000000000000ff"_s);
        QCOMPARE(c->currentTrace()->spanCount(), 120); // the last good trace stays

        QTemporaryDir dir;
        const QString saved = dir.filePath(u"saved.json"_s);
        QString error;
        QVERIFY2(c->saveTrace(saved, &error), qPrintable(error));
        QVERIFY(!c->openFile(dir.filePath(u"missing.json"_s)));
        QVERIFY(c->openFile(saved));
        QTRY_COMPARE(opened.count(), 2);
        QCOMPARE(opened.last().at(1).toString(), u"saved.json"_s);

        const QString broken = dir.filePath(u"broken.json"_s);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"data\":[{\"traceID\":\"1\",\"spans\":[");
        file.close();
        QVERIFY(c->openFile(broken));
        QTRY_COMPARE(failed.count(), 2);
        failure = failed.last().first().value<TraceOpenFailure>();
        QCOMPARE(failure.stage, TraceOpenFailure::Stage::Read);
        QCOMPARE(failure.source, u"broken.json"_s);
        QVERIFY(!failure.message.isEmpty());
    }

    void onlyTheNewestOpenRequestOpens()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.traces[u"aaaa000000000001"_s]
            = Test::TraceGenerator::json(2000, 4, u"aaaa000000000001"_s);
        server.setHandler(jaeger.handler());
        auto c = controller(server);
        QTemporaryDir dir;
        const QString small = dir.filePath(u"small.json"_s);
        QFile file(small);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Test::TraceGenerator::json(10, 5, u"bbbb000000000001"_s));
        file.close();

        QSignalSpy opened(c.get(), &TracesController::traceOpened);
        c->openTraceId(u"aaaa000000000001"_s); // asked first, answers whenever it does
        QVERIFY(c->openFile(small));           // asked last: this one opens
        QTRY_COMPARE(opened.count(), 1);
        QTest::qWait(300); // the trace by id arrives too, and is dropped
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(1).toString(), u"small.json"_s);
        QCOMPARE(c->currentTrace()->spanCount(), 10);
    }

    void onlyTheNewestTraceByIdOpens()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.traces[u"aaaa000000000001"_s]
            = Test::TraceGenerator::json(20000, 6, u"aaaa000000000001"_s);
        jaeger.traces[u"aaaa000000000002"_s]
            = Test::TraceGenerator::json(10, 7, u"aaaa000000000002"_s);
        server.setHandler(jaeger.handler());
        auto c = controller(server);
        QSignalSpy opened(c.get(), &TracesController::traceOpened);
        c->openTraceId(u"aaaa000000000001"_s);
        c->openTraceId(u"aaaa000000000002"_s);
        QTRY_COMPARE(opened.count(), 1);
        QTest::qWait(500); // the first answer, whenever it comes, opens nothing
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().at(1).toString(), u"aaaa000000000002"_s);
        QCOMPARE(c->currentTrace()->spanCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TestTracesController)
#include "tst_tracescontroller.moc"
