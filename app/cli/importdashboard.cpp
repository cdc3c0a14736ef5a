// SPDX-License-Identifier: GPL-3.0-or-later
// `--import-dashboard FILE`: saves a Grafana dashboard (plain or {"dashboard": ...}) as
// `<config dir>/dashboards/<uid>.json`, where the Metrics page lists it.
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/config/paths.h"
#include "app/prometheus/dashboardstore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

namespace Stackscope {

int runImportDashboard(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    const QString file = commandLine.importDashboardFile();
    QString config = commandLine.configFile();
    if (config.isEmpty())
        config = Paths::configFile();
    const QString directory = DashboardStore::directoryFor(QFileInfo(config).absoluteFilePath());
    Dashboard dashboard;
    QString saved;
    QString error;
    if (!DashboardStore::importGrafana(file, directory, &dashboard, &saved, &error)) {
        err << "stackscope: cannot import " << file << ": " << error << "\n";
        return 1;
    }
    // The Metrics page opens on it next time (the key MetricsFeature::lastDashboardKey()).
    QSettings().setValue(QStringLiteral("metrics/dashboard"), dashboard.uid);
    out << QCoreApplication::translate("ImportDashboard",
                                       "Imported \"%1\": %2 panels, %3 variables -> %4")
               .arg(dashboard.title)
               .arg(dashboard.dataPanelCount())
               .arg(dashboard.variables.size())
               .arg(saved)
        << "\n";
    for (const QString &warning : std::as_const(dashboard.warnings))
        out << "  note: " << warning << "\n";
    return 0;
}

} // namespace Stackscope
