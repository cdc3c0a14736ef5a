// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stacksupervisor.h"

#include "app/compose/composecontroller.h"
#include "app/docker/dockerclient.h"
#include "app/docker/dockerjson.h"
#include "app/docker/dockerlogstream.h"
#include "models/stack/servicemodel.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

StackSupervisor::StackSupervisor(QObject *parent)
    : QObject(parent)
    , m_watcher(new DockerWatcher(this))
    , m_compose(new ComposeController(this))
    , m_model(new ServiceModel(this))
{
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, m_model, &ServiceModel::tick);

    connect(m_watcher, &DockerWatcher::connectionChanged, this, [this] {
        rejoin(); // a daemon that went away makes every state unknown
        Q_EMIT connectionChanged();
    });
    connect(m_watcher, &DockerWatcher::containersChanged, this, &StackSupervisor::rejoin);
    connect(m_watcher, &DockerWatcher::containerUpdated, this, &StackSupervisor::updateContainer);
    connect(m_watcher, &DockerWatcher::statsSampled, m_model, &ServiceModel::updateStats);
    connect(m_watcher, &DockerWatcher::snapshotReady, this, &StackSupervisor::snapshotReady);
    connect(m_watcher, &DockerWatcher::serviceEvent, this, &StackSupervisor::serviceEvent);
    connect(m_watcher, &DockerWatcher::requestFinished, this, &StackSupervisor::requestFinished);

    connect(m_compose, &ComposeController::composeFileChanged, this, [this] {
        rejoin();
        Q_EMIT composeFileChanged();
    });
    connect(m_compose, &ComposeController::projectChanged, this, [this] {
        // Another name is another set of containers.
        m_watcher->setConfig(m_watcher->endpoint(), m_compose->project().name, m_maxBodyBytes,
                             m_statsInterval);
        Q_EMIT projectChanged();
    });
    connect(m_compose, &ComposeController::modelResolved, this, &StackSupervisor::modelResolved);
    connect(m_compose, &ComposeController::composeDetected, this,
            &StackSupervisor::composeDetected);
    connect(m_compose, &ComposeController::composeStarted, this, &StackSupervisor::composeStarted);
    connect(m_compose, &ComposeController::composeOutput, this, &StackSupervisor::composeOutput);
    connect(m_compose, &ComposeController::composeFinished, this,
            [this](const ComposeRunner::Result &r) {
                refresh();
                Q_EMIT composeFinished(r);
            });
}

StackSupervisor::~StackSupervisor()
{
    stop();
}

void StackSupervisor::setConfig(const Config &config)
{
    const DockerEndpoint endpoint = resolveDockerEndpoint(config.stack.dockerHost);
    m_stack = config.stack;
    m_maxBodyBytes = config.http.maxBodyBytes;
    m_statsInterval = config.refresh.stack;
    m_compose->setConfig(config.stack, endpoint); // names the project
    rejoin();                                     // the profiles may have changed
    m_watcher->setConfig(endpoint, m_compose->project().name, m_maxBodyBytes, m_statsInterval);
}

void StackSupervisor::start()
{
    m_tickTimer.start();
    m_watcher->start();
}

void StackSupervisor::stop()
{
    m_tickTimer.stop();
    m_watcher->stop();
}

DockerClient *StackSupervisor::client() const
{
    return m_watcher->client();
}

StackSupervisor::Connection StackSupervisor::connection() const
{
    return m_watcher->connection();
}

HttpError StackSupervisor::connectionError() const
{
    return m_watcher->connectionError();
}

const DockerEndpoint &StackSupervisor::endpoint() const
{
    return m_watcher->endpoint();
}

QString StackSupervisor::daemonDescription() const
{
    if (client()->apiVersion().isEmpty())
        return {};
    return tr("%1, API %2").arg(client()->serverVersion(), client()->apiVersion());
}

QString StackSupervisor::composeFileError() const
{
    return m_compose->composeFileError();
}

QList<ComposeService> StackSupervisor::declaredServices() const
{
    return m_compose->activeServices();
}

const ComposeProject &StackSupervisor::project() const
{
    return m_compose->project();
}

QString StackSupervisor::modelSource() const
{
    return m_compose->modelSource();
}

bool StackSupervisor::isModelResolved() const
{
    return m_compose->isModelResolved();
}

bool StackSupervisor::hasSnapshot() const
{
    return m_watcher->hasSnapshot();
}

bool StackSupervisor::allGood() const
{
    if (connection() != Connection::Connected || !hasSnapshot())
        return false;
    bool any = false;
    for (const ServiceStatus &s : m_model->services()) {
        if (!s.declared)
            continue;
        any = true;
        if (!s.isGood())
            return false;
    }
    return any;
}

void StackSupervisor::detectCompose()
{
    m_compose->detectCompose();
}

void StackSupervisor::detectComposeInBackground()
{
    m_compose->detectComposeInBackground();
}

