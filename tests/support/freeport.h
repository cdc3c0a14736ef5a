// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>
#include <QtGlobal>

namespace Stackscope::Test {

/// Returns a TCP port on 127.0.0.1 that was free a moment ago, or 0 if none could be bound.
/// Another process may take it before the caller binds it: servers started on it retry.
quint16 freeLoopbackPort();

/// Like freeLoopbackPort(), but the port was free for both TCP and UDP (Alertmanager's gossip
/// uses the same number for both).
quint16 freeLoopbackTcpUdpPort();

/// http://127.0.0.1:PORT/ resolved against pathAndQuery (for example "/api/v1/query?query=up").
QUrl loopbackUrl(quint16 port, const QString &pathAndQuery = QString());

} // namespace Stackscope::Test
