// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"
#include "app/compose/composeproject.h"
#include "app/compose/composerunner.h"
#include "app/compose/uppreflight.h"
#include "app/docker/dockerendpoint.h"
#include "app/docker/dockerwatcher.h"
#include "app/http/httperror.h"
#include "models/config/config.h"
#include "models/stack/composeservice.h"

#include <QObject>
#include <QTimer>

namespace Stackscope {

class ComposeController;
class DockerClient;
class DockerLogStream;
class ServiceModel;
struct RequestRecord;

/// Supervises one compose project: the services the compose files declare (ComposeController)
/// joined with the containers the daemon reports (DockerWatcher) into one ServiceModel, whose
/// uptimes tick every second. The window and `--status` both use it; it adds the join and the
/// model and leaves the work to the two: it is the one object its callers need.
class StackSupervisor : public QObject
{
    Q_OBJECT
public:
    using Connection = DockerWatcher::Connection;

    explicit StackSupervisor(QObject *parent = nullptr);
    ~StackSupervisor() override;

    /// A new configuration: reconnects only when the daemon or project changed.
    void setConfig(const Config &config);
    const StackConfig &stackConfig() const { return m_stack; }
    void start();
    void stop();

    ServiceModel *model() const { return m_model; }
    DockerClient *client() const;

    Connection connection() const;
    /// Why the daemon cannot be reached (Failed), with the hint of what to do.
    HttpError connectionError() const;
    const DockerEndpoint &endpoint() const;
    /// "Docker/20.10.24 (linux), API 1.41" once connected.
    QString daemonDescription() const;
    /// The compose files' problem, empty when they parse.
    QString composeFileError() const;
    /// The services the compose files declare for the active profiles.
    QList<ComposeService> declaredServices() const;
    /// The project as compose names it (and the stack compose runs with).
    const ComposeProject &project() const;
    /// Who resolved the services: compose, or Stackscope's own reading of the files.
    QString modelSource() const;
    /// Compose has answered for the current files (or there is none to ask).
    bool isModelResolved() const;
    /// True once the containers have been listed at least once since the last (re)connect.
    bool hasSnapshot() const;
    /// Every declared service runs and, where it has a healthcheck, is healthy.
    bool allGood() const;

    /// Finds compose now (blocks for the `version` probes).
    void detectCompose();
    /// Finds compose on a worker thread; composeDetected() follows on this thread.
    void detectComposeInBackground();
    const ComposeCommand &composeCommand() const;
    /// False until detectCompose() ran for the current `compose_command`.
    bool isComposeDetected() const;
    /// Runs `compose <action> [service]` (see ComposeController::runCompose); the containers are
    /// listed again when it ends. Before `up` the daemon is asked first (UpPreflight): a
    /// container name another project holds, or a missing external network, refuses the run
    /// with a message (composeFinished) and upRefused().
    bool runCompose(ComposeCommand::Action action, const QString &service = {});
    /// Creates an external network the compose file needs (`docker network create NAME`);
    /// networkCreated() follows.
    void createNetwork(const QString &name);
    void cancelCompose();
    bool isComposeRunning() const;

    /// Opens the logs of `service`'s container (nullptr when it has none); owned by `parent`.
    DockerLogStream *openLogs(const QString &service, int tail, bool follow, QObject *parent);

    /// Lists again (after a compose run, or when asked).
    void refresh();

Q_SIGNALS:
    void connectionChanged();
    /// The containers have been listed and joined (after connecting, and after every refresh()).
    void snapshotReady();
    /// One service's row changed because of an event (for the latency benchmark and tests).
    void serviceEvent(const QString &service, const QString &action);
    void composeFileChanged();
    /// The project's name changed: the containers are listed anew under it.
    void projectChanged();
    /// Compose answered for the current files (or could not).
    void modelResolved();
    void composeDetected();
    void composeStarted(const QString &commandLine);
    void composeOutput(const QString &line);
    void composeFinished(const Stackscope::ComposeRunner::Result &result);
    void requestFinished(const Stackscope::RequestRecord &record);
    /// `up` was not run: what stood in its way (and which networks could be created).
    void upRefused(const Stackscope::UpPreflight &preflight);
    /// createNetwork() ended; `error` empty on success.
    void networkCreated(const QString &name, const QString &error);

private:
    void preflightUp(const QString &service);
    /// The declared services joined with the containers, merged into the model.
    void rejoin();
    void updateContainer(const ContainerInfo &container);

    StackConfig m_stack;
    qint64 m_maxBodyBytes = 0;
    std::chrono::milliseconds m_statsInterval{5000};
    bool m_preflighting = false;       ///< the daemon is being asked before an `up`
    quint64 m_preflightGeneration = 0; ///< a cancel or a newer check makes older answers stale
    DockerWatcher *m_watcher;
    ComposeController *m_compose;
    ServiceModel *m_model;
    QTimer m_tickTimer; ///< uptimes move on; no request
};

} // namespace Stackscope
