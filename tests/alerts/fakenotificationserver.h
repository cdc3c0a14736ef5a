// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A test-side org.freedesktop.Notifications service: records every Notify call and emits
// ActionInvoked when the test asks it to (through its own org.stackscope.Test interface). It runs
// in a child process, so that the notifier's blocking calls cross the real bus.

#include <QDBusAbstractAdaptor>
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

public Q_SLOTS:
    QStringList GetCapabilities();
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout);
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
};

/// Registers the server on the session bus and runs until killed; returns the exit code.
int runFakeNotificationServer(int argc, char **argv);

} // namespace Stackscope::Test
