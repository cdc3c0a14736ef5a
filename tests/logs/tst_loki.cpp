// SPDX-License-Identifier: GPL-3.0-or-later
// Loki: the parser on real answers, the client and the log runner against the stand-in (every
// error Loki and its proxies send), endpoints.loki in the configuration and the stack, and the
// status bar's /ready probe; the Logs page's Loki tab and the dashboards' logs panels offscreen.
#include "app/backends/backendprobe.h"
#include "app/compose/composefile.h"
#include "app/compose/stackendpoints.h"
#include "app/config/configloader.h"
#include "app/features/logsfeature.h"
#include "app/loki/lokiclient.h"
#include "app/loki/lokilogs.h"
#include "app/loki/lokiparser.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/metricscontroller.h"
#include "tests/logs/fakeloki.h"
#include "tests/support/fixtures.h"
#include "ui/logs/loglinesview.h"
#include "ui/logs/logspage.h"
#include "ui/logs/lokilogsview.h"
#include "ui/metrics/panelwidget.h"

#include <QComboBox>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Test::FakeLoki;
using Test::FaultServer;

namespace {

constexpr qint64 kSecond = 1000000000;
const qint64 kBase = 1700000000 * kSecond;

FakeLoki sampleLoki()
{
    FakeLoki loki;
    FakeLoki::Stream api{{{u"job"_s, u"api"_s}, {u"level"_s, u"error"_s}}, {}};
    FakeLoki::Stream web{{{u"job"_s, u"web"_s}, {u"level"_s, u"info"_s}}, {}};
    for (int i = 0; i < 10; ++i) {
        api.lines.append({kBase + i * 2 * kSecond, "api line " + QByteArray::number(i)});
        web.lines.append({kBase + (i * 2 + 1) * kSecond, "web line " + QByteArray::number(i)});
    }
    // Lines that are text, never markup or terminal commands, and one that is not UTF-8.
    web.lines.append({kBase + 30 * kSecond, "\x1b[31mred\x1b[0m <b>bold</b> \xff\xfe"});
    loki.streams = {api, web};
    loki.metric = {{{{u"level"_s, u"error"_s}},
                    {{1700000000.0, "1"}, {1700000060.5, "2.5"}, {1700000120.0, "NaN"}}}};
    return loki;
}

/// Lines of the last minutes (the Loki tab asks for a range that ends now) and a volume by level.
FakeLoki recentLoki()
{
    FakeLoki loki;
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000000;
    FakeLoki::Stream api{{{u"job"_s, u"api"_s}, {u"level"_s, u"error"_s}}, {}};
    FakeLoki::Stream web{{{u"job"_s, u"web"_s}, {u"level"_s, u"info"_s}}, {}};
    for (int i = 0; i < 10; ++i) {
        api.lines.append({now - (60 - i * 2) * kSecond, "api line " + QByteArray::number(i)});
        web.lines.append({now - (59 - i * 2) * kSecond, "web line " + QByteArray::number(i)});
    }
    loki.streams = {api, web};
    const double t = double(QDateTime::currentSecsSinceEpoch());
    loki.metric = {{{{u"level"_s, u"error"_s}}, {{t - 120, "3"}, {t - 60, "7"}}},
                   {{{u"level"_s, u"info"_s}}, {{t - 60, "5"}}}};
    return loki;
}

} // namespace

class TestLoki : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The Loki tab's history and the page's tab go to a test settings file.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"stackscope-test"_s);
        QCoreApplication::setApplicationName(u"tst_loki"_s);
        QSettings().clear();
    }
    void init();
    void cleanup();

    void parsesRealAnswers_data();
    void parsesRealAnswers();
    void rejectsBrokenAnswers_data();
    void rejectsBrokenAnswers();
    void streamsKeepTheirOrderAndLevels();

    void labelsAndValues();
    void rangeQuerySendsItsParameters();
    void metricQueriesGiveSeries();
    void errorsSayWhatHappened_data();
    void errorsSayWhatHappened();
    void timeoutIsClear();
    void lastGoodLinesAreKept();
    void staleAnswersAreDropped();

    void configReadsLoki();
    void discoveredFromTheStack();
    void readyProbe();

    void dashboardDatasources();
    void dashboardPanelsQueryLoki();

    // The Logs page's Loki tab and the logs panels.
    void matchersAreAddedToTheSelector();
    void lokiTabRunsQueries();
    void lokiTabWithoutLoki();
    void logsPanelUsesTheLinesView();

private:
    void setLoki(const FakeLoki &loki) { m_server->setHandler(loki.handler()); }

    FaultServer *m_server = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    HttpClient *m_http = nullptr;
    LokiClient *m_client = nullptr;
};

void TestLoki::init()
{
    m_server = new FaultServer(this);
    QVERIFY(m_server->listen());
    setLoki(sampleLoki());
    m_network = new QNetworkAccessManager(this);
    m_http = new HttpClient(u"loki"_s, m_network, this);
    EndpointConfig endpoint;
    endpoint.url = m_server->url();
    endpoint.timeout = std::chrono::milliseconds(2000);
    m_http->setEndpoint(endpoint);
    m_client = new LokiClient(m_http, this);
}

