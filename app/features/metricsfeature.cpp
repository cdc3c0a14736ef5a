// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Metrics page's factory and feature.
#include "app/features/metricsfeature.h"

#include "app/compose/stackfilewatcher.h"
#include "app/compose/stackprovisioning.h"
#include "app/config/configmanager.h"
#include "app/loki/lokiclient.h"
#include "app/prometheus/dashboardstore.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "app/selfmetrics/selfmetrics.h"
#include "ui/metrics/metricspage.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString MetricsFeature::lastDashboardKey()
{
    return u"metrics/dashboard"_s;
}

MetricsFeature::MetricsFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_http(new HttpClient(u"prometheus"_s, context.network, this))
    , m_client(new PrometheusClient(m_http, this))
    , m_controller(new MetricsController(m_client, this))
    , m_lokiHttp(new HttpClient(u"loki"_s, context.network, this))
    , m_loki(new LokiClient(m_lokiHttp, this))
    , m_stackWatcher(new StackFileWatcher(this))
{
    connect(m_stackWatcher, &StackFileWatcher::changed, this,
            [this] { reloadStackDashboards(true); });
    m_controller->setLokiClient(m_loki);
    if (context.selfMetrics) {
        connect(m_http, &HttpClient::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
        connect(m_lokiHttp, &HttpClient::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
    }
}

MetricsFeature::~MetricsFeature()
{
    m_controller->stop();
    m_http->abortAll();
}

QString MetricsFeature::id() const
{
    return u"metrics"_s;
}

QString MetricsFeature::title() const
{
    return tr("Metrics");
}

QIcon MetricsFeature::icon() const
{
    return QIcon::fromTheme(u"utilities-system-monitor"_s, QIcon(u":/icons/page-metrics.svg"_s));
}

QWidget *MetricsFeature::createPage()
{
    m_page = new MetricsPage(m_controller->targetsModel());
    connectPage(m_page, m_controller);
    connect(m_page, &MetricsPage::tracesRequested, this,
            [this](const QString &service, const QDateTime &start, const QDateTime &end) {
                Q_EMIT showRequested(TracesRequest{service, start, end});
            });
    connect(m_page, &MetricsPage::traceRequested, this, [this](const QString &traceId) {
        Q_EMIT showRequested(TracesRequest{{}, {}, {}, traceId});
    });
    connect(m_page, &MetricsPage::openUrlRequested, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(m_page, &MetricsPage::importRequested, this,
            [this](const QString &path) { openFile(path); });
    connect(m_page, &MetricsPage::dashboardShown, this,
            [](const QString &uid) { QSettings().setValue(lastDashboardKey(), uid); });
    reloadDashboards();
    reloadStackDashboards();
    return m_page;
}

void MetricsFeature::connectPage(MetricsPage *page, MetricsController *c)
{
    // Requests from the page go to the controller; its results come back to the page.
    QObject::connect(page, &MetricsPage::dashboardRequested, c, &MetricsController::setDashboard);
    QObject::connect(page, &MetricsPage::relativeRangeRequested, c,
                     &MetricsController::setRelativeRange);
    QObject::connect(page, &MetricsPage::absoluteRangeRequested, c,
                     &MetricsController::setAbsoluteRange);
    QObject::connect(page, &MetricsPage::refreshIntervalRequested, c,
                     &MetricsController::setRefreshInterval);
    QObject::connect(page, &MetricsPage::pauseRequested, c, &MetricsController::setPaused);
    QObject::connect(page, &MetricsPage::refreshRequested, c, &MetricsController::refreshNow);
    QObject::connect(page, &MetricsPage::targetsShownChanged, c,
                     &MetricsController::setTargetsActive);
    QObject::connect(page, &MetricsPage::panelWidthChanged, c, &MetricsController::setPanelWidth);
    QObject::connect(page, &MetricsPage::visiblePanelsChanged, c,
                     &MetricsController::setActivePanels);
    QObject::connect(page, &MetricsPage::variableChosen, c,
                     qOverload<const QString &, const QString &>(&MetricsController::setVariable));
    QObject::connect(
        page, &MetricsPage::variableValuesChosen, c,
        qOverload<const QString &, const QStringList &>(&MetricsController::setVariable));
    QObject::connect(page, &MetricsPage::exploreRequested, c, &MetricsController::explore);
    QObject::connect(c, &MetricsController::panelUpdated, page, &MetricsPage::showPanelData);
    QObject::connect(c, &MetricsController::variablesChanged, page, &MetricsPage::setVariables);
    QObject::connect(c, &MetricsController::panelsChanged, page, &MetricsPage::setPanels);
    QObject::connect(c, &MetricsController::metricNamesChanged, page, &MetricsPage::setMetricNames);
    QObject::connect(c, &MetricsController::exploreFinished, page, &MetricsPage::showExploreResult);
    QObject::connect(c, &MetricsController::targetsUpdated, page, &MetricsPage::showTargetsStatus);
}

QString MetricsFeature::dashboardsDirectory() const
{
    const QString configPath = m_context.config ? m_context.config->path() : QString();
    return configPath.isEmpty() ? QString() : DashboardStore::directoryFor(configPath);
}

void MetricsFeature::reloadDashboards(const QString &preferredUid)
{
    QStringList problems;
    const QList<Dashboard> dashboards = DashboardStore::loadAll(dashboardsDirectory(), &problems);
    if (!m_page)
        return;
    m_page->setDashboards(dashboards, preferredUid.isEmpty()
                                          ? QSettings().value(lastDashboardKey()).toString()
                                          : preferredUid);
    if (!problems.isEmpty())
        m_page->showMessage(tr("Some dashboards could not be read:\n%1").arg(problems.join(u'\n')),
                            true);
}

void MetricsFeature::setStackServices(const QList<ComposeService> &services)
{
    if (services == m_stackServices)
        return;
    m_stackServices = services;
    reloadStackDashboards(false);
}

void MetricsFeature::reloadStackDashboards(bool force)
{
    // Small files, read on the GUI thread: a stack provisions a handful of dashboards, and the
    // import is the same one a dropped file goes through.
    const StackDashboards found = findStackDashboards(m_stackServices);
    m_stackWatcher->setPaths(found.watchPaths);
    const bool same = m_stackDashboardsShown && m_stackDashboardsShown->service == found.service
                      && m_stackDashboardsShown->dashboards == found.dashboards
                      && m_stackDashboardsShown->notes == found.notes;
    if (!m_page || (same && !force))
        return; // a rebuilt picker re-lays the dashboard out: not for an unrelated change
    m_stackDashboardsShown = found;
    m_page->setStackDashboards(DashboardStore::loadProvisioned(found.dashboards), found.notes,
                               found.service);
}

void MetricsFeature::applyConfig(const Config &config)
{
    const bool changed = m_http->endpoint() != config.prometheus;
    if (changed) {
        m_http->abortAll();
        m_http->setEndpoint(config.prometheus);
        m_controller->endpointChanged();
    }
    m_http->setMaxBodyBytes(config.http.maxBodyBytes);
    if (m_lokiHttp->endpoint() != config.loki) {
        m_lokiHttp->abortAll();
        m_lokiHttp->setEndpoint(config.loki);
        if (!changed)
            m_controller->refreshNow();
    }
    m_lokiHttp->setMaxBodyBytes(config.http.maxBodyBytes);
    m_controller->setRefreshInterval(config.refresh.metrics);
    if (m_page)
        m_page->setRefreshInterval(config.refresh.metrics);
}

void MetricsFeature::start()
{
    m_started = true;
    m_controller->start();
    m_controller->fetchMetricNames();
}

bool MetricsFeature::openFile(const QString &path)
{
    Dashboard dashboard;
    QString saved;
    QString error;
    const QString directory = dashboardsDirectory();
    if (directory.isEmpty()
        || !DashboardStore::importGrafana(path, directory, &dashboard, &saved, &error)) {
        if (m_page)
            m_page->showMessage(tr("Could not import %1: %2")
                                    .arg(QFileInfo(path).fileName(),
                                         error.isEmpty() ? tr("no configuration folder") : error),
                                true);
        return false;
    }
    reloadDashboards(dashboard.uid);
    if (m_page) {
        QString text
            = tr("Imported \"%1\" (%n panel(s)) as %2", nullptr, int(dashboard.dataPanelCount()))
                  .arg(dashboard.title, saved);
        if (!dashboard.warnings.isEmpty())
            text += u"\n"_s + dashboard.warnings.join(u'\n');
        m_page->showMessage(text, false);
    }
    return true;
}

void MetricsFeature::show(const NavigationRequest &request)
{
    const auto *metrics = std::get_if<MetricsRequest>(&request);
    if (!m_page || !metrics || metrics->expr.isEmpty())
        return;
    m_page->exploreExpression(metrics->expr, metrics->start, metrics->end, metrics->alert);
}

std::unique_ptr<Feature> makeMetricsFeature(const AppContext &context)
{
    return std::make_unique<MetricsFeature>(context);
}

} // namespace Stackscope
