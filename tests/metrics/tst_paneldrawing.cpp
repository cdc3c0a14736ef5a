// SPDX-License-Identifier: GPL-3.0-or-later
// What panels draw, end to end: a real Prometheus 2.42 scrapes a loopback endpoint that serves
// known values (three parts of 100, 200 and 300 bytes, 8e9 bytes of RAM, and what Ceph's
// "Capacity used" asks for), and the Metrics page draws dashboards written for each option
// (tests/data/metrics/panels) and one of Ceph's own: stat colours and names, series order and
// colours across refreshes, stacking, legend tables with their values and order, and the time
// picker (a custom range that ends before it starts, a drag-zoom, zoom out), log and right axes,
// negative-Y, soft limits, gradients, threshold lines and areas, the dashboard's own time and
// refresh, a panel's time override and shift (as Prometheus' query log saw them), dashboard
// and panel links (web URLs opened, others refused), value mappings, field overrides and display
// names (panels/fields.json, and Ceph's "Health Status"). With STACKSCOPE_SCREENSHOT_DIR set it
// saves stacked-chart.png, legend-tables.png, panel-axes-thresholds.png, panel-mappings.png and
// (after a minute of moving values) legend-table.png there.
#include "app/config/configmanager.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/metricscontroller.h"
#include "models/common/palette.h"
#include "models/metrics/legendmodel.h"
#include "models/metrics/seriestablemodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/bargaugeview.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/statetimelineview.h"
#include "ui/metrics/timeserieschart.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUrlQuery>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

constexpr int dataTimeout = 30000;

const QByteArray metricsText = "# TYPE test_parts_bytes gauge\n"
                               "test_parts_bytes{part=\"a\"} 100\n"
                               "test_parts_bytes{part=\"b\"} 200\n"
                               "test_parts_bytes{part=\"c\"} 300\n"
                               "# TYPE test_ram_bytes gauge\n"
                               "test_ram_bytes 8e9\n"
                               "# TYPE ceph_osd_stat_bytes_used gauge\n"
                               "ceph_osd_stat_bytes_used{ceph_daemon=\"osd.0\"} 75\n"
                               "# TYPE ceph_osd_stat_bytes gauge\n"
                               "ceph_osd_stat_bytes{ceph_daemon=\"osd.0\"} 100\n"
                               "# TYPE ceph_health_status gauge\n"
                               "ceph_health_status 1\n";

/// Whether an image has a pixel of this colour (within a little, for antialiasing).
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 12 && std::abs(c.green() - color.green()) < 12
                && std::abs(c.blue() - color.blue()) < 12)
                ++count;
        }
    }
    return count;
}

QList<double> yValues(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points)
        out << p.y();
    return out;
}

bool allNear(const QList<QPointF> &points, double y)
{
    if (points.isEmpty())
        return false;
    for (const QPointF &p : points) {
        if (std::abs(p.y() - y) > 1e-9 * std::max(1.0, std::abs(y)))
            return false;
    }
    return true;
}

/// Receives what QDesktopServices would open (its URL handler), so that nothing is launched.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

class TestPanelDrawing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statColours();
    void statNames();
    void realCephCapacityNotAnAlarm();
    void seriesOrderAndColours();
    void stacking();
    void legendTable();
    void legacyLegendTable();
    void customRangeEndBeforeStart();
    void dragZoomShowsRange();
    void axesAndThresholds();
    void dashboardTimeAndShift();
    void links();
    void fieldMappings();
    void fieldOverrides();
    void realCephHealthMapped();
    void legendTableScreenshot();
    void axesScreenshot();

private:
    void open(const QString &file);
    PanelWidget *panel(const QString &title) const;
    void screenshot(const QString &name);

    Test::FaultServer m_values;
    Test::PrometheusProcess m_prometheus;
    QTemporaryDir m_dir;
    QString m_queryLog; ///< Prometheus' query log: what it was asked, with start and end
    QNetworkAccessManager m_network;
    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<MetricsFeature> m_feature;
    MetricsPage *m_page = nullptr;
};

void TestPanelDrawing::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    QVERIFY(m_values.listen());
    // Known values, and for the screenshot four waves that move with the clock.
    m_values.setHandler(
        [](const Test::FaultRequest &request) -> std::optional<Test::FaultResponse> {
            if (request.path != "/metrics"_L1)
                return std::nullopt;
            const double t = double(QDateTime::currentMSecsSinceEpoch() % 3600000) / 1000.0;
            QByteArray body = metricsText;
            body += "# TYPE test_wave_bytes gauge\n";
            const struct
            {
                const char *part;
                double base, swing, period;
            } waves[] = {{"api", 2.0e6, 0.6e6, 23},
                         {"db", 1.5e6, 0.9e6, 31},
                         {"cache", 0.8e6, 0.3e6, 11},
                         {"queue", 0.4e6, 0.25e6, 17}};
            for (const auto &w : waves)
                body
                    += "test_wave_bytes{part=\"" + QByteArray(w.part) + "\"} "
                       + QByteArray::number(
                           w.base + w.swing * std::sin(t * 2 * std::numbers::pi / w.period), 'f', 0)
                       + '\n';
            return Test::FaultServer::text(body);
        });
    m_queryLog = m_dir.filePath(u"queries.log"_s);
    m_prometheus.setConfig(u"global:\n"
                           "  scrape_interval: 1s\n"
                           "  query_log_file: %2\n"
                           "scrape_configs:\n"
                           "  - job_name: values\n"
                           "    static_configs:\n"
                           "      - targets: ['127.0.0.1:%1']\n"_s.arg(m_values.port())
                               .arg(m_queryLog));
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    m_config = std::make_unique<ConfigManager>(m_dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &m_network;
    context.config = m_config.get();
    m_feature = std::make_unique<MetricsFeature>(context);
    m_page = qobject_cast<MetricsPage *>(m_feature->createPage());
    QVERIFY(m_page);
    m_page->resize(1280, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    Config config;
    config.prometheus.url = m_prometheus.url();
    config.refresh.metrics = std::chrono::seconds(1);
    m_feature->applyConfig(config);
    m_feature->controller()->setScrapeInterval(1);
    m_feature->start();
    auto *box = m_page->findChild<QComboBox *>(u"rangeBox"_s);
    QVERIFY(box);
    Q_EMIT box->activated(0); // Last 5 minutes: the page and the controller agree
    QCOMPARE(m_feature->controller()->rangeSeconds(), 300.0);
    // Wait for the first scrapes: every value is there.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_prometheus.fetch("GET", u"/api/v1/query?query=count(test_parts_bytes)"_s)
            .body.contains("\"3\""),
        dataTimeout);
}

void TestPanelDrawing::cleanupTestCase()
{
    m_feature.reset();
    m_prometheus.stop();
}

void TestPanelDrawing::open(const QString &file)
{
    const QString path = Test::testDataDir() + u"/metrics/"_s + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QVERIFY(m_feature->openFile(path));
}

