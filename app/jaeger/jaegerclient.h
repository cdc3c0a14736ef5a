// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"

#include <QDateTime>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <functional>

namespace Stackscope {

/// A trace search as the search page states it.
struct TraceQuery
{
    QString service;
    QString operation; ///< empty: all
    QList<QPair<QString, QString>> tags;
    QDateTime start;
    QDateTime end;
    QString minDuration; ///< Go duration ("1.2s", "300ms"), empty for none
    QString maxDuration;
    int limit = 20;
};

/// The Jaeger query API (1.51 on :16686): services, operations, trace search and trace by id.
/// Reads the envelope (`data`, `errors[].code/msg`), turns 400/404/500 and the UI's HTML page
/// that unknown paths answer with 200 into HttpErrors with a plain message, and switches to
/// Jaeger v2's `/api/v3` (OTLP JSON) when the `/api` routes are gone. Search and trace bodies
/// are handed back unparsed, after the HTML check: they may hold 250,000 spans and are parsed
/// on a worker (TraceLoader).
class JaegerClient : public QObject
{
    Q_OBJECT
public:
    enum class Api { Unknown, V1, V3 };
    Q_ENUM(Api)

    using ListCallback = std::function<void(const QStringList &names, const HttpError &error)>;
    using BodyCallback = std::function<void(const QByteArray &body, const HttpError &error)>;

    explicit JaegerClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }
    void setEndpoint(const EndpointConfig &endpoint);
    /// Which API answered last; Unknown until services() has succeeded once.
    Api api() const { return m_api; }

    /// The service names, sorted. Probes /api/services, then /api/v3/services.
    void services(QObject *context, ListCallback done);
    /// The operations of a service, sorted: /api/operations?service= (1.51), falling back to
    /// the older /api/services/{service}/operations, or /api/v3/operations.
    void operations(const QString &service, QObject *context, ListCallback done);
    /// /api/traces (or /api/v3/traces): the raw body of the traces found.
    void search(const TraceQuery &query, QObject *context, BodyCallback done);
    /// /api/traces/{id} (or /api/v3/traces/{id}): the raw body.
    void trace(const QString &traceId, QObject *context, BodyCallback done);

    /// The query string of a v1 search (tags as URL-encoded JSON, times in µs).
    static QUrlQuery searchQuery(const TraceQuery &query);
    static QUrlQuery searchQueryV3(const TraceQuery &query);
    /// True for a Go duration such as "1.5s", "300ms", "1h30m", "250us".
    static bool isGoDuration(const QString &text);
    /// The names under the envelope's `data` (or v3's `services` / `operations[].name`);
    /// an envelope with `errors` becomes an HttpError carrying the server's code and message.
    static HttpError namesFrom(const HttpResponse &response, QStringList *names);
    /// Checks a search or trace body: not HTML, not empty, and not an error envelope sent
    /// with status 200.
    static HttpError checkTraceBody(const HttpResponse &response);

private:
    void servicesV3(QObject *context, ListCallback done);
    void operationsFallback(const QString &service, QObject *context, ListCallback done);

    HttpClient *m_http;
    Api m_api = Api::Unknown;
};

} // namespace Stackscope
