// SPDX-License-Identifier: GPL-3.0-or-later
// The Metrics feature end to end against Debian's real Prometheus 2.42 (scraping itself every
// second, with recording rules): the bundled dashboard's panels drawn, a variable resolved and
// substituted, gaps in a chart, a bad query's error, the targets tab, the seed dashboards
// imported, the Alerts page's "open as chart" request, and stale data when Prometheus goes away.
#include "app/config/configmanager.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/metricscontroller.h"
#include "models/metrics/seriestablemodel.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QString seedPath(const QString &prefix)
{
    const QDir seeds(Test::sharedPath(u"seeds"_s));
    const QStringList matches = seeds.entryList({prefix + u"_*.txt"_s}, QDir::Files, QDir::Name);
    return matches.isEmpty() ? Test::sharedPath(u"seeds/"_s + prefix + u"_*.txt"_s)
                             : seeds.filePath(matches.first());
}

} // namespace

class TestMetricsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bundledDashboardDraws();
    void variableSubstituted();
    void chartSeriesAndGaps();
    void legendHidesSeries();
    void chartDrawsOnlyWhatChanged();
    void badQueryError();
    void targetsTab();
    void importSeedDashboards();
    void showRequestOpensExplore();
    void staleWhenPrometheusStops();

private:
    PanelWidget *panel(const QString &title) const;

    Test::PrometheusProcess m_prometheus;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<MetricsFeature> m_feature;
    MetricsPage *m_page = nullptr;
    QElapsedTimer m_sinceStart;
};

