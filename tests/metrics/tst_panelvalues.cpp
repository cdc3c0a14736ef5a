// SPDX-License-Identifier: GPL-3.0-or-later
// What panels compute before they draw, without widgets: the legend's calculations, Grafana's
// "__auto" legend names, stacking (normal, percent, negatives, gaps, hidden series), the legend
// table model under QAbstractItemModelTester, and the drawing options read from Grafana JSON
// (written per option, and in real dashboards from Ceph's Debian package and the Redis exporter):
// axes, thresholds styles, series on the right or below zero, a panel's own time and shift, the
// dashboard's time, and links (safe URLs only); value mappings, field overrides and display
// names (fieldconfig.h) read from Grafana JSON written per option and from the singlestats of
// Ceph's and the Elasticsearch exporter's Debian packages.
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/grafanastyle.h"
#include "models/common/format.h"
#include "models/metrics/dashboardlinks.h"
#include "models/metrics/fieldconfig.h"
#include "models/metrics/legendcalcs.h"
#include "models/metrics/legendmodel.h"
#include "models/metrics/paneldata.h"
#include "models/metrics/paneltime.h"
#include "models/metrics/seriesaxis.h"
#include "models/metrics/seriestablemodel.h"
#include "models/metrics/stacking.h"
#include "tests/support/fixtures.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
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

Q_DECLARE_METATYPE(Stackscope::GraphStyle)

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
    void axisOptions_data();
    void axisOptions();
    void seriesAxisRules_data();
    void seriesAxisRules();
    void panelTime_data();
    void panelTime();
    void dashboardTime_data();
    void dashboardTime();
    void links_data();
    void links();
    void linkedDashboards();
    void realDashboards();
    void mappings_data();
    void mappings();
    void overrides_data();
    void overrides();
    void displayNames_data();
    void displayNames();
    void decimals_data();
    void decimals();
    void fieldModels();
    void realMappings();
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

void TestPanelValues::axisOptions_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<GraphStyle>("expected");
    GraphStyle plain;
    QTest::newRow("timeseries default") << QByteArray(R"({"type": "timeseries"})") << plain;
    GraphStyle log2 = plain;
    log2.logBase = 2;
    QTest::newRow("log, base 2 by default")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "scaleDistribution": {"type": "log"}}}}})")
        << log2;
    GraphStyle log10 = plain;
    log10.logBase = 10;
    log10.softMin = 1;
    log10.softMax = 1000;
    QTest::newRow("log 10 with soft limits")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "scaleDistribution": {"type": "log", "log": 10}, "axisSoftMin": 1,
             "axisSoftMax": 1000}}}})")
        << log10;
    QTest::newRow("linear scale") << QByteArray(
        R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "scaleDistribution": {"type": "linear"}}}}})")
                                  << plain;
    GraphStyle right = plain;
    right.placement = GraphStyle::Placement::Right;
    right.negativeY = true;
    right.gradient = GraphStyle::Gradient::Opacity;
    QTest::newRow("right, negative-Y, opacity gradient")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "axisPlacement": "right", "transform": "negative-Y",
             "gradientMode": "opacity"}}}})")
        << right;
    GraphStyle hidden = plain;
    hidden.placement = GraphStyle::Placement::Hidden;
    hidden.gradient = GraphStyle::Gradient::Hue;
    QTest::newRow("hidden axis, hue gradient")
        << QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
             "axisPlacement": "hidden", "gradientMode": "hue"}}}})")
        << hidden;
    const struct
    {
        const char *mode;
        GraphStyle::Thresholds style;
    } modes[] = {{"off", GraphStyle::Thresholds::Off},
                 {"line", GraphStyle::Thresholds::Line},
                 {"area", GraphStyle::Thresholds::Area},
                 {"line+area", GraphStyle::Thresholds::LineAndArea},
                 {"dashed", GraphStyle::Thresholds::Dashed},
                 {"dashed+area", GraphStyle::Thresholds::DashedAndArea}};
    for (const auto &m : modes) {
        GraphStyle t = plain;
        t.thresholds = m.style;
        QTest::addRow("thresholdsStyle %s", m.mode)
            << (QByteArray(R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
                 "thresholdsStyle": {"mode": ")")
                + m.mode + "\"}}}}}")
            << t;
    }
    GraphStyle legacy = plain;
    legacy.fillOpacity = 10;
    legacy.logBase = 10;
    legacy.rightUnit = u"percent"_s;
    legacy.rightShown = false;
    legacy.gradient = GraphStyle::Gradient::Opacity;
    QTest::newRow("legacy graph yaxes and fillGradient")
        << QByteArray(R"({"type": "graph", "fillGradient": 4, "yaxes": [
             {"format": "bytes", "logBase": 10, "show": true},
             {"format": "percent", "logBase": 1, "show": false}]})")
        << legacy;
    GraphStyle legacyLinear = plain;
    legacyLinear.fillOpacity = 10;
    legacyLinear.rightUnit = u"short"_s;
    QTest::newRow("legacy logBase 1 is linear")
        << QByteArray(R"({"type": "graph", "yaxes": [{"format": "short", "logBase": 1},
             {"format": "short", "logBase": 1}]})")
        << legacyLinear;
}

