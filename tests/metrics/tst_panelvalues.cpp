// SPDX-License-Identifier: GPL-3.0-or-later
// What panels compute before they draw, without widgets: the legend's calculations, Grafana's
// "__auto" legend names, stacking (normal, percent, negatives, gaps, hidden series), the legend
// table model under QAbstractItemModelTester, and the drawing options read from Grafana JSON
// (written per option, and in real dashboards from Ceph's Debian package).
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/grafanastyle.h"
#include "models/metrics/legendcalcs.h"
#include "models/metrics/legendmodel.h"
#include "models/metrics/stacking.h"
#include "tests/support/fixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

const double NaN = std::numeric_limits<double>::quiet_NaN();

Series series(const QVector<double> &values, const Labels &labels = {}, qint64 t0 = 1000,
              qint64 step = 1000)
{
    Series s;
    s.labels = labels;
    for (qsizetype i = 0; i < values.size(); ++i) {
        s.times.append(t0 + i * step);
        s.values.append(values.at(i));
    }
    return s;
}

Panel panelOf(const QByteArray &json)
{
    Dashboard d;
    QString error;
    const QByteArray doc = "{\"panels\": [" + json + "]}";
    if (!DashboardLoader::fromGrafanaJson(doc, &d, &error) || d.panels.isEmpty())
        return {};
    return d.panels.first();
}

const Panel *findPanel(const Dashboard &d, const QString &title)
{
    for (const Panel &p : d.panels) {
        if (p.title == title)
            return &p;
    }
    return nullptr;
}

} // namespace

class TestPanelValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void calcs_data();
    void calcs();
    void calcIds();
    void autoLegend_data();
    void autoLegend();
    void stackNormal();
    void stackPercent();
    void stackNegativeAndGaps();
    void legendModel();
    void statStyle_data();
    void statStyle();
    void legendStyle_data();
    void legendStyle();
    void graphStyle_data();
    void graphStyle();
    void realDashboards();
};

void TestPanelValues::calcs_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<int>("calc");
    QTest::addColumn<double>("expected");
    const QVector<double> gappy{4, NaN, 10, 1, NaN};
    QTest::newRow("min skips NaN") << gappy << int(LegendCalc::Min) << 1.0;
    QTest::newRow("max skips NaN") << gappy << int(LegendCalc::Max) << 10.0;
    QTest::newRow("mean of the numbers") << gappy << int(LegendCalc::Mean) << 5.0;
    QTest::newRow("total of the numbers") << gappy << int(LegendCalc::Total) << 15.0;
    QTest::newRow("count of the numbers") << gappy << int(LegendCalc::Count) << 3.0;
    QTest::newRow("last is the last, NaN too") << gappy << int(LegendCalc::Last) << NaN;
    QTest::newRow("last not null") << gappy << int(LegendCalc::LastNotNull) << 1.0;
    QTest::newRow("first") << gappy << int(LegendCalc::First) << 4.0;
    QTest::newRow("first not null")
        << QVector<double>{NaN, 7, 8} << int(LegendCalc::FirstNotNull) << 7.0;
    QTest::newRow("negative min") << QVector<double>{-3, 2} << int(LegendCalc::Min) << -3.0;
    QTest::newRow("mean of nothing") << QVector<double>{NaN, NaN} << int(LegendCalc::Mean) << NaN;
    QTest::newRow("max of empty") << QVector<double>{} << int(LegendCalc::Max) << NaN;
}

void TestPanelValues::calcs()
{
    QFETCH(QVector<double>, values);
    QFETCH(int, calc);
    QFETCH(double, expected);
    const double got = legendCalcValue(series(values), LegendCalc(calc));
    if (std::isnan(expected))
        QVERIFY2(std::isnan(got), qPrintable(QString::number(got)));
    else
        QCOMPARE(got, expected);
}

void TestPanelValues::calcIds()
{
    // Grafana's reducer ids and the legacy graph legend's keys.
    QCOMPARE(legendCalcFromId(u"avg"_s), LegendCalc::Mean);
    QCOMPARE(legendCalcFromId(u"mean"_s), LegendCalc::Mean);
    QCOMPARE(legendCalcFromId(u"current"_s), LegendCalc::LastNotNull);
    QCOMPARE(legendCalcFromId(u"lastNotNull"_s), LegendCalc::LastNotNull);
    QCOMPARE(legendCalcFromId(u"sum"_s), LegendCalc::Total);
    QCOMPARE(legendCalcFromId(u"total"_s), LegendCalc::Total);
    QVERIFY(!legendCalcFromId(u"variance"_s));
    QCOMPARE(legendCalcTitle(LegendCalc::LastNotNull), u"Last *"_s);
}

