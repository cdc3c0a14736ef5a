// SPDX-License-Identifier: GPL-3.0-or-later
// An alert's pending and firing periods on a chart: alertBands() turns Prometheus' ALERTS
// series into bands; against the real stack (AlertStack: Flippable fires, is resolved by the
// test; StaysPending stays pending) the Explore query opened with an alert's labels gets the
// firing interval, and the chart of the Metrics page draws the band over that span.
#include "app/alerts/alertsservice.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/metricscontroller.h"
#include "models/metrics/chartband.h"
#include "tests/alerts/alertstestenv.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/timeserieschart.h"

#include <QChart>
#include <QDir>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

Series series(const Labels &labels, qint64 fromMs, int count, qint64 stepMs)
{
    Series s;
    s.labels = labels;
    for (int i = 0; i < count; ++i) {
        s.times << fromMs + i * stepMs;
        s.values << 1;
    }
    return s;
}

} // namespace

class TestAlertBands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bandsFromAlertsSeries();
    void initTestCase();
    void exploreGetsTheFiringInterval();
    void pendingAlertGetsAPendingBand();
    void chartDrawsTheBandOverItsSpan();
    void dashboardPanelsShowTheFiringPeriods();
    void cleanupTestCase();

private:
    Alert flippable();
    PanelData explore(const QString &expr, const QDateTime &start, const QDateTime &end,
                      const Labels &alert);

    QNetworkAccessManager m_network;
    AlertStack m_stack;
    std::unique_ptr<MetricsFeature> m_metrics;
    QDateTime m_firedAt;    ///< Flippable's activeAt, as Prometheus reports it
    QDateTime m_resolvedAt; ///< when Prometheus stopped listing it
    Labels m_labels;        ///< Flippable's labels, as the Alerts page has them
};

void TestAlertBands::bandsFromAlertsSeries()
{
    const Labels alert{{u"alertname"_s, u"DiskFull"_s},
                       {u"instance"_s, u"db1"_s},
                       {u"cluster"_s, u"lab"_s}}; // an external label: not on ALERTS
    const Labels firing{{u"__name__"_s, u"ALERTS"_s},
                        {u"alertname"_s, u"DiskFull"_s},
                        {u"instance"_s, u"db1"_s},
                        {u"alertstate"_s, u"firing"_s}};
    Labels pending = firing;
    pending[u"alertstate"_s] = u"pending"_s;
    Labels other = firing;
    other[u"instance"_s] = u"db2"_s;
    const qint64 step = 10000;
    Series withGap = series(firing, 1'000'000, 5, step);
    const Series later = series(firing, 1'200'000, 3, step);
    withGap.times += later.times;
    withGap.values += later.values;
    const QList<ChartBand> bands = alertBands(
        {series(pending, 950'000, 5, step), withGap, series(other, 1'000'000, 9, step)}, alert, 10,
        900'000, 1'215'000);
    QCOMPARE(bands.size(), 3); // db2's series is another alert's
    QCOMPARE(bands.at(0).kind, ChartBand::Kind::Pending);
    QCOMPARE(bands.at(0).startMs, 950'000);
    QCOMPARE(bands.at(0).endMs, 1'000'000);
    QCOMPARE(bands.at(1).kind, ChartBand::Kind::Firing);
    QCOMPARE(bands.at(1).startMs, 1'000'000);
    QCOMPARE(bands.at(1).endMs, 1'050'000);
    QCOMPARE(bands.at(1).label, u"DiskFull firing"_s);
    QCOMPARE(bands.at(2).startMs, 1'200'000); // after a gap, a second period
    QCOMPARE(bands.at(2).endMs, 1'215'000);   // clamped to the range
    QCOMPARE(alertsSelector({{u"alertname"_s, u"Say \"hi\""_s}}),
             u"ALERTS{alertname=\"Say \\\"hi\\\"\"}"_s);
}

void TestAlertBands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_stack.start())
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
    const Alert alert = flippable();
    QVERIFY(alert.startsAt.isValid());
    m_firedAt = alert.startsAt;
    m_labels = alert.labels;
    // Let it fire a while, then resolve it and note when Prometheus stopped firing it.
    QTest::qWait(6000);
    m_stack.flip(false);
    QTRY_VERIFY_WITH_TIMEOUT(!flippable().startsAt.isValid(), 20000);
    m_resolvedAt = QDateTime::currentDateTimeUtc();
    QTest::qWait(4000); // some time after it, without the alert

    AppContext context;
    context.network = &m_network;
    m_metrics = std::make_unique<MetricsFeature>(context);
    Config config;
    config.prometheus.url = m_stack.prometheus->url();
    m_metrics->applyConfig(config);
    m_metrics->controller()->setScrapeInterval(1);
}

void TestAlertBands::dashboardPanelsShowTheFiringPeriods()
{
    // A dashboard whose annotation asks Prometheus for the firing alerts, as Grafana dashboards
    // do: its time series panel gets Flippable's firing period as a band; its stat panel none.
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromYaml(R"(uid: bands
title: Bands
annotations:
  - name: Firing alerts
    expr: ALERTS{alertstate="firing"}
panels:
  - {title: Up, type: timeseries, expr: up, grid: {x: 0, y: 0, w: 12, h: 8}}
  - {title: Up now, type: stat, expr: sum(up), grid: {x: 12, y: 0, w: 12, h: 8}}
)",
                                       &d, &error),
             qPrintable(error));
    QCOMPARE(d.annotations.size(), 1);
    MetricsController *controller = m_metrics->controller();
    controller->setRelativeRange(120);
    QHash<int, PanelData> last;
    connect(controller, &MetricsController::panelUpdated, this,
            [&last](int panel, const PanelData &data) { last.insert(panel, data); });
    controller->setDashboard(d);
    controller->setActivePanels({0, 1});
    controller->start();
    controller->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(!last.value(0).bands.isEmpty(), 20000);
    const QList<ChartBand> bands = last.value(0).bands;
    const auto flip = std::find_if(bands.cbegin(), bands.cend(), [](const ChartBand &b) {
        return b.label == u"Flippable firing"_s;
    });
    QVERIFY2(flip != bands.cend(), qPrintable(bands.first().label));
    QCOMPARE(flip->kind, ChartBand::Kind::Firing);
    // It began within a step (2 s, over 120 s) and 2 s of its activeAt, and ended when it
    // resolved (not still open at the window's end).
    const double step = last.value(0).stepSeconds;
    QVERIFY2(std::abs(flip->startMs - m_firedAt.toMSecsSinceEpoch()) <= (step + 2) * 1000,
             qPrintable(u"%1 vs %2"_s.arg(flip->startMs).arg(m_firedAt.toMSecsSinceEpoch())));
    QVERIFY(flip->endMs <= m_resolvedAt.toMSecsSinceEpoch() + qint64((step + 2) * 1000));
    QVERIFY(last.value(1).bands.isEmpty()); // a stat panel draws no bands
    controller->stop();
    qInfo("dashboard panel: %lld band(s), Flippable firing for %.1f s", qsizetype(bands.size()),
          (flip->endMs - flip->startMs) / 1000.0);
}

