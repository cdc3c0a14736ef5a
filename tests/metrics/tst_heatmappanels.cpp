// SPDX-License-Identifier: GPL-3.0-or-later
// Heatmap and histogram panels drawn from a real Prometheus 2.42 that scrapes a loopback
// endpoint serving histograms (one fixed, one whose observations move with the clock), gauges
// with known values and Ceph's OSD series: the dashboards written per option
// (data/metrics/panels/heatmap.json, histogram.json) and Ceph's real cluster dashboard, through
// the Metrics page. Asserts what is drawn: cells, bucket order and counts, the colours at the
// lowest and highest count, the tooltip, bars and their counts. With STACKSCOPE_SCREENSHOT_DIR
// set it saves panel-heatmap.png and panel-histogram.png there after a minute of moving values.
#include "app/config/configmanager.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/metricscontroller.h"
#include "models/common/palette.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/heatmapview.h"
#include "ui/metrics/histogramview.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"

#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

constexpr int dataTimeout = 20000;
constexpr double Inf = std::numeric_limits<double>::infinity();

const QByteArray fixedText = "# TYPE test_latency_seconds histogram\n"
                             "test_latency_seconds_bucket{le=\"0.1\"} 5\n"
                             "test_latency_seconds_bucket{le=\"0.25\"} 12\n"
                             "test_latency_seconds_bucket{le=\"1\"} 20\n"
                             "test_latency_seconds_bucket{le=\"2.5\"} 24\n"
                             "test_latency_seconds_bucket{le=\"10\"} 25\n"
                             "test_latency_seconds_bucket{le=\"+Inf\"} 26\n"
                             "test_latency_seconds_sum 30\n"
                             "test_latency_seconds_count 26\n"
                             "# TYPE test_parts_bytes gauge\n"
                             "test_parts_bytes{part=\"a\"} 100\n"
                             "test_parts_bytes{part=\"b\"} 200\n"
                             "test_parts_bytes{part=\"c\"} 300\n"
                             "# TYPE test_size_bytes gauge\n"
                             "test_size_bytes{part=\"a\"} 100\n"
                             "test_size_bytes{part=\"b\"} 120\n"
                             "test_size_bytes{part=\"c\"} 180\n"
                             "test_size_bytes{part=\"d\"} 250\n"
                             "test_size_bytes{part=\"e\"} 260\n"
                             "test_size_bytes{part=\"f\"} 540\n"
                             "# TYPE ceph_osd_stat_bytes_used gauge\n"
                             "ceph_osd_stat_bytes_used{ceph_daemon=\"osd.0\"} 75\n"
                             "ceph_osd_stat_bytes_used{ceph_daemon=\"osd.1\"} 50\n"
                             "ceph_osd_stat_bytes_used{ceph_daemon=\"osd.2\"} 52\n"
                             "ceph_osd_stat_bytes_used{ceph_daemon=\"osd.3\"} 90\n"
                             "# TYPE ceph_osd_stat_bytes gauge\n"
                             "ceph_osd_stat_bytes{ceph_daemon=\"osd.0\"} 100\n"
                             "ceph_osd_stat_bytes{ceph_daemon=\"osd.1\"} 100\n"
                             "ceph_osd_stat_bytes{ceph_daemon=\"osd.2\"} 100\n"
                             "ceph_osd_stat_bytes{ceph_daemon=\"osd.3\"} 100\n";

/// Prometheus' default buckets, for the moving histogram.
constexpr std::array<double, 11> movingBounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                              0.5,   1,    2.5,   5,    10};

