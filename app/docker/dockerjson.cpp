// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerjson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Stackscope::DockerJson {

namespace {

const QString ServiceLabel = u"com.docker.compose.service"_s;
const QString ProjectLabel = u"com.docker.compose.project"_s;
const QString WorkingDirLabel = u"com.docker.compose.project.working_dir"_s;
const QString ConfigFilesLabel = u"com.docker.compose.project.config_files"_s;
const QString OneOffLabel = u"com.docker.compose.oneoff"_s;

} // namespace

QDateTime parseTime(const QString &text)
{
    if (text.isEmpty() || text.startsWith("0001-"_L1))
        return {};
    QString t = text;
    // Qt reads at most milliseconds: cut the fraction to three digits.
    const qsizetype dot = t.indexOf(u'.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < t.size() && t.at(end).isDigit())
            ++end;
        const QString fraction = t.mid(dot + 1, end - dot - 1).left(3).leftJustified(3, u'0');
        t = t.left(dot) + u'.' + fraction + t.mid(end);
    }
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    return dt.toUTC();
}

QList<ContainerInfo> parseContainerList(const QByteArray &body, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && doc.isArray();
    QList<ContainerInfo> out;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        ContainerInfo c;
        c.id = o.value("Id"_L1).toString();
        if (c.id.isEmpty())
            continue;
        const QJsonArray names = o.value("Names"_L1).toArray();
        if (!names.isEmpty())
            c.name = names.first().toString().mid(1);
        const QJsonObject labels = o.value("Labels"_L1).toObject();
        c.service = labels.value(ServiceLabel).toString();
        c.image = o.value("Image"_L1).toString();
        c.state = o.value("State"_L1).toString();
        c.created = o.value("Created"_L1).toInteger();
        // "Status" carries the health for running containers: "Up 3 seconds (healthy)".
        const QString status = o.value("Status"_L1).toString();
        if (status.contains("(healthy)"_L1))
            c.health = u"healthy"_s;
        else if (status.contains("(unhealthy)"_L1))
            c.health = u"unhealthy"_s;
        else if (status.contains("(health: starting)"_L1))
            c.health = u"starting"_s;
        if (status.startsWith("Exited ("_L1)) {
            const qsizetype close = status.indexOf(u')');
            c.exitCode = status.mid(8, close - 8).toInt();
        }
        const QJsonArray ports = o.value("Ports"_L1).toArray();
        for (const QJsonValue &p : ports) {
            const int pub = p.toObject().value("PublicPort"_L1).toInt();
            if (pub > 0 && !c.hostPorts.contains(pub))
                c.hostPorts << pub;
        }
        out << c;
    }
    return out;
}

QList<StackContainer> parseStackContainers(const QByteArray &body, bool *ok, bool keepUnlabelled)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (ok)
        *ok = error.error == QJsonParseError::NoError && doc.isArray();
    QList<StackContainer> out;
    const QJsonArray array = doc.array();
    out.reserve(array.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        const QJsonObject labels = o.value("Labels"_L1).toObject();
        StackContainer c;
        c.project = labels.value(ProjectLabel).toString();
        if (c.project.isEmpty() && !keepUnlabelled)
            continue;
        const QJsonArray names = o.value("Names"_L1).toArray();
        if (!names.isEmpty())
            c.name = names.first().toString().mid(1);
        c.workingDir = labels.value(WorkingDirLabel).toString();
        // Compose joins the files with ','; a path with a comma in it cannot be told apart.
        const QString files = labels.value(ConfigFilesLabel).toString();
        for (const QString &file : files.split(u',', Qt::SkipEmptyParts))
            c.configFiles << file.trimmed();
        c.service = labels.value(ServiceLabel).toString();
        c.oneOff
            = labels.value(OneOffLabel).toString().compare("true"_L1, Qt::CaseInsensitive) == 0;
        c.state = o.value("State"_L1).toString();
        c.created = o.value("Created"_L1).toInteger();
        out << c;
    }
    return out;
}