PanelWidget *TestPanelDrawing::panel(const QString &title) const
{
    const auto panels = m_page->panelWidgets();
    for (PanelWidget *p : panels) {
        if (p->panel().title == title)
            return p;
    }
    return nullptr;
}

void TestPanelDrawing::screenshot(const QString &name)
{
    const QString dir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QTest::qWait(300);
    QVERIFY(m_page->grab().save(dir + u'/' + name));
}

void TestPanelDrawing::statColours()
{
    open(u"panels/stat-colours.json"_s);
    const QColor red = grafanaColor(u"red"_s);
    struct Case
    {
        QString title;
        bool textRed;       ///< the number in the threshold's red
        bool backgroundRed; ///< the cell filled red
        bool sparkline;
    };
    const QList<Case> cases{{u"RAM colorMode none"_s, false, false, false},
                            {u"RAM colorMode value"_s, true, false, true},
                            {u"RAM colorMode background"_s, false, true, false},
                            {u"RAM default"_s, true, false, true}};
    for (const Case &c : cases) {
        PanelWidget *p = panel(c.title);
        QVERIFY2(p && p->valueView(), qPrintable(c.title));
        QTRY_COMPARE_WITH_TIMEOUT(p->valueView()->texts(), QStringList{u"7.45 GiB"_s}, dataTimeout);
        // 8e9 is above the threshold of 80 in every panel: red is what the thresholds say...
        QCOMPARE(p->valueView()->colorFor(8e9), red);
        // ...and what each colour mode does with it.
        QCOMPARE(p->valueView()->textColor(8e9) == red, c.textRed);
        QCOMPARE(p->valueView()->backgroundColor(8e9) == red, c.backgroundRed);
        QCOMPARE(p->valueView()->drawsSparkline(), c.sparkline);
        const QImage image = p->valueView()->grab().toImage();
        const int redPixels = pixelsNear(image, red);
        if (c.backgroundRed)
            QVERIFY2(redPixels > image.width() * image.height() / 2, qPrintable(c.title));
        else if (c.textRed)
            QVERIFY2(redPixels > 20, qPrintable(c.title));
        else
            QVERIFY2(redPixels == 0,
                     qPrintable(u"%1: %2 red pixels"_s.arg(c.title).arg(redPixels)));
    }
    // With colorMode none the number is written in the text colour.
    PanelWidget *none = panel(u"RAM colorMode none"_s);
    QCOMPARE(none->valueView()->textColor(8e9), none->valueView()->palette().color(QPalette::Text));
}

void TestPanelDrawing::statNames()
{
    open(u"panels/stat-colours.json"_s);
    // One series of a query without labels: no name above the value (textMode auto), and when a
    // name is asked for it is the expression, never "{}".
    PanelWidget *total = panel(u"Total auto legend"_s);
    QTRY_COMPARE_WITH_TIMEOUT(total->valueView()->texts(), QStringList{u"600 B"_s}, dataTimeout);
    QCOMPARE(total->valueView()->shownName(0), QString());
    PanelWidget *named = panel(u"Total auto legend with name"_s);
    QTRY_COMPARE_WITH_TIMEOUT(named->valueView()->texts(), QStringList{u"600 B"_s}, dataTimeout);
    QCOMPARE(named->valueView()->shownName(0), u"sum(test_parts_bytes)"_s);
    // Several series: each named by what tells them apart.
    PanelWidget *parts = panel(u"Parts auto legend"_s);
    QTRY_COMPARE_WITH_TIMEOUT(parts->valueView()->texts().size(), 3, dataTimeout);
    QCOMPARE(parts->valueView()->texts(), (QStringList{u"100 B"_s, u"200 B"_s, u"300 B"_s}));
    QCOMPARE((QStringList{parts->valueView()->shownName(0), parts->valueView()->shownName(1),
                          parts->valueView()->shownName(2)}),
             (QStringList{u"a"_s, u"b"_s, u"c"_s}));
}

void TestPanelDrawing::realCephCapacityNotAnAlarm()
{
    // Ceph's own cluster dashboard: "Capacity used" at 75 % sits between its thresholds 0.7
    // (orange) and 0.8 (red), but the singlestat does not colour its value, so neither does
    // Stackscope. Its "decimals": 2 is honoured, as Grafana's singlestat does.
    open(u"public/ceph-cluster.json"_s);
    PanelWidget *capacity = panel(u"Capacity used"_s);
    QVERIFY(capacity && capacity->valueView());
    QTRY_COMPARE_WITH_TIMEOUT(capacity->valueView()->texts(), QStringList{u"75.00 %"_s},
                              dataTimeout);
    const QColor orange = capacity->valueView()->colorFor(0.75);
    QCOMPARE(orange, capacity->panel().thresholds.at(1).color);
    QCOMPARE(capacity->valueView()->textColor(0.75),
             capacity->valueView()->palette().color(QPalette::Text));
    QVERIFY(!capacity->valueView()->backgroundColor(0.75).isValid());
}

void TestPanelDrawing::seriesOrderAndColours()
{
    open(u"panels/legend.json"_s);
    // Two queries: their series in the queries' order, whichever answer comes first, and the
    // palette's colours in that order, on every refresh.
    PanelWidget *two = panel(u"Two queries"_s);
    QVERIFY(two && two->chart());
    QTRY_COMPARE_WITH_TIMEOUT(two->chart()->seriesCount(), 2, dataTimeout);
    const int before = two->chart()->rebuildCount();
    for (int round = 0; round < 3; ++round) {
        const int drawn = two->chart()->rebuildCount();
        QTRY_VERIFY_WITH_TIMEOUT(two->chart()->rebuildCount() > drawn, dataTimeout);
        QCOMPARE(two->chart()->seriesName(0), u"C first"_s);
        QCOMPARE(two->chart()->seriesName(1), u"A second"_s);
        QCOMPARE(two->chart()->seriesColor(0), Palette::series(0));
        QCOMPARE(two->chart()->seriesColor(1), Palette::series(1));
    }
    QVERIFY(two->chart()->rebuildCount() >= before + 3);
    // Three series of one query: three colours, none shared.
    PanelWidget *table = panel(u"Legend table"_s);
    QTRY_COMPARE_WITH_TIMEOUT(table->chart()->seriesCount(), 3, dataTimeout);
    QCOMPARE((QList<QColor>{table->chart()->seriesColor(0), table->chart()->seriesColor(1),
                            table->chart()->seriesColor(2)}),
             (QList<QColor>{Palette::series(0), Palette::series(1), Palette::series(2)}));
}

