// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"
#include "models/stack/composeservice.h"
#include "ui/alerts/alertspage.h"
#include "ui/trayicon.h"

#include <QPointer>

class QSystemTrayIcon;

namespace Stackscope {

class Acknowledgements;
class AlertHistory;
class AlertsService;
class AlertModel;
class AlertNotifications;
class DesktopNotifier;
class StackFileWatcher;

/// The Alerts page with the service that polls Alertmanager and Prometheus, and the desktop
/// notifications: each answered poll goes through the NotificationPolicy, what is new is sent
/// through the DesktopNotifier, and the notified state is saved atomically. "Open" raises the
/// window on the alert; "Silence 1 h" silences exactly that alert in every Alertmanager;
/// "Acknowledge" (there and on the page) silences it until it resolves (Acknowledgements).
class AlertsFeature : public Feature
{
    Q_OBJECT
public:
    explicit AlertsFeature(const AppContext &context, QObject *parent = nullptr);
    ~AlertsFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    /// AlertsRequest: select that alert.
    void show(const NavigationRequest &request) override;

    /// Let the tray follow the alerts and drive the mute toggle; the tray's balloon is then the
    /// fallback for notifications.
    void setTrayIcon(TrayIcon *tray);
    void setMuted(bool muted);
    bool isMuted() const;

    AlertsService *service() const { return m_service; }
    DesktopNotifier *notifier() const { return m_notifier; }
    AlertNotifications *notifications() const { return m_notifications; }
    Acknowledgements *acknowledgements() const { return m_acknowledgements; }
    /// Every firing period seen, for the History tab.
    AlertHistory *history() const { return m_history; }
    AlertsPage *page() const { return m_page; }

    /// The compose stack's services changed (StackSupervisor::composeFileChanged): its
    /// Prometheus' rule files are read, followed on disk, and shown on the Rules tab while
    /// Prometheus cannot be reached.
    void setStackServices(const QList<Stackscope::ComposeService> &services);
    /// Reads the stack's rule files again (they changed).
    void reloadStackRules();
    const QList<Rule> &stackRules() const { return m_stackRules; }
    StackFileWatcher *stackWatcher() const { return m_stackWatcher; }

    /// Raise the window on the Alerts page with this alert selected.
    void raiseOnAlert(const QString &fingerprint);
    /// "Traces around here" and the notification's "Open traces": the Traces page for the alert.
    void openTraces(const Stackscope::Alert &alert);

private:
    void onUpdated();
    void updateRulesFallback();
    void fallbackMessage(const QString &summary, const QString &body, int urgency);

    AppContext m_context;
    AlertsService *m_service;
    DesktopNotifier *m_notifier;
    AlertNotifications *m_notifications;
    Acknowledgements *m_acknowledgements;
    AlertHistory *m_history;
    QPointer<AlertsPage> m_page;
    QPointer<TrayIcon> m_tray;
    QSystemTrayIcon *m_ownTray = nullptr;
    StackFileWatcher *m_stackWatcher;
    QList<ComposeService> m_stackServices;
    QList<Rule> m_stackRules;
    QStringList m_stackRuleFiles;
    QStringList m_stackRuleProblems;
};

} // namespace Stackscope
