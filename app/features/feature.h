// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"
#include "models/navigation.h"
#include "ui/mainwindow.h"

#include <QIcon>
#include <QList>
#include <QObject>

#include <memory>

class QAction;
class QNetworkAccessManager;

namespace Stackscope {

class BackendStatusModel;
class ConfigManager;
class SelfMetrics;

/// What the composition root shares with every feature: created once, outliving the features.
struct AppContext
{
    QNetworkAccessManager *network = nullptr;
    ConfigManager *config = nullptr;
    BackendStatusModel *backendStatus = nullptr;
    SelfMetrics *selfMetrics = nullptr;
    MainWindow *window = nullptr;
};

/// An action a feature contributes to one of the window's menus; the feature owns it.
struct FeatureMenuAction
{
    MainWindow::Menu menu = MainWindow::Menu::File;
    QAction *action = nullptr;
};

/// One page of the window with the core objects behind it (clients, pollers, models). The
/// composition root creates each feature through its factory, adds its page and its menu
/// actions, passes every new configuration on, and starts it after the window's first paint.
class Feature : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString id() const = 0;    ///< "stack", "metrics", "alerts", "traces", "logs"
    virtual QString title() const = 0; ///< shown in the navigation
    virtual QIcon icon() const = 0;
    /// The page; the window takes ownership. Called once.
    virtual QWidget *createPage() = 0;
    /// A new valid configuration (also called once before start()).
    virtual void applyConfig(const Config &config) = 0;
    /// The window is on screen: start polling.
    virtual void start() {}
    /// The command line asked this feature to open something (a trace file, a dashboard).
    virtual bool openFile(const QString &path)
    {
        Q_UNUSED(path);
        return false;
    }
    /// Actions for the window's menus (e.g. File ▸ Open trace file…), asked once after
    /// createPage(); the composition root places them.
    virtual QList<FeatureMenuAction> menuActions() { return {}; }
    /// Another feature asked for this page (see showRequested()); the request is this
    /// feature's own type (pageIdOf(request) == id()).
    virtual void show(const NavigationRequest &request) { Q_UNUSED(request); }

Q_SIGNALS:
    /// Ask the window to show another feature's page, e.g. the metrics page with a PromQL
    /// expression and a time window (MetricsRequest); pageIdOf() names the page.
    void showRequested(const Stackscope::NavigationRequest &request);
};

/// One factory per page, each in its own file (stackfeature.cpp, ...).
std::unique_ptr<Feature> makeStackFeature(const AppContext &context);
std::unique_ptr<Feature> makeMetricsFeature(const AppContext &context);
std::unique_ptr<Feature> makeAlertsFeature(const AppContext &context);
std::unique_ptr<Feature> makeTracesFeature(const AppContext &context);
std::unique_ptr<Feature> makeLogsFeature(const AppContext &context);

} // namespace Stackscope
