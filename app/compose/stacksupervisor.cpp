// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stacksupervisor.h"

#include "app/docker/dockerclient.h"
#include "app/docker/dockerjson.h"
#include "app/docker/dockerlogstream.h"
#include "app/docker/dockerstream.h"
#include "models/stack/servicemodel.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Stackscope {

StackSupervisor::StackSupervisor(QObject *parent)
    : QObject(parent)
    , m_client(new DockerClient(this))
    , m_model(new ServiceModel(this))
    , m_runner(new ComposeRunner(this))
{
    connect(m_client, &DockerClient::requestFinished, this, &StackSupervisor::requestFinished);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &StackSupervisor::connectToDaemon);
    connect(&m_statsTimer, &QTimer::timeout, this, &StackSupervisor::sampleStats);
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, m_model, &ServiceModel::tick);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // Editors replace the file: watch the new one too.
        QTimer::singleShot(200, this, [this] {
            loadComposeFiles();
            rejoin();
        });
    });
    connect(m_runner, &ComposeRunner::started, this, &StackSupervisor::composeStarted);
    connect(m_runner, &ComposeRunner::outputLine, this, &StackSupervisor::composeOutput);
    connect(m_runner, &ComposeRunner::finished, this, [this](const ComposeRunner::Result &r) {
        refresh();
        Q_EMIT composeFinished(r);
    });
}

StackSupervisor::~StackSupervisor()
{
    stop();
    if (m_detectThread)
        m_detectThread->wait();
}

void StackSupervisor::setConfig(const Config &config)
{
    const DockerEndpoint endpoint = resolveDockerEndpoint(config.stack.dockerHost);
    const bool reconnect = endpoint.host != m_endpoint.host || endpoint.tls != m_endpoint.tls
                           || config.stack.project != m_stack.project;
    if (config.stack.composeCommand != m_stack.composeCommand)
        m_composeDetected = false;
    m_config = config;
    m_stack = config.stack;
    m_endpoint = endpoint;
    m_client->setEndpoint(endpoint);
    m_client->setMaxBodyBytes(config.http.maxBodyBytes);
    m_statsTimer.setInterval(int(std::max<qint64>(1000, config.refresh.stack.count())));
    loadComposeFiles();
    rejoin();
    if (m_started && reconnect) {
        dropConnection();
        m_containers.clear();
        m_hasSnapshot = false;
        rejoin();
        m_reconnectDelayMs = 500;
        connectToDaemon();
    }
}

void StackSupervisor::start()
{
    if (m_started)
        return;
    m_started = true;
    m_tickTimer.start();
    m_statsTimer.start();
    connectToDaemon();
}

void StackSupervisor::stop()
{
    m_started = false;
    m_tickTimer.stop();
    m_statsTimer.stop();
    m_reconnectTimer.stop();
    dropConnection();
}

void StackSupervisor::dropConnection()
{
    ++m_generation;
    if (m_events) {
        m_events->abort();
        m_events->deleteLater();
        m_events = nullptr;
    }
    m_eventBuffer.clear();
    m_listing = false;
    m_listAgain = false;
    m_statsInFlight = 0;
}

QString StackSupervisor::daemonDescription() const
{
    if (m_client->apiVersion().isEmpty())
        return {};
    return tr("%1, API %2").arg(m_client->serverVersion(), m_client->apiVersion());
}

bool StackSupervisor::allGood() const
{
    if (m_connection != Connection::Connected || !m_hasSnapshot)
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

void StackSupervisor::setConnection(Connection state, const HttpError &error)
{
    const bool changed = state != m_connection || error.message != m_error.message;
    m_connection = state;
    m_error = error;
    if (changed)
        Q_EMIT connectionChanged();
}

void StackSupervisor::scheduleReconnect()
{
    if (!m_started)
        return;
    m_reconnectTimer.start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, 5000);
}

void StackSupervisor::connectToDaemon()
{
    if (!m_started)
        return;
    dropConnection();
    const quint64 generation = m_generation;
    if (m_endpoint.isUnix() && !QFileInfo::exists(m_endpoint.socketPath)) {
        HttpError e;
        e.kind = HttpError::Kind::Refused;
        const bool installed = !QStandardPaths::findExecutable(u"docker"_s).isEmpty()
                               || !QStandardPaths::findExecutable(u"dockerd"_s).isEmpty()
                               || !QStandardPaths::findExecutable(u"podman"_s).isEmpty();
        if (!installed) {
            e.message = tr("Docker is not installed (no docker program, no socket at %1)")
                            .arg(m_endpoint.socketPath);
            e.hint = tr("Install Docker Engine (sudo apt install docker.io) or Docker Desktop, "
                        "then start it.");
        } else {
            e.message = tr("no Docker socket at %1").arg(m_endpoint.socketPath);
            e.hint = tr("The Docker daemon is not running: start it (sudo systemctl start "
                        "docker).");
            if (m_endpoint.tried.size() > 1)
                e.hint += u' ' + tr("Also looked for %1.").arg(m_endpoint.tried.join(u", "_s));
        }
        setConnection(Connection::Failed, e);
        scheduleReconnect();
        return;
    }
    if (m_connection != Connection::Failed)
        setConnection(Connection::Connecting);
    m_client->ping(this, [this, generation](const HttpResponse &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setConnection(Connection::Failed, r.error);
            scheduleReconnect();
            return;
        }
        openEvents();
    });
}

