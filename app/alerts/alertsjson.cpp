// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/alertsjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace Stackscope::AlertsJson {

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty() || text.startsWith("0001-01-01"_L1))
        return {};
    // Qt reads milliseconds; Go writes up to nanoseconds: cut the fraction to three digits.
    static const QRegularExpression fraction(u"\\.(\\d{1,3})\\d*"_s);
    QString t = text;
    t.replace(fraction, u".\\1"_s);
    QDateTime time = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(t, Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString formatTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

static LabelSet labelSet(const QJsonValue &value)
{
    LabelSet set;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        set.insert(it.key(), it.value().toString());
    return set;
}

static QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue v : value.toArray())
        list << v.toString();
    return list;
}

static QString alertFromAlertmanager(const QJsonValue &value, Alert *alert)
{
    if (!value.isObject())
        return QObject::tr("an alert is not a JSON object");
    const QJsonObject o = value.toObject();
    if (!o.value("labels"_L1).isObject())
        return QObject::tr("an alert has no labels");
    Alert a;
    a.labels = labelSet(o.value("labels"_L1));
    a.annotations = labelSet(o.value("annotations"_L1));
    a.fingerprint = o.value("fingerprint"_L1).toString();
    if (a.fingerprint.isEmpty())
        a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = parseTime(o.value("startsAt"_L1).toString());
    a.endsAt = parseTime(o.value("endsAt"_L1).toString());
    a.updatedAt = parseTime(o.value("updatedAt"_L1).toString());
    a.generatorUrl = o.value("generatorURL"_L1).toString();
    const QJsonObject status = o.value("status"_L1).toObject();
    a.silencedBy = strings(status.value("silencedBy"_L1));
    a.inhibitedBy = strings(status.value("inhibitedBy"_L1));
    a.silenced = !a.silencedBy.isEmpty();
    a.inhibited = !a.inhibitedBy.isEmpty();
    a.state = Alert::State::Firing;
    for (const QJsonValue r : o.value("receivers"_L1).toArray())
        a.receivers << r.toObject().value("name"_L1).toString();
    *alert = a;
    return {};
}

QString parseAlertmanagerAlerts(const QJsonDocument &doc, QList<Alert> *alerts)
{
    if (!doc.isArray())
        return QObject::tr("the alerts are not a JSON array");
    QList<Alert> out;
    const QJsonArray array = doc.array();
    out.reserve(array.size());
    for (const QJsonValue v : array) {
        Alert a;
        const QString error = alertFromAlertmanager(v, &a);
        if (!error.isEmpty())
            return error;
        out.append(a);
    }
    *alerts = out;
    return {};
}

QString parseAlertmanagerGroups(const QJsonDocument &doc, QList<AlertGroup> *groups)
{
    if (!doc.isArray())
        return QObject::tr("the alert groups are not a JSON array");
    QList<AlertGroup> out;
    for (const QJsonValue v : doc.array()) {
        const QJsonObject o = v.toObject();
        AlertGroup g;
        g.labels = labelSet(o.value("labels"_L1));
        g.receiver = o.value("receiver"_L1).toObject().value("name"_L1).toString();
        const QString error
            = parseAlertmanagerAlerts(QJsonDocument(o.value("alerts"_L1).toArray()), &g.alerts);
        if (!error.isEmpty())
            return error;
        g.fingerprints.reserve(g.alerts.size());
        for (const Alert &a : std::as_const(g.alerts))
            g.fingerprints << a.fingerprint;
        out.append(g);
    }
    *groups = out;
    return {};
}

QString parseAlertmanagerSilences(const QJsonDocument &doc, QList<Silence> *silences)
{
    if (!doc.isArray())
        return QObject::tr("the silences are not a JSON array");
    QList<Silence> out;
    for (const QJsonValue v : doc.array()) {
        const QJsonObject o = v.toObject();
        Silence s;
        s.id = o.value("id"_L1).toString();
        if (s.id.isEmpty())
            return QObject::tr("a silence has no id");
        for (const QJsonValue m : o.value("matchers"_L1).toArray()) {
            const QJsonObject mo = m.toObject();
            // isEqual arrived in 0.22; older servers only have equality matchers.
            s.matchers.append({mo.value("name"_L1).toString(), mo.value("value"_L1).toString(),
                               mo.value("isRegex"_L1).toBool(),
                               mo.value("isEqual"_L1).toBool(true)});
        }
        s.startsAt = parseTime(o.value("startsAt"_L1).toString());
        s.endsAt = parseTime(o.value("endsAt"_L1).toString());
        s.updatedAt = parseTime(o.value("updatedAt"_L1).toString());
        s.createdBy = o.value("createdBy"_L1).toString();
        s.comment = o.value("comment"_L1).toString();
        const QString state = o.value("status"_L1).toObject().value("state"_L1).toString();
        s.state = state == "pending"_L1   ? Silence::State::Pending
                  : state == "expired"_L1 ? Silence::State::Expired
                                          : Silence::State::Active;
        out.append(s);
    }
    *silences = out;
    return {};
}

QString parseAlertmanagerStatus(const QJsonDocument &doc, AlertmanagerStatus *status)
{
    if (!doc.isObject())
        return QObject::tr("the status is not a JSON object");
    const QJsonObject o = doc.object();
    AlertmanagerStatus s;
    s.version = o.value("versionInfo"_L1).toObject().value("version"_L1).toString();
    const QJsonObject cluster = o.value("cluster"_L1).toObject();
    s.clusterStatus = cluster.value("status"_L1).toString();
    s.startedAt = parseTime(o.value("uptime"_L1).toString());
    s.peerName = cluster.value("name"_L1).toString();
    for (const QJsonValue p : cluster.value("peers"_L1).toArray())
        s.peerNames << p.toObject().value("name"_L1).toString();
    if (!s.peerName.isEmpty() && !s.peerNames.contains(s.peerName))
        s.peerNames << s.peerName;
    *status = s;
    return {};
}

