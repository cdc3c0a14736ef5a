// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace Stackscope {

class ComposeProgressPanel;
class LogView;
class ServiceModel;

/// The Stack page: where the connection to Docker stands (or why it cannot be reached, with
/// what to do), buttons for the whole stack and for the selected service, the services table,
/// the compose output and the logs. Buttons offer only what is possible and are disabled while
/// a compose run is under way. The page asks through signals; the feature does the work.
class StackPage : public QWidget
{
    Q_OBJECT
public:
    explicit StackPage(ServiceModel *model, QWidget *parent = nullptr);

    /// The first line under the title: its name (and, in the tooltip, where the name and the
    /// services came from) and its compose files.
    void setProjectInfo(const QString &project, const QString &nameSource,
                        const QStringList &composeFiles, const QString &modelSource);
    /// Docker endpoint in use and how it was found, the daemon's version, the compose command.
    void setDaemonInfo(const QString &endpoint, const QString &source, const QString &version);
    void setComposeInfo(const QString &composeCommand);
    /// A problem with the daemon (empty message = none): shown in a banner, the table stays
    /// with its last data marked stale.
    void setConnectionProblem(const QString &message, const QString &hint);
    /// The compose files do not parse (empty = they do).
    void setComposeFileProblem(const QString &message);
    void setConnected(bool connected);
    void setBusy(bool busy);

    /// Selects `service` in the table.
    void selectService(const QString &service);
    QString selectedService() const;

    ComposeProgressPanel *progressPanel() const { return m_progress; }
    LogView *logView() const { return m_logs; }
    QTableView *table() const { return m_table; }
    QString summaryText() const;
    /// "CPU and memory: Prometheus (cAdvisor), last 6 h": where the sparklines' history came
    /// from (the model's historySource()).
    QString historySourceText() const;
    QString bannerText() const;
    void showOutputTab();
    void showLogsTab();

public Q_SLOTS:
    /// Selects `service` and, when it has a container to read (and Docker is reachable), shows
    /// the logs tab and asks for its logs (logsRequested); otherwise only selects it. What the
    /// Logs button and a double click do, for other pages that link here.
    void showLogs(const QString &service);

Q_SIGNALS:
    void startStackRequested();
    void stopStackRequested();
    void restartStackRequested();
    void downStackRequested();
    void startServiceRequested(const QString &service);
    void stopServiceRequested(const QString &service);
    void restartServiceRequested(const QString &service);
    void logsRequested(const QString &service, int tail, bool follow);
    void cancelRequested();
    void retryRequested();
    /// The user asked to create an external network the compose file needs.
    void createNetworkRequested(const QString &name);

public:
    QStringList missingNetworks() const { return m_missingNetworks; }

public Q_SLOTS:
    /// External networks the compose file needs and the daemon lacks: a line with a "Create
    /// network" button for each (empty hides it). `error` says why the last creation failed.
    void setMissingNetworks(const QStringList &names, const QString &error = {});

private:
    void updateActions();
    bool canShowLogs(const QString &service) const;
    void updateInfoLine();
    void openPort(const QModelIndex &index);

    ServiceModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_project;
    QLabel *m_daemon;
    QLabel *m_compose;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QLabel *m_bannerHint;
    QLabel *m_fileProblem;
    QFrame *m_networks; ///< missing external networks, with a button each
    QStringList m_missingNetworks;
    QPushButton *m_startStack;
    QPushButton *m_stopStack;
    QPushButton *m_restartStack;
    QPushButton *m_startService;
    QPushButton *m_stopService;
    QPushButton *m_restartService;
    QPushButton *m_logsButton;
    QWidget *m_more = nullptr;
    QLabel *m_summary;
    QLabel *m_selection;
    QLabel *m_historySource;
    QTableView *m_table;
    QTabWidget *m_tabs;
    ComposeProgressPanel *m_progress;
    LogView *m_logs;
    QString m_version;
    QString m_composeText;
    bool m_busy = false;
    bool m_connected = false;
};

} // namespace Stackscope