/// A histogram whose observations drift with the clock: every scrape adds 40 requests around a
/// latency that swings between 20 ms and 2 s over a minute and a half (deterministic).
class MovingHistogram
{
public:
    QByteArray scrape()
    {
        const double t = double(QDateTime::currentMSecsSinceEpoch() % 3600000) / 1000.0;
        const double centre
            = std::exp(std::log(0.2) + 2.3 * std::sin(t * 2 * std::numbers::pi / 90));
        for (int i = 0; i < 40; ++i) {
            m_seed = m_seed * 6364136223846793005ULL + 1442695040888963407ULL;
            const double spread = double(m_seed >> 11) / double(1ULL << 53) * 2 - 1; // -1..1
            const double latency = centre * std::exp(spread * 1.2);
            for (size_t b = 0; b < movingBounds.size(); ++b)
                if (latency <= movingBounds.at(b))
                    ++m_counts[b];
            ++m_counts.back();
        }
        QByteArray out = "# TYPE test_requests_seconds histogram\n";
        for (size_t b = 0; b < movingBounds.size(); ++b)
            out += "test_requests_seconds_bucket{le=\"" + QByteArray::number(movingBounds.at(b))
                   + "\"} " + QByteArray::number(m_counts.at(b)) + '\n';
        out += "test_requests_seconds_bucket{le=\"+Inf\"} " + QByteArray::number(m_counts.back())
               + '\n';
        out += "test_requests_seconds_count " + QByteArray::number(m_counts.back()) + '\n';
        out += "# TYPE test_request_latest_seconds gauge\n";
        out += "test_request_latest_seconds{route=\"/api\"} "
               + QByteArray::number(0.2 + 0.1 * std::sin(t * 2 * std::numbers::pi / 37)) + '\n';
        out += "test_request_latest_seconds{route=\"/static\"} "
               + QByteArray::number(0.06 + 0.04 * std::sin(t * 2 * std::numbers::pi / 23)) + '\n';
        return out;
    }

private:
    quint64 m_seed = 42;
    std::array<quint64, movingBounds.size() + 1> m_counts{};
};

QList<double> uppers(const Heatmap &map)
{
    QList<double> out;
    for (const HeatmapRow &row : map.rows)
        out << row.upper;
    return out;
}

QList<double> column(const Heatmap &map, qsizetype c)
{
    QList<double> out;
    for (qsizetype r = 0; r < map.rows.size(); ++r)
        out << map.count(r, c);
    return out;
}

int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 6 && std::abs(c.green() - color.green()) < 6
                && std::abs(c.blue() - color.blue()) < 6)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestHeatmapPanels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void prometheusBuckets();
    void bucketColoursAndTooltip();
    void legacyBuckets();
    void seriesAsRows();
    void legacyCalculatedOpacity();
    void realCephUtilisation();
    void histogramBars();
    void histogramPerSeries();
    void screenshots();

private:
    void open(const QString &file);
    PanelWidget *panel(const QString &title) const;
    HeatmapView *heatmap(const QString &title) const;
    /// Waits for the fixed latency heatmap's six rows in a panel.
    void waitForRows(const QString &title, int rows);

    Test::FaultServer m_values;
    MovingHistogram m_moving;
    Test::PrometheusProcess m_prometheus;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<MetricsFeature> m_feature;
    MetricsPage *m_page = nullptr;
};

void TestHeatmapPanels::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    QVERIFY(m_values.listen());
    m_values.setHandler(
        [this](const Test::FaultRequest &request) -> std::optional<Test::FaultResponse> {
            if (request.path != "/metrics"_L1)
                return std::nullopt;
            return Test::FaultServer::text(fixedText + m_moving.scrape());
        });
    m_prometheus.setConfig(u"global:\n"
                           "  scrape_interval: 1s\n"
                           "scrape_configs:\n"
                           "  - job_name: values\n"
                           "    static_configs:\n"
                           "      - targets: ['127.0.0.1:%1']\n"_s.arg(m_values.port()));
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    m_config = std::make_unique<ConfigManager>(m_dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &m_network;
    context.config = m_config.get();
    m_feature = std::make_unique<MetricsFeature>(context);
    m_page = qobject_cast<MetricsPage *>(m_feature->createPage());
    QVERIFY(m_page);
    m_page->resize(1280, 800);
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
    Q_EMIT box->activated(0); // Last 5 minutes
    // Two scrapes: rate() has its two samples.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_prometheus
            .fetch(
                "GET",
                u"/api/v1/query?query=count_over_time(test_parts_bytes%7Bpart=%22a%22%7D%5B1m%5D)"_s)
            .body.contains("\"2\""),
        dataTimeout);
}

