// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/loki/lokiclient.h"

#include "models/common/offthread.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString nanoseconds(const QDateTime &time)
{
    return QString::number(time.toMSecsSinceEpoch() * 1000000);
}

/// A 2xx body that is not Loki's: HTML, empty, or JSON that does not read.
HttpError bodyError(const HttpResponse &response, const QString &hostPort, const QString &problem)
{
    HttpError error;
    error.kind = HttpError::Kind::UnexpectedBody;
    error.httpStatus = response.status;
    if (looksLikeHtml(response.body, response.contentType)) {
        error.message
            = LokiClient::tr("%1 answered HTML, not the Loki API (is this Loki's address?)")
                  .arg(hostPort);
    } else if (response.body.isEmpty()) {
        error.message
            = LokiClient::tr("%1 answered with an empty body, not the Loki API").arg(hostPort);
    } else {
        error.detail = problem;
        error.message
            = LokiClient::tr("the answer of %1 could not be read: %2").arg(hostPort, problem);
    }
    return error;
}

} // namespace

LokiClient::LokiClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{}

HttpError LokiClient::explain(const HttpError &error, const QString &hostPort)
{
    HttpError out = error;
    if (error.kind == HttpError::Kind::Timeout) {
        out.message
            = tr("Loki at %1 did not answer in time; the query may be too large").arg(hostPort);
        out.hint = tr("Narrow the time range or the label selector.");
        return out;
    }
    if (error.kind != HttpError::Kind::HttpStatus)
        return out;
    switch (error.httpStatus) {
    case 400:
        out.message = error.detail.isEmpty() ? tr("Loki rejected the query")
                                             : tr("Loki rejected the query: %1").arg(error.detail);
        break;
    case 429:
        out.message = tr("Loki at %1 is busy (too many outstanding requests)").arg(hostPort);
        out.hint = tr("Try again in a moment, or ask for a shorter time range.");
        break;
    case 503:
    case 504:
        out.message
            = error.detail.isEmpty()
                  ? tr("the query timed out at %1 (HTTP %2)").arg(hostPort).arg(error.httpStatus)
                  : tr("the query timed out at %1: %2").arg(hostPort, error.detail);
        out.hint = tr("Narrow the time range or the label selector.");
        break;
    default:
        break;
    }
    return out;
}

QUrlQuery LokiClient::rangeQuery(const LokiQuery &query)
{
    QUrlQuery q;
    q.addQueryItem(u"query"_s, query.expr);
    if (query.start.isValid())
        q.addQueryItem(u"start"_s, nanoseconds(query.start));
    if (query.end.isValid())
        q.addQueryItem(u"end"_s, nanoseconds(query.end));
    q.addQueryItem(u"limit"_s, QString::number(query.limit));
    q.addQueryItem(u"direction"_s, query.forward ? u"forward"_s : u"backward"_s);
    if (query.stepSeconds > 0)
        q.addQueryItem(u"step"_s, QString::number(query.stepSeconds));
    return q;
}

LokiReply LokiClient::parseQueryResponse(const HttpResponse &response, const QString &hostPort)
{
    LokiReply reply;
    reply.elapsedMs = response.elapsedMs;
    if (response.error.isError()) {
        reply.error = explain(response.error, hostPort);
        return reply;
    }
    QString problem;
    if (looksLikeHtml(response.body, response.contentType)
        || !LokiParser::parseQuery(response.body, &reply.result, &problem)) {
        reply.result = {};
        reply.error = bodyError(response, hostPort, problem);
    }
    return reply;
}

void LokiClient::sendQuery(const HttpRequest &request, QObject *context,
                           std::function<void(const LokiReply &)> done)
{
    const QString where = m_http->hostPort();
    m_http->send(request, context, [where, context, done](const HttpResponse &response) {
        OffThread::runIfLarge(
            response.body.size(), context,
            [where, response] { return parseQueryResponse(response, where); },
            [done](const LokiReply &reply) { done(reply); });
    });
}

void LokiClient::queryRange(const LokiQuery &query, QObject *context,
                            std::function<void(const LokiReply &)> done)
{
    HttpRequest request;
    request.path = u"/loki/api/v1/query_range"_s;
    request.query = rangeQuery(query);
    sendQuery(request, context, std::move(done));
}

void LokiClient::query(const QString &expr, const QDateTime &time, int limit, QObject *context,
                       std::function<void(const LokiReply &)> done)
{
    HttpRequest request;
    request.path = u"/loki/api/v1/query"_s;
    request.query.addQueryItem(u"query"_s, expr);
    if (time.isValid())
        request.query.addQueryItem(u"time"_s, nanoseconds(time));
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    sendQuery(request, context, std::move(done));
}

void LokiClient::names(const QString &path, QObject *context, Done<QStringList> done)
{
    HttpRequest request;
    request.path = path;
    request.label
        = path.startsWith("/loki/api/v1/label/"_L1) ? u"/loki/api/v1/label/values"_s : path;
    const QString where = m_http->hostPort();
    m_http->send(request, context, [where, done](const HttpResponse &response) {
        QStringList names;
        if (response.error.isError()) {
            done(names, explain(response.error, where));
            return;
        }
        QString problem;
        if (looksLikeHtml(response.body, response.contentType)
            || !LokiParser::parseStringList(response.body, &names, &problem)) {
            done({}, bodyError(response, where, problem));
            return;
        }
        names.sort();
        done(names, {});
    });
}

void LokiClient::labels(QObject *context, Done<QStringList> done)
{
    names(u"/loki/api/v1/labels"_s, context, std::move(done));
}

void LokiClient::labelValues(const QString &name, QObject *context, Done<QStringList> done)
{
    // Label names are [a-zA-Z_][a-zA-Z0-9_]*; the path is encoded by QUrl.
    names(u"/loki/api/v1/label/"_s + name + u"/values"_s, context, std::move(done));
}

} // namespace Stackscope