void StackSupervisor::openEvents()
{
    QJsonObject filters;
    filters.insert("label"_L1,
                   QJsonArray{QString(u"com.docker.compose.project="_s + m_stack.project)});
    filters.insert("type"_L1, QJsonArray{u"container"_s});
    const QByteArray path = "/events?filters="
                            + QUrl::toPercentEncoding(QString::fromUtf8(
                                QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    const quint64 generation = m_generation;
    m_events = m_client->openStream(path, this);
    connect(m_events, &DockerStream::headersReceived, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_reconnectDelayMs = 500;
        setConnection(Connection::Connected);
        listContainers();
    });
    connect(m_events, &DockerStream::bodyData, this, &StackSupervisor::onEventData);
    connect(m_events, &DockerStream::finished, this, [this, generation](const HttpError &error) {
        if (generation != m_generation)
            return;
        HttpError e = error;
        if (!e.isError() || e.kind == HttpError::Kind::Truncated) {
            e.kind = HttpError::Kind::Refused;
            e.message = tr("the Docker daemon closed the event stream (stopped or restarted); "
                           "reconnecting");
        }
        m_events->deleteLater();
        m_events = nullptr;
        setConnection(Connection::Failed, e);
        scheduleReconnect();
    });
}

void StackSupervisor::onEventData(const QByteArray &bytes)
{
    m_eventBuffer += bytes;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_eventBuffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = m_eventBuffer.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (!line.isEmpty())
            handleEvent(line);
    }
    m_eventBuffer.remove(0, start);
}

void StackSupervisor::handleEvent(const QByteArray &json)
{
    const auto event = DockerJson::parseEvent(json);
    if (!event || event->type != "container"_L1 || event->id.isEmpty())
        return;
    if (!event->project.isEmpty() && event->project != m_stack.project)
        return;
    const QString &action = event->action;
    if (action.startsWith("exec_"_L1) || action == "attach"_L1 || action == "resize"_L1
        || action == "top"_L1 || action == "archive-path"_L1)
        return; // healthcheck runs and the like: no change of state
    if (action == "destroy"_L1) {
        const QString service = m_containers.value(event->id).service;
        m_containers.remove(event->id);
        rejoin();
        Q_EMIT serviceEvent(service.isEmpty() ? event->service : service, action);
        return;
    }
    // Show what the event says at once; the inspect that follows fills in the detail.
    auto it = m_containers.find(event->id);
    if (it != m_containers.end()) {
        ContainerInfo c = *it;
        if (action == "start"_L1 || action == "unpause"_L1) {
            c.state = u"running"_s;
            c.startedAt = QDateTime::fromMSecsSinceEpoch(event->timeNano / 1000000, Qt::UTC);
            if (!c.health.isEmpty())
                c.health = u"starting"_s;
        } else if (action == "die"_L1) {
            c.state = u"exited"_s;
            c.exitCode = std::max(0, event->exitCode);
        } else if (action == "pause"_L1) {
            c.state = u"paused"_s;
        } else if (action.startsWith("health_status: "_L1)) {
            c.health = action.mid(15);
        }
        if (!(c == *it)) {
            *it = c;
            m_model->updateContainer(c.service, c);
            Q_EMIT serviceEvent(c.service, action);
        }
    }
    inspect(event->id, action);
}

void StackSupervisor::refresh()
{
    if (m_connection == Connection::Connected)
        listContainers();
}

