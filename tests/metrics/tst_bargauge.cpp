// SPDX-License-Identifier: GPL-3.0-or-later
// Grafana's bar gauge: read from dashboard JSON (display mode, orientation, unfilled part) and
// laid out as Grafana lays it out: "auto" draws vertical bars in a panel wider than high; names
// above the bars when a row is high enough, else beside them; every name and value fits and
// nothing overlaps; the fill follows min and max (or the values' range); colours follow the
// thresholds; LCD cells light up to the value.
#include "app/prometheus/dashboardloader.h"
#include "models/common/format.h"
#include "ui/metrics/bargaugeview.h"
#include "ui/metrics/panelwidget.h"

#include <QDir>
#include <QFontMetricsF>
#include <QGridLayout>
#include <QLabel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

PanelData dataOf(const QList<double> &values, const QStringList &names)
{
    PanelData d;
    for (double v : values) {
        Series s;
        s.times = {1000, 2000};
        s.values = {v / 2, v};
        d.series << s;
    }
    d.names = names;
    return d;
}

Panel barPanel(const QString &mode, const QString &orientation)
{
    Panel p;
    p.type = Panel::Type::BarGauge;
    p.sourceType = u"bargauge"_s;
    p.title = u"Bars"_s;
    p.queries = {PanelQuery{u"x"_s, u"{{instance}}"_s, u"A"_s, false}};
    p.barMode = mode;
    p.orientation = orientation;
    p.unit = u"percent"_s;
    p.min = 0;
    p.max = 100;
    p.thresholds = {{-std::numeric_limits<double>::infinity(), grafanaColor(u"green"_s)},
                    {70, grafanaColor(u"orange"_s)},
                    {90, grafanaColor(u"red"_s)}};
    return p;
}

/// Every rect of the layout that is drawn, with what it is, for the overlap check.
QList<std::pair<QString, QRectF>> drawnRects(const QList<BarGaugeView::Bar> &bars)
{
    QList<std::pair<QString, QRectF>> out;
    for (const BarGaugeView::Bar &b : bars) {
        out.append({b.name + u" bar"_s, b.bar});
        out.append({b.name + u" value"_s, b.valueRect});
        if (!b.nameRect.isEmpty())
            out.append({b.name + u" name"_s, b.nameRect});
    }
    return out;
}

} // namespace

class TestBarGauge : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsOptions();
    void layoutFits_data();
    void layoutFits();
    void fillAndColours();
    void rangeWithoutMinMax();
    void lcdCells();
    void screenshot();
};

void TestBarGauge::loadsOptions()
{
    const QByteArray json = R"({"uid":"b","title":"B","panels":[
        {"type":"bargauge","title":"Disk","targets":[{"expr":"x","refId":"A"}],
         "options":{"displayMode":"lcd","orientation":"horizontal","showUnfilled":false}},
        {"type":"bargauge","title":"Default","targets":[{"expr":"y","refId":"A"}]},
        {"type":"gauge","title":"Round","targets":[{"expr":"z","refId":"A"}]}]})";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.size(), 3);
    QCOMPARE(d.panels.at(0).type, Panel::Type::BarGauge);
    QCOMPARE(d.panels.at(0).barMode, u"lcd"_s);
    QCOMPARE(d.panels.at(0).orientation, u"horizontal"_s);
    QCOMPARE(d.panels.at(0).showUnfilled, false);
    QCOMPARE(d.panels.at(1).type, Panel::Type::BarGauge);
    QCOMPARE(d.panels.at(1).barMode, u"gradient"_s); // Grafana's default
    QCOMPARE(d.panels.at(1).orientation, u"auto"_s);
    QCOMPARE(d.panels.at(1).showUnfilled, true);
    QCOMPARE(d.panels.at(2).type, Panel::Type::Gauge); // a round gauge stays one
    QVERIFY(d.warnings.isEmpty());
}

void TestBarGauge::layoutFits_data()
{
    QTest::addColumn<QString>("orientation");
    QTest::addColumn<QSizeF>("size");
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("vertical");
    QTest::addColumn<bool>("namesAbove"); // horizontal only

    QTest::newRow("auto, wide: vertical bars")
        << u"auto"_s << QSizeF(600, 220) << 4 << true << false;
    QTest::newRow("auto, tall: horizontal bars")
        << u"auto"_s << QSizeF(300, 400) << 4 << false << true;
    QTest::newRow("horizontal, many short rows: names beside")
        << u"horizontal"_s << QSizeF(500, 300) << 12 << false << false;
    QTest::newRow("vertical, names in a smaller font")
        << u"vertical"_s << QSizeF(420, 300) << 5 << true << false;
}