void TestHeatmapPanels::cleanupTestCase()
{
    m_feature.reset();
    m_prometheus.stop();
}

void TestHeatmapPanels::open(const QString &file)
{
    const QString path = Test::testDataDir() + u"/metrics/"_s + file;
    QVERIFY2(QFile::exists(path), qPrintable(path));
    QVERIFY(m_feature->openFile(path));
}

PanelWidget *TestHeatmapPanels::panel(const QString &title) const
{
    const auto panels = m_page->panelWidgets();
    for (PanelWidget *p : panels) {
        if (p->panel().title == title)
            return p;
    }
    return nullptr;
}

HeatmapView *TestHeatmapPanels::heatmap(const QString &title) const
{
    PanelWidget *p = panel(title);
    return p ? p->heatmapView() : nullptr;
}

void TestHeatmapPanels::waitForRows(const QString &title, int rows)
{
    PanelWidget *p = panel(title);
    QVERIFY2(p && p->heatmapView(), qPrintable(title));
    m_page->scrollArea()->ensureWidgetVisible(p); // only panels on screen are queried
    QTRY_COMPARE_WITH_TIMEOUT(p->heatmapView()->heatmap().rows.size(), rows, dataTimeout);
}

void TestHeatmapPanels::prometheusBuckets()
{
    open(u"panels/heatmap.json"_s);
    waitForRows(u"Latency default"_s, 6);
    HeatmapView *view = heatmap(u"Latency default"_s);
    const Heatmap &map = view->heatmap();
    // Sorted by le as numbers (Prometheus sends "10" before "2.5"), +Inf last...
    QCOMPARE(uppers(map), (QList<double>{0.1, 0.25, 1, 2.5, 10, Inf}));
    QCOMPARE(map.rows.at(0).lower, -Inf);
    QCOMPARE(map.rows.at(3).lower, 1.0);
    // ...and per bucket at every time: 5, 12-5, 20-12, 24-20, 25-24, 26-25.
    QVERIFY(!map.times.isEmpty());
    for (qsizetype c = 0; c < map.times.size(); ++c)
        QCOMPARE(column(map, c), (QList<double>{5, 7, 8, 4, 1, 1}));
    QCOMPARE(map.min, 1.0);
    QCOMPARE(map.max, 8.0);
    // A cell per bucket and time, the bottom row lowest.
    const QSizeF size = view->size();
    const QList<HeatmapView::Cell> cells = view->cells(size);
    QCOMPARE(cells.size(), map.rows.size() * map.times.size());
    QVERIFY(cells.constFirst().row == 0 && cells.constLast().row == 5);
    QVERIFY(cells.constFirst().rect.top() > cells.constLast().rect.top());
    // Default colours: Oranges, light for the fewest, dark for the most.
    for (const HeatmapView::Cell &cell : cells) {
        if (cell.count == 1)
            QCOMPARE(cell.color, QColor(0xfff5eb));
        if (cell.count == 8)
            QCOMPARE(cell.color, QColor(0x7f2704));
    }
    const QImage image = view->grab().toImage();
    QVERIFY(pixelsNear(image, QColor(0x7f2704)) > 20);
    QVERIFY(pixelsNear(image, QColor(0xfff5eb)) > 20);
}

