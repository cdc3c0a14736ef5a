// SPDX-License-Identifier: GPL-3.0-or-later
// The bucket maths behind the heatmap and histogram panels (models/metrics/buckets.h), without
// widgets: Prometheus buckets sorted by `le` and turned from cumulative into per-bucket counts as
// Grafana's `format: heatmap` does, heatmap rows and cells, the heatmap calculated from values,
// Grafana's histogram (bucket size, offset, combine), the colour scale, and the options as the
// loader reads them from dashboards written per option (data/metrics/panels/heatmap.json,
// histogram.json) and from Ceph's real cluster dashboard (data/metrics/public/).
#include "app/prometheus/dashboardloader.h"
#include "models/common/palette.h"
#include "models/metrics/buckets.h"
#include "tests/support/fixtures.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

Q_DECLARE_METATYPE(Stackscope::HeatmapOptions)
Q_DECLARE_METATYPE(Stackscope::HistogramOptions)
Q_DECLARE_METATYPE(Stackscope::Series)

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();

Series bucket(const QString &le, const QList<double> &values, qint64 firstMs = 1000)
{
    Series s;
    s.labels = {{u"__name__"_s, u"x_bucket"_s}, {u"le"_s, le}};
    for (qsizetype i = 0; i < values.size(); ++i) {
        s.times << firstMs + 1000 * i;
        s.values << values.at(i);
    }
    return s;
}

Series plain(const QString &name, const QList<double> &values)
{
    Series s;
    s.labels = {{u"part"_s, name}};
    for (qsizetype i = 0; i < values.size(); ++i) {
        s.times << 1000 * (i + 1);
        s.values << values.at(i);
    }
    return s;
}

QStringList les(const QList<Series> &series)
{
    QStringList out;
    for (const Series &s : series)
        out << s.labels.value(u"le"_s);
    return out;
}

Dashboard load(const QString &file)
{
    Dashboard d;
    QString error;
    const bool ok
        = DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/"_s + file, &d, &error);
    if (!ok)
        qWarning() << error;
    return d;
}

