// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus API parsers over responses captured from Debian's Prometheus 2.42
// (tests/data/metrics), plus hand-made native histogram, truncated and HTML bodies.
#include "app/prometheus/prometheusclient.h"
#include "app/prometheus/promparser.h"
#include "tests/support/fixtures.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {
QByteArray fixture(const QString &name)
{
    return Stackscope::Test::testData(u"metrics/"_s + name);
}
} // namespace

class TestPromParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleValue_data();
    void sampleValue();
    void query_data();
    void query();
    void errorsThroughClient_data();
    void errorsThroughClient();
    void exemplars_data();
    void exemplars();
    void targets();
    void buildInfoRulesLabels();
    void scrapeInterval_data();
    void scrapeInterval();
    void parseTime();
};

void TestPromParser::sampleValue_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("expected"); // "nan", "inf", "-inf" or a number
    QTest::newRow("integer") << QByteArray("42") << true << u"42"_s;
    QTest::newRow("decimal") << QByteArray("0.25") << true << u"0.25"_s;
    QTest::newRow("exponent") << QByteArray("1e-09") << true << u"1e-09"_s;
    QTest::newRow("exponent-plus") << QByteArray("1.5E+3") << true << u"1500"_s;
    QTest::newRow("NaN") << QByteArray("NaN") << true << u"nan"_s;
    QTest::newRow("+Inf") << QByteArray("+Inf") << true << u"inf"_s;
    QTest::newRow("-Inf") << QByteArray("-Inf") << true << u"-inf"_s;
    QTest::newRow("leading-plus") << QByteArray("+3") << true << u"3"_s;
    QTest::newRow("empty") << QByteArray() << false << QString();
    QTest::newRow("word") << QByteArray("abc") << false << QString();
    QTest::newRow("trailing-garbage") << QByteArray("1.5x") << false << QString();
}

void TestPromParser::sampleValue()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(QString, expected);
    double value = 0;
    QCOMPARE(parseSampleValue(text.constData(), text.size(), &value), ok);
    if (!ok)
        return;
    if (expected == "nan"_L1)
        QVERIFY(std::isnan(value));
    else if (expected == "inf"_L1)
        QVERIFY(std::isinf(value) && value > 0);
    else if (expected == "-inf"_L1)
        QVERIFY(std::isinf(value) && value < 0);
    else
        QCOMPARE(value, expected.toDouble());
}

void TestPromParser::query_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("series");
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("histograms");
    QTest::addColumn<QString>("problem");
    using T = QueryResult::Type;
    QTest::newRow("matrix") << u"matrix-up.json"_s << true << int(T::Matrix) << 2 << 10 << 0
                            << QString();
    QTest::newRow("matrix-special-values")
        << u"matrix-special.json"_s << true << int(T::Matrix) << 7 << 28 << 0 << QString();
    QTest::newRow("matrix-exponents")
        << u"matrix-exponents.json"_s << true << int(T::Matrix) << 1 << 4 << 0 << QString();
    QTest::newRow("vector") << u"vector-up.json"_s << true << int(T::Vector) << 1 << 1 << 0
                            << QString();
    QTest::newRow("scalar-inf") << u"scalar-inf.json"_s << true << int(T::Scalar) << 1 << 1 << 0
                                << QString();
    QTest::newRow("string") << u"string.json"_s << true << int(T::String) << 1 << 1 << 0
                            << QString();
    QTest::newRow("vector-native-histogram")
        << u"vector-native-histogram.json"_s << true << int(T::Vector) << 2 << 1 << 1 << QString();
    QTest::newRow("matrix-native-histogram")
        << u"matrix-native-histogram.json"_s << true << int(T::Matrix) << 1 << 0 << 2 << QString();
    QTest::newRow("error-bad-data") << u"error-bad-data.json"_s << false << 0 << 0 << 0 << 0
                                    << u"bad_data: invalid parameter"_s;
    QTest::newRow("error-11000-points") << u"error-too-many-points.json"_s << false << 0 << 0 << 0
                                        << 0 << u"exceeded maximum resolution of 11,000 points"_s;
    QTest::newRow("truncated") << u"truncated-matrix.json.txt"_s << false << 0 << 0 << 0 << 0
                               << u"truncated"_s;
    QTest::newRow("html") << u"html.html"_s << false << 0 << 0 << 0 << 0 << u"not JSON"_s;
    QTest::newRow("bad-sample-value")
        << u"bad-value.json"_s << false << 0 << 0 << 0 << 0 << u"not [time, \"value\"]"_s;
    QTest::newRow("targets-is-not-a-query")
        << u"targets.json"_s << false << 0 << 0 << 0 << 0 << u"resultType"_s;
}

