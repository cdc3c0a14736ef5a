// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"
#include "app/http/poller.h"
#include "models/config/config.h"
#include "models/config/configedit.h"

#include "models/stack/stacksummary.h"
#include "ui/stack/stackpage.h"
#include "ui/stack/stacksdialog.h"

#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace Stackscope {

class CadvisorHistory;
class DockerLogStream;
class StackDiscovery;
class StackSupervisor;
class StacksModel;

/// The Stack page joined with its StackSupervisor: buttons run compose, the table follows the
/// daemon's events, the logs view reads the container's log stream. Also "Stacks on this
/// machine" (StackDiscovery behind StacksDialog), File ▸ Open stack…, Recent stacks and a compose
/// file dropped on the window: each ends in openStack(), which writes the project into the
/// configuration so that the app reloads onto it.
class StackFeature : public Feature
{
    Q_OBJECT
public:
    explicit StackFeature(const AppContext &context, QObject *parent = nullptr);
    ~StackFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    /// StackRequest: selects the service and shows its logs.
    void show(const NavigationRequest &request) override;
    QList<FeatureMenuAction> menuActions() override;

    /// Shows "Stacks on this machine" and lists the stacks anew, then every `refresh.stack` while
    /// it stays open.
    void showStacks();
    /// Makes `stack` the one Stackscope watches: writes stack.compose_files and stack.project
    /// into the configuration (comments kept) and remembers it in Recent stacks. False, with a
    /// sentence in `error`, when its compose files are gone or the file cannot be changed.
    bool openStack(const StackSummary &stack, QString *error);
    /// Makes one of the configuration's `stacks:` the one Stackscope watches: writes its compose
    /// files, project, env file and profiles into `stack:` (comments kept). False, with a
    /// sentence in `error`, as openStack().
    bool switchToStack(const NamedStack &stack, QString *error);
    /// A compose file, or a folder holding one (see StackDiscovery::composeFileFor).
    bool openComposePath(const QString &path, QString *error);
    /// The stacks opened last, newest first (from QSettings).
    static QList<StackSummary> recentStacks();

    StackSupervisor *supervisor() const { return m_supervisor; }
    StackPage *page() const { return m_page; }
    StackDiscovery *discovery() const { return m_discovery; }
    StacksModel *stacksModel() const { return m_stacksModel.get(); }
    StacksDialog *stacksDialog() const { return m_stacksDialog; }
    /// The services' longer CPU and memory history from cAdvisor through Prometheus.
    CadvisorHistory *cadvisorHistory() const { return m_cadvisor; }

private:
    void updateConnection();
    /// Tells the cAdvisor history where to ask (the effective Prometheus endpoint, the project,
    /// whether the stack runs cAdvisor) and asks when the feature runs.
    void updateHistorySource();
    void openLogs(const QString &service, int tail, bool follow);
    /// openStack() / openComposePath() for a person: a failure is shown in a message box.
    void openAndReport(const std::function<bool(QString *)> &open);
    void chooseComposePath(bool folder);
    void remember(const StackSummary &stack);
    bool checkFiles(const QStringList &files, const QString &name, QStringList *absolute,
                    QString *error) const;
    bool writeStack(const QList<ConfigEdit> &edits, QString *error);
    void fillRecentMenu();
    QWidget *dialogParent() const;

    AppContext m_context;
    StackSupervisor *m_supervisor;
    QPointer<StackPage> m_page;
    DockerLogStream *m_logs = nullptr;
    StackDiscovery *m_discovery;
    std::unique_ptr<StacksModel> m_stacksModel;
    QPointer<StacksDialog> m_stacksDialog;
    /// Lists the stacks again every `refresh.stack` while the dialog is open (no overlap).
    Poller m_stacksPoller;
    CadvisorHistory *m_cadvisor = nullptr;
    EndpointConfig m_prometheus;
    QTimer *m_historyTimer = nullptr;
    Poller::Report m_stacksReport; ///< of the listing under way
    std::unique_ptr<QMenu> m_recentMenu;
    QList<NamedStack> m_configuredStacks; ///< `stacks:`
    QList<QAction *> m_actions;
    bool m_started = false;
};

} // namespace Stackscope
