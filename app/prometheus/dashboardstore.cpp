// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/dashboardstore.h"
#include "app/prometheus/dashboardloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Stackscope::DashboardStore {

namespace {
// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::DashboardStore", text);
}
} // namespace

QString directoryFor(const QString &configFile)
{
    return QFileInfo(configFile).absolutePath() + u"/dashboards"_s;
}

QList<Dashboard> loadAll(const QString &directory, QStringList *problems)
{
    QList<Dashboard> out;
    auto loadFolder = [&](const QString &folder, bool builtin) {
        const QFileInfoList files = QDir(folder).entryInfoList(
            {u"*.json"_s, u"*.yaml"_s, u"*.yml"_s}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            Dashboard dashboard;
            QString error;
            if (!DashboardLoader::fromFile(file.filePath(), &dashboard, &error)) {
                if (problems)
                    *problems << file.filePath() + u": "_s + error;
                continue;
            }
            if (builtin)
                dashboard.source.clear();
            out.append(dashboard);
        }
    };
    loadFolder(u":/metrics/dashboards"_s, true);
    if (!directory.isEmpty())
        loadFolder(directory, false);
    return out;
}

QList<StackDashboard> loadProvisioned(const QList<ProvisionedDashboard> &provisioned)
{
    QList<StackDashboard> out;
    out.reserve(provisioned.size());
    for (const ProvisionedDashboard &p : provisioned) {
        StackDashboard d;
        d.path = p.hostPath;
        d.provider = p.provider;
        d.folder = p.folder;
        QFile file(p.hostPath);
        if (!file.open(QIODevice::ReadOnly)) {
            d.problem = tr("cannot read it: %1").arg(file.errorString());
        } else if (QString error;
                   !DashboardLoader::fromGrafanaJson(file.readAll(), &d.dashboard, &error)) {
            d.problem = error;
            d.dashboard = {};
        } else {
            d.dashboard.source = p.hostPath;
        }
        out.append(d);
    }
    return out;
}

bool importGrafanaJson(const QByteArray &json, const QString &directory, Dashboard *dashboard,
                       QString *savedPath, QString *error)
{
    Dashboard parsed;
    if (!DashboardLoader::fromGrafanaJson(json, &parsed, error))
        return false;
    // Save the plain form (unwrapping the API's {"dashboard": ...}).
    QJsonObject root = QJsonDocument::fromJson(json).object();
    if (root.value("dashboard"_L1).isObject())
        root = root.value("dashboard"_L1).toObject();
    if (!QDir().mkpath(directory)) {
        *error = tr("cannot create %1").arg(directory);
        return false;
    }
    const QString path = directory + u'/' + parsed.uid + u".json"_s;
    // An earlier import (or any dashboard) of that name is replaced; a file that is something
    // else (the user's notes, a broken edit) is left alone.
    const bool replacing = QFileInfo::exists(path);
    if (replacing) {
        Dashboard existing;
        QString problem;
        if (!DashboardLoader::fromFile(path, &existing, &problem)) {
            *error = tr("%1 exists and is not a dashboard Stackscope can read (%2); not replaced")
                         .arg(path, problem);
            return false;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    parsed.source = path;
    if (replacing) // shown with the import's other notes (Metrics page message, CLI "note:")
        parsed.warnings.prepend(tr("replaced the earlier %1").arg(path));
    *dashboard = parsed;
    if (savedPath)
        *savedPath = path;
    return true;
}

bool importGrafana(const QString &path, const QString &directory, Dashboard *dashboard,
                   QString *savedPath, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    return importGrafanaJson(file.readAll(), directory, dashboard, savedPath, error);
}

} // namespace Stackscope::DashboardStore
