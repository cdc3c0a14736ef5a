// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"
#include "app/loki/lokiparser.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace Stackscope {

/// What a log or metric query asks Loki for.
struct LokiQuery
{
    QString expr;           ///< LogQL
    QDateTime start;        ///< invalid: Loki's default (an hour before end)
    QDateTime end;          ///< invalid: now
    int limit = 100;        ///< lines at most (log queries)
    bool forward = false;   ///< oldest first; Loki's default is backward (newest first)
    double stepSeconds = 0; ///< metric queries; 0 leaves the step to Loki
};

/// The answer to one query: the result, or why there is none.
struct LokiReply
{
    LokiResult result;
    HttpError error;
    qint64 elapsedMs = 0; ///< network
    bool ok() const { return !error.isError(); }
};

/// Grafana Loki's HTTP API on top of an HttpClient (auth, TLS, timeouts as configured):
/// labels, label values, query_range and instant queries. Bodies larger than
/// OffThread::kThresholdBytes are parsed on the thread pool; callbacks run on the GUI thread and
/// only while `context` lives. Errors say what happened in a sentence: Loki's own text for a
/// query it rejects (400), "busy" for 429, "timed out" for 503/504 and for no answer in time,
/// and "answered HTML" for a proxy's or a UI's page.
class LokiClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const T &value, const HttpError &error)>;

    explicit LokiClient(HttpClient *http, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }

    /// /loki/api/v1/labels, sorted.
    void labels(QObject *context, Done<QStringList> done);
    /// /loki/api/v1/label/{name}/values, sorted.
    void labelValues(const QString &name, QObject *context, Done<QStringList> done);
    /// /loki/api/v1/query_range: log lines (streams) or a metric (matrix).
    void queryRange(const LokiQuery &query, QObject *context,
                    std::function<void(const LokiReply &)> done);
    /// /loki/api/v1/query at `time` (invalid: now): a metric query's vector.
    void query(const QString &expr, const QDateTime &time, int limit, QObject *context,
               std::function<void(const LokiReply &)> done);

    /// The query string query_range sends (times as nanosecond epochs).
    static QUrlQuery rangeQuery(const LokiQuery &query);
    /// Turns a finished response into a reply, on the calling thread.
    static LokiReply parseQueryResponse(const HttpResponse &response, const QString &hostPort);
    /// A transport or status error rewritten for Loki (see the class comment).
    static HttpError explain(const HttpError &error, const QString &hostPort);

private:
    void names(const QString &path, QObject *context, Done<QStringList> done);
    void sendQuery(const HttpRequest &request, QObject *context,
                   std::function<void(const LokiReply &)> done);

    HttpClient *m_http;
};

} // namespace Stackscope
