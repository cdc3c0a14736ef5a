// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/prometheusclient.h"

#include <QUrlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString unixSeconds(const QDateTime &time)
{
    return QString::number(double(time.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

/// QUrlQuery leaves '+' alone, which a form decoder reads as a space: encode it.
QByteArray formBody(const QUrlQuery &form)
{
    return form.toString(QUrl::FullyEncoded).replace(u'+', "%2B"_L1).toUtf8();
}

} // namespace

PrometheusClient::PrometheusClient(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{}

HttpError PrometheusClient::bodyError(const HttpResponse &response, const QString &hostPort,
                                      const QString &problem, const PromApiError &apiError)
{
    HttpError error;
    error.httpStatus = response.status;
    if (apiError.isError()) {
        error.kind = HttpError::Kind::HttpStatus;
        error.detail = apiError.text();
        error.message = tr("Prometheus at %1: %2").arg(hostPort, apiError.text());
        return error;
    }
    error.kind = problem.contains(u"truncated"_s) ? HttpError::Kind::Truncated
                                                  : HttpError::Kind::UnexpectedBody;
    error.detail = problem;
    error.message = tr("Prometheus at %1: %2").arg(hostPort, problem);
    return error;
}

template<typename T>
HttpError PrometheusClient::decode(const HttpResponse &response, const QString &hostPort,
                                   Parser<T> parse, T *value)
{
    if (!response.ok())
        return response.error;
    if (looksLikeHtml(response.body, response.contentType)) {
        HttpError error;
        error.kind = HttpError::Kind::UnexpectedBody;
        error.httpStatus = response.status;
        error.message = tr("%1 answered HTML, not the Prometheus API").arg(hostPort);
        return error;
    }
    PromApiError apiError;
    QString problem;
    if (!parse(response.body, value, &apiError, &problem))
        return bodyError(response, hostPort, problem, apiError);
    return {};
}

QueryReply PrometheusClient::parseQueryResponse(const HttpResponse &response,
                                                const QString &hostPort)
{
    QueryReply reply;
    QElapsedTimer clock;
    clock.start();
    reply.error = decode<QueryResult>(response, hostPort, &PromParser::parseQuery, &reply.result);
    reply.parseMs = clock.elapsed();
    reply.elapsedMs = response.elapsedMs;
    return reply;
}

static QueryReply toReply(const QueryResult &result, const HttpError &error)
{
    QueryReply reply;
    reply.result = result;
    reply.error = error;
    return reply;
}

void PrometheusClient::query(const QString &expr, const QDateTime &time, QObject *context,
                             std::function<void(const QueryReply &)> done)
{
    // POST, form-encoded like query_range: a '+' in the expression survives, and long
    // expressions do not hit URL limits.
    QUrlQuery form;
    form.addQueryItem(u"query"_s, expr);
    if (time.isValid())
        form.addQueryItem(u"time"_s, unixSeconds(time));
    HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v1/query"_s;
    request.body = formBody(form);
    request.contentType = "application/x-www-form-urlencoded";
    fetch<QueryResult>(request, context, &PromParser::parseQuery,
                       [done](const QueryResult &result, const HttpError &error) {
                           done(toReply(result, error));
                       });
}

void PrometheusClient::queryRange(const QString &expr, const QDateTime &start, const QDateTime &end,
                                  double stepSeconds, QObject *context,
                                  std::function<void(const QueryReply &)> done)
{
    QUrlQuery form;
    form.addQueryItem(u"query"_s, expr);
    form.addQueryItem(u"start"_s, unixSeconds(start));
    form.addQueryItem(u"end"_s, unixSeconds(end));
    form.addQueryItem(u"step"_s, QString::number(stepSeconds, 'g', 12));
    HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v1/query_range"_s;
    request.body = formBody(form);
    request.contentType = "application/x-www-form-urlencoded";
    fetch<QueryResult>(request, context, &PromParser::parseQuery,
                       [done](const QueryResult &result, const HttpError &error) {
                           done(toReply(result, error));
                       });
}

void PrometheusClient::queryExemplars(const QString &expr, const QDateTime &start,
                                      const QDateTime &end, QObject *context,
                                      Done<QList<Exemplar>> done)
{
    QUrlQuery form;
    form.addQueryItem(u"query"_s, expr);
    form.addQueryItem(u"start"_s, unixSeconds(start));
    form.addQueryItem(u"end"_s, unixSeconds(end));
    HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v1/query_exemplars"_s;
    request.body = formBody(form);
    request.contentType = "application/x-www-form-urlencoded";
    fetch<QList<Exemplar>>(request, context, &PromParser::parseExemplars, std::move(done));
}

void PrometheusClient::targets(QObject *context, Done<QList<ScrapeTarget>> done)
{
    HttpRequest request;
    request.path = u"/api/v1/targets"_s;
    request.query.addQueryItem(u"state"_s, u"active"_s);
    fetch<QList<ScrapeTarget>>(request, context, &PromParser::parseTargets, std::move(done));
}

void PrometheusClient::rules(QObject *context, Done<QList<PromRule>> done)
{
    HttpRequest request;
    request.path = u"/api/v1/rules"_s;
    fetch<QList<PromRule>>(request, context, &PromParser::parseRules, std::move(done));
}

void PrometheusClient::labels(QObject *context, Done<QStringList> done)
{
    HttpRequest request;
    request.path = u"/api/v1/labels"_s;
    fetch<QStringList>(request, context, &PromParser::parseStringList, std::move(done));
}

void PrometheusClient::labelValues(const QString &label, QObject *context, Done<QStringList> done)
{
    HttpRequest request;
    request.path = u"/api/v1/label/"_s + label + u"/values"_s;
    request.label = u"/api/v1/label/:name/values"_s;
    fetch<QStringList>(request, context, &PromParser::parseStringList, std::move(done));
}

void PrometheusClient::series(const QStringList &matchers, const QDateTime &start,
                              const QDateTime &end, QObject *context, Done<QList<Labels>> done)
{
    HttpRequest request;
    request.path = u"/api/v1/series"_s;
    for (const QString &m : matchers)
        request.query.addQueryItem(u"match[]"_s, m);
    if (start.isValid())
        request.query.addQueryItem(u"start"_s, unixSeconds(start));
    if (end.isValid())
        request.query.addQueryItem(u"end"_s, unixSeconds(end));
    fetch<QList<Labels>>(request, context, &PromParser::parseSeries, std::move(done));
}

void PrometheusClient::buildInfo(QObject *context, Done<PromBuildInfo> done)
{
    HttpRequest request;
    request.path = u"/api/v1/status/buildinfo"_s;
    fetch<PromBuildInfo>(request, context, &PromParser::parseBuildInfo, std::move(done));
}

void PrometheusClient::scrapeInterval(QObject *context, Done<double> done)
{
    HttpRequest request;
    request.path = u"/api/v1/status/config"_s;
    fetch<QString>(request, context, &PromParser::parseConfig,
                   [done](const QString &yaml, const HttpError &error) {
                       done(error.isError() ? -1.0 : PromParser::globalScrapeInterval(yaml), error);
                   });
}

} // namespace Stackscope
