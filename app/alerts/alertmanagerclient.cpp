// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/alertmanagerclient.h"
#include "models/common/offthread.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString amApiName()
{
    return QObject::tr("Alertmanager API");
}

QString promApiName()
{
    return QObject::tr("Prometheus API");
}

/// Runs the body through parseJsonBody and then `parse`; a parser's complaint becomes
/// UnexpectedBody with a message naming the server.
template<typename T, typename Parse>
HttpError parseInto(const HttpResponse &response, const QString &api, const QString &where,
                    Parse parse, T *out)
{
    if (!response.ok())
        return response.error;
    QJsonDocument doc;
    HttpError error = parseJsonBody(response, api, &doc);
    if (error.isError())
        return error;
    const QString problem = parse(doc, out);
    if (!problem.isEmpty()) {
        error.kind = HttpError::Kind::UnexpectedBody;
        error.detail = problem;
        error.message = QObject::tr("%1 at %2: %3").arg(api, where, problem);
    }
    return error;
}

} // namespace

QString AlertmanagerClient::name() const
{
    return u"alertmanager "_s + m_http->hostPort();
}

void AlertmanagerClient::fetchAlerts(
    const AlertsQuery &query, QObject *context,
    std::function<void(const QList<Alert> &, const HttpError &)> done)
{
    HttpRequest request;
    request.path = u"/api/v2/alerts"_s;
    const auto flag = [](bool on) {
        return on ? u"true"_s : u"false"_s;
    };
    request.query.addQueryItem(u"active"_s, flag(query.active));
    request.query.addQueryItem(u"silenced"_s, flag(query.silenced));
    request.query.addQueryItem(u"inhibited"_s, flag(query.inhibited));
    request.query.addQueryItem(u"unprocessed"_s, flag(query.unprocessed));
    for (const QString &f : query.filter)
        request.query.addQueryItem(u"filter"_s, QString::fromLatin1(QUrl::toPercentEncoding(f)));
    if (!query.receiver.isEmpty())
        request.query.addQueryItem(u"receiver"_s, query.receiver);
    const QString where = m_http->hostPort();
    const QString source = name();
    m_http->send(request, context, [done, where, source, context](const HttpResponse &response) {
        struct Result
        {
            QList<Alert> alerts;
            HttpError error;
        };
        // Thousands of alerts take tens of milliseconds to parse: off the GUI thread when large
        // (the load benchmark's 2,000 alerts stalled it).
        OffThread::runIfLarge(
            response.body.size(), context,
            [where, source, response] {
                Result r;
                r.error = parseInto(response, amApiName(), where,
                                    AlertsJson::parseAlertmanagerAlerts, &r.alerts);
                for (Alert &a : r.alerts)
                    a.sources = {source};
                return r;
            },
            [done](const Result &r) { done(r.alerts, r.error); });
    });
}

void AlertmanagerClient::fetchAlertGroups(
    QObject *context, std::function<void(const QList<AlertGroup> &, const HttpError &)> done,
    bool fingerprintsOnly)
{
    const QString where = m_http->hostPort();
    m_http->get(u"/api/v2/alerts/groups"_s, context,
                [done, where, context, fingerprintsOnly](const HttpResponse &response) {
                    struct Result
                    {
                        QList<AlertGroup> groups;
                        HttpError error;
                    };
                    // As large as the alerts' list (every alert is in it): parsed off the GUI
                    // thread, and the alerts dropped there when only fingerprints are wanted.
                    OffThread::runIfLarge(
                        response.body.size(), context,
                        [where, response, fingerprintsOnly] {
                            Result r;
                            r.error = parseInto(response, amApiName(), where,
                                                AlertsJson::parseAlertmanagerGroups, &r.groups);
                            if (fingerprintsOnly) {
                                for (AlertGroup &g : r.groups)
                                    g.alerts.clear();
                            }
                            return r;
                        },
                        [done](const Result &r) { done(r.groups, r.error); });
                });
}

