// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/config.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace Stackscope {

class BackendMonitor;
class BackendStatusModel;
class ConfigManager;
class MainWindow;
class PlaceholderPage;
class SelfMetrics;
class TrayIcon;

/// The composition root: builds the configuration manager, the network layer, the backend
/// monitor, self-metrics and the window, and connects them. Nothing else knows all of them.
class Application : public QObject
{
    Q_OBJECT
public:
    /// `configPath` empty = the default location (written with the defaults on first run).
    explicit Application(const QString &configPath, QObject *parent = nullptr);
    ~Application() override;

    /// Shows the window; backends are first asked right after the first paint.
    void start();
    MainWindow *window() const { return m_window.get(); }

Q_SIGNALS:
    void quitRequested();

private:
    void applyConfig(const Config &config);
    void updatePageDetails(const Config &config);
    void openConfigFile();

    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<BackendStatusModel> m_backendStatus;
    std::unique_ptr<BackendMonitor> m_monitor;
    std::unique_ptr<SelfMetrics> m_selfMetrics;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    PlaceholderPage *m_stackPage = nullptr;
    PlaceholderPage *m_metricsPage = nullptr;
    PlaceholderPage *m_alertsPage = nullptr;
    PlaceholderPage *m_tracesPage = nullptr;
};

} // namespace Stackscope