void TestPanelDrawing::stacking()
{
    open(u"panels/stacking.json"_s);
    struct Case
    {
        QString title;
        QList<double> tops; ///< the top of each series' line (a, b, c)
        bool areas;
        std::pair<double, double> axis; ///< the value axis' range, {0, 0} = not checked
    };
    const QList<Case> cases{
        {u"Lines"_s, {100, 200, 300}, false, {0, 0}},
        {u"Filled"_s, {100, 200, 300}, true, {0, 0}},
        {u"Stacked normal"_s, {100, 300, 600}, true, {0, 0}},
        {u"Stacked percent"_s, {1.0 / 6, 0.5, 1}, true, {0, 1}},
        {u"Legacy stack"_s, {100, 300, 600}, true, {0, 0}},
        {u"Legacy percentage"_s, {1.0 / 6, 0.5, 1}, true, {0, 1}},
        {u"Points"_s, {100, 200, 300}, false, {0, 0}},
    };
    for (const Case &c : cases) {
        PanelWidget *p = panel(c.title);
        QVERIFY2(p && p->chart(), qPrintable(c.title));
        TimeSeriesChart *chart = p->chart();
        QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 3, dataTimeout);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(allNear(chart->linePoints(i), c.tops.at(i)),
                     qPrintable(u"%1, series %2: %3"_s.arg(c.title).arg(i).arg(
                         QString::number(yValues(chart->linePoints(i)).value(0)))));
        QCOMPARE(chart->areaCount() > 0, c.areas);
        if (c.axis.second > 0)
            QCOMPARE(chart->valueAxisRange(), c.axis);
        else
            QVERIFY(chart->valueAxisRange().second >= c.tops.last());
    }
    // Hiding a stacked series takes it out of the stack.
    TimeSeriesChart *stacked = panel(u"Stacked normal"_s)->chart();
    stacked->setSeriesVisible(1, false);
    QVERIFY(allNear(stacked->linePoints(2), 400));
    stacked->setSeriesVisible(1, true);
    QVERIFY(allNear(stacked->linePoints(2), 600));
    // Points: markers, no lines.
    TimeSeriesChart *points = panel(u"Points"_s)->chart();
    int markers = 0;
    for (QAbstractSeries *s : points->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->isVisible() && line->count() > 0) {
            QVERIFY(line->pointsVisible());
            QCOMPARE(line->pen().style(), Qt::NoPen);
            ++markers;
        }
    }
    QVERIFY(markers >= 3);
    // Every sample is a point (a line may drop the ones that would not move it; points may not).
    QTRY_VERIFY_WITH_TIMEOUT(points->linePoints(2).size() >= 4, dataTimeout);
    // Bars: each sample an outline from 0 to its value, filled.
    TimeSeriesChart *bars = panel(u"Bars"_s)->chart();
    QTRY_COMPARE_WITH_TIMEOUT(bars->seriesCount(), 3, dataTimeout);
    QVERIFY(bars->areaCount() >= 3);
    const QList<double> barYs = yValues(bars->linePoints(2));
    QVERIFY(barYs.contains(0.0) && barYs.contains(300.0));
    QCOMPARE(barYs.size() % 4, 0);
    QVERIFY(barYs.size() / 4 >= 4); // a bar per sample
    // The list legend follows the panel's order on every drawing.
    const auto legendLabels = [stacked] {
        QStringList labels;
        for (QLegendMarker *marker : stacked->chart()->legend()->markers()) {
            if (marker->isVisible())
                labels << marker->label();
        }
        return labels;
    };
    for (int round = 0; round < 2; ++round) {
        const int drawn = stacked->rebuildCount();
        QTRY_VERIFY_WITH_TIMEOUT(stacked->rebuildCount() > drawn && stacked->seriesCount() == 3,
                                 dataTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(legendLabels(), (QStringList{u"a"_s, u"b"_s, u"c"_s}), 2000);
    }
    screenshot(u"stacked-chart.png"_s);
}

void TestPanelDrawing::legendTable()
{
    open(u"panels/legend.json"_s);
    PanelWidget *p = panel(u"Legend table"_s);
    QVERIFY(p && p->legendTable() && p->legendModel());
    QCOMPARE(p->legendTable()->horizontalHeader()->sortIndicatorSection(), 4);
    QCOMPARE(p->legendTable()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
    QVERIFY(!p->chart()->chart()->legend()->isVisible()); // the table replaces the list
    QAbstractItemModel *view = p->legendTable()->model();
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 3, dataTimeout);
    QStringList headers;
    for (int c = 0; c < view->columnCount(); ++c)
        headers << view->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers,
             (QStringList{u"Name"_s, u"Min"_s, u"Max"_s, u"Mean"_s, u"Last *"_s, u"Total"_s}));
    // sortBy "Last *", sortDesc: c, b, a; each value in the panel's unit.
    QStringList names;
    for (int r = 0; r < 3; ++r)
        names << view->index(r, 0).data().toString();
    QCOMPARE(names, (QStringList{u"c"_s, u"b"_s, u"a"_s}));
    for (int column = 1; column <= 4; ++column)
        QCOMPARE(view->index(0, column).data().toString(), u"300 B"_s);
    QCOMPARE(view->index(2, 3).data().toString(), u"100 B"_s);
    // Total: the value times the samples drawn, the same count for each part.
    const double totalC = view->index(0, 5).data(LegendModel::SortRole).toDouble();
    const double totalA = view->index(2, 5).data(LegendModel::SortRole).toDouble();
    QVERIFY(totalC >= 300);
    QCOMPARE(totalC / 300, totalA / 100);
    QCOMPARE(std::fmod(totalC, 300.0), 0.0);
    // Each row's colour is its series' colour on the chart.
    QCOMPARE(view->index(0, 0).data(Qt::DecorationRole).value<QColor>(), Palette::series(2));
    // A click on a row hides its series (and strikes the row out).
    QTest::mouseClick(p->legendTable()->viewport(), Qt::LeftButton, {},
                      p->legendTable()->visualRect(view->index(0, 0)).center());
    QVERIFY(!p->chart()->isSeriesVisible(2));
    QCOMPARE(view->index(0, 0).data(LegendModel::VisibleRole).toBool(), false);
    QTest::mouseClick(p->legendTable()->viewport(), Qt::LeftButton, {},
                      p->legendTable()->visualRect(view->index(0, 0)).center());
    QVERIFY(p->chart()->isSeriesVisible(2));
    // A hidden legend: no table and no list.
    PanelWidget *hidden = panel(u"Legend hidden"_s);
    QTRY_COMPARE_WITH_TIMEOUT(hidden->chart()->seriesCount(), 3, dataTimeout);
    QVERIFY(!hidden->legendTable());
    QVERIFY(!hidden->chart()->chart()->legend()->isVisible());
    screenshot(u"legend-tables.png"_s);
}