const Panel *byTitle(const Dashboard &d, const QString &title)
{
    for (const Panel &p : d.panels) {
        if (p.title == title)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestBuckets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sortByLe_data();
    void sortByLe();
    void cumulativeToBuckets_data();
    void cumulativeToBuckets();
    void heatmapRowsOfBuckets();
    void heatmapRowsOfSeries();
    void calculatedHeatmap();
    void bucketSize_data();
    void bucketSize();
    void histogramBuckets_data();
    void histogramBuckets();
    void outOfRange();
    void colours_data();
    void colours();
    void heatmapOptionsFromJson_data();
    void heatmapOptionsFromJson();
    void histogramOptionsFromJson_data();
    void histogramOptionsFromJson();
    void realCephHeatmaps();
};

void TestBuckets::sortByLe_data()
{
    QTest::addColumn<QStringList>("in");
    QTest::addColumn<QStringList>("out");
    // A matrix comes sorted by label text: "10" before "2.5", "+Inf" first.
    QTest::newRow("as a matrix sorts them")
        << QStringList{u"+Inf"_s, u"0.1"_s, u"0.25"_s, u"1"_s, u"10"_s, u"2.5"_s}
        << QStringList{u"0.1"_s, u"0.25"_s, u"1"_s, u"2.5"_s, u"10"_s, u"+Inf"_s};
    QTest::newRow("exponents and integers")
        << QStringList{u"1e-05"_s, u"100"_s, u"0.001"_s, u"20"_s}
        << QStringList{u"1e-05"_s, u"0.001"_s, u"20"_s, u"100"_s};
    QTest::newRow("no le last, in their order")
        << QStringList{u""_s, u"5"_s, u"x"_s, u"1"_s} << QStringList{u"1"_s, u"5"_s, u""_s, u"x"_s};
}

void TestBuckets::sortByLe()
{
    QFETCH(QStringList, in);
    QFETCH(QStringList, out);
    QList<Series> series;
    QStringList names;
    for (const QString &le : in) {
        Series s = bucket(le, {1});
        if (le.isEmpty())
            s.labels.remove(u"le"_s);
        series << s;
        names << u"name of "_s + le;
    }
    sortByBucketBound(&series, &names);
    QCOMPARE(les(series), out);
    for (qsizetype i = 0; i < out.size(); ++i)
        QCOMPARE(names.at(i), u"name of "_s + out.at(i));
}

void TestBuckets::cumulativeToBuckets_data()
{
    QTest::addColumn<QList<Series>>("cumulative");
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QList<QList<double>>>("perBucket");
    QTest::newRow("one time, out of order")
        << QList<Series>{bucket(u"+Inf"_s, {26}), bucket(u"0.1"_s, {5}), bucket(u"10"_s, {25}),
                         bucket(u"0.25"_s, {12}), bucket(u"1"_s, {20}),  bucket(u"2.5"_s, {24})}
        << QStringList{u"0.1"_s, u"0.25"_s, u"1"_s, u"2.5"_s, u"10"_s, u"+Inf"_s}
        << QList<QList<double>>{{5}, {7}, {8}, {4}, {1}, {1}};
    QTest::newRow("over time") << QList<Series>{bucket(u"1"_s, {1, 3, 6}),
                                                bucket(u"2"_s, {2, 5, 10}),
                                                bucket(u"+Inf"_s, {2, 6, 12})}
                               << QStringList{u"1"_s, u"2"_s, u"+Inf"_s}
                               << QList<QList<double>>{{1, 3, 6}, {1, 2, 4}, {0, 1, 2}};
    // A sample missing in the lower bucket: the upper one's stays as it is at that time.
    QTest::newRow("lower bucket starts later")
        << QList<Series>{bucket(u"1"_s, {4, 6}, 2000), bucket(u"2"_s, {5, 7, 9})}
        << QStringList{u"1"_s, u"2"_s} << QList<QList<double>>{{4, 6}, {5, 3, 3}};
    // A reset between the two scrapes would make a negative count: 0.
    QTest::newRow("never negative")
        << QList<Series>{bucket(u"1"_s, {9}), bucket(u"2"_s, {3})} << QStringList{u"1"_s, u"2"_s}
        << QList<QList<double>>{{9}, {0}};
}

void TestBuckets::cumulativeToBuckets()
{
    QFETCH(QList<Series>, cumulative);
    QFETCH(QStringList, order);
    QFETCH(QList<QList<double>>, perBucket);
    QList<Series> series = cumulative;
    Stackscope::cumulativeToBuckets(&series);
    QCOMPARE(les(series), order);
    for (qsizetype i = 0; i < series.size(); ++i)
        QCOMPARE(QList<double>(series.at(i).values.cbegin(), series.at(i).values.cend()),
                 perBucket.at(i));
}

void TestBuckets::heatmapRowsOfBuckets()
{
    QList<Series> series{bucket(u"+Inf"_s, {1, 0}), bucket(u"0.1"_s, {5, 2}),
                         bucket(u"0.25"_s, {7, 3})};
    const Heatmap map = heatmapFromRows(series, {}, 1, u"s"_s);
    QCOMPARE(map.rows.size(), 3);
    QCOMPARE(map.times.size(), 2);
    QCOMPARE(map.stepMs, 1000);
    // Bottom row first, each from the row below's le.
    QCOMPARE(map.rows.at(0).lower, -Inf);
    QCOMPARE(map.rows.at(0).upper, 0.1);
    QCOMPARE(map.rows.at(1).lower, 0.1);
    QCOMPARE(map.rows.at(1).upper, 0.25);
    QCOMPARE(map.rows.at(2).lower, 0.25);
    QCOMPARE(map.rows.at(2).upper, Inf);
    QCOMPARE(map.rows.at(0).label, u"100 ms"_s);
    QCOMPARE(map.rows.at(2).label, u"+Inf"_s);
    QCOMPARE(map.count(0, 0), 5.0);
    QCOMPARE(map.count(1, 1), 3.0);
    QCOMPARE(map.count(2, 1), 0.0);
    QCOMPARE(map.min, 0.0);
    QCOMPARE(map.max, 7.0);
}

void TestBuckets::heatmapRowsOfSeries()
{
    // No le: every series a row, in the panel's order; a missing sample is no cell.
    QList<Series> series{plain(u"a"_s, {1, 2, 3}), plain(u"b"_s, {4, 5})};
    const Heatmap map = heatmapFromRows(series, {u"a"_s, u"b"_s}, 0);
    QCOMPARE(map.rows.size(), 2);
    QCOMPARE(map.rows.at(0).label, u"a"_s);
    QVERIFY(!map.rows.at(1).isBucket());
    QCOMPARE(map.stepMs, 1000); // the smallest gap without a step
    QVERIFY(std::isnan(map.count(1, 2)));
    QCOMPARE(map.count(1, 1), 5.0);
    QCOMPARE(map.min, 1.0);
    QCOMPARE(map.max, 5.0);
}

void TestBuckets::calculatedHeatmap()
{
    // Four OSDs' utilisation over two times: rows of 0.05 from 0.5 to 0.9.
    QList<Series> series{plain(u"0"_s, {0.75, 0.75}), plain(u"1"_s, {0.5, 0.5}),
                         plain(u"2"_s, {0.52, 0.9}), plain(u"3"_s, {0.9, 0.9})};
    const Heatmap map = calculateHeatmap(series, 1, u"percentunit"_s);
    QCOMPARE(map.rows.size(), 9);
    QCOMPARE(map.rows.at(0).lower, 0.5);
    QVERIFY(std::abs(map.rows.at(0).upper - 0.55) < 1e-12);
    QCOMPARE(map.rows.at(0).label, u"50 %"_s);
    QCOMPARE(calculateHeatmap(series, 1, u"percentunit"_s, 2).rows.at(1).label, u"55 %"_s);
    QCOMPARE(map.count(0, 0), 2.0); // 0.5 and 0.52
    QCOMPARE(map.count(0, 1), 1.0);
    QCOMPARE(map.count(5, 0), 1.0); // 0.75
    QCOMPARE(map.count(8, 0), 1.0); // 0.9
    QCOMPARE(map.count(8, 1), 2.0);
    QCOMPARE(map.count(3, 0), 0.0); // counted, empty
    QCOMPARE(map.max, 2.0);
    QVERIFY(calculateHeatmap({}, 1).isEmpty());
}

void TestBuckets::bucketSize_data()
{
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("size");
    QTest::newRow("0..100") << 0.0 << 100.0 << 10.0;
    QTest::newRow("100..900") << 100.0 << 900.0 << 100.0;
    QTest::newRow("0..13") << 0.0 << 13.0 << 2.0;
    QTest::newRow("0..22") << 0.0 << 22.0 << 2.5;
    QTest::newRow("0..0.4") << 0.0 << 0.4 << 0.05;
    QTest::newRow("equal") << 5.0 << 5.0 << 1.0;
}

void TestBuckets::bucketSize()
{
    QFETCH(double, min);
    QFETCH(double, max);
    QFETCH(double, size);
    QVERIFY2(std::abs(histogramBucketSize(min, max) - size) < 1e-12,
             qPrintable(QString::number(histogramBucketSize(min, max))));
}

void TestBuckets::histogramBuckets_data()
{
    QTest::addColumn<HistogramOptions>("options");
    QTest::addColumn<QList<double>>("starts");
    QTest::addColumn<QList<QList<int>>>("counts");
    const QList<double> sizes{100, 120, 180, 250, 260, 540};
    QTest::newRow("size 100 combined")
        << HistogramOptions{100, 0, true} << QList<double>{100, 200, 300, 400, 500}
        << QList<QList<int>>{{3, 2, 0, 0, 1}};
    // 100 and 120 from 50, 180 from 150, 250 and 260 from 250, 540 from 450.
    QTest::newRow("size 100 offset 50")
        << HistogramOptions{100, 50, true} << QList<double>{50, 150, 250, 350, 450}
        << QList<QList<int>>{{2, 1, 2, 0, 1}};
    QTest::newRow("auto combined") << HistogramOptions{std::nullopt, 0, true}
                                   << QList<double>{100, 150, 200, 250, 300, 350, 400, 450, 500}
                                   << QList<QList<int>>{{2, 1, 0, 2, 0, 0, 0, 0, 1}};
    // 440 bytes in buckets of a nanobyte would be 440 billion bars: the automatic size instead.
    QTest::newRow("size far too small")
        << HistogramOptions{1e-9, 0, true}
        << QList<double>{100, 150, 200, 250, 300, 350, 400, 450, 500}
        << QList<QList<int>>{{2, 1, 0, 2, 0, 0, 0, 0, 1}};
    QTest::newRow("per series") << HistogramOptions{250, 0, false} << QList<double>{0, 250, 500}
                                << QList<QList<int>>{{2, 0, 0}, {1, 2, 1}};
}

void TestBuckets::histogramBuckets()
{
    QFETCH(HistogramOptions, options);
    QFETCH(QList<double>, starts);
    QFETCH(QList<QList<int>>, counts);
    // Two series: 100 and 120 (twice over time), then 180, 250, 260 and 540.
    const QList<Series> series{plain(u"small"_s, {100, 120}),
                               plain(u"large"_s, {180, 250, 260, 540})};
    const Histogram h = histogram(series, {u"small"_s, u"large"_s}, options);
    QCOMPARE(h.starts, starts);
    QCOMPARE(h.counts.size(), counts.size());
    for (qsizetype i = 0; i < counts.size(); ++i)
        QCOMPARE(QList<int>(h.counts.at(i).cbegin(), h.counts.at(i).cend()), counts.at(i));
    QCOMPARE(h.names.size(), counts.size());
    if (!options.combine)
        QCOMPARE(h.names, (QStringList{u"small"_s, u"large"_s}));
    int max = 0;
    for (const QList<int> &c : counts)
        max = std::max(max, *std::max_element(c.cbegin(), c.cend()));
    QCOMPARE(h.maxCount, max);
}

void TestBuckets::outOfRange()
{
    // Values a double's range apart cannot be bucketed: nothing to draw, nothing undefined.
    const QList<Series> extreme{plain(u"x"_s, {-1e308, 1e308})};
    QVERIFY(histogram(extreme, {u"x"_s}, {}).isEmpty());
    QVERIFY(histogram(extreme, {u"x"_s}, {100, 0, true}).isEmpty());
    QVERIFY(calculateHeatmap(extreme, 1).isEmpty());
    // An offset that is no number: the automatic buckets without it.
    const QList<Series> sizes{plain(u"s"_s, {100, 120, 180})};
    const Histogram h = histogram(sizes, {u"s"_s}, {100, Inf, true});
    QCOMPARE(h.starts, (QList<double>{100, 110, 120, 130, 140, 150, 160, 170, 180}));
    QCOMPARE(h.counts.at(0).at(0) + h.counts.at(0).at(2) + h.counts.at(0).at(8), 3);
}

void TestBuckets::colours_data()
{
    QTest::addColumn<HeatmapOptions>("options");
    QTest::addColumn<QColor>("atMin");
    QTest::addColumn<QColor>("atMax");
    QTest::addColumn<QColor>("atQuarter");
    HeatmapOptions defaults;
    // Oranges from #fff5eb to #7f2704; a quarter of the way at the exponent 0.5 is half way (on the
    // nearest of 64 steps).
    QTest::newRow("default Oranges exponential") << defaults << QColor(0xfff5eb) << QColor(0x7f2704)
                                                 << Palette::scheme(u"Oranges"_s, 32.0 / 63);
    HeatmapOptions spectral;
    spectral.scheme = u"Spectral"_s;
    spectral.scale = HeatmapOptions::ColorScale::Linear;
    spectral.steps = 5;
    QTest::newRow("Spectral linear")
        << spectral << QColor(0x9e0142) << QColor(0x5e4fa2) << Palette::scheme(u"Spectral"_s, 0.25);
    HeatmapOptions reversed = defaults;
    reversed.scheme = u"interpolateBlues"_s;
    reversed.reverse = true;
    QTest::newRow("Blues reversed") << reversed << QColor(0x08306b) << QColor(0xf7fbff)
                                    << Palette::scheme(u"Blues"_s, 1 - 32.0 / 63);
    HeatmapOptions opacity;
    opacity.colorMode = HeatmapOptions::ColorMode::Opacity;
    opacity.fill = QColor(0, 0, 255);
    opacity.scale = HeatmapOptions::ColorScale::Linear;
    opacity.steps = 5;
    QColor low(0, 0, 255);
    low.setAlphaF(0.1f);
    QColor quarter(0, 0, 255);
    quarter.setAlphaF(0.1f + 0.9f * 0.25f);
    QTest::newRow("opacity linear") << opacity << low << QColor(0, 0, 255) << quarter;
}

void TestBuckets::colours()
{
    QFETCH(HeatmapOptions, options);
    QFETCH(QColor, atMin);
    QFETCH(QColor, atMax);
    QFETCH(QColor, atQuarter);
    QCOMPARE(heatmapColor(options, 2, 2, 10), atMin);
    QCOMPARE(heatmapColor(options, 10, 2, 10), atMax);
    const QColor q = heatmapColor(options, 4, 2, 10);
    QVERIFY2(std::abs(q.red() - atQuarter.red()) <= 2
                 && std::abs(q.green() - atQuarter.green()) <= 2
                 && std::abs(q.blue() - atQuarter.blue()) <= 2
                 && std::abs(q.alpha() - atQuarter.alpha()) <= 2,
             qPrintable(q.name(QColor::HexArgb) + u" != "_s + atQuarter.name(QColor::HexArgb)));
    // Above the top or below the bottom stays at the ends.
    QCOMPARE(heatmapColor(options, 50, 2, 10), atMax);
}

void TestBuckets::heatmapOptionsFromJson_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<bool>("calculate");
    QTest::addColumn<bool>("opacity");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<bool>("linear");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<bool>("hidesZero");
    QTest::addColumn<bool>("heatmapFormat");
    QTest::newRow("default") << u"Latency default"_s << false << false << u"Oranges"_s << false
                             << u""_s << -1 << true << true;
    QTest::newRow("Spectral linear") << u"Latency Spectral linear"_s << false << false
                                     << u"Spectral"_s << true << u"s"_s << 2 << true << true;
    QTest::newRow("opacity") << u"Latency opacity"_s << false << true << u"Oranges"_s << false
                             << u"ms"_s << -1 << true << true;
    QTest::newRow("series as rows") << u"Parts as rows"_s << false << false << u"Blues"_s << true
                                    << u""_s << -1 << true << false;
    QTest::newRow("legacy tsbuckets")
        << u"Legacy tsbuckets"_s << false << false << u"interpolateGreens"_s << true << u"s"_s << 1
        << true << true;
    QTest::newRow("legacy timeseries opacity")
        << u"Legacy timeseries opacity"_s << true << true << u"interpolateOranges"_s << true
        << u"bytes"_s << -1 << false << false;
}

