// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/freeport.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QUdpSocket>

namespace Stackscope::Test {

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

quint16 freeLoopbackTcpUdpPort()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        const quint16 port = freeLoopbackPort();
        if (port == 0)
            return 0;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::LocalHost, port))
            return port;
    }
    return 0;
}

QUrl loopbackUrl(quint16 port, const QString &pathAndQuery)
{
    QUrl u;
    u.setScheme(QStringLiteral("http"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(port);
    u.setPath(QStringLiteral("/"));
    return pathAndQuery.isEmpty() ? u : u.resolved(QUrl(pathAndQuery));
}

} // namespace Stackscope::Test