void TestAlertBands::cleanupTestCase()
{
    m_metrics.reset();
}

Alert TestAlertBands::flippable()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    std::optional<AlertsSnapshot> snapshot;
    service.fetchOnce([&snapshot](const AlertsSnapshot &s) { snapshot = s; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
    }();
    if (!snapshot)
        return {};
    for (const Alert &a : snapshot->alerts) {
        // Prometheus' own view: Alertmanager keeps a resolved alert a little longer.
        if (a.name() == "Flippable"_L1 && a.sources.join(u' ').contains("prometheus"_L1))
            return a;
    }
    return {};
}

PanelData TestAlertBands::explore(const QString &expr, const QDateTime &start, const QDateTime &end,
                                  const Labels &alert)
{
    MetricsController *controller = m_metrics->controller();
    controller->setAbsoluteRange(start, end);
    QSignalSpy finished(controller, &MetricsController::exploreFinished);
    controller->explore(expr, 600, alert);
    if (!finished.wait(10000))
        return {};
    return finished.first().at(0).value<PanelData>();
}

void TestAlertBands::exploreGetsTheFiringInterval()
{
    const QDateTime start = m_firedAt.addSecs(-20);
    const PanelData data
        = explore(u"stackscope_test_flip"_s, start, QDateTime::currentDateTimeUtc(), m_labels);
    QVERIFY2(data.error.isEmpty(), qPrintable(data.error));
    QCOMPARE(data.series.size(), 1);
    QVERIFY(data.stepSeconds <= 1.0);
    QCOMPARE(data.bands.size(), 1);
    const ChartBand &band = data.bands.first();
    QCOMPARE(band.kind, ChartBand::Kind::Firing);
    const qint64 slackMs = qint64(data.stepSeconds * 1000) + 2000; // a step, an evaluation
    QVERIFY2(
        std::abs(band.startMs - m_firedAt.toMSecsSinceEpoch()) <= slackMs,
        qPrintable(
            u"band from %1, fired at %2"_s.arg(band.startMs).arg(m_firedAt.toMSecsSinceEpoch())));
    // It ends between the last evaluation that fired it and when the test saw it gone.
    QVERIFY2(
        band.endMs <= m_resolvedAt.toMSecsSinceEpoch() + slackMs
            && band.endMs >= m_resolvedAt.toMSecsSinceEpoch() - 5000 - slackMs,
        qPrintable(
            u"band to %1, resolved at %2"_s.arg(band.endMs).arg(m_resolvedAt.toMSecsSinceEpoch())));
    // Without the alert's labels: no bands.
    QVERIFY(explore(u"stackscope_test_flip"_s, start, QDateTime::currentDateTimeUtc(), {})
                .bands.isEmpty());
}