const ComposeCommand &StackSupervisor::composeCommand() const
{
    return m_compose->composeCommand();
}

bool StackSupervisor::isComposeDetected() const
{
    return m_compose->isComposeDetected();
}

bool StackSupervisor::runCompose(ComposeCommand::Action action, const QString &service)
{
    if (m_preflighting || m_compose->isComposeRunning())
        return false;
    // Without the daemon there is nothing to check: compose will say what is wrong.
    if (action != ComposeCommand::Action::Up || connection() != Connection::Connected)
        return m_compose->runCompose(action, service);
    m_preflighting = true;
    // The page shows the run from now on: the check is part of it, and can be cancelled.
    const ComposeCommand &compose = m_compose->composeCommand();
    QStringList words{compose.program};
    words << compose.arguments(project().stack, action, service);
    Q_EMIT composeStarted(words.join(u' '));
    Q_EMIT composeOutput(
        tr("Asking the Docker daemon for container names and networks first\u2026"));
    preflightUp(service);
    return true;
}

void StackSupervisor::preflightUp(const QString &service)
{
    const quint64 generation = ++m_preflightGeneration;
    const auto refuseOrRun = [this, service, generation](const QByteArray &containersBody,
                                                         const QByteArray &networksBody) {
        if (generation != m_preflightGeneration)
            return; // cancelled
        m_preflighting = false;
        QList<ComposeService> services = declaredServices();
        if (!service.isEmpty())
            services.removeIf([&](const ComposeService &s) { return s.name != service; });
        const UpPreflight check = UpPreflight::check(
            project().name, services, m_compose->composeFile().externalNetworks,
            DockerJson::parseStackContainers(containersBody, nullptr, true),
            UpPreflight::networkNames(networksBody));
        if (check.ok()) {
            m_compose->runCompose(ComposeCommand::Action::Up, service);
            return;
        }
        ComposeRunner::Result refused;
        refused.failedToStart = true;
        refused.exitCode = -1;
        refused.error = check.problems.join(u'\n');
        refused.description = ComposeCommand::actionName(ComposeCommand::Action::Up);
        if (!service.isEmpty())
            refused.description += u' ' + service;
        Q_EMIT upRefused(check);
        Q_EMIT composeFinished(refused);
    };
    client()->get("/containers/json?all=1", this,
                  [this, refuseOrRun](const HttpResponse &containers) {
                      if (!containers.ok()) {
                          refuseOrRun({}, {}); // cannot check: compose will tell
                          return;
                      }
                      client()->get("/networks", this,
                                    [refuseOrRun, containers](const HttpResponse &networks) {
                                        refuseOrRun(containers.body, networks.body);
                                    });
                  });
}

void StackSupervisor::createNetwork(const QString &name)
{
    const QByteArray body
        = QJsonDocument(QJsonObject{{u"Name"_s, name}, {u"CheckDuplicate"_s, true}})
              .toJson(QJsonDocument::Compact);
    client()->request(
        "POST", "/networks/create", this,
        [this, name](const HttpResponse &r) {
            Q_EMIT networkCreated(name, r.ok() ? QString() : r.error.message);
        },
        body, "application/json");
}

void StackSupervisor::cancelCompose()
{
    if (m_preflighting) {
        m_preflighting = false;
        ++m_preflightGeneration;
        ComposeRunner::Result cancelled;
        cancelled.cancelled = true;
        cancelled.exitCode = -1;
        cancelled.description = ComposeCommand::actionName(ComposeCommand::Action::Up);
        Q_EMIT composeFinished(cancelled);
        return;
    }
    m_compose->cancelCompose();
}

bool StackSupervisor::isComposeRunning() const
{
    return m_preflighting || m_compose->isComposeRunning();
}

void StackSupervisor::refresh()
{
    m_watcher->refresh();
}

void StackSupervisor::rejoin()
{
    const QList<ComposeService> declared = m_compose->activeServices();
    // Until the daemon has listed the containers (or while it cannot be reached) a service
    // without a container is unknown, not "not created".
    const bool known = connection() == Connection::Connected && hasSnapshot();
    m_model->setServices(
        joinServices(declared, m_watcher->containers(), m_model->services(), known));
}

void StackSupervisor::updateContainer(const ContainerInfo &container)
{
    // A container whose service has no row yet (it came with the event) needs the whole join.
    if (!m_model->updateContainer(container.service, container))
        rejoin();
}

DockerLogStream *StackSupervisor::openLogs(const QString &service, int tail, bool follow,
                                           QObject *parent)
{
    const ServiceStatus *row = m_model->service(service);
    if (!row || !row->hasContainer())
        return nullptr;
    auto *logs = new DockerLogStream(client(), row->container.id, row->container.tty, tail,
                                     follow && row->isRunning(), parent);
    logs->start();
    return logs;
}

} // namespace Stackscope
