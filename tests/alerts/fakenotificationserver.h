// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A test-side org.freedesktop.Notifications service: records every Notify call and emits
// ActionInvoked when the test asks it to (through its own org.stackscope.Test interface). It runs
// in a child process, so that the notifier's calls cross the real bus. Options (after
// --serve-notifications): `--server-name NAME` (what GetServerInformation answers, e.g.
// gnome-shell, which shows three action buttons) and `--notify-delay-ms N` (Notify answers only
// after N ms, as a busy or slow server does; the calls are recorded as they arrive).

#include <QDBusAbstractAdaptor>
#include <QDBusMessage>
#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace Stackscope::Test {

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    using QObject::QObject;
    void setServerName(const QString &name) { m_serverName = name; }
    void setNotifyDelay(int milliseconds) { m_notifyDelay = milliseconds; }

public Q_SLOTS:
    QStringList GetCapabilities();
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout, const QDBusMessage &message);
    void CloseNotification(uint id);
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion);

    // The test's controls (same object, same interface: only this test calls them).
    QString RecordedCalls();
    void InvokeAction(uint id, const QString &key);

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    QJsonArray m_calls;
    uint m_next = 1;
    QString m_serverName = QStringLiteral("fake-notifications");
    int m_notifyDelay = 0;
};

/// Registers the server on the session bus and runs until killed; returns the exit code.
int runFakeNotificationServer(int argc, char **argv);

} // namespace Stackscope::Test