void TestPanelDrawing::legacyLegendTable()
{
    open(u"panels/legend.json"_s);
    PanelWidget *p = panel(u"Legacy legend table"_s);
    QVERIFY(p && p->legendTable());
    // Without sortBy the header shows no sorted column.
    QTableView *two = panel(u"Two queries"_s)->legendTable();
    QCOMPARE(two->horizontalHeader()->sortIndicatorSection(), -1);
    QTRY_COMPARE_WITH_TIMEOUT(two->model()->rowCount(), 2, dataTimeout);
    QCOMPARE(two->model()->index(0, 0).data().toString(), u"C first"_s);
    QCOMPARE(two->model()->index(1, 0).data().toString(), u"A second"_s);
    // rightSide: beside the chart.
    auto *split = qobject_cast<QSplitter *>(p->legendTable()->parentWidget());
    QVERIFY(split);
    QCOMPARE(split->orientation(), Qt::Horizontal);
    QAbstractItemModel *view = p->legendTable()->model();
    QTRY_COMPARE_WITH_TIMEOUT(view->rowCount(), 3, dataTimeout);
    QStringList headers;
    for (int c = 0; c < view->columnCount(); ++c)
        headers << view->headerData(c, Qt::Horizontal).toString();
    QCOMPARE(headers, (QStringList{u"Name"_s, u"Min"_s, u"Max"_s, u"Mean"_s, u"Last *"_s}));
    // sort: "current", sortDesc.
    QCOMPARE(view->index(0, 0).data().toString(), u"c"_s);
    QCOMPARE(view->index(2, 0).data().toString(), u"a"_s);
    QCOMPARE(view->index(1, 2).data().toString(), u"200 B"_s);
}

void TestPanelDrawing::customRangeEndBeforeStart()
{
    open(u"panels/legend.json"_s);
    MetricsController *controller = m_feature->controller();
    const QString shown = m_page->rangeText();
    const bool wasAbsolute = controller->isAbsolute();
    // Asked for directly: refused, said, nothing changes.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(!m_page->requestAbsoluteRange(now, now.addSecs(-600)));
    QCOMPARE(m_page->rangeText(), shown);
    QCOMPARE(controller->isAbsolute(), wasAbsolute);
    auto *message = m_page->findChild<QLabel *>();
    Q_UNUSED(message);
    bool said = false;
    for (QLabel *label : m_page->findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(u"not after its start"_s));
    QVERIFY(said);

    // Through the picker's custom range: the dialog says so and stays open; corrected, the
    // picker shows the new range and the controller queries it.
    auto *box = m_page->findChild<QComboBox *>(u"rangeBox"_s);
    QVERIFY(box);
    bool sawProblem = false;
    bool stayedOpen = false;
    const QDateTime from = QDateTime::currentDateTime().addSecs(-1800);
    QTimer::singleShot(100, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        const auto edits = dialog->findChildren<QDateTimeEdit *>();
        QCOMPARE(edits.size(), 2);
        edits.at(0)->setDateTime(from);
        edits.at(1)->setDateTime(from.addSecs(-3600)); // before the start
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        buttons->button(QDialogButtonBox::Ok)->click();
        auto *problem = dialog->findChild<QLabel *>(u"rangeProblem"_s);
        sawProblem = problem && problem->isVisible()
                     && problem->text().contains(u"must be after the start"_s);
        stayedOpen = dialog->isVisible();
        edits.at(1)->setDateTime(from.addSecs(600));
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    Q_EMIT box->activated(box->count() - 1); // "Custom…"
    QVERIFY(sawProblem);
    QVERIFY(stayedOpen);
    QVERIFY(controller->isAbsolute());
    QCOMPARE(controller->rangeSeconds(), 600.0);
    QVERIFY2(m_page->rangeText().startsWith(from.toString(u"yyyy-MM-dd HH:mm:ss"_s)),
             qPrintable(m_page->rangeText()));
}

void TestPanelDrawing::dragZoomShowsRange()
{
    open(u"panels/legend.json"_s);
    auto *box = m_page->findChild<QComboBox *>(u"rangeBox"_s);
    Q_EMIT box->activated(0); // Last 5 minutes
    MetricsController *controller = m_feature->controller();
    QVERIFY(!controller->isAbsolute());
    PanelWidget *p = panel(u"Legend hidden"_s);
    TimeSeriesChart *chart = p->chart();
    QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 3, dataTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(chart->plotWidth() > 200, dataTimeout);
    // A real drag across the plot.
    const QRectF plot = chart->chart()->plotArea();
    const QPoint from
        = chart->mapFromScene(QPointF(plot.left() + plot.width() * 0.25, plot.center().y()));
    const QPoint to
        = chart->mapFromScene(QPointF(plot.left() + plot.width() * 0.75, plot.center().y()));
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(chart->viewport(), to);
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, to);
    QVERIFY(controller->isAbsolute());
    // About half of the five minutes, and the picker says which.
    QVERIFY2(std::abs(controller->rangeSeconds() - 150) < 10,
             qPrintable(QString::number(controller->rangeSeconds())));
    QDateTime start, end;
    controller->currentWindow(&start, &end);
    QVERIFY2(m_page->rangeText().startsWith(start.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)),
             qPrintable(m_page->rangeText()));
    QVERIFY(!m_page->rangeText().startsWith(u"Last"_s));
    // Zoom out: twice the window around its middle.
    const double zoomed = controller->rangeSeconds();
    const QDateTime middle = start.addMSecs(start.msecsTo(end) / 2);
    m_page->zoomOut();
    QCOMPARE(controller->rangeSeconds(), zoomed * 2);
    QDateTime start2, end2;
    controller->currentWindow(&start2, &end2);
    // Around the same middle, unless that would reach past now: then it ends now.
    const bool sameMiddle
        = std::abs(start2.addMSecs(start2.msecsTo(end2) / 2).msecsTo(middle)) <= 1;
    const bool endsNow = std::abs(end2.msecsTo(QDateTime::currentDateTimeUtc())) < 5000;
    QVERIFY(sameMiddle || endsNow);
    QVERIFY(end2 <= QDateTime::currentDateTimeUtc());
    QVERIFY(
        m_page->rangeText().startsWith(start2.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s)));
    // A double-click goes back to the relative range chosen before.
    QTest::mouseDClick(chart->viewport(), Qt::LeftButton, {}, from);
    QVERIFY(!controller->isAbsolute());
    QCOMPARE(m_page->rangeText(), u"Last 5 minutes"_s);
    QCOMPARE(box->findData(-2), -1); // the absolute item is gone
}

