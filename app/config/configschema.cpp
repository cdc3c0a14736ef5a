// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration file's schema: every key, the values it takes and where they go in Config.
// To add a key, add it here (its default is the member initializer in models/config/config.h),
// to resources/config/default.yaml and to the documentation; app/config/README.md has the list.
#include "app/config/configschema.h"

#include "app/config/yamlreader.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {

constexpr qint64 kMinBodyBytes = 1024; // no backend answer fits in less

/// Stores a value that was read; a value that was not (and was reported) leaves the default.
template<typename T>
void assign(T &field, const std::optional<T> &value)
{
    if (value)
        field = *value;
}

class ConfigSchema
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    ConfigSchema(YamlReader &reader, Config &config)
        : m_reader(reader)
        , m_config(config)
    {
        m_reader.refuseKeys({u"password"_s, u"passwd"_s, u"token"_s, u"secret"_s, u"api_key"_s,
                             u"bearer_token"_s, u"access_token"_s, u"client_secret"_s},
                            tr("'%1': secrets are not stored in the file; name the environment "
                               "variable that holds it in 'secret_env' (under 'auth')"));
    }

    void read(const std::vector<YAML::Node> &documents)
    {
        if (documents.empty()) {
            problem(YAML::Mark(), // line 1, column 1
                    tr("the file is empty: it needs at least 'version: 1'"));
            return;
        }
        if (documents.size() > 1) {
            problem(
                documents.at(1).Mark(),
                tr("only one YAML document is allowed: remove the '---' line and what follows"));
        }
        readRoot(documents.front());
    }

