// SPDX-License-Identifier: GPL-3.0-or-later
// Value types and models of the metrics feature: unit formatting, legend formats, Grafana's step
// rule and interpolation, decimation with gaps, and the item models under
// QAbstractItemModelTester.
#include "app/prometheus/querytime.h"
#include "models/common/format.h"
#include "models/metrics/decimate.h"
#include "models/metrics/seriestablemodel.h"
#include "models/metrics/targetsmodel.h"

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
    void variableText_data();
    void variableText();
    void decimation();
    void simplification();
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
    QCOMPARE(Format::value(value, unit), expected);
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

void TestMetricsValues::variableText_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<bool>("multiOrAll");
    QTest::addColumn<QString>("allValue");
    QTest::addColumn<QString>("expected");
    const QStringList opts{u"10.0.0.1:9100"_s, u"db"_s};
    QTest::newRow("plain") << QStringList{u"a.b"_s} << opts << false << QString() << u"a.b"_s;
    QTest::newRow("multi-one") << QStringList{u"10.0.0.1:9100"_s} << opts << true << QString()
                               << u"10\\\\.0\\\\.0\\\\.1:9100"_s;
    QTest::newRow("multi-two") << QStringList{u"api"_s, u"db"_s} << opts << true << QString()
                               << u"(api|db)"_s;
    QTest::newRow("all") << QStringList{u"$__all"_s} << opts << true << QString()
                         << u"(10\\\\.0\\\\.0\\\\.1:9100|db)"_s;
    QTest::newRow("all-value") << QStringList{u"$__all"_s} << opts << true << u".*"_s << u".*"_s;
    QTest::newRow("all-unresolved")
        << QStringList{u"$__all"_s} << QStringList() << true << QString() << u".*"_s;
    QTest::newRow("specials") << QStringList{u"a\\b(c)|d"_s} << opts << true << QString()
                              << u"a\\\\\\\\b\\\\(c\\\\)\\\\|d"_s;
    QTest::newRow("none") << QStringList() << opts << true << QString() << QString();
}

