// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

#include "backends/backendmonitor.h"
#include "backendstatusmodel.h"
#include "config/configmanager.h"
#include "config/paths.h"
#include "docker/dockerendpoint.h"
#include "mainwindow.h"
#include "metrics/selfmetrics.h"
#include "placeholderpage.h"
#include "trayicon.h"

#include <QDesktopServices>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "stackscope.app", QtInfoMsg)

namespace Stackscope {

namespace {

QString seconds(std::chrono::milliseconds ms)
{
    return ms.count() % 1000 == 0 ? u"%1 s"_s.arg(ms.count() / 1000) : u"%1 ms"_s.arg(ms.count());
}

} // namespace

Application::Application(const QString &configPath, QObject *parent)
    : QObject(parent)
    , m_config(
          std::make_unique<ConfigManager>(configPath.isEmpty() ? Paths::configFile() : configPath))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_backendStatus(std::make_unique<BackendStatusModel>())
    , m_monitor(std::make_unique<BackendMonitor>(m_network.get(), m_backendStatus.get()))
    , m_selfMetrics(std::make_unique<SelfMetrics>())
{
    connect(m_monitor.get(), &BackendMonitor::requestFinished, m_selfMetrics.get(),
            &SelfMetrics::recordRequest);
    connect(m_monitor.get(), &BackendMonitor::pollCycleFinished, m_selfMetrics.get(),
            [this](const QString &backend, bool ok) {
                m_selfMetrics->recordPollCycle(backend, ok);
                m_selfMetrics->setBackendUp(backend, ok);
            });

    m_window = std::make_unique<MainWindow>(m_backendStatus.get());
    m_stackPage = new PlaceholderPage(
        tr("Stack"),
        tr("Start, stop and restart the whole compose project or one service by button, with every "
           "service's state, health, uptime, restarts, ports, CPU and memory live, and the logs of "
           "each container."));
    m_metricsPage = new PlaceholderPage(
        tr("Metrics"),
        tr("Live charts of Prometheus queries: dashboards defined in the configuration or imported "
           "from Grafana dashboard JSON, an Explore box for ad-hoc PromQL, and the health of every "
           "scrape target."));
    m_alertsPage = new PlaceholderPage(
        tr("Alerts"),
        tr("Firing and pending alerts from Alertmanager (Prometheus as the fallback), grouped by "
           "severity, with silences, and desktop notifications you can act on."));
    m_tracesPage
        = new PlaceholderPage(tr("Traces"), tr("Search Jaeger for traces and open them as a "
                                               "timeline: span tree, zoom, span details, and "
                                               "traces far larger than the Jaeger UI can open."));
    m_window->addPage(u"stack"_s, tr("Stack"),
                      QIcon::fromTheme(u"network-server"_s, QIcon(u":/icons/page-stack.svg"_s)),
                      m_stackPage);
    m_window->addPage(
        u"metrics"_s, tr("Metrics"),
        QIcon::fromTheme(u"utilities-system-monitor"_s, QIcon(u":/icons/page-metrics.svg"_s)),
        m_metricsPage);
    m_window->addPage(u"alerts"_s, tr("Alerts"),
                      QIcon::fromTheme(u"dialog-warning"_s, QIcon(u":/icons/page-alerts.svg"_s)),
                      m_alertsPage);
    m_window->addPage(u"traces"_s, tr("Traces"),
                      QIcon::fromTheme(u"view-list-tree"_s, QIcon(u":/icons/page-traces.svg"_s)),
                      m_tracesPage);

    connect(m_window.get(), &MainWindow::checkBackendsRequested, m_monitor.get(),
            &BackendMonitor::checkNow);
    connect(m_window.get(), &MainWindow::openConfigRequested, this, &Application::openConfigFile);
    connect(m_window.get(), &MainWindow::reloadConfigRequested, m_config.get(),
            &ConfigManager::reload);
    connect(m_window.get(), &MainWindow::quitRequested, this, &Application::quitRequested);
    // Ask the backends only once the window is on screen: the first paint must not wait for them.
    connect(m_window.get(), &MainWindow::firstPaint, m_monitor.get(), &BackendMonitor::start,
            Qt::QueuedConnection);

    connect(m_config.get(), &ConfigManager::configChanged, this, &Application::applyConfig);
    connect(m_config.get(), &ConfigManager::problemsChanged, this,
            [this](const QList<ConfigProblem> &problems) {
                m_window->setConfigProblems(m_config->path(), problems);
            });

    m_tray = std::make_unique<TrayIcon>(m_backendStatus.get());
    connect(m_tray.get(), &TrayIcon::toggleWindowRequested, this, [this] {
        if (m_window->isVisible() && m_window->isActiveWindow()) {
            m_window->hide();
        } else {
            m_window->show();
            m_window->raise();
            m_window->activateWindow();
        }
    });
    connect(m_tray.get(), &TrayIcon::quitRequested, this, &Application::quitRequested);
}

Application::~Application()
{
    // The window's models and the monitor go before the network manager they use.
    m_tray.reset();
    m_window.reset();
    m_monitor.reset();
}

void Application::start()
{
    m_config->start();
    if (m_config->wroteDefault())
        qCInfo(lcApp).noquote() << "wrote the default configuration to" << m_config->path();
    applyConfig(m_config->config());
    m_window->setConfigProblems(m_config->path(), m_config->problems());
    m_window->restoreState();
    m_window->show();
    m_tray->show();
}

void Application::applyConfig(const Config &config)
{
    m_monitor->setConfig(config);
    if (config.selfMetrics.enabled) {
        if (!m_selfMetrics->listen(config.selfMetrics.listen))
            m_window->setNotice(m_selfMetrics->errorString());
        else
            m_window->setNotice({});
    } else {
        m_selfMetrics->stopListening();
        m_window->setNotice({});
    }
    updatePageDetails(config);
}

void Application::updatePageDetails(const Config &config)
{
    const DockerEndpoint docker = resolveDockerEndpoint(config.stack.dockerHost);
    m_stackPage->setDetails({
        tr("Compose project: %1").arg(config.stack.project),
        tr("Compose files: %1").arg(config.stack.composeFiles.join(u", "_s)),
        tr("Docker: %1 (%2)").arg(docker.host, docker.source),
    });
    m_metricsPage->setDetails({
        tr("Prometheus: %1").arg(config.prometheus.url.toString()),
        tr("Refresh: every %1").arg(seconds(config.refresh.metrics)),
    });
    QStringList alertmanagers;
    for (const EndpointConfig &e : config.alertmanagers)
        alertmanagers << e.url.toString();
    m_alertsPage->setDetails({
        tr("Alertmanager: %1")
            .arg(alertmanagers.isEmpty() ? tr("none (Prometheus alerts are used)")
                                         : alertmanagers.join(u", "_s)),
        tr("Notifications: %1, from severity %2")
            .arg(config.notifications.enabled ? tr("on") : tr("off"),
                 config.notifications.minSeverity),
    });
    m_tracesPage->setDetails({tr("Jaeger: %1").arg(config.jaeger.url.toString())});
}

void Application::openConfigFile()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_config->path()));
}

} // namespace Stackscope