void TestPanelDrawing::axesAndThresholds()
{
    m_page->resize(1280, 800); // the screenshot's size
    open(u"panels/axes.json"_s);
    const auto drawn = [this](const QString &title, int series) {
        PanelWidget *p = panel(title);
        if (!p || !p->chart())
            return static_cast<TimeSeriesChart *>(nullptr);
        return p->chart()->seriesCount() == series && p->chart()->plotWidth() > 100
                       && !p->chart()->linePoints(0).isEmpty()
                   ? p->chart()
                   : nullptr;
    };
    // Log 10: values 100 to 300 on an axis from 10^2 to 10^3; -100 and 0 have no place there
    // and are left out, 100 is drawn.
    QTRY_VERIFY_WITH_TIMEOUT(drawn(u"Log axis"_s, 6), dataTimeout);
    TimeSeriesChart *log = drawn(u"Log axis"_s, 6);
    auto *logAxis = qobject_cast<QLogValueAxis *>(log->valueAxis());
    QVERIFY(logAxis);
    QVERIFY(logAxis->isVisible());
    QCOMPARE(logAxis->base(), 10.0);
    QCOMPARE(log->valueAxisRange(), (std::pair<double, double>{100, 1000}));
    QCOMPARE(logAxis->min(), 100.0);
    QCOMPARE(logAxis->max(), 1000.0);
    QCOMPARE(log->seriesName(3), u"a minus 200"_s);
    QVERIFY(log->linePoints(3).isEmpty()); // -100
    QVERIFY(log->linePoints(4).isEmpty()); // 0
    QVERIFY(allNear(log->linePoints(5), 100));
    QVERIFY(allNear(log->linePoints(2), 300));
    for (QAbstractSeries *s : log->chart()->series()) {
        if (s->isVisible() && qobject_cast<QLineSeries *>(s)->count() > 0)
            QVERIFY(s->attachedAxes().contains(logAxis));
    }

    // A legacy graph's `yaxis: 2`: RAM on a right axis of its own, in its own unit, the parts
    // on the left.
    QTRY_VERIFY_WITH_TIMEOUT(drawn(u"Right axis (legacy yaxis 2)"_s, 4), dataTimeout);
    TimeSeriesChart *right = drawn(u"Right axis (legacy yaxis 2)"_s, 4);
    QCOMPARE(right->seriesName(3), u"ram"_s);
    for (int i = 0; i < 3; ++i)
        QVERIFY(!right->isOnRightAxis(i));
    QVERIFY(right->isOnRightAxis(3));
    QAbstractAxis *rightAxis = right->rightValueAxis();
    QVERIFY(rightAxis && rightAxis->isVisible());
    QCOMPARE(rightAxis->alignment(), Qt::AlignRight);
    QVERIFY(right->valueAxis()->isVisible());
    QCOMPARE(right->rightAxisRange().first, 0.0);
    QVERIFY(right->rightAxisRange().second >= 8e9 && right->rightAxisRange().second < 9e9);
    QVERIFY(right->valueAxisRange().second >= 300 && right->valueAxisRange().second < 400);
    QVERIFY(allNear(right->linePoints(3), 8e9));
    const QStringList rightLabels = qobject_cast<QCategoryAxis *>(rightAxis)->categoriesLabels();
    QVERIFY2(std::any_of(rightLabels.cbegin(), rightLabels.cend(),
                         [](const QString &l) { return l.endsWith(u" GB"_s); }),
             qPrintable(rightLabels.join(u", "_s))); // decbytes
    for (QAbstractSeries *s : right->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        if (line && line->isVisible() && line->count() > 0)
            QCOMPARE(s->attachedAxes().contains(rightAxis), line->at(0).y() > 1e9);
    }

    // transform: negative-Y on b and c (a regex alias): drawn below zero, a above; the fill
    // fades (fillGradient).
    QTRY_VERIFY_WITH_TIMEOUT(drawn(u"Negative-Y (legacy transform)"_s, 3), dataTimeout);
    TimeSeriesChart *negative = drawn(u"Negative-Y (legacy transform)"_s, 3);
    QVERIFY(!negative->isNegated(0));
    QVERIFY(negative->isNegated(1) && negative->isNegated(2));
    QVERIFY(allNear(negative->linePoints(0), 100));
    QVERIFY(allNear(negative->linePoints(1), -200));
    QVERIFY(allNear(negative->linePoints(2), -300));
    QVERIFY(negative->valueAxisRange().first < -300);
    QVERIFY(negative->valueAxisRange().second > 100);
    // The read-out names the values as they are.
    QVERIFY2(negative->readoutAt(negative->linePoints(2).constLast().x()).contains(u"c: 300 B"_s),
             qPrintable(negative->readoutAt(negative->linePoints(2).constLast().x())));

    // Soft limits reach past the data (-50 below, 1000 above); the fill fades from 40 % at the
    // line to nothing.
    QTRY_VERIFY_WITH_TIMEOUT(drawn(u"Soft limits, opacity gradient"_s, 3), dataTimeout);
    TimeSeriesChart *soft = drawn(u"Soft limits, opacity gradient"_s, 3);
    QCOMPARE(soft->valueAxisRange(), (std::pair<double, double>{-50, 1000}));
    const QBrush fade = soft->fillBrush(2);
    QVERIFY(fade.gradient());
    QCOMPARE(fade.gradient()->type(), QGradient::LinearGradient);
    const QGradientStops stops = fade.gradient()->stops();
    QCOMPARE(stops.constFirst().second.alpha(), 40 * 255 / 100);
    QCOMPARE(stops.constLast().second.alpha(), 0);
    QCOMPARE(stops.constFirst().second.rgb(), Palette::series(2).rgb());

    // Thresholds (base green, orange from 150, red from 250) in each style.
    struct Case
    {
        QString title;
        int lines;
        Qt::PenStyle pen;
        int areas;
    };
    const QList<Case> cases{{u"Thresholds line+area"_s, 2, Qt::SolidLine, 3},
                            {u"Thresholds dashed"_s, 2, Qt::DashLine, 0},
                            {u"Thresholds area"_s, 0, Qt::SolidLine, 3},
                            {u"Thresholds off"_s, 0, Qt::SolidLine, 0}};
    const QList<QColor> colours{grafanaColor(u"green"_s), grafanaColor(u"orange"_s),
                                grafanaColor(u"red"_s)};
    for (const Case &c : cases) {
        QTRY_VERIFY_WITH_TIMEOUT(drawn(c.title, 3), dataTimeout);
        TimeSeriesChart *chart = drawn(c.title, 3);
        QTRY_VERIFY(chart->chart()->plotArea().height() > 50);
        const QRectF plot = chart->chart()->plotArea();
        const QList<QGraphicsLineItem *> lines = chart->thresholdLines();
        const QList<QGraphicsRectItem *> areas = chart->thresholdAreas();
        QCOMPARE(lines.size(), c.lines);
        QCOMPARE(areas.size(), c.areas);
        // Where QtCharts puts a value of a series on the same axis.
        QLineSeries *series = nullptr;
        for (QAbstractSeries *s : chart->chart()->series()) {
            auto *line = qobject_cast<QLineSeries *>(s);
            if (!series && line && line->isVisible() && line->count() > 0)
                series = line;
        }
        QVERIFY(series);
        const auto yOf = [chart, series](double value) {
            return chart->chart()->mapToPosition(QPointF(series->at(0).x(), value), series).y();
        };
        for (int i = 0; i < lines.size(); ++i) {
            const double value = i == 0 ? 150 : 250;
            QCOMPARE(lines.at(i)->pen().color(), colours.at(i + 1));
            QCOMPARE(lines.at(i)->pen().style(), c.pen);
            QVERIFY(lines.at(i)->isVisible());
            QVERIFY2(std::abs(lines.at(i)->line().y1() - yOf(value)) < 1.0,
                     qPrintable(u"%1: line %2 at %3, value at %4"_s.arg(c.title)
                                    .arg(i)
                                    .arg(lines.at(i)->line().y1())
                                    .arg(yOf(value))));
            QCOMPARE(lines.at(i)->line().x1(), plot.left());
            QCOMPARE(lines.at(i)->line().x2(), plot.right());
        }
        for (int i = 0; i < areas.size(); ++i) {
            const QColor fill = areas.at(i)->brush().color();
            QCOMPARE(fill.rgb(), colours.at(i).rgb());
            QVERIFY(fill.alpha() > 0 && fill.alpha() < 80); // shaded, the lines seen through
        }
        if (areas.size() == 3) {
            QVERIFY(std::abs(areas.at(0)->rect().bottom() - plot.bottom()) < 0.5);
            QVERIFY(std::abs(areas.at(0)->rect().top() - yOf(150)) < 1.0);
            QVERIFY(std::abs(areas.at(1)->rect().bottom() - yOf(150)) < 1.0);
            QVERIFY(std::abs(areas.at(1)->rect().top() - yOf(250)) < 1.0);
            QVERIFY(std::abs(areas.at(2)->rect().top() - plot.top()) < 0.5);
            // Seen on screen: the red area's shade over the plot's top.
            const QImage image = chart->grab().toImage();
            const QPoint inRed = chart->mapFromScene(
                chart->chart()->mapToScene(QPointF(plot.left() + 3, plot.top() + 3)));
            const QColor seen = image.pixelColor(inRed);
            QVERIFY2(seen.red() > seen.green() && seen.red() > seen.blue(),
                     qPrintable(seen.name()));
        }
    }

    // axisPlacement right for every series: one axis, on the right.
    QTRY_VERIFY_WITH_TIMEOUT(drawn(u"All on the right"_s, 3), dataTimeout);
    TimeSeriesChart *allRight = drawn(u"All on the right"_s, 3);
    QVERIFY(allRight->isOnRightAxis(0) && allRight->isOnRightAxis(2));
    QVERIFY(allRight->rightValueAxis() && allRight->rightValueAxis()->isVisible());
    QVERIFY(!allRight->valueAxis()->isVisible());
    m_page->resize(1280, 900);
}