void TestPanelValues::axisOptions()
{
    QFETCH(QByteArray, json);
    QFETCH(GraphStyle, expected);
    const GraphStyle graph = panelOf(json).style.graph;
    QCOMPARE(graph.logBase, expected.logBase);
    QCOMPARE(graph.softMin, expected.softMin);
    QCOMPARE(graph.softMax, expected.softMax);
    QCOMPARE(int(graph.placement), int(expected.placement));
    QCOMPARE(graph.negativeY, expected.negativeY);
    QCOMPARE(int(graph.gradient), int(expected.gradient));
    QCOMPARE(int(graph.thresholds), int(expected.thresholds));
    QCOMPARE(graph.rightUnit, expected.rightUnit);
    QCOMPARE(graph.rightShown, expected.rightShown);
    QVERIFY(graph == expected);
}

void TestPanelValues::seriesAxisRules_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("right");
    QTest::addColumn<bool>("negated");
    const QByteArray legacy = R"({"type": "graph", "seriesOverrides": [
        {"alias": "reclaims", "yaxis": 2},
        {"alias": "/.*tx/", "transform": "negative-Y"},
        {"alias": "/^RX/i", "yaxis": 2, "transform": "negative-Y"},
        {"alias": "both", "yaxis": 2},
        {"alias": "both", "yaxis": 1},
        {"alias": "", "yaxis": 2}]})";
    QTest::newRow("alias on the right") << legacy << u"reclaims"_s << true << false;
    QTest::newRow("alias is exact") << legacy << u"reclaims total"_s << false << false;
    QTest::newRow("regex negative-Y") << legacy << u"eth0 tx"_s << false << true;
    QTest::newRow("regex with flags") << legacy << u"rx eth0"_s << true << true;
    QTest::newRow("the later rule wins") << legacy << u"both"_s << false << false;
    QTest::newRow("no rule, no alias") << legacy << u"other"_s << false << false;
    const QByteArray defaults = R"({"type": "timeseries", "fieldConfig": {"defaults": {"custom": {
        "axisPlacement": "right", "transform": "negative-Y"}}}})";
    QTest::newRow("defaults for every series") << defaults << u"any"_s << true << true;
}

void TestPanelValues::seriesAxisRules()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, name);
    QFETCH(bool, right);
    QFETCH(bool, negated);
    const Panel panel = panelOf(json);
    const SeriesAxis axis = seriesAxis(panel.style.graph, panel.axisRules, name);
    QCOMPARE(axis.right, right);
    QCOMPARE(axis.negativeY, negated);
}

void TestPanelValues::panelTime_data()
{
    QTest::addColumn<QString>("timeFrom");
    QTest::addColumn<QString>("timeShift");
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<qint64>("startAgo"); ///< seconds before now the panel's window starts
    QTest::addColumn<qint64>("endAgo");
    QTest::addColumn<QString>("info");
    // The dashboard's window: the last 6 hours (relative) or 08:00–09:00 (absolute).
    QTest::newRow("none") << QString() << QString() << false << 21600ll << 0ll << QString();
    QTest::newRow("timeFrom 1h") << u"1h"_s << QString() << false << 3600ll << 0ll
                                 << u"Last 1 hour"_s;
    QTest::newRow("timeFrom now-90m")
        << u"now-90m"_s << QString() << false << 5400ll << 0ll << u"Last 1h30m"_s;
    QTest::newRow("timeShift 1h") << QString() << u"1h"_s << false << 25200ll << 3600ll
                                  << u"timeshift -1h"_s;
    QTest::newRow("both") << u"1h"_s << u"1d"_s << false << 90000ll << 86400ll
                          << u"Last 1 hour, timeshift -1d"_s;
    QTest::newRow("unreadable is none")
        << u"soon"_s << u"now/d"_s << false << 21600ll << 0ll << QString();
    // Absolute dashboard (ends 1 h before now): the override counts back from its end.
    QTest::newRow("absolute, timeFrom 15m")
        << u"15m"_s << QString() << true << 4500ll << 3600ll << u"Last 15 minutes"_s;
}

