// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerstream.h"

#include "app/docker/unixsocketrequest.h"

#include <QFile>
#include <QLocalSocket>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Stackscope {

DockerStream::DockerStream(const DockerEndpoint &endpoint, const QByteArray &method,
                           const QByteArray &path, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_method(method)
    , m_path(path)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        HttpError e;
        e.kind = HttpError::Kind::Timeout;
        e.message = tr("no answer from the Docker daemon at %1").arg(where());
        fail(e);
    });
}

DockerStream::~DockerStream()
{
    abort();
}

void DockerStream::setBody(const QByteArray &body, const QByteArray &contentType)
{
    m_body = body;
    m_contentType = contentType;
}

QByteArray DockerStream::header(const QByteArray &name) const
{
    return m_reader ? m_reader->header(name) : QByteArray();
}

QString DockerStream::where() const
{
    return m_endpoint.isUnix() ? m_endpoint.socketPath : m_endpoint.host;
}

void DockerStream::start()
{
    m_reader = std::make_unique<HttpResponseReader>(m_maxBody);
    m_timer.start(m_headerTimeout);
    if (m_endpoint.isUnix()) {
        auto *socket = new QLocalSocket(this);
        m_socket = socket;
        connect(socket, &QLocalSocket::connected, this, &DockerStream::onConnected);
        connect(socket, &QLocalSocket::readyRead, this, &DockerStream::onReadable);
        connect(socket, &QLocalSocket::disconnected, this, &DockerStream::onClosed);
        connect(socket, &QLocalSocket::errorOccurred, this,
                [this, socket](QLocalSocket::LocalSocketError e) {
                    onSocketError(int(e), socket->errorString());
                });
        socket->connectToServer(m_endpoint.socketPath);
        return;
    }
    const QUrl url(m_endpoint.host);
    if (url.scheme() != "tcp"_L1 || url.host().isEmpty()) {
        HttpError e;
        e.kind = HttpError::Kind::Config;
        e.message = tr("unsupported Docker host %1 (only unix:// and tcp:// are)").arg(where());
        QMetaObject::invokeMethod(
            this, [this, e] { fail(e); }, Qt::QueuedConnection);
        return;
    }
    auto *socket = new QSslSocket(this);
    m_socket = socket;
    connect(socket, &QSslSocket::readyRead, this, &DockerStream::onReadable);
    connect(socket, &QSslSocket::disconnected, this, &DockerStream::onClosed);
    connect(
        socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError) {
                onClosed();
                return;
            }
            HttpError error;
            error.kind = e == QAbstractSocket::ConnectionRefusedError ? HttpError::Kind::Refused
                         : e == QAbstractSocket::HostNotFoundError ? HttpError::Kind::HostNotFound
                                                                   : HttpError::Kind::Network;
            error.detail = socket->errorString();
            error.message = tr("Docker daemon at %1: %2").arg(where(), socket->errorString());
            fail(error);
        });
    const quint16 port = quint16(url.port(m_endpoint.tls ? 2376 : 2375));
    if (m_endpoint.tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        const QString dir = m_endpoint.certPath;
        if (!dir.isEmpty()) {
            ssl.setCaCertificates(QSslCertificate::fromPath(dir + u"/ca.pem"_s));
            const auto certs = QSslCertificate::fromPath(dir + u"/cert.pem"_s);
            if (!certs.isEmpty())
                ssl.setLocalCertificate(certs.first());
            QFile keyFile(dir + u"/key.pem"_s);
            if (keyFile.open(QIODevice::ReadOnly))
                ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        }
        socket->setSslConfiguration(ssl);
        connect(socket, &QSslSocket::encrypted, this, &DockerStream::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            HttpError e;
            e.kind = HttpError::Kind::Tls;
            e.message
                = tr("TLS with the Docker daemon at %1 failed: %2")
                      .arg(where(), errors.isEmpty() ? QString() : errors.first().errorString());
            fail(e);
        });
        socket->connectToHostEncrypted(url.host(), port);
    } else {
        connect(socket, &QSslSocket::connected, this, &DockerStream::onConnected);
        socket->connectToHost(url.host(), port);
    }
}

void DockerStream::onConnected()
{
    QByteArray request = m_method + ' ' + m_path
                         + " HTTP/1.1\r\nHost: docker\r\nUser-Agent: Stackscope/" STACKSCOPE_VERSION
                           "\r\nConnection: close\r\n";
    if (!m_body.isEmpty() || m_method == "POST") {
        if (!m_contentType.isEmpty())
            request += "Content-Type: " + m_contentType + "\r\n";
        request += "Content-Length: " + QByteArray::number(m_body.size()) + "\r\n";
    }
    request += "\r\n";
    m_socket->write(request + m_body);
}

void DockerStream::onReadable()
{
    if (m_finished || !m_socket)
        return;
    if (!m_reader->feed(m_socket->readAll())) {
        onClosed();
        return;
    }
    if (!m_headersSeen && m_reader->headersComplete()) {
        m_headersSeen = true;
        m_streaming = m_reader->status() >= 200 && m_reader->status() <= 299;
        if (m_totalTimeout.count() > 0)
            m_timer.start(m_totalTimeout);
        else
            m_timer.stop();
        if (m_streaming)
            Q_EMIT headersReceived(m_reader->status());
        if (m_finished)
            return;
    }
    if (m_streaming && !m_reader->body().isEmpty()) {
        const QByteArray piece = m_reader->takeBody();
        Q_EMIT bodyData(piece);
        if (m_finished)
            return;
    }
    if (m_reader->isDone() || m_reader->hasError())
        onClosed();
}

void DockerStream::onClosed()
{
    if (m_finished || !m_reader)
        return;
    if (m_socket && m_socket->bytesAvailable() > 0)
        m_reader->feed(m_socket->readAll());
    m_reader->finishOnClose();
    if (m_streaming && !m_reader->body().isEmpty()) {
        const QByteArray piece = m_reader->takeBody();
        Q_EMIT bodyData(piece);
        if (m_finished)
            return;
    }
    HttpError e;
    if (m_reader->hasError()) {
        e.kind = m_reader->isTruncated()                     ? HttpError::Kind::Truncated
                 : m_reader->errorString().contains("limit") ? HttpError::Kind::TooLarge
                                                             : HttpError::Kind::UnexpectedBody;
        e.message = tr("the Docker daemon at %1 %2: %3")
                        .arg(where(), m_streaming ? tr("closed the stream") : tr("answered badly"),
                             QString::fromLatin1(m_reader->errorString()));
    } else if (!m_streaming) {
        const int status = m_reader->status();
        e.kind = HttpError::Kind::HttpStatus;
        e.httpStatus = status;
        e.detail = serverErrorText(m_reader->body(), m_reader->header("Content-Type"));
        e.message = u"HTTP %1: %2"_s.arg(status).arg(QString::fromLatin1(m_reader->reason()));
        if (!e.detail.isEmpty())
            e.message += u" \u2014 "_s + e.detail;
    }
    finish(e);
}

void DockerStream::onSocketError(int code, const QString &text)
{
    if (code == QLocalSocket::PeerClosedError) {
        onClosed();
        return;
    }
    fail(UnixSocketRequest::socketError(code, m_endpoint.socketPath, text));
}

void DockerStream::fail(const HttpError &error)
{
    finish(error);
}

void DockerStream::finish(const HttpError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    Q_EMIT finished(error);
}

void DockerStream::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (auto *local = qobject_cast<QLocalSocket *>(m_socket))
            local->abort();
        else if (auto *tcp = qobject_cast<QAbstractSocket *>(m_socket))
            tcp->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
}

} // namespace Stackscope