void TestPanelValues::autoLegend_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QList<Labels>>("labels");
    QTest::addColumn<QStringList>("expected");
    const QString expr = u"sum(rate(x[5m]))"_s;
    QTest::newRow("auto, no labels: the expression, never {}")
        << u"__auto"_s << QList<Labels>{{}} << QStringList{expr};
    QTest::newRow("empty format, no labels: the expression")
        << QString() << QList<Labels>{{}} << QStringList{expr};
    QTest::newRow("auto, a metric name alone")
        << u"__auto"_s << QList<Labels>{{{u"__name__"_s, u"up"_s}}} << QStringList{u"up"_s};
    QTest::newRow("auto, one series: all its labels")
        << u"__auto"_s
        << QList<Labels>{{{u"__name__"_s, u"up"_s}, {u"job"_s, u"a"_s}, {u"instance"_s, u"h:1"_s}}}
        << QStringList{u"{instance=\"h:1\", job=\"a\"}"_s};
    QTest::newRow("auto, one label differs: its values")
        << u"__auto"_s
        << QList<Labels>{{{u"job"_s, u"x"_s}, {u"part"_s, u"a"_s}},
                         {{u"job"_s, u"x"_s}, {u"part"_s, u"b"_s}}}
        << QStringList{u"a"_s, u"b"_s};
    QTest::newRow("auto, two labels differ")
        << u"__auto"_s
        << QList<Labels>{{{u"job"_s, u"x"_s}, {u"part"_s, u"a"_s}, {u"mode"_s, u"r"_s}},
                         {{u"job"_s, u"x"_s}, {u"part"_s, u"b"_s}, {u"mode"_s, u"w"_s}}}
        << QStringList{u"{mode=\"r\", part=\"a\"}"_s, u"{mode=\"w\", part=\"b\"}"_s};
    QTest::newRow("custom format")
        << u"{{part}} on {{ job }}"_s << QList<Labels>{{{u"job"_s, u"x"_s}, {u"part"_s, u"a"_s}}}
        << QStringList{u"a on x"_s};
}

void TestPanelValues::autoLegend()
{
    QFETCH(QString, format);
    QFETCH(QList<Labels>, labels);
    QFETCH(QStringList, expected);
    QList<Series> list;
    for (const Labels &l : labels)
        list << series({1}, l);
    QCOMPARE(legendNames(format, u"sum(rate(x[5m]))"_s, list), expected);
}

void TestPanelValues::stackNormal()
{
    const QList<Series> in{series({1, 2, 3}), series({10, 20, 30}), series({100, 200, 300})};
    const QList<StackedBand> bands = stackSeries(in, false);
    QCOMPARE(bands.size(), 3);
    QCOMPARE(bands.at(0).lower, (QVector<double>{0, 0, 0}));
    QCOMPARE(bands.at(0).upper, (QVector<double>{1, 2, 3}));
    QCOMPARE(bands.at(1).lower, (QVector<double>{1, 2, 3}));
    QCOMPARE(bands.at(1).upper, (QVector<double>{11, 22, 33}));
    QCOMPARE(bands.at(2).upper, (QVector<double>{111, 222, 333}));
    // A hidden series adds nothing and draws nothing.
    const QList<StackedBand> without = stackSeries(in, false, {true, false, true});
    QCOMPARE(without.at(1).size(), 0);
    QCOMPARE(without.at(2).lower, (QVector<double>{1, 2, 3}));
    QCOMPARE(without.at(2).upper, (QVector<double>{101, 202, 303}));
}

void TestPanelValues::stackPercent()
{
    const QList<Series> in{series({1, 0, 5}), series({3, 0, 15})};
    const QList<StackedBand> bands = stackSeries(in, true);
    QCOMPARE(bands.at(0).upper, (QVector<double>{0.25, 0, 0.25}));
    QCOMPARE(bands.at(1).lower, (QVector<double>{0.25, 0, 0.25}));
    QCOMPARE(bands.at(1).upper, (QVector<double>{1, 0, 1})); // all zero: nothing to divide
}

