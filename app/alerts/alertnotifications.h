// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/notificationpolicy.h"

#include <QObject>
#include <QThreadPool>

namespace Stackscope {

class AlertsService;
class DesktopNotifier;

/// Joins the poll to the desktop: every answered poll of the AlertsService goes through the
/// NotificationPolicy, what is new goes to the DesktopNotifier, and the notified state is saved
/// atomically after each change, off the GUI thread and before the notifications it records are
/// sent. "Silence 1 h" from a notification silences exactly that alert
/// in every Alertmanager. A poll where no source answered changes nothing (never "resolves").
class AlertNotifications : public QObject
{
    Q_OBJECT
public:
    AlertNotifications(AlertsService *service, DesktopNotifier *notifier,
                       QObject *parent = nullptr);

    void setConfig(const NotificationConfig &config) { m_policy.setConfig(config); }
    void setMuted(bool muted) { m_policy.setMuted(muted); }
    bool isMuted() const { return m_policy.isMuted(); }
    /// Where the notified state is kept; the default is NotifiedState::defaultPath().
    void setStatePath(const QString &path);
    const NotifiedState &state() const { return m_state; }

Q_SIGNALS:
    /// The notifications of one poll were handed to the notifier.
    void notificationsSent(int count);
    void silenceFinished(const Stackscope::Alert &alert, const QStringList &ids,
                         const QStringList &errors);

private:
    void onUpdated();
    void send(const QList<AlertNotification> &notes);
    void silence(const Alert &alert);

    AlertsService *m_service;
    DesktopNotifier *m_notifier;
    NotificationPolicy m_policy;
    NotifiedState m_state;
    bool m_loaded = false;
    QThreadPool m_writer; ///< one thread: the state's writes land in the order they were made
};

} // namespace Stackscope