void TestBuckets::heatmapOptionsFromJson()
{
    QFETCH(QString, title);
    QFETCH(bool, calculate);
    QFETCH(bool, opacity);
    QFETCH(QString, scheme);
    QFETCH(bool, linear);
    QFETCH(QString, unit);
    QFETCH(int, decimals);
    QFETCH(bool, hidesZero);
    QFETCH(bool, heatmapFormat);
    const Dashboard d = load(u"panels/heatmap.json"_s);
    const Panel *p = byTitle(d, title);
    QVERIFY(p);
    QCOMPARE(p->type, Panel::Type::Heatmap);
    const HeatmapOptions &o = p->heatmap;
    QCOMPARE(o.calculate, calculate);
    QCOMPARE(o.colorMode == HeatmapOptions::ColorMode::Opacity, opacity);
    QCOMPARE(o.scheme, scheme);
    QCOMPARE(o.scale == HeatmapOptions::ColorScale::Linear, linear);
    QCOMPARE(o.yUnit, unit);
    QCOMPARE(o.yDecimals, decimals);
    QCOMPARE(o.hideAtOrBelow.has_value() && *o.hideAtOrBelow >= 0, hidesZero);
    QCOMPARE(p->queries.value(0).heatmap, heatmapFormat);
    if (title == "Latency opacity"_L1)
        QCOMPARE(o.fill, grafanaColor(u"blue"_s));
    if (title == "Legacy timeseries opacity"_L1)
        QCOMPARE(o.fill, QColor(0xff0000));
    if (title == "Latency Spectral linear"_L1)
        QCOMPARE(o.steps, 128);
    QVERIFY2(!d.warnings.join(u' ').contains(title), qPrintable(d.warnings.join(u'\n')));
}