bool applyInspect(ContainerInfo &c, const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    if (c.id.isEmpty())
        c.id = o.value("Id"_L1).toString();
    const QString name = o.value("Name"_L1).toString();
    if (!name.isEmpty())
        c.name = name.startsWith(u'/') ? name.mid(1) : name;
    const QJsonObject config = o.value("Config"_L1).toObject();
    const QJsonObject labels = config.value("Labels"_L1).toObject();
    if (labels.contains(ServiceLabel))
        c.service = labels.value(ServiceLabel).toString();
    if (config.contains("Image"_L1))
        c.image = config.value("Image"_L1).toString();
    c.tty = config.value("Tty"_L1).toBool();
    const QDateTime created = parseTime(o.value("Created"_L1).toString());
    if (created.isValid())
        c.created = created.toSecsSinceEpoch();
    const QJsonObject state = o.value("State"_L1).toObject();
    c.state = state.value("Status"_L1).toString(c.state);
    c.exitCode = state.value("ExitCode"_L1).toInt();
    c.startedAt = parseTime(state.value("StartedAt"_L1).toString());
    c.finishedAt = parseTime(state.value("FinishedAt"_L1).toString());
    c.restartCount = o.value("RestartCount"_L1).toInt();
    const QJsonObject health = state.value("Health"_L1).toObject();
    c.health = health.value("Status"_L1).toString();
    c.healthFailingStreak = health.value("FailingStreak"_L1).toInt();
    const QJsonArray log = health.value("Log"_L1).toArray();
    c.healthOutput.clear();
    if (!log.isEmpty()) {
        const QJsonObject last = log.last().toObject();
        c.healthOutput = last.value("Output"_L1).toString();
        if (c.healthOutput.trimmed().isEmpty())
            c.healthOutput
                = QObject::tr("(no output, exit code %1)").arg(last.value("ExitCode"_L1).toInt());
    }
    const QJsonObject ports = o.value("NetworkSettings"_L1).toObject().value("Ports"_L1).toObject();
    c.hostPorts.clear();
    for (auto it = ports.begin(); it != ports.end(); ++it) {
        const QJsonArray bindings = it.value().toArray();
        for (const QJsonValue &b : bindings) {
            const int p = b.toObject().value("HostPort"_L1).toString().toInt();
            if (p > 0 && !c.hostPorts.contains(p))
                c.hostPorts << p;
        }
    }
    std::sort(c.hostPorts.begin(), c.hostPorts.end());
    c.inspected = true;
    return true;
}

std::optional<Event> parseEvent(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Event e;
    e.type = o.value("Type"_L1).toString();
    e.action = o.value("Action"_L1).toString(o.value("status"_L1).toString());
    const QJsonObject actor = o.value("Actor"_L1).toObject();
    e.id = actor.value("ID"_L1).toString(o.value("id"_L1).toString());
    const QJsonObject attributes = actor.value("Attributes"_L1).toObject();
    e.service = attributes.value(ServiceLabel).toString();
    e.project = attributes.value(ProjectLabel).toString();
    if (attributes.contains("exitCode"_L1))
        e.exitCode = attributes.value("exitCode"_L1).toString().toInt();
    e.timeNano = o.value("timeNano"_L1).toInteger(); // 0 when not a whole number in range
    if (e.action.isEmpty())
        return std::nullopt;
    return e;
}

std::optional<Stats> parseStats(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    Stats s;
    const QJsonObject cpu = o.value("cpu_stats"_L1).toObject();
    const QJsonObject pre = o.value("precpu_stats"_L1).toObject();
    const double total = cpu.value("cpu_usage"_L1).toObject().value("total_usage"_L1).toDouble();
    const double preTotal = pre.value("cpu_usage"_L1).toObject().value("total_usage"_L1).toDouble();
    const double system = cpu.value("system_cpu_usage"_L1).toDouble();
    const double preSystem = pre.value("system_cpu_usage"_L1).toDouble();
    double online = cpu.value("online_cpus"_L1).toDouble();
    if (online <= 0)
        online = double(
            cpu.value("cpu_usage"_L1).toObject().value("percpu_usage"_L1).toArray().size());
    if (online <= 0)
        online = 1;
    const double cpuDelta = total - preTotal;
    const double systemDelta = system - preSystem;
    if (preSystem > 0 && systemDelta > 0 && cpuDelta >= 0)
        s.cpuPercent = cpuDelta / systemDelta * online * 100.0;
    const QJsonObject mem = o.value("memory_stats"_L1).toObject();
    if (mem.contains("usage"_L1)) {
        const qint64 usage = mem.value("usage"_L1).toInteger();
        const QJsonObject st = mem.value("stats"_L1).toObject();
        // cgroup v1 reports total_inactive_file, v2 inactive_file; the CLI subtracts either.
        qint64 inactive = -1;
        if (st.contains("total_inactive_file"_L1))
            inactive = st.value("total_inactive_file"_L1).toInteger();
        else if (st.contains("inactive_file"_L1))
            inactive = st.value("inactive_file"_L1).toInteger();
        s.memoryBytes = (inactive >= 0 && inactive < usage) ? usage - inactive : usage;
        s.memoryLimit = mem.value("limit"_L1).toInteger();
    }
    return s;
}

} // namespace Stackscope::DockerJson
