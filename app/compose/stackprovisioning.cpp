// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stackprovisioning.h"

#include "app/compose/stackendpoints.h"
#include "app/config/yamldocument.h"
#include "models/common/duration.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope", text);
}

using Kind = DiscoveredEndpoint::Kind;

const QString kProvisioningDashboards = u"/etc/grafana/provisioning/dashboards"_s;
/// Grafana resolves a relative provider path against its home, the official image's WORKDIR.
const QString kGrafanaHome = u"/usr/share/grafana"_s;
const QString kPrometheusConfig = u"/etc/prometheus/prometheus.yml"_s;
/// The official Prometheus image's WORKDIR, where a relative --config.file starts.
const QString kPrometheusWorkdir = u"/prometheus"_s;

const ComposeService *findService(const QList<ComposeService> &services, Kind kind)
{
    // A service recognised by its image beats one that only has the name.
    const ComposeService *byNameOnly = nullptr;
    for (const ComposeService &service : services) {
        bool byName = false;
        if (recogniseService(service, &byName) != kind)
            continue;
        if (!byName)
            return &service;
        if (!byNameOnly)
            byNameOnly = &service;
    }
    return byNameOnly;
}

QString absoluteIn(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : base + u'/' + path);
}

bool holds(const QString &target, const QString &path)
{
    return path == target || target == "/"_L1 || path.startsWith(target + u'/');
}

/// "line 3, column 5: message" of a parse that failed.
QString firstProblem(const YamlDocument &document)
{
    const QList<ConfigProblem> problems = document.problems();
    if (problems.isEmpty())
        return tr("not YAML");
    const ConfigProblem &p = problems.first();
    if (p.line <= 0)
        return p.message;
    return tr("line %1, column %2: %3").arg(p.line).arg(p.column).arg(p.message);
}

/// "line 3, column 5" of a node.
QString where(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    if (mark.is_null())
        return {};
    return tr("line %1, column %2").arg(mark.line + 1).arg(mark.column + 1);
}

QString scalar(const YAML::Node &node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

/// Records `path` to watch; for one that does not exist, the nearest folder that does (so that
/// creating it is seen).
void watch(QStringList &paths, const QString &path)
{
    QString p = QDir::cleanPath(path);
    while (!p.isEmpty() && !QFileInfo::exists(p)) {
        const QString parent = QFileInfo(p).path();
        if (parent == p)
            return;
        p = parent;
    }
    if (!p.isEmpty() && !paths.contains(p))
        paths.append(p);
}

/// The host side of `containerPath` in words, for a note: "/var/lib/grafana/dashboards (in the
/// volume grafana-data)" or "… (not mounted from the host)".
QString notOnHost(const QString &containerPath, const MountedPath &mapped)
{
    if (!mapped.volume.isEmpty())
        return tr("%1 is in the volume '%2', not mounted from the host")
            .arg(containerPath, mapped.volume);
    return tr("%1 is not mounted from the host").arg(containerPath);
}

struct Provider
{
    QString name;
    QString folder;
    QString path;
    bool foldersFromFiles = false;
};

/// The file providers of one provisioning file; notes for what is not one.
QList<Provider> readProviders(const QString &file, QStringList &notes)
{
    const QString name = QFileInfo(file).fileName();
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        notes << tr("%1: cannot be read: %2").arg(file, f.errorString());
        return {};
    }
    YamlDocument document(f.readAll());
    if (!document.parse()) {
        notes << tr("%1: %2").arg(file, firstProblem(document));
        return {};
    }
    QList<Provider> providers;
    for (const YAML::Node &root : document.documents()) {
        if (!root.IsMap())
            continue;
        const YAML::Node list = root["providers"];
        if (!list)
            continue;
        if (!list.IsSequence()) {
            notes << tr("%1, %2: 'providers' is not a list").arg(file, where(list));
            continue;
        }
        for (const YAML::Node &entry : list) {
            if (!entry.IsMap())
                continue;
            Provider provider;
            provider.name = scalar(entry["name"]);
            provider.folder = scalar(entry["folder"]);
            const QString type = scalar(entry["type"]);
            const QString label = provider.name.isEmpty()
                                      ? tr("a provider in %1").arg(name)
                                      : tr("provider '%1' (%2)").arg(provider.name, name);
            if (!type.isEmpty() && type != "file"_L1) {
                notes << tr("%1 is of type '%2'; only file providers are read").arg(label, type);
                continue;
            }
            const YAML::Node options = entry["options"];
            provider.path = options && options.IsMap() ? scalar(options["path"]) : QString();
            if (provider.path.isEmpty()) // Grafana before 5.1 put it beside the options
                provider.path = scalar(entry["path"]);
            if (provider.path.isEmpty()) {
                notes << tr("%1 has no options.path").arg(label);
                continue;
            }
            if (provider.path.contains(u'$')) {
                notes << tr("%1: options.path %2 names an environment variable, which only "
                            "Grafana knows")
                             .arg(label, provider.path);
                continue;
            }
            if (options && options.IsMap()) {
                const QString flag = scalar(options["foldersFromFilesStructure"]).toLower();
                provider.foldersFromFiles = flag == "true"_L1 || flag == "yes"_L1;
            }
            providers.append(provider);
        }
    }
    return providers;
}

