// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/stackendpoints.h"
#include "models/config/config.h"

#include <QObject>

#include <memory>
#include <vector>

class QNetworkAccessManager;

namespace Stackscope {

class BackendMonitor;
class BackendStatusModel;
class ConfigManager;
class Feature;
class MainWindow;
class SelfMetrics;
class TrayIcon;

/// The composition root: builds the configuration manager, the network layer, the backend
/// monitor, self-metrics, the window and one Feature per page, and connects them. Nothing else
/// knows all of them.
class Application : public QObject
{
    Q_OBJECT
public:
    /// `configPath` empty = the default location (written with the defaults on first run).
    explicit Application(const QString &configPath, QObject *parent = nullptr);
    ~Application() override;

    /// Shows the window (or only the tray icon when `minimized` and a tray exists); backends are
    /// first asked right after the first paint.
    void start(bool minimized = false);
    /// The settings dialog: edits the configuration file in place, validated before it saves.
    void openSettings();
    MainWindow *window() const { return m_window.get(); }
    ConfigManager *configManager() const { return m_config.get(); }
    Feature *feature(const QString &id) const;
    /// Hands a file to the feature that opens it (e.g. --open-trace FILE); false if none did.
    bool openFile(const QString &featureId, const QString &path);
    /// A second launch handed over its command line: raise the window and act on it.
    void activate(const QStringList &arguments);

Q_SIGNALS:
    void quitRequested();

private:
    /// A configuration from the file: the endpoints the stack reveals fill what it leaves open.
    void applyConfig(const Config &config);
    /// The stack's services changed: look for its endpoints again.
    void rediscoverEndpoints();
    void applyEffectiveConfig();
    void useStackEndpoints();
    void startFeatures();
    void openConfigFile();

    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<BackendStatusModel> m_backendStatus;
    std::unique_ptr<BackendMonitor> m_monitor;
    std::unique_ptr<SelfMetrics> m_selfMetrics;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;
    std::vector<std::unique_ptr<Feature>> m_features;
    bool m_started = false;
    Config m_fileConfig;                    ///< as the file says
    QList<DiscoveredEndpoint> m_discovered; ///< found in the stack's compose model
    bool m_stackKnown = false; ///< the stack's services are known (m_discovered is all)
};

} // namespace Stackscope