void TestPanelValues::panelTime()
{
    QFETCH(QString, timeFrom);
    QFETCH(QString, timeShift);
    QFETCH(bool, absolute);
    QFETCH(qint64, startAgo);
    QFETCH(qint64, endAgo);
    QFETCH(QString, info);
    Panel panel;
    panel.timeFrom = timeFrom;
    panel.timeShift = timeShift;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    QDateTime start = absolute ? now.addSecs(-7200) : now.addSecs(-21600);
    QDateTime end = absolute ? now.addSecs(-3600) : now;
    PanelTime::panelWindow(panel, absolute, now, &start, &end);
    QCOMPARE(start.secsTo(now), startAgo);
    QCOMPARE(end.secsTo(now), endAgo);
    QCOMPARE(PanelTime::info(panel), info);
}

void TestPanelValues::dashboardTime_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<double>("relative");
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDateTime>("end");
    QTest::newRow("now-6h") << u"now-6h"_s << u"now"_s << 21600.0 << QDateTime() << QDateTime();
    QTest::newRow("now-2d") << u"now-2d"_s << u"now"_s << 172800.0 << QDateTime() << QDateTime();
    QTest::newRow("rounded: left to the picker")
        << u"now/d"_s << u"now/d"_s << 0.0 << QDateTime() << QDateTime();
    QTest::newRow("to in the past: left to the picker")
        << u"now-24h"_s << u"now-1h"_s << 0.0 << QDateTime() << QDateTime();
    const QDateTime s = QDateTime::fromString(u"2024-05-01T08:00:00Z"_s, Qt::ISODate);
    const QDateTime e = QDateTime::fromString(u"2024-05-01T09:30:00Z"_s, Qt::ISODate);
    QTest::newRow("absolute ISO") << u"2024-05-01T08:00:00.000Z"_s << u"2024-05-01T09:30:00Z"_s
                                  << 0.0 << s << e;
    QTest::newRow("absolute epoch ms") << QString::number(s.toMSecsSinceEpoch())
                                       << QString::number(e.toMSecsSinceEpoch()) << 0.0 << s << e;
    QTest::newRow("absolute, end before start")
        << u"2024-05-01T09:30:00Z"_s << u"2024-05-01T08:00:00Z"_s << 0.0 << QDateTime()
        << QDateTime();
    QTest::newRow("none") << QString() << QString() << 0.0 << QDateTime() << QDateTime();
}

void TestPanelValues::dashboardTime()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(double, relative);
    QFETCH(QDateTime, start);
    QFETCH(QDateTime, end);
    const QString json
        = u"{\"panels\": [], \"time\": {\"from\": \"%1\", \"to\": \"%2\"}}"_s.arg(from, to);
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json.toUtf8(), &d, &error), qPrintable(error));
    QCOMPARE(d.timeFrom, from);
    const PanelTime::DashboardWindow window = PanelTime::dashboardWindow(d.timeFrom, d.timeTo);
    QCOMPARE(window.relativeSeconds, relative);
    QCOMPARE(window.start, start);
    QCOMPARE(window.end, end);
}

void TestPanelValues::links_data()
{
    QTest::addColumn<QByteArray>("link");
    QTest::addColumn<QString>("expected"); ///< empty: refused
    QTest::newRow("plain https") << QByteArray(
        R"({"type": "link", "url": "https://example.org/runbook"})")
                                 << u"https://example.org/runbook"_s;
    QTest::newRow("variables") << QByteArray(R"({"type": "link",
        "url": "http://grafana.example:3000/d/x?var-job=${job}&host=$host"})")
                               << u"http://grafana.example:3000/d/x?var-job=node&host=web%201"_s;
    QTest::newRow("queryparam format") << QByteArray(R"({"type": "link",
        "url": "https://g.example/d/x?${job:queryparam}"})")
                                       << u"https://g.example/d/x?var-job=node"_s;
    QTest::newRow("url time range")
        << QByteArray(R"({"type": "link",
        "url": "https://g.example/d/x?${__url_time_range}&orgId=1"})")
        << u"https://g.example/d/x?from=1700000000000&to=1700003600000&orgId=1"_s;
    QTest::newRow("keepTime and includeVars")
        << QByteArray(R"({"type": "link",
        "url": "https://g.example/d/x#panel", "keepTime": true, "includeVars": true})")
        << u"https://g.example/d/"
           "x?var-job=node&var-host=web%201&var-evil=javascript%3A&from=1700000000000&to="
           "1700003600000#panel"_s;
    QTest::newRow("javascript refused")
        << QByteArray(R"({"type": "link", "url": "javascript:void0"})") << QString();
    QTest::newRow("file refused") << QByteArray(R"({"type": "link", "url": "file:///etc/passwd"})")
                                  << QString();
    QTest::newRow("relative refused")
        << QByteArray(R"({"type": "link", "url": "/d/abc/other?orgId=1"})") << QString();
    QTest::newRow("a variable cannot make a scheme")
        << QByteArray(R"({"type": "link", "url": "${evil}//example.org"})") << QString();
    QTest::newRow("a raw variable cannot make a scheme either")
        << QByteArray(R"({"type": "link", "url": "${evil:raw}void0"})") << QString();
}

void TestPanelValues::links()
{
    QFETCH(QByteArray, link);
    QFETCH(QString, expected);
    // A dashboard link and the same as a panel's link: read the same, resolved the same.
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson("{\"links\": [" + link
                                                  + "], \"panels\": [{\"type\": \"timeseries\", "
                                                    "\"links\": ["
                                                  + link + "]}]}",
                                              &d, &error),
             qPrintable(error));
    QCOMPARE(d.links.size(), 1);
    QCOMPARE(d.panels.first().links, d.links);
    DashboardVariable job;
    job.name = u"job"_s;
    job.options = {u"node"_s};
    job.current = {u"node"_s};
    DashboardVariable host = job;
    host.name = u"host"_s;
    host.options = host.current = {u"web 1"_s};
    DashboardVariable evil = job;
    evil.name = u"evil"_s;
    evil.options = evil.current = {u"javascript:"_s};
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
    const QUrl url
        = DashboardLinks::resolve(d.links.first(), {job, host, evil}, from, from.addSecs(3600));
    if (expected.isEmpty())
        QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
    else
        QCOMPARE(url.toString(QUrl::FullyEncoded), expected);
}

