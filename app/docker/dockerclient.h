// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerendpoint.h"
#include "app/docker/dockerstream.h"
#include "app/http/httpclient.h"

#include <QObject>

#include <functional>

namespace Stackscope {

/// The Docker Engine API over the daemon's unix socket or tcp://. ping() negotiates the API
/// version (the daemon's own, from /_ping's Api-Version header: never a pinned old one); later
/// paths are sent under /v<version>. Callbacks run on this thread, once, unless `context` died.
class DockerClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    explicit DockerClient(QObject *parent = nullptr);

    void setEndpoint(const DockerEndpoint &endpoint);
    const DockerEndpoint &endpoint() const { return m_endpoint; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBody = bytes; }

    /// GET /_ping: on success apiVersion() and serverVersion() are known.
    void ping(QObject *context, Callback done);
    QString apiVersion() const { return m_apiVersion; }
    /// "Docker/20.10.24 (linux)" from the Server header, when known.
    QString serverVersion() const { return m_serverVersion; }

    /// One request; `path` without the version prefix ("/containers/json?...").
    void request(const QByteArray &method, const QByteArray &path, QObject *context, Callback done,
                 const QByteArray &body = {}, const QByteArray &contentType = {});
    void get(const QByteArray &path, QObject *context, Callback done)
    {
        request("GET", path, context, std::move(done));
    }
    /// A long-lived stream (/events, /logs?follow=1, /stats): started, owned by `parent`.
    DockerStream *openStream(const QByteArray &path, QObject *parent);

    /// The versioned path actually sent.
    QByteArray versioned(const QByteArray &path) const;
    /// `filters={"label":["com.docker.compose.project=<project>"]}`, URL-encoded.
    static QByteArray projectFilter(const QString &project);

Q_SIGNALS:
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    DockerEndpoint m_endpoint;
    QString m_apiVersion;
    QString m_serverVersion;
    qint64 m_maxBody = 64ll * 1024 * 1024;
};

} // namespace Stackscope
