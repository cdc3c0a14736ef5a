// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/jaegerclient.h"

#include "app/jaeger/traceloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString jaegerApiName()
{
    return QObject::tr("Jaeger API");
}

/// The route is not there: 404, or 200 with the UI's page (Jaeger answers unknown paths so).
bool routeMissing(const HttpResponse &response)
{
    if (response.error.kind == HttpError::Kind::HttpStatus)
        return response.status == 404 || response.status == 405;
    return response.status >= 200 && response.status < 300
           && looksLikeHtml(response.body, response.contentType);
}

HttpError envelopeError(const QJsonObject &object, int status)
{
    HttpError error;
    const QJsonArray errors = object.value("errors"_L1).toArray();
    if (errors.isEmpty())
        return error;
    const QJsonObject first = errors.first().toObject();
    error.kind = HttpError::Kind::HttpStatus;
    error.httpStatus = first.value("code"_L1).toInt(status);
    error.detail = first.value("msg"_L1).toString();
    error.message = QObject::tr("Jaeger says: %1").arg(error.detail);
    return error;
}

} // namespace

JaegerClient::JaegerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_http(new HttpClient(u"jaeger"_s, network, this))
    , m_parser(new TraceLoader(this))
{
    connect(m_parser, &TraceLoader::searchReady, this, [this](const QList<TraceSummary> &results) {
        if (m_searchContext && m_searchDone)
            m_searchDone(results, {});
    });
    connect(m_parser, &TraceLoader::searchFailed, this, [this](const QString &message) {
        if (!m_searchContext || !m_searchDone)
            return;
        HttpError error;
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message = message;
        m_searchDone({}, error);
    });
    connect(m_parser, &TraceLoader::traceReady, this,
            [this](const TraceLayoutPtr &layout, const QString &, const QStringList &warnings) {
                if (m_traceContext && m_traceDone)
                    m_traceDone(layout, warnings, {}, {});
            });
    connect(m_parser, &TraceLoader::openFailed, this,
            [this](const QString &, const QString &message) {
                if (m_traceContext && m_traceDone)
                    m_traceDone({}, {}, {}, message);
            });
}

JaegerClient::~JaegerClient() = default;

void JaegerClient::setEndpoint(const EndpointConfig &endpoint)
{
    if (endpoint.url != m_http->endpoint().url)
        m_api = Api::Unknown;
    m_http->setEndpoint(endpoint);
}

HttpError JaegerClient::namesFrom(const HttpResponse &response, QStringList *names)
{
    QJsonDocument document;
    if (response.error.kind == HttpError::Kind::HttpStatus) {
        // Jaeger's error envelope (text/plain, 400/404/500): the message is already in detail.
        return response.error;
    }
    HttpError error = parseJsonBody(response, jaegerApiName(), &document);
    if (error.isError())
        return error;
    const QJsonObject object = document.object();
    if (!document.isObject()) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message
            = QObject::tr("answered JSON that is not an object, not the %1").arg(jaegerApiName());
        return error;
    }
    if (HttpError e = envelopeError(object, response.status); e.isError())
        return e;
    QStringList result;
    QJsonValue data = object.value("data"_L1);
    if (data.isUndefined())
        data = object.contains("services"_L1) ? object.value("services"_L1)
                                              : object.value("operations"_L1);
    if (data.isUndefined()) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message
            = QObject::tr("answered JSON without `data`, not the %1").arg(jaegerApiName());
        return error;
    }
    const QJsonArray array = data.toArray(); // `data: null` is an empty list
    for (const QJsonValue &value : array) {
        const QString name
            = value.isObject() ? value.toObject().value("name"_L1).toString() : value.toString();
        if (!name.isEmpty())
            result.append(name);
    }
    result.sort();
    result.removeDuplicates();
    *names = result;
    return error;
}

HttpError JaegerClient::checkTraceBody(const HttpResponse &response)
{
    if (response.error.isError())
        return response.error;
    HttpError error;
    if (looksLikeHtml(response.body, response.contentType)) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message = QObject::tr("answered HTML, not the %1").arg(jaegerApiName());
        return error;
    }
    const QByteArray start = response.body.left(256).trimmed();
    if (start.isEmpty()) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message = QObject::tr("answered with an empty body, not the %1").arg(jaegerApiName());
        return error;
    }
    if (!start.startsWith('{')) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.message
            = QObject::tr("answered something that is not JSON, not the %1").arg(jaegerApiName());
        return error;
    }
    // A small body may be an error envelope sent with 200; large ones are traces.
    if (response.body.size() < 4096 && response.body.contains("\"errors\"")) {
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        const QJsonObject object = document.object();
        if (object.value("data"_L1).isNull() || !object.contains("data"_L1))
            return envelopeError(object, response.status);
    }
    return error;
}

void JaegerClient::services(QObject *context, ListCallback done)
{
    if (m_api == Api::V3) {
        servicesV3(context, std::move(done));
        return;
    }
    HttpRequest request;
    request.path = u"/api/services"_s;
    m_http->send(request, context, [this, context, done](const HttpResponse &response) {
        if (routeMissing(response)) {
            servicesV3(context, done);
            return;
        }
        QStringList names;
        const HttpError error = namesFrom(response, &names);
        if (!error.isError())
            m_api = Api::V1;
        done(names, error);
    });
}

void JaegerClient::servicesV3(QObject *context, ListCallback done)
{
    HttpRequest request;
    request.path = u"/api/v3/services"_s;
    m_http->send(request, context, [this, done](const HttpResponse &response) {
        QStringList names;
        HttpError error = namesFrom(response, &names);
        if (!error.isError())
            m_api = Api::V3;
        else if (routeMissing(response))
            error.message = QObject::tr("neither /api/services nor /api/v3/services is there: "
                                        "is this Jaeger? (%1)")
                                .arg(error.message);
        done(names, error);
    });
}