void TestPanelValues::linkedDashboards()
{
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(R"({"uid": "host", "title": "Host", "tags": ["node"],
        "panels": [], "links": [{"type": "dashboards", "tags": ["node", "linux"], "asDropdown": true,
        "title": "Linux"}, {"type": "link", "title": "No URL"}]})",
                                              &d, &error),
             qPrintable(error));
    QCOMPARE(d.tags, QStringList{u"node"_s});
    QCOMPARE(d.links.size(), 1); // a link without a URL is dropped
    const DashboardLink &link = d.links.first();
    QCOMPARE(link.type, DashboardLink::Type::Dashboards);
    QCOMPARE(link.tags, (QStringList{u"node"_s, u"linux"_s}));
    QVERIFY(link.asDropdown);
    Dashboard a, b, c, self;
    a.uid = u"a"_s;
    a.title = u"zfs"_s;
    a.tags = {u"linux"_s, u"node"_s, u"zfs"_s};
    b.uid = u"b"_s;
    b.title = u"Disks"_s;
    b.tags = {u"node"_s, u"linux"_s};
    c.uid = u"c"_s;
    c.title = u"Windows"_s;
    c.tags = {u"node"_s};
    self.uid = u"host"_s;
    self.tags = {u"node"_s, u"linux"_s};
    const QList<Dashboard> found = DashboardLinks::matching(link, {a, b, c, self}, u"host"_s);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).title, u"Disks"_s); // by title
    QCOMPARE(found.at(1).title, u"zfs"_s);
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

    // Ceph's "Cluster I/O" draws its reads below zero; the rest of its series above.
    const Panel *io = findPanel(cluster, u"Cluster I/O"_s);
    QVERIFY(io);
    QVERIFY(seriesAxis(io->style.graph, io->axisRules, u"Reads"_s).negativeY);
    QVERIFY(!seriesAxis(io->style.graph, io->axisRules, u"Writes"_s).negativeY);

    // The Redis exporter's own dashboard: the last 24 hours, reclaims on the right axis, and
    // stat panels over their own last minute.
    Dashboard redis;
    QVERIFY2(DashboardLoader::fromGrafanaJson(
                 Test::testData(u"metrics/public/redis-exporter.json"_s), &redis, &error),
             qPrintable(error));
    QCOMPARE(PanelTime::dashboardWindow(redis.timeFrom, redis.timeTo).relativeSeconds, 86400.0);
    const Panel *expired = findPanel(redis, u"Expired/Evicted Keys"_s);
    QVERIFY(expired);
    QVERIFY(seriesAxis(expired->style.graph, expired->axisRules, u"reclaims"_s).right);
    QVERIFY(!seriesAxis(expired->style.graph, expired->axisRules, u"expired"_s).right);
    const Panel *clients = findPanel(redis, u"Clients"_s);
    QVERIFY(clients);
    QCOMPARE(clients->timeFrom, u"1m"_s);
    QCOMPARE(PanelTime::info(*clients), u"Last 1m"_s);
}