void TestAlertBands::pendingAlertGetsAPendingBand()
{
    const Labels pending{{u"alertname"_s, u"StaysPending"_s}, {u"severity"_s, u"warning"_s}};
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const PanelData data = explore(u"vector(2)"_s, end.addSecs(-10), end, pending);
    QVERIFY2(data.error.isEmpty(), qPrintable(data.error));
    QCOMPARE(data.bands.size(), 1);
    QCOMPARE(data.bands.first().kind, ChartBand::Kind::Pending);
    QVERIFY(data.bands.first().endMs - data.bands.first().startMs >= 8000);
}

void TestAlertBands::chartDrawsTheBandOverItsSpan()
{
    auto *page = qobject_cast<MetricsPage *>(m_metrics->createPage());
    QVERIFY(page);
    std::unique_ptr<QWidget> owner(page);
    page->resize(1280, 800);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page));
    // As "Open as chart" on the Alerts page asks for it.
    const QDateTime end = QDateTime::currentDateTimeUtc();
    m_metrics->show(
        MetricsRequest{u"stackscope_test_flip"_s, m_firedAt.addSecs(-20), end, m_labels});
    QCOMPARE(page->tabs()->currentIndex(), 1);
    TimeSeriesChart *chart = page->exploreChart();
    QTRY_COMPARE_WITH_TIMEOUT(chart->seriesCount(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(chart->bandCount(), 1, 5000);
    const QRectF plot = chart->chart()->plotArea();
    const QRectF band = chart->bandRect(0);
    // The plot's full height, from when it fired to when it was resolved.
    QCOMPARE(band.top(), plot.top());
    QCOMPARE(band.height(), plot.height());
    const qreal pxPerMs = plot.width() / double(m_firedAt.msecsTo(end) + 20000);
    const qreal slackPx = pxPerMs * 3000 + 1;
    const qreal fired = chart->xOf(m_firedAt.toMSecsSinceEpoch());
    const qreal resolved = chart->xOf(m_resolvedAt.toMSecsSinceEpoch());
    QVERIFY2(std::abs(band.left() - fired) <= slackPx,
             qPrintable(u"band left %1, fired at x %2"_s.arg(band.left()).arg(fired)));
    QVERIFY2(band.right() <= resolved + slackPx && band.right() >= resolved - pxPerMs * 6000,
             qPrintable(u"band right %1, resolved at x %2"_s.arg(band.right()).arg(resolved)));
    QVERIFY(band.left() > plot.left() + 10);   // the range starts before the alert
    QVERIFY(band.right() < plot.right() - 10); // and goes on after it
    // The read-out over the band names it.
    const qint64 middle = (m_firedAt.toMSecsSinceEpoch() + m_resolvedAt.toMSecsSinceEpoch()) / 2;
    QVERIFY(chart->readoutAt(middle).contains("Flippable firing"_L1));
    QVERIFY(!chart->readoutAt(end.toMSecsSinceEpoch() - 1000).contains("Flippable"_L1));

    // Another expression typed in Explore draws no band of that alert.
    page->exploreExpression(u"up"_s, {}, {});
    QTRY_COMPARE_WITH_TIMEOUT(chart->bandCount(), 0, 20000);

    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        m_metrics->show(
            MetricsRequest{u"stackscope_test_flip"_s, m_firedAt.addSecs(-20), end, m_labels});
        QTRY_COMPARE_WITH_TIMEOUT(chart->bandCount(), 1, 20000);
        QDir().mkpath(out);
        QTest::qWait(200);
        QVERIFY(page->grab().save(out + u"/alerts-chart-band.png"_s));
    }
}

QTEST_MAIN(TestAlertBands)
#include "tst_alertbands.moc"
