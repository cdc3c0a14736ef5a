// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/application.h"

#include "ui/backendstatusbar.h"

#include "app/backends/backendmonitor.h"
#include "app/cli/commandline.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configmanager.h"
#include "app/config/paths.h"
#include "app/desktop/autostart.h"
#include "app/features/alertsfeature.h"
#include "app/features/feature.h"
#include "app/features/logsfeature.h"
#include "app/features/metricsfeature.h"
#include "app/features/stackfeature.h"
#include "app/selfmetrics/selfmetrics.h"
#include "models/backendstatusmodel.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/trayicon.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "stackscope.app", QtInfoMsg)

namespace Stackscope {

Application::Application(const QString &configPath, QObject *parent)
    : QObject(parent)
    , m_config(
          std::make_unique<ConfigManager>(configPath.isEmpty() ? Paths::configFile() : configPath))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_backendStatus(std::make_unique<BackendStatusModel>())
    , m_monitor(std::make_unique<BackendMonitor>(m_network.get(), m_backendStatus.get()))
    , m_selfMetrics(std::make_unique<SelfMetrics>())
    , m_window(std::make_unique<MainWindow>(m_backendStatus.get()))
{
    connect(m_monitor.get(), &BackendMonitor::requestFinished, m_selfMetrics.get(),
            &SelfMetrics::recordRequest);
    connect(m_monitor.get(), &BackendMonitor::pollCycleFinished, m_selfMetrics.get(),
            [this](const QString &backend, bool ok) {
                m_selfMetrics->recordPollCycle(backend, ok);
                m_selfMetrics->setBackendUp(backend, ok);
            });

    const AppContext context{m_network.get(), m_config.get(), m_backendStatus.get(),
                             m_selfMetrics.get(), m_window.get()};
    m_features.push_back(makeStackFeature(context));
    m_features.push_back(makeMetricsFeature(context));
    m_features.push_back(makeAlertsFeature(context));
    m_features.push_back(makeTracesFeature(context));
    m_features.push_back(makeLogsFeature(context));
    for (const auto &feature : m_features) {
        m_window->addPage(feature->id(), feature->title(), feature->icon(), feature->createPage());
        for (const FeatureMenuAction &contribution : feature->menuActions())
            m_window->addMenuAction(contribution.menu, contribution.action);
        connect(feature.get(), &Feature::showRequested, this,
                [this](const NavigationRequest &request) {
                    const QString id = pageIdOf(request);
                    m_window->showPage(id);
                    if (Feature *target = this->feature(id))
                        target->show(request);
                    m_window->show();
                    m_window->raise();
                    m_window->activateWindow();
                });
    }

    connect(m_window.get(), &MainWindow::checkBackendsRequested, m_monitor.get(),
            &BackendMonitor::checkNow);
    connect(m_window.get(), &MainWindow::openConfigRequested, this, &Application::openConfigFile);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Application::openSettings);
    connect(m_window.get(), &MainWindow::reloadConfigRequested, m_config.get(),
            &ConfigManager::reload);
    connect(m_window.get(), &MainWindow::quitRequested, this, &Application::quitRequested);
    // Ask the backends only once the window is on screen: the first paint must not wait for them.
    connect(m_window.get(), &MainWindow::firstPaint, this, &Application::startFeatures,
            Qt::QueuedConnection);

    connect(m_config.get(), &ConfigManager::configChanged, this, &Application::applyConfig);
    // Queued: the stack reports its services from inside applyConfig's loop.
    if (auto *stack = qobject_cast<StackFeature *>(feature(u"stack"_s))) {
        // The Logs page reads the containers of the stack the Stack page supervises.
        if (auto *logs = qobject_cast<LogsFeature *>(feature(u"logs"_s)))
            logs->setStackSupervisor(stack->supervisor());
        connect(stack->supervisor(), &StackSupervisor::composeFileChanged, this,
                &Application::rediscoverEndpoints, Qt::QueuedConnection);
        // The stack's own dashboards and rule files follow its services.
        connect(
            stack->supervisor(), &StackSupervisor::composeFileChanged, this,
            [this, stack] {
                const QList<ComposeService> services = stack->supervisor()->declaredServices();
                if (auto *metrics = qobject_cast<MetricsFeature *>(feature(u"metrics"_s)))
                    metrics->setStackServices(services);
                if (auto *alerts = qobject_cast<AlertsFeature *>(feature(u"alerts"_s)))
                    alerts->setStackServices(services);
            },
            Qt::QueuedConnection);
    }
    connect(m_window->backendStatusBar(), &BackendStatusBar::useStackEndpointsRequested, this,
            &Application::useStackEndpoints);
    connect(m_config.get(), &ConfigManager::problemsChanged, this,
            [this](const QList<ConfigProblem> &problems) {
                m_window->setConfigProblems(m_config->path(), problems);
            });