void TestMetricsValues::variableText()
{
    QFETCH(QStringList, selected);
    QFETCH(QStringList, options);
    QFETCH(bool, multiOrAll);
    QFETCH(QString, allValue);
    QFETCH(QString, expected);
    QCOMPARE(QueryTime::variableText(selected, options, multiOrAll, allValue), expected);
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

void TestMetricsValues::simplification()
{
    // A straight line needs its two ends only.
    QList<QPointF> line;
    for (int i = 0; i < 1000; ++i)
        line << QPointF(i, 3.0 * i);
    QCOMPARE(simplifyForPixels(line, 1, 1), (QList<QPointF>{line.first(), line.last()}));
    // Jitter below half a pixel disappears, a 10-pixel spike stays.
    QList<QPointF> flat;
    for (int i = 0; i < 500; ++i)
        flat << QPointF(i, (i % 2) * 0.4 + (i == 250 ? 10 : 0));
    const QList<QPointF> spike = simplifyForPixels(flat, 1, 1);
    QVERIFY2(spike.size() <= 6, qPrintable(QString::number(spike.size())));
    QVERIFY(spike.contains(flat.at(250)));
    // A random walk: every dropped point lies within the tolerance of the line drawn instead,
    // the kept points are original points in order, the ends are kept.
    QList<QPointF> walk;
    quint32 seed = 12345;
    double y = 0;
    for (int i = 0; i < 4000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        y += (double(seed >> 8) / double(1u << 24) - 0.5) * 3;
        walk << QPointF(1000.0 + i * 15000.0, y);
    }
    const double xScale = 1.0 / 15000.0 / 4; // 4 samples per pixel column
    const double yScale = 2.0;
    const QList<QPointF> kept = simplifyForPixels(walk, xScale, yScale, 0.5);
    QVERIFY(kept.size() < walk.size());
    QVERIFY(kept.size() > 10);
    QCOMPARE(kept.first(), walk.first());
    QCOMPARE(kept.last(), walk.last());
    qsizetype k = 0;
    for (const QPointF &p : walk) {
        while (k + 1 < kept.size() && kept.at(k + 1).x() < p.x())
            ++k;
        const QPointF a = kept.at(k);
        const QPointF b = kept.at(std::min(k + 1, kept.size() - 1));
        const double onLine
            = b.x() > a.x() ? a.y() + (b.y() - a.y()) * (p.x() - a.x()) / (b.x() - a.x()) : a.y();
        QVERIFY2(
            std::abs(onLine - p.y()) * yScale <= 0.5 + 1e-9,
            qPrintable(u"x=%1 off by %2 px"_s.arg(p.x()).arg(std::abs(onLine - p.y()) * yScale)));
    }
    for (const QPointF &p : kept)
        QVERIFY(walk.contains(p));
    // Too few points, or no scale: unchanged.
    QCOMPARE(simplifyForPixels(line.mid(0, 2), 1, 1).size(), 2);
    QCOMPARE(simplifyForPixels(line, 0, 1).size(), line.size());
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
    auto text = [&model](const QModelIndex &parent, int row, int column) {
        return model.index(row, column, parent).data().toString();
    };
    model.setNow(QDateTime::fromSecsSinceEpoch(1700000003, Qt::UTC));
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s),
                      target(u"api"_s, u"a:80"_s, u"down"_s),
                      target(u"node"_s, u"a:9100"_s, u"down"_s)});
    // Two jobs, sorted, each a group row with its counts; targets below, sorted by instance.
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.targetCount(), 3);
    QCOMPARE(text({}, 0, TargetsModel::JobColumn), u"api"_s);
    QCOMPARE(text({}, 1, TargetsModel::JobColumn), u"node"_s);
    QCOMPARE(text({}, 1, TargetsModel::InstanceColumn), u"2 target(s)"_s);
    QCOMPARE(text({}, 1, TargetsModel::HealthColumn), u"1 up, 1 down"_s);
    QCOMPARE(text({}, 0, TargetsModel::HealthColumn), u"0 up, 1 down"_s);
    QVERIFY(model.index(1, 0).data(TargetsModel::IsJobRole).toBool());
    const QModelIndex node = model.jobIndex(u"node"_s);
    QCOMPARE(node, model.index(1, 0));
    QCOMPARE(model.rowCount(node), 2);
    QCOMPARE(text(node, 0, TargetsModel::InstanceColumn), u"a:9100"_s);
    QCOMPARE(text(node, 1, TargetsModel::InstanceColumn), u"b:9100"_s);
    QCOMPARE(model.index(0, 0, node).parent(), node);
    QVERIFY(!model.index(0, 0, node).data(TargetsModel::IsJobRole).toBool());
    const QModelIndex api = model.jobIndex(u"api"_s);
    QCOMPARE(text(api, 0, TargetsModel::LastScrapeColumn), u"3 s ago"_s);
    QCOMPARE(text(api, 0, TargetsModel::DurationColumn), u"4.2 ms"_s);
    QCOMPARE(text(api, 0, TargetsModel::HealthColumn), u"down"_s);
    QCOMPARE(model.index(0, TargetsModel::HealthColumn, api).data(TargetsModel::HealthRole),
             QVariant(u"down"_s));
    // The filter text, in the job column only: a job row matches on its name only, a target on
    // its job, instance, health and error (not on the times, which move every scrape).
    QCOMPARE(model.index(1, TargetsModel::HealthColumn).data(TargetsModel::FilterRole).toString(),
             QString());
    QCOMPARE(model.index(1, TargetsModel::JobColumn).data(TargetsModel::FilterRole).toString(),
             u"node"_s);
    const QString nodeFilter
        = model.index(0, TargetsModel::JobColumn, node).data(TargetsModel::FilterRole).toString();
    QVERIFY2(nodeFilter.contains(u"node"_s) && nodeFilter.contains(u"a:9100"_s)
                 && nodeFilter.contains(u"down"_s) && !nodeFilter.contains(u"ago"_s),
             qPrintable(nodeFilter));
    QCOMPARE(model.index(0, TargetsModel::InstanceColumn, node).data(TargetsModel::FilterRole),
             QVariant(QString()));
    QCOMPARE(model.upCount(), 1);
    QCOMPARE(model.targets().size(), 3);
    QCOMPARE(model.targets().first().instance, u"a:80"_s);

    // Merge: one changes health (its row and its job's counts change), a job is added in
    // between, nothing is reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const QPersistentModelIndex kept(model.index(1, 0, node)); // node b:9100
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s), target(u"api"_s, u"a:80"_s, u"up"_s),
                      target(u"node"_s, u"a:9100"_s, u"down"_s),
                      target(u"blackbox"_s, u"c:9115"_s, u"unknown"_s)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 2); // the api target and the api job's counts
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(0).value<QModelIndex>(), QModelIndex());
    QCOMPARE(text({}, 1, TargetsModel::JobColumn), u"blackbox"_s);
    QCOMPARE(text({}, 1, TargetsModel::HealthColumn), u"0 up, 1 unknown"_s);
    QCOMPARE(text({}, 0, TargetsModel::HealthColumn), u"1 up"_s);
    QCOMPARE(model.upCount(), 2);
    QVERIFY(kept.isValid());
    QCOMPARE(kept.parent(), model.jobIndex(u"node"_s));
    QCOMPARE(kept.data().toString(), QString()); // job column of a target: the group names it
    QCOMPARE(kept.sibling(kept.row(), TargetsModel::InstanceColumn).data().toString(), u"b:9100"_s);
    // A target moves to another job.
    inserted.clear();
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s), target(u"api"_s, u"a:80"_s, u"up"_s),
                      target(u"api"_s, u"a:9100"_s, u"down"_s),
                      target(u"blackbox"_s, u"c:9115"_s, u"unknown"_s)});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(model.jobIndex(u"api"_s)), 2);
    QCOMPARE(model.rowCount(model.jobIndex(u"node"_s)), 1);
    // Removal of targets and of whole jobs.
    removed.clear();
    model.setTargets({target(u"node"_s, u"b:9100"_s, u"up"_s)});
    QCOMPARE(removed.count(), 2); // the api and blackbox jobs
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.targetCount(), 1);
    QCOMPARE(reset.count(), 0);
    model.setTargets({});
    QCOMPARE(model.rowCount(), 0);

    // Many changed targets: one dataChanged per contiguous run of changed rows, not per row.
    QList<ScrapeTarget> many;
    for (int i = 0; i < 10; ++i)
        many << target(u"node"_s, u"h%1:9100"_s.arg(i), u"up"_s);
    model.setTargets(many);
    const QModelIndex nodeJob = model.jobIndex(u"node"_s);
    changed.clear();
    for (int i : {1, 2, 3, 6, 7})
        many[i].lastScrape = many[i].lastScrape.addSecs(15);
    model.setTargets(many);
    QCOMPARE(changed.count(), 2); // rows 1-3 and 6-7; the job's counts are unchanged
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(1, 0, nodeJob));
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>(),
             model.index(3, TargetsModel::ColumnCount - 1, nodeJob));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 6);
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 7);
    // Only the scrape time moved: the roles name what changed, and not the filter text.
    auto roles = changed.at(0).at(2).value<QList<int>>();
    QVERIFY(!roles.isEmpty());
    QVERIFY(roles.contains(Qt::DisplayRole));
    QVERIFY(!roles.contains(TargetsModel::FilterRole));
    // A health change changes the filter text: that run names every role (an empty list),
    // and the job's counts change too.
    changed.clear();
    many[4].health = u"down"_s;
    model.setTargets(many);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(4, 0, nodeJob));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().isEmpty());
    QVERIFY(
        model.index(4, 0, nodeJob).data(TargetsModel::FilterRole).toString().contains(u"down"_s));
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), nodeJob);
    // Nothing changed: nothing emitted.
    changed.clear();
    model.setTargets(many);
    QCOMPARE(changed.count(), 0);
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
    // A table panel names its rows by each query's legend format (the names the controller
    // made); a series without a name gets its signature.
    Series b;
    b.labels = {{u"__name__"_s, u"up"_s}, {u"job"_s, u"db"_s}};
    b.times = {1700000000000};
    b.values = {1};
    model.setSeries({a, empty, b}, {u"backend api"_s, u"unused"_s}, u"bytes"_s);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SeriesTableModel::SeriesColumn).data().toString(), u"backend api"_s);
    QCOMPARE(model.index(1, SeriesTableModel::SeriesColumn).data().toString(), u"up{job=\"db\"}"_s);
}

QTEST_GUILESS_MAIN(TestMetricsValues)
#include "tst_metricsvalues.moc"
