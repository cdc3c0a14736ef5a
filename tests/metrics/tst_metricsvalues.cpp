// SPDX-License-Identifier: GPL-3.0-or-later
// Value types and models of the metrics feature: unit formatting, legend formats, Grafana's step
// rule and interpolation, decimation with gaps, and the item models under
// QAbstractItemModelTester.
#include "metrics/decimate.h"
#include "metrics/seriestablemodel.h"
#include "metrics/targetsmodel.h"
#include "metrics/unitformat.h"
#include "prometheus/querytime.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestMetricsValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unitFormat_data();
    void unitFormat();
    void legend_data();
    void legend();
    void duration_data();
    void duration();
    void step_data();
    void step();
    void align();
    void interpolate_data();
    void interpolate();
    void decimation();
    void targetsModel();
    void seriesTableModel();
};

void TestMetricsValues::unitFormat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("expected");
    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("bytes-iec") << 1536.0 << u"bytes"_s << u"1.5 KiB"_s;
    QTest::newRow("bytes-gib") << 3.0 * 1024 * 1024 * 1024 << u"bytes"_s << u"3 GiB"_s;
    QTest::newRow("decbytes") << 2500000.0 << u"decbytes"_s << u"2.5 MB"_s;
    QTest::newRow("seconds-ms") << 0.25 << u"s"_s << u"250 ms"_s;
    QTest::newRow("seconds-us") << 0.0000125 << u"s"_s << u"12.5 µs"_s;
    QTest::newRow("seconds-min") << 90.0 << u"s"_s << u"1.5 min"_s;
    QTest::newRow("ms") << 1500.0 << u"ms"_s << u"1.5 s"_s;
    QTest::newRow("percent") << 42.123 << u"percent"_s << u"42.1 %"_s;
    QTest::newRow("percentunit") << 0.5 << u"percentunit"_s << u"50 %"_s;
    QTest::newRow("ops") << 12000.0 << u"ops"_s << u"12 kops/s"_s;
    QTest::newRow("reqps") << 3.0 << u"reqps"_s << u"3 req/s"_s;
    QTest::newRow("short-si") << 1234567.0 << u"short"_s << u"1.23 M"_s;
    QTest::newRow("none-small") << 0.5 << QString() << u"0.5"_s;
    QTest::newRow("zero") << 0.0 << u"bytes"_s << u"0 B"_s;
    QTest::newRow("negative") << -2048.0 << u"bytes"_s << u"-2 KiB"_s;
    QTest::newRow("nan") << std::nan("") << u"bytes"_s << u"NaN"_s;
    QTest::newRow("+inf") << inf << u"s"_s << u"+Inf"_s;
    QTest::newRow("-inf") << -inf << u"percent"_s << u"-Inf"_s;
    QTest::newRow("unknown-unit") << 7.0 << u"widgets"_s << u"7 widgets"_s;
}

void TestMetricsValues::unitFormat()
{
    QFETCH(double, value);
    QFETCH(QString, unit);
    QFETCH(QString, expected);
    QCOMPARE(UnitFormat::format(value, unit), expected);
}

void TestMetricsValues::legend_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spaces") << u"{{ mode }}"_s << u"hls"_s;
    QTest::newRow("tight") << u"{{job}}/{{mode}}"_s << u"api/hls"_s;
    QTest::newRow("missing-label") << u"{{nope}}!"_s << u"!"_s;
    QTest::newRow("literal") << u"Success"_s << u"Success"_s;
    QTest::newRow("empty-is-signature") << QString() << u"x_total{job=\"api\", mode=\"hls\"}"_s;
    QTest::newRow("auto") << u"__auto"_s << u"x_total{job=\"api\", mode=\"hls\"}"_s;
}

void TestMetricsValues::legend()
{
    QFETCH(QString, format);
    QFETCH(QString, expected);
    const Labels labels{{u"__name__"_s, u"x_total"_s}, {u"job"_s, u"api"_s}, {u"mode"_s, u"hls"_s}};
    QCOMPARE(formatLegend(format, labels), expected);
}

