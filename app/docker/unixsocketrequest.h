// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"

#include <QObject>

#include <chrono>

namespace Stackscope {

/// One HTTP/1.1 request over a unix socket (the Docker daemon's), answered once through the
/// same HttpResponse/HttpError types as HttpClient. Qt 6.4's network access manager cannot
/// speak to a unix socket, so this small transport is ours.
class UnixSocketRequest : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    /// Sends `method path` to the socket; `done` runs once unless `context` dies first.
    static void send(const QString &socketPath, const QByteArray &method, const QByteArray &path,
                     std::chrono::milliseconds timeout, qint64 maxBodyBytes, QObject *context,
                     Callback done);

    /// The message for a socket error, naming what a person can do about it.
    static HttpError socketError(int localSocketError, const QString &socketPath,
                                 const QString &qtText);
};

} // namespace Stackscope
