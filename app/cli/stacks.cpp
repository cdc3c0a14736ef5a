// SPDX-License-Identifier: GPL-3.0-or-later
// `--stacks [--json]`: every compose project the Docker daemon knows (StackDiscovery, as the
// window's "Stacks on this machine" lists them), printed; exit 1 when Docker cannot be reached.
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/cli/headlessconfig.h"
#include "app/compose/stackdiscovery.h"
#include "app/config/configloader.h"
#include "app/config/paths.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope", text);
}

QJsonObject toJson(const StackSummary &s)
{
    QJsonObject o;
    o.insert("name"_L1, s.name);
    o.insert("state"_L1, StackSummaries::stateName(s.state));
    o.insert("servicesRunning"_L1, s.servicesRunning);
    o.insert("servicesTotal"_L1, s.servicesTotal);
    o.insert("services"_L1, QJsonArray::fromStringList(s.services));
    o.insert("containers"_L1, s.containers);
    o.insert("folder"_L1, s.workingDir);
    o.insert("composeFiles"_L1, QJsonArray::fromStringList(s.configFiles));
    o.insert("problems"_L1, QJsonArray::fromStringList(s.problems));
    return o;
}

void printTable(const QList<StackSummary> &stacks, QTextStream &out)
{
    struct Row
    {
        QString name, state, services, folder, files;
    };
    QList<Row> rows{{tr("NAME"), tr("STATE"), tr("RUNNING"), tr("FOLDER"), tr("COMPOSE FILES")}};
    for (const StackSummary &s : stacks) {
        QStringList files;
        for (const QString &f : s.configFiles)
            files << (f.startsWith(s.workingDir + u'/') ? f.mid(s.workingDir.size() + 1) : f);
        rows.append({s.name, StackSummaries::stateText(s.state),
                     u"%1/%2"_s.arg(s.servicesRunning).arg(s.servicesTotal), s.workingDir,
                     files.join(u","_s)});
    }
    qsizetype w[4] = {0, 0, 0, 0};
    for (const Row &r : std::as_const(rows)) {
        w[0] = std::max(w[0], r.name.size());
        w[1] = std::max(w[1], r.state.size());
        w[2] = std::max(w[2], r.services.size());
        w[3] = std::max(w[3], r.folder.size());
    }
    for (const Row &r : std::as_const(rows)) {
        out << r.name.leftJustified(w[0] + 2) << r.state.leftJustified(w[1] + 2)
            << r.services.leftJustified(w[2] + 2) << r.folder.leftJustified(w[3] + 2) << r.files
            << '\n';
    }
    for (const StackSummary &s : stacks) {
        for (const QString &p : s.problems)
            out << u"%1: %2"_s.arg(s.name, p) << '\n';
    }
}

} // namespace

int runStacks(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    // The daemon is found as --status finds it: the configuration's stack.docker_host, else as
    // the docker CLI does.
    int exitCode = 0;
    const std::optional<Config> config = loadHeadlessConfig(commandLine, err, &exitCode);
    if (!config)
        return exitCode;
    QString error;
    const DockerEndpoint endpoint = resolveDockerEndpoint(config->stack.dockerHost);
    const std::optional<QList<StackSummary>> stacks = StackDiscovery::listNow(endpoint, &error);
    if (!stacks) {
        err << "stackscope: " << error << '\n';
        err.flush();
        return 1;
    }
    if (commandLine.json()) {
        QJsonArray array;
        for (const StackSummary &s : std::as_const(*stacks))
            array.append(toJson(s));
        out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        out.flush();
        return 0;
    }
    if (stacks->isEmpty())
        out << tr("No compose project on the Docker daemon at %1.").arg(endpoint.host) << '\n';
    else
        printTable(*stacks, out);
    out.flush();
    return 0;
}

} // namespace Stackscope
