// SPDX-License-Identifier: GPL-3.0-or-later
// Exemplars, metrics → traces, end to end: a real Prometheus 2.42 with exemplar storage scrapes a
// loopback endpoint that serves OpenMetrics text with exemplars (a histogram whose buckets carry a
// `trace_id` each scrape, a counter with a `traceID`), and the Metrics page draws the dashboard
// tests/data/metrics/panels/exemplars.json: the exemplar query is sent for the panels that ask and
// are on screen only, the exemplars are parsed (labels, values, times), drawn as diamonds with
// their series, hovering one shows its labels, clicking one opens its trace on the Traces page
// against a Jaeger stand-in. A failing exemplar query is said on its panel. With
// STACKSCOPE_SCREENSHOT_DIR set it saves panel-exemplars.png there.
#include "app/config/configmanager.h"
#include "app/features/metricsfeature.h"
#include "app/features/tracesfeature.h"
#include "app/http/httpclient.h"
#include "app/jaeger/tracescontroller.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "tests/traces/fakejaeger.h"
#include "tests/traces/tracegenerator.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/traceview.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMouseEvent>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

constexpr int dataTimeout = 20000;

/// What the endpoint served: an exemplar by its trace id.
struct Served
{
    QString metric;
    QString le; ///< empty for the counter
    double value = 0;
    qint64 timeMs = 0;
};

/// A number in [0, 1) that looks random and is the same on every run.
double scatter(int i)
{
    const double x = std::sin(double(i) * 12.9898) * 43758.5453;
    return x - std::floor(x);
}

} // namespace

class TestExemplars : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exemplarModel_data();
    void exemplarModel();
    void clientQueriesExemplars();
    void panelsDrawExemplars();
    void hoverAndClickOpenTheTrace();
    void failureShownOnPanel();
    void screenshot();

private:
    QByteArray openMetrics();
    PanelWidget *panel(const QString &title) const;
    /// Checks that an exemplar is one the endpoint served, with its labels, value and time.
    void verifyServed(const Exemplar &exemplar);
    /// A marker drawn on the chart: the one under its own position (markers may overlap).
    static int markerUnder(TimeSeriesChart *chart, int marker);

    Test::FaultServer m_values;
    Test::PrometheusProcess m_prometheus;
    Test::FaultServer m_jaegerServer;
    Test::FakeJaeger m_jaeger;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<MetricsFeature> m_metrics;
    std::unique_ptr<TracesFeature> m_traces;
    std::unique_ptr<QWidget> m_tracesPage;
    MetricsPage *m_page = nullptr;
    QHash<QString, Served> m_served;
    int m_scrapes = 0;
    qint64 m_counts[4] = {0, 0, 0, 0}; ///< per bucket, not cumulative
    QDateTime m_started;
};

QByteArray TestExemplars::openMetrics()
{
    // One new exemplar per bucket and for the counter on every scrape, at the scrape's time, so
    // that Prometheus keeps each (an equal one would be a duplicate).
    const int n = m_scrapes++;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QByteArray time = QByteArray::number(double(now) / 1000.0, 'f', 3);
    static const char *const les[] = {"0.1", "0.5", "1", "+Inf"};
    static const double lows[] = {0.01, 0.1, 0.5};
    static const double widths[] = {0.09, 0.4, 0.5};
    m_counts[0] += 4 + n % 3;
    m_counts[1] += 2 + (n % 4 == 0 ? 3 : 0);
    m_counts[2] += 1;
    m_counts[3] += n % 2;
    QByteArray body = "# HELP test_request_duration_seconds How long requests took.\n"
                      "# TYPE test_request_duration_seconds histogram\n";
    qint64 cumulative = 0;
    double sum = 0;
    for (int b = 0; b < 4; ++b) {
        cumulative += m_counts[b];
        body += "test_request_duration_seconds_bucket{le=\"" + QByteArray(les[b]) + "\"} "
                + QByteArray::number(cumulative);
        if (b < 3) {
            // A value inside the bucket, three decimals, so that what Prometheus answers is
            // exactly what was served.
            const QByteArray value
                = QByteArray::number(lows[b] + widths[b] * scatter(n * 4 + b), 'f', 3);
            const QString traceId
                = u"%1%2"_s.arg(b + 1, 8, 16, QChar(u'0'))
                      .arg(quint64(0x4bf92f3500000000ull + quint64(n)), 24, 16, QChar(u'0'));
            body += " # {trace_id=\"" + traceId.toLatin1() + "\"} " + value + ' ' + time;
            m_served.insert(traceId, {u"test_request_duration_seconds_bucket"_s,
                                      QString::fromLatin1(les[b]), value.toDouble(), now});
            sum += value.toDouble() * double(m_counts[b]);
        }
        body += '\n';
    }
    body += "test_request_duration_seconds_count " + QByteArray::number(cumulative) + '\n';
    body += "test_request_duration_seconds_sum " + QByteArray::number(sum, 'f', 3) + '\n';
    const QString counterTrace = u"c0ffee%1"_s.arg(n, 26, 16, QChar(u'0'));
    body += "# HELP test_requests Requests served.\n# TYPE test_requests counter\n";
    body += "test_requests_total " + QByteArray::number(cumulative) + " # {traceID=\""
            + counterTrace.toLatin1() + "\"} 1 " + time + '\n';
    m_served.insert(counterTrace, {u"test_requests_total"_s, QString(), 1.0, now});
    body += "# EOF\n";
    return body;
}

