// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace Stackscope {

DockerClient::DockerClient(QObject *parent)
    : QObject(parent)
{}

void DockerClient::setEndpoint(const DockerEndpoint &endpoint)
{
    if (endpoint.host != m_endpoint.host || endpoint.tls != m_endpoint.tls
        || endpoint.certPath != m_endpoint.certPath) {
        m_apiVersion.clear();
        m_serverVersion.clear();
    }
    m_endpoint = endpoint;
}

QByteArray DockerClient::versioned(const QByteArray &path) const
{
    if (m_apiVersion.isEmpty())
        return path;
    return "/v" + m_apiVersion.toLatin1() + path;
}

QByteArray DockerClient::projectFilter(const QString &project)
{
    QJsonObject filters;
    filters.insert("label"_L1, QJsonArray{QString(u"com.docker.compose.project="_s + project)});
    return "filters="
           + QUrl::toPercentEncoding(
               QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
}

void DockerClient::ping(QObject *context, Callback done)
{
    auto *stream = new DockerStream(m_endpoint, "GET", "/_ping", this);
    stream->setTotalTimeout(std::chrono::milliseconds(5000));
    stream->setHeaderTimeout(std::chrono::milliseconds(5000));
    QPointer<QObject> guard(context);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto body = std::make_shared<QByteArray>();
    connect(stream, &DockerStream::bodyData, stream, [body](const QByteArray &b) { *body += b; });
    connect(stream, &DockerStream::finished, this,
            [this, stream, guard, done, clock, body](const HttpError &error) {
                HttpResponse r;
                r.status = stream->status();
                r.error = error;
                r.body = *body;
                r.elapsedMs = clock->elapsed();
                if (!error.isError()) {
                    m_apiVersion = QString::fromLatin1(stream->header("Api-Version"));
                    m_serverVersion = QString::fromLatin1(stream->header("Server"));
                }
                stream->deleteLater();
                Q_EMIT requestFinished(RequestRecord{u"docker"_s, u"/_ping"_s, r.status, error.kind,
                                                     double(r.elapsedMs) / 1000.0});
                if (guard)
                    done(r);
            });
    stream->start();
}

void DockerClient::request(const QByteArray &method, const QByteArray &path, QObject *context,
                           Callback done, const QByteArray &requestBody,
                           const QByteArray &contentType)
{
    auto *stream = new DockerStream(m_endpoint, method, versioned(path), this);
    stream->setTotalTimeout(std::chrono::milliseconds(30000));
    stream->setMaxBodyBytes(m_maxBody);
    if (!requestBody.isEmpty() || method == "POST")
        stream->setBody(requestBody, contentType);
    QPointer<QObject> guard(context);
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    auto body = std::make_shared<QByteArray>();
    connect(stream, &DockerStream::bodyData, stream, [body](const QByteArray &b) { *body += b; });
    // The label for metrics: the route without ids or query.
    QString label
        = QString::fromLatin1(path.left(path.indexOf('?') < 0 ? path.size() : path.indexOf('?')));
    if (label.startsWith("/containers/"_L1) && label != "/containers/json"_L1)
        label = u"/containers/{id}/"_s + label.section(u'/', 3);
    connect(stream, &DockerStream::finished, this,
            [this, stream, guard, done, clock, body, label](const HttpError &error) {
                HttpResponse r;
                r.status = stream->status();
                r.error = error;
                r.body = *body;
                r.elapsedMs = clock->elapsed();
                stream->deleteLater();
                Q_EMIT requestFinished(RequestRecord{u"docker"_s, label, r.status, error.kind,
                                                     double(r.elapsedMs) / 1000.0});
                if (guard)
                    done(r);
            });
    stream->start();
}

DockerStream *DockerClient::openStream(const QByteArray &path, QObject *parent)
{
    auto *stream = new DockerStream(m_endpoint, "GET", versioned(path), parent);
    stream->setMaxBodyBytes(std::numeric_limits<qint64>::max() / 2);
    stream->start();
    return stream;
}

} // namespace Stackscope
