// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerendpoint.h"
#include "app/http/httpclient.h"
#include "models/config/config.h"

#include <QJsonDocument>
#include <QObject>

#include <functional>

namespace Stackscope {

/// The answer to "is this backend there, and is it what it should be?"
struct ProbeResult
{
    bool up = false;
    bool serverAbsent = false; ///< refused, not found, timed out: the poller watches the port
    QString reason;            ///< why not, for a person
    QString hint;              ///< what to do about it, when known
    QString version;
    qint64 latencyMs = -1;
};

/// Asks one backend a cheap question that only the right API answers correctly.
class BackendProbe : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const ProbeResult &)>;

    BackendProbe(const QString &id, const QString &displayName, QObject *parent = nullptr);

    QString id() const { return m_id; }
    QString displayName() const { return m_displayName; }
    virtual QString endpointText() const = 0;
    /// Host and port to watch for a prompt retry; empty host when there is none (unix sockets).
    virtual QPair<QString, quint16> watchAddress() const { return {}; }
    virtual void check(Callback done) = 0;

private:
    QString m_id;
    QString m_displayName;
};

/// A probe over HTTP: GET `path`, expect JSON that `interpret` accepts. `interpret` returns the
/// server's version, or sets `why` when the JSON is not what the API answers.
class HttpApiProbe : public BackendProbe
{
    Q_OBJECT
public:
    using Interpreter = std::function<QString(const QJsonDocument &document, QString *why)>;

    HttpApiProbe(const QString &id, const QString &displayName, HttpClient *client,
                 const QString &path, const QString &apiName, Interpreter interpret,
                 QObject *parent = nullptr);

    QString endpointText() const override;
    QPair<QString, quint16> watchAddress() const override;
    void check(Callback done) override;
    HttpClient *client() const { return m_client; }

private:
    HttpClient *m_client;
    QString m_path;
    QString m_apiName;
    Interpreter m_interpret;
};

/// Prometheus: /api/v1/status/buildinfo answers {"status":"success","data":{"version":...}}.
HttpApiProbe *makePrometheusProbe(HttpClient *client, QObject *parent);
/// Alertmanager: /api/v2/status answers {"versionInfo":{"version":...},"cluster":...}.
HttpApiProbe *makeAlertmanagerProbe(const QString &id, const QString &displayName,
                                    HttpClient *client, QObject *parent);
/// Jaeger: /api/services answers {"data":[...]} (data may be null); the UI's HTML is not an answer.
HttpApiProbe *makeJaegerProbe(HttpClient *client, QObject *parent);

/// Loki: GET /ready answers 200 "ready" (text); while it starts, 503 with the reason
/// ("Ingester not ready: waiting for 15s after being ready"). HTML is not an answer.
class LokiProbe : public BackendProbe
{
    Q_OBJECT
public:
    LokiProbe(HttpClient *client, QObject *parent = nullptr);

    QString endpointText() const override;
    QPair<QString, quint16> watchAddress() const override;
    void check(Callback done) override;

private:
    HttpClient *m_client;
};

/// Docker: GET /_ping on the daemon's unix socket (or tcp:// through HttpClient) answers "OK"
/// with an Api-Version header.
class DockerProbe : public BackendProbe
{
    Q_OBJECT
public:
    DockerProbe(const DockerEndpoint &endpoint, QNetworkAccessManager *network,
                std::chrono::milliseconds timeout, QObject *parent = nullptr);

    QString endpointText() const override;
    QPair<QString, quint16> watchAddress() const override;
    void check(Callback done) override;
    const DockerEndpoint &endpoint() const { return m_endpoint; }

private:
    DockerEndpoint m_endpoint;
    std::chrono::milliseconds m_timeout;
    HttpClient *m_tcpClient = nullptr;
};

} // namespace Stackscope
