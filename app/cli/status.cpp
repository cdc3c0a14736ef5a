// SPDX-License-Identifier: GPL-3.0-or-later
// `--status [--json]`: the same StackSupervisor and BackendMonitor as the window, run until
// they have an answer, printed, exit 0 when every declared service runs and is healthy.
#include "app/alerts/alertsservice.h"
#include "app/backends/backendmonitor.h"
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/cli/headlessconfig.h"
#include "app/compose/composeproject.h"
#include "app/compose/stackdiscovery.h"
#include "app/compose/stackendpoints.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configloader.h"
#include "app/config/paths.h"
#include "models/backendstatusmodel.h"
#include "models/stack/servicemodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
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

QString pad(const QString &s, int width)
{
    return s.leftJustified(width, u' ');
}

QString backendStateName(BackendStatus::State s)
{
    switch (s) {
    case BackendStatus::State::Up:
        return u"up"_s;
    case BackendStatus::State::Down:
        return u"down"_s;
    case BackendStatus::State::Disabled:
        return u"disabled"_s;
    case BackendStatus::State::Unknown:
        break;
    }
    return u"unknown"_s;
}

/// backendStateName() for people: translated (the JSON keeps the English words).
QString backendStateText(BackendStatus::State s)
{
    switch (s) {
    case BackendStatus::State::Up:
        return tr("up");
    case BackendStatus::State::Down:
        return tr("down");
    case BackendStatus::State::Disabled:
        return tr("disabled");
    case BackendStatus::State::Unknown:
        break;
    }
    return tr("unknown");
}

/// The compose project `name` among those the daemon knows (StackDiscovery), if any.
std::optional<StackSummary> knownProject(const QString &name, const QString &dockerHost)
{
    const std::optional<QList<StackSummary>> stacks
        = StackDiscovery::listNow(resolveDockerEndpoint(dockerHost), nullptr);
    std::optional<StackSummary> found;
    for (const StackSummary &s : stacks.value_or(QList<StackSummary>())) {
        if (s.name == name && !s.configFiles.isEmpty())
            found = s;
    }
    return found;
}

/// `--stack FILE|FOLDER|NAME`: the configuration's stack replaced by that project (the daemon
/// and compose command stay). A NAME is looked up among the projects Docker knows.
bool applyStackArgument(const QString &argument, StackConfig &stack, QString *error)
{
    const QFileInfo info(argument);
    QStringList files;
    if (info.isDir()) {
        files = ComposeProject::filesInFolder(info.absoluteFilePath());
        if (files.isEmpty()) {
            *error = tr("no compose file in %1 (looked for compose.yaml, compose.yml, "
                        "docker-compose.yaml and docker-compose.yml)")
                         .arg(info.absoluteFilePath());
            return false;
        }
    } else if (info.exists()) {
        files << info.absoluteFilePath();
    } else if (const std::optional<StackSummary> known = knownProject(argument, stack.dockerHost)) {
        // A project Docker knows: its files, and its name as it was made.
        stack.composeFiles = known->configFiles;
        stack.project = known->name;
        stack.envFile.clear();
        stack.profiles.clear();
        return true;
    } else {
        *error = tr("no compose file or folder at %1, and Docker knows no project of that name "
                    "(stackscope --stacks lists them)")
                     .arg(argument);
        return false;
    }
    stack.composeFiles = files;
    stack.project.clear(); // named as compose names it
    stack.envFile.clear();
    stack.profiles.clear();
    return true;
}

} // namespace

