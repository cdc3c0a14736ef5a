// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/alerts/fakenotificationserver.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

QStringList FakeNotificationServer::GetCapabilities()
{
    return {u"actions"_s, u"body"_s, u"body-markup"_s};
}

uint FakeNotificationServer::Notify(const QString &appName, uint replacesId, const QString &appIcon,
                                    const QString &summary, const QString &body,
                                    const QStringList &actions, const QVariantMap &hints,
                                    int expireTimeout, const QDBusMessage &message)
{
    Q_UNUSED(replacesId);
    const uint id = m_next++;
    if (m_notifyDelay > 0) { // answered later; meanwhile the next calls are taken
        message.setDelayedReply(true);
        QTimer::singleShot(m_notifyDelay, this, [message, id] {
            QDBusConnection::sessionBus().send(message.createReply(id));
        });
    }
    m_calls.append(
        QJsonObject{{"id"_L1, qint64(id)},
                    {"app"_L1, appName},
                    {"icon"_L1, appIcon},
                    {"summary"_L1, summary},
                    {"body"_L1, body},
                    {"actions"_L1, QJsonArray::fromStringList(actions)},
                    {"urgency"_L1, hints.value(u"urgency"_s).toInt()},
                    {"urgencyType"_L1, QString::fromLatin1(hints.value(u"urgency"_s).typeName())},
                    {"desktopEntry"_L1, hints.value(u"desktop-entry"_s).toString()},
                    {"soundName"_L1, hints.value(u"sound-name"_s).toString()},
                    {"timeout"_L1, expireTimeout}});
    return id;
}

void FakeNotificationServer::CloseNotification(uint id)
{
    Q_EMIT NotificationClosed(id, 3);
}

QString FakeNotificationServer::GetServerInformation(QString &vendor, QString &version,
                                                     QString &specVersion)
{
    vendor = u"Stackscope tests"_s;
    version = u"1"_s;
    specVersion = u"1.2"_s;
    return m_serverName;
}

QString FakeNotificationServer::RecordedCalls()
{
    return QString::fromUtf8(QJsonDocument(m_calls).toJson(QJsonDocument::Compact));
}

void FakeNotificationServer::InvokeAction(uint id, const QString &key)
{
    Q_EMIT ActionInvoked(id, key);
}

int runFakeNotificationServer(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    FakeNotificationServer server;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == "--server-name"_L1)
            server.setServerName(args.at(i + 1));
        else if (args.at(i) == "--notify-delay-ms"_L1)
            server.setNotifyDelay(args.at(i + 1).toInt());
    }
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.registerObject(u"/org/freedesktop/Notifications"_s, &server,
                            QDBusConnection::ExportAllSlots | QDBusConnection::ExportAllSignals)
        || !bus.registerService(u"org.freedesktop.Notifications"_s)) {
        std::fprintf(stderr, "cannot register the fake notification server: %s\n",
                     qPrintable(bus.lastError().message()));
        return 2;
    }
    std::fprintf(stdout, "ready\n");
    std::fflush(stdout);
    return app.exec();
}

} // namespace Stackscope::Test