void TestMetricsValues::duration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds");
    QTest::newRow("s") << u"30s"_s << 30.0;
    QTest::newRow("m") << u"5m"_s << 300.0;
    QTest::newRow("compound") << u"1h30m"_s << 5400.0;
    QTest::newRow("ms") << u"250ms"_s << 0.25;
    QTest::newRow("d") << u"2d"_s << 172800.0;
    QTest::newRow("bare-number") << u"15"_s << 15.0;
    QTest::newRow("garbage") << u"5 minutes"_s << -1.0;
    QTest::newRow("empty") << QString() << -1.0;
}

void TestMetricsValues::duration()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    QCOMPARE(QueryTime::parseDuration(text), seconds);
    if (seconds > 0)
        QCOMPARE(QueryTime::parseDuration(QueryTime::formatDuration(seconds)), seconds);
}

void TestMetricsValues::step_data()
{
    QTest::addColumn<double>("range");
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("minStep");
    QTest::addColumn<double>("expected");
    QTest::newRow("1h-over-800px-scrape-15s") << 3600.0 << 800 << 15.0 << 15.0;
    QTest::newRow("1h-over-800px-scrape-1s") << 3600.0 << 800 << 1.0 << 5.0;
    QTest::newRow("5m-never-below-scrape") << 300.0 << 1200 << 15.0 << 15.0;
    QTest::newRow("7d-over-1000px") << 604800.0 << 1000 << 15.0 << 900.0;
    QTest::newRow("panel-min-interval") << 3600.0 << 800 << 60.0 << 60.0;
    // 11,000-point guard: a 7 d range at 1 s would be 604,800 points.
    QTest::newRow("11000-guard-7d") << 604800.0 << 1000000 << 1.0 << 60.0;
    QTest::newRow("11000-guard-1d") << 86400.0 << 100000 << 1.0 << 10.0;
}

void TestMetricsValues::step()
{
    QFETCH(double, range);
    QFETCH(int, width);
    QFETCH(double, minStep);
    QFETCH(double, expected);
    const double step = QueryTime::stepFor(range, width, minStep);
    QCOMPARE(step, expected);
    QVERIFY(range / step <= QueryTime::maxPoints);
    QVERIFY(step >= minStep);
}

void TestMetricsValues::align()
{
    QDateTime start = QDateTime::fromMSecsSinceEpoch(1700000007500, Qt::UTC);
    QDateTime end = QDateTime::fromMSecsSinceEpoch(1700003601200, Qt::UTC);
    QueryTime::alignToStep(&start, &end, 15);
    QCOMPARE(start.toMSecsSinceEpoch() % 15000, 0);
    QCOMPARE(end.toMSecsSinceEpoch() % 15000, 0);
    QVERIFY(start.toMSecsSinceEpoch() <= 1700000007500);
    QVERIFY(end.toMSecsSinceEpoch() >= 1700003601200);
}

void TestMetricsValues::interpolate_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");
    QTest::newRow("interval") << u"rate(x[$__interval])"_s << u"rate(x[30s])"_s;
    QTest::newRow("rate-interval") << u"rate(x[$__rate_interval])"_s << u"rate(x[1m])"_s;
    QTest::newRow("range") << u"increase(x[$__range])"_s << u"increase(x[1h])"_s;
    QTest::newRow("range_s") << u"x / $__range_s"_s << u"x / 3600"_s;
    QTest::newRow("interval_ms") << u"$__interval_ms"_s << u"30000"_s;
    QTest::newRow("dollar-var") << u"up{job=~\"$job\"}"_s << u"up{job=~\"api\"}"_s;
    QTest::newRow("braced-var") << u"up{job=~\"${job}\"}"_s << u"up{job=~\"api\"}"_s;
    QTest::newRow("braced-format") << u"up{job=~\"${job:regex}\"}"_s << u"up{job=~\"api\"}"_s;
    QTest::newRow("brackets") << u"up{job=~\"[[job]]\"}"_s << u"up{job=~\"api\"}"_s;
    QTest::newRow("interval-var") << u"rate(x[$win])"_s << u"rate(x[5m])"_s;
    QTest::newRow("unknown-kept") << u"x{a=\"$nope\"}"_s << u"x{a=\"$nope\"}"_s;
}