void StackSupervisor::listContainers()
{
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    const quint64 generation = m_generation;
    m_client->get("/containers/json?all=1&" + DockerClient::projectFilter(m_stack.project), this,
                  [this, generation](const HttpResponse &r) {
                      if (generation != m_generation)
                          return;
                      bool ok = false;
                      const QList<ContainerInfo> listed
                          = r.ok() ? DockerJson::parseContainerList(r.body, &ok)
                                   : QList<ContainerInfo>();
                      if (!r.ok() || !ok) {
                          m_listing = false;
                          HttpError e = r.error;
                          if (!e.isError()) {
                              e.kind = HttpError::Kind::UnexpectedBody;
                              e.message = tr("the Docker daemon's container list is not JSON");
                          }
                          setConnection(Connection::Failed, e);
                          dropConnection();
                          scheduleReconnect();
                          return;
                      }
                      QHash<QString, ContainerInfo> next;
                      for (ContainerInfo c : listed) {
                          // Keep the detail we have until the inspect below replaces it.
                          const ContainerInfo old = m_containers.value(c.id);
                          if (old.inspected && old.state == c.state) {
                              c = old;
                          }
                          next.insert(c.id, c);
                      }
                      m_containers = next;
                      auto pending = std::make_shared<int>(int(listed.size()));
                      auto done = [this, generation, pending] {
                          if (generation != m_generation || --*pending > 0)
                              return;
                          m_listing = false;
                          m_hasSnapshot = true;
                          rejoin();
                          Q_EMIT snapshotReady();
                          if (m_listAgain) {
                              m_listAgain = false;
                              listContainers();
                          }
                      };
                      if (listed.isEmpty()) {
                          *pending = 1;
                          done();
                          return;
                      }
                      for (const ContainerInfo &c : listed) {
                          const QString id = c.id;
                          m_client->get("/containers/" + id.toLatin1() + "/json", this,
                                        [this, id, done, generation](const HttpResponse &ir) {
                                            if (generation != m_generation)
                                                return;
                                            auto it = m_containers.find(id);
                                            if (ir.ok() && it != m_containers.end())
                                                DockerJson::applyInspect(*it, ir.body);
                                            done();
                                        });
                      }
                  });
}

void StackSupervisor::inspect(const QString &id, const QString &action)
{
    const quint64 generation = m_generation;
    m_client->get("/containers/" + id.toLatin1() + "/json", this,
                  [this, id, action, generation](const HttpResponse &r) {
                      if (generation != m_generation)
                          return;
                      if (!r.ok()) {
                          if (r.error.httpStatus == 404 && m_containers.remove(id) > 0)
                              rejoin();
                          return;
                      }
                      ContainerInfo c = m_containers.value(id);
                      c.id = id;
                      if (!DockerJson::applyInspect(c, r.body) || c.service.isEmpty())
                          return;
                      const bool known = m_containers.contains(id);
                      m_containers.insert(id, c);
                      if (!known || !m_model->updateContainer(c.service, c))
                          rejoin();
                      Q_EMIT serviceEvent(c.service, action);
                  });
}

void StackSupervisor::rejoin()
{
    QList<ContainerInfo> containers = m_containers.values();
    std::sort(containers.begin(), containers.end(),
              [](const ContainerInfo &a, const ContainerInfo &b) {
                  return a.created != b.created ? a.created < b.created : a.name < b.name;
              });
    const QList<ComposeService> declared
        = ComposeFile::active(m_composeFile.services, m_stack.profiles);
    m_model->setServices(joinServices(declared, containers, m_model->services()));
}

void StackSupervisor::loadComposeFiles()
{
    const QString before = m_composeFile.error;
    const QList<ComposeService> servicesBefore = m_composeFile.services;
    ComposeFile loaded = ComposeFile::load(m_stack.composeFiles);
    if (!loaded.ok() && !m_composeFile.services.isEmpty())
        loaded.services = m_composeFile.services; // keep the last good list on screen
    m_composeFile = loaded;
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    QStringList existing;
    for (const QString &f : std::as_const(m_stack.composeFiles)) {
        if (QFileInfo::exists(f))
            existing << f;
    }
    if (!existing.isEmpty())
        m_watcher.addPaths(existing);
    if (before != m_composeFile.error || servicesBefore != m_composeFile.services)
        Q_EMIT composeFileChanged();
}

void StackSupervisor::sampleStats()
{
    if (m_connection != Connection::Connected || m_statsInFlight > 0)
        return;
    const quint64 generation = m_generation;
    for (const ContainerInfo &c : std::as_const(m_containers)) {
        if (!c.isRunning())
            continue;
        ++m_statsInFlight;
        const QString id = c.id;
        m_client->get("/containers/" + id.toLatin1() + "/stats?stream=false", this,
                      [this, id, generation](const HttpResponse &r) {
                          if (generation != m_generation)
                              return;
                          m_statsInFlight = std::max(0, m_statsInFlight - 1);
                          if (!r.ok())
                              return;
                          if (const auto s = DockerJson::parseStats(r.body))
                              m_model->updateStats(id, s->cpuPercent, s->memoryBytes,
                                                   s->memoryLimit);
                      });
    }
}