void TestBuckets::histogramOptionsFromJson_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<double>("size"); // 0 = automatic
    QTest::addColumn<double>("offset");
    QTest::addColumn<bool>("combine");
    QTest::newRow("size combined") << u"Sizes bucket 100 combined"_s << 100.0 << 0.0 << true;
    QTest::newRow("offset") << u"Sizes bucket 100 offset 50"_s << 100.0 << 50.0 << true;
    QTest::newRow("auto") << u"Sizes auto"_s << 0.0 << 0.0 << true;
    QTest::newRow("per series") << u"Parts per series"_s << 50.0 << 0.0 << false;
}

void TestBuckets::histogramOptionsFromJson()
{
    QFETCH(QString, title);
    QFETCH(double, size);
    QFETCH(double, offset);
    QFETCH(bool, combine);
    const Dashboard d = load(u"panels/histogram.json"_s);
    const Panel *p = byTitle(d, title);
    QVERIFY(p);
    QCOMPARE(p->type, Panel::Type::Histogram);
    QCOMPARE(p->histogram.bucketSize.value_or(0), size);
    QCOMPARE(p->histogram.bucketOffset, offset);
    QCOMPARE(p->histogram.combine, combine);
    QCOMPARE(p->unit, u"bytes"_s);
}

void TestBuckets::realCephHeatmaps()
{
    // Ceph's cluster dashboard has two legacy heatmaps that Grafana calculates from the OSDs'
    // series (dataFormat "timeseries"), in Blues, the first in percent with two decimals.
    const Dashboard d = load(u"public/ceph-cluster.json"_s);
    const Panel *util = byTitle(d, u"OSD Capacity Utilization"_s);
    QVERIFY(util);
    QCOMPARE(util->type, Panel::Type::Heatmap);
    QVERIFY(util->heatmap.calculate);
    QCOMPARE(util->heatmap.colorMode, HeatmapOptions::ColorMode::Scheme);
    QCOMPARE(Palette::scheme(util->heatmap.scheme, 1), QColor(0x08306b)); // interpolateBlues
    QCOMPARE(util->heatmap.yUnit, u"percentunit"_s);
    QCOMPARE(util->heatmap.yDecimals, 2);
    const Panel *pgs = byTitle(d, u"PGs per OSD"_s);
    QVERIFY(pgs);
    QCOMPARE(pgs->type, Panel::Type::Heatmap);
    QCOMPARE(pgs->heatmap.yUnit, u"none"_s);
    QCOMPARE(pgs->heatmap.yDecimals, -1);
    for (const QString &w : d.warnings)
        QVERIFY2(!w.contains(u"heatmap"_s), qPrintable(w)); // no longer a placeholder
}

QTEST_GUILESS_MAIN(TestBuckets)
#include "tst_buckets.moc"
