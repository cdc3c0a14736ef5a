// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"
#include "app/prometheus/promparser.h"
#include "models/common/offthread.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Stackscope {

/// The answer to one query: the result, or why there is none.
struct QueryReply
{
    QueryResult result;
    HttpError error;
    qint64 elapsedMs = 0; ///< network
    qint64 parseMs = 0;
    bool ok() const { return !error.isError(); }
};

/// The Prometheus HTTP API (v1) on top of an HttpClient. Bodies larger than
/// OffThread::kThresholdBytes are parsed on the global thread pool; every callback runs on the GUI
/// thread, and only while `context` is alive (a destroyed page never hears of its old requests).
/// Errors carry the server's own `errorType: error` in HttpError::detail and the message.
class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Done = std::function<void(const T &value, const HttpError &error)>;

    explicit PrometheusClient(HttpClient *http, QObject *parent = nullptr);

    HttpClient *http() const { return m_http; }

    /// /api/v1/query (GET); an invalid time means "now".
    void query(const QString &expr, const QDateTime &time, QObject *context,
               std::function<void(const QueryReply &)> done);
    /// /api/v1/query_range (POST, form-encoded).
    void queryRange(const QString &expr, const QDateTime &start, const QDateTime &end,
                    double stepSeconds, QObject *context,
                    std::function<void(const QueryReply &)> done);
    /// /api/v1/query_exemplars (POST, form-encoded, like query_range): the exemplars of the
    /// series the expression selects, between start and end.
    void queryExemplars(const QString &expr, const QDateTime &start, const QDateTime &end,
                        QObject *context, Done<QList<Exemplar>> done);
    void targets(QObject *context, Done<QList<ScrapeTarget>> done);
    void rules(QObject *context, Done<QList<PromRule>> done);
    void labels(QObject *context, Done<QStringList> done);
    void labelValues(const QString &label, QObject *context, Done<QStringList> done);
    void series(const QStringList &matchers, const QDateTime &start, const QDateTime &end,
                QObject *context, Done<QList<Labels>> done);
    void buildInfo(QObject *context, Done<PromBuildInfo> done);
    /// The global scrape interval from /api/v1/status/config, in seconds (-1 when the
    /// configuration does not say).
    void scrapeInterval(QObject *context, Done<double> done);

    /// Turns a finished response into a reply, on the calling thread (the tests and the
    /// benchmark use it directly).
    static QueryReply parseQueryResponse(const HttpResponse &response, const QString &hostPort);

private:
    template<typename T>
    using Parser = bool (*)(const QByteArray &, T *, PromApiError *, QString *);

    /// Checks a response's transport outcome and body, and parses it with `parse`.
    template<typename T>
    static HttpError decode(const HttpResponse &response, const QString &hostPort, Parser<T> parse,
                            T *value);
    static HttpError bodyError(const HttpResponse &response, const QString &hostPort,
                               const QString &problem, const PromApiError &apiError);

    template<typename T>
    void fetch(const HttpRequest &request, QObject *context, Parser<T> parse, Done<T> done)
    {
        const QString where = m_http->hostPort();
        m_http->send(request, context, [where, context, parse, done](const HttpResponse &response) {
            struct Result
            {
                T value{};
                HttpError error;
            };
            OffThread::runIfLarge(
                response.body.size(), context,
                [where, parse, response] {
                    Result r;
                    r.error = decode<T>(response, where, parse, &r.value);
                    return r;
                },
                [done](Result r) { done(r.value, r.error); });
        });
    }

    HttpClient *m_http;
};

} // namespace Stackscope