void TestMetricsValues::interpolate()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    const QMap<QString, QString> vars{{u"job"_s, u"api"_s}, {u"win"_s, u"5m"_s}};
    QCOMPARE(QueryTime::interpolate(expr, vars, 30, 3600, 15), expected);
}

void TestMetricsValues::decimation()
{
    Series s;
    // 11,000 points a second apart with a NaN at 5000 and a missing stretch 8000..8100.
    for (int i = 0; i < 11000; ++i) {
        if (i >= 8000 && i < 8100)
            continue;
        s.times.append(1700000000000 + qint64(i) * 1000);
        s.values.append(i == 5000 ? std::nan("") : std::sin(i / 100.0));
    }
    const qint64 start = 1700000000000;
    const qint64 end = start + 11000 * 1000;
    const auto segments = decimateSeries(s, start, end, 500, 2500);
    QCOMPARE(segments.size(), 3);
    qsizetype points = 0;
    for (const auto &segment : segments)
        points += segment.size();
    QVERIFY2(points <= 2 * 500 + 6, qPrintable(QString::number(points)));
    QVERIFY(points >= 500);
    // The extremes survive decimation.
    double lo = 10, hi = -10;
    for (const auto &segment : segments) {
        for (const QPointF &p : segment) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
        }
    }
    QVERIFY(hi > 0.999 && lo < -0.999);
    // Times stay in order inside a segment.
    for (const auto &segment : segments) {
        for (qsizetype i = 1; i < segment.size(); ++i)
            QVERIFY(segment.at(i).x() >= segment.at(i - 1).x());
    }
    QCOMPARE(decimateSeries(Series(), start, end, 100, 0).size(), 0);
}

void TestMetricsValues::targetsModel()
{
    TargetsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto target = [](const QString &job, const QString &instance, const QString &health) {
        ScrapeTarget t;
        t.job = job;
        t.scrapePool = job;
        t.instance = instance;
        t.scrapeUrl = u"http://"_s + instance + u"/metrics"_s;
        t.health = health;
        t.lastScrape = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        t.lastScrapeDurationSeconds = 0.0042;
        return t;
    };
    model.setNow(QDateTime::fromSecsSinceEpoch(1700000003, Qt::UTC));
    model.setTargets(
        {target(u"node"_s, u"b:9100"_s, u"up"_s), target(u"api"_s, u"a:80"_s, u"down"_s)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, TargetsModel::JobColumn).data().toString(), u"api"_s);
    QCOMPARE(model.index(0, TargetsModel::LastScrapeColumn).data().toString(), u"3 s ago"_s);
    QCOMPARE(model.index(0, TargetsModel::DurationColumn).data().toString(), u"4.2 ms"_s);
    QCOMPARE(model.upCount(), 1);

    // Merge: one changes health, one is added in between, none reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s), target(u"api"_s, u"a:80"_s, u"up"_s),
                      target(u"blackbox"_s, u"c:9115"_s, u"unknown"_s)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.index(1, TargetsModel::JobColumn).data().toString(), u"blackbox"_s);
    QCOMPARE(model.upCount(), 2);
    // Removal.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s)});
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    model.setTargets({});
    QCOMPARE(model.rowCount(), 0);
}

void TestMetricsValues::seriesTableModel()
{
    SeriesTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueryResult result;
    result.type = QueryResult::Type::Vector;
    Series a;
    a.labels = {{u"job"_s, u"api"_s}};
    a.times = {1700000000000};
    a.values = {2048};
    Series empty;
    result.series = {a, empty};
    model.setResult(result, u"{{job}}"_s, u"bytes"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, SeriesTableModel::SeriesColumn).data().toString(), u"api"_s);
    QCOMPARE(model.index(0, SeriesTableModel::ValueColumn).data().toString(), u"2 KiB"_s);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    result.series[0].values = {4096};
    model.setResult(result, u"{{job}}"_s, u"bytes"_s);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.index(0, SeriesTableModel::ValueColumn).data().toString(), u"4 KiB"_s);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestMetricsValues)
#include "tst_metricsvalues.moc"