void TestHeatmapPanels::bucketColoursAndTooltip()
{
    open(u"panels/heatmap.json"_s);
    waitForRows(u"Latency Spectral linear"_s, 6);
    HeatmapView *view = heatmap(u"Latency Spectral linear"_s);
    const QList<HeatmapView::Cell> cells = view->cells(view->size());
    QVERIFY(!cells.isEmpty());
    for (const HeatmapView::Cell &cell : cells) {
        if (cell.count == 1)
            QCOMPARE(cell.color, Palette::scheme(u"Spectral"_s, 0));
        if (cell.count == 8)
            QCOMPARE(cell.color, Palette::scheme(u"Spectral"_s, 1));
        if (cell.count == 5) // linear: 4/7 of the way, on 128 steps
            QCOMPARE(cell.color, Palette::scheme(u"Spectral"_s, std::round(4.0 / 7 * 127) / 127));
    }
    // The y axis in seconds; the tooltip names the time, the bucket and the count.
    QCOMPARE(view->heatmap().rows.at(1).label, u"250 ms"_s);
    QCOMPARE(view->rowRange(0), u"≤ 100 ms"_s);
    QCOMPARE(view->rowRange(5), u"> 10 s"_s);
    const HeatmapView::Cell *third = nullptr;
    for (const HeatmapView::Cell &cell : cells) {
        if (cell.row == 2)
            third = &cell;
    }
    QVERIFY(third);
    const QString tip = view->toolTipAt(third->rect.center() + QPointF(2, 2));
    QVERIFY2(tip.contains(u"Bucket: 250 ms – 1 s"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"Count: 8"_s), qPrintable(tip));
    QVERIFY2(tip.contains(QDateTime::fromMSecsSinceEpoch(view->heatmap().times.at(third->column))
                              .toString(u"HH:mm:ss"_s)),
             qPrintable(tip));
    QCOMPARE(view->toolTipAt(QPointF(1, 1)), QString()); // off the cells
    // Opacity mode: the fill colour, opaque for the most.
    waitForRows(u"Latency opacity"_s, 6);
    HeatmapView *opacity = heatmap(u"Latency opacity"_s);
    for (const HeatmapView::Cell &cell : opacity->cells(opacity->size())) {
        QCOMPARE(cell.color.rgb(), grafanaColor(u"blue"_s).rgb());
        if (cell.count == 8)
            QCOMPARE(cell.color.alpha(), 255);
        if (cell.count == 1)
            QVERIFY(cell.color.alpha() < 40);
    }
}

void TestHeatmapPanels::legacyBuckets()
{
    // The legacy heatmap with tsbuckets: the same buckets, Greens spread linearly.
    open(u"panels/heatmap.json"_s);
    waitForRows(u"Legacy tsbuckets"_s, 6);
    HeatmapView *view = heatmap(u"Legacy tsbuckets"_s);
    QCOMPARE(uppers(view->heatmap()), (QList<double>{0.1, 0.25, 1, 2.5, 10, Inf}));
    QCOMPARE(column(view->heatmap(), 0), (QList<double>{5, 7, 8, 4, 1, 1}));
    QCOMPARE(view->heatmap().rows.at(0).label, u"100 ms"_s); // yAxis.format "s"
    for (const HeatmapView::Cell &cell : view->cells(view->size())) {
        if (cell.count == 1)
            QCOMPARE(cell.color, QColor(0xf7fcf5));
        if (cell.count == 8)
            QCOMPARE(cell.color, QColor(0x00441b));
    }
}

void TestHeatmapPanels::seriesAsRows()
{
    open(u"panels/heatmap.json"_s);
    waitForRows(u"Parts as rows"_s, 3);
    HeatmapView *view = heatmap(u"Parts as rows"_s);
    const Heatmap &map = view->heatmap();
    QCOMPARE(map.rows.at(0).label, u"a"_s);
    QCOMPARE(map.rows.at(2).label, u"c"_s);
    QVERIFY(!map.rows.at(0).isBucket());
    QCOMPARE(map.count(0, 0), 100.0);
    QCOMPARE(map.count(2, 0), 300.0);
    for (const HeatmapView::Cell &cell : view->cells(view->size())) {
        QCOMPARE(cell.color, cell.row == 0   ? QColor(0xf7fbff)
                             : cell.row == 2 ? QColor(0x08306b)
                                             : Palette::scheme(u"Blues"_s, 32.0 / 63));
    }
    QVERIFY(view->toolTipAt(view->cells(view->size()).constFirst().rect.center() + QPointF(2, 2))
                .contains(u"Bucket: a"_s));
}

