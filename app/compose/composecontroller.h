// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"
#include "app/compose/composefile.h"
#include "app/compose/composeproject.h"
#include "app/compose/composerunner.h"
#include "app/docker/dockerendpoint.h"
#include "models/config/config.h"

#include <QFileSystemWatcher>
#include <QObject>

#include <optional>

namespace Stackscope {

class ComposeResolver;

/// Runs compose for one project: names the project as compose does, reads (and watches) the
/// compose files, finds the compose command off the GUI thread, and runs one compose action at
/// a time against the daemon the page shows, with cancel. Knows nothing of the daemon's
/// containers.
///
/// The services come first from Stackscope's own reading of the files (at once, also without
/// compose), then from compose itself (`config`), which replaces them when it answers.
class ComposeController : public QObject
{
    Q_OBJECT
public:
    explicit ComposeController(QObject *parent = nullptr);
    ~ComposeController() override;

    /// Reads the compose files again; `endpoint` is where compose runs (DOCKER_HOST).
    void setConfig(const StackConfig &stack, const DockerEndpoint &endpoint);

    /// The project: its name as compose chooses it, and the stack compose is run with.
    const ComposeProject &project() const { return m_project; }

    /// The services the compose files declare (the last good list while they do not parse).
    const ComposeFile &composeFile() const { return m_composeFile; }
    /// The services of the active profiles.
    QList<ComposeService> activeServices() const;
    /// The compose files' problem (compose's own message when compose rejects them, else
    /// Stackscope's reading), empty when they are fine.
    QString composeFileError() const;
    /// Who resolved the services shown: compose ("docker-compose 1.29.2") or Stackscope's own
    /// reading (when compose is missing or has not answered yet).
    QString modelSource() const;
    /// True once compose has answered for the current files (or cannot: none installed).
    bool isModelResolved() const { return m_modelResolved; }

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
    /// The project's name changed (another file, `.env`, or configuration).
    void projectChanged();
    /// Compose answered `config` (or could not): the model is as good as it gets.
    void modelResolved();
    void composeDetected();
    void composeStarted(const QString &commandLine);
    void composeOutput(const QString &line);
    /// A run ended, or could not start (compose missing).
    void composeFinished(const Stackscope::ComposeRunner::Result &result);

private:
    void loadComposeFiles();
    void resolveWithCompose();
    void takeResolvedModel(const QByteArray &model);
    QProcessEnvironment composeEnvironment() const;
    void watchFiles();

    StackConfig m_stack;
    ComposeProject m_project;
    ComposeResolver *m_resolver;
    QString m_composeError;    ///< compose's own message for the files, empty when it took them
    ComposeFile m_ownReading;  ///< Stackscope's reading of the files, when compose has not answered
    bool m_configured = false; ///< setConfig() ran once
    bool m_modelFromCompose = false;
    bool m_modelResolved = false;
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
