// SPDX-License-Identifier: GPL-3.0-or-later
// Alertmanager API v2 and Prometheus /api/v1 alert bodies: the document is parsed once (as
// HttpClient does) and handed to every AlertsJson reader; then what the alerts page derives from
// an alert (summary, runbook, expression from generatorURL) and a silence (matcher text, the
// POST body written back).
#include "app/alerts/alertsjson.h"
#include "tests/fuzz/fuzzcommon.h"

#include <QJsonDocument>

using namespace Stackscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(Fuzz::bytes(data, size), &error);
    if (error.error != QJsonParseError::NoError)
        return 0;

    const auto derive = [](const QList<Alert> &alerts) {
        for (const Alert &a : alerts) {
            Fuzz::keep(a.summary());
            Fuzz::keep(a.runbookUrl());
            Fuzz::keep(a.expression());
            Fuzz::keep(AlertsJson::formatTime(a.startsAt));
            Fuzz::keep(Silence::exactMatchers(a.labels));
        }
    };

    QList<Alert> alerts;
    AlertsJson::parseAlertmanagerAlerts(doc, &alerts);
    derive(alerts);
    QList<AlertGroup> groups;
    AlertsJson::parseAlertmanagerGroups(doc, &groups);
    for (const AlertGroup &g : std::as_const(groups))
        derive(g.alerts);
    QList<Silence> silences;
    AlertsJson::parseAlertmanagerSilences(doc, &silences);
    for (const Silence &s : std::as_const(silences)) {
        Fuzz::keep(s.matchersText());
        const QByteArray body = AlertsJson::silenceBody(s);
        if (QJsonDocument::fromJson(body).isNull())
            abort(); // silenceBody must always write valid JSON
    }
    AlertmanagerStatus status;
    AlertsJson::parseAlertmanagerStatus(doc, &status);
    QString id;
    AlertsJson::parseSilenceId(doc, &id);
    QList<Alert> promAlerts;
    AlertsJson::parsePrometheusAlerts(doc, &promAlerts);
    derive(promAlerts);
    QList<Rule> rules;
    AlertsJson::parsePrometheusRules(doc, &rules);
    for (const Rule &r : std::as_const(rules))
        Fuzz::keep(r.key());
    return 0;
}
