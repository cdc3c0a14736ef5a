// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"
#include "app/compose/composefile.h"
#include "app/compose/composerunner.h"
#include "app/docker/dockerendpoint.h"
#include "app/http/httperror.h"
#include "models/config/config.h"
#include "models/stack/containerinfo.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <optional>

namespace Stackscope {

class DockerClient;
class DockerLogStream;
class DockerStream;
class ServiceModel;
struct RequestRecord;

/// Supervises one compose project: finds the daemon, negotiates the API, lists the project's
/// containers (by the com.docker.compose.project label) joined with the services of the compose
/// files, follows /events so that state and health reach the model within a second without
/// polling, samples /stats of running containers every `refresh.stack`, reconnects by itself
/// when the daemon stops or restarts, and runs compose for the buttons. The window and
/// `--status` both use it.
class StackSupervisor : public QObject
{
    Q_OBJECT
public:
    enum class Connection { Idle, Connecting, Connected, Failed };
    Q_ENUM(Connection)

    explicit StackSupervisor(QObject *parent = nullptr);
    ~StackSupervisor() override;

    /// A new configuration: reconnects only when the daemon or project changed.
    void setConfig(const Config &config);
    const StackConfig &stackConfig() const { return m_stack; }
    void start();
    void stop();

    ServiceModel *model() const { return m_model; }
    DockerClient *client() const { return m_client; }

    Connection connection() const { return m_connection; }
    /// Why the daemon cannot be reached (Failed), with the hint of what to do.
    HttpError connectionError() const { return m_error; }
    const DockerEndpoint &endpoint() const { return m_endpoint; }
    /// "Docker/20.10.24 (linux), API 1.41" once connected.
    QString daemonDescription() const;
    /// The compose files' problem, empty when they parse.
    QString composeFileError() const { return m_composeFile.error; }
    /// True once the containers have been listed at least once since the last (re)connect.
    bool hasSnapshot() const { return m_hasSnapshot; }
    /// Every declared service runs and, where it has a healthcheck, is healthy.
    bool allGood() const;

    /// Finds compose now (blocks for the `version` probes).
    void detectCompose();
    /// Finds compose on a worker thread; composeDetected() follows on this thread.
    void detectComposeInBackground();
    const ComposeCommand &composeCommand() const { return m_compose; }
    /// False until detectCompose() ran for the current `compose_command`.
    bool isComposeDetected() const { return m_composeDetected; }
    /// Runs `compose <action> [service]`; false when a run is under way or compose is missing.
    /// Before compose is detected the run waits for the detection in the background (it runs
    /// the compose program, seconds for the Python docker-compose: never on this thread).
    bool runCompose(ComposeCommand::Action action, const QString &service = {});
    void cancelCompose();
    bool isComposeRunning() const;
    ComposeRunner *runner() const { return m_runner; }

    /// Opens the logs of `service`'s container (nullptr when it has none); owned by `parent`.
    DockerLogStream *openLogs(const QString &service, int tail, bool follow, QObject *parent);

    /// Lists again (after a compose run, or when asked).
    void refresh();

Q_SIGNALS:
    void connectionChanged();
    /// The containers have been listed (after connecting, and after every refresh()).
    void snapshotReady();
    /// One service's row changed because of an event (for the latency benchmark and tests).
    void serviceEvent(const QString &service, const QString &action);
    void composeFileChanged();
    void composeDetected();
    void composeStarted(const QString &commandLine);
    void composeOutput(const QString &line);
    void composeFinished(const Stackscope::ComposeRunner::Result &result);
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    void connectToDaemon();
    void setConnection(Connection state, const HttpError &error = {});
    void scheduleReconnect();
    void openEvents();
    void onEventData(const QByteArray &bytes);
    void handleEvent(const QByteArray &json);
    void listContainers();
    void inspect(const QString &id, const QString &action);
    void rejoin();
    void loadComposeFiles();
    void sampleStats();
    void dropConnection();

    Config m_config;
    StackConfig m_stack;
    DockerEndpoint m_endpoint;
    ComposeFile m_composeFile;
    ComposeCommand m_compose;
    bool m_composeDetected = false;
    DockerClient *m_client;
    ServiceModel *m_model;
    ComposeRunner *m_runner;
    DockerStream *m_events = nullptr;
    QByteArray m_eventBuffer;
    QHash<QString, ContainerInfo> m_containers; ///< by id
    Connection m_connection = Connection::Idle;
    HttpError m_error;
    QTimer m_reconnectTimer;
    QTimer m_statsTimer;
    QTimer m_tickTimer;
    QFileSystemWatcher m_watcher;
    QThread *m_detectThread = nullptr;
    struct PendingRun
    {
        ComposeCommand::Action action;
        QString service;
    };
    std::optional<PendingRun> m_pendingRun; ///< asked for before compose was detected
    int m_statsInFlight = 0;
    int m_reconnectDelayMs = 500;
    quint64 m_generation = 0; ///< bumps on every (re)connect: late answers are dropped
    bool m_started = false;
    bool m_hasSnapshot = false;
    bool m_listing = false;
    bool m_listAgain = false;
};

} // namespace Stackscope