void TestPanelDrawing::dashboardTimeAndShift()
{
    open(u"panels/time-links.json"_s);
    MetricsController *controller = m_feature->controller();
    // The dashboard's own time and refresh, in the pickers and in the controller.
    QCOMPARE(m_page->rangeText(), u"Last 15 minutes"_s);
    QCOMPARE(m_page->refreshText(), u"30s"_s);
    QVERIFY(!controller->isAbsolute());
    QCOMPARE(controller->rangeSeconds(), 900.0);
    // The panel's own two minutes, 10 s earlier, named in its header.
    PanelWidget *shifted = panel(u"Shifted"_s);
    QVERIFY(shifted);
    QCOMPARE(shifted->timeInfoText(), u"Last 2m, timeshift -10s"_s);
    QCOMPARE(panel(u"Dashboard time"_s)->timeInfoText(), QString());
    // Data 10 s old exists once Prometheus has scraped for 10 s: asked again until then (the
    // dashboard refreshes only every 30 s).
    const auto hasData = [shifted] {
        return shifted->chart()->seriesCount() == 1 && !shifted->chart()->linePoints(0).isEmpty();
    };
    QElapsedTimer waited;
    waited.start();
    while (!hasData() && waited.elapsed() < dataTimeout) {
        controller->refreshNow();
        QTest::qWait(250);
    }
    QVERIFY(hasData());
    const QDateTime asked = QDateTime::currentDateTimeUtc();
    // What Prometheus was asked, from its own query log: the shifted window and the
    // dashboard's.
    const auto lastRange = [this](const QString &query) {
        QFile log(m_queryLog);
        std::pair<QDateTime, QDateTime> window;
        if (!log.open(QIODevice::ReadOnly))
            return window;
        const QList<QByteArray> lines = log.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject params
                = QJsonDocument::fromJson(line).object().value("params"_L1).toObject();
            if (params.value("query"_L1).toString() == query && params.contains("start"_L1))
                window = {
                    QDateTime::fromString(params.value("start"_L1).toString(), Qt::ISODateWithMs),
                    QDateTime::fromString(params.value("end"_L1).toString(), Qt::ISODateWithMs)};
        }
        return window;
    };
    QTRY_VERIFY_WITH_TIMEOUT(lastRange(u"sum(test_parts_bytes)"_s).first.isValid(), dataTimeout);
    const auto [start, end] = lastRange(u"sum(test_parts_bytes)"_s);
    // Two minutes (plus at most a step at each end for the alignment) ending 10 s ago.
    QVERIFY2(std::abs(start.secsTo(end) - 120) <= 2,
             qPrintable(start.toString(Qt::ISODate) + u' ' + end.toString(Qt::ISODate)));
    QVERIFY2(std::abs(end.secsTo(asked) - 10) <= 4,
             qPrintable(end.toString(Qt::ISODate) + u" asked " + asked.toString(Qt::ISODate)));
    QTRY_VERIFY_WITH_TIMEOUT(lastRange(u"test_parts_bytes"_s).first.isValid(), dataTimeout);
    const auto [dashStart, dashEnd] = lastRange(u"test_parts_bytes"_s);
    QVERIFY(std::abs(dashStart.secsTo(dashEnd) - 900) <= 10);
    QVERIFY(std::abs(dashEnd.secsTo(asked)) <= 4);
    // The chart draws the shifted window: its last point is at least 10 s old.
    const double lastX = shifted->chart()->linePoints(0).constLast().x();
    QVERIFY(lastX <= double(QDateTime::currentMSecsSinceEpoch() - 9000));
}