/// The provisioning files of the dashboards folder, in the order Grafana reads them (by name),
/// with single-file bind mounts of the folder's files included.
QStringList providerFiles(const ComposeService &grafana, StackDashboards &result)
{
    const MountedPath folder = hostPathOf(grafana.mounts, kProvisioningDashboards);
    QMap<QString, QString> byName; // the file name as Grafana sees it → the host file
    const auto isYaml = [](const QString &fileName) {
        return fileName.endsWith(".yml"_L1) || fileName.endsWith(".yaml"_L1);
    };
    if (folder.onHost()) {
        watch(result.watchPaths, folder.hostPath);
        const QFileInfoList files
            = QDir(folder.hostPath).entryInfoList({u"*.yml"_s, u"*.yaml"_s}, QDir::Files);
        for (const QFileInfo &file : files)
            byName.insert(file.fileName(), file.absoluteFilePath());
        if (!QFileInfo(folder.hostPath).isDir())
            result.notes << tr("Grafana's provisioning folder %1 is mounted from %2, which does "
                               "not exist")
                                .arg(kProvisioningDashboards, folder.hostPath);
    }
    for (const ServiceMount &mount : grafana.mounts) {
        const QString target = QDir::cleanPath(mount.target);
        if (mount.bind && QFileInfo(target).path() == kProvisioningDashboards
            && isYaml(QFileInfo(target).fileName())) {
            byName.insert(QFileInfo(target).fileName(), mount.source);
            watch(result.watchPaths, mount.source);
        }
    }
    if (byName.isEmpty() && !folder.onHost()) {
        result.notes << tr("Grafana (service '%1') provisions no dashboards from the host: %2")
                            .arg(grafana.name, notOnHost(kProvisioningDashboards, folder));
    }
    return byName.values();
}

} // namespace

MountedPath hostPathOf(const QList<ServiceMount> &mounts, const QString &containerPath)
{
    MountedPath result;
    const QString path = QDir::cleanPath(containerPath);
    qsizetype best = -1;
    for (const ServiceMount &mount : mounts) {
        const QString target = QDir::cleanPath(mount.target);
        if (target.isEmpty() || !holds(target, path) || target.size() <= best)
            continue;
        best = target.size();
        result = {};
        result.mountTarget = target;
        if (mount.bind) {
            const QString rest = path.mid(target == "/"_L1 ? 0 : target.size());
            result.hostPath = QDir::cleanPath(mount.source + rest);
        } else {
            result.volume = mount.source.isEmpty() ? tr("anonymous") : mount.source;
        }
    }
    return result;
}