private:
    using Keys = YamlReader::Keys;

    void problem(const YAML::Mark &mark, const QString &message)
    {
        m_reader.problem(mark, message);
    }

    /// A handler that reads a mapping with `read`.
    YamlReader::Handler section(void (ConfigSchema::*read)(const YAML::Node &))
    {
        return [this, read](const YamlEntry &entry) {
            if (m_reader.expectMap(entry))
                (this->*read)(entry.value);
        };
    }

    void readRoot(const YAML::Node &root)
    {
        if (!root.IsMap()) {
            problem(root.Mark(), tr("expected a mapping (lines of 'key: value') at the top level, "
                                    "not %1")
                                     .arg(YamlReader::describe(root)));
            return;
        }
        if (!readVersion(root))
            return;
        const YamlReader::Handler alreadyRead = [](const YamlEntry &) {
            // by readVersion()
        };
        m_reader.forEachKey(root, QString(),
                            Keys{
                                {u"version"_s, alreadyRead},
                                {u"stack"_s, section(&ConfigSchema::readStack)},
                                {u"stacks"_s,
                                 [this](const YamlEntry &entry) {
                                     readStacks(entry);
                                 }},
                                {u"endpoints"_s, section(&ConfigSchema::readEndpoints)},
                                {u"refresh"_s, section(&ConfigSchema::readRefresh)},
                                {u"notifications"_s, section(&ConfigSchema::readNotifications)},
                                {u"alerts"_s, section(&ConfigSchema::readAlerts)},
                                {u"self_metrics"_s, section(&ConfigSchema::readSelfMetrics)},
                                {u"http"_s, section(&ConfigSchema::readHttp)},
                            });
    }

    /// False when the file is for a newer format: its other keys are then not ours to judge.
    bool readVersion(const YAML::Node &root)
    {
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != "version")
                continue;
            const YamlEntry entry{u"version"_s, it->first, it->second};
            bool ok = false;
            const int version = entry.value.IsScalar()
                                    ? QString::fromStdString(entry.value.Scalar()).toInt(&ok)
                                    : 0;
            if (ok && version > 1) {
                problem(entry.mark(), tr("this file is for a newer Stackscope (version %1); this "
                                         "build reads version 1")
                                          .arg(version));
                return false;
            }
            if (!ok || version != 1)
                problem(entry.mark(),
                        tr("'version' must be 1, not %1").arg(YamlReader::describe(entry.value)));
            return true;
        }
        problem(root.Mark(), tr("missing 'version: 1': the file must say which format it is in"));
        return true;
    }

    void readStack(const YAML::Node &node)
    {
        readStackInto(node, u"stack"_s, m_config.stack, nullptr);
    }

    /// `stacks:`, a list of stacks with the keys of `stack:` and a `name`.
    void readStacks(const YamlEntry &entry)
    {
        const YAML::Node &node = entry.value;
        if (!node || node.IsNull())
            return; // `stacks:` with nothing under it
        if (!node.IsSequence()) {
            problem(entry.mark(), tr("expected a list of stacks ('- name: ...' items with "
                                     "'compose_files') for 'stacks', not %1")
                                      .arg(YamlReader::describe(node)));
            return;
        }
        QList<NamedStack> stacks;
        QSet<QString> names;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node item = *it;
            if (!item.IsMap()) {
                problem(
                    item.Mark(),
                    tr("each stack needs 'compose_files', not %1").arg(YamlReader::describe(item)));
                continue;
            }
            NamedStack named;
            readStackInto(item, u"stacks"_s, named.stack, &named.name);
            if (named.stack.composeFiles.isEmpty()) {
                problem(item.Mark(), tr("each stack needs 'compose_files'"));
                continue;
            }
            if (named.name.isEmpty())
                named.name = !named.stack.project.isEmpty()
                                 ? named.stack.project
                                 : QFileInfo(named.stack.composeFiles.first()).dir().dirName();
            if (names.contains(named.name)) {
                problem(item.Mark(),
                        tr("two stacks are called '%1': give one a 'name'").arg(named.name));
                continue;
            }
            names.insert(named.name);
            stacks.append(named);
        }
        m_config.stacks = stacks;
    }

    void readStackInto(const YAML::Node &node, const QString &section, StackConfig &stack,
                       QString *name)
    {
        // Empty: as compose names the project (see ComposeProject).
        static const QRegularExpression projectName(u"^(?:[a-z0-9][a-z0-9_-]*)?\\z"_s);
        static const QRegularExpression daemonAddress(u"^(?:\\z|(?:unix|tcp|ssh|fd|npipe)://)"_s);
        Keys keys{
            {u"compose_files"_s,
             [&](const YamlEntry &entry) {
                 const auto files = m_reader.readTextList(entry);
                 if (!files)
                     return;
                 if (files->isEmpty()) {
                     problem(entry.mark(), tr("'compose_files' needs at least one file"));
                     return;
                 }
                 stack.composeFiles.clear();
                 for (const QString &file : *files)
                     stack.composeFiles.append(m_reader.resolvePath(file));
             }},
            {u"project"_s,
             [&](const YamlEntry &entry) {
                 assign(stack.project,
                        m_reader.readMatching(
                            entry, projectName,
                            tr("'project' must be a compose project name (lowercase letters, "
                               "digits, '_' and '-', starting with a letter or digit), not "
                               "'%1'")));
             }},
            {u"env_file"_s,
             [&](const YamlEntry &entry) {
                 assign(stack.envFile, m_reader.readPath(entry));
             }},
            {u"profiles"_s,
             [&](const YamlEntry &entry) {
                 assign(stack.profiles, m_reader.readTextList(entry));
             }},
            {u"compose_command"_s,
             [&](const YamlEntry &entry) {
                 assign(stack.composeCommand, m_reader.readTextList(entry));
             }},
            {u"docker_host"_s, // empty = find the daemon as the docker CLI does
             [&](const YamlEntry &entry) {
                 assign(stack.dockerHost,
                        m_reader.readMatching(entry, daemonAddress,
                                              tr("'docker_host' must be a daemon address such "
                                                 "as unix:///run/user/1000/docker.sock or "
                                                 "tcp://127.0.0.1:2375, not '%1'")));
             }},
        };
        if (name) {
            keys.append({u"name"_s, [&](const YamlEntry &entry) {
                             if (const auto text = m_reader.readText(entry))
                                 *name = text->trimmed();
                         }});
        }
        m_reader.forEachKey(node, section, keys);
    }

    void readEndpoints(const YAML::Node &node)
    {
        const auto endpoint = [this](EndpointConfig &into, const QString &section) {
            return [this, &into, section](const YamlEntry &entry) {
                if (!m_reader.expectMap(entry))
                    return;
                const EndpointConfig before = into;
                readEndpoint(entry.value, section, into);
                markFromFile(before, into);
            };
        };
        m_reader.forEachKey(
            node, u"endpoints"_s,
            Keys{
                {u"prometheus"_s, endpoint(m_config.prometheus, u"endpoints.prometheus"_s)},
                {u"alertmanagers"_s,
                 [this](const YamlEntry &entry) {
                     readAlertmanagers(entry);
                 }},
                {u"jaeger"_s, endpoint(m_config.jaeger, u"endpoints.jaeger"_s)},
                {u"grafana"_s, endpoint(m_config.grafana, u"endpoints.grafana"_s)},
                {u"loki"_s, endpoint(m_config.loki, u"endpoints.loki"_s)},
            });
    }

    /// A list of endpoints; a single one may be written without the list.
    void readAlertmanagers(const YamlEntry &entry)
    {
        const QString section = u"endpoints.alertmanagers"_s;
        QList<EndpointConfig> alertmanagers;
        auto readOne = [&](const YAML::Node &item, const YAML::Mark &fallback) {
            EndpointConfig endpoint;
            if (!item.IsMap()) {
                problem(item.Mark().is_null() ? fallback : item.Mark(),
                        tr("expected a mapping with a 'url' for each Alertmanager, not %1")
                            .arg(YamlReader::describe(item)));
                return;
            }
            if (!item["url"] || item["url"].IsNull())
                problem(item.Mark(), tr("each Alertmanager needs a 'url'"));
            readEndpoint(item, section, endpoint, true);
            alertmanagers.append(endpoint);
        };
        if (entry.value.IsMap()) {
            readOne(entry.value, entry.mark());
        } else if (entry.value.IsSequence()) {
            for (auto it = entry.value.begin(); it != entry.value.end(); ++it)
                readOne(*it, entry.mark());
        } else {
            problem(entry.mark(), tr("expected a list of Alertmanagers ('- url: ...' items) for "
                                     "'alertmanagers', not %1")
                                      .arg(YamlReader::describe(entry.value)));
            return;
        }
        if (alertmanagers == m_config.alertmanagers)
            return; // the default list, as the first run writes it out
        for (EndpointConfig &endpoint : alertmanagers)
            endpoint.origin = EndpointConfig::Origin::File;
        m_config.alertmanagers = alertmanagers;
    }

    /// An endpoint the file sets is the user's (and wins over one found in the stack), unless
    /// it is exactly the default: the first run writes every endpoint out, so that value is no
    /// choice of the user's (as `project: stackscope` is not, issue 13).
    static void markFromFile(const EndpointConfig &before, EndpointConfig &endpoint)
    {
        if (!(endpoint == before))
            endpoint.origin = EndpointConfig::Origin::File;
    }

    /// `cluster` is a key of Alertmanagers only (`withCluster`).
    void readEndpoint(const YAML::Node &node, const QString &section, EndpointConfig &endpoint,
                      bool withCluster = false)
    {
        Keys keys{
            {u"url"_s,
             [&](const YamlEntry &entry) {
                 assign(endpoint.url, m_reader.readUrl(entry));
             }},
            {u"timeout"_s,
             [&](const YamlEntry &entry) {
                 assign(endpoint.timeout, m_reader.readDuration(entry, 1ms, tr("longer than 0s")));
             }},
            {u"auth"_s,
             [&](const YamlEntry &entry) {
                 if (m_reader.expectMap(entry))
                     readAuth(entry, section + u".auth"_s, endpoint.auth);
             }},
            {u"ca_file"_s,
             [&](const YamlEntry &entry) {
                 const auto path = m_reader.readPath(entry);
                 if (!path || path->isEmpty())
                     return;
                 const QFileInfo file(*path);
                 if (!file.exists())
                     problem(entry.mark(),
                             tr("'ca_file' names a file that does not exist: %1").arg(*path));
                 else if (!file.isFile() || !file.isReadable())
                     problem(entry.mark(), tr("'ca_file' is not a readable file: %1").arg(*path));
                 else
                     endpoint.caFile = *path;
             }},
            {u"insecure_skip_verify"_s,
             [&](const YamlEntry &entry) {
                 assign(endpoint.insecureSkipVerify, m_reader.readBool(entry));
             }},
        };
        if (withCluster) {
            static const QRegularExpression clusterName(u"^[A-Za-z0-9][A-Za-z0-9_.-]*\\z"_s);
            keys.push_back(
                {u"cluster"_s, [&](const YamlEntry &entry) {
                     assign(endpoint.cluster,
                            m_reader.readMatching(entry, clusterName,
                                                  tr("'cluster' must be a name of letters, digits, "
                                                     "'_', '.' and '-', not '%1'")));
                 }});
        }
        m_reader.forEachKey(node, section, keys);
    }

    /// The keys, then what each type needs of the others.
    void readAuth(const YamlEntry &authEntry, const QString &section, AuthConfig &auth)
    {
        static const QRegularExpression variableName(u"^[A-Za-z_][A-Za-z0-9_]*\\z"_s);
        std::optional<YamlEntry> typeEntry;
        std::optional<YamlEntry> usernameEntry;
        std::optional<YamlEntry> secretEntry;
        bool typeOk = true;
        m_reader.forEachKey(
            authEntry.value, section,
            Keys{
                {u"type"_s,
                 [&](const YamlEntry &entry) {
                     typeEntry = entry;
                     const auto type = m_reader.readChoice(
                         entry, {u"basic"_s, u"bearer"_s, u"none"_s},
                         tr("'type' must be basic, bearer or none, not '%1'"));
                     typeOk = type.has_value();
                     if (type == u"basic"_s)
                         auth.type = AuthConfig::Type::Basic;
                     else if (type == u"bearer"_s)
                         auth.type = AuthConfig::Type::Bearer;
                     else if (type == u"none"_s)
                         auth.type = AuthConfig::Type::None;
                 }},
                {u"username"_s,
                 [&](const YamlEntry &entry) {
                     usernameEntry = entry;
                     assign(auth.username, m_reader.readText(entry));
                 }},
                {u"secret_env"_s,
                 [&](const YamlEntry &entry) {
                     secretEntry = entry;
                     assign(auth.secretEnv,
                            m_reader.readMatching(entry, variableName,
                                                  tr("'secret_env' must be the name of an "
                                                     "environment variable, such as PROM_TOKEN, "
                                                     "not '%1'")));
                 }},
            });

        if (!typeEntry) {
            problem(authEntry.mark(), tr("'auth' needs a 'type': basic or bearer"));
            return;
        }
        if (!typeOk)
            return;
        const YAML::Mark at = typeEntry->mark();
        switch (auth.type) {
        case AuthConfig::Type::Basic:
            if (!usernameEntry || auth.username.isEmpty())
                problem(at, tr("basic auth needs a 'username'"));
            if (!secretEntry)
                problem(at, tr("basic auth needs 'secret_env': the name of the environment "
                               "variable that holds the password"));
            break;
        case AuthConfig::Type::Bearer:
            if (usernameEntry)
                problem(usernameEntry->keyNode.Mark(),
                        tr("'username' is only used with type: basic"));
            if (!secretEntry)
                problem(at, tr("bearer auth needs 'secret_env': the name of the environment "
                               "variable that holds the token"));
            break;
        case AuthConfig::Type::None:
            if (usernameEntry)
                problem(usernameEntry->keyNode.Mark(),
                        tr("'username' is only used with type: basic"));
            if (secretEntry)
                problem(secretEntry->keyNode.Mark(),
                        tr("'secret_env' is not used with type: none"));
            break;
        }
    }

    void readRefresh(const YAML::Node &node)
    {
        RefreshConfig &refresh = m_config.refresh;
        const auto interval = [this](std::chrono::milliseconds &field) {
            return [this, &field](const YamlEntry &entry) {
                assign(field, m_reader.readDuration(entry, 1s, tr("at least 1s")));
            };
        };
        m_reader.forEachKey(node, u"refresh"_s,
                            Keys{
                                {u"status"_s, interval(refresh.status)},
                                {u"stack"_s, interval(refresh.stack)},
                                {u"metrics"_s, interval(refresh.metrics)},
                                {u"alerts"_s, interval(refresh.alerts)},
                                {u"traces"_s, interval(refresh.traces)},
                            });
    }

    void readNotifications(const YAML::Node &node)
    {
        NotificationConfig &notifications = m_config.notifications;
        m_reader.forEachKey(
            node, u"notifications"_s,
            Keys{
                {u"enabled"_s,
                 [&](const YamlEntry &entry) {
                     assign(notifications.enabled, m_reader.readBool(entry));
                 }},
                {u"min_severity"_s,
                 [&](const YamlEntry &entry) {
                     assign(notifications.minSeverity,
                            m_reader.readChoice(
                                entry, {u"info"_s, u"warning"_s, u"critical"_s},
                                tr("'min_severity' must be info, warning or critical, not '%1'")));
                 }},
                {u"notify_resolved"_s,
                 [&](const YamlEntry &entry) {
                     assign(notifications.notifyResolved, m_reader.readBool(entry));
                 }},
                {u"sound"_s,
                 [&](const YamlEntry &entry) {
                     assign(notifications.sound, m_reader.readBool(entry));
                 }},
                {u"storm_threshold"_s,
                 [&](const YamlEntry &entry) {
                     assign(notifications.stormThreshold, m_reader.readInt(entry, 1, 10000));
                 }},
                {u"severity_label"_s,
                 [&](const YamlEntry &entry) {
                     static const QRegularExpression name(u"^[a-zA-Z_][a-zA-Z0-9_]*\\z"_s);
                     assign(notifications.severity.label,
                            m_reader.readMatching(entry, name,
                                                  tr("'severity_label' must be a label name "
                                                     "(letters, digits and _), not '%1'")));
                 }},
                {u"severity_levels"_s,
                 [&](const YamlEntry &entry) {
                     readSeverityLevels(entry.value);
                 }},
                {u"without_severity"_s,
                 [&](const YamlEntry &entry) {
                     const auto level = m_reader.readChoice(
                         entry, {u"none"_s, u"info"_s, u"warning"_s, u"critical"_s},
                         tr("'without_severity' must be none, info, warning or critical, not "
                            "'%1'"));
                     if (level) {
                         static const QStringList ranks{u"none"_s, u"info"_s, u"warning"_s,
                                                        u"critical"_s};
                         notifications.severity.withoutSeverity = int(ranks.indexOf(*level));
                     }
                 }},
            });
    }

    void readSeverityLevels(const YAML::Node &node)
    {
        SeverityScale &scale = m_config.notifications.severity;
        const auto level = [this](QStringList &into) {
            return [this, &into](const YamlEntry &entry) {
                if (const auto aliases = m_reader.readTextList(entry)) {
                    into.clear();
                    for (const QString &alias : *aliases)
                        into << alias.trimmed().toLower();
                }
            };
        };
        m_reader.forEachKey(node, u"notifications.severity_levels"_s,
                            Keys{
                                {u"critical"_s, level(scale.critical)},
                                {u"warning"_s, level(scale.warning)},
                                {u"info"_s, level(scale.info)},
                            });
    }

    void readAlerts(const YAML::Node &node)
    {
        m_reader.forEachKey(node, u"alerts"_s,
                            Keys{
                                {u"history_days"_s,
                                 [&](const YamlEntry &entry) {
                                     assign(m_config.alerts.historyDays,
                                            m_reader.readInt(entry, 1, 366));
                                 }},
                            });
    }

    void readSelfMetrics(const YAML::Node &node)
    {
        SelfMetricsConfig &selfMetrics = m_config.selfMetrics;
        m_reader.forEachKey(
            node, u"self_metrics"_s,
            Keys{
                {u"enabled"_s,
                 [&](const YamlEntry &entry) {
                     assign(selfMetrics.enabled, m_reader.readBool(entry));
                 }},
                {u"listen"_s,
                 [&](const YamlEntry &entry) {
                     static const QRegularExpression address(
                         u"^(\\[[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?\\]|[A-Za-z0-9_.-]+):([0-9]{1,5})\\z"_s);
                     const auto listen = m_reader.readText(entry);
                     if (!listen)
                         return;
                     const auto match = address.match(*listen);
                     const int port = match.hasMatch() ? match.captured(3).toInt() : 0;
                     if (port < 1 || port > 65535) {
                         problem(entry.mark(),
                                 tr("'listen' must be host:port with a port from 1 to 65535, "
                                    "such as 127.0.0.1:9465 (IPv6 as [::1]:9465), not '%1'")
                                     .arg(*listen));
                         return;
                     }
                     selfMetrics.listen = *listen;
                 }},
            });
    }

    void readHttp(const YAML::Node &node)
    {
        m_reader.forEachKey(
            node, u"http"_s,
            Keys{
                {u"max_body"_s,
                 [&](const YamlEntry &entry) {
                     assign(m_config.http.maxBodyBytes,
                            m_reader.readSize(entry, kMinBodyBytes, tr("at least 1KiB")));
                 }},
            });
    }

    YamlReader &m_reader;
    Config &m_config;
};

} // namespace

Config configDefaults(const QString &stackDir)
{
    Config config;
    config.stack.composeFiles = {QDir::cleanPath(stackDir + u"/docker-compose.yml"_s)};
    config.prometheus.url = QUrl(u"http://127.0.0.1:9091"_s);
    EndpointConfig alertmanager;
    alertmanager.url = QUrl(u"http://127.0.0.1:9093"_s);
    config.alertmanagers = {alertmanager};
    config.jaeger.url = QUrl(u"http://127.0.0.1:16686"_s);
    config.grafana.url = QUrl(u"http://127.0.0.1:3000"_s);
    config.loki.url = QUrl(u"http://127.0.0.1:3100"_s);
    return config;
}

void readConfig(YamlReader &reader, const std::vector<YAML::Node> &documents, Config *config)
{
    ConfigSchema(reader, *config).read(documents);
}

} // namespace Stackscope