void TestPanelDrawing::links()
{
    open(u"panels/axes.json"_s); // tagged "stackscope-test"
    open(u"panels/time-links.json"_s);
    UrlCatcher catcher;
    for (const QString &scheme : {u"http"_s, u"https"_s, u"file"_s, u"javascript"_s})
        QDesktopServices::setUrlHandler(scheme, &catcher, "open");
    const auto cleanup = qScopeGuard([] {
        for (const QString &scheme : {u"http"_s, u"https"_s, u"file"_s, u"javascript"_s})
            QDesktopServices::unsetUrlHandler(scheme);
    });
    QVERIFY(m_page->linksBar()->isVisible());
    const QList<QToolButton *> buttons
        = m_page->linksBar()->findChildren<QToolButton *>(u"dashboardLink"_s);
    QStringList texts;
    for (QToolButton *b : buttons)
        texts << b->text();
    QCOMPARE(texts, (QStringList{u"Runbook"_s, u"Unsafe"_s,
                                 u"Axes and thresholds (written for tst_paneldrawing)"_s}));
    QCOMPARE(buttons.at(0)->toolTip().contains(u"How to read these values"_s), true);
    // A web link: its variable and the picker's range filled in, opened through
    // QDesktopServices.
    QTest::mouseClick(buttons.at(0), Qt::LeftButton);
    QCOMPARE(catcher.urls.size(), 1);
    const QUrl runbook = catcher.urls.first();
    QCOMPARE(runbook.host(), u"runbooks.example"_s);
    QCOMPARE(runbook.path(), u"/values"_s);
    const QUrlQuery query(runbook);
    const qint64 from = query.queryItemValue(u"from"_s).toLongLong();
    const qint64 to = query.queryItemValue(u"to"_s).toLongLong();
    QVERIFY(std::abs(to - QDateTime::currentMSecsSinceEpoch()) < 5000);
    QCOMPARE(to - from, 900000); // the dashboard's 15 minutes
    // javascript: is never opened, and the page says why.
    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QCOMPARE(catcher.urls.size(), 1);
    bool said = false;
    for (QLabel *label : m_page->findChildren<QLabel *>())
        said = said || (label->isVisible() && label->text().contains(u"not opened"_s));
    QVERIFY(said);
    // A panel's links: https opened, file: refused.
    PanelWidget *shifted = panel(u"Shifted"_s);
    QVERIFY(shifted->linksButton());
    const QList<QAction *> actions = shifted->linksButton()->menu()->actions();
    QCOMPARE(actions.size(), 2);
    QCOMPARE(actions.at(0)->text(), u"Panel docs"_s);
    actions.at(0)->trigger();
    QCOMPARE(catcher.urls.size(), 2);
    QCOMPARE(catcher.urls.at(1), QUrl(u"https://docs.example/panel?job=values"_s));
    actions.at(1)->trigger();
    QCOMPARE(catcher.urls.size(), 2);
    QVERIFY(!panel(u"Dashboard time"_s)->linksButton());
    // A dashboards link: the tagged dashboard Stackscope knows, opened on a click.
    QTest::mouseClick(buttons.at(2), Qt::LeftButton);
    QTRY_COMPARE(m_page->currentDashboardUid(), u"panel-axes"_s);
    QCOMPARE(catcher.urls.size(), 2);
}

void TestPanelDrawing::fieldMappings()
{
    open(u"panels/fields.json"_s);
    const QColor green = grafanaColor(u"green"_s);
    const QColor orange = grafanaColor(u"orange"_s);
    const QColor red = grafanaColor(u"red"_s);
    // A stat: 100 is a value mapping, 200 in a range, 300 a regex with its capture; each cell
    // filled with its mapping's colour (colorMode background), named (value_and_name).
    PanelWidget *stat = panel(u"Parts mapped"_s);
    QVERIFY(stat && stat->valueView());
    QTRY_COMPARE_WITH_TIMEOUT(stat->valueView()->texts(),
                              (QStringList{u"low"_s, u"mid"_s, u"high 0"_s}), dataTimeout);
    QCOMPARE(stat->valueView()->backgroundColor(100, 0), green);
    QCOMPARE(stat->valueView()->backgroundColor(200, 1), orange);
    QCOMPARE(stat->valueView()->backgroundColor(300, 2), red);
    QCOMPARE(stat->valueView()->shownName(2), u"c"_s);
    // Light text on these fills, as Grafana writes it (their brightness is under 180 of 255; the
    // lightness rule before took the red for a light colour and wrote black on it).
    for (int series = 0; series < 3; ++series)
        QCOMPARE(stat->valueView()->textColor(100.0 * (series + 1), series), QColor(247, 248, 250));
    QCOMPARE(Palette::textOn(grafanaColor(u"yellow"_s)), QColor(32, 34, 38));
    const QImage image = stat->valueView()->grab().toImage();
    for (const QColor &c : {green, orange, red})
        QVERIFY2(pixelsNear(image, c) > image.width() * image.height() / 6, qPrintable(c.name()));
    // decimals 1 and a fixed colour.
    PanelWidget *ram = panel(u"RAM decimals"_s);
    QTRY_COMPARE_WITH_TIMEOUT(ram->valueView()->texts(), QStringList{u"7.5 GiB"_s}, dataTimeout);
    QCOMPARE(ram->valueView()->textColor(8e9), grafanaColor(u"purple"_s));
    // noValue where the query answers nothing.
    PanelWidget *none = panel(u"No value text"_s);
    QTRY_COMPARE_WITH_TIMEOUT(none->statusText(), u"no data"_s, dataTimeout);
    QCOMPARE(none->valueView()->noValueText(), u"Nothing above 1 PB"_s);
    // A table: display names from a template with a label and a variable, mapped text in the
    // mapping's colour (cellOptions color-text); the override (byName on the display name)
    // drops the mappings of "c in prod" and gives it two decimals in SI bytes.
    PanelWidget *table = panel(u"Parts table"_s);
    QVERIFY(table && table->tableModel());
    SeriesTableModel *model = table->tableModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, dataTimeout);
    QStringList names, values;
    for (int r = 0; r < 3; ++r) {
        names << model->index(r, SeriesTableModel::SeriesColumn).data().toString();
        values << model->index(r, SeriesTableModel::ValueColumn).data().toString();
    }
    QCOMPARE(names, (QStringList{u"a in prod"_s, u"b in prod"_s, u"c in prod"_s}));
    QCOMPARE(values, (QStringList{u"low"_s, u"mid"_s, u"300.00 B"_s}));
    QCOMPARE(
        model->index(0, SeriesTableModel::ValueColumn).data(Qt::ForegroundRole).value<QColor>(),
        green);
    QCOMPARE(
        model->index(1, SeriesTableModel::ValueColumn).data(Qt::ForegroundRole).value<QColor>(),
        orange);
    // The state timeline: one region per lane, its mapping's text and colour.
    PanelWidget *states = panel(u"Parts states"_s);
    QVERIFY(states && states->stateTimelineView());
    QTRY_COMPARE_WITH_TIMEOUT(states->stateTimelineView()->lanes(QSizeF(800, 200)).size(), 3,
                              dataTimeout);
    const auto lanes = states->stateTimelineView()->lanes(QSizeF(800, 200));
    const QList<QColor> laneColors{green, orange, red};
    const QStringList laneTexts{u"low"_s, u"mid"_s, u"high 0"_s};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!lanes.at(i).regions.isEmpty());
        for (const auto &region : lanes.at(i).regions) {
            QCOMPARE(region.text, laneTexts.at(i));
            QCOMPARE(region.color, laneColors.at(i));
        }
    }
    // The bar gauge: mapped text, bars in the mappings' colours.
    PanelWidget *bars = panel(u"Parts bars"_s);
    QVERIFY(bars && bars->barGaugeView());
    QTRY_COMPARE_WITH_TIMEOUT(bars->barGaugeView()->layout(QSizeF(600, 120)).size(), 3,
                              dataTimeout);
    const auto laid = bars->barGaugeView()->layout(QSizeF(600, 120));
    QCOMPARE((QStringList{laid.at(0).valueText, laid.at(1).valueText, laid.at(2).valueText}),
             laneTexts);
    QCOMPARE((QList<QColor>{laid.at(0).color, laid.at(1).color, laid.at(2).color}), laneColors);
}

