// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httperror.h"
#include "models/config/config.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Stackscope {

struct HttpRequest
{
    QByteArray method = "GET";
    QString path; ///< appended to the endpoint's URL path ("/api/v1/query")
    QUrlQuery query;
    QByteArray body;        ///< for POST
    QByteArray contentType; ///< of the body, e.g. application/x-www-form-urlencoded
    QByteArray accept = "application/json";
    QString label; ///< the route for metrics, without ids: "/api/v1/query"; defaults to path
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    HttpError error;
    qint64 elapsedMs = 0;

    bool ok() const { return !error.isError(); }
};

/// What the self-metrics count about one finished request.
struct RequestRecord
{
    QString backend;  ///< "prometheus", "alertmanager", "jaeger", "docker"
    QString endpoint; ///< the request's label
    int status = 0;
    HttpError::Kind errorKind = HttpError::Kind::None;
    double seconds = 0;
};

/// Sends requests to one HTTP backend: base URL, auth, TLS options, a timeout per request, a cap
/// on the body size, and errors classified into HttpError. Lives on the GUI thread (the network
/// access manager is asynchronous); callbacks run there too.
class HttpClient : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const HttpResponse &)>;

    HttpClient(const QString &backend, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~HttpClient() override;

    QString backend() const { return m_backend; }
    void setEndpoint(const EndpointConfig &endpoint);
    const EndpointConfig &endpoint() const { return m_endpoint; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    qint64 maxBodyBytes() const { return m_maxBodyBytes; }

    /// Sends `request`; `done` runs exactly once, unless `context` is destroyed first or the
    /// request is aborted by abortAll() (then it runs with Kind::Cancelled).
    void send(const HttpRequest &request, QObject *context, Callback done);
    void get(const QString &path, QObject *context, Callback done);
    /// Cancels every request in flight (configuration changed, shutting down).
    void abortAll();
    int inFlight() const { return int(m_inFlight.size()); }

    /// The full URL a request goes to.
    QUrl urlFor(const HttpRequest &request) const;
    /// "127.0.0.1:9091", the way messages name the server.
    QString hostPort() const;

Q_SIGNALS:
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    struct Pending;
    void finish(QNetworkReply *reply);
    HttpError classify(QNetworkReply *reply, const Pending &pending, qint64 received) const;

    QString m_backend;
    QNetworkAccessManager *m_network;
    EndpointConfig m_endpoint;
    qint64 m_maxBodyBytes = 64ll * 1024 * 1024;
    QList<QNetworkReply *> m_inFlight;
};

/// Checks that a successful response holds JSON and returns it parsed. HTML (a proxy's page, the
/// Jaeger UI's index.html) becomes UnexpectedBody "answered HTML, not the <apiName>"; JSON that
/// stops early becomes Truncated; other garbage becomes UnexpectedBody.
HttpError parseJsonBody(const HttpResponse &response, const QString &apiName,
                        class QJsonDocument *document);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::RequestRecord)
