// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/notificationpolicy.h"

#include <QDBusAbstractInterface>
#include <QDBusConnection>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace Stackscope {

/// The freedesktop notification service's interface, with its two signals declared so that
/// pointer-to-member connections subscribe to them on the bus.
class NotificationsInterface : public QDBusAbstractInterface
{
    Q_OBJECT
public:
    NotificationsInterface(const QDBusConnection &bus, QObject *parent = nullptr);

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);
};

/// Sends AlertNotifications to `org.freedesktop.Notifications` (summary = alert name and
/// severity, body = the summary annotation escaped where the server reads markup, urgency by
/// severity, actions "Open", "Open traces" and "Silence 1 h" where the server supports actions,
/// and "Acknowledge" (until resolved) beside them where it shows at least four action buttons),
/// and turns the actions the person invokes into signals. With no notification server on the bus,
/// or when a call fails, the fallback (the tray icon's balloon) shows it instead.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    using Fallback = std::function<void(const QString &summary, const QString &body, int urgency)>;

    explicit DesktopNotifier(QObject *parent = nullptr);
    DesktopNotifier(const QDBusConnection &bus, QObject *parent = nullptr);

    void setFallback(Fallback fallback) { m_fallback = std::move(fallback); }
    /// With sound, firing notifications carry the sound theme's `sound-name` (notifications.sound).
    void setSound(bool sound) { m_sound = sound; }
    /// A notification server owns (or can be activated as) org.freedesktop.Notifications.
    bool serverAvailable() const;
    /// The server's capabilities as it answered GetCapabilities (asked without blocking before
    /// the first notification, then cached); empty until it answered.
    QStringList capabilities() const;
    /// The server's name as GetServerInformation said ("dunst", "gnome-shell"); empty until it
    /// answered.
    QString serverName() const { return m_serverName; }
    /// How many action buttons a server of that name shows at most; -1 when it shows them all.
    /// GNOME Shell shows three (and drops the rest); freedesktop's spec sets no limit.
    static int maxActionButtons(const QString &serverName);

    void notify(const AlertNotification &notification);
    /// Ids of notifications sent and not yet closed, with their alert's fingerprint.
    QHash<uint, QString> openNotifications() const;

    static QString serviceName();

Q_SIGNALS:
    /// "Open" (or a click on the notification).
    void openRequested(const QString &fingerprint);
    /// "Silence 1 h": the labels of exactly the alert notified.
    void silenceRequested(const Stackscope::Alert &alert);
    /// "Open traces": the traces of the alert's service around the time it started.
    void tracesRequested(const Stackscope::Alert &alert);
    /// "Acknowledge": silence the alert until it resolves (Acknowledgements).
    void acknowledgeRequested(const Stackscope::Alert &alert);
    /// The notification was handed over: to the bus (`viaBus`) or to the fallback.
    void notified(const Stackscope::AlertNotification &notification, bool viaBus);

private:
    void onActionInvoked(uint id, const QString &key);
    void askCapabilities();
    void send(const AlertNotification &notification, const QStringList &caps);

    QDBusConnection m_bus;
    NotificationsInterface *m_interface;
    Fallback m_fallback;
    std::optional<QStringList> m_capabilities;
    QString m_serverName;
    bool m_askingCapabilities = false;
    bool m_sound = false;
    QList<AlertNotification> m_waiting; ///< sent once the capabilities are known
    QHash<uint, Alert> m_sent;
};

} // namespace Stackscope