namespace {

/// The mappings of a panel whose fieldConfig.defaults.mappings is `json` (an array).
QList<ValueMapping> mappingsOf(const QByteArray &json)
{
    const Panel p = panelOf(R"({"type": "stat", "targets": [{"expr": "up", "refId": "A"}],
        "fieldConfig": {"defaults": {"mappings": )"
                            + json + "}}}");
    return p.fields.defaults.mappings.value_or(QList<ValueMapping>{});
}

} // namespace

void TestPanelValues::mappings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<double>("value"); // NaN with `isNull` = no sample
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QString>("text"); // "" = not mapped (the value's own text)
    QTest::addColumn<QColor>("color");
    const QByteArray value
        = R"([{"type": "value", "options": {"1": {"text": "UP", "color": "green", "index": 0},
              "0": {"text": "DOWN", "color": "red", "index": 1}}}])";
    QTest::newRow("value 1") << value << 1.0 << false << u"UP"_s << grafanaColor(u"green"_s);
    QTest::newRow("value 0") << value << 0.0 << false << u"DOWN"_s << grafanaColor(u"red"_s);
    QTest::newRow("value 2 unmapped") << value << 2.0 << false << QString() << QColor();
    QTest::newRow("value null unmapped") << value << NaN << true << QString() << QColor();
    const QByteArray range = R"([{"type": "range", "options": {"from": 10, "to": 20,
              "result": {"text": "teens", "color": "#00ff00"}}},
              {"type": "range", "options": {"from": null, "to": 0,
              "result": {"text": "none or less"}}}])";
    QTest::newRow("range inside") << range << 15.0 << false << u"teens"_s << QColor(0, 255, 0);
    QTest::newRow("range edge") << range << 20.0 << false << u"teens"_s << QColor(0, 255, 0);
    QTest::newRow("range above") << range << 20.5 << false << QString() << QColor();
    QTest::newRow("range open below") << range << -7.0 << false << u"none or less"_s << QColor();
    const QByteArray regex = R"([{"type": "regex", "options": {"pattern": "/^(\\d)00$/",
              "result": {"text": "$1 hundred", "color": "blue"}}},
              {"type": "regex", "options": {"pattern": "4.", "result": {"text": "forty-something"}}}])";
    QTest::newRow("regex with capture")
        << regex << 300.0 << false << u"3 hundred"_s << grafanaColor(u"blue"_s);
    QTest::newRow("regex no match") << regex << 301.0 << false << QString() << QColor();
    QTest::newRow("regex plain is whole")
        << regex << 42.0 << false << u"forty-something"_s << QColor();
    QTest::newRow("regex plain not part") << regex << 142.0 << false << QString() << QColor();
    const QByteArray special
        = R"([{"type": "special", "options": {"match": "nan", "result": {"text": "not a number"}}},
              {"type": "special", "options": {"match": "null", "result": {"text": "no sample",
               "color": "purple"}}}])";
    QTest::newRow("special NaN") << special << NaN << false << u"not a number"_s << QColor();
    QTest::newRow("special null") << special << NaN << true << u"no sample"_s
                                  << grafanaColor(u"purple"_s);
    QTest::newRow("special number") << special << 1.0 << false << QString() << QColor();
    const QByteArray both
        = R"([{"type": "special", "options": {"match": "null+nan", "result": {"text": "n/a"}}}])";
    QTest::newRow("null+nan NaN") << both << NaN << false << u"n/a"_s << QColor();
    QTest::newRow("null+nan null") << both << NaN << true << u"n/a"_s << QColor();
    // Grafana 7's form, which Grafana 8 migrates.
    const QByteArray seven = R"([{"id": 0, "type": 1, "value": "1", "text": "Up"},
              {"id": 1, "type": 2, "from": "2", "to": "5", "text": "Some"},
              {"id": 2, "type": 1, "value": "null", "text": "Nothing"}])";
    QTest::newRow("grafana 7 value") << seven << 1.0 << false << u"Up"_s << QColor();
    QTest::newRow("grafana 7 range") << seven << 3.0 << false << u"Some"_s << QColor();
    QTest::newRow("grafana 7 null") << seven << NaN << true << u"Nothing"_s << QColor();
    // The first match wins, as in Grafana.
    const QByteArray order
        = R"([{"type": "range", "options": {"from": 0, "to": 10, "result": {"text": "first"}}},
              {"type": "value", "options": {"5": {"text": "second"}}}])";
    QTest::newRow("first match wins") << order << 5.0 << false << u"first"_s << QColor();
}

void TestPanelValues::mappings()
{
    QFETCH(QByteArray, json);
    QFETCH(double, value);
    QFETCH(bool, isNull);
    QFETCH(QString, text);
    QFETCH(QColor, color);
    const QList<ValueMapping> mappings = mappingsOf(json);
    QVERIFY(!mappings.isEmpty());
    const auto mapped = mapValue(mappings, isNull ? std::nullopt : std::optional<double>(value));
    QCOMPARE(mapped ? mapped->text : QString(), text);
    QCOMPARE(mapped ? mapped->color : QColor(), color);
    if (!isNull) {
        // What a stat writes: the mapping's text, else the value itself.
        FieldDisplay field;
        field.mappings = mappings;
        QCOMPARE(field.text(value), text.isEmpty() ? Format::value(value, QString()) : text);
    }
}