int runStatus(const CommandLine &commandLine, QTextStream &out, QTextStream &err)
{
    int exitCode = 0;
    std::optional<Config> loaded = loadHeadlessConfig(commandLine, err, &exitCode);
    if (!loaded)
        return exitCode;
    Config config = *loaded;
    if (const QString stackArgument = commandLine.stack(); !stackArgument.isEmpty()) {
        QString error;
        if (!applyStackArgument(stackArgument, config.stack, &error)) {
            err << "stackscope: " << error << '\n';
            return 2;
        }
    }

    QNetworkAccessManager network;
    BackendStatusModel backends;
    BackendMonitor monitor(&network, &backends);
    StackSupervisor supervisor;
    supervisor.setConfig(config);
    // As in the window: the endpoints the stack reveals fill what the configuration leaves open.
    const QList<ComposeService> declared = supervisor.declaredServices();
    config = applyDiscoveredEndpoints(config, discoverEndpoints(declared), !declared.isEmpty());
    monitor.setConfig(config);
    monitor.start();
    supervisor.start();
    supervisor.detectComposeInBackground(); // then compose resolves the files
    // The firing alerts, from the same client the Alerts page uses.
    std::optional<FiringAlertsResult> alerts;
    fetchFiringAlerts(config, &network, &supervisor,
                      [&alerts](const FiringAlertsResult &result) { alerts = result; });

    // Wait until the stack has been listed (or Docker failed) and every backend has answered.
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    QTimer check;
    check.setInterval(50);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        const bool stackKnown = supervisor.hasSnapshot()
                                || supervisor.connection() == StackSupervisor::Connection::Failed;
        bool backendsKnown = !backends.statuses().isEmpty();
        for (const BackendStatus &b : backends.statuses()) {
            if (b.state == BackendStatus::State::Unknown)
                backendsKnown = false;
        }
        if ((stackKnown && backendsKnown && alerts && supervisor.isModelResolved())
            || clock.elapsed() > 20000)
            loop.quit();
    });
    check.start();
    loop.exec();
    supervisor.stop();
    monitor.stop();

    const bool ok = supervisor.allGood();
    const DockerEndpoint &endpoint = supervisor.endpoint();
    const QList<ServiceStatus> &services = supervisor.model()->services();
    const QDateTime now = QDateTime::currentDateTimeUtc();

    if (commandLine.json()) {
        QJsonObject root;
        root.insert("project"_L1, supervisor.project().name);
        root.insert("projectSource"_L1, supervisor.project().nameSource);
        root.insert("projectDirectory"_L1, supervisor.project().directory);
        root.insert("composeFiles"_L1, QJsonArray::fromStringList(config.stack.composeFiles));
        root.insert("servicesFrom"_L1, supervisor.modelSource());
        QJsonObject docker;
        docker.insert("endpoint"_L1, endpoint.host);
        docker.insert("source"_L1, endpoint.source);
        docker.insert("connected"_L1,
                      supervisor.connection() == StackSupervisor::Connection::Connected);
        docker.insert("version"_L1, supervisor.daemonDescription());
        if (supervisor.connection() == StackSupervisor::Connection::Failed) {
            docker.insert("error"_L1, supervisor.connectionError().message);
            docker.insert("hint"_L1, supervisor.connectionError().hint);
        }
        root.insert("docker"_L1, docker);
        if (!supervisor.composeFileError().isEmpty())
            root.insert("composeFileError"_L1, supervisor.composeFileError());
        QJsonArray rows;
        for (const ServiceStatus &s : services) {
            QJsonObject o;
            o.insert("service"_L1, s.service);
            o.insert("declared"_L1, s.declared);
            o.insert("state"_L1, !s.containerKnown  ? u"unknown"_s
                                 : s.hasContainer() ? s.container.state
                                                    : u"not created"_s);
            o.insert("health"_L1, s.container.health);
            if (s.hasContainer()) {
                o.insert("containerId"_L1, s.container.id);
                o.insert("restarts"_L1, s.container.restartCount);
                if (s.isRunning() && s.container.startedAt.isValid())
                    o.insert("uptimeSeconds"_L1, s.container.startedAt.secsTo(now));
                else
                    o.insert("exitCode"_L1, s.container.exitCode);
            }
            o.insert("image"_L1, s.container.image.isEmpty() ? s.spec.image : s.container.image);
            o.insert("ok"_L1, s.isGood());
            rows.append(o);
        }
        root.insert("services"_L1, rows);
        QJsonArray list;
        for (const BackendStatus &b : backends.statuses()) {
            QJsonObject o;
            o.insert("id"_L1, b.id);
            o.insert("name"_L1, b.displayName);
            o.insert("state"_L1, backendStateName(b.state));
            o.insert("endpoint"_L1, b.endpoint);
            if (!b.origin.isEmpty())
                o.insert("origin"_L1, b.origin);
            if (!b.reason.isEmpty())
                o.insert("reason"_L1, b.reason);
            if (!b.version.isEmpty())
                o.insert("version"_L1, b.version);
            list.append(o);
        }
        root.insert("backends"_L1, list);
        QJsonArray firing;
        for (const Alert &a : alerts ? alerts->firing : QList<Alert>()) {
            QJsonObject o;
            o.insert("name"_L1, a.name());
            o.insert("severity"_L1, a.severity());
            o.insert("summary"_L1, a.summary());
            o.insert("fingerprint"_L1, a.fingerprint);
            o.insert("since"_L1, a.startsAt.toString(Qt::ISODate));
            o.insert("silenced"_L1, a.silenced);
            firing.append(o);
        }
        root.insert("firingAlerts"_L1, firing);
        if (alerts && !alerts->errors.isEmpty())
            root.insert("alertErrors"_L1, QJsonArray::fromStringList(alerts->errors));
        root.insert("ok"_L1, ok);
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
        out.flush();
        return ok ? 0 : 1;
    }

    out << tr("Stack \"%1\" \u2014 Docker %2 via %3")
               .arg(supervisor.project().name, endpoint.host, endpoint.source);
    if (!supervisor.daemonDescription().isEmpty())
        out << ", " << supervisor.daemonDescription();
    out << '\n';
    out << "  "
        << tr("project name from %1; services %2")
               .arg(supervisor.project().nameSource, supervisor.modelSource())
        << '\n';
    if (!supervisor.project().ok())
        out << "  " << supervisor.project().problem << '\n';
    if (supervisor.connection() == StackSupervisor::Connection::Failed) {
        const HttpError e = supervisor.connectionError();
        out << "  " << tr("Docker cannot be reached: %1").arg(e.message) << '\n';
        if (!e.hint.isEmpty())
            out << "  " << e.hint << '\n';
    }
    if (!supervisor.composeFileError().isEmpty())
        out << "  " << tr("compose file problem: %1").arg(supervisor.composeFileError()) << '\n';
    int width = 8;
    int serviceStateWidth = 14; // translated states can be longer ("nicht angelegt")
    for (const ServiceStatus &s : services) {
        width = std::max(width, int(s.service.size()) + 2);
        serviceStateWidth = std::max(serviceStateWidth, int(s.stateText().size()) + 2);
    }
    out << pad(tr("SERVICE"), width) << pad(tr("STATE"), serviceStateWidth) << pad(tr("HEALTH"), 11)
        << tr("UPTIME/EXIT") << '\n';
    for (const ServiceStatus &s : services) {
        const QModelIndex uptime
            = supervisor.model()->index(supervisor.model()->rowOf(s.service), ServiceModel::Uptime);
        out << pad(s.service, width) << pad(s.stateText(), serviceStateWidth)
            << pad(s.container.health.isEmpty() ? u"-"_s : s.container.health, 11)
            << uptime.data().toString() << '\n';
    }
    if (services.isEmpty())
        out << "  " << tr("(no services)") << '\n';
    out << '\n' << tr("Backends:") << '\n';
    int nameWidth = 8;
    int stateWidth = 10;
    for (const BackendStatus &b : backends.statuses()) {
        nameWidth = std::max(nameWidth, int(b.displayName.size()) + 2);
        stateWidth = std::max(stateWidth, int(backendStateText(b.state).size()) + 2);
    }
    for (const BackendStatus &b : backends.statuses()) {
        out << "  " << pad(b.displayName, nameWidth) << pad(backendStateText(b.state), stateWidth)
            << b.endpoint;
        if (!b.origin.isEmpty())
            out << " (" << b.origin << ')';
        if (!b.reason.isEmpty())
            out << " \u2014 " << b.reason;
        out << '\n';
    }
    out << '\n' << tr("Firing alerts:") << '\n';
    if (!alerts) {
        out << "  " << tr("(no answer in time)") << '\n';
    } else {
        for (const Alert &a : alerts->firing) {
            out << "  " << pad(a.severity().isEmpty() ? u"-"_s : a.severity(), 10) << a.name();
            if (!a.summary().isEmpty())
                out << " \u2014 " << a.summary();
            if (a.silenced)
                out << ' ' << tr("(silenced)");
            out << '\n';
        }
        if (alerts->firing.isEmpty())
            out << "  " << tr("(none)") << '\n';
        for (const QString &e : alerts->errors)
            out << "  " << e << '\n';
    }
    out << '\n'
        << (ok ? tr("OK: every service runs and is healthy.")
               : tr("NOT OK: not every service runs and is healthy."))
        << '\n';
    out.flush();
    return ok ? 0 : 1;
}

} // namespace Stackscope