void TestPanelDrawing::fieldOverrides()
{
    m_page->resize(1280, 800);
    open(u"panels/fields.json"_s);
    PanelWidget *p = panel(u"Parts overridden"_s);
    QVERIFY(p && p->chart() && p->legendModel());
    TimeSeriesChart *chart = p->chart();
    QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 4, dataTimeout);
    // byName "a": a fixed purple and a display name from a template.
    QCOMPARE(chart->seriesName(0), u"Part a (a)"_s);
    QCOMPARE(chart->seriesColor(0), grafanaColor(u"purple"_s));
    QCOMPARE(chart->seriesColor(1), Palette::series(1));
    QCOMPARE(chart->seriesColor(2), Palette::series(2));
    // byFrameRefID "B": hidden from the drawing (as after a legend click), red.
    QCOMPARE(chart->seriesName(3), u"ram"_s);
    QCOMPARE(chart->seriesColor(3), grafanaColor(u"red"_s));
    QVERIFY(!chart->isSeriesVisible(3));
    QVERIFY(chart->isSeriesVisible(2));
    // The hidden ram (800 B) does not stretch the axis over the parts (up to 300 B); shown
    // again, it does.
    QVERIFY2(chart->valueAxisRange().second < 500,
             qPrintable(QString::number(chart->valueAxisRange().second)));
    chart->setSeriesVisible(3, true);
    QVERIFY(chart->valueAxisRange().second >= 800);
    chart->setSeriesVisible(3, false);
    QVERIFY(chart->valueAxisRange().second < 500);
    // The legend table: no row for "c" (hideFrom.legend); b's last value mapped by the
    // byRegexp override; ram's row struck out.
    LegendModel *legend = p->legendModel();
    QTRY_COMPARE_WITH_TIMEOUT(legend->rowCount(), 3, dataTimeout);
    QStringList rows;
    for (int r = 0; r < legend->rowCount(); ++r)
        rows << legend->text(r, 0);
    QCOMPARE(rows, (QStringList{u"Part a (a)"_s, u"b"_s, u"ram"_s}));
    QCOMPARE(legend->text(0, 1), u"100 B"_s);
    QCOMPARE(legend->text(1, 1), u"two hundred"_s);
    QCOMPARE(legend->text(2, 1), u"800 B"_s);
    QCOMPARE(legend->data(legend->index(2, 0), LegendModel::VisibleRole).toBool(), false);
    QCOMPARE(legend->data(legend->index(0, 0), Qt::DecorationRole).value<QColor>(),
             grafanaColor(u"purple"_s));
    // The read-out leaves out c (hideFrom.tooltip) and the hidden ram; b is mapped.
    const QList<QPointF> points = chart->linePoints(0);
    QVERIFY(!points.isEmpty());
    const QString readout = chart->readoutAt(qint64(points.constLast().x()));
    QVERIFY2(readout.contains(u"Part a (a): 100 B"_s), qPrintable(readout));
    QVERIFY2(readout.contains(u"b: two hundred"_s), qPrintable(readout));
    QVERIFY2(!readout.contains(u"c: "_s) && !readout.contains(u"ram"_s), qPrintable(readout));
    // The purple line is drawn; the red one is not.
    QTRY_VERIFY_WITH_TIMEOUT(pixelsNear(chart->grab().toImage(), grafanaColor(u"purple"_s)) > 4,
                             dataTimeout);
    QCOMPARE(pixelsNear(chart->grab().toImage(), grafanaColor(u"red"_s)), 0);
    // The screenshot: the last 40 seconds of data as an absolute window, every panel drawn.
    if (!qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR").isEmpty()) {
        QTest::qWait(40000);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(m_page->requestAbsoluteRange(now.addSecs(-40), now));
        // The constant line is drawn with its two ends: wait for one over the whole window.
        QTRY_VERIFY_WITH_TIMEOUT(!chart->linePoints(0).isEmpty()
                                     && chart->linePoints(0).constFirst().x()
                                            < double(now.addSecs(-30).toMSecsSinceEpoch()),
                                 dataTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(panel(u"Parts mapped"_s)->valueView()->texts().size(), 3,
                                  dataTimeout);
        screenshot(u"panel-mappings.png"_s);
        Q_EMIT m_page->findChild<QComboBox *>(u"rangeBox"_s)->activated(0);
    }
    m_page->resize(1280, 900);
}

void TestPanelDrawing::realCephHealthMapped()
{
    // Ceph's own "Health Status" singlestat: ceph_health_status 1 is "WARN" by its valueMaps,
    // on the colour its thresholds "1,2" give 1 (colorBackground).
    open(u"public/ceph-cluster.json"_s);
    PanelWidget *health = panel(u"Health Status"_s);
    QVERIFY(health && health->valueView());
    QTRY_COMPARE_WITH_TIMEOUT(health->valueView()->texts(), QStringList{u"WARN"_s}, dataTimeout);
    QCOMPARE(health->valueView()->backgroundColor(1), health->panel().thresholds.at(1).color);
}

void TestPanelDrawing::legendTableScreenshot()
{
    if (qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR").isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save legend-table.png");
    // A minute of four moving series, then the last minute as an absolute window.
    m_page->resize(1280, 800);
    open(u"panels/legend-wave.json"_s);
    QTest::qWait(60000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_page->requestAbsoluteRange(now.addSecs(-58), now));
    PanelWidget *p = panel(u"Memory by part"_s);
    QVERIFY(p && p->legendTable());
    QTRY_COMPARE_WITH_TIMEOUT(p->legendTable()->model()->rowCount(), 4, dataTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(p->chart()->linePoints(0).size() > 20, dataTimeout);
    // Sorted by mean, highest first: api (2 MB), db, cache, queue.
    QStringList order;
    for (int r = 0; r < 4; ++r)
        order << p->legendTable()->model()->index(r, 0).data().toString();
    QCOMPARE(order, (QStringList{u"api"_s, u"db"_s, u"cache"_s, u"queue"_s}));
    screenshot(u"legend-table.png"_s);
}

void TestPanelDrawing::axesScreenshot()
{
    if (qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR").isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save panel-axes-thresholds.png");
    // After legendTableScreenshot's minute: the last minute, so that the lines cross the plots.
    m_page->resize(1280, 800);
    open(u"panels/axes.json"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_page->requestAbsoluteRange(now.addSecs(-58), now));
    // Every panel's lines start near the window's start (a flat line is drawn with two points).
    const double from = double(now.addSecs(-50).toMSecsSinceEpoch());
    for (PanelWidget *p : m_page->panelWidgets()) {
        QTRY_VERIFY_WITH_TIMEOUT(p->chart()->seriesCount() > 0
                                     && !p->chart()->linePoints(0).isEmpty()
                                     && p->chart()->linePoints(0).constFirst().x() <= from,
                                 dataTimeout);
    }
    screenshot(u"panel-axes-thresholds.png"_s);
}

QTEST_MAIN(TestPanelDrawing)
#include "tst_paneldrawing.moc"