void TestPromParser::query()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QFETCH(int, type);
    QFETCH(int, series);
    QFETCH(int, points);
    QFETCH(int, histograms);
    QFETCH(QString, problem);
    QueryResult result;
    PromApiError apiError;
    QString text;
    QCOMPARE(PromParser::parseQuery(fixture(file), &result, &apiError, &text), ok);
    if (!ok) {
        QVERIFY2(text.contains(problem), qPrintable(text));
        return;
    }
    QCOMPARE(int(result.type), type);
    QCOMPARE(int(result.series.size()), series);
    QCOMPARE(int(result.pointCount()), points);
    QCOMPARE(int(result.histogramSamples), histograms);
    if (file == "matrix-special.json"_L1) {
        // div0 on a down target is NaN, on an up one +Inf; neginf is -Inf; exponents parse.
        QVERIFY(std::isnan(result.series.at(0).values.at(0)));
        QVERIFY(std::isinf(result.series.at(1).values.at(0))
                && result.series.at(1).values.at(0) > 0);
        QCOMPARE(result.series.at(3).values.at(0), 1e21);
        QVERIFY(std::isinf(result.series.at(4).values.at(0))
                && result.series.at(4).values.at(0) < 0);
        QCOMPARE(result.series.at(6).values.at(0), 1e-9);
        QCOMPARE(result.series.at(6).labels.value(u"case"_s), u"tiny"_s);
        QCOMPARE(result.series.at(0).times.at(1) - result.series.at(0).times.at(0), 1000);
    }
    if (file == "matrix-exponents.json"_L1) {
        QCOMPARE(result.series.at(0).values.at(0), 1500.0);
        QCOMPARE(result.series.at(0).values.at(1), -0.0025);
        QVERIFY(std::isnan(result.series.at(0).values.at(2)));
        QVERIFY(std::isinf(result.series.at(0).values.at(3)));
    }
    if (file == "scalar-inf.json"_L1)
        QVERIFY(std::isinf(result.series.at(0).values.at(0)));
    if (file == "string.json"_L1)
        QCOMPARE(result.text, u"hello"_s);
    if (file == "matrix-native-histogram.json"_L1)
        QCOMPARE(result.warnings, QStringList{u"native histograms are experimental"_s});
    if (file == "vector-up.json"_L1)
        QCOMPARE(seriesSignature(result.series.at(0).labels),
                 u"up{instance=\"127.0.0.1:1\", job=\"missing\"}"_s);
}

void TestPromParser::errorsThroughClient_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("message");
    QTest::newRow("html-200") << 200 << fixture(u"html.html"_s) << QByteArray("text/html")
                              << u"answered HTML, not the Prometheus API"_s;
    QTest::newRow("truncated-200") << 200 << fixture(u"truncated-matrix.json.txt"_s)
                                   << QByteArray("application/json") << u"truncated"_s;
    QTest::newRow("api-error-in-200")
        << 200 << fixture(u"error-bad-data.json"_s) << QByteArray("application/json")
        << u"bad_data: invalid parameter"_s;
    QTest::newRow("empty") << 200 << QByteArray() << QByteArray() << u"empty"_s;
}

void TestPromParser::errorsThroughClient()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, message);
    HttpResponse response;
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    const QueryReply reply = PrometheusClient::parseQueryResponse(response, u"127.0.0.1:9091"_s);
    QVERIFY(!reply.ok());
    QVERIFY2(reply.error.message.contains(message), qPrintable(reply.error.message));
    QVERIFY(reply.error.message.contains(u"127.0.0.1:9091"_s));
}

void TestPromParser::exemplars_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("problem");
    QTest::newRow("two series") << u"exemplars.json"_s << true << 3 << QString();
    QTest::newRow("none") << u"exemplars-empty.json"_s << true << 0 << QString();
    QTest::newRow("value not a string")
        << u"exemplars-bad-value.json"_s << false << 0 << u"an exemplar is not"_s;
    QTest::newRow("no exemplars list")
        << u"exemplars-no-list.json"_s << false << 0 << u"no exemplars list"_s;
    QTest::newRow("error-bad-data")
        << u"error-bad-data.json"_s << false << 0 << u"bad_data: invalid parameter"_s;
    QTest::newRow("a query result") << u"matrix-up.json"_s << false << 0 << u"not a list"_s;
    QTest::newRow("truncated") << u"truncated-matrix.json.txt"_s << false << 0 << u"truncated"_s;
}

