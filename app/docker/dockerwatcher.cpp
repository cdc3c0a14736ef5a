// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerwatcher.h"

#include "app/docker/dockerclient.h"
#include "app/docker/dockerjson.h"
#include "app/docker/dockerstream.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <utility>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

DockerWatcher::DockerWatcher(QObject *parent)
    : QObject(parent)
    , m_client(new DockerClient(this))
{
    connect(m_client, &DockerClient::requestFinished, this, &DockerWatcher::requestFinished);
    // Reconnects after 0.5, 1, 2, 4, then every 5 s; at once when the socket file is back.
    m_connectionPoller.setInterval(1000ms);
    m_connectionPoller.setMaxBackoff(5000ms);
    m_connectionPoller.setTask([this](Poller::Report report) { connectToDaemon(report); });
    m_statsPoller.setInterval(10000ms);
    m_statsPoller.setTask([this](Poller::Report report) { sampleStats(report); });
}

DockerWatcher::~DockerWatcher()
{
    stop();
}

void DockerWatcher::setConfig(const DockerEndpoint &endpoint, const QString &project,
                              qint64 maxBodyBytes, std::chrono::milliseconds statsInterval)
{
    const bool reconnect = endpoint.host != m_endpoint.host || endpoint.tls != m_endpoint.tls
                           || project != m_project;
    m_endpoint = endpoint;
    m_project = project;
    m_client->setEndpoint(endpoint);
    m_client->setMaxBodyBytes(maxBodyBytes);
    m_statsPoller.setInterval(std::max<std::chrono::milliseconds>(1000ms, statsInterval));
    if (endpoint.isUnix()) {
        const QString socket = endpoint.socketPath;
        m_connectionPoller.setWatchCheck([socket] { return QFileInfo::exists(socket); });
    } else {
        m_connectionPoller.setWatchCheck({});
    }
    if (m_started && reconnect) {
        dropConnection();
        m_connectionReport = {};
        m_containers.clear();
        m_hasSnapshot = false;
        Q_EMIT containersChanged();
        m_connectionPoller.stop();
        m_connectionPoller.start(); // at once, with the back-off from its shortest delay
    }
}

void DockerWatcher::start()
{
    if (m_started)
        return;
    m_started = true;
    m_statsPoller.start();
    m_connectionPoller.start();
}

void DockerWatcher::stop()
{
    m_started = false;
    m_statsPoller.stop();
    m_connectionPoller.stop();
    m_connectionReport = {};
    dropConnection();
}

void DockerWatcher::dropConnection()
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
}

QList<ContainerInfo> DockerWatcher::containers() const
{
    QList<ContainerInfo> containers = m_containers.values();
    std::sort(containers.begin(), containers.end(),
              [](const ContainerInfo &a, const ContainerInfo &b) {
                  return a.created != b.created ? a.created < b.created : a.name < b.name;
              });
    return containers;
}

void DockerWatcher::setConnection(Connection state, const HttpError &error)
{
    const bool changed = state != m_connection || error.message != m_error.message;
    m_connection = state;
    m_error = error;
    if (changed)
        Q_EMIT connectionChanged();
}

void DockerWatcher::endConnection(bool serverAbsent)
{
    if (Poller::Report report = std::exchange(m_connectionReport, {}))
        report({false, serverAbsent});
}

void DockerWatcher::connectToDaemon(Poller::Report report)
{
    dropConnection();
    m_connectionReport = std::move(report);
    if (!m_started) {
        endConnection(false);
        return;
    }
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
        endConnection(true); // the poller watches for the socket file's return
        return;
    }
    if (m_connection != Connection::Failed)
        setConnection(Connection::Connecting);
    m_client->ping(this, [this, generation](const HttpResponse &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            setConnection(Connection::Failed, r.error);
            endConnection(false);
            return;
        }
        openEvents();
    });
}

void DockerWatcher::openEvents()
{
    QJsonObject filters;
    filters.insert("label"_L1, QJsonArray{QString(u"com.docker.compose.project="_s + m_project)});
    filters.insert("type"_L1, QJsonArray{u"container"_s});
    const QByteArray path = "/events?filters="
                            + QUrl::toPercentEncoding(QString::fromUtf8(
                                QJsonDocument(filters).toJson(QJsonDocument::Compact)));
    const quint64 generation = m_generation;
    m_events = m_client->openStream(path, this);
    connect(m_events, &DockerStream::headersReceived, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_connectionPoller.reportAlive(); // a later drop retries after the shortest delay
        setConnection(Connection::Connected);
        listContainers();
    });
    connect(m_events, &DockerStream::bodyData, this, &DockerWatcher::onEventData);
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
        endConnection(false);
    });
}

void DockerWatcher::onEventData(const QByteArray &bytes)
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

