// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"
#include "models/traces/trace.h"
#include "models/traces/tracelayout.h"
#include "models/traces/tracequery.h"

#include <QDateTime>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>

#include <functional>

namespace Stackscope {

class TraceLoader;

/// The Jaeger query API (1.51 on :16686): services, operations, trace search and trace by id.
/// Reads the envelope (`data`, `errors[].code/msg`), turns 400/404/500 and the UI's HTML page
/// that unknown paths answer with 200 into HttpErrors with a plain message, and switches to
/// Jaeger v2's `/api/v3` (OTLP JSON) when the `/api` routes are gone. Search and trace bodies
/// are checked (not HTML, not an error envelope), then parsed (and a trace laid out) on a worker
/// by the client's own TraceLoader: they may hold 250,000 spans. Bytes never leave the client.
class JaegerClient : public QObject
{
    Q_OBJECT
public:
    enum class Api { Unknown, V1, V3 };
    Q_ENUM(Api)

    using ListCallback = std::function<void(const QStringList &names, const HttpError &error)>;
    using SearchCallback
        = std::function<void(const QList<TraceSummary> &results, const HttpError &error)>;
    /// `error` is the request's (transport, status, not Jaeger); `readError` says why a body
    /// that arrived could not be read as a trace. Both empty: `layout` holds the trace.
    using TraceCallback
        = std::function<void(const TraceLayoutPtr &layout, const QStringList &warnings,
                             const HttpError &error, const QString &readError)>;

    explicit JaegerClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~JaegerClient() override;

    HttpClient *http() const { return m_http; }
    void setEndpoint(const EndpointConfig &endpoint);
    /// Which API answered last; Unknown until services() has succeeded once.
    Api api() const { return m_api; }

    /// The service names, sorted. Probes /api/services, then /api/v3/services.
    void services(QObject *context, ListCallback done);
    /// The operations of a service, sorted: /api/operations?service= (1.51), falling back to
    /// the older /api/services/{service}/operations, or /api/v3/operations.
    void operations(const QString &service, QObject *context, ListCallback done);
    /// /api/traces (or /api/v3/traces): the traces found, as summaries. Only the newest search
    /// answers: an older one, still on the wire or being parsed, is dropped (`done` not called).
    void search(const TraceQuery &query, QObject *context, SearchCallback done);
    /// /api/traces/{id} (or /api/v3/traces/{id}): the trace, laid out. As search(), only the
    /// newest trace answers.
    void trace(const QString &traceId, QObject *context, TraceCallback done);

    /// The query string of a v1 search (tags as URL-encoded JSON, times in µs).
    static QUrlQuery searchQuery(const TraceQuery &query);
    static QUrlQuery searchQueryV3(const TraceQuery &query);
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
    TraceLoader *m_parser; ///< parses bodies on workers, drops stale ones
    Api m_api = Api::Unknown;
    quint64 m_searchRequest = 0;       ///< the newest search sent
    quint64 m_traceRequest = 0;        ///< the newest trace asked for
    QPointer<QObject> m_searchContext; ///< the search whose body is being parsed
    SearchCallback m_searchDone;
    QPointer<QObject> m_traceContext; ///< the trace whose body is being parsed
    TraceCallback m_traceDone;
};

} // namespace Stackscope
