// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/stack/composeservice.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// Where a path inside a container lives on the host, through the service's mounts.
struct MountedPath
{
    QString hostPath; ///< the host path, when a bind mount holds it; empty otherwise
    QString volume;   ///< the named volume that holds it instead, when one does
    /// The bind mount's or volume's target that decided (the longest that holds the path).
    QString mountTarget;

    bool onHost() const { return !hostPath.isEmpty(); }
};

/// A dashboard file the stack's Grafana provisions.
struct ProvisionedDashboard
{
    QString hostPath; ///< the JSON file on the host
    QString provider; ///< the provider's `name`
    QString folder;   ///< the Grafana folder it goes to (the provider's, or its subfolder's name)

    friend bool operator==(const ProvisionedDashboard &, const ProvisionedDashboard &) = default;
};

/// The dashboards the Grafana service of a stack provisions from files on the host.
struct StackDashboards
{
    QString service; ///< the Grafana service; empty when the stack has none
    QList<ProvisionedDashboard> dashboards;
    /// What could not be followed, one sentence each ("provider 'x': … is not mounted from the
    /// host"), for the user to read beside the list.
    QStringList notes;
    /// The files and folders whose change may change the list or a dashboard (existing paths;
    /// for a missing one, the nearest folder that exists).
    QStringList watchPaths;

    friend bool operator==(const StackDashboards &, const StackDashboards &) = default;
};

/// The rule files the Prometheus service of a stack loads, on the host.
struct StackRuleFiles
{
    QString service;       ///< the Prometheus service; empty when the stack has none
    QString configFile;    ///< its configuration file on the host; empty when not mounted
    QStringList ruleFiles; ///< `rule_files` expanded, host paths, in the order Prometheus reads
    QStringList notes;     ///< as StackDashboards::notes
    QStringList watchPaths;

    friend bool operator==(const StackRuleFiles &, const StackRuleFiles &) = default;
};

/// Maps `containerPath` (absolute; cleaned) through `mounts`: the mount whose target holds it
/// with the longest target wins, as in the container, where the deeper mount hides the other.
MountedPath hostPathOf(const QList<ServiceMount> &mounts, const QString &containerPath);

/// Follows the Grafana service's provisioning (found by its image, as discoverEndpoints()
/// recognises it): the dashboard providers in `/etc/grafana/provisioning/dashboards/*.yml|yaml`
/// read from the host through its bind mounts, each `type: file` provider's `options.path`
/// mapped back to the host, and the `*.json` files below it (recursively; with
/// `foldersFromFilesStructure` each file's folder is its subfolder's name). Reads the provider
/// files and lists folders; never throws, never reads the dashboards themselves. What cannot be
/// followed (a path not mounted from the host, a missing folder, a provider file that is not
/// YAML) becomes a note.
StackDashboards findStackDashboards(const QList<ComposeService> &services);

/// Follows the Prometheus service's configuration: `--config.file` (by default
/// /etc/prometheus/prometheus.yml) mapped to the host through its mounts, its `rule_files`
/// (relative to the configuration file's folder, globs allowed) mapped and expanded, as the
/// container sees them: single-file bind mounts included. Notes as findStackDashboards().
StackRuleFiles findStackRuleFiles(const QList<ComposeService> &services);

/// Reads one Prometheus rule file (`groups: [{name, rules: [{alert|record, expr, for, labels,
/// annotations}]}]`) into rules with their group and file set, and no state (they come from the
/// file, not from a running Prometheus). False with `error` ("line 3, column 5: …") when the
/// file cannot be read or is not a rule file.
bool readRuleFile(const QString &path, QList<Rule> *rules, QString *error);

/// Every rule of `files`, in order; a file that cannot be read adds "FILE: error" to `problems`.
QList<Rule> readRuleFiles(const QStringList &files, QStringList *problems);

} // namespace Stackscope