void TestLoki::cleanup()
{
    delete m_client;
    delete m_http;
    delete m_network;
    delete m_server;
}

void TestLoki::parsesRealAnswers_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("count"); ///< entries or series
    QTest::addColumn<qint64>("firstTime");
    QTest::addColumn<QString>("firstText");
    QTest::addRow("streams with stats")
        << u"streams_simple.json"_s << int(LokiResult::Type::Streams) << 6
        << qint64(1645030244810757120) << u"log line error 1"_s;
    QTest::addRow("matrix of NaN") << u"matrix_nan.json"_s << int(LokiResult::Type::Matrix) << 1
                                   << qint64(1643014450417) << u"nan"_s;
    QTest::addRow("matrix of infinities in any case")
        << u"matrix_inf.json"_s << int(LokiResult::Type::Matrix) << 1 << qint64(1643021611100)
        << u"inf"_s;
}

void TestLoki::parsesRealAnswers()
{
    QFETCH(QString, file);
    QFETCH(int, type);
    QFETCH(int, count);
    QFETCH(qint64, firstTime);
    QFETCH(QString, firstText);
    LokiResult result;
    QString problem;
    QVERIFY2(LokiParser::parseQuery(Test::testData(u"loki/"_s + file), &result, &problem),
             qPrintable(problem));
    QCOMPARE(int(result.type), type);
    if (result.type == LokiResult::Type::Streams) {
        QCOMPARE(result.entries.size(), count);
        QCOMPARE(result.entries.first().timeNs, firstTime);
        QCOMPARE(result.entries.first().text, firstText);
        QCOMPARE(result.sources.size(), 2);
        // Labels with a quote and an emoji, sorted, and printed as Loki prints a label set.
        QCOMPARE(result.sources.first().labels.first(), std::make_pair(u"code"_s, u"one\","_s));
        QCOMPARE(result.sources.first().name, u"{code=\"one\\\",\", location=\"moon🌙\"}"_s);
        QCOMPARE(result.entries.at(1).source, 1);
        QCOMPARE(result.stats.totalBytesProcessed, 7772);
        QCOMPARE(result.stats.totalLinesProcessed, 55);
        QCOMPARE(result.stats.execTimeSeconds, 0.002216125);
        return;
    }
    QCOMPARE(result.series.series.size(), count);
    const Series &series = result.series.series.first();
    QCOMPARE(series.times.first(), firstTime);
    if (firstText == "nan"_L1) {
        QVERIFY(std::isnan(series.values.first()));
    } else {
        QCOMPARE(series.size(), 8);
        QCOMPARE(series.labels.value(u"protocol"_s), u"http"_s);
        for (qsizetype i = 0; i < series.size(); ++i) {
            QVERIFY(std::isinf(series.values.at(i)));
            QCOMPARE(series.values.at(i) < 0, i % 2 == 1);
        }
    }
}

void TestLoki::rejectsBrokenAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("html") << QByteArray("<!doctype html><html></html>");
    QTest::addRow("cut off") << Test::testData(u"loki/streams_simple.json"_s).left(300);
    QTest::addRow("error status") << QByteArray(R"({"status":"error","error":"x"})");
    QTest::addRow("time not in nanoseconds")
        << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":)"
                      R"([{"stream":{"a":"b"},"values":[["12a","x"]]}]}})");
    QTest::addRow("sample not a pair")
        << QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":)"
                      R"([{"metric":{},"values":[[1]]}]}})");
    QTest::addRow("unknown result type")
        << QByteArray(R"({"status":"success","data":{"resultType":"table","result":[]}})");
}

void TestLoki::rejectsBrokenAnswers()
{
    QFETCH(QByteArray, body);
    LokiResult result;
    QString problem;
    QVERIFY(!LokiParser::parseQuery(body, &result, &problem));
    QVERIFY(!problem.isEmpty());
}

void TestLoki::streamsKeepTheirOrderAndLevels()
{
    QStringList values;
    QString problem;
    QVERIFY(LokiParser::parseStringList(Test::testData(u"loki/labels.json"_s), &values, &problem));
    QCOMPARE(values, (QStringList{u"foo"_s, u"bar"_s, u"baz"_s}));
    QVERIFY(LokiParser::parseStringList(Test::testData(u"loki/label_values.json"_s), &values,
                                        &problem));
    QCOMPARE(values, (QStringList{u"cat"_s, u"dog"_s, u"axolotl"_s}));
    QVERIFY(LokiParser::parseStringList(R"({"status":"success"})", &values, &problem));
    QVERIFY(values.isEmpty());

    QCOMPARE(LokiParser::levelFromLabels({{u"level"_s, u"WARNING"_s}}), LogLevel::Warn);
    QCOMPARE(LokiParser::levelFromLabels({{u"detected_level"_s, u"err"_s}}), LogLevel::Error);
    QCOMPARE(LokiParser::levelFromLabels({{u"job"_s, u"error"_s}}), LogLevel::Unknown);
}