QString parseSilenceId(const QJsonDocument &doc, QString *id)
{
    const QString value = doc.object().value("silenceID"_L1).toString();
    if (value.isEmpty())
        return QObject::tr("the answer holds no silenceID");
    *id = value;
    return {};
}

QByteArray silenceBody(const Silence &silence)
{
    QJsonArray matchers;
    for (const SilenceMatcher &m : silence.matchers) {
        matchers.append(QJsonObject{{"name"_L1, m.name},
                                    {"value"_L1, m.value},
                                    {"isRegex"_L1, m.isRegex},
                                    {"isEqual"_L1, m.isEqual}});
    }
    QJsonObject o{{"matchers"_L1, matchers},
                  {"startsAt"_L1, formatTime(silence.startsAt)},
                  {"endsAt"_L1, formatTime(silence.endsAt)},
                  {"createdBy"_L1, silence.createdBy},
                  {"comment"_L1, silence.comment}};
    if (!silence.id.isEmpty())
        o.insert("id"_L1, silence.id);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

static QString prometheusData(const QJsonDocument &doc, QJsonObject *data)
{
    if (!doc.isObject())
        return QObject::tr("the answer is not a JSON object");
    const QJsonObject o = doc.object();
    if (o.value("status"_L1).toString() != "success"_L1) {
        const QString error = o.value("error"_L1).toString();
        return error.isEmpty() ? QObject::tr("the answer's status is not success") : error;
    }
    *data = o.value("data"_L1).toObject();
    return {};
}

static Alert alertFromPrometheus(const QJsonObject &o)
{
    Alert a;
    a.labels = labelSet(o.value("labels"_L1));
    a.annotations = labelSet(o.value("annotations"_L1));
    a.fingerprint = labelsFingerprint(a.labels);
    a.state = o.value("state"_L1).toString() == "firing"_L1 ? Alert::State::Firing
                                                            : Alert::State::Pending;
    a.startsAt = parseTime(o.value("activeAt"_L1).toString());
    a.value = o.value("value"_L1).toString();
    a.sources << u"prometheus"_s;
    return a;
}

QString parsePrometheusAlerts(const QJsonDocument &doc, QList<Alert> *alerts)
{
    QJsonObject data;
    const QString error = prometheusData(doc, &data);
    if (!error.isEmpty())
        return error;
    if (!data.value("alerts"_L1).isArray())
        return QObject::tr("the answer holds no alerts array");
    QList<Alert> out;
    for (const QJsonValue v : data.value("alerts"_L1).toArray()) {
        if (!v.isObject())
            return QObject::tr("an alert is not a JSON object");
        out.append(alertFromPrometheus(v.toObject()));
    }
    *alerts = out;
    return {};
}

QString parsePrometheusRules(const QJsonDocument &doc, QList<Rule> *rules)
{
    QJsonObject data;
    const QString error = prometheusData(doc, &data);
    if (!error.isEmpty())
        return error;
    if (!data.value("groups"_L1).isArray())
        return QObject::tr("the answer holds no groups array");
    QList<Rule> out;
    for (const QJsonValue g : data.value("groups"_L1).toArray()) {
        const QJsonObject go = g.toObject();
        for (const QJsonValue r : go.value("rules"_L1).toArray()) {
            const QJsonObject ro = r.toObject();
            Rule rule;
            rule.group = go.value("name"_L1).toString();
            rule.file = go.value("file"_L1).toString();
            rule.name = ro.value("name"_L1).toString();
            rule.alerting = ro.value("type"_L1).toString() == "alerting"_L1;
            rule.query = ro.value("query"_L1).toString();
            rule.durationSeconds = ro.value("duration"_L1).toDouble();
            rule.state = ro.value("state"_L1).toString();
            rule.health = ro.value("health"_L1).toString();
            rule.lastError = ro.value("lastError"_L1).toString();
            rule.lastEvaluation = parseTime(ro.value("lastEvaluation"_L1).toString());
            rule.evaluationSeconds = ro.value("evaluationTime"_L1).toDouble();
            rule.labels = labelSet(ro.value("labels"_L1));
            rule.annotations = labelSet(ro.value("annotations"_L1));
            rule.activeAlerts = int(ro.value("alerts"_L1).toArray().size());
            out.append(rule);
        }
    }
    *rules = out;
    return {};
}

QString parsePrometheusExternalLabels(const QJsonDocument &doc, LabelSet *labels)
{
    QJsonObject data;
    const QString error = prometheusData(doc, &data);
    if (!error.isEmpty())
        return error;
    if (!data.value("yaml"_L1).isString())
        return QObject::tr("the answer holds no configuration");
    LabelSet out;
    try {
        const YAML::Node root = YAML::Load(data.value("yaml"_L1).toString().toStdString());
        const YAML::Node external = root["global"]["external_labels"];
        if (external && external.IsMap()) {
            for (const auto &entry : external) {
                out.insert(QString::fromStdString(entry.first.as<std::string>()),
                           QString::fromStdString(entry.second.as<std::string>()));
            }
        }
    } catch (const YAML::Exception &e) {
        return QObject::tr("the configuration Prometheus returned is not YAML: %1")
            .arg(QString::fromStdString(e.what()));
    }
    *labels = out;
    return {};
}

} // namespace Stackscope::AlertsJson
