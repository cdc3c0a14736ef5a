// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/jaegerclient.h"
#include "app/jaeger/traceparser.h"
#include "models/common/duration.h"

#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/support/printers.h"
#include "tests/traces/fakejaeger.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Stackscope::Test::FakeJaeger;
using Stackscope::Test::FaultResponse;
using Stackscope::Test::FaultServer;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::HttpError::Kind)
STACKSCOPE_PRINTABLE_ENUM(Stackscope::JaegerClient::Api)
Q_DECLARE_METATYPE(Stackscope::Test::FaultResponse)

namespace {

struct Names
{
    QStringList names;
    HttpError error;
};
struct Found
{
    QList<TraceSummary> results;
    HttpError error;
};
struct Opened
{
    TraceLayoutPtr layout;
    HttpError error;
    QString readError;
};

} // namespace

class TestJaegerClient : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    std::unique_ptr<JaegerClient> client(const FaultServer &server)
    {
        auto c = std::make_unique<JaegerClient>(&m_network);
        EndpointConfig e;
        e.url = server.url();
        e.timeout = std::chrono::milliseconds(5000);
        c->setEndpoint(e);
        return c;
    }

    static Names services(JaegerClient &c)
    {
        Names r;
        bool done = false;
        c.services(&c, [&](const QStringList &n, const HttpError &e) {
            r = {n, e};
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            r.error.message = u"no answer"_s;
        return r;
    }
    static Names operations(JaegerClient &c, const QString &service)
    {
        Names r;
        bool done = false;
        c.operations(service, &c, [&](const QStringList &n, const HttpError &e) {
            r = {n, e};
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            r.error.message = u"no answer"_s;
        return r;
    }
    static Found search(JaegerClient &c, const TraceQuery &q)
    {
        Found r;
        bool done = false;
        c.search(q, &c, [&](const QList<TraceSummary> &results, const HttpError &e) {
            r = {results, e};
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            r.error.message = u"no answer"_s;
        return r;
    }
    static Opened trace(JaegerClient &c, const QString &id)
    {
        Opened r;
        bool done = false;
        c.trace(id, &c,
                [&](const TraceLayoutPtr &layout, const QStringList &, const HttpError &e,
                    const QString &readError) {
                    r = {layout, e, readError};
                    done = true;
                });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            r.error.message = u"no answer"_s;
        return r;
    }

    static FakeJaeger fake()
    {
        FakeJaeger j;
        j.operations[u"frontend"_s] = {u"HTTP GET /dispatch"_s, u"HTTP GET /config"_s};
        j.traces[u"0000000000000001"_s]
            = "{\"traceID\":\"0000000000000001\",\"spans\":[{\"traceID\":\"0000000000000001\","
              "\"spanID\":\"0000000000000001\",\"operationName\":\"HTTP GET /dispatch\","
              "\"references\":[],\"startTime\":1700000000000000,\"duration\":1200,\"tags\":[],"
              "\"logs\":[],\"processID\":\"p1\",\"warnings\":null}],\"processes\":{\"p1\":"
              "{\"serviceName\":\"frontend\",\"tags\":[]}},\"warnings\":null}";
        return j;
    }

private Q_SLOTS:
    void servicesAndOperations()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler(fake().handler());
        auto c = client(server);
        const Names s = services(*c);
        QVERIFY2(!s.error.isError(), qPrintable(s.error.message));
        QCOMPARE(s.names, (QStringList{u"checkout"_s, u"frontend"_s}));
        QCOMPARE(c->api(), JaegerClient::Api::V1);
        const Names o = operations(*c, u"frontend"_s);
        QVERIFY(!o.error.isError());
        QCOMPARE(o.names, (QStringList{u"HTTP GET /config"_s, u"HTTP GET /dispatch"_s}));
        QCOMPARE(server.requests().last().path, u"/api/operations"_s);
        QCOMPARE(server.requests().last().query.queryItemValue(u"service"_s), u"frontend"_s);
    }

    void operationsFallBackToTheOlderRoute()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger j = fake();
        j.version = FakeJaeger::Version::V1WithoutOperations; // /api/operations → the UI's HTML
        j.operations[u"a b"_s] = {u"op"_s};
        server.setHandler(j.handler());
        auto c = client(server);
        Names o = operations(*c, u"frontend"_s);
        QVERIFY2(!o.error.isError(), qPrintable(o.error.message));
        QCOMPARE(o.names.size(), 2);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).path, u"/api/operations"_s);
        QCOMPARE(requests.at(1).path, u"/api/services/frontend/operations"_s);
        o = operations(*c, u"a b"_s);
        QCOMPARE(o.names, QStringList{u"op"_s});
        QCOMPARE(server.requests().last().target, QByteArray("/api/services/a%20b/operations"));
    }

    void searchSendsTheQuery()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler(fake().handler());
        auto c = client(server);
        TraceQuery q;
        q.service = u"frontend"_s;
        q.operation = u"HTTP GET /dispatch"_s;
        q.tags = {{u"http.status_code"_s, u"500"_s}, {u"note"_s, u"a+b & c"_s}};
        q.start = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        q.end = QDateTime::fromMSecsSinceEpoch(1700003600000, Qt::UTC);
        q.minDuration = u"1.5ms"_s;
        q.maxDuration = u"2s"_s;
        q.limit = 7;
        const Found b = search(*c, q);
        QVERIFY2(!b.error.isError(), qPrintable(b.error.message));
        const auto request = server.requests().last();
        QCOMPARE(request.path, u"/api/traces"_s);
        const QUrlQuery &query = request.query;
        QCOMPARE(query.queryItemValue(u"service"_s, QUrl::FullyDecoded), u"frontend"_s);
        QCOMPARE(query.queryItemValue(u"operation"_s, QUrl::FullyDecoded), u"HTTP GET /dispatch"_s);
        QCOMPARE(query.queryItemValue(u"start"_s), u"1700000000000000"_s);
        QCOMPARE(query.queryItemValue(u"end"_s), u"1700003600000000"_s);
        QCOMPARE(query.queryItemValue(u"minDuration"_s), u"1.5ms"_s);
        QCOMPARE(query.queryItemValue(u"maxDuration"_s), u"2s"_s);
        QCOMPARE(query.queryItemValue(u"limit"_s), u"7"_s);
        const QJsonObject tags
            = QJsonDocument::fromJson(query.queryItemValue(u"tags"_s, QUrl::FullyDecoded).toUtf8())
                  .object();
        QCOMPARE(tags.value("http.status_code"_L1).toString(), u"500"_s);
        QCOMPARE(tags.value("note"_L1).toString(), u"a+b & c"_s);
        QVERIFY(!request.target.contains('+')); // a literal + would read as a space
        // The client parsed the body: one summary per trace.
        QCOMPARE(b.results.size(), 1);
        QCOMPARE(b.results.first().traceId, u"0000000000000001"_s);
        QCOMPARE(b.results.first().spanCount, 1);
    }

    void traceById()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler(fake().handler());
        auto c = client(server);
        Opened b = trace(*c, u"0000000000000001"_s);
        QVERIFY(!b.error.isError());
        QVERIFY(b.readError.isEmpty());
        QVERIFY(b.layout);
        QCOMPARE(b.layout->trace->traceId, u"0000000000000001"_s);
        b = trace(*c, u"00000000000000ff"_s);
        QCOMPARE(b.error.kind, HttpError::Kind::HttpStatus);
        QCOMPARE(b.error.httpStatus, 404);
        QVERIFY(!b.layout);
        QVERIFY2(b.error.message.contains(u"trace not found"_s)
                     || b.error.detail.contains(u"trace not found"_s),
                 qPrintable(b.error.message));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<FaultResponse>("response");
        QTest::addColumn<HttpError::Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::newRow("services 500 envelope")
            << u"services"_s << FakeJaeger::error(500, u"storage unavailable"_s)
            << HttpError::Kind::HttpStatus << u"storage unavailable"_s;
        QTest::newRow("search 400 envelope")
            << u"search"_s << FakeJaeger::error(400, u"parameter 'service' is required"_s)
            << HttpError::Kind::HttpStatus << u"parameter 'service' is required"_s;
        QTest::newRow("search answers the UI page with 200")
            << u"search"_s << FakeJaeger::uiPage() << HttpError::Kind::UnexpectedBody
            << u"answered HTML"_s;
        QTest::newRow("services answer HTML: no v3 either")
            << u"services"_s << FakeJaeger::uiPage() << HttpError::Kind::UnexpectedBody
            << u"is this Jaeger"_s;
        QTest::newRow("services data null")
            << u"services-null"_s << FaultServer::json("{\"data\":null,\"errors\":null}")
            << HttpError::Kind::None << QString();
        QTest::newRow("search error envelope with 200")
            << u"search"_s
            << FaultServer::json("{\"data\":null,\"errors\":[{\"code\":500,\"msg\":\"boom\"}]}")
            << HttpError::Kind::HttpStatus << u"boom"_s;
        QTest::newRow("search empty body") << u"search"_s << FaultServer::json("")
                                           << HttpError::Kind::UnexpectedBody << u"empty"_s;
        QTest::newRow("services garbage") << u"services"_s << FaultServer::json("not json")
                                          << HttpError::Kind::UnexpectedBody << u"not JSON"_s;
    }

    void errors()
    {
        QFETCH(QString, route);
        QFETCH(FaultResponse, response);
        QFETCH(HttpError::Kind, kind);
        QFETCH(QString, text);
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler([response](const Test::FaultRequest &) { return response; });
        auto c = client(server);
        HttpError error;
        if (route.startsWith("services"_L1)) {
            const Names n = services(*c);
            error = n.error;
            if (route == "services-null"_L1)
                QVERIFY(n.names.isEmpty());
        } else {
            TraceQuery q;
            q.service = u"frontend"_s;
            error = search(*c, q).error;
        }
        QCOMPARE(error.kind, kind);
        QVERIFY2(error.message.contains(text) || error.detail.contains(text),
                 qPrintable(error.message + u" / "_s + error.detail));
    }

    void jaegerV2UsesApiV3()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger j = fake();
        j.version = FakeJaeger::Version::V3;
        j.operations[u"frontend"_s] = {u"GET /checkout"_s};
        j.otlpTrace = Stackscope::Test::readFile(
            QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/traces/otlp_v3_trace.json"));
        QVERIFY(!j.otlpTrace.isEmpty());
        server.setHandler(j.handler());
        auto c = client(server);
        const Names s = services(*c);
        QVERIFY2(!s.error.isError(), qPrintable(s.error.message));
        QCOMPARE(c->api(), JaegerClient::Api::V3);
        QCOMPARE(s.names, (QStringList{u"checkout"_s, u"frontend"_s}));
        QCOMPARE(operations(*c, u"frontend"_s).names, QStringList{u"GET /checkout"_s});
        TraceQuery q;
        q.service = u"frontend"_s;
        q.start = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        q.minDuration = u"10ms"_s;
        const Found b = search(*c, q);
        QVERIFY2(!b.error.isError(), qPrintable(b.error.message));
        const auto request = server.requests().last();
        QCOMPARE(request.path, u"/api/v3/traces"_s);
        QCOMPARE(request.query.queryItemValue(u"query.service_name"_s), u"frontend"_s);
        QCOMPARE(request.query.queryItemValue(u"query.start_time_min"_s, QUrl::FullyDecoded),
                 u"2023-11-14T22:13:20.000Z"_s);
        QCOMPARE(request.query.queryItemValue(u"query.duration_min"_s), u"10ms"_s);
        QCOMPARE(parseTraces(j.otlpTrace).shape, TraceParseResult::Shape::OtlpResult);
        QCOMPARE(b.results.size(), 1);
        QCOMPARE(b.results.first().spanCount, 4);
        const Opened t = trace(*c, u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
        QVERIFY(!t.error.isError());
        QVERIFY(t.layout);
        QCOMPARE(t.layout->spanCount(), 4);
        QCOMPARE(server.requests().last().path,
                 u"/api/v3/traces/4bf92f3577b34da6a3ce929d0e0e4736"_s);
    }

    void goDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seconds") << u"1.2s"_s << true;
        QTest::newRow("compound") << u"1h30m"_s << true;
        QTest::newRow("micro") << u"250us"_s << true;
        QTest::newRow("micro sign") << u"250µs"_s << true;
        QTest::newRow("bare number") << u"100"_s << false;
        QTest::newRow("unit first") << u"ms100"_s << false;
        QTest::newRow("days") << u"2d"_s << false;
    }

    void goDurations()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(parseDurationSeconds(text, DurationSyntax::Go).has_value(), valid);
    }
};

QTEST_GUILESS_MAIN(TestJaegerClient)
#include "tst_jaegerclient.moc"