void TestPanelValues::stackNegativeAndGaps()
{
    // Negative values stack down from 0, positive up; a missing or NaN sample is a gap in that
    // series' band and adds nothing to the ones above.
    Series a = series({5, 5, 5});
    Series b = series({-2, NaN, -2});
    Series c = series({1, 1}, {}, 2000); // starts a step later
    const QList<StackedBand> bands = stackSeries({a, b, c}, false);
    QCOMPARE(bands.at(1).times, (QVector<qint64>{1000, 3000}));
    QCOMPARE(bands.at(1).lower, (QVector<double>{0, 0}));
    QCOMPARE(bands.at(1).upper, (QVector<double>{-2, -2}));
    QCOMPARE(bands.at(2).times, (QVector<qint64>{2000, 3000}));
    QCOMPARE(bands.at(2).lower, (QVector<double>{5, 5}));
    QCOMPARE(bands.at(2).upper, (QVector<double>{6, 6}));
}

void TestPanelValues::legendModel()
{
    LegendModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCalcs({LegendCalc::Min, LegendCalc::Max, LegendCalc::Mean, LegendCalc::LastNotNull,
                    LegendCalc::Total});
    model.setUnit(u"bytes"_s);
    QCOMPARE(model.columnCount(), 6);
    QCOMPARE(model.headerData(4, Qt::Horizontal).toString(), u"Last *"_s);
    const Labels a{{u"part"_s, u"a"_s}};
    const Labels b{{u"part"_s, u"b"_s}};
    const QList<QColor> colors{Qt::red, Qt::blue};
    model.setSeries({series({1024, 2048, NaN}, a), series({512, 512, 512}, b)}, {u"a"_s, u"b"_s},
                    colors);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.text(0, 0), u"a"_s);
    QCOMPARE(model.text(0, 1), u"1 KiB"_s);
    QCOMPARE(model.text(0, 2), u"2 KiB"_s);
    QCOMPARE(model.text(0, 3), u"1.5 KiB"_s);
    QCOMPARE(model.text(0, 4), u"2 KiB"_s);
    QCOMPARE(model.text(0, 5), u"3 KiB"_s);
    QCOMPARE(model.data(model.index(1, 0), Qt::DecorationRole).value<QColor>(), QColor(Qt::blue));
    // A refresh merges: the rows stay, their values change in place.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setSeries({series({4096}, a), series({512}, b)}, {u"a"_s, u"b"_s}, colors, {u"b"_s});
    QCOMPARE(inserted.size(), 0);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(model.text(0, 4), u"4 KiB"_s);
    QCOMPARE(model.data(model.index(1, 0), LegendModel::VisibleRole).toBool(), false);
    // Grafana's sortBy names a column by its title; sorted on the raw value, not the text.
    QCOMPARE(model.columnForTitle(u"Last *"_s), 4);
    QCOMPARE(model.columnForTitle(u"current"_s), 4); // the legacy graph's key
    QCOMPARE(model.columnForTitle(u"Name"_s), 0);
    QCOMPARE(model.columnForTitle(u"Variance"_s), -1);
    model.setSeries({series({4096}, a), series({512}, b), series({1024 * 1024}, {})},
                    {u"a"_s, u"b"_s, u"c"_s}, {Qt::red, Qt::blue, Qt::green});
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(LegendModel::SortRole);
    proxy.sort(4, Qt::DescendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order << proxy.index(row, 0).data().toString();
    QCOMPARE(order, (QStringList{u"c"_s, u"a"_s, u"b"_s}));
}

void TestPanelValues::statStyle_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("colorMode");
    QTest::addColumn<bool>("sparkline");
    QTest::addColumn<int>("textMode");
    using C = StatStyle::ColorMode;
    using T = StatStyle::TextMode;
    QTest::newRow("stat, no options: value colour, sparkline")
        << QByteArray(R"({"type": "stat"})") << int(C::Value) << true << int(T::Auto);
    QTest::newRow("stat none") << QByteArray(
        R"({"type": "stat", "options": {"colorMode": "none", "graphMode": "none"}})")
                               << int(C::None) << false << int(T::Auto);
    QTest::newRow("stat background, value_and_name") << QByteArray(
        R"({"type": "stat", "options": {"colorMode": "background", "textMode": "value_and_name"}})")
                                                     << int(C::Background) << true
                                                     << int(T::ValueAndName);
    QTest::newRow("stat background_solid, name") << QByteArray(
        R"({"type": "stat", "options": {"colorMode": "background_solid", "textMode": "name"}})")
                                                 << int(C::Background) << true << int(T::Name);
    QTest::newRow("singlestat without colours")
        << QByteArray(R"({"type": "singlestat", "thresholds": "1,2", "colorValue": false})")
        << int(C::None) << false << int(T::Auto);
    QTest::newRow("singlestat colorValue, sparkline")
        << QByteArray(R"({"type": "singlestat", "colorValue": true, "sparkline": {"show": true}})")
        << int(C::Value) << true << int(T::Auto);
    QTest::newRow("singlestat colorBackground")
        << QByteArray(R"({"type": "singlestat", "colorBackground": true, "colorValue": true})")
        << int(C::Background) << false << int(T::Auto);
}

