// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"
#include "app/compose/composefile.h"
#include "app/compose/composerunner.h"
#include "app/docker/dockerendpoint.h"
#include "models/config/config.h"

#include <QFileSystemWatcher>
#include <QObject>

#include <optional>

namespace Stackscope {

/// Runs compose for one project: reads (and watches) the compose files, finds the compose
/// command off the GUI thread, and runs one compose action at a time against the daemon the
/// page shows, with cancel. Knows nothing of the daemon's containers.
class ComposeController : public QObject
{
    Q_OBJECT
public:
    explicit ComposeController(QObject *parent = nullptr);
    ~ComposeController() override;

    /// Reads the compose files again; `endpoint` is where compose runs (DOCKER_HOST).
    void setConfig(const StackConfig &stack, const DockerEndpoint &endpoint);

    /// The services the compose files declare (the last good list while they do not parse).
    const ComposeFile &composeFile() const { return m_composeFile; }
    /// The compose files' problem, empty when they parse.
    QString composeFileError() const { return m_composeFile.error; }

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

Q_SIGNALS:
    /// The compose files' services or their problem changed.
    void composeFileChanged();
    void composeDetected();
    void composeStarted(const QString &commandLine);
    void composeOutput(const QString &line);
    /// A run ended, or could not start (compose missing).
    void composeFinished(const Stackscope::ComposeRunner::Result &result);

private:
    void loadComposeFiles();

    StackConfig m_stack;
    DockerEndpoint m_endpoint;
    ComposeFile m_composeFile;
    ComposeCommand m_compose;
    bool m_composeDetected = false;
    ComposeRunner *m_runner;
    QFileSystemWatcher m_watcher;
    bool m_detecting = false; ///< a detection runs on the thread pool
    struct PendingRun
    {
        ComposeCommand::Action action;
        QString service;
    };
    std::optional<PendingRun> m_pendingRun; ///< asked for before compose was detected
};

} // namespace Stackscope
