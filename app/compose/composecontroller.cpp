// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composecontroller.h"
#include "models/common/offthread.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Stackscope {

ComposeController::ComposeController(QObject *parent)
    : QObject(parent)
    , m_runner(new ComposeRunner(this))
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        // Editors replace the file: watch the new one too.
        QTimer::singleShot(200, this, &ComposeController::loadComposeFiles);
    });
    connect(m_runner, &ComposeRunner::started, this, &ComposeController::composeStarted);
    connect(m_runner, &ComposeRunner::outputLine, this, &ComposeController::composeOutput);
    connect(m_runner, &ComposeRunner::finished, this, &ComposeController::composeFinished);
}

ComposeController::~ComposeController() = default;

void ComposeController::setConfig(const StackConfig &stack, const DockerEndpoint &endpoint)
{
    if (stack.composeCommand != m_stack.composeCommand)
        m_composeDetected = false;
    m_stack = stack;
    m_endpoint = endpoint;
    loadComposeFiles();
}

void ComposeController::loadComposeFiles()
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

void ComposeController::detectCompose()
{
    m_compose = ComposeCommand::detect(m_stack.composeCommand);
    m_composeDetected = true;
    Q_EMIT composeDetected();
}

void ComposeController::detectComposeInBackground()
{
    if (m_detecting)
        return;
    m_detecting = true;
    const QStringList configured = m_stack.composeCommand;
    OffThread::run(
        this, [configured] { return ComposeCommand::detect(configured); },
        [this, configured](const ComposeCommand &found) {
            m_detecting = false;
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
            if (!m_composeDetected)
                detectComposeInBackground(); // the configuration changed meanwhile
        });
}

bool ComposeController::isComposeRunning() const
{
    return m_runner->isRunning() || m_pendingRun.has_value();
}

bool ComposeController::runCompose(ComposeCommand::Action action, const QString &service)
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

void ComposeController::cancelCompose()
{
    m_runner->cancel();
}

} // namespace Stackscope