void TestPanelValues::statStyle()
{
    QFETCH(QByteArray, json);
    QFETCH(int, colorMode);
    QFETCH(bool, sparkline);
    QFETCH(int, textMode);
    const Panel panel = panelOf(json);
    QCOMPARE(panel.type, Panel::Type::Stat);
    QCOMPARE(int(panel.style.stat.colorMode), colorMode);
    QCOMPARE(panel.style.stat.sparkline, sparkline);
    QCOMPARE(int(panel.style.stat.textMode), textMode);
}

void TestPanelValues::legendStyle_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("mode");
    QTest::addColumn<QList<LegendCalc>>("calcs");
    QTest::addColumn<QString>("sortBy");
    QTest::addColumn<bool>("sortDesc");
    QTest::addColumn<bool>("right");
    using M = LegendStyle::Mode;
    QTest::newRow("timeseries default") << QByteArray(R"({"type": "timeseries"})") << int(M::List)
                                        << QList<LegendCalc>{} << QString() << false << false;
    QTest::newRow("table with calcs and sort")
        << QByteArray(R"({"type": "timeseries", "options": {"legend": {"displayMode": "table",
             "placement": "right", "calcs": ["min", "max", "mean", "lastNotNull", "sum", "variance"],
             "sortBy": "Max", "sortDesc": true}}})")
        << int(M::Table)
        << QList<LegendCalc>{LegendCalc::Min, LegendCalc::Max, LegendCalc::Mean,
                             LegendCalc::LastNotNull, LegendCalc::Total}
        << u"Max"_s << true << true;
    QTest::newRow("showLegend false")
        << QByteArray(R"({"type": "timeseries", "options": {"legend": {"displayMode": "list",
             "showLegend": false}}})")
        << int(M::Hidden) << QList<LegendCalc>{} << QString() << false << false;
    QTest::newRow("legacy graph table")
        << QByteArray(R"({"type": "graph", "legend": {"show": true, "alignAsTable": true,
             "values": true, "min": true, "max": false, "avg": true, "current": true,
             "total": true, "sort": "current", "sortDesc": true}})")
        << int(M::Table)
        << QList<LegendCalc>{LegendCalc::Min, LegendCalc::Mean, LegendCalc::LastNotNull,
                             LegendCalc::Total}
        << u"current"_s << true << false;
    QTest::newRow("legacy graph values off: no columns")
        << QByteArray(R"({"type": "graph", "legend": {"show": true, "values": false,
             "min": true, "max": true}})")
        << int(M::List) << QList<LegendCalc>{} << QString() << false << false;
    QTest::newRow("legacy graph hidden")
        << QByteArray(R"({"type": "graph", "legend": {"show": false}})") << int(M::Hidden)
        << QList<LegendCalc>{} << QString() << false << false;
}

void TestPanelValues::legendStyle()
{
    QFETCH(QByteArray, json);
    QFETCH(int, mode);
    QFETCH(QList<LegendCalc>, calcs);
    QFETCH(QString, sortBy);
    QFETCH(bool, sortDesc);
    QFETCH(bool, right);
    const LegendStyle legend = panelOf(json).style.legend;
    QCOMPARE(int(legend.mode), mode);
    QCOMPARE(legend.calcs, calcs);
    QCOMPARE(legend.sortBy, sortBy);
    QCOMPARE(legend.sortDesc, sortDesc);
    QCOMPARE(legend.right, right);
}