void AlertmanagerClient::fetchSilences(
    QObject *context, std::function<void(const QList<Silence> &, const HttpError &)> done)
{
    const QString where = m_http->hostPort();
    const QString source = name();
    m_http->get(
        u"/api/v2/silences"_s, context, [done, where, source](const HttpResponse &response) {
            QList<Silence> silences;
            const HttpError error = parseInto(response, amApiName(), where,
                                              AlertsJson::parseAlertmanagerSilences, &silences);
            for (Silence &s : silences)
                s.sources = {source};
            done(silences, error);
        });
}

void AlertmanagerClient::fetchStatus(
    QObject *context, std::function<void(const AlertmanagerStatus &, const HttpError &)> done)
{
    const QString where = m_http->hostPort();
    m_http->get(u"/api/v2/status"_s, context, [done, where](const HttpResponse &response) {
        AlertmanagerStatus status;
        const HttpError error
            = parseInto(response, amApiName(), where, AlertsJson::parseAlertmanagerStatus, &status);
        done(status, error);
    });
}

void AlertmanagerClient::createSilence(const Silence &silence, QObject *context,
                                       std::function<void(const QString &, const HttpError &)> done)
{
    HttpRequest request;
    request.method = "POST";
    request.path = u"/api/v2/silences"_s;
    request.body = AlertsJson::silenceBody(silence);
    request.contentType = "application/json";
    const QString where = m_http->hostPort();
    m_http->send(request, context, [done, where](const HttpResponse &response) {
        QString id;
        const HttpError error
            = parseInto(response, amApiName(), where, AlertsJson::parseSilenceId, &id);
        done(id, error);
    });
}

void AlertmanagerClient::expireSilence(const QString &id, QObject *context,
                                       std::function<void(const HttpError &)> done)
{
    HttpRequest request;
    request.method = "DELETE";
    request.path = u"/api/v2/silence/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
    request.label = u"/api/v2/silence/{id}"_s;
    m_http->send(request, context, [done](const HttpResponse &response) { done(response.error); });
}

bool AlertmanagerClient::isNotFound(const HttpError &error)
{
    if (error.kind != HttpError::Kind::HttpStatus)
        return false;
    if (error.httpStatus == 404)
        return true;
    // 0.25 answers 500 with a bare JSON string such as "silence 0f1e... not found".
    return error.httpStatus == 500 && error.detail.contains("not found"_L1, Qt::CaseInsensitive);
}

void PrometheusAlertsClient::fetchAlerts(
    QObject *context, std::function<void(const QList<Alert> &, const HttpError &)> done)
{
    const QString where = m_http->hostPort();
    m_http->get(u"/api/v1/alerts"_s, context, [done, where](const HttpResponse &response) {
        QList<Alert> alerts;
        const HttpError error
            = parseInto(response, promApiName(), where, AlertsJson::parsePrometheusAlerts, &alerts);
        done(alerts, error);
    });
}

void PrometheusAlertsClient::fetchRules(
    QObject *context, std::function<void(const QList<Rule> &, const HttpError &)> done)
{
    const QString where = m_http->hostPort();
    m_http->get(u"/api/v1/rules"_s, context, [done, where](const HttpResponse &response) {
        QList<Rule> rules;
        const HttpError error
            = parseInto(response, promApiName(), where, AlertsJson::parsePrometheusRules, &rules);
        done(rules, error);
    });
}

void PrometheusAlertsClient::fetchExternalLabels(
    QObject *context, std::function<void(const LabelSet &, const HttpError &)> done)
{
    const QString where = m_http->hostPort();
    m_http->get(u"/api/v1/status/config"_s, context, [done, where](const HttpResponse &response) {
        LabelSet labels;
        const HttpError error = parseInto(response, promApiName(), where,
                                          AlertsJson::parsePrometheusExternalLabels, &labels);
        done(labels, error);
    });
}

} // namespace Stackscope
