// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/stackprovisioning.h"
#include "models/metrics/dashboard.h"

#include <QList>
#include <QString>

namespace Stackscope {

/// Where dashboards live: the bundled ones (resource `:/metrics/dashboards/*.yaml`) and the
/// user's, `<config dir>/dashboards/*.{json,yaml,yml}`. Imports are written there atomically.
namespace DashboardStore {
/// `<folder of configFile>/dashboards`.
QString directoryFor(const QString &configFile);
/// The bundled dashboards, then the folder's (sorted by file name). Files that cannot be read
/// are left out and described in `problems` as "FILE: message".
QList<Dashboard> loadAll(const QString &directory, QStringList *problems);
/// Reads the dashboards a stack's Grafana provisions (findStackDashboards()) from the user's
/// files, in memory: nothing is copied. One that cannot be read keeps its `problem`.
QList<StackDashboard> loadProvisioned(const QList<ProvisionedDashboard> &provisioned);
/// Reads a Grafana dashboard (either JSON form) and saves it as `<directory>/<uid>.json` in the
/// plain form. An existing file of that name is replaced only when it is a dashboard
/// DashboardLoader can read (an earlier import): then the returned dashboard's warnings start
/// with "replaced the earlier <path>". Anything else there is left untouched and the import
/// fails. Returns false with `error` set.
bool importGrafana(const QString &path, const QString &directory, Dashboard *dashboard,
                   QString *savedPath, QString *error);
/// The same, from JSON bytes (drag and drop of text, tests).
bool importGrafanaJson(const QByteArray &json, const QString &directory, Dashboard *dashboard,
                       QString *savedPath, QString *error);
} // namespace DashboardStore

} // namespace Stackscope
