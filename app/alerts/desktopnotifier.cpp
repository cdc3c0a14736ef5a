// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/desktopnotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusReply>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotify, "stackscope.alerts.notify", QtInfoMsg)

namespace Stackscope {

namespace {
const QString objectPath = u"/org/freedesktop/Notifications"_s;
const QString actionOpen = u"open"_s;
const QString actionDefault = u"default"_s;
const QString actionSilence = u"silence-1h"_s;
const QString actionTraces = u"traces"_s;
const QString actionAcknowledge = u"acknowledge"_s;
} // namespace

NotificationsInterface::NotificationsInterface(const QDBusConnection &bus, QObject *parent)
    : QDBusAbstractInterface(DesktopNotifier::serviceName(), objectPath,
                             "org.freedesktop.Notifications", bus, parent)
{}

QString DesktopNotifier::serviceName()
{
    return u"org.freedesktop.Notifications"_s;
}

DesktopNotifier::DesktopNotifier(QObject *parent)
    : DesktopNotifier(QDBusConnection::sessionBus(), parent)
{}

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
    , m_interface(new NotificationsInterface(bus, this))
{
    connect(m_interface, &NotificationsInterface::ActionInvoked, this,
            &DesktopNotifier::onActionInvoked);
    connect(m_interface, &NotificationsInterface::NotificationClosed, this,
            [this](uint id, uint) { m_sent.remove(id); });
}

bool DesktopNotifier::serverAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    if (m_bus.interface()->isServiceRegistered(serviceName()))
        return true;
    const QDBusReply<QStringList> activatable = m_bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(serviceName());
}

QStringList DesktopNotifier::capabilities() const
{
    return m_capabilities.value_or(QStringList());
}

void DesktopNotifier::askCapabilities()
{
    if (m_askingCapabilities)
        return;
    m_askingCapabilities = true;
    QDBusMessage call = QDBusMessage::createMethodCall(serviceName(), objectPath, serviceName(),
                                                       u"GetCapabilities"_s);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 2000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<QStringList> reply = *watcher;
        if (reply.isError())
            qCWarning(lcNotify).noquote() << "the notification server did not say what it supports:"
                                          << reply.error().message();
        const QStringList caps = reply.isError() ? QStringList() : reply.value();
        const bool known = !reply.isError(); // else asked again with the next notification
        const auto flush = [this, caps, known] {
            m_askingCapabilities = false;
            if (known)
                m_capabilities = caps;
            for (const AlertNotification &n : std::exchange(m_waiting, {}))
                send(n, caps);
        };
        if (!caps.contains("actions"_L1)) {
            flush();
            return;
        }
        // How many buttons it shows depends on the server: its name says.
        QDBusMessage info = QDBusMessage::createMethodCall(serviceName(), objectPath, serviceName(),
                                                           u"GetServerInformation"_s);
        auto *infoWatcher = new QDBusPendingCallWatcher(m_bus.asyncCall(info, 2000), this);
        connect(infoWatcher, &QDBusPendingCallWatcher::finished, this, [this, infoWatcher, flush] {
            infoWatcher->deleteLater();
            const QDBusPendingReply<QString, QString, QString, QString> name = *infoWatcher;
            if (!name.isError())
                m_serverName = name.argumentAt<0>();
            flush();
        });
    });
}

int DesktopNotifier::maxActionButtons(const QString &serverName)
{
    if (serverName == "gnome-shell"_L1)
        return 3;
    return -1;
}

void DesktopNotifier::notify(const AlertNotification &n)
{
    if (!serverAvailable()) {
        if (m_fallback)
            m_fallback(n.summary, n.body, n.urgency);
        Q_EMIT notified(n, false);
        return;
    }
    if (!m_capabilities) {
        // Asked without blocking: the notifications wait for the answer, in order.
        m_waiting.append(n);
        askCapabilities();
        return;
    }
    send(n, *m_capabilities);
}

void DesktopNotifier::send(const AlertNotification &n, const QStringList &caps)
{
    // The spec lets the body hold markup; the body is someone else's text, so it is escaped
    // wherever the server would read markup. The summary is plain text by the spec.
    const QString body = caps.contains("body-markup"_L1) ? n.body.toHtmlEscaped() : n.body;
    QStringList actions;
    if (caps.contains("actions"_L1) && n.kind != AlertNotification::Kind::Resolved) {
        actions << actionDefault << tr("Open") << actionOpen << tr("Open");
        if (n.kind == AlertNotification::Kind::Firing) {
            actions << actionTraces << tr("Open traces") << actionSilence << tr("Silence 1 h");
            const int max = maxActionButtons(m_serverName);
            if (max < 0 || max >= 4)
                actions << actionAcknowledge << tr("Acknowledge");
        }
    }
    QVariantMap hints;
    hints.insert(u"urgency"_s, QVariant::fromValue(uchar(std::clamp(n.urgency, 0, 2))));
    hints.insert(u"category"_s, u"alert"_s);
    // The installed desktop file's id (io.github.stackscope.Stackscope.desktop), so that the
    // server shows our name and icon and groups our notifications.
    hints.insert(u"desktop-entry"_s, QStringLiteral(STACKSCOPE_APP_ID));
    // Names from the freedesktop sound naming spec; a server without sounds ignores the hint.
    if (m_sound && n.kind != AlertNotification::Kind::Resolved)
        hints.insert(u"sound-name"_s, n.urgency >= 2 ? u"dialog-error"_s : u"dialog-warning"_s);
    const QString icon = n.kind == AlertNotification::Kind::Resolved ? u"dialog-information"_s
                         : n.urgency >= 2                            ? u"dialog-error"_s
                                                                     : u"dialog-warning"_s;
    QDBusMessage call
        = QDBusMessage::createMethodCall(serviceName(), objectPath, serviceName(), u"Notify"_s);
    call << u"Stackscope"_s << uint(0) << icon << n.summary << body << actions << hints
         << int(n.kind == AlertNotification::Kind::Resolved ? 10000 : -1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const Alert alert = n.kind == AlertNotification::Kind::Storm ? n.alerts.value(0) : n.alert;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher, alert, n] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCWarning(lcNotify).noquote()
                << "the notification server refused the notification:" << reply.error().message();
            if (m_fallback)
                m_fallback(n.summary, n.body, n.urgency);
            return;
        }
        m_sent.insert(reply.value(), alert);
    });
    Q_EMIT notified(n, true);
}

QHash<uint, QString> DesktopNotifier::openNotifications() const
{
    QHash<uint, QString> out;
    for (auto it = m_sent.cbegin(); it != m_sent.cend(); ++it)
        out.insert(it.key(), it->fingerprint);
    return out;
}

void DesktopNotifier::onActionInvoked(uint id, const QString &key)
{
    const auto it = m_sent.constFind(id);
    if (it == m_sent.cend())
        return; // another application's notification
    const Alert alert = *it;
    if (key == actionOpen || key == actionDefault)
        Q_EMIT openRequested(alert.fingerprint);
    else if (key == actionSilence)
        Q_EMIT silenceRequested(alert);
    else if (key == actionTraces)
        Q_EMIT tracesRequested(alert);
    else if (key == actionAcknowledge)
        Q_EMIT acknowledgeRequested(alert);
}

} // namespace Stackscope
