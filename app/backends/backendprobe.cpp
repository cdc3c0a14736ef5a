// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/backends/backendprobe.h"

#include "app/docker/unixsocketrequest.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

ProbeResult failure(const HttpError &error, qint64 latencyMs)
{
    ProbeResult r;
    r.up = false;
    r.serverAbsent = error.isConnectionLevel();
    r.reason = error.message;
    r.hint = error.hint;
    r.latencyMs = latencyMs;
    return r;
}

} // namespace

BackendProbe::BackendProbe(const QString &id, const QString &displayName, QObject *parent)
    : QObject(parent)
    , m_id(id)
    , m_displayName(displayName)
{}

HttpApiProbe::HttpApiProbe(const QString &id, const QString &displayName, HttpClient *client,
                           const QString &path, const QString &apiName, Interpreter interpret,
                           QObject *parent)
    : BackendProbe(id, displayName, parent)
    , m_client(client)
    , m_path(path)
    , m_apiName(apiName)
    , m_interpret(std::move(interpret))
{}

QString HttpApiProbe::endpointText() const
{
    return m_client->endpoint().url.toString();
}

QPair<QString, quint16> HttpApiProbe::watchAddress() const
{
    const QUrl &url = m_client->endpoint().url;
    return {url.host(), quint16(url.port(url.scheme() == "https"_L1 ? 443 : 80))};
}

void HttpApiProbe::check(Callback done)
{
    m_client->get(m_path, this, [this, done](const HttpResponse &response) {
        QJsonDocument document;
        const HttpError error = parseJsonBody(response, m_apiName, &document);
        if (error.isError()) {
            done(failure(error, response.elapsedMs));
            return;
        }
        QString why;
        const QString version = m_interpret(document, &why);
        ProbeResult r;
        r.latencyMs = response.elapsedMs;
        if (!why.isEmpty()) {
            r.reason = why;
        } else {
            r.up = true;
            r.version = version;
        }
        done(r);
    });
}

HttpApiProbe *makePrometheusProbe(HttpClient *client, QObject *parent)
{
    const QString api = QObject::tr("Prometheus API");
    return new HttpApiProbe(
        u"prometheus"_s, u"Prometheus"_s, client, u"/api/v1/status/buildinfo"_s, api,
        [api](const QJsonDocument &doc, QString *why) {
            const QJsonObject o = doc.object();
            const QString version = o.value("data"_L1).toObject().value("version"_L1).toString();
            if (o.value("status"_L1).toString() != "success"_L1 || version.isEmpty())
                *why = QObject::tr("answered JSON, but not the %1").arg(api);
            return version;
        },
        parent);
}

HttpApiProbe *makeAlertmanagerProbe(const QString &id, const QString &displayName,
                                    HttpClient *client, QObject *parent)
{
    const QString api = QObject::tr("Alertmanager API");
    return new HttpApiProbe(
        id, displayName, client, u"/api/v2/status"_s, api,
        [api](const QJsonDocument &doc, QString *why) {
            const QJsonObject o = doc.object();
            const QJsonObject info = o.value("versionInfo"_L1).toObject();
            if (!o.contains("cluster"_L1) || info.isEmpty())
                *why = QObject::tr("answered JSON, but not the %1").arg(api);
            return info.value("version"_L1).toString();
        },
        parent);
}

HttpApiProbe *makeJaegerProbe(HttpClient *client, QObject *parent)
{
    const QString api = QObject::tr("Jaeger query API");
    return new HttpApiProbe(
        u"jaeger"_s, u"Jaeger"_s, client, u"/api/services"_s, api,
        [api](const QJsonDocument &doc, QString *why) {
            const QJsonObject o = doc.object();
            const QJsonValue data = o.value("data"_L1);
            if (!o.contains("data"_L1) || !(data.isArray() || data.isNull()))
                *why = QObject::tr("answered JSON, but not the %1").arg(api);
            return QString();
        },
        parent);
}

LokiProbe::LokiProbe(HttpClient *client, QObject *parent)
    : BackendProbe(u"loki"_s, u"Loki"_s, parent)
    , m_client(client)
{}

QString LokiProbe::endpointText() const
{
    return m_client->endpoint().url.toString();
}

QPair<QString, quint16> LokiProbe::watchAddress() const
{
    const QUrl &url = m_client->endpoint().url;
    return {url.host(), quint16(url.port(url.scheme() == "https"_L1 ? 443 : 80))};
}

void LokiProbe::check(Callback done)
{
    HttpRequest request;
    request.path = u"/ready"_s;
    request.accept = "text/plain";
    m_client->send(request, this, [done](const HttpResponse &response) {
        if (response.error.isError()) {
            done(failure(response.error, response.elapsedMs));
            return;
        }
        ProbeResult r;
        r.latencyMs = response.elapsedMs;
        if (looksLikeHtml(response.body, response.contentType)
            || !response.body.trimmed().startsWith("ready"))
            r.reason = QObject::tr("answered, but not as Loki's /ready does");
        else
            r.up = true;
        done(r);
    });
}

DockerProbe::DockerProbe(const DockerEndpoint &endpoint, QNetworkAccessManager *network,
                         std::chrono::milliseconds timeout, QObject *parent)
    : BackendProbe(u"docker"_s, u"Docker"_s, parent)
    , m_endpoint(endpoint)
    , m_timeout(timeout)
{
    if (!m_endpoint.isUnix()) {
        m_tcpClient = new HttpClient(u"docker"_s, network, this);
        EndpointConfig e;
        QString host = m_endpoint.host;
        host.replace(u"tcp://"_s, m_endpoint.tls ? u"https://"_s : u"http://"_s);
        e.url = QUrl(host);
        e.timeout = timeout;
        if (m_endpoint.tls && !m_endpoint.certPath.isEmpty())
            e.caFile = m_endpoint.certPath + u"/ca.pem"_s;
        m_tcpClient->setEndpoint(e);
    }
}

QString DockerProbe::endpointText() const
{
    return u"%1 (%2)"_s.arg(m_endpoint.host, m_endpoint.source);
}

QPair<QString, quint16> DockerProbe::watchAddress() const
{
    if (m_tcpClient) {
        const QUrl &url = m_tcpClient->endpoint().url;
        return {url.host(), quint16(url.port(2375))};
    }
    return {};
}

void DockerProbe::check(Callback done)
{
    auto interpret = [done](const HttpResponse &response) {
        if (!response.ok()) {
            done(failure(response.error, response.elapsedMs));
            return;
        }
        ProbeResult r;
        r.latencyMs = response.elapsedMs;
        if (response.body.trimmed() != "OK") {
            r.reason = QObject::tr("answered, but not as the Docker Engine API");
        } else {
            r.up = true;
        }
        done(r);
    };
    if (m_tcpClient) {
        HttpRequest request;
        request.path = u"/_ping"_s;
        request.accept = "text/plain";
        m_tcpClient->send(request, this, interpret);
        return;
    }
    UnixSocketRequest::send(m_endpoint.socketPath, "GET", "/_ping", m_timeout, 1024 * 1024, this,
                            interpret);
}

} // namespace Stackscope