void TestHeatmapPanels::legacyCalculatedOpacity()
{
    // dataFormat "timeseries": Grafana buckets the values (100, 200, 300 bytes) into ranges of
    // 20 bytes; empty ranges are drawn (no hideZeroBuckets), faint red.
    open(u"panels/heatmap.json"_s);
    waitForRows(u"Legacy timeseries opacity"_s, 11);
    HeatmapView *view = heatmap(u"Legacy timeseries opacity"_s);
    const Heatmap &map = view->heatmap();
    QCOMPARE(map.rows.at(0).lower, 100.0);
    QCOMPARE(map.rows.at(0).label, u"100 B"_s);
    const qsizetype last = map.times.size() - 1;
    QList<double> expected(11, 0);
    expected[0] = expected[5] = expected[10] = 1;
    QCOMPARE(column(map, last), expected);
    const QList<HeatmapView::Cell> cells = view->cells(view->size());
    QCOMPARE(cells.size(), 11 * map.times.size());
    for (const HeatmapView::Cell &cell : cells) {
        QCOMPARE(cell.color.rgb(), QColor(0xff0000).rgb());
        if (cell.count == 1)
            QCOMPARE(cell.color.alpha(), 255);
        else // a tenth
            QVERIFY2(std::abs(cell.color.alpha() - 25.5) <= 1,
                     qPrintable(cell.color.name(QColor::HexArgb)));
    }
}

void TestHeatmapPanels::realCephUtilisation()
{
    // Ceph's own cluster dashboard: "OSD Capacity Utilization" buckets four OSDs at 75, 50, 52
    // and 90 % into ranges of 5 % from 50 %.
    open(u"public/ceph-cluster.json"_s);
    waitForRows(u"OSD Capacity Utilization"_s, 9);
    HeatmapView *view = heatmap(u"OSD Capacity Utilization"_s);
    const Heatmap &map = view->heatmap();
    QCOMPARE(map.rows.at(0).label, u"50 %"_s);
    QList<double> expected(9, 0);
    expected[0] = 2;
    expected[5] = expected[8] = 1;
    QCOMPARE(column(map, map.times.size() - 1), expected);
    // Blues, spread linearly: the two OSDs at 50 % the darkest.
    for (const HeatmapView::Cell &cell : view->cells(view->size())) {
        if (cell.count == 2)
            QCOMPARE(cell.color, QColor(0x08306b));
    }
    QCOMPARE(view->rowRange(0), u"50 % – 55 %"_s);
    QCOMPARE(panel(u"OSD Capacity Utilization"_s)->statusText(), QString());
}

void TestHeatmapPanels::histogramBars()
{
    open(u"panels/histogram.json"_s);
    struct Case
    {
        QString title;
        QList<double> starts;
        QList<int> counts;
        QString firstRange;
    };
    const QList<Case> cases{
        {u"Sizes bucket 100 combined"_s,
         {100, 200, 300, 400, 500},
         {3, 2, 0, 0, 1},
         u"100 B – 200 B"_s},
        {u"Sizes bucket 100 offset 50"_s,
         {50, 150, 250, 350, 450},
         {2, 1, 2, 0, 1},
         u"50 B – 150 B"_s},
        {u"Sizes auto"_s,
         {100, 150, 200, 250, 300, 350, 400, 450, 500},
         {2, 1, 0, 2, 0, 0, 0, 0, 1},
         u"100 B – 150 B"_s},
    };
    for (const Case &c : cases) {
        PanelWidget *p = panel(c.title);
        QVERIFY2(p && p->histogramView(), qPrintable(c.title));
        m_page->scrollArea()->ensureWidgetVisible(p);
        HistogramView *view = p->histogramView();
        QTRY_VERIFY_WITH_TIMEOUT(!view->histogram().isEmpty(), dataTimeout);
        QCOMPARE(view->histogram().starts, c.starts);
        QCOMPARE(view->histogram().counts.size(), 1);
        QCOMPARE(QList<int>(view->histogram().counts.at(0).cbegin(),
                            view->histogram().counts.at(0).cend()),
                 c.counts);
        QCOMPARE(view->bucketRange(0), c.firstRange);
        // A bar per bucket with values, as high as its count says.
        const QList<HistogramView::Bar> bars = view->bars(view->size());
        QCOMPARE(bars.size(), qsizetype(std::count_if(c.counts.cbegin(), c.counts.cend(),
                                                      [](int n) { return n > 0; })));
        const HistogramView::Bar &first = bars.constFirst();
        for (const HistogramView::Bar &bar : bars) {
            QCOMPARE(bar.color, Palette::series(0));
            QVERIFY(
                std::abs(bar.rect.height() / first.rect.height() - double(bar.count) / first.count)
                < 0.01);
            QVERIFY(bar.rect.left() >= first.rect.left());
        }
        QVERIFY(pixelsNear(view->grab().toImage(), Palette::series(0)) > 50);
    }
}

