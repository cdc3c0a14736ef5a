// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop/singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
constexpr qsizetype kMaxMessage = 64 * 1024; // a command line, not a transfer
}

SingleInstance::SingleInstance(const QString &configPath, QObject *parent)
    : QObject(parent)
    , m_serverName(serverNameFor(configPath))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &configPath)
{
    const QByteArray key = QByteArray::number(uint(getuid())) + '\0'
                           + QFileInfo(configPath).absoluteFilePath().toUtf8();
    const QString digest = QString::fromLatin1(
        QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir + u"/stackscope-"_s + digest + u".sock"_s;
}

bool SingleInstance::claimOrForward(const QStringList &arguments, int timeoutMs)
{
    {
        QLocalSocket socket;
        socket.connectToServer(m_serverName);
        if (socket.waitForConnected(timeoutMs)) {
            socket.write(
                QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact)
                + '\n');
            socket.flush();
            // Wait for the running instance to confirm; if it does not, it is hung: take over.
            while (socket.bytesAvailable() < 3 && socket.waitForReadyRead(timeoutMs)) {
            }
            if (socket.readAll().startsWith("ok"))
                return false;
        }
    }
    // Nobody answered: a socket file left by a crashed instance, or none at all.
    QLocalServer::removeServer(m_serverName);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        // Could not listen (a read-only runtime dir): run anyway, just without the hand-over.
        qWarning().noquote() << "stackscope: single-instance socket unavailable:"
                             << m_server->errorString();
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxMessage)
                    socket->abort();
                return;
            }
            const QJsonArray array = QJsonDocument::fromJson(socket->readLine()).array();
            QStringList arguments;
            for (const QJsonValue &value : array)
                arguments << value.toString();
            socket->write("ok\n");
            socket->flush();
            socket->disconnectFromServer();
            Q_EMIT activated(arguments);
        });
    }
}

} // namespace Stackscope