void TestLoki::labelsAndValues()
{
    QStringList labels;
    bool done = false;
    m_client->labels(this, [&](const QStringList &names, const HttpError &error) {
        QVERIFY(!error.isError());
        labels = names;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(labels, (QStringList{u"job"_s, u"level"_s}));
    done = false;
    m_client->labelValues(u"job"_s, this, [&](const QStringList &names, const HttpError &error) {
        QVERIFY(!error.isError());
        labels = names;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(labels, (QStringList{u"api"_s, u"web"_s}));
    QCOMPARE(m_server->requests().last().path, u"/loki/api/v1/label/job/values"_s);
}

void TestLoki::rangeQuerySendsItsParameters()
{
    LokiQuery query;
    query.expr = uR"({job="web"})"_s;
    query.start = QDateTime::fromMSecsSinceEpoch(kBase / 1000000 + 2000);
    query.end = QDateTime::fromMSecsSinceEpoch(kBase / 1000000 + 12000);
    query.limit = 3;
    query.forward = true;
    std::optional<LokiReply> reply;
    m_client->queryRange(query, this, [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QVERIFY2(reply->ok(), qPrintable(reply->error.message));
    const auto request = m_server->requests().last();
    QCOMPARE(request.path, u"/loki/api/v1/query_range"_s);
    QCOMPARE(request.query.queryItemValue(u"start"_s), QString::number(kBase + 2 * kSecond));
    QCOMPARE(request.query.queryItemValue(u"end"_s), QString::number(kBase + 12 * kSecond));
    QCOMPARE(request.query.queryItemValue(u"limit"_s), u"3"_s);
    QCOMPARE(request.query.queryItemValue(u"direction"_s), u"forward"_s);
    // web lines at 3, 5, 7 s: forward from 2 s, three of them, oldest first.
    const LokiResult &result = reply->result;
    QCOMPARE(result.type, LokiResult::Type::Streams);
    QCOMPARE(result.entries.size(), 3);
    QCOMPARE(result.entries.first().timeNs, kBase + 3 * kSecond);
    QCOMPARE(result.entries.last().text, u"web line 3"_s);
    QCOMPARE(result.sources.first().name, u"{job=\"web\", level=\"info\"}"_s);
    QCOMPARE(result.entries.first().level, LogLevel::Info);
    QVERIFY(result.stats.totalLinesProcessed > 0);

    // Backward (Loki's default): newest first; a line with escapes and bytes that are not UTF-8
    // arrives as text, as it was sent.
    query.start = {};
    query.end = {};
    query.forward = false;
    query.limit = 100;
    reply.reset();
    m_client->queryRange(query, this, [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QVERIFY(reply->ok());
    QCOMPARE(reply->result.entries.size(), 11);
    QVERIFY(reply->result.entries.first().text.startsWith(u"\x1b[31mred"_s));
    QVERIFY(reply->result.entries.first().text.contains(u"<b>bold</b>"_s));
    QCOMPARE(reply->result.entries.at(1).timeNs, kBase + 19 * kSecond);
}

void TestLoki::metricQueriesGiveSeries()
{
    LokiQuery query;
    query.expr = uR"(sum by (level) (count_over_time({job="api"}[1m])))"_s;
    query.stepSeconds = 60;
    std::optional<LokiReply> reply;
    m_client->queryRange(query, this, [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QVERIFY(reply->ok());
    QCOMPARE(m_server->requests().last().query.queryItemValue(u"step"_s), u"60"_s);
    QCOMPARE(reply->result.type, LokiResult::Type::Matrix);
    // The same value type a Prometheus answer gives: times in ms, values as doubles.
    const QueryResult &series = reply->result.series;
    QCOMPARE(series.type, QueryResult::Type::Matrix);
    QCOMPARE(series.series.size(), 1);
    QCOMPARE(series.series.first().labels.value(u"level"_s), u"error"_s);
    QCOMPARE(series.series.first().times,
             (QVector<qint64>{1700000000000, 1700000060500, 1700000120000}));
    QCOMPARE(series.series.first().values.at(1), 2.5);

    reply.reset();
    m_client->query(query.expr, QDateTime::currentDateTimeUtc(), 100, this,
                    [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QVERIFY(reply->ok());
    QCOMPARE(reply->result.series.type, QueryResult::Type::Vector);
    QCOMPARE(reply->result.series.series.first().size(), 1);
}

void TestLoki::errorsSayWhatHappened_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("expr");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("says");
    const int none = int(FakeLoki::Fault::None);
    QTest::addRow("LogQL that does not parse")
        << none << uR"(job="api")"_s << 400
        << u"Loki rejected the query: parse error at line 1, col 1: syntax error: unexpected "
           "IDENTIFIER"_s;
    QTest::addRow("selector not closed")
        << none << uR"({job="api")"_s << 400 << u"parse error at line 1, col 11"_s;
    QTest::addRow("empty selector")
        << none << u"{}"_s << 400 << u"at least one regexp or equality matcher"_s;
    QTest::addRow("too many outstanding requests")
        << int(FakeLoki::Fault::TooManyRequests) << uR"({job="api"})"_s << 429
        << u"is busy (too many outstanding requests)"_s;
    QTest::addRow("query timeout 504") << int(FakeLoki::Fault::GatewayTimeout)
                                       << uR"({job="api"})"_s << 504 << u"the query timed out at"_s;
    QTest::addRow("unavailable 503") << int(FakeLoki::Fault::Unavailable) << uR"({job="api"})"_s
                                     << 503 << u"no querier connected"_s;
    QTest::addRow("an HTML page with 200") << int(FakeLoki::Fault::HtmlPage) << uR"({job="api"})"_s
                                           << 200 << u"answered HTML, not the Loki API"_s;
}

void TestLoki::errorsSayWhatHappened()
{
    QFETCH(int, fault);
    QFETCH(QString, expr);
    QFETCH(int, status);
    QFETCH(QString, says);
    FakeLoki loki = sampleLoki();
    loki.fault = FakeLoki::Fault(fault);
    setLoki(loki);
    LokiQuery query;
    query.expr = expr;
    std::optional<LokiReply> reply;
    m_client->queryRange(query, this, [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error.httpStatus, status);
    QVERIFY2(reply->error.message.contains(says), qPrintable(reply->error.message));
    QVERIFY(reply->result.entries.isEmpty());
}

void TestLoki::timeoutIsClear()
{
    // A Loki that never answers within the endpoint's timeout.
    m_server->setHandler([](const Test::FaultRequest &) -> std::optional<Test::FaultResponse> {
        Test::FaultResponse slow = FaultServer::text("ready\n");
        slow.delayMs = 1500;
        return slow;
    });
    EndpointConfig endpoint = m_http->endpoint();
    endpoint.timeout = std::chrono::milliseconds(300);
    m_http->setEndpoint(endpoint);
    LokiQuery query;
    query.expr = uR"({job="api"})"_s;
    std::optional<LokiReply> reply;
    m_client->queryRange(query, this, [&](const LokiReply &r) { reply = r; });
    QTRY_VERIFY(reply);
    QCOMPARE(reply->error.kind, HttpError::Kind::Timeout);
    QVERIFY2(reply->error.message.contains(u"did not answer in time"_s),
             qPrintable(reply->error.message));
    QVERIFY(!reply->error.hint.isEmpty());
}

void TestLoki::lastGoodLinesAreKept()
{
    LokiLogs logs(m_client);
    QSignalSpy changed(&logs, &LokiLogs::linesChanged);
    QSignalSpy failed(&logs, &LokiLogs::failed);
    LokiQuery query;
    query.expr = uR"({job="api"})"_s;
    logs.run(query);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(logs.entries().size(), 10);
    QCOMPARE(logs.sources().size(), 1);
    const QList<LogEntry> good = logs.entries();

    for (const FakeLoki::Fault fault :
         {FakeLoki::Fault::TooManyRequests, FakeLoki::Fault::GatewayTimeout,
          FakeLoki::Fault::HtmlPage}) {
        FakeLoki loki = sampleLoki();
        loki.fault = fault;
        setLoki(loki);
        const qsizetype before = failed.size();
        logs.run(query);
        QTRY_COMPARE(failed.size(), before + 1);
        QCOMPARE(logs.entries(), good);
        QVERIFY(!logs.errorText().isEmpty());
    }
    setLoki(sampleLoki());
    query.expr = uR"({job="api"} |= "line 3")"_s;
    logs.run(query);
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(logs.entries().size(), 1);
    QVERIFY(logs.errorText().isEmpty());
}

void TestLoki::staleAnswersAreDropped()
{
    LokiLogs logs(m_client);
    QSignalSpy changed(&logs, &LokiLogs::linesChanged);
    LokiQuery slow;
    slow.expr = uR"({job="api"})"_s;
    LokiQuery fast;
    fast.expr = uR"({job="web"})"_s;
    const FakeLoki loki = sampleLoki();
    m_server->setHandler([handler = loki.handler()](const Test::FaultRequest &request) {
        auto response = handler(request);
        if (response && request.query.queryItemValue(u"query"_s).contains(u"api"_s))
            response->delayMs = 400;
        return response;
    });
    QSignalSpy finished(m_http, &HttpClient::requestFinished);
    logs.run(slow);
    logs.run(fast);
    QTRY_COMPARE(changed.size(), 1);
    // Both answers have arrived (the slow one too), and only the newer query's was taken.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
    QCoreApplication::processEvents();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(logs.sources().first().labels.first().second, u"web"_s);
}

void TestLoki::configReadsLoki()
{
    const ConfigLoadResult result = parseConfig("version: 1\n"
                                                "endpoints:\n"
                                                "  loki:\n"
                                                "    url: https://logs.example:3100\n"
                                                "    timeout: 30s\n"
                                                "    auth: {type: basic, username: u, "
                                                "secret_env: LOKI_PASSWORD}\n"
                                                "    insecure_skip_verify: true\n",
                                                u"/somewhere"_s, u"/stack"_s);
    QVERIFY(result.ok());
    QCOMPARE(result.config.loki.url, QUrl(u"https://logs.example:3100"_s));
    QCOMPARE(result.config.loki.timeout, std::chrono::milliseconds(30000));
    QCOMPARE(result.config.loki.auth.type, AuthConfig::Type::Basic);
    QCOMPARE(result.config.loki.auth.secretEnv, u"LOKI_PASSWORD"_s);
    QCOMPARE(result.config.loki.origin, EndpointConfig::Origin::File);

    const ConfigLoadResult defaults = parseConfig("version: 1\n", u"/somewhere"_s, u"/stack"_s);
    QCOMPARE(defaults.config.loki.url, QUrl(u"http://127.0.0.1:3100"_s));

    const ConfigLoadResult wrong = parseConfig("version: 1\nendpoints:\n  loki:\n    url: 3100\n"
                                               "    timeot: 5s\n",
                                               u"/somewhere"_s, u"/stack"_s);
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.problems.first().line, 4);
}

void TestLoki::discoveredFromTheStack()
{
    const ComposeFile file = ComposeFile::parse("services:\n"
                                                "  logs:\n"
                                                "    image: grafana/loki:2.9.4\n"
                                                "    ports: [\"3110:3100\"]\n"
                                                "    command: -config.file=/etc/loki/local.yaml\n"
                                                "  prometheus:\n"
                                                "    image: prom/prometheus\n"
                                                "    ports: [\"9090:9090\"]\n",
                                                u"docker-compose.yml"_s);
    QVERIFY2(file.ok(), qPrintable(file.error));
    const QList<DiscoveredEndpoint> found = discoverEndpoints(file.services);
    const Config defaults = parseConfig("version: 1\n", u"/somewhere"_s, u"/stack"_s).config;
    const Config config = applyDiscoveredEndpoints(defaults, found, true);
    QCOMPARE(config.loki.url, QUrl(u"http://127.0.0.1:3110"_s));
    QCOMPARE(config.loki.origin, EndpointConfig::Origin::Stack);
    bool edited = false;
    for (const ConfigEdit &edit : discoveredEndpointEdits(defaults, found))
        edited |= edit.path.contains(u"loki"_s);
    QVERIFY(edited);

    // A stack without Loki: the default address is "not in this stack", not down.
    const QList<DiscoveredEndpoint> none = discoverEndpoints(
        ComposeFile::parse("services:\n  p:\n    image: prom/prometheus\n", u"docker-compose.yml"_s)
            .services);
    QVERIFY(applyDiscoveredEndpoints(defaults, none, true).loki.notInStack);
    // The file's own address wins over the stack's.
    const Config fromFile
        = parseConfig("version: 1\nendpoints: {loki: {url: http://10.0.0.5:3100}}\n",
                      u"/somewhere"_s, u"/stack"_s)
              .config;
    QCOMPARE(applyDiscoveredEndpoints(fromFile, found, true).loki.url,
             QUrl(u"http://10.0.0.5:3100"_s));
}

void TestLoki::readyProbe()
{
    LokiProbe probe(m_http);
    std::optional<ProbeResult> result;
    probe.check([&](const ProbeResult &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY2(result->up, qPrintable(result->reason));
    QCOMPARE(m_server->requests().last().path, u"/ready"_s);

    // Starting up: 503 with Loki's reason.
    m_server->setHandler([](const Test::FaultRequest &) -> std::optional<Test::FaultResponse> {
        return FaultServer::text("Ingester not ready: waiting for 15s after being ready\n", 503);
    });
    result.reset();
    probe.check([&](const ProbeResult &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(!result->up);
    QVERIFY2(result->reason.contains(u"Ingester not ready"_s), qPrintable(result->reason));

    // Something else at the address: an HTML page is not Loki.
    m_server->setHandler([](const Test::FaultRequest &) -> std::optional<Test::FaultResponse> {
        return FaultServer::html("<html><body>ready</body></html>");
    });
    result.reset();
    probe.check([&](const ProbeResult &r) { result = r; });
    QTRY_VERIFY(result);
    QVERIFY(!result->up);
}

namespace {

const Panel *panelTitled(const Dashboard &dashboard, const QString &title)
{
    for (const Panel &panel : dashboard.panels)
        if (panel.title == title)
            return &panel;
    return nullptr;
}

/// A dashboard as exported for sharing: Loki through `__inputs`, a datasource object, and
/// panels of datasources Stackscope cannot query.
const QByteArray kSharedDashboard = R"json({
  "__inputs": [
    {"name": "DS_LOKI", "label": "Loki", "type": "datasource", "pluginId": "loki"},
    {"name": "DS_PROM", "label": "Prometheus", "type": "datasource", "pluginId": "prometheus"}
  ],
  "title": "Errors",
  "panels": [
    {"type": "timeseries", "title": "Errors by level", "datasource": "${DS_LOKI}",
     "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
     "targets": [{"expr": "sum by (level) (count_over_time({job=\"api\"}[1m]))",
                  "legendFormat": "{{level}}", "refId": "A"}]},
    {"type": "logs", "title": "API lines", "datasource": {"type": "loki", "uid": "P8E80F9AEF21F6940"},
     "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
     "targets": [{"expr": "{job=\"api\"}", "refId": "A",
                  "datasource": {"type": "loki", "uid": "P8E80F9AEF21F6940"}}]},
    {"type": "table", "title": "Slow requests", "datasource": {"type": "elasticsearch", "uid": "es"},
     "gridPos": {"x": 0, "y": 8, "w": 12, "h": 8},
     "targets": [{"query": "duration:>500", "refId": "A"}]},
    {"type": "timeseries", "title": "Up", "datasource": "${DS_PROM}",
     "gridPos": {"x": 12, "y": 8, "w": 12, "h": 8},
     "targets": [{"expr": "up", "refId": "A"}]}
  ]
})json";

} // namespace

void TestLoki::dashboardDatasources()
{
    // Loki's own "Loki / Logs" dashboard: Prometheus panels through $datasource, a metric LogQL
    // chart and a logs panel through the datasource variable $loki_datasource.
    Dashboard real;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(Test::testData(u"loki/loki-logs-dashboard.json"_s),
                                              &real, &error),
             qPrintable(error));
    const Panel *goroutines = panelTitled(real, u"goroutines"_s);
    const Panel *rate = panelTitled(real, u"Log Rate"_s);
    const Panel *logs = panelTitled(real, u"Logs"_s);
    QVERIFY(goroutines && rate && logs);
    QCOMPARE(goroutines->queries.first().datasource, QString());
    QCOMPARE(rate->type, Panel::Type::TimeSeries);
    QCOMPARE(rate->queries.first().datasource, u"loki"_s);
    QVERIFY(rate->queries.first().expr.contains(u"|logfmt|"_s));
    QCOMPARE(logs->type, Panel::Type::Logs);
    QCOMPARE(logs->queries.size(), 1);
    QCOMPARE(logs->queries.first().datasource, u"loki"_s);
    QVERIFY(logs->foreignDatasource.isEmpty());

    Dashboard shared;
    QVERIFY2(DashboardLoader::fromGrafanaJson(kSharedDashboard, &shared, &error),
             qPrintable(error));
    QCOMPARE(panelTitled(shared, u"Errors by level"_s)->queries.first().datasource, u"loki"_s);
    QCOMPARE(panelTitled(shared, u"API lines"_s)->queries.first().datasource, u"loki"_s);
    QCOMPARE(panelTitled(shared, u"Up"_s)->queries.first().datasource, QString());
    const Panel *elastic = panelTitled(shared, u"Slow requests"_s);
    QVERIFY(elastic->queries.isEmpty()); // never sent to Prometheus as PromQL
    QCOMPARE(elastic->foreignDatasource, u"elasticsearch"_s);
}

void TestLoki::dashboardPanelsQueryLoki()
{
    // Prometheus answers nothing useful here; the Loki panels must not go there.
    FaultServer prometheus;
    QVERIFY(prometheus.listen());
    HttpClient promHttp(u"prometheus"_s, m_network);
    EndpointConfig promEndpoint;
    promEndpoint.url = prometheus.url();
    promHttp.setEndpoint(promEndpoint);
    PrometheusClient promClient(&promHttp);
    MetricsController controller(&promClient);
    controller.setLokiClient(m_client);
    controller.setScrapeInterval(15);

    Dashboard dashboard;
    QString error;
    QVERIFY(DashboardLoader::fromGrafanaJson(kSharedDashboard, &dashboard, &error));
    QMap<int, PanelData> updates;
    connect(&controller, &MetricsController::panelUpdated, this,
            [&updates](int panel, const PanelData &data) { updates.insert(panel, data); });
    int chart = -1, logs = -1, elastic = -1;
    for (int i = 0; i < dashboard.panels.size(); ++i) {
        const QString &title = dashboard.panels.at(i).title;
        if (title == "Errors by level"_L1)
            chart = i;
        else if (title == "API lines"_L1)
            logs = i;
        else if (title == "Slow requests"_L1)
            elastic = i;
    }
    // The window of the sample lines.
    controller.setAbsoluteRange(QDateTime::fromMSecsSinceEpoch(kBase / 1000000 - 60000),
                                QDateTime::fromMSecsSinceEpoch(kBase / 1000000 + 60000));
    controller.setDashboard(dashboard);
    controller.start();
    QTRY_VERIFY(updates.contains(chart) && updates.contains(logs));

    // The metric LogQL panel: the series a Prometheus answer would give, with its legend.
    const PanelData drawn = updates.value(chart);
    QVERIFY2(drawn.error.isEmpty(), qPrintable(drawn.error));
    QCOMPARE(drawn.series.size(), 1);
    QCOMPARE(drawn.names, QStringList{u"error"_s});
    QCOMPARE(drawn.series.first().values.at(1), 2.5);
    // The logs panel: its lines, newest first, with their stream.
    const PanelData lines = updates.value(logs);
    QVERIFY2(lines.error.isEmpty(), qPrintable(lines.error));
    QCOMPARE(lines.logEntries.size(), 10);
    QCOMPARE(lines.logEntries.first().text, u"api line 9"_s);
    for (qsizetype i = 1; i < lines.logEntries.size(); ++i)
        QVERIFY(lines.logEntries.at(i - 1).timeNs >= lines.logEntries.at(i).timeNs);
    QCOMPARE(lines.logSources.at(lines.logEntries.first().source).name,
             u"{job=\"api\", level=\"error\"}"_s);
    // The Elasticsearch panel is not queried anywhere.
    QVERIFY(!updates.contains(elastic));
    for (const Test::FaultRequest &request : prometheus.requests())
        QVERIFY2(!request.query.queryItemValue(u"query"_s).contains(u"count_over_time"_s)
                     && !request.query.queryItemValue(u"query"_s).contains(u"job=\"api\""_s),
                 request.target.constData());
    int lokiQueries = 0;
    for (const Test::FaultRequest &request : m_server->requests())
        lokiQueries += request.path.startsWith("/loki/api/v1/query"_L1);
    QCOMPARE(lokiQueries, 2);

    // Loki busy: the panels say so and keep their last good lines and series.
    FakeLoki busy = sampleLoki();
    busy.fault = FakeLoki::Fault::TooManyRequests;
    setLoki(busy);
    updates.clear();
    controller.refreshNow();
    QTRY_VERIFY(updates.contains(chart) && updates.contains(logs));
    QVERIFY(updates.value(logs).stale);
    QVERIFY2(updates.value(logs).error.contains(u"too many outstanding requests"_s),
             qPrintable(updates.value(logs).error));
    QCOMPARE(updates.value(logs).logEntries.size(), 10);
    QCOMPARE(updates.value(chart).series.size(), 1);
    controller.stop();
}

void TestLoki::matchersAreAddedToTheSelector()
{
    QCOMPARE(LokiLogsView::withMatcher({}, u"job"_s, u"api"_s), uR"({job="api"})"_s);
    QCOMPARE(LokiLogsView::withMatcher(uR"({job="api"} |= "x")"_s, u"level"_s, u"error"_s),
             uR"({job="api", level="error"} |= "x")"_s);
    // A brace inside a quoted value is not the selector's end; quotes in values are escaped.
    QCOMPARE(LokiLogsView::withMatcher(uR"({a="}"})"_s, u"b"_s, uR"(say "hi")"_s),
             uR"({a="}", b="say \"hi\""})"_s);
    QCOMPARE(LokiLogsView::withMatcher(u"{}"_s, u"job"_s, u"web"_s), uR"({job="web"})"_s);
}

void TestLoki::lokiTabRunsQueries()
{
    setLoki(recentLoki());
    AppContext context;
    context.network = m_network;
    LogsFeature feature(context);
    Config config;
    config.loki.url = m_server->url();
    config.loki.timeout = std::chrono::milliseconds(2000);
    feature.applyConfig(config);
    std::unique_ptr<QWidget> page(feature.createPage());
    auto *logsPage = qobject_cast<LogsPage *>(page.get());
    QVERIFY(logsPage);
    LokiLogsView *view = logsPage->lokiView();
    QVERIFY(view);
    QCOMPARE(logsPage->tabs()->tabText(1), u"Loki"_s);
    logsPage->tabs()->setCurrentWidget(view);
    page->resize(1000, 700);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));

    // The label browser: labels on showing the page, a label's values, a value into the query.
    QTRY_COMPARE(view->labels(), (QStringList{u"job"_s, u"level"_s}));
    auto *labels = view->findChild<QListWidget *>(u"lokiLabels"_s);
    labels->setCurrentRow(0);
    QTRY_COMPARE(view->labelValues(), (QStringList{u"api"_s, u"web"_s}));
    auto *values = view->findChild<QListWidget *>(u"lokiLabelValues"_s);
    QListWidgetItem *api = values->item(0);
    QTest::mouseClick(values->viewport(), Qt::LeftButton, {}, values->visualItemRect(api).center());
    QCOMPARE(view->queryText(), uR"({job="api"})"_s);

    // Run: the lines in the shared view, oldest first, levels from the stream's labels.
    view->findChild<QPushButton *>(u"lokiRun"_s)->click();
    LogModel *model = feature.lokiModel();
    QTRY_COMPARE(model->rowCount(), 10);
    QCOMPARE(view->linesView()->model(), model);
    QCOMPARE(model->index(0).data(LogModel::TextRole).toString(), u"api line 0"_s);
    QCOMPARE(model->index(9).data(LogModel::TextRole).toString(), u"api line 9"_s);
    QCOMPARE(LogLevel(model->index(0).data(LogModel::LevelRole).toInt()), LogLevel::Error);
    QVERIFY(view->messageText().isEmpty());
    QCOMPARE(view->history().value(0), uR"({job="api"})"_s);
    // The volume: count_over_time by level over the same selector, stacked (3, then 7 + 5).
    QTRY_COMPARE(view->volumeChart()->maxTotal(), 12.0);
    bool volumeAsked = false;
    for (const Test::FaultRequest &request : m_server->requests())
        volumeAsked = volumeAsked
                      || request.query.queryItemValue(u"query"_s, QUrl::FullyDecoded)
                             .startsWith(uR"(sum by (level) (count_over_time({job="api"} [)"_s);
    QVERIFY(volumeAsked);
    QTRY_VERIFY(view->linesView()->paintedRows() > 0);

    // The current line's stream labels beside the lines.
    view->linesView()->selectRows(0, 0);
    QCOMPARE(view->shownFields(),
             (QList<std::pair<QString, QString>>{{u"job"_s, u"api"_s}, {u"level"_s, u"error"_s}}));

    // Search and only matching act on the same model.
    QVERIFY(view->setSearch(u"line [3-4]"_s));
    QCOMPARE(model->matchingCount(), 2);

    // A wrong query: Loki's own text, the lines stay.
    view->setQueryText(uR"({job="api")"_s);
    view->run();
    QTRY_VERIFY(!view->messageText().isEmpty());
    QVERIFY2(view->messageText().contains(u"syntax error"_s), qPrintable(view->messageText()));
    QCOMPARE(model->totalCount(), 10);
    // Both queries are in the history, newest first.
    QCOMPARE(view->history().mid(0, 2), (QStringList{uR"({job="api")"_s, uR"({job="api"})"_s}));

    // Loki busy (429): it says so and keeps the last good lines.
    FakeLoki busy = recentLoki();
    busy.fault = FakeLoki::Fault::TooManyRequests;
    setLoki(busy);
    view->setQueryText(uR"({job="web"})"_s);
    view->run();
    QTRY_VERIFY(view->messageText().contains(u"too many outstanding requests"_s));
    QCOMPARE(model->totalCount(), 10);
    QCOMPARE(model->entryAt(0).text, u"api line 0"_s);

    // Loki again: the new lines replace the old.
    setLoki(recentLoki());
    view->run();
    QTRY_COMPARE(model->entryAt(0).text, u"web line 0"_s);
    QTRY_VERIFY(view->messageText().isEmpty());

    // The history comes back in a new view, and the page opens on the tab used last.
    page.reset();
    std::unique_ptr<QWidget> again(feature.createPage());
    auto *logsAgain = qobject_cast<LogsPage *>(again.get());
    QCOMPARE(logsAgain->tabs()->currentWidget(), logsAgain->lokiView());
    QCOMPARE(logsAgain->lokiView()->queryText(), uR"({job="web"})"_s);
    auto *box = logsAgain->lokiView()->findChild<QComboBox *>(u"lokiQuery"_s);
    QCOMPARE(box->count(), 3);
}

void TestLoki::lokiTabWithoutLoki()
{
    AppContext context;
    context.network = m_network;
    LogsFeature feature(context);
    Config config;
    config.loki.url = QUrl();
    feature.applyConfig(config);
    std::unique_ptr<QWidget> page(feature.createPage());
    LokiLogsView *view = qobject_cast<LogsPage *>(page.get())->lokiView();
    QVERIFY(view->messageText().contains(u"endpoints.loki"_s));
    QVERIFY(!view->findChild<QPushButton *>(u"lokiRun"_s)->isEnabled());
    const qsizetype before = m_server->requests().size();
    view->setQueryText(uR"({job="api"})"_s);
    view->run();
    QTest::qWait(50);
    QCOMPARE(m_server->requests().size(), before);

    // Configured but not reachable: the connection error is said.
    FaultServer gone;
    QVERIFY(gone.listen());
    const QUrl url = gone.url();
    gone.close();
    config.loki.url = url;
    config.loki.timeout = std::chrono::milliseconds(2000);
    feature.applyConfig(config);
    QVERIFY(view->findChild<QPushButton *>(u"lokiRun"_s)->isEnabled());
    QVERIFY(view->messageText().isEmpty());
    view->run();
    QTRY_VERIFY(!view->messageText().isEmpty());
    QVERIFY2(
        view->messageText().contains(url.port() > 0 ? QString::number(url.port()) : url.host()),
        qPrintable(view->messageText()));
}

void TestLoki::logsPanelUsesTheLinesView()
{
    Panel panel;
    panel.type = Panel::Type::Logs;
    panel.title = u"API lines"_s;
    PanelWidget widget(panel);
    auto *lines = widget.findChild<LogLinesView *>(u"panelLogLines"_s);
    QVERIFY(lines);
    PanelData data;
    data.logSources = {LogSource{u"{job=\"api\"}"_s, {{u"job"_s, u"api"_s}}}};
    for (int i = 0; i < 5; ++i)
        data.logEntries.append(LogEntry{kBase + (5 - i) * kSecond,
                                        u"level=error msg=\"line %1\" \x1b[31mred"_s.arg(i), 0,
                                        LogLevel::Unknown, 0});
    widget.setData(data);
    LogModel *model = lines->model();
    QCOMPARE(model->rowCount(), 5);
    // Newest first as answered; the level read from the line, escapes stripped.
    QCOMPARE(model->entryAt(0).timeNs, kBase + 5 * kSecond);
    QCOMPARE(LogLevel(model->index(0).data(LogModel::LevelRole).toInt()), LogLevel::Error);
    QVERIFY(!model->entryAt(0).text.contains(u'\x1b'));
    QCOMPARE(model->index(0).data(LogModel::SourceNameRole).toString(), u"{job=\"api\"}"_s);
    // A new answer replaces the lines.
    data.logEntries.resize(2);
    widget.setData(data);
    QCOMPARE(model->rowCount(), 2);
}

QTEST_MAIN(TestLoki)
#include "tst_loki.moc"