void TestPanelValues::overrides_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("refId");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<double>("max");
    QTest::addColumn<QColor>("color");
    QTest::addColumn<bool>("hiddenFromLegend");
    QTest::addColumn<bool>("hiddenFromViz");
    QTest::addColumn<QString>("text"); // of 1234.6
    const QColor palette(Qt::gray);
    QTest::newRow("defaults only") << u"other"_s << u"A"_s << u"bytes"_s << -1 << 100.0 << palette
                                   << false << false << u"1.21 KiB"_s;
    QTest::newRow("byName") << u"api"_s << u"A"_s << u"s"_s << -1 << 100.0
                            << grafanaColor(u"purple"_s) << false << false << u"20.6 min"_s;
    QTest::newRow("byRegexp partial") << u"db-replica"_s << u"A"_s << u"bytes"_s << 3 << 100.0
                                      << palette << true << false << u"1.206 KiB"_s;
    QTest::newRow("byRegexp slashes, flags") << u"CACHE"_s << u"A"_s << u"bytes"_s << -1 << 100.0
                                             << palette << false << true << u"1.21 KiB"_s;
    QTest::newRow("byFrameRefID") << u"other"_s << u"B"_s << u"percent"_s << 0 << 500.0 << palette
                                  << false << false << u"1235 %"_s;
    QTest::newRow("later wins") << u"api"_s << u"B"_s << u"percent"_s << 0 << 500.0
                                << grafanaColor(u"purple"_s) << false << false << u"1235 %"_s;
}

void TestPanelValues::overrides()
{
    QFETCH(QString, name);
    QFETCH(QString, refId);
    QFETCH(QString, unit);
    QFETCH(int, decimals);
    QFETCH(double, max);
    QFETCH(QColor, color);
    QFETCH(bool, hiddenFromLegend);
    QFETCH(bool, hiddenFromViz);
    QFETCH(QString, text);
    const Panel panel = panelOf(R"({"type": "timeseries",
        "targets": [{"expr": "a", "refId": "A"}, {"expr": "b", "refId": "B"}],
        "fieldConfig": {"defaults": {"unit": "bytes", "max": 100},
          "overrides": [
            {"matcher": {"id": "byName", "options": "api"}, "properties": [
              {"id": "unit", "value": "s"},
              {"id": "color", "value": {"mode": "fixed", "fixedColor": "purple"}}]},
            {"matcher": {"id": "byRegexp", "options": "db"}, "properties": [
              {"id": "decimals", "value": 3},
              {"id": "custom.hideFrom", "value": {"legend": true, "tooltip": true, "viz": false}}]},
            {"matcher": {"id": "byRegexp", "options": "/^cache$/i"}, "properties": [
              {"id": "custom.hideFrom", "value": {"legend": false, "tooltip": false, "viz": true}}]},
            {"matcher": {"id": "byType", "options": "time"}, "properties": [
              {"id": "unit", "value": "dateTimeAsIso"}]},
            {"matcher": {"id": "byFrameRefID", "options": "B"}, "properties": [
              {"id": "unit", "value": "percent"}, {"id": "decimals", "value": 0},
              {"id": "max", "value": 500}]}
          ]}})");
    QCOMPARE(panel.fields.overrides.size(), 5);
    const FieldDisplay field = resolveField(panel, {name, {}, refId});
    QCOMPARE(field.unit, unit);
    QCOMPARE(field.decimals, decimals);
    QCOMPARE(field.max, std::optional<double>(max));
    QCOMPARE(field.seriesColor(Qt::gray), color);
    QCOMPARE(field.hideFrom.legend, hiddenFromLegend);
    QCOMPARE(field.hideFrom.tooltip, hiddenFromLegend);
    QCOMPARE(field.hideFrom.viz, hiddenFromViz);
    QCOMPARE(field.text(1234.6), text);
}

void TestPanelValues::displayNames_data()
{
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"Requests"_s << u"Requests"_s;
    QTest::newRow("label") << u"${__field.labels.job} on ${__field.labels.instance}"_s
                           << u"node on host:9100"_s;
    QTest::newRow("all labels") << u"{${__field.labels}}"_s
                                << u"{instance=\"host:9100\", job=\"node\"}"_s;
    QTest::newRow("series name") << u"${__series.name} (ram)"_s << u"legend (ram)"_s;
    QTest::newRow("field name") << u"${__field.name}"_s << u"legend"_s;
    QTest::newRow("display name") << u"[${__field.displayName}]"_s << u"[legend]"_s;
    QTest::newRow("dashboard variable") << u"$env: ${__field.labels.job}"_s << u"prod: node"_s;
    QTest::newRow("variable with format") << u"${env:csv}"_s << u"prod"_s;
    QTest::newRow("missing label") << u"x${__field.labels.nope}x"_s << u"xx"_s;
    QTest::newRow("unknown stays") << u"$unknown"_s << u"$unknown"_s;
}