    m_tray = std::make_unique<TrayIcon>(m_backendStatus.get());
    // The tray shows the firing alerts, mutes notifications and is their fallback.
    if (auto *alerts = qobject_cast<AlertsFeature *>(feature(u"alerts"_s)))
        alerts->setTrayIcon(m_tray.get());
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
    // Features and the window go before the models and the network manager they use.
    m_tray.reset();
    m_features.clear();
    m_window.reset();
    m_monitor.reset();
}

Feature *Application::feature(const QString &id) const
{
    for (const auto &feature : m_features) {
        if (feature->id() == id)
            return feature.get();
    }
    return nullptr;
}

bool Application::openFile(const QString &featureId, const QString &path)
{
    Feature *target = feature(featureId);
    if (!target || !target->openFile(path))
        return false;
    m_window->showPage(featureId);
    return true;
}

void Application::activate(const QStringList &arguments)
{
    qCInfo(lcApp).noquote() << "activated by a second launch:" << arguments.mid(1).join(u' ');
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    CommandLine commandLine;
    if (!commandLine.parse(arguments))
        return;
    if (const QString trace = commandLine.openTraceFile();
        !trace.isEmpty() && !openFile(u"traces"_s, trace))
        qCWarning(lcApp).noquote() << "cannot open the trace" << trace;
}

void Application::start(bool minimized)
{
    m_config->start();
    if (m_config->wroteDefault())
        qCInfo(lcApp).noquote() << "wrote the default configuration to" << m_config->path();
    applyConfig(m_config->config());
    m_window->setConfigProblems(m_config->path(), m_config->problems());
    m_window->restoreState();
    m_tray->show();
    if (minimized && m_tray->isAvailable()) {
        QTimer::singleShot(0, this, &Application::startFeatures); // no paint will come
        return;
    }
    if (minimized)
        m_window->showMinimized();
    else
        m_window->show();
}

void Application::openSettings()
{
    SettingsDialog dialog(m_config->config(), Autostart::isEnabled(), m_window.get());
    connect(&dialog, &SettingsDialog::saveRequested, &dialog, [this, &dialog] {
        QList<ConfigProblem> problems;
        QString error;
        if (!m_config->saveEdits(dialog.edits(), &problems, &error)) {
            QStringList lines;
            for (const ConfigProblem &problem : std::as_const(problems))
                lines << problem.format(QFileInfo(m_config->path()).fileName());
            if (!error.isEmpty())
                lines << error;
            dialog.showProblems(lines);
            return;
        }
        if (dialog.startAtLogin() != Autostart::isEnabled()
            && !Autostart::setEnabled(dialog.startAtLogin(), &error)) {
            dialog.showProblems({tr("start at login: %1").arg(error)});
            return;
        }
        dialog.accept();
    });
    dialog.exec();
}

void Application::startFeatures()
{
    if (m_started)
        return;
    m_started = true;
    m_monitor->start();
    for (const auto &feature : m_features)
        feature->start();
}

void Application::applyConfig(const Config &config)
{
    m_fileConfig = config;
    applyEffectiveConfig();
}

void Application::rediscoverEndpoints()
{
    auto *stack = qobject_cast<StackFeature *>(feature(u"stack"_s));
    const QList<ComposeService> services
        = stack ? stack->supervisor()->declaredServices() : QList<ComposeService>();
    const QList<DiscoveredEndpoint> found = discoverEndpoints(services);
    const bool known = !services.isEmpty();
    if (found == m_discovered && known == m_stackKnown)
        return;
    m_discovered = found;
    m_stackKnown = known;
    applyEffectiveConfig();
}

void Application::useStackEndpoints()
{
    QList<ConfigProblem> problems;
    QString error;
    if (!m_config->saveEdits(discoveredEndpointEdits(m_config->config(), m_discovered), &problems,
                             &error)) {
        QStringList lines;
        for (const ConfigProblem &problem : std::as_const(problems))
            lines << problem.format(QFileInfo(m_config->path()).fileName());
        if (!error.isEmpty())
            lines << error;
        m_window->setNotice(tr("Could not write the stack's endpoints into %1: %2")
                                .arg(m_config->path(), lines.join(u"; "_s)));
    }
}

void Application::applyEffectiveConfig()
{
    const Config config = applyDiscoveredEndpoints(m_fileConfig, m_discovered, m_stackKnown);
    m_window->backendStatusBar()->setStackEndpointsOffered(
        !discoveredEndpointEdits(m_fileConfig, m_discovered).isEmpty());
    m_monitor->setConfig(config);
    m_window->backendStatusBar()->setUnverifiedTls(BackendStatusBar::unverifiedTlsBackends(config));
    if (config.selfMetrics.enabled) {
        if (!m_selfMetrics->listen(config.selfMetrics.listen))
            m_window->setNotice(m_selfMetrics->errorString());
        else
            m_window->setNotice({});
    } else {
        m_selfMetrics->stopListening();
        m_window->setNotice({});
    }
    for (const auto &feature : m_features)
        feature->applyConfig(config);
}

void Application::openConfigFile()
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(m_config->path()));
}

} // namespace Stackscope