void TestExemplars::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    m_started = QDateTime::currentDateTimeUtc();
    QVERIFY(m_values.listen());
    m_values.setHandler(
        [this](const Test::FaultRequest &request) -> std::optional<Test::FaultResponse> {
            if (request.path != "/metrics"_L1)
                return std::nullopt;
            // OpenMetrics 1.0's own media type: only with it does Prometheus read exemplars.
            Test::FaultResponse response;
            response.headers
                = {{"Content-Type", "application/openmetrics-text; version=1.0.0; charset=utf-8"}};
            response.body = openMetrics();
            return response;
        });
    m_prometheus.setConfig(u"global:\n"
                           "  scrape_interval: 1s\n"
                           "scrape_configs:\n"
                           "  - job_name: app\n"
                           "    static_configs:\n"
                           "      - targets: ['127.0.0.1:%1']\n"_s.arg(m_values.port()));
    QVERIFY2(m_prometheus.start({u"--enable-feature=exemplar-storage"_s}),
             qPrintable(m_prometheus.errorString()));

    QVERIFY(m_jaegerServer.listen());
    m_jaegerServer.setHandler(m_jaeger.handler());
    m_config = std::make_unique<ConfigManager>(m_dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &m_network;
    context.config = m_config.get();
    m_metrics = std::make_unique<MetricsFeature>(context);
    m_traces = std::make_unique<TracesFeature>(context);
    m_page = qobject_cast<MetricsPage *>(m_metrics->createPage());
    QVERIFY(m_page);
    m_tracesPage.reset(m_traces->createPage());
    // As the composition root does: a request for the Traces page goes to its feature.
    connect(m_metrics.get(), &Feature::showRequested, m_traces.get(),
            [this](const NavigationRequest &request) {
                if (pageIdOf(request) == m_traces->id())
                    m_traces->show(request);
            });
    m_page->resize(1280, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    Config config;
    config.prometheus.url = m_prometheus.url();
    config.jaeger.url = m_jaegerServer.url();
    config.refresh.metrics = std::chrono::seconds(1);
    m_metrics->applyConfig(config);
    m_traces->applyConfig(config);
    m_metrics->controller()->setScrapeInterval(1);
    m_metrics->start();
    // Two scrapes (Prometheus starts scraping after its first discovery update, 5 s): a rate
    // over 5 s has two samples, and exemplars are stored.
    const QString probe = u"/api/v1/query_exemplars?query=test_requests_total&start=%1&end=%2"_s
                              .arg(m_started.toSecsSinceEpoch() - 60)
                              .arg(m_started.toSecsSinceEpoch() + 3600);
    QTRY_VERIFY_WITH_TIMEOUT(m_prometheus.fetch("GET", probe).body.count("traceID") >= 2,
                             dataTimeout);
}

void TestExemplars::cleanupTestCase()
{
    m_metrics.reset();
    m_traces.reset();
    m_prometheus.stop();
}

PanelWidget *TestExemplars::panel(const QString &title) const
{
    const auto panels = m_page->panelWidgets();
    for (PanelWidget *p : panels) {
        if (p->panel().title == title)
            return p;
    }
    return nullptr;
}

void TestExemplars::verifyServed(const Exemplar &e)
{
    const QString id = e.traceId();
    QVERIFY2(m_served.contains(id), qPrintable(u"not served: "_s + id));
    const Served &s = m_served.value(id);
    QCOMPARE(e.seriesLabels.value(u"__name__"_s), s.metric);
    QCOMPARE(e.seriesLabels.value(u"le"_s), s.le);
    QCOMPARE(e.seriesLabels.value(u"job"_s), u"app"_s);
    QCOMPARE(e.value, s.value);
    QCOMPARE(e.timeMs, s.timeMs);
    QCOMPARE(e.labels.size(), 1);
}

int TestExemplars::markerUnder(TimeSeriesChart *chart, int marker)
{
    return chart->exemplarAt(chart->exemplarPosition(marker));
}

void TestExemplars::exemplarModel_data()
{
    QTest::addColumn<Labels>("seriesLabels");
    QTest::addColumn<QList<Labels>>("series");
    QTest::addColumn<int>("expected");
    const Labels bucket{{u"__name__"_s, u"x_bucket"_s}, {u"le"_s, u"0.5"_s}, {u"job"_s, u"a"_s}};
    QTest::newRow("aggregate without labels") << bucket << QList<Labels>{{}} << 0;
    QTest::newRow("sum by le") << bucket
                               << QList<Labels>{{{u"le"_s, u"0.1"_s}},
                                                {{u"le"_s, u"0.5"_s}},
                                                {{u"le"_s, u"1"_s}}}
                               << 1;
    QTest::newRow("rate keeps every label but the name")
        << bucket
        << QList<Labels>{{{u"le"_s, u"0.5"_s}, {u"job"_s, u"b"_s}},
                         {{u"le"_s, u"0.5"_s}, {u"job"_s, u"a"_s}}}
        << 1;
    QTest::newRow("the series itself, name and all") << bucket << QList<Labels>{bucket} << 0;
    QTest::newRow("most labels wins")
        << bucket
        << QList<Labels>{{}, {{u"job"_s, u"a"_s}}, {{u"le"_s, u"0.5"_s}, {u"job"_s, u"a"_s}}} << 2;
    QTest::newRow("another metric")
        << bucket << QList<Labels>{{{u"__name__"_s, u"y_bucket"_s}}} << -1;
    QTest::newRow("no series matches")
        << bucket << QList<Labels>{{{u"le"_s, u"0.1"_s}}, {{u"le"_s, u"1"_s}}} << -1;
    QTest::newRow("no series") << bucket << QList<Labels>{} << -1;
}

void TestExemplars::exemplarModel()
{
    QFETCH(Labels, seriesLabels);
    QFETCH(QList<Labels>, series);
    QFETCH(int, expected);
    QList<Series> list;
    for (const Labels &labels : series)
        list.append(Series{labels, {}, {}});
    QCOMPARE(exemplarSeries(seriesLabels, list), expected);
    // Every spelling of a trace id, and none.
    Exemplar e;
    e.seriesLabels = seriesLabels;
    QCOMPARE(e.traceId(), QString());
    for (const QString &name : {u"trace_id"_s, u"traceID"_s, u"traceId"_s}) {
        e.labels = {{name, u"abc123"_s}, {u"span_id"_s, u"s1"_s}};
        QCOMPARE(e.traceId(), u"abc123"_s);
    }
    e.value = 0.25;
    e.timeMs = QDateTime(QDate(2026, 12, 7), QTime(9, 30, 15, 250)).toMSecsSinceEpoch();
    const QString text = exemplarText(e, u"s"_s);
    QVERIFY2(text.contains(u"2026-12-07 09:30:15.250"_s), qPrintable(text));
    QVERIFY2(text.contains(Format::value(0.25, u"s"_s, 4)), qPrintable(text));
    QVERIFY2(text.contains(u"traceId: abc123"_s) && text.contains(u"span_id: s1"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"x_bucket{"_s), qPrintable(text));
}

void TestExemplars::clientQueriesExemplars()
{
    HttpClient http(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = m_prometheus.url();
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(1);
    const QDateTime start = m_started.addSecs(-5);
    QList<Exemplar> got;
    HttpError error;
    bool done = false;
    client.queryExemplars(u"test_request_duration_seconds_bucket{le=\"0.5\"}"_s, start, end, this,
                          [&](const QList<Exemplar> &exemplars, const HttpError &e) {
                              got = exemplars;
                              error = e;
                              done = true;
                          });
    QTRY_VERIFY(done);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QVERIFY(got.size() >= 2);
    for (const Exemplar &e : std::as_const(got)) {
        verifyServed(e);
        QCOMPARE(e.seriesLabels.value(u"le"_s), u"0.5"_s);
        QVERIFY(e.labels.contains(u"trace_id"_s));
    }
    // The counter's exemplars carry `traceID`.
    done = false;
    client.queryExemplars(u"rate(test_requests_total[1m])"_s, start, end, this,
                          [&](const QList<Exemplar> &exemplars, const HttpError &e) {
                              got = exemplars;
                              error = e;
                              done = true;
                          });
    QTRY_VERIFY(done);
    QVERIFY(!error.isError());
    QVERIFY(got.size() >= 2);
    for (const Exemplar &e : std::as_const(got)) {
        verifyServed(e);
        QVERIFY(e.labels.contains(u"traceID"_s));
    }
    // Prometheus' own refusal comes back as an error, with its text.
    done = false;
    client.queryExemplars(u"sum(("_s, start, end, this,
                          [&](const QList<Exemplar> &exemplars, const HttpError &e) {
                              got = exemplars;
                              error = e;
                              done = true;
                          });
    QTRY_VERIFY(done);
    QVERIFY(error.isError());
    QVERIFY2(error.message.contains(u"bad_data"_s), qPrintable(error.message));
}

void TestExemplars::panelsDrawExemplars()
{
    MetricsController *controller = m_metrics->controller();
    // Exemplar queries per refresh: only the panels that ask, and are in open rows.
    QList<quint64> perRefresh;
    quint64 atStart = 0;
    const auto started = connect(controller, &MetricsController::refreshStarted, this,
                                 [&] { atStart = controller->exemplarQueriesSent(); });
    const auto finished = connect(controller, &MetricsController::refreshFinished, this, [&] {
        perRefresh << controller->exemplarQueriesSent() - atStart;
    });
    const QString path = Test::testDataDir() + u"/metrics/panels/exemplars.json"_s;
    QVERIFY(m_metrics->openFile(path));
    // A fixed window from before the first scrape to a little ahead: every refresh draws the
    // same exemplars.
    QVERIFY(m_page->requestAbsoluteRange(m_started.addSecs(-2),
                                         QDateTime::currentDateTimeUtc().addSecs(2)));

    PanelWidget *byBucket = panel(u"Requests by bucket"_s);
    QVERIFY(byBucket && byBucket->chart());
    TimeSeriesChart *chart = byBucket->chart();
    QTRY_VERIFY_WITH_TIMEOUT(chart->seriesCount() == 3 && chart->exemplarCount() >= 6, dataTimeout);
    QTRY_VERIFY(perRefresh.size() >= 2);
    QCOMPARE(perRefresh.last(), quint64(3));
    disconnect(started);
    disconnect(finished);

    // Each exemplar is drawn with the series of its bucket, in that series' colour, at its time.
    QMap<QString, int> seriesOfBucket;
    for (int i = 0; i < chart->seriesCount(); ++i)
        seriesOfBucket.insert(chart->seriesName(i).mid(3), i); // "le 0.5"
    QCOMPARE(seriesOfBucket.keys(), (QList<QString>{u"0.1"_s, u"0.5"_s, u"1"_s}));
    const QImage image = chart->grab().toImage();
    const qreal ratio = image.devicePixelRatio();
    QSet<QString> buckets;
    int checkedPixels = 0;
    for (int m = 0; m < chart->exemplarCount(); ++m) {
        const int index = chart->exemplarIndex(m);
        QVERIFY(index >= 0);
        // The data the panel got, as the chart holds it.
        const QString text = chart->exemplarText(m);
        const QString le = text.section(u"le=\""_s, 1).section(u'"', 0, 0);
        QVERIFY2(seriesOfBucket.contains(le), qPrintable(text));
        buckets << le;
        QCOMPARE(chart->exemplarColor(m), chart->seriesColor(seriesOfBucket.value(le)));
        const QPoint at = chart->exemplarPosition(m);
        QVERIFY(chart->rect().contains(at));
        // The marker's colour is on screen where it is (over the lines), where no other marker
        // overlaps it.
        bool alone = true;
        for (int other = 0; other < chart->exemplarCount(); ++other) {
            const QPoint d = chart->exemplarPosition(other) - at;
            alone = alone && (other == m || std::abs(d.x()) > 12 || std::abs(d.y()) > 12);
        }
        if (alone) {
            ++checkedPixels;
            const QColor pixel = image.pixelColor(QPoint(int(at.x() * ratio), int(at.y() * ratio)));
            const QColor want = chart->exemplarColor(m);
            QVERIFY2(std::abs(pixel.red() - want.red()) < 40
                         && std::abs(pixel.green() - want.green()) < 40
                         && std::abs(pixel.blue() - want.blue()) < 40,
                     qPrintable(u"%1 at %2,%3 is %4"_s.arg(want.name())
                                    .arg(at.x())
                                    .arg(at.y())
                                    .arg(pixel.name())));
        }
    }
    QCOMPARE(buckets.size(), 3);
    QVERIFY(checkedPixels > 0);

    // The latency quantile has one series without labels: every bucket's exemplar is drawn with
    // it, at the exemplar's own value; higher latencies higher up.
    PanelWidget *latency = panel(u"Request latency p90"_s);
    TimeSeriesChart *latencyChart = latency->chart();
    QTRY_VERIFY(latencyChart->exemplarCount() >= 6);
    int lowest = -1, highest = -1;
    for (int m = 0; m < latencyChart->exemplarCount(); ++m) {
        QCOMPARE(latencyChart->exemplarColor(m), latencyChart->seriesColor(0));
        const QString text = latencyChart->exemplarText(m);
        if (text.contains(u"le=\"0.1\""_s))
            lowest = m;
        if (text.contains(u"le=\"1\""_s))
            highest = m;
    }
    QVERIFY(lowest >= 0 && highest >= 0);
    QVERIFY(latencyChart->exemplarPosition(highest).y()
            < latencyChart->exemplarPosition(lowest).y());

    // The counter's exemplars name their trace as traceID; the same query without exemplars
    // draws none.
    PanelWidget *counter = panel(u"Requests (traceID)"_s);
    QTRY_VERIFY(counter->chart()->exemplarCount() >= 3);
    QVERIFY(counter->chart()->exemplarText(0).contains(u"traceID: c0ffee"_s));
    PanelWidget *without = panel(u"Requests without exemplars"_s);
    QTRY_COMPARE(without->chart()->seriesCount(), 1);
    QCOMPARE(without->chart()->exemplarCount(), 0);

    // The panel in the closed row is asked for nothing until the row opens.
    PanelWidget *closed = panel(u"Latency in a closed row"_s);
    QVERIFY(closed && closed->chart());
    QCOMPARE(closed->chart()->seriesCount(), 0);
    QCOMPARE(closed->chart()->exemplarCount(), 0);
    const quint64 before = controller->exemplarQueriesSent();
    PanelWidget *row = panel(u"Closed row"_s);
    QVERIFY(row);
    auto *button = row->findChild<QToolButton *>();
    QVERIFY(button);
    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(closed->chart()->exemplarCount() >= 6, dataTimeout);
    QVERIFY(controller->exemplarQueriesSent() > before);
}

void TestExemplars::hoverAndClickOpenTheTrace()
{
    PanelWidget *byBucket = panel(u"Requests by bucket"_s);
    TimeSeriesChart *chart = byBucket->chart();
    QTRY_VERIFY(chart->exemplarCount() >= 3);
    const int marker = markerUnder(chart, chart->exemplarCount() - 1);
    QVERIFY(marker >= 0);
    const QPoint at = chart->exemplarPosition(marker);

    // Hovering: the read-out is the exemplar's labels, value and time.
    QMouseEvent move(QEvent::MouseMove, at, chart->viewport()->mapToGlobal(at), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &move);
    const QString readout = chart->shownReadout();
    QCOMPARE(readout, chart->exemplarText(marker));
    const QString traceId = readout.section(u"trace_id: "_s, 1).section(u'\n', 0, 0);
    QVERIFY2(m_served.contains(traceId), qPrintable(readout));
    const Served served = m_served.value(traceId);
    QVERIFY2(readout.contains(Format::value(served.value, u"reqps"_s, 4)), qPrintable(readout));
    QVERIFY2(readout.contains(QDateTime::fromMSecsSinceEpoch(served.timeMs)
                                  .toLocalTime()
                                  .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s)),
             qPrintable(readout));
    QVERIFY2(readout.startsWith(u"le "_s + served.le + u'\n'), qPrintable(readout));
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(chart, &leave);
    QVERIFY(chart->shownReadout().isEmpty());

    // Clicking asks for that trace; the Traces page fetches it from Jaeger and shows it.
    m_jaeger.traces[traceId] = Test::TraceGenerator::json(12, 7, traceId, 0);
    m_jaegerServer.setHandler(m_jaeger.handler());
    QSignalSpy asked(m_metrics.get(), &Feature::showRequested);
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(asked.count(), 1);
    const auto request = asked.at(0).at(0).value<NavigationRequest>();
    QVERIFY(std::holds_alternative<TracesRequest>(request));
    QCOMPARE(std::get<TracesRequest>(request).traceId, traceId);
    QTRY_VERIFY_WITH_TIMEOUT(m_traces->page()->traceView()->traceLayout(), dataTimeout);
    QCOMPARE(m_jaegerServer.requests().last().path, u"/api/traces/"_s + traceId);
    // No drag-zoom started by the click.
    QVERIFY(m_metrics->controller()->isAbsolute());
}

void TestExemplars::failureShownOnPanel()
{
    // A server whose lines answer and whose exemplars fail: the panel draws its lines and says
    // what went wrong with the exemplars.
    Test::FaultServer server;
    QVERIFY(server.listen());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    server.setRoute(
        "GET", u"/api/v1/status/config"_s,
        Test::FaultServer::json(
            R"({"status":"success","data":{"yaml":"global:\n  scrape_interval: 15s\n"}})"));
    server.setRoute("POST", u"/api/v1/query_range"_s,
                    Test::FaultServer::json(
                        QByteArray(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                                   R"({"metric":{"job":"app"},"values":[[)")
                        + QByteArray::number(now - 60) + R"(,"1"],[)" + QByteArray::number(now)
                        + R"(,"2"]]}]}})"));
    server.setRoute(
        "POST", u"/api/v1/query_exemplars"_s,
        Test::FaultServer::json(
            R"({"status":"error","errorType":"execution","error":"exemplar storage is full"})",
            422));
    HttpClient http(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = server.url();
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    MetricsController controller(&client);
    Dashboard dashboard;
    Panel p;
    p.title = u"Latency"_s;
    PanelQuery query;
    query.expr = u"rate(x[1m])"_s;
    query.exemplar = true;
    p.queries = {query};
    dashboard.panels = {p};
    PanelWidget widget(p);
    widget.resize(600, 300);
    widget.show();
    connect(&controller, &MetricsController::panelUpdated, &widget,
            [&widget](int, const PanelData &data) { widget.setData(data); });
    controller.setRefreshInterval(std::chrono::milliseconds(0));
    controller.setDashboard(dashboard);
    controller.start();
    QTRY_COMPARE(widget.chart()->seriesCount(), 1);
    QTRY_VERIFY2(widget.statusText().startsWith(u"exemplars: "_s), qPrintable(widget.statusText()));
    // The whole message, Prometheus' own words included, in the status' tooltip.
    const auto labels = widget.findChildren<QLabel *>();
    const bool said = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->toolTip().contains(u"exemplar storage is full"_s);
    });
    QVERIFY(said);
    QCOMPARE(widget.chart()->exemplarCount(), 0);
    // One exemplar query with each range query of the panel, no more.
    QCOMPARE(controller.exemplarQueriesSent(), controller.queriesSent());
}