void TestMetricsPage::initTestCase()
{
    // The remembered dashboard lives in QSettings: keep it out of the user's and start clean.
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    m_prometheus.setRuleFile(u"rules.yml"_s, u"groups:\n"
                                             "  - name: test\n"
                                             "    rules:\n"
                                             "      - record: job:up:sum\n"
                                             "        expr: sum by (job) (up)\n"_s);
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    m_sinceStart.start();
    m_config = std::make_unique<ConfigManager>(m_dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &m_network;
    context.config = m_config.get();
    m_feature = std::make_unique<MetricsFeature>(context);
    m_page = qobject_cast<MetricsPage *>(m_feature->createPage());
    QVERIFY(m_page);
    m_page->resize(1280, 1400);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    Config config;
    config.prometheus.url = m_prometheus.url();
    config.refresh.metrics = std::chrono::seconds(2);
    m_feature->applyConfig(config);
    m_feature->controller()->setScrapeInterval(1);
    m_feature->controller()->setRelativeRange(300);
    m_feature->start();
    QCOMPARE(m_page->currentDashboardUid(), u"stackscope-overview"_s);
}

void TestMetricsPage::cleanupTestCase()
{
    m_feature.reset();
    m_prometheus.stop();
}

PanelWidget *TestMetricsPage::panel(const QString &title) const
{
    const auto panels = m_page->panelWidgets();
    for (PanelWidget *p : panels) {
        if (p->panel().title == title)
            return p;
    }
    return nullptr;
}

void TestMetricsPage::bundledDashboardDraws()
{
    QCOMPARE(m_page->panelWidgets().size(), 14);
    PanelWidget *scrape = panel(u"Scrape duration"_s);
    QVERIFY(scrape && scrape->chart());
    QTRY_VERIFY_WITH_TIMEOUT(scrape->chart()->seriesCount() == 1, 20000);
    QVERIFY(scrape->chart()->drawnPointCount() > 0);
    QVERIFY(scrape->statusText().isEmpty());
    // "Traces around here" from the chart: the series' job, over the panel's range.
    QCOMPARE(scrape->tracedServices(), QStringList{u"prometheus"_s});
    QSignalSpy traces(m_feature.get(), &Feature::showRequested);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Q_EMIT scrape->tracesRequested(u"prometheus"_s, now.addSecs(-300), now);
    QCOMPARE(traces.size(), 1);
    const auto request = traces.first().at(0).value<NavigationRequest>();
    QCOMPARE(pageIdOf(request), u"traces"_s);
    QVERIFY(std::holds_alternative<TracesRequest>(request));
    QCOMPARE(std::get<TracesRequest>(request).service, u"prometheus"_s);
    PanelWidget *up = panel(u"Targets up"_s);
    QVERIFY(up && up->valueView());
    QTRY_COMPARE_WITH_TIMEOUT(up->valueView()->texts(), QStringList{u"1"_s}, 20000);
    QCOMPARE(up->valueView()->colorFor(1), grafanaColor(u"green"_s));
    QCOMPARE(up->valueView()->colorFor(0), grafanaColor(u"red"_s));
    PanelWidget *gauge = panel(u"Head series"_s);
    QTRY_COMPARE_WITH_TIMEOUT(gauge->valueView()->texts().size(), 1, 20000);
    // Metrics that do not exist here say so.
    PanelWidget *node = panel(u"Node memory available"_s);
    QTRY_COMPARE_WITH_TIMEOUT(node->statusText(), u"no data"_s, 20000);
    QVERIFY(node->chart()->seriesCount() == 0);
    PanelWidget *table = panel(u"Stackscope backends up"_s);
    QVERIFY(table->tableModel());
    QAbstractItemModelTester tester(table->tableModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(table->statusText(), u"no data"_s, 20000);
}

void TestMetricsPage::variableSubstituted()
{
    MetricsController *controller = m_feature->controller();
    // label_values(up, job) resolved from the server.
    QTRY_VERIFY_WITH_TIMEOUT(
        controller->dashboard().variables.first().options.contains(u"prometheus"_s), 20000);
    // All of one value: that value, regex-escaped (Grafana's form).
    QCOMPARE(controller->variableValues().value(u"job"_s), u"prometheus"_s);
    auto *box = m_page->findChild<QComboBox *>(u"variable_job"_s);
    QVERIFY(box);
    QVERIFY(box->findData(u"prometheus"_s) >= 0);
    controller->setVariable(u"job"_s, u"nothere"_s);
    QCOMPARE(controller->variableValues().value(u"job"_s), u"nothere"_s);
    QTRY_COMPARE_WITH_TIMEOUT(panel(u"Scrape duration"_s)->statusText(), u"no data"_s, 20000);
    controller->setVariable(u"job"_s, u"prometheus"_s);
    QTRY_COMPARE_WITH_TIMEOUT(panel(u"Scrape duration"_s)->chart()->seriesCount(), 1, 20000);
    QTRY_VERIFY(panel(u"Scrape duration"_s)->statusText().isEmpty());
}

void TestMetricsPage::chartSeriesAndGaps()
{
    // Half of every 10 s the series is NaN (0/0), and one more series is absent half the time.
    // Enough history for a 20 s window at a 1 s step.
    QTest::qWait(int(std::max<qint64>(0, 24000 - m_sinceStart.elapsed())));
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QString expr = u"label_replace((up{job=\"prometheus\"} - 1) / on() "
                         "(vector(time()) % 10 >= bool 5), \"s\", \"nan\", \"\", \"\") or "
                         "label_replace(up{job=\"prometheus\"} and on() (vector(time()) % 10 < 5), "
                         "\"s\", \"absent\", \"\", \"\")"_s;
    m_page->exploreExpression(expr, end.addSecs(-20), end);
    TimeSeriesChart *chart = m_page->exploreChart();
    QTRY_VERIFY2_WITH_TIMEOUT(chart->seriesCount() == 2, qPrintable(m_page->exploreError()), 20000);
    QVERIFY2(m_page->exploreError().contains(u"2 series"_s), qPrintable(m_page->exploreError()));
    for (int i = 0; i < 2; ++i)
        QVERIFY2(chart->segmentCount(i) >= 2, qPrintable(QString::number(chart->segmentCount(i))));
    QVERIFY(chart->readoutAt(end.toMSecsSinceEpoch() - 1000).contains(u"s=\"nan\""_s));
}

void TestMetricsPage::legendHidesSeries()
{
    TimeSeriesChart *chart = m_page->exploreChart();
    QVERIFY(chart->seriesCount() >= 1);
    chart->setSeriesVisible(0, false);
    QVERIFY(!chart->isSeriesVisible(0));
    QVERIFY(!chart->readoutAt(QDateTime::currentMSecsSinceEpoch()).contains(u"s=\"absent\""_s));
    chart->setSeriesVisible(0, true);
    QVERIFY(chart->isSeriesVisible(0));
}

void TestMetricsPage::chartDrawsOnlyWhatChanged()
{
    // A straight line of 11,000 samples reaches QtCharts as its two ends; a zig-zag of
    // many pixels keeps its corners; a refresh with the same data draws nothing again.
    TimeSeriesChart chart;
    chart.resize(800, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    PanelData data;
    data.start = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    data.end = data.start.addSecs(11000);
    data.stepSeconds = 1;
    Series line;
    Series zigzag;
    line.labels = {{u"s"_s, u"line"_s}};
    zigzag.labels = {{u"s"_s, u"zigzag"_s}};
    for (int i = 0; i < 11000; ++i) {
        line.times << (1700000000LL + i) * 1000;
        line.values << 2.0 * i;
        zigzag.times << (1700000000LL + i) * 1000;
        zigzag.values << ((i / 500) % 2 ? 20000.0 : 0.0);
    }
    data.series = {line, zigzag};
    data.names = {u"line"_s, u"zigzag"_s};
    chart.setData(data);
    const int built = chart.rebuildCount();
    QCOMPARE(chart.seriesCount(), 2);
    const qsizetype points = chart.drawnPointCount();
    // The zig-zag's 21 jumps (two corners each) and ends, plus the line's two ends, give or
    // take a point where a jump shares a pixel column with its neighbours.
    QVERIFY2(points >= 40 && points <= 2 + 4 * 22 + 4, qPrintable(QString::number(points)));
    chart.setData(data);
    QCOMPARE(chart.rebuildCount(), built);
    data.series[0].values.last() = -5000;
    chart.setData(data);
    QCOMPARE(chart.rebuildCount(), built + 1);
    chart.setUnit(u"bytes"_s);
    chart.setData(data);
    QCOMPARE(chart.rebuildCount(), built + 2);
}

void TestMetricsPage::badQueryError()
{
    m_page->exploreExpression(u"up"_s, {}, {});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->exploreChart()->seriesCount() > 0, 10000);
    const int good = m_page->exploreChart()->seriesCount();
    m_page->exploreExpression(u"rate(up[5m"_s, {}, {});
    QTRY_VERIFY_WITH_TIMEOUT(m_page->exploreError().contains(u"bad_data"_s), 10000);
    QVERIFY(m_page->exploreError().contains(u"400"_s));
    // The last good chart stays, and the page says it is stale.
    QCOMPARE(m_page->exploreChart()->seriesCount(), good);
    QVERIFY2(m_page->exploreError().startsWith(u"stale: "_s), qPrintable(m_page->exploreError()));
}

void TestMetricsPage::targetsTab()
{
    m_page->tabs()->setCurrentIndex(2);
    QTreeView *view = m_page->targetsView();
    QAbstractItemModel *model = view->model();
    // One job, "prometheus", with its one target (Prometheus scraping itself) below it.
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
    const QModelIndex job = model->index(0, 0);
    QCOMPARE(job.data().toString(), u"prometheus"_s);
    QCOMPARE(model->rowCount(job), 1);
    QVERIFY(view->isExpanded(job));
    QCOMPARE(model->index(0, TargetsModel::InstanceColumn).data().toString(), u"1 target(s)"_s);
    QCOMPARE(model->index(0, TargetsModel::InstanceColumn, job).data().toString(),
             m_prometheus.url().authority());
    QTRY_COMPARE(model->index(0, TargetsModel::HealthColumn, job).data().toString(), u"up"_s);
    QTRY_COMPARE(model->index(0, TargetsModel::HealthColumn).data().toString(), u"1 up"_s);
    QVERIFY(
        model->index(0, TargetsModel::LastScrapeColumn, job).data().toString().endsWith(u"ago"_s));
    QAbstractItemModelTester tester(m_feature->controller()->targetsModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *filter = m_page->findChild<QLineEdit *>(u"targetsFilter"_s);
    filter->setText(u"nomatch"_s);
    QCOMPARE(model->rowCount(), 0);
    // The job's name keeps the job and its targets.
    filter->setText(u"PROM"_s);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowCount(model->index(0, 0)), 1);
    QVERIFY(view->isExpanded(model->index(0, 0)));
    // A target's text keeps the target and its job; the job's counts ("1 up") do not match.
    // The selected target stays selected (and current) when a new filter still shows it.
    view->setCurrentIndex(model->index(0, TargetsModel::InstanceColumn, model->index(0, 0)));
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    filter->setText(m_prometheus.url().authority());
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowCount(model->index(0, 0)), 1);
    const QModelIndex target = model->index(0, 0, model->index(0, 0));
    QCOMPARE(view->selectionModel()->selectedRows(), QModelIndexList{target});
    QCOMPARE(view->currentIndex().parent(), model->index(0, 0));
    QCOMPARE(view->currentIndex().row(), 0);
    filter->setText(u"down"_s);
    QCOMPARE(model->rowCount(), 0);
    filter->clear();
    // A job the user closes stays closed across refreshes.
    view->collapse(model->index(0, 0));
    QSignalSpy updated(m_feature->controller(), &MetricsController::targetsUpdated);
    QVERIFY(updated.wait(10000));
    QVERIFY(!view->isExpanded(model->index(0, 0)));
    view->expand(model->index(0, 0));
    m_page->tabs()->setCurrentIndex(0);
}

void TestMetricsPage::importSeedDashboards()
{
    const QString xg2g = seedPath(u"000"_s);
    const QString agent = seedPath(u"002"_s);
    STACKSCOPE_REQUIRE_SHARED(xg2g);
    STACKSCOPE_REQUIRE_SHARED(agent);
    struct Case
    {
        QString seed;
        QString uid;
        int panels;
        QString firstExpr;
    };
    const QList<Case> cases{
        {xg2g, u"xg2g-overview"_s, 5, u"rate(xg2g_openwebif_request_success_total[5m])"_s},
        {agent, u"code-agent-mvp-production-dashboard"_s, 5,
         u"up{job=~\"gateway|orchestrator|adapter|llm-patch\"}"_s}};
    for (const Case &c : cases) {
        QFile seed(c.seed);
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const QByteArray json = DashboardLoader::extractJsonBlock(QString::fromUtf8(seed.readAll()),
                                                                  u"\"dashboard\""_s);
        const QString file = m_dir.filePath(c.uid + u"-download.json"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(json);
        out.close();
        QVERIFY(m_feature->openFile(file));
        QCOMPARE(m_page->currentDashboardUid(), c.uid);
        QVERIFY(QFile::exists(m_dir.filePath(u"dashboards/"_s + c.uid + u".json"_s)));
        QCOMPARE(m_page->panelWidgets().size(), c.panels);
        QCOMPARE(m_feature->controller()->dashboard().panels.first().queries.first().expr,
                 c.firstExpr);
        // Their metrics do not exist on this Prometheus: every panel says so, none errors.
        for (PanelWidget *p : m_page->panelWidgets())
            QTRY_COMPARE_WITH_TIMEOUT(p->statusText(), u"no data"_s, 20000);
    }
    // Both are listed after the bundled one.
    auto *box = m_page->findChild<QComboBox *>(u"dashboardBox"_s);
    QCOMPARE(box->count(), 3);
    m_page->showDashboard(u"stackscope-overview"_s);
}

void TestMetricsPage::showRequestOpensExplore()
{
    const QDateTime end = QDateTime::currentDateTimeUtc();
    m_feature->show(MetricsRequest{u"job:up:sum"_s, end.addSecs(-60), end});
    QCOMPARE(m_page->tabs()->currentIndex(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_page->exploreChart()->seriesCount(), 1, 20000);
    QVERIFY(m_feature->controller()->isAbsolute());
}

void TestMetricsPage::staleWhenPrometheusStops()
{
    m_page->tabs()->setCurrentIndex(0);
    m_feature->controller()->setRelativeRange(300);
    PanelWidget *scrape = panel(u"Scrape duration"_s);
    QTRY_COMPARE_WITH_TIMEOUT(scrape->chart()->seriesCount(), 1, 20000);
    m_prometheus.stop();
    m_feature->controller()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(scrape->statusText().startsWith(u"stale"_s), 20000);
    QVERIFY2(scrape->statusText().contains(u"refused"_s), qPrintable(scrape->statusText()));
    // The last good series stay on screen.
    QCOMPARE(scrape->chart()->seriesCount(), 1);
}

QTEST_MAIN(TestMetricsPage)
#include "tst_metricspage.moc"
