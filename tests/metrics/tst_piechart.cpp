// SPDX-License-Identifier: GPL-3.0-or-later
// Grafana's pie chart (Grafana 8's piechart and the old grafana-piechart-panel): read from
// dashboard JSON, sliced by each series' last value that is not null, as a pie or a donut, with
// a legend of name, value and percent beside the pie in a wide panel and under it otherwise.
#include "app/prometheus/dashboardloader.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/piechartview.h"

#include <QDir>
#include <QHBoxLayout>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

PanelData dataOf(const QList<QList<double>> &values, const QStringList &names)
{
    PanelData d;
    for (const QList<double> &vs : values) {
        Series s;
        for (qsizetype i = 0; i < vs.size(); ++i) {
            s.times << 1000 * (i + 1);
            s.values << vs.at(i);
        }
        d.series << s;
    }
    d.names = names;
    return d;
}

Panel piePanel(const QString &type)
{
    Panel p;
    p.type = Panel::Type::PieChart;
    p.sourceType = u"piechart"_s;
    p.title = u"Requests by code"_s;
    p.pieType = type;
    p.unit = u"reqps"_s;
    return p;
}

} // namespace

class TestPieChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsBothPlugins();
    void slicesFromLastValues();
    void legendBesideOrUnder();
    void nothingToSlice();
    void screenshot();
};

void TestPieChart::loadsBothPlugins()
{
    const QByteArray json = R"({"uid":"p","title":"P","panels":[
        {"type":"piechart","title":"New","targets":[{"expr":"x","refId":"A"}],
         "options":{"pieType":"donut"}},
        {"type":"grafana-piechart-panel","title":"Old","pieType":"pie",
         "targets":[{"expr":"y","refId":"A"}]},
        {"type":"piechart","title":"Default","targets":[{"expr":"z","refId":"A"}]}]})";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.at(0).type, Panel::Type::PieChart);
    QCOMPARE(d.panels.at(0).pieType, u"donut"_s);
    QCOMPARE(d.panels.at(1).type, Panel::Type::PieChart);
    QCOMPARE(d.panels.at(1).pieType, u"pie"_s);
    QCOMPARE(d.panels.at(2).pieType, u"pie"_s);
    QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.join(u'\n')));
}

void TestPieChart::slicesFromLastValues()
{
    PieChartView view(piePanel(u"donut"_s));
    // The 2xx series ends with a gap: its last value not null is 6.
    view.setData(dataOf({{1, 6, std::nan("")}, {2, 3}, {0}, {-1}},
                        {u"2xx"_s, u"5xx"_s, u"4xx"_s, u"weird"_s}));
    const auto &slices = view.slices();
    QCOMPARE(slices.size(), 4);
    QCOMPARE(slices.at(0).value, 6.0);
    QCOMPARE(slices.at(0).fraction, 6.0 / 9);
    QCOMPARE(slices.at(1).fraction, 3.0 / 9);
    QCOMPARE(slices.at(2).fraction, 0.0); // zero: no slice
    QCOMPARE(slices.at(3).fraction, 0.0); // negative: no slice
    QVERIFY(view.donut());
    QCOMPARE(slices.at(0).color, Palette::series(0));
    QVERIFY(slices.at(0).color != slices.at(1).color);
    QCOMPARE(slices.at(0).legendText,
             u"2xx  %1 (%2)"_s.arg(Format::value(6, u"reqps"_s),
                                   Format::value(200.0 / 3, u"percent"_s)));
}

void TestPieChart::legendBesideOrUnder()
{
    PieChartView view(piePanel(u"pie"_s));
    view.setData(dataOf({{5}, {3}, {1}}, {u"a"_s, u"b"_s, u"c"_s}));
    const auto [pieWide, legendWide] = view.layout(QSizeF(600, 250));
    QVERIFY(legendWide.left() >= pieWide.right());
    QCOMPARE(pieWide.width(), pieWide.height()); // round
    const auto [pieTall, legendTall] = view.layout(QSizeF(250, 400));
    QVERIFY(legendTall.top() >= pieTall.bottom());
    QVERIFY(pieTall.width() > 100);
}

void TestPieChart::nothingToSlice()
{
    PieChartView view(piePanel(u"pie"_s));
    view.setData(dataOf({{std::nan("")}}, {u"a"_s}));
    QCOMPARE(view.slices().size(), 1);
    QCOMPARE(view.slices().first().fraction, 0.0);
    QVERIFY(view.slices().first().legendText.contains(u"no value"_s));
}

void TestPieChart::screenshot()
{
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save panel-piechart.png");
    QWidget window;
    auto *row = new QHBoxLayout(&window);
    const PanelData data = dataOf({{41.2}, {12.5}, {3.1}, {0.8}},
                                  {u"GET /api/v1/query_range"_s, u"GET /api/v1/query"_s,
                                   u"GET /api/v1/series"_s, u"POST /api/v1/read"_s});
    for (const QString &type : {u"pie"_s, u"donut"_s}) {
        Panel p = piePanel(type);
        p.title = u"Prometheus requests by handler (%1)"_s.arg(type);
        auto *w = new PanelWidget(p, &window);
        w->setData(data);
        row->addWidget(w);
    }
    window.resize(1280, 360);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDir().mkpath(outDir);
    const QString path = outDir + u"/panel-piechart.png"_s;
    QVERIFY(window.grab().save(path));
    qInfo().noquote() << "saved" << path;
}

QTEST_MAIN(TestPieChart)
#include "tst_piechart.moc"
