// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerendpoint.h"
#include "app/docker/httpresponsereader.h"
#include "app/http/httperror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <memory>

class QIODevice;

namespace Stackscope {

/// One HTTP/1.1 request to the Docker daemon over its unix socket or tcp:// (TLS with the
/// certificates of DOCKER_CERT_PATH), whose 2xx body is handed on piece by piece as it arrives:
/// the transport of /events, /logs?follow and /stats, and of every one-shot request too.
/// `finished` is emitted exactly once, unless abort() was called first.
class DockerStream : public QObject
{
    Q_OBJECT
public:
    DockerStream(const DockerEndpoint &endpoint, const QByteArray &method, const QByteArray &path,
                 QObject *parent = nullptr);
    ~DockerStream() override;

    void setBody(const QByteArray &body, const QByteArray &contentType);
    /// Time allowed until the response headers arrive (a stream may then stay open forever).
    void setHeaderTimeout(std::chrono::milliseconds timeout) { m_headerTimeout = timeout; }
    /// Time allowed for the whole response; 0 = none (streams).
    void setTotalTimeout(std::chrono::milliseconds timeout) { m_totalTimeout = timeout; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }

    void start();
    /// Closes the connection; no signal follows.
    void abort();

    int status() const { return m_reader ? m_reader->status() : 0; }
    QByteArray header(const QByteArray &name) const;
    QByteArray path() const { return m_path; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// Headers of a 2xx answer arrived.
    void headersReceived(int status);
    /// More of a 2xx body.
    void bodyData(const QByteArray &bytes);
    /// The response ended (error.kind None) or failed: a socket error, a non-2xx status with
    /// the daemon's message, a timeout, a malformed answer.
    void finished(const Stackscope::HttpError &error);

private:
    void onConnected();
    void onReadable();
    void onClosed();
    void onSocketError(int code, const QString &text);
    void fail(const HttpError &error);
    void finish(const HttpError &error);
    QString where() const;

    DockerEndpoint m_endpoint;
    QByteArray m_method;
    QByteArray m_path;
    QByteArray m_body;
    QByteArray m_contentType;
    std::chrono::milliseconds m_headerTimeout{10000};
    std::chrono::milliseconds m_totalTimeout{0};
    qint64 m_maxBody = 64ll * 1024 * 1024;
    QIODevice *m_socket = nullptr;
    std::unique_ptr<HttpResponseReader> m_reader;
    QTimer m_timer;
    bool m_headersSeen = false;
    bool m_finished = false;
    bool m_streaming = false;
};

} // namespace Stackscope