void TestPanelValues::graphStyle_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("stacking");
    QTest::addColumn<int>("draw");
    QTest::addColumn<int>("fill");
    QTest::addColumn<double>("lineWidth");
    using S = GraphStyle::Stacking;
    using D = GraphStyle::Draw;
    QTest::newRow("timeseries default")
        << QByteArray(R"({"type": "timeseries"})") << int(S::None) << int(D::Lines) << 0 << 1.0;
    QTest::newRow("stacking normal")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "stacking": {"mode": "normal", "group": "A"}, "fillOpacity": 30, "lineWidth": 2}}}})")
        << int(S::Normal) << int(D::Lines) << 30 << 2.0;
    QTest::newRow("stacking percent, bars")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "stacking": {"mode": "percent"}, "drawStyle": "bars"}}}})")
        << int(S::Percent) << int(D::Bars) << 0 << 1.0;
    QTest::newRow("stacking none, points")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "stacking": {"mode": "none"}, "drawStyle": "points"}}}})")
        << int(S::None) << int(D::Points) << 0 << 1.0;
    QTest::newRow("legacy graph: fill 1 by default")
        << QByteArray(R"({"type": "graph"})") << int(S::None) << int(D::Lines) << 10 << 1.0;
    QTest::newRow("legacy stack") << QByteArray(
        R"({"type": "graph", "stack": true, "fill": 3, "linewidth": 2})")
                                  << int(S::Normal) << int(D::Lines) << 30 << 2.0;
    QTest::newRow("legacy percentage")
        << QByteArray(R"({"type": "graph", "stack": true, "percentage": true, "fill": 0})")
        << int(S::Percent) << int(D::Lines) << 0 << 1.0;
    QTest::newRow("legacy percentage without stack stays unstacked")
        << QByteArray(R"({"type": "graph", "percentage": true})") << int(S::None) << int(D::Lines)
        << 10 << 1.0;
    QTest::newRow("legacy bars") << QByteArray(R"({"type": "graph", "bars": true, "lines": false})")
                                 << int(S::None) << int(D::Bars) << 10 << 1.0;
    QTest::newRow("legacy points")
        << QByteArray(R"({"type": "graph", "points": true, "lines": false})") << int(S::None)
        << int(D::Points) << 10 << 1.0;
}

void TestPanelValues::graphStyle()
{
    QFETCH(QByteArray, json);
    QFETCH(int, stacking);
    QFETCH(int, draw);
    QFETCH(int, fill);
    QFETCH(double, lineWidth);
    const GraphStyle graph = panelOf(json).style.graph;
    QCOMPARE(int(graph.stacking), stacking);
    QCOMPARE(int(graph.draw), draw);
    QCOMPARE(graph.fillOpacity, fill);
    QCOMPARE(graph.lineWidth, lineWidth);
}

void TestPanelValues::realDashboards()
{
    // Ceph's dashboards as Debian ships them (tests/data/metrics/public/SOURCES.md).
    Dashboard cluster;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(Test::testData(u"metrics/public/ceph-cluster.json"_s),
                                              &cluster, &error),
             qPrintable(error));
    // "Capacity used" has thresholds 0.7 and 0.8 but colours nothing: no false alarm.
    const Panel *capacity = findPanel(cluster, u"Capacity used"_s);
    QVERIFY(capacity);
    QCOMPARE(capacity->thresholds.size(), 3);
    QCOMPARE(capacity->style.stat.colorMode, StatStyle::ColorMode::None);
    QVERIFY(capacity->style.stat.sparkline);
    const Panel *health = findPanel(cluster, u"Health Status"_s);
    QVERIFY(health);
    QCOMPARE(health->style.stat.colorMode, StatStyle::ColorMode::Background);
    QVERIFY(!health->style.stat.sparkline);
    const Panel *osds = findPanel(cluster, u"OSDs"_s);
    QVERIFY(osds);
    QCOMPARE(osds->style.stat.colorMode, StatStyle::ColorMode::Background);

    Dashboard rgw;
    QVERIFY2(DashboardLoader::fromGrafanaJson(
                 Test::testData(u"metrics/public/radosgw-overview.json"_s), &rgw, &error),
             qPrintable(error));
    int tables = 0;
    for (const Panel &p : std::as_const(rgw.panels)) {
        if (p.style.legend.mode != LegendStyle::Mode::Table)
            continue;
        ++tables;
        QCOMPARE(p.style.legend.calcs,
                 (QList<LegendCalc>{LegendCalc::Min, LegendCalc::Max, LegendCalc::Mean,
                                    LegendCalc::LastNotNull}));
    }
    QCOMPARE(tables, 4);

    Dashboard sync;
    QVERIFY2(DashboardLoader::fromGrafanaJson(
                 Test::testData(u"metrics/public/radosgw-sync-overview.json"_s), &sync, &error),
             qPrintable(error));
    int stacked = 0;
    for (const Panel &p : std::as_const(sync.panels)) {
        if (p.style.graph.stacking == GraphStyle::Stacking::Normal) {
            ++stacked;
            QCOMPARE(p.style.graph.fillOpacity, 10);
        }
    }
    QCOMPARE(stacked, 4);
}

QTEST_GUILESS_MAIN(TestPanelValues)
#include "tst_panelvalues.moc"
