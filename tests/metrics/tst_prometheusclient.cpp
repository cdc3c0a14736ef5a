// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient against Debian's real Prometheus 2.42 on loopback (scraping itself every
// second, with a recording rule), and against the FaultServer for what a real one rarely does.
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "app/prometheus/querytime.h"
#include "tests/support/faultserver.h"
#include "tests/support/serverprocess.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestPrometheusClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void buildInfo();
    void scrapeIntervalFromServer();
    void variablesFromServer();
    void instantAndRangeQueries();
    void recordingRuleSeries();
    void specialValues();
    void badQueryShowsServerError();
    void elevenThousandPointGuard();
    void targetsLabelsSeriesRules();
    void plainText503WhileStarting();
    void bigBodyParsedOffThread();
    void destroyedContextHearsNothing();

private:
    QueryReply query(const QString &expr);
    QueryReply queryRange(const QString &expr, const QDateTime &start, const QDateTime &end,
                          double step);

    Test::PrometheusProcess m_prometheus;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PrometheusClient> m_client;
};

void TestPrometheusClient::initTestCase()
{
    m_prometheus.setRuleFile(u"rules.yml"_s, u"groups:\n"
                                             "  - name: test\n"
                                             "    rules:\n"
                                             "      - record: job:up:sum\n"
                                             "        expr: sum by (job) (up)\n"
                                             "      - record: test:scrape_samples:x2\n"
                                             "        expr: scrape_samples_scraped * 2\n"_s);
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    m_http = std::make_unique<HttpClient>(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = m_prometheus.url();
    endpoint.timeout = std::chrono::seconds(10);
    m_http->setEndpoint(endpoint);
    m_client = std::make_unique<PrometheusClient>(m_http.get());
    // A few scrapes so that range queries have points.
    QTRY_VERIFY_WITH_TIMEOUT(
        query(u"count_over_time(up{job=\"prometheus\"}[1m])"_s).result.series.size() == 1
            && query(u"count_over_time(up{job=\"prometheus\"}[1m])"_s)
                       .result.series.first()
                       .values.first()
                   >= 3,
        20000);
}

void TestPrometheusClient::cleanupTestCase()
{
    m_client.reset();
    m_http.reset();
    m_prometheus.stop();
}

QueryReply TestPrometheusClient::query(const QString &expr)
{
    std::optional<QueryReply> reply;
    m_client->query(expr, QDateTime(), this, [&reply](const QueryReply &r) { reply = r; });
    (void)QTest::qWaitFor([&] { return reply.has_value(); }, 10000);
    return reply.value_or(QueryReply());
}

QueryReply TestPrometheusClient::queryRange(const QString &expr, const QDateTime &start,
                                            const QDateTime &end, double step)
{
    std::optional<QueryReply> reply;
    m_client->queryRange(expr, start, end, step, this,
                         [&reply](const QueryReply &r) { reply = r; });
    (void)QTest::qWaitFor([&] { return reply.has_value(); }, 20000);
    return reply.value_or(QueryReply());
}

void TestPrometheusClient::buildInfo()
{
    std::optional<PromBuildInfo> info;
    HttpError error;
    m_client->buildInfo(this, [&](const PromBuildInfo &i, const HttpError &e) {
        info = i;
        error = e;
    });
    QTRY_VERIFY(info.has_value());
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(info->version, u"2.42.0+ds"_s);
}

void TestPrometheusClient::scrapeIntervalFromServer()
{
    // The test server scrapes every second (its global scrape_interval).
    std::optional<double> seconds;
    m_client->scrapeInterval(this, [&](double s, const HttpError &e) {
        QVERIFY2(!e.isError(), qPrintable(e.message));
        seconds = s;
    });
    QTRY_VERIFY(seconds.has_value());
    QCOMPARE(*seconds, 1.0);

    // The controller starts from Grafana's 15 s and takes the server's: the step of a 5-minute
    // range 800 pixels wide is then 1 s, not 15 s.
    MetricsController controller(m_client.get());
    QCOMPARE(controller.scrapeInterval(), 15.0);
    Dashboard dashboard;
    Panel panel;
    panel.title = u"up"_s;
    panel.queries = {{u"up"_s, {}, u"A"_s, false}};
    dashboard.panels << panel;
    controller.setDashboard(dashboard);
    controller.setPanelWidth(0, 800);
    controller.setRelativeRange(300);
    controller.setRefreshInterval(std::chrono::seconds(0));
    QSignalSpy changed(&controller, &MetricsController::scrapeIntervalChanged);
    QList<double> steps;
    connect(&controller, &MetricsController::panelUpdated, this,
            [&steps](int, const PanelData &data) { steps << data.stepSeconds; });
    controller.start();
    QTRY_VERIFY_WITH_TIMEOUT(!steps.isEmpty(), 10000);
    QVERIFY(controller.isScrapeIntervalFromServer());
    QCOMPARE(controller.scrapeInterval(), 1.0);
    QCOMPARE(changed.size(), 1);
    // The refresh begun with the assumed interval is dropped, never drawn.
    QCOMPARE(steps, QList<double>{1.0});
    controller.stop();
}

void TestPrometheusClient::variablesFromServer()
{
    // query_result() cut down by the regex to the instance, metrics() filtered by name, a
    // multi-value custom variable; the instance (dots and all) substituted regex-escaped into a
    // real query that Prometheus accepts and matches.
    MetricsController controller(m_client.get());
    Dashboard dashboard;
    DashboardVariable instance;
    instance.kind = DashboardVariable::Kind::Query;
    instance.name = u"instance"_s;
    instance.query = u"query_result(up{job=\"prometheus\"})"_s;
    instance.regex = u"/instance=\"([^\"]+)\"/"_s;
    instance.multi = true;
    instance.includeAll = true;
    instance.current = {u"$__all"_s};
    DashboardVariable metric;
    metric.kind = DashboardVariable::Kind::Query;
    metric.name = u"metric"_s;
    metric.query = u"metrics(^prometheus_tsdb_head_)"_s;
    metric.regex = u"/prometheus_tsdb_(head_series)$/"_s;
    DashboardVariable pick;
    pick.kind = DashboardVariable::Kind::Custom;
    pick.name = u"pick"_s;
    pick.options = {u"a"_s, u"b"_s, u"c"_s};
    pick.multi = true;
    pick.current = {u"a"_s};
    dashboard.variables = {instance, metric, pick};
    Panel panel;
    panel.title = u"up"_s;
    panel.queries = {{u"up{instance=~\"$instance\"}"_s, {}, u"A"_s, true}};
    dashboard.panels << panel;
    controller.setRefreshInterval(std::chrono::seconds(0));
    controller.setDashboard(dashboard);
    std::optional<PanelData> last;
    connect(&controller, &MetricsController::panelUpdated, this,
            [&last](int, const PanelData &data) { last = data; });
    controller.start();
    const QString authority = m_prometheus.url().authority();
    QTRY_COMPARE_WITH_TIMEOUT(controller.dashboard().variables.at(0).options,
                              QStringList{authority}, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.dashboard().variables.at(1).options,
                              QStringList{u"head_series"_s}, 10000);
    QCOMPARE(controller.variableValues().value(u"instance"_s), QueryTime::regexEscape(authority));
    QVERIFY(controller.variableValues().value(u"instance"_s).contains(u"\\\\."_s));
    QTRY_VERIFY_WITH_TIMEOUT(last && last->error.isEmpty() && last->series.size() == 1, 10000);
    // Several values: a regex alternation; the query still matches the one that exists.
    controller.setVariable(u"pick"_s, QStringList{u"a"_s, u"c"_s});
    QCOMPARE(controller.variableValues().value(u"pick"_s), u"(a|c)"_s);
    controller.setVariable(u"instance"_s, QStringList{authority, u"nothere:1"_s});
    QCOMPARE(controller.variableValues().value(u"instance"_s),
             u"("_s + QueryTime::regexEscape(authority) + u"|nothere:1)"_s);
    last.reset();
    controller.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(last.has_value(), 10000);
    QVERIFY2(last->error.isEmpty(), qPrintable(last->error));
    QCOMPARE(last->series.size(), 1);
    controller.stop();
}

void TestPrometheusClient::instantAndRangeQueries()
{
    const QueryReply instant = query(u"up{job=\"prometheus\"}"_s);
    QVERIFY2(instant.ok(), qPrintable(instant.error.message));
    QVERIFY(instant.result.type == QueryResult::Type::Vector);
    QCOMPARE(instant.result.series.size(), 1);
    QCOMPARE(instant.result.series.first().values.first(), 1.0);

    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QueryReply range = queryRange(u"up"_s, end.addSecs(-30), end, 1);
    QVERIFY2(range.ok(), qPrintable(range.error.message));
    QVERIFY(range.result.type == QueryResult::Type::Matrix);
    QVERIFY(range.result.series.size() >= 1);
    QVERIFY(range.result.series.first().size() >= 3);
    // A '+' survives the form encoding.
    const QueryReply plus = query(u"1 + 2"_s);
    QVERIFY2(plus.ok(), qPrintable(plus.error.message));
    QVERIFY(plus.result.type == QueryResult::Type::Scalar);
    QCOMPARE(plus.result.series.first().values.first(), 3.0);
}

void TestPrometheusClient::recordingRuleSeries()
{
    QTRY_VERIFY_WITH_TIMEOUT(query(u"job:up:sum"_s).result.series.size() >= 1, 15000);
    const QueryReply reply = query(u"{__name__=~\"job:up:sum|test:scrape_samples:x2|up\"}"_s);
    QVERIFY(reply.result.series.size() >= 3);
}

void TestPrometheusClient::specialValues()
{
    const QueryReply inf = query(u"1/0"_s);
    QVERIFY(inf.ok());
    QVERIFY(std::isinf(inf.result.series.first().values.first()));
    const QueryReply nan = query(u"vector(0)/0"_s);
    QVERIFY(nan.ok());
    QVERIFY(std::isnan(nan.result.series.first().values.first()));
    const QueryReply minus = query(u"-1/0"_s);
    QVERIFY(minus.result.series.first().values.first() < 0);
    const QueryReply tiny = query(u"vector(1e-300) * 1e-10"_s);
    QVERIFY(tiny.ok());
    QCOMPARE(tiny.result.series.first().values.first(), 1e-310);
    const QueryReply text = query(u"\"hello\""_s);
    QVERIFY(text.result.type == QueryResult::Type::String);
    QCOMPARE(text.result.text, u"hello"_s);
}

void TestPrometheusClient::badQueryShowsServerError()
{
    const QueryReply reply = query(u"rate(up[5m"_s);
    QVERIFY(!reply.ok());
    QVERIFY(reply.error.kind == HttpError::Kind::HttpStatus);
    QCOMPARE(reply.error.httpStatus, 400);
    QVERIFY2(reply.error.message.contains(u"bad_data"_s), qPrintable(reply.error.message));
    QVERIFY2(reply.error.message.contains(u"unclosed left parenthesis"_s),
             qPrintable(reply.error.message));
    // An execution error (422): two series end up with the same label set.
    const QueryReply execution = query(
        u"label_replace({__name__=~\"up|scrape_duration_seconds\"}, \"__name__\", \"x\", \"\", \"\")"_s);
    QVERIFY(!execution.ok());
    QCOMPARE(execution.error.httpStatus, 422);
    QVERIFY2(execution.error.message.contains(u"execution"_s), qPrintable(execution.error.message));
}

void TestPrometheusClient::elevenThousandPointGuard()
{
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addDays(-7);
    // Asking naively at 1 s is refused by Prometheus...
    const QueryReply naive = queryRange(u"up"_s, start, end, 1);
    QVERIFY(!naive.ok());
    QVERIFY2(naive.error.message.contains(u"11,000"_s), qPrintable(naive.error.message));
    // ...the step rule never asks for more than 11,000 points, even for a very wide panel.
    const double step = QueryTime::stepFor(double(start.secsTo(end)), 1000000, 1);
    QVERIFY(double(start.secsTo(end)) / step <= QueryTime::maxPoints);
    QDateTime s = start, e = end;
    QueryTime::alignToStep(&s, &e, step);
    const QueryReply guarded = queryRange(u"up"_s, s, e, step);
    QVERIFY2(guarded.ok(), qPrintable(guarded.error.message));
    for (const Series &series : guarded.result.series)
        QVERIFY(series.size() <= QueryTime::maxPoints);
}

void TestPrometheusClient::targetsLabelsSeriesRules()
{
    std::optional<QList<ScrapeTarget>> targets;
    m_client->targets(this, [&](const QList<ScrapeTarget> &t, const HttpError &) { targets = t; });
    QTRY_VERIFY(targets.has_value());
    QCOMPARE(targets->size(), 1);
    QCOMPARE(targets->first().job, u"prometheus"_s);
    QCOMPARE(targets->first().health, u"up"_s);
    QCOMPARE(targets->first().instance, m_prometheus.url().authority());
    QVERIFY(targets->first().lastScrape.isValid());

    std::optional<QStringList> names;
    m_client->labelValues(u"__name__"_s, this,
                          [&](const QStringList &v, const HttpError &) { names = v; });
    QTRY_VERIFY(names.has_value());
    QVERIFY(names->contains(u"up"_s));
    QVERIFY(names->contains(u"job:up:sum"_s));

    std::optional<QStringList> labels;
    m_client->labels(this, [&](const QStringList &v, const HttpError &) { labels = v; });
    QTRY_VERIFY(labels.has_value());
    QVERIFY(labels->contains(u"job"_s));

    std::optional<QList<Labels>> series;
    m_client->series({u"up"_s}, QDateTime::currentDateTimeUtc().addSecs(-60),
                     QDateTime::currentDateTimeUtc(), this,
                     [&](const QList<Labels> &v, const HttpError &) { series = v; });
    QTRY_VERIFY(series.has_value());
    QCOMPARE(series->size(), 1);
    QCOMPARE(series->first().value(u"job"_s), u"prometheus"_s);

    std::optional<QList<PromRule>> rules;
    m_client->rules(this, [&](const QList<PromRule> &v, const HttpError &) { rules = v; });
    QTRY_VERIFY(rules.has_value());
    QCOMPARE(rules->size(), 2);
    QCOMPARE(rules->first().name, u"job:up:sum"_s);
}

void TestPrometheusClient::plainText503WhileStarting()
{
    Test::FaultServer server;
    QVERIFY(server.listen());
    server.setRoute("POST", u"/api/v1/query"_s,
                    Test::FaultServer::text("Service Unavailable\n", 503));
    HttpClient http(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = server.url();
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    std::optional<QueryReply> reply;
    client.query(u"up"_s, QDateTime(), this, [&](const QueryReply &r) { reply = r; });
    QTRY_VERIFY(reply.has_value());
    QVERIFY(!reply->ok());
    QCOMPARE(reply->error.httpStatus, 503);
    QVERIFY2(reply->error.message.contains(u"503"_s), qPrintable(reply->error.message));
    // The request was form-encoded.
    QCOMPARE(server.requests().first().header("content-type"),
             QByteArray("application/x-www-form-urlencoded"));
}

void TestPrometheusClient::bigBodyParsedOffThread()
{
    // A 40-series × 1,000-point matrix (> 256 KiB): parsed on the pool, delivered on this thread.
    QByteArray body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[";
    for (int s = 0; s < 40; ++s) {
        body += s ? "," : "";
        body += "{\"metric\":{\"i\":\"" + QByteArray::number(s) + "\"},\"values\":[";
        for (int p = 0; p < 1000; ++p)
            body += (p ? "," : "") + QByteArray("[") + QByteArray::number(1700000000 + p) + ",\""
                    + QByteArray::number(p * 0.5) + "\"]";
        body += "]}";
    }
    body += "]}}";
    QVERIFY(body.size() > OffThread::kThresholdBytes);
    Test::FaultServer server;
    QVERIFY(server.listen());
    server.setRoute("POST", u"/api/v1/query_range"_s, Test::FaultServer::json(body));
    HttpClient http(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = server.url();
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    std::optional<QueryReply> reply;
    QThread *deliveredOn = nullptr;
    client.queryRange(u"x"_s, QDateTime::currentDateTimeUtc().addSecs(-60),
                      QDateTime::currentDateTimeUtc(), 1, this, [&](const QueryReply &r) {
                          reply = r;
                          deliveredOn = QThread::currentThread();
                      });
    QTRY_VERIFY(reply.has_value());
    QVERIFY2(reply->ok(), qPrintable(reply->error.message));
    QCOMPARE(reply->result.series.size(), 40);
    QCOMPARE(reply->result.pointCount(), 40000);
    QCOMPARE(deliveredOn, QThread::currentThread());
}

void TestPrometheusClient::destroyedContextHearsNothing()
{
    auto *context = new QObject;
    bool called = false;
    m_client->query(u"up"_s, QDateTime(), context,
                    [&called](const QueryReply &) { called = true; });
    delete context;
    bool after = false;
    m_client->query(u"up"_s, QDateTime(), this, [&after](const QueryReply &) { after = true; });
    QTRY_VERIFY(after);
    QTest::qWait(50);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