void TestPromParser::exemplars()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(QString, problem);
    QList<Exemplar> exemplars;
    PromApiError apiError;
    QString text;
    QCOMPARE(PromParser::parseExemplars(fixture(file), &exemplars, &apiError, &text), ok);
    if (!ok) {
        QVERIFY2(text.contains(problem), qPrintable(text));
        return;
    }
    QCOMPARE(int(exemplars.size()), count);
    if (file != "exemplars.json"_L1)
        return;
    const Exemplar &first = exemplars.at(0);
    QCOMPARE(first.seriesLabels.value(u"le"_s), u"0.5"_s);
    QCOMPARE(first.seriesLabels.value(u"__name__"_s), u"test_request_duration_seconds_bucket"_s);
    QCOMPARE(first.traceId(), u"000000024bf92f350000000000000000"_s);
    QCOMPARE(first.value, 0.174);
    QCOMPARE(first.timeMs, 1796630003247);
    QCOMPARE(first.series, -1);
    QVERIFY(std::isnan(exemplars.at(1).value));
    QCOMPARE(exemplars.at(1).timeMs, 1796630004250);
    const Exemplar &counter = exemplars.at(2);
    QCOMPARE(counter.traceId(), u"c0ffee00000000000000000000000000"_s);
    QCOMPARE(counter.labels.value(u"span_id"_s), u"a1"_s);
    QCOMPARE(counter.value, 1.0);
    QVERIFY(!counter.seriesLabels.contains(u"le"_s));
}

void TestPromParser::targets()
{
    QList<ScrapeTarget> targets;
    QString problem;
    QVERIFY(PromParser::parseTargets(fixture(u"targets.json"_s), &targets, nullptr, &problem));
    QCOMPARE(targets.size(), 2);
    QStringList jobs;
    for (const ScrapeTarget &t : targets)
        jobs << t.job;
    jobs.sort();
    QCOMPARE(jobs, (QStringList{u"missing"_s, u"prometheus"_s}));
    for (const ScrapeTarget &t : targets) {
        QVERIFY(!t.instance.isEmpty());
        QVERIFY(t.scrapeUrl.startsWith(u"http://127.0.0.1:"_s));
        if (t.job == "missing"_L1) {
            QCOMPARE(t.health, u"down"_s);
            QVERIFY2(t.lastError.contains(u"refused"_s), qPrintable(t.lastError));
        }
    }
}

void TestPromParser::buildInfoRulesLabels()
{
    QString problem;
    PromBuildInfo info;
    QVERIFY(PromParser::parseBuildInfo(fixture(u"buildinfo.json"_s), &info, nullptr, &problem));
    QCOMPARE(info.version, u"2.42.0+ds"_s);
    QList<PromRule> rules;
    QVERIFY(PromParser::parseRules(fixture(u"rules.json"_s), &rules, nullptr, &problem));
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.first().name, u"job:up:sum"_s);
    QCOMPARE(rules.first().type, u"recording"_s);
    QStringList labels;
    QVERIFY(PromParser::parseStringList(fixture(u"labels.json"_s), &labels, nullptr, &problem));
    QVERIFY(labels.contains(u"__name__"_s));
    QVERIFY(labels.contains(u"job"_s));
    QVERIFY(!PromParser::parseStringList(fixture(u"vector-up.json"_s), &labels, nullptr, &problem));
}

void TestPromParser::scrapeInterval_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<double>("seconds");
    // From the captured answer: the global interval, not the job's 5 s.
    QString captured;
    QString problem;
    QVERIFY(
        PromParser::parseConfig(fixture(u"status-config.json"_s), &captured, nullptr, &problem));
    QTest::newRow("captured") << captured << 20.0;
    QTest::newRow("minutes") << u"global:\n  scrape_interval: 1m\n"_s << 60.0;
    QTest::newRow("quoted") << u"global:\n  scrape_interval: \"250ms\"\n"_s << 0.25;
    QTest::newRow("compound") << u"global:\n  evaluation_interval: 1m\n  scrape_interval: 1m30s\n"_s
                              << 90.0;
    QTest::newRow("only-in-a-job")
        << u"global:\n  evaluation_interval: 1m\nscrape_configs:\n- job_name: x\n  "
           "scrape_interval: 5s\n"_s
        << -1.0;
    QTest::newRow("unreadable") << u"global:\n  scrape_interval: soon\n"_s << -1.0;
    QTest::newRow("empty") << QString() << -1.0;
}

void TestPromParser::scrapeInterval()
{
    QFETCH(QString, yaml);
    QFETCH(double, seconds);
    QCOMPARE(PromParser::globalScrapeInterval(yaml), seconds);
    // Not a configuration answer.
    QString text;
    QString problem;
    QVERIFY(!PromParser::parseConfig(fixture(u"vector-up.json"_s), &text, nullptr, &problem));
    QVERIFY(!problem.isEmpty());
}

void TestPromParser::parseTime()
{
    const QDateTime t = PromParser::parseTime(u"2026-11-21T05:54:46.321723432Z"_s);
    QVERIFY(t.isValid());
    QCOMPARE(t.toMSecsSinceEpoch() % 1000, 321);
    QVERIFY(PromParser::parseTime(u"2026-11-21T05:54:46+01:00"_s).isValid());
    QVERIFY(!PromParser::parseTime(u"yesterday"_s).isValid());
}

QTEST_GUILESS_MAIN(TestPromParser)
#include "tst_promparser.moc"
