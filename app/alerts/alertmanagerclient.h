// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/alertsjson.h"
#include "app/http/httpclient.h"

#include <functional>

namespace Stackscope {

/// Alertmanager's API v2 (0.25 to 0.28) on top of one HttpClient. Every callback runs exactly
/// once on the GUI thread with either the parsed value or an HttpError whose message says why
/// (the server's own text for error statuses, which Alertmanager sends as bare JSON strings).
class AlertmanagerClient
{
public:
    struct AlertsQuery
    {
        QStringList filter; ///< matchers such as `severity="critical"`
        bool active = true;
        bool silenced = true;
        bool inhibited = true;
        bool unprocessed = true;
        QString receiver;
    };

    explicit AlertmanagerClient(HttpClient *http)
        : m_http(http)
    {}
    HttpClient *http() const { return m_http; }
    /// "alertmanager 127.0.0.1:9093"
    QString name() const;

    void fetchAlerts(const AlertsQuery &query, QObject *context,
                     std::function<void(const QList<Alert> &, const HttpError &)> done);
    /// GET /api/v2/alerts/groups. With `fingerprintsOnly` the groups carry their alerts'
    /// fingerprints but not the alerts (dropped on the parsing thread: 2,000 alerts freed on the
    /// GUI thread were a measurable part of a poll).
    void fetchAlertGroups(QObject *context,
                          std::function<void(const QList<AlertGroup> &, const HttpError &)> done,
                          bool fingerprintsOnly = false);
    void fetchSilences(QObject *context,
                       std::function<void(const QList<Silence> &, const HttpError &)> done);
    void fetchStatus(QObject *context,
                     std::function<void(const AlertmanagerStatus &, const HttpError &)> done);
    /// POST /api/v2/silences; the callback gets the new silence's id.
    void createSilence(const Silence &silence, QObject *context,
                       std::function<void(const QString &, const HttpError &)> done);
    /// DELETE /api/v2/silence/{id}. An unknown id (0.25 answers 500, 0.26+ 404) gives an error
    /// whose `detail` is the server's text and isNotFound() true.
    void expireSilence(const QString &id, QObject *context,
                       std::function<void(const HttpError &)> done);

    /// The error means "no such silence", however the version says it.
    static bool isNotFound(const HttpError &error);

private:
    HttpClient *m_http;
};

/// Prometheus' /api/v1/alerts and /api/v1/rules: pending alerts (which never reach Alertmanager),
/// firing ones when no Alertmanager is configured, and every rule's state.
class PrometheusAlertsClient
{
public:
    explicit PrometheusAlertsClient(HttpClient *http)
        : m_http(http)
    {}
    HttpClient *http() const { return m_http; }

    void fetchAlerts(QObject *context,
                     std::function<void(const QList<Alert> &, const HttpError &)> done);
    void fetchRules(QObject *context,
                    std::function<void(const QList<Rule> &, const HttpError &)> done);
    /// /api/v1/status/config's `global.external_labels`.
    void fetchExternalLabels(QObject *context,
                             std::function<void(const LabelSet &, const HttpError &)> done);

private:
    HttpClient *m_http;
};

} // namespace Stackscope