void TestBarGauge::layoutFits()
{
    QFETCH(QString, orientation);
    QFETCH(QSizeF, size);
    QFETCH(int, count);
    QFETCH(bool, vertical);
    QFETCH(bool, namesAbove);
    BarGaugeView view(barPanel(u"gradient"_s, orientation));
    QList<double> values;
    QStringList names;
    for (int i = 0; i < count; ++i) {
        values << 10.0 + 85.0 * i / std::max(1, count - 1);
        names << u"host-%1:9100"_s.arg(i);
    }
    view.setData(dataOf(values, names));
    QCOMPARE(view.vertical(size), vertical);
    const QList<BarGaugeView::Bar> bars = view.layout(size);
    QCOMPARE(bars.size(), count);
    const QRectF area = QRectF(QPointF(0, 0), size).adjusted(-0.01, -0.01, 0.01, 0.01);
    for (const BarGaugeView::Bar &b : bars) {
        QVERIFY2(area.contains(b.bar) && area.contains(b.valueRect) && area.contains(b.nameRect),
                 qPrintable(b.name));
        QVERIFY2(b.bar.height() >= 6 && b.bar.width() >= 6, qPrintable(b.name));
        // The value and the name fit, unelided, at this size.
        const QFontMetricsF fmValue(b.valueFont);
        const QFontMetricsF fmName(b.nameFont);
        QVERIFY(b.valueFont.bold());
        QVERIFY2(fmValue.horizontalAdvance(b.valueText) <= b.valueRect.width() + 2,
                 qPrintable(b.valueText));
        QVERIFY2(fmValue.height() <= b.valueRect.height() + 0.5, qPrintable(b.valueText));
        QCOMPARE(b.shownName, b.name);
        QVERIFY2(fmName.horizontalAdvance(b.name) <= b.nameRect.width() + 0.5, qPrintable(b.name));
        QVERIFY(b.nameFont.pointSizeF() >= view.font().pointSizeF() * 0.7 - 0.01);
        if (vertical) {
            QVERIFY(b.valueRect.bottom() <= b.bar.top());
            QVERIFY(b.nameRect.top() >= b.bar.bottom());
        } else {
            QVERIFY(b.valueRect.left() >= b.bar.right());
            if (namesAbove)
                QVERIFY(b.nameRect.bottom() <= b.bar.top());
            else
                QVERIFY(b.nameRect.right() <= b.bar.left());
        }
    }
    const auto rects = drawnRects(bars);
    for (qsizetype i = 0; i < rects.size(); ++i) {
        for (qsizetype j = i + 1; j < rects.size(); ++j) {
            const QRectF overlap = rects.at(i).second.intersected(rects.at(j).second);
            QVERIFY2(overlap.width() < 0.5 || overlap.height() < 0.5,
                     qPrintable(rects.at(i).first + u" overlaps "_s + rects.at(j).first));
        }
    }
}

void TestBarGauge::fillAndColours()
{
    BarGaugeView view(barPanel(u"basic"_s, u"horizontal"_s));
    view.setData(dataOf({25, 75, 95, 150}, {u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    const QList<BarGaugeView::Bar> bars = view.layout(QSizeF(400, 300));
    QCOMPARE(bars.at(0).fill, 0.25);
    QCOMPARE(bars.at(1).fill, 0.75);
    QCOMPARE(bars.at(3).fill, 1.0); // clamped at max
    QCOMPARE(bars.at(0).color, grafanaColor(u"green"_s));
    QCOMPARE(bars.at(1).color, grafanaColor(u"orange"_s));
    QCOMPARE(bars.at(2).color, grafanaColor(u"red"_s));
    QCOMPARE(bars.at(0).valueText, Format::value(25, u"percent"_s));
}

void TestBarGauge::rangeWithoutMinMax()
{
    Panel p = barPanel(u"basic"_s, u"horizontal"_s);
    p.min.reset();
    p.max.reset();
    BarGaugeView view(p);
    view.setData(dataOf({2e9, 4e9, 8e9}, {u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(view.range(), (std::pair<double, double>(0, 8e9))); // 0 to the largest
    QCOMPARE(view.layout(QSizeF(400, 300)).at(0).fill, 0.25);
    view.setData(dataOf({-5, 5}, {u"a"_s, u"b"_s}));
    QCOMPARE(view.range(), (std::pair<double, double>(-5, 5)));
}

void TestBarGauge::lcdCells()
{
    QCOMPARE(BarGaugeView::lcdCells(150), 10); // 12 px cells, 3 px apart
    QCOMPARE(BarGaugeView::lcdCells(5), 1);
}

void TestBarGauge::screenshot()
{
    // With STACKSCOPE_SCREENSHOT_DIR set: the three modes, horizontal and vertical.
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save panel-bargauge.png");
    QWidget window;
    auto *grid = new QGridLayout(&window);
    const QStringList names{u"/"_s, u"/home"_s, u"/var/lib/docker"_s, u"/boot"_s, u"/srv"_s};
    const QList<double> values{42, 71.5, 93.2, 18, 64};
    const struct
    {
        const char *mode;
        const char *orientation;
        const char *title;
    } kinds[] = {{"basic", "horizontal", "Disk used (basic)"},
                 {"gradient", "horizontal", "Disk used (gradient)"},
                 {"lcd", "horizontal", "Disk used (LCD)"},
                 {"gradient", "auto", "Disk used (gradient, vertical: auto in a wide panel)"}};
    int i = 0;
    for (const auto &k : kinds) {
        Panel p = barPanel(QLatin1StringView(k.mode), QLatin1StringView(k.orientation));
        p.title = QLatin1StringView(k.title);
        auto *w = new PanelWidget(p, &window);
        w->setData(dataOf(values, names));
        if (i < 3)
            grid->addWidget(w, 0, i);
        else
            grid->addWidget(w, 1, 0, 1, 3);
        ++i;
    }
    window.resize(1280, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDir().mkpath(outDir);
    const QString path = outDir + u"/panel-bargauge.png"_s;
    QVERIFY(window.grab().save(path));
    qInfo().noquote() << "saved" << path;
}

QTEST_MAIN(TestBarGauge)
#include "tst_bargauge.moc"
