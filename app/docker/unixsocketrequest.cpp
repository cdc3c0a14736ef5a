// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/unixsocketrequest.h"

#include "app/docker/httpresponsereader.h"

#include <QElapsedTimer>
#include <QLocalSocket>
#include <QPointer>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Stackscope {

HttpError UnixSocketRequest::socketError(int localSocketError, const QString &socketPath,
                                         const QString &qtText)
{
    HttpError error;
    error.detail = qtText;
    switch (QLocalSocket::LocalSocketError(localSocketError)) {
    case QLocalSocket::ServerNotFoundError:
        error.kind = HttpError::Kind::Refused;
        error.message = QObject::tr("no Docker socket at %1").arg(socketPath);
        error.hint = QObject::tr("Is Docker installed and running?");
        break;
    case QLocalSocket::ConnectionRefusedError:
        error.kind = HttpError::Kind::Refused;
        error.message = QObject::tr("connection refused at %1").arg(socketPath);
        error.hint = QObject::tr("The Docker daemon is not running.");
        break;
    case QLocalSocket::SocketAccessError:
        error.kind = HttpError::Kind::Network;
        error.message = QObject::tr("permission denied on %1").arg(socketPath);
        error.hint = QObject::tr("Add your user to the 'docker' group (sudo usermod -aG docker "
                                 "$USER) and log in again.");
        break;
    case QLocalSocket::SocketTimeoutError:
        error.kind = HttpError::Kind::Timeout;
        error.message = QObject::tr("no answer from the Docker daemon at %1").arg(socketPath);
        break;
    default:
        error.kind = HttpError::Kind::Network;
        error.message = QObject::tr("Docker socket %1: %2").arg(socketPath, qtText);
        break;
    }
    return error;
}

void UnixSocketRequest::send(const QString &socketPath, const QByteArray &method,
                             const QByteArray &path, std::chrono::milliseconds timeout,
                             qint64 maxBodyBytes, QObject *context, Callback done)
{
    auto *socket = new QLocalSocket;
    auto *timer = new QTimer(socket);
    auto reader = std::make_shared<HttpResponseReader>(maxBodyBytes);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QPointer<QObject> guard(context);
    auto finished = std::make_shared<bool>(false);

    auto complete = [socket, guard, done, finished, clock](HttpResponse response) {
        if (*finished)
            return;
        *finished = true;
        response.elapsedMs = clock->elapsed();
        socket->disconnect();
        socket->abort();
        socket->deleteLater();
        if (guard)
            done(response);
    };

    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, socket, [complete, socketPath] {
        HttpResponse r;
        r.error = socketError(QLocalSocket::SocketTimeoutError, socketPath, {});
        complete(r);
    });
    QObject::connect(socket, &QLocalSocket::connected, socket, [socket, method, path] {
        socket->write(method + ' ' + path
                      + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: Stackscope/" STACKSCOPE_VERSION
                        "\r\nConnection: close\r\n\r\n");
    });
    auto deliver = [reader, complete, socketPath] {
        HttpResponse r;
        r.status = reader->status();
        r.contentType = reader->header("Content-Type");
        if (reader->hasError()) {
            r.error.kind = reader->isTruncated() ? HttpError::Kind::Truncated
                           : reader->errorString().contains("limit")
                               ? HttpError::Kind::TooLarge
                               : HttpError::Kind::UnexpectedBody;
            r.error.message = QObject::tr("bad answer from the Docker daemon at %1: %2")
                                  .arg(socketPath, QString::fromLatin1(reader->errorString()));
        } else if (r.status < 200 || r.status > 299) {
            r.error.kind = HttpError::Kind::HttpStatus;
            r.error.httpStatus = r.status;
            r.error.detail = serverErrorText(reader->body(), r.contentType);
            r.error.message
                = u"HTTP %1: %2"_s.arg(r.status).arg(QString::fromLatin1(reader->reason()));
            if (!r.error.detail.isEmpty())
                r.error.message += u" \u2014 "_s + r.error.detail;
        } else {
            r.body = reader->body();
        }
        complete(r);
    };
    QObject::connect(socket, &QLocalSocket::readyRead, socket, [socket, reader, deliver] {
        reader->feed(socket->readAll());
        if (reader->isDone() || reader->hasError())
            deliver();
    });
    QObject::connect(socket, &QLocalSocket::disconnected, socket, [socket, reader, deliver] {
        reader->feed(socket->readAll());
        reader->finishOnClose();
        deliver();
    });
    QObject::connect(
        socket, &QLocalSocket::errorOccurred, socket,
        [socket, complete, socketPath, reader, deliver](QLocalSocket::LocalSocketError e) {
            if (e == QLocalSocket::PeerClosedError) {
                reader->feed(socket->readAll());
                reader->finishOnClose();
                deliver();
                return;
            }
            HttpResponse r;
            r.error = socketError(e, socketPath, socket->errorString());
            complete(r);
        });
    timer->start(timeout);
    socket->connectToServer(socketPath);
}

} // namespace Stackscope