void StackSupervisor::detectCompose()
{
    m_compose = ComposeCommand::detect(m_stack.composeCommand);
    m_composeDetected = true;
    Q_EMIT composeDetected();
}

void StackSupervisor::detectComposeInBackground()
{
    if (m_detectThread)
        return;
    const QStringList configured = m_stack.composeCommand;
    m_detectThread = QThread::create([this, configured] {
        const ComposeCommand found = ComposeCommand::detect(configured);
        QMetaObject::invokeMethod(
            this,
            [this, found, configured] {
                // A synchronous detection or a new configuration may have come first.
                if (!m_composeDetected && configured == m_stack.composeCommand) {
                    m_compose = found;
                    m_composeDetected = true;
                }
                Q_EMIT composeDetected();
                if (m_composeDetected && m_pendingRun) {
                    const PendingRun run = *std::exchange(m_pendingRun, std::nullopt);
                    runCompose(run.action, run.service);
                }
            },
            Qt::QueuedConnection);
    });
    QThread *thread = m_detectThread;
    connect(thread, &QThread::finished, this, [this, thread] {
        thread->deleteLater();
        if (m_detectThread == thread)
            m_detectThread = nullptr;
        if (!m_composeDetected)
            detectComposeInBackground(); // the configuration changed meanwhile
    });
    thread->start();
}

bool StackSupervisor::isComposeRunning() const
{
    return m_runner->isRunning() || m_pendingRun.has_value();
}

bool StackSupervisor::runCompose(ComposeCommand::Action action, const QString &service)
{
    if (m_runner->isRunning() || m_pendingRun)
        return false;
    if (!m_composeDetected) {
        // Detecting runs `docker compose version` / `docker-compose version`: a blocking
        // detection here froze the window for seconds (fault suite, compose run fails). Only a
        // configured program that is not there is known at once (no process to run).
        const QString program = m_stack.composeCommand.value(0);
        const bool configuredMissing
            = !program.isEmpty()
              && (program.contains(u'/') ? !QFileInfo(program).isExecutable()
                                         : QStandardPaths::findExecutable(program).isEmpty());
        if (!configuredMissing) {
            m_pendingRun = PendingRun{action, service};
            detectComposeInBackground();
            return true;
        }
        detectCompose();
    }
    QString description = ComposeCommand::actionName(action);
    if (!service.isEmpty())
        description += u' ' + service;
    if (!m_compose.isValid()) {
        ComposeRunner::Result r;
        r.failedToStart = true;
        r.exitCode = -1;
        r.error = m_compose.problem;
        r.description = description;
        Q_EMIT composeFinished(r);
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Compose talks to the daemon this page shows, whichever way it was found.
    env.insert(u"DOCKER_HOST"_s, m_endpoint.host);
    env.remove(u"DOCKER_CONTEXT"_s);
    // docker-compose 1.x deadlocks when a project has more services than its parallel limit
    // (default 64): the per-service tasks hold every slot that their own container tasks wait
    // for (docker/compose#7486, #8161; seen here with 300 services). Room for both, unless the
    // user set a limit.
    if (m_compose.flavor == ComposeCommand::Flavor::V1Standalone
        && !env.contains(u"COMPOSE_PARALLEL_LIMIT"_s)) {
        env.insert(u"COMPOSE_PARALLEL_LIMIT"_s, QString::number(std::max<qsizetype>(
                                                    64, 2 * m_composeFile.services.size() + 16)));
    }
    if (m_endpoint.tls) {
        env.insert(u"DOCKER_TLS_VERIFY"_s, u"1"_s);
        if (!m_endpoint.certPath.isEmpty())
            env.insert(u"DOCKER_CERT_PATH"_s, m_endpoint.certPath);
    }
    m_runner->setEnvironment(env);
    if (!m_stack.composeFiles.isEmpty())
        m_runner->setWorkingDirectory(QFileInfo(m_stack.composeFiles.first()).absolutePath());
    return m_runner->run(m_compose.program, m_compose.arguments(m_stack, action, service),
                         description);
}

void StackSupervisor::cancelCompose()
{
    m_runner->cancel();
}

DockerLogStream *StackSupervisor::openLogs(const QString &service, int tail, bool follow,
                                           QObject *parent)
{
    const ServiceStatus *row = m_model->service(service);
    if (!row || !row->hasContainer())
        return nullptr;
    auto *logs = new DockerLogStream(m_client, row->container.id, row->container.tty, tail,
                                     follow && row->isRunning(), parent);
    logs->start();
    return logs;
}

} // namespace Stackscope
