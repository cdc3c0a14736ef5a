// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerendpoint.h"
#include "app/http/httperror.h"
#include "app/http/poller.h"
#include "models/stack/containerinfo.h"

#include <QHash>
#include <QObject>

#include <chrono>

namespace Stackscope {

class DockerClient;
class DockerStream;
struct RequestRecord;

/// Watches one compose project's containers on the Docker daemon: negotiates the API, follows
/// /events (filtered by the com.docker.compose.project label) so that state and health arrive
/// within a second without polling, lists and inspects the containers on (re)connect and when
/// asked, and samples /stats of running containers every `refresh.stack`. Both periodic jobs
/// run on a Poller: the connection (held open by the event stream, retried with back-off and at
/// once when the socket comes back) and the stats sample (no overlap). Knows nothing of compose
/// files or item models: it emits the containers it learns about.
class DockerWatcher : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Idle, Connecting, Connected, Failed };
    Q_ENUM(Connection)

    explicit DockerWatcher(QObject *parent = nullptr);
    ~DockerWatcher() override;

    /// Reconnects (when started) only when the endpoint or the project changed.
    void setConfig(const DockerEndpoint &endpoint, const QString &project, qint64 maxBodyBytes,
                   std::chrono::milliseconds statsInterval);
    void start();
    void stop();
    /// Lists again when connected (a listing under way is followed by one more).
    void refresh();

    DockerClient *client() const { return m_client; }
    const DockerEndpoint &endpoint() const { return m_endpoint; }
    Connection connection() const { return m_connection; }
    /// Why the daemon cannot be reached (Failed), with the hint of what to do.
    HttpError connectionError() const { return m_error; }
    /// True once the containers have been listed at least once since the last (re)connect.
    bool hasSnapshot() const { return m_hasSnapshot; }
    /// The project's containers as last known, oldest first.
    QList<ContainerInfo> containers() const;

Q_SIGNALS:
    void connectionChanged();
    /// Containers came or went (or the whole list was read again): join them anew.
    void containersChanged();
    /// One known container's state changed (an event or its inspect).
    void containerUpdated(const Stackscope::ContainerInfo &container);
    /// A /stats sample of the running container `id`.
    void statsSampled(const QString &id, double cpuPercent, qint64 memoryBytes, qint64 memoryLimit);
    /// The containers have been listed (after connecting, and after every refresh()).
    void snapshotReady();
    /// One service's container changed because of an event (for the latency benchmark and tests).
    void serviceEvent(const QString &service, const QString &action);
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    void connectToDaemon(Poller::Report report);
    /// The connection run ends (it failed, or the stream closed): the poller backs off.
    void endConnection(bool serverAbsent);
    void setConnection(Connection state, const HttpError &error = {});
    void openEvents();
    void onEventData(const QByteArray &bytes);
    void handleEvent(const QByteArray &json);
    void listContainers();
    void inspect(const QString &id, const QString &action);
    void sampleStats(Poller::Report report);
    void dropConnection();

    DockerEndpoint m_endpoint;
    QString m_project;
    DockerClient *m_client;
    Poller m_connectionPoller;
    Poller m_statsPoller;
    Poller::Report m_connectionReport; ///< held while the connection run lasts
    DockerStream *m_events = nullptr;
    QByteArray m_eventBuffer;
    QHash<QString, ContainerInfo> m_containers; ///< by id
    Connection m_connection = Connection::Idle;
    HttpError m_error;
    quint64 m_generation = 0; ///< bumps on every (re)connect: late answers are dropped
    bool m_started = false;
    bool m_hasSnapshot = false;
    // A listing is asked for, not periodic (connect, compose runs): one at a time, one queued.
    bool m_listing = false;
    bool m_listAgain = false;
};

} // namespace Stackscope