void TestExemplars::screenshot()
{
    const QString dir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("STACKSCOPE_SCREENSHOT_DIR is not set");
    // Half a minute of scrapes over the window, then the pointer on an exemplar of the latency.
    QTest::qWait(
        int(std::max<qint64>(0, 30000 - m_started.msecsTo(QDateTime::currentDateTimeUtc()))));
    QVERIFY(m_page->requestAbsoluteRange(m_started.addSecs(-1),
                                         QDateTime::currentDateTimeUtc().addSecs(1)));
    TimeSeriesChart *chart = panel(u"Request latency p90"_s)->chart();
    QTRY_VERIFY_WITH_TIMEOUT(chart->exemplarCount() >= 60, dataTimeout);
    QTest::qWait(500);
    const int marker = markerUnder(chart, chart->exemplarCount() / 2);
    const QPoint at = chart->exemplarPosition(marker);
    QMouseEvent move(QEvent::MouseMove, at, chart->viewport()->mapToGlobal(at), Qt::NoButton,
                     Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(chart->viewport(), &move);
    QVERIFY(!chart->shownReadout().isEmpty());
    QVERIFY(m_page->grab().save(dir + u"/panel-exemplars.png"_s));
}

QTEST_MAIN(TestExemplars)
#include "tst_exemplars.moc"