StackDashboards findStackDashboards(const QList<ComposeService> &services)
{
    StackDashboards result;
    const ComposeService *grafana = findService(services, Kind::Grafana);
    if (!grafana)
        return result;
    result.service = grafana->name;
    QSet<QString> seen;
    for (const QString &file : providerFiles(*grafana, result)) {
        for (const Provider &provider : readProviders(file, result.notes)) {
            const QString containerPath = absoluteIn(kGrafanaHome, provider.path);
            const MountedPath mapped = hostPathOf(grafana->mounts, containerPath);
            const QString label = provider.name.isEmpty()
                                      ? tr("a provider in %1").arg(QFileInfo(file).fileName())
                                      : tr("provider '%1'").arg(provider.name);
            if (!mapped.onHost()) {
                result.notes << tr("%1: %2").arg(label, notOnHost(containerPath, mapped));
                continue;
            }
            watch(result.watchPaths, mapped.hostPath);
            const QFileInfo root(mapped.hostPath);
            if (!root.exists()) {
                result.notes << tr("%1: the dashboards folder %2 (%3 in the container) does not "
                                   "exist")
                                    .arg(label, mapped.hostPath, containerPath);
                continue;
            }
            QStringList files;
            if (root.isFile()) { // Grafana takes a single file as the path, too
                files << root.absoluteFilePath();
            } else {
                QDirIterator it(mapped.hostPath, {u"*.json"_s}, QDir::Files,
                                QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
                while (it.hasNext())
                    files << it.next();
                QDirIterator dirs(mapped.hostPath, QDir::Dirs | QDir::NoDotAndDotDot,
                                  QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
                while (dirs.hasNext())
                    watch(result.watchPaths, dirs.next());
            }
            files.sort();
            if (files.isEmpty())
                result.notes << tr("%1: no dashboards in %2").arg(label, mapped.hostPath);
            for (const QString &path : std::as_const(files)) {
                const QString clean = QDir::cleanPath(path);
                if (seen.contains(clean))
                    continue;
                seen.insert(clean);
                ProvisionedDashboard dashboard{clean, provider.name, provider.folder};
                const QString parent = QFileInfo(clean).path();
                if (provider.foldersFromFiles && parent != QDir::cleanPath(mapped.hostPath))
                    dashboard.folder = QFileInfo(parent).fileName();
                result.dashboards.append(dashboard);
                watch(result.watchPaths, clean);
            }
        }
    }
    return result;
}

namespace {

bool hasWildcard(const QString &text)
{
    return text.contains(u'*') || text.contains(u'?') || text.contains(u'[');
}

QRegularExpression componentPattern(const QString &glob)
{
    return QRegularExpression(QRegularExpression::wildcardToRegularExpression(glob));
}

/// Expands `components` (glob parts of a path) below the host folder `base`, as Go's
/// filepath.Glob: a wildcard matches within one path component.
void expand(const QString &base, QStringList components, QStringList &out)
{
    if (components.isEmpty()) {
        if (QFileInfo(base).isFile())
            out << base;
        return;
    }
    const QString part = components.takeFirst();
    if (!hasWildcard(part)) {
        expand(base + u'/' + part, components, out);
        return;
    }
    const QRegularExpression pattern = componentPattern(part);
    QStringList names
        = QDir(base).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &name : std::as_const(names)) {
        if (pattern.match(name).hasMatch())
            expand(base + u'/' + name, components, out);
    }
}

/// A rule_files pattern (absolute, in the container) expanded to host files.
QStringList expandInContainer(const ComposeService &prometheus, const QString &pattern,
                              QStringList &watchPaths, MountedPath *prefixMount)
{
    QStringList out;
    // Single files bound into place: the pattern matches their targets.
    const QRegularExpression whole(QRegularExpression::wildcardToRegularExpression(pattern));
    for (const ServiceMount &mount : prometheus.mounts) {
        const QString target = QDir::cleanPath(mount.target);
        if (mount.bind && whole.match(target).hasMatch() && QFileInfo(mount.source).isFile()
            && hostPathOf(prometheus.mounts, target).hostPath == QDir::cleanPath(mount.source))
            out << QDir::cleanPath(mount.source);
    }
    // Then the folders: the part before the first wildcard is mapped, the rest globbed there.
    const QStringList parts = pattern.split(u'/', Qt::SkipEmptyParts);
    qsizetype fixed = 0;
    while (fixed < parts.size() && !hasWildcard(parts.at(fixed)))
        ++fixed;
    const QString prefix = u"/"_s + parts.mid(0, fixed).join(u'/');
    const MountedPath mapped = hostPathOf(prometheus.mounts, prefix);
    if (prefixMount)
        *prefixMount = mapped;
    if (mapped.onHost()) {
        watch(watchPaths, mapped.hostPath); // the file, or the folder globbed
        if (fixed < parts.size() || QFileInfo(mapped.hostPath).isFile()) {
            QStringList found;
            expand(mapped.hostPath, parts.mid(fixed), found);
            for (const QString &file : std::as_const(found)) {
                const QString clean = QDir::cleanPath(file);
                // A file another mount hides in the container is not the one Prometheus reads.
                const QString inContainer
                    = QDir::cleanPath(prefix + clean.mid(mapped.hostPath.size()));
                if (hostPathOf(prometheus.mounts, inContainer).hostPath == clean
                    && !out.contains(clean))
                    out << clean;
            }
        }
    }
    out.sort(); // Go's Glob answers in lexical order
    return out;
}

} // namespace

StackRuleFiles findStackRuleFiles(const QList<ComposeService> &services)
{
    StackRuleFiles result;
    const ComposeService *prometheus = findService(services, Kind::Prometheus);
    if (!prometheus)
        return result;
    result.service = prometheus->name;
    QString config = lastFlagValue(prometheus->entrypoint + prometheus->command, u"config.file"_s);
    config = absoluteIn(kPrometheusWorkdir, config.isEmpty() ? kPrometheusConfig : config);
    const MountedPath mappedConfig = hostPathOf(prometheus->mounts, config);
    if (!mappedConfig.onHost()) {
        result.notes << tr("Prometheus (service '%1'): its configuration %2")
                            .arg(prometheus->name, notOnHost(config, mappedConfig));
        return result;
    }
    result.configFile = mappedConfig.hostPath;
    watch(result.watchPaths, result.configFile);
    QFile file(result.configFile);
    if (!file.open(QIODevice::ReadOnly)) {
        result.notes << tr("%1: cannot be read: %2").arg(result.configFile, file.errorString());
        return result;
    }
    YamlDocument document(file.readAll());
    if (!document.parse()) {
        result.notes << tr("%1: %2").arg(result.configFile, firstProblem(document));
        return result;
    }
    const QString configDir = QFileInfo(config).path();
    for (const YAML::Node &root : document.documents()) {
        if (!root.IsMap())
            continue;
        const YAML::Node list = root["rule_files"];
        if (!list || list.IsNull())
            continue;
        if (!list.IsSequence()) {
            result.notes
                << tr("%1, %2: 'rule_files' is not a list").arg(result.configFile, where(list));
            continue;
        }
        for (const YAML::Node &entry : list) {
            const QString pattern = scalar(entry);
            if (pattern.isEmpty())
                continue;
            const QString inContainer = absoluteIn(configDir, pattern);
            MountedPath mount;
            const QStringList files
                = expandInContainer(*prometheus, inContainer, result.watchPaths, &mount);
            for (const QString &f : files) {
                if (!result.ruleFiles.contains(f)) {
                    result.ruleFiles << f;
                    watch(result.watchPaths, f);
                }
            }
            if (!files.isEmpty())
                continue;
            if (!mount.onHost() && !hasWildcard(inContainer)
                && !hostPathOf(prometheus->mounts, inContainer).onHost())
                result.notes
                    << tr("rule_files '%1': %2").arg(pattern, notOnHost(inContainer, mount));
            else
                result.notes << tr("rule_files '%1' (%2 in the container) matches no file on "
                                   "the host")
                                    .arg(pattern, inContainer);
        }
    }
    return result;
}

bool readRuleFile(const QString &path, QList<Rule> *rules, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot be read: %1").arg(file.errorString());
        return false;
    }
    YamlDocument document(file.readAll());
    if (!document.parse()) {
        *error = firstProblem(document);
        return false;
    }
    QList<Rule> out;
    const auto labelsOf = [](const YAML::Node &node) {
        LabelSet labels;
        if (node && node.IsMap()) {
            for (const auto &kv : node)
                labels.insert(QString::fromStdString(kv.first.Scalar()),
                              kv.second.IsScalar() ? QString::fromStdString(kv.second.Scalar())
                                                   : QString());
        }
        return labels;
    };
    for (const YAML::Node &root : document.documents()) {
        const YAML::Node groups = root.IsMap() ? root["groups"] : YAML::Node();
        if (!groups || !groups.IsSequence()) {
            *error = tr("%1: not a rule file (it has no list of 'groups')").arg(where(root));
            return false;
        }
        for (const YAML::Node &group : groups) {
            if (!group.IsMap() || !group["rules"] || !group["rules"].IsSequence()) {
                *error = tr("%1: a group without a list of 'rules'").arg(where(group));
                return false;
            }
            const QString groupName = scalar(group["name"]);
            for (const YAML::Node &node : group["rules"]) {
                if (!node.IsMap())
                    continue;
                Rule rule;
                rule.group = groupName;
                rule.file = path;
                rule.alerting = bool(node["alert"]);
                rule.name = scalar(rule.alerting ? node["alert"] : node["record"]);
                rule.query = scalar(node["expr"]).trimmed();
                if (const QString forText = scalar(node["for"]); !forText.isEmpty())
                    rule.durationSeconds
                        = parseDurationSeconds(forText, DurationSyntax::PromQL).value_or(0);
                rule.labels = labelsOf(node["labels"]);
                rule.annotations = labelsOf(node["annotations"]);
                out.append(rule);
            }
        }
    }
    *rules = out;
    return true;
}

QList<Rule> readRuleFiles(const QStringList &files, QStringList *problems)
{
    QList<Rule> rules;
    for (const QString &file : files) {
        QList<Rule> read;
        QString error;
        if (readRuleFile(file, &read, &error))
            rules += read;
        else if (problems)
            *problems << tr("%1: %2").arg(file, error);
    }
    return rules;
}

} // namespace Stackscope