void JaegerClient::operations(const QString &service, QObject *context, ListCallback done)
{
    HttpRequest request;
    if (m_api == Api::V3) {
        request.path = u"/api/v3/operations"_s;
        request.query.addQueryItem(u"service"_s, service);
        m_http->send(request, context, [done](const HttpResponse &response) {
            QStringList names;
            const HttpError error = namesFrom(response, &names);
            done(names, error);
        });
        return;
    }
    request.path = u"/api/operations"_s;
    request.query.addQueryItem(u"service"_s, service);
    m_http->send(request, context, [this, service, context, done](const HttpResponse &response) {
        if (routeMissing(response)) {
            operationsFallback(service, context, done);
            return;
        }
        QStringList names;
        const HttpError error = namesFrom(response, &names);
        done(names, error);
    });
}

void JaegerClient::operationsFallback(const QString &service, QObject *context, ListCallback done)
{
    HttpRequest request;
    // HttpClient sets the path in decoded form (it encodes spaces itself); a "/" inside a
    // service name cannot be expressed that way and would split the path.
    request.path = u"/api/services/"_s + service + u"/operations"_s;
    request.label = u"/api/services/{service}/operations"_s;
    m_http->send(request, context, [done](const HttpResponse &response) {
        QStringList names;
        const HttpError error = namesFrom(response, &names);
        done(names, error);
    });
}

QUrlQuery JaegerClient::searchQuery(const TraceQuery &query)
{
    QUrlQuery q;
    q.addQueryItem(u"service"_s, query.service);
    if (!query.operation.isEmpty())
        q.addQueryItem(u"operation"_s, query.operation);
    if (!query.tags.isEmpty()) {
        QJsonObject tags;
        for (const auto &[key, value] : query.tags)
            tags.insert(key, value);
        const QByteArray json = QJsonDocument(tags).toJson(QJsonDocument::Compact);
        q.addQueryItem(u"tags"_s,
                       QString::fromLatin1(QUrl::toPercentEncoding(QString::fromUtf8(json))));
    }
    if (query.start.isValid())
        q.addQueryItem(u"start"_s, QString::number(query.start.toMSecsSinceEpoch() * 1000));
    if (query.end.isValid())
        q.addQueryItem(u"end"_s, QString::number(query.end.toMSecsSinceEpoch() * 1000));
    if (!query.minDuration.isEmpty())
        q.addQueryItem(u"minDuration"_s, query.minDuration);
    if (!query.maxDuration.isEmpty())
        q.addQueryItem(u"maxDuration"_s, query.maxDuration);
    q.addQueryItem(u"limit"_s, QString::number(query.limit));
    return q;
}

QUrlQuery JaegerClient::searchQueryV3(const TraceQuery &query)
{
    QUrlQuery q;
    q.addQueryItem(u"query.service_name"_s, query.service);
    if (!query.operation.isEmpty())
        q.addQueryItem(u"query.operation_name"_s, query.operation);
    for (const auto &[key, value] : query.tags)
        q.addQueryItem(u"query.attributes."_s + key, value);
    if (query.start.isValid())
        q.addQueryItem(u"query.start_time_min"_s, query.start.toUTC().toString(Qt::ISODateWithMs));
    if (query.end.isValid())
        q.addQueryItem(u"query.start_time_max"_s, query.end.toUTC().toString(Qt::ISODateWithMs));
    if (!query.minDuration.isEmpty())
        q.addQueryItem(u"query.duration_min"_s, query.minDuration);
    if (!query.maxDuration.isEmpty())
        q.addQueryItem(u"query.duration_max"_s, query.maxDuration);
    q.addQueryItem(u"query.search_depth"_s, QString::number(query.limit));
    return q;
}

void JaegerClient::search(const TraceQuery &query, QObject *context, SearchCallback done)
{
    HttpRequest request;
    if (m_api == Api::V3) {
        request.path = u"/api/v3/traces"_s;
        request.query = searchQueryV3(query);
    } else {
        request.path = u"/api/traces"_s;
        request.query = searchQuery(query);
    }
    const quint64 sent = ++m_searchRequest;
    m_http->send(request, context, [this, sent, context, done](const HttpResponse &response) {
        if (sent != m_searchRequest)
            return; // a newer search is on its way
        if (const HttpError error = checkTraceBody(response); error.isError()) {
            done({}, error);
            return;
        }
        m_searchContext = context;
        m_searchDone = done;
        m_parser->searchJson(response.body);
    });
}

void JaegerClient::trace(const QString &traceId, QObject *context, TraceCallback done)
{
    HttpRequest request;
    const QString id = traceId.trimmed();
    request.path = (m_api == Api::V3 ? u"/api/v3/traces/"_s : u"/api/traces/"_s) + id;
    request.label = m_api == Api::V3 ? u"/api/v3/traces/{id}"_s : u"/api/traces/{id}"_s;
    const quint64 sent = ++m_traceRequest;
    m_http->send(request, context,
                 [this, sent, context, traceId, done](const HttpResponse &response) {
                     if (sent != m_traceRequest)
                         return; // a newer trace is on its way
                     if (const HttpError error = checkTraceBody(response); error.isError()) {
                         done({}, {}, error, {});
                         return;
                     }
                     m_traceContext = context;
                     m_traceDone = done;
                     m_parser->openJson(response.body, traceId, traceId);
                 });
}

} // namespace Stackscope