void TestPanelValues::displayNames()
{
    QFETCH(QString, displayName);
    QFETCH(QString, expected);
    DashboardVariable env;
    env.name = u"env"_s;
    env.options = {u"prod"_s, u"staging"_s};
    env.current = {u"prod"_s};
    const Labels labels{
        {u"__name__"_s, u"up"_s}, {u"job"_s, u"node"_s}, {u"instance"_s, u"host:9100"_s}};
    QCOMPARE(displayNameText(displayName, {u"legend"_s, labels, u"A"_s}, {env}), expected);
    // Through the panel: defaults' displayName renames every series; an override's wins.
    const QByteArray json
        = R"({"type": "stat", "targets": [{"expr": "up", "refId": "A"}],
        "fieldConfig": {"defaults": {"displayName": )"
          + QJsonDocument(QJsonArray{displayName}).toJson(QJsonDocument::Compact).mid(1).chopped(1)
          + R"(}, "overrides": [{"matcher": {"id": "byFrameRefID",
          "options": "B"}, "properties": [{"id": "displayName", "value": "B: ${__series.name}"}]}]}})";
    const Panel panel = panelOf(json);
    QCOMPARE(panel.fields.defaults.displayName, std::optional<QString>(displayName));
    PanelData data;
    data.series = {series({1}, labels), series({2}, labels)};
    data.names = {u"legend"_s, u"other"_s};
    applyFieldConfig(panel, {u"A"_s, u"B"_s}, {env}, &data);
    QCOMPARE(data.names, (QStringList{expected, u"B: other"_s}));
    QCOMPARE(data.fields.size(), 2);
}

void TestPanelValues::decimals_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none, 2") << QString() << 2 << 3.14159 << u"3.14"_s;
    QTest::newRow("none, 0") << QString() << 0 << 3.6 << u"4"_s;
    QTest::newRow("bytes, 1") << u"bytes"_s << 1 << 8e9 << u"7.5 GiB"_s;
    QTest::newRow("bytes, 3") << u"bytes"_s << 3 << 1536.0 << u"1.500 KiB"_s;
    QTest::newRow("seconds, 2") << u"s"_s << 2 << 1.5 << u"1.50 s"_s;
    QTest::newRow("percent, 1") << u"percent"_s << 1 << 99.94 << u"99.9 %"_s;
    QTest::newRow("percentunit, 0") << u"percentunit"_s << 0 << 0.756 << u"76 %"_s;
    QTest::newRow("short, 2 with prefix") << u"short"_s << 2 << 12346.0 << u"12.35 k"_s;
    QTest::newRow("unknown unit, 1") << u"widgets"_s << 1 << 2.0 << u"2.0 widgets"_s;
    QTest::newRow("unset keeps digits") << u"bytes"_s << -1 << 8e9 << u"7.45 GiB"_s;
}

void TestPanelValues::decimals()
{
    QFETCH(QString, unit);
    QFETCH(int, decimals);
    QFETCH(double, value);
    QFETCH(QString, expected);
    // Read from the panel, the legacy top-level form too, and shown as the field shows it.
    const Panel panel
        = panelOf(R"({"type": "stat", "targets": [{"expr": "up", "refId": "A"}],
        "fieldConfig": {"defaults": {"unit": ")"
                  + unit.toUtf8() + R"(", "decimals": )" + QByteArray::number(decimals) + "}}}");
    QCOMPARE(panel.decimals, decimals);
    const Panel legacy
        = panelOf(R"({"type": "singlestat", "decimals": )" + QByteArray::number(decimals)
                  + R"(, "targets": [{"expr": "up", "refId": "A"}]})");
    QCOMPARE(legacy.decimals, decimals);
    QCOMPARE(resolveField(panel, {}).text(value), expected);
}

