// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QJsonDocument>

namespace Stackscope {

/// One group of Alertmanager's /api/v2/alerts/groups.
struct AlertGroup
{
    LabelSet labels;
    QString receiver;
    QList<Alert> alerts;
    QStringList fingerprints; ///< its alerts' fingerprints, in order (kept when `alerts` is not)
};

/// What /api/v2/status says about one Alertmanager.
struct AlertmanagerStatus
{
    QString version;
    QString peerName;      ///< this instance's cluster name, empty when clustering is off
    QStringList peerNames; ///< every member of its cluster, itself included
    QString clusterStatus; ///< "ready", "settling", "disabled"
    /// When this instance started (the API's `uptime` is a start time). It holds alerts in
    /// memory only: just after a start its list is empty until Prometheus sends them again.
    QDateTime startedAt;
};

/// Parsers of the Alertmanager API v2 and Prometheus /api/v1 bodies. Each returns an empty string
/// on success, else one sentence saying what was wrong with the body; what parsed is kept out.
namespace AlertsJson {

/// RFC 3339 with up to nanoseconds; Go's zero time (year 1) is returned invalid.
QDateTime parseTime(const QString &text);
QString formatTime(const QDateTime &time);

QString parseAlertmanagerAlerts(const QJsonDocument &doc, QList<Alert> *alerts);
QString parseAlertmanagerGroups(const QJsonDocument &doc, QList<AlertGroup> *groups);
QString parseAlertmanagerSilences(const QJsonDocument &doc, QList<Silence> *silences);
QString parseAlertmanagerStatus(const QJsonDocument &doc, AlertmanagerStatus *status);
/// {"silenceID": "..."} of POST /api/v2/silences.
QString parseSilenceId(const QJsonDocument &doc, QString *id);
/// The body of POST /api/v2/silences (id empty: a new silence).
QByteArray silenceBody(const Silence &silence);

/// Prometheus /api/v1/alerts: pending and firing alerts with their value; fingerprints computed.
QString parsePrometheusAlerts(const QJsonDocument &doc, QList<Alert> *alerts);
/// Prometheus /api/v1/rules.
QString parsePrometheusRules(const QJsonDocument &doc, QList<Rule> *rules);
/// Prometheus /api/v1/status/config: the `global.external_labels` of the loaded configuration,
/// which Prometheus adds to every alert it sends to Alertmanager but not to /api/v1/alerts.
QString parsePrometheusExternalLabels(const QJsonDocument &doc, LabelSet *labels);

} // namespace AlertsJson
} // namespace Stackscope