void DockerWatcher::handleEvent(const QByteArray &json)
{
    const auto event = DockerJson::parseEvent(json);
    if (!event || event->type != "container"_L1 || event->id.isEmpty())
        return;
    if (!event->project.isEmpty() && event->project != m_project)
        return;
    const QString &action = event->action;
    if (action.startsWith("exec_"_L1) || action == "attach"_L1 || action == "resize"_L1
        || action == "top"_L1 || action == "archive-path"_L1)
        return; // healthcheck runs and the like: no change of state
    if (action == "destroy"_L1) {
        const QString service = m_containers.value(event->id).service;
        m_containers.remove(event->id);
        Q_EMIT containersChanged();
        Q_EMIT serviceEvent(service.isEmpty() ? event->service : service, action);
        return;
    }
    // Show what the event says at once; the inspect that follows fills in the detail.
    auto it = m_containers.find(event->id);
    if (it != m_containers.end()) {
        ContainerInfo c = *it;
        if (action == "start"_L1 || action == "unpause"_L1) {
            c.state = u"running"_s;
            if (action == "start"_L1)
                c.stopRequested = false;
            c.startedAt = QDateTime::fromMSecsSinceEpoch(event->timeNano / 1000000, Qt::UTC);
            if (!c.health.isEmpty())
                c.health = u"starting"_s;
        } else if (action == "die"_L1) {
            c.state = u"exited"_s;
            c.exitCode = std::max(0, event->exitCode);
        } else if (action == "kill"_L1 || action == "stop"_L1) {
            c.stopRequested = true; // the exit that follows answers a signal someone sent
        } else if (action == "pause"_L1) {
            c.state = u"paused"_s;
        } else if (action.startsWith("health_status: "_L1)) {
            c.health = action.mid(15);
        }
        if (!(c == *it)) {
            *it = c;
            Q_EMIT containerUpdated(c);
            Q_EMIT serviceEvent(c.service, action);
        }
    }
    inspect(event->id, action);
}

void DockerWatcher::refresh()
{
    if (m_connection == Connection::Connected)
        listContainers();
}

void DockerWatcher::listContainers()
{
    if (m_listing) {
        m_listAgain = true;
        return;
    }
    m_listing = true;
    const quint64 generation = m_generation;
    m_client->get("/containers/json?all=1&" + DockerClient::projectFilter(m_project), this,
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
                          endConnection(false);
                          return;
                      }
                      QHash<QString, ContainerInfo> next;
                      for (ContainerInfo c : listed) {
                          // Keep the detail we have until the inspect below replaces it.
                          const ContainerInfo old = m_containers.value(c.id);
                          if (old.inspected && old.state == c.state) {
                              c = old;
                          } else if (!c.isRunning()) {
                              c.stopRequested = old.stopRequested;
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
                          Q_EMIT containersChanged();
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

void DockerWatcher::inspect(const QString &id, const QString &action)
{
    const quint64 generation = m_generation;
    m_client->get("/containers/" + id.toLatin1() + "/json", this,
                  [this, id, action, generation](const HttpResponse &r) {
                      if (generation != m_generation)
                          return;
                      if (!r.ok()) {
                          if (r.error.httpStatus == 404 && m_containers.remove(id) > 0)
                              Q_EMIT containersChanged();
                          return;
                      }
                      ContainerInfo c = m_containers.value(id);
                      c.id = id;
                      if (!DockerJson::applyInspect(c, r.body) || c.service.isEmpty())
                          return;
                      const bool known = m_containers.contains(id);
                      m_containers.insert(id, c);
                      if (known)
                          Q_EMIT containerUpdated(c);
                      else
                          Q_EMIT containersChanged();
                      Q_EMIT serviceEvent(c.service, action);
                  });
}

void DockerWatcher::sampleStats(Poller::Report report)
{
    if (m_connection != Connection::Connected) {
        report({});
        return;
    }
    const quint64 generation = m_generation;
    QStringList running;
    for (const ContainerInfo &c : std::as_const(m_containers)) {
        if (c.isRunning())
            running << c.id;
    }
    if (running.isEmpty()) {
        report({});
        return;
    }
    // The run ends when every answer is in, also those a reconnect made stale.
    auto pending = std::make_shared<qsizetype>(running.size());
    for (const QString &id : std::as_const(running)) {
        m_client->get("/containers/" + id.toLatin1() + "/stats?stream=false", this,
                      [this, id, generation, pending, report](const HttpResponse &r) {
                          if (generation == m_generation && r.ok()) {
                              if (const auto s = DockerJson::parseStats(r.body))
                                  Q_EMIT statsSampled(id, s->cpuPercent, s->memoryBytes,
                                                      s->memoryLimit);
                          }
                          if (--*pending == 0)
                              report({});
                      });
    }
}

} // namespace Stackscope