void TestPanelValues::fieldModels()
{
    // The legend table and the table panel show what the fields say: mapped text, the field's
    // decimals, no row for a series hidden from the legend; the table colours its cells.
    const Panel panel = panelOf(R"({"type": "table", "targets": [{"expr": "x", "refId": "A"}],
        "fieldConfig": {"defaults": {"unit": "bytes", "custom": {"displayMode": "color-background"},
          "mappings": [{"type": "value", "options": {"1": {"text": "one", "color": "red"}}}],
          "thresholds": {"steps": [{"value": null, "color": "green"}, {"value": 500, "color": "blue"}]}},
          "overrides": [{"matcher": {"id": "byName", "options": "b"}, "properties": [
            {"id": "decimals", "value": 2}, {"id": "custom.hideFrom",
             "value": {"legend": true, "tooltip": false, "viz": false}}]}]}})");
    PanelData data;
    data.series = {series({3, 1}), series({4, 1024}), series({9, 600})};
    data.names = {u"a"_s, u"b"_s, u"c"_s};
    applyFieldConfig(panel, {}, {}, &data);

    LegendModel legend;
    QAbstractItemModelTester legendTester(&legend,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    legend.setCalcs({LegendCalc::LastNotNull, LegendCalc::Max});
    legend.setUnit(panel.unit);
    legend.setSeries(data.series, data.names, {Qt::red, Qt::green, Qt::blue}, {}, data.fields);
    QCOMPARE(legend.rowCount(), 2); // b is hidden from the legend
    QCOMPARE(legend.text(0, 0), u"a"_s);
    QCOMPARE(legend.text(0, 1), u"one"_s); // last 1: mapped
    QCOMPARE(legend.text(0, 2), u"3 B"_s); // max 3
    QCOMPARE(legend.text(1, 0), u"c"_s);
    QCOMPARE(legend.text(1, 1), u"600 B"_s);

    SeriesTableModel table;
    QAbstractItemModelTester tableTester(&table,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    table.setSeries(data.series, data.names, panel.unit, data.fields);
    QCOMPARE(table.rowCount(), 3);
    const auto cell = [&table](int row, int role = Qt::DisplayRole) {
        return table.data(table.index(row, SeriesTableModel::ValueColumn), role);
    };
    QCOMPARE(cell(0).toString(), u"one"_s);
    QCOMPARE(cell(0, Qt::BackgroundRole).value<QColor>(), grafanaColor(u"red"_s));
    QCOMPARE(cell(1).toString(), u"1.00 KiB"_s);
    QCOMPARE(cell(1, Qt::BackgroundRole).value<QColor>(), grafanaColor(u"blue"_s));
    QCOMPARE(cell(2).toString(), u"600 B"_s);
    QCOMPARE(cell(2, Qt::BackgroundRole).value<QColor>(), grafanaColor(u"blue"_s));
    // A refresh with other values changes the cells in place.
    data.series[0].values.last() = 2;
    applyFieldConfig(panel, {}, {}, &data);
    QSignalSpy reset(&table, &QAbstractItemModel::modelReset);
    table.setSeries(data.series, data.names, panel.unit, data.fields);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(cell(0).toString(), u"2 B"_s);
    QCOMPARE(cell(0, Qt::BackgroundRole).value<QColor>(), grafanaColor(u"green"_s));
    // Without field config the table is as before.
    table.setSeries(data.series, data.names, panel.unit);
    QVERIFY(!cell(0, Qt::BackgroundRole).isValid());
}

void TestPanelValues::realMappings()
{
    // Legacy singlestat value maps of dashboards as Debian ships them
    // (tests/data/metrics/public/SOURCES.md).
    Dashboard cluster;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(Test::testData(u"metrics/public/ceph-cluster.json"_s),
                                              &cluster, &error),
             qPrintable(error));
    const Panel *health = findPanel(cluster, u"Health Status"_s);
    QVERIFY(health);
    // mappingType 1: its valueMaps (0 OK, 1 WARN, 2 ERR); the rangeMaps are not used.
    const FieldDisplay field = resolveField(*health, {});
    QCOMPARE(field.mappings.size(), 3);
    QCOMPARE(field.text(0), u"OK"_s);
    QCOMPARE(field.text(1), u"WARN"_s);
    QCOMPARE(field.text(2), u"ERR"_s);
    QCOMPARE(field.text(3), u"3"_s);
    // The thresholds "1,2" still colour the mapped values.
    QCOMPARE(field.color(1, Qt::gray), health->thresholds.at(1).color);

    Dashboard elastic;
    QVERIFY2(DashboardLoader::fromGrafanaJson(
                 Test::testData(u"metrics/public/elasticsearch-exporter.json"_s), &elastic, &error),
             qPrintable(error));
    const Panel *status = findPanel(elastic, u"Cluster Status"_s);
    QVERIFY(status);
    const FieldDisplay cluster2 = resolveField(*status, {});
    QCOMPARE(cluster2.text(1), u"green"_s);
    QCOMPARE(cluster2.text(2), u"yellow"_s);
    QCOMPARE(cluster2.text(3), u"red"_s);
    const auto none = mapValue(cluster2.mappings, std::nullopt);
    QVERIFY(none);
    QCOMPARE(none->text, u"N/A"_s);
}

QTEST_GUILESS_MAIN(TestPanelValues)
#include "tst_panelvalues.moc"