void TestHeatmapPanels::histogramPerSeries()
{
    // Not combined, over the range: every sample of a, b and c in its own bucket of 50 bytes,
    // one colour per series.
    open(u"panels/histogram.json"_s);
    PanelWidget *p = panel(u"Parts per series"_s);
    QVERIFY(p && p->histogramView());
    m_page->scrollArea()->ensureWidgetVisible(p);
    HistogramView *view = p->histogramView();
    QTRY_COMPARE_WITH_TIMEOUT(view->histogram().counts.size(), 3, dataTimeout);
    const Histogram &h = view->histogram();
    QCOMPARE(h.names, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(h.starts, (QList<double>{100, 150, 200, 250, 300}));
    for (qsizetype s = 0; s < 3; ++s) {
        const QVector<int> &counts = h.counts.at(s);
        const qsizetype bucket = s * 2; // 100, 200, 300
        QVERIFY(counts.at(bucket) > 0);
        QCOMPARE(std::accumulate(counts.cbegin(), counts.cend(), 0), counts.at(bucket));
    }
    const QList<HistogramView::Bar> bars = view->bars(view->size());
    QCOMPARE(bars.size(), 3);
    for (const HistogramView::Bar &bar : bars)
        QCOMPARE(bar.color, Palette::series(quint32(bar.set)));
    const QString tip = view->toolTipAt(bars.at(1).rect.center() + QPointF(2, 2));
    QVERIFY2(tip.startsWith(u"200 B – 250 B\n"_s) && tip.contains(u"\nb: "_s)
                 && tip.contains(u"\na: 0"_s),
             qPrintable(tip));
}

void TestHeatmapPanels::screenshots()
{
    const QString dir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("STACKSCOPE_SCREENSHOT_DIR is not set");
    // A minute of moving observations, shown over that minute.
    QTest::qWait(70000);
    open(u"panels/heatmap.json"_s);
    const QDateTime end = QDateTime::currentDateTime();
    QVERIFY(m_page->requestAbsoluteRange(end.addSecs(-70), end));
    m_page->scrollArea()->ensureVisible(0, 0);
    QTRY_VERIFY_WITH_TIMEOUT(heatmap(u"Request latency (moving)"_s)->heatmap().times.size() > 30,
                             dataTimeout);
    QTest::qWait(1500);
    QVERIFY(m_page->grab().save(dir + u"/panel-heatmap.png"_s));
    open(u"panels/histogram.json"_s);
    QVERIFY(m_page->requestAbsoluteRange(end.addSecs(-70), end));
    m_page->scrollArea()->ensureVisible(0, 0);
    PanelWidget *moving = panel(u"Request latency over the range (moving)"_s);
    QTRY_VERIFY_WITH_TIMEOUT(moving->histogramView()->histogram().counts.size() == 2, dataTimeout);
    QTest::qWait(1500);
    QVERIFY(m_page->grab().save(dir + u"/panel-histogram.png"_s));
}

QTEST_MAIN(TestHeatmapPanels)
#include "tst_heatmappanels.moc"
