// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composecontroller.h"
#include "app/compose/composeresolver.h"
#include "app/compose/dotenv.h"
#include "app/config/paths.h"
#include "models/common/offthread.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace Stackscope {

ComposeController::ComposeController(QObject *parent)
    : QObject(parent)
    , m_resolver(new ComposeResolver(this))
    , m_runner(new ComposeRunner(this))
{
    connect(m_resolver, &ComposeResolver::resolved, this,
            [this](const QByteArray &model) { takeResolvedModel(model); });
    connect(m_resolver, &ComposeResolver::failed, this, [this](const QString &message) {
        const bool changed = m_composeError != message || !m_modelResolved;
        // Without compose there is nothing to say about the files: Stackscope's reading stands.
        m_composeError = m_compose.isValid() ? message : QString();
        m_modelResolved = true;
        if (changed)
            Q_EMIT composeFileChanged();
        Q_EMIT modelResolved();
    });
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
    // The same stack again (another section of the configuration changed): the watcher
    // already follows its files, and compose need not be asked again.
    if (m_configured && stack == m_stack && endpoint.host == m_endpoint.host
        && endpoint.tls == m_endpoint.tls)
        return;
    m_configured = true;
    if (stack.composeCommand != m_stack.composeCommand)
        m_composeDetected = false;
    m_stack = stack;
    m_endpoint = endpoint;
    loadComposeFiles();
}

QList<ComposeService> ComposeController::activeServices() const
{
    const QList<ComposeService> &all
        = m_composeFile.allServices.isEmpty() ? m_composeFile.services : m_composeFile.allServices;
    return ComposeFile::active(all, m_project.stack.profiles);
}

QString ComposeController::composeFileError() const
{
    if (!m_composeFile.ok())
        return m_composeFile.error;
    return m_composeError;
}

QString ComposeController::modelSource() const
{
    if (m_modelFromCompose)
        return tr("resolved by %1").arg(m_compose.describe());
    if (m_composeDetected && !m_compose.isValid())
        return tr("read by Stackscope (no compose installed)");
    return tr("read by Stackscope");
}

void ComposeController::loadComposeFiles()
{
    const QString errorBefore = composeFileError();
    const QList<ComposeService> servicesBefore = m_composeFile.services;
    const QString nameBefore = m_project.name;

    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString envPath = ComposeProject::envFilePath(m_stack);
    const QHash<QString, QString> envFile
        = QFileInfo::exists(envPath) ? DotEnv::load(envPath) : QHash<QString, QString>();

    ComposeInputs inputs;
    inputs.files = m_stack.composeFiles;
    inputs.envFile = m_stack.envFile;
    inputs.profiles = m_stack.profiles;
    inputs.environment = environment;
    ComposeFile own = ComposeFile::resolve(inputs);
    m_project = ComposeProject::resolve(m_stack, environment, envFile, own.name, Paths::stackDir());
    if (!own.ok() && !m_composeFile.services.isEmpty())
        own.services = m_composeFile.services; // keep the last good list on screen
    m_ownReading = own;
    // Stackscope's reading stands until compose answers for these files.
    m_composeFile = own;
    m_modelFromCompose = false;
    m_modelResolved = false;
    m_composeError.clear();
    watchFiles();
    if (nameBefore != m_project.name)
        Q_EMIT projectChanged();
    if (errorBefore != composeFileError() || servicesBefore != m_composeFile.services)
        Q_EMIT composeFileChanged();
    resolveWithCompose();
}

void ComposeController::watchFiles()
{
    if (!m_watcher.files().isEmpty())
        m_watcher.removePaths(m_watcher.files());
    // The compose files, the files they extend or include (and the included projects' env
    // files), and the env file (it names the project and fills the variables: a change there
    // changes both).
    QStringList candidates = m_stack.composeFiles + m_ownReading.sources;
    candidates << ComposeProject::envFilePath(m_stack);
    QStringList existing;
    for (const QString &f : std::as_const(candidates)) {
        if (!f.isEmpty() && !existing.contains(f) && QFileInfo::exists(f))
            existing << f;
    }
    if (!existing.isEmpty())
        m_watcher.addPaths(existing);
}

void ComposeController::resolveWithCompose()
{
    if (!m_composeDetected)
        return; // the detection (after the window's first paint) resolves when it ends
    if (m_stack.composeFiles.isEmpty() || !m_project.ok()) {
        m_resolver->cancel();
        m_modelResolved = true;
        Q_EMIT modelResolved();
        return;
    }
    m_resolver->resolve(m_compose, m_project.stack, composeEnvironment(), m_project.directory);
}

void ComposeController::takeResolvedModel(const QByteArray &model)
{
    // Compose prints the model with every literal `$` doubled, so that it reads again: one
    // pass of interpolation gives the values (docker/compose#5031, #8518).
    ComposeFile resolved
        = ComposeFile::parse(model, tr("the output of %1 config").arg(m_compose.describe()));
    const QString errorBefore = composeFileError();
    const QList<ComposeService> servicesBefore = m_composeFile.services;
    m_modelResolved = true;
    if (resolved.ok()) {
        resolved.name = m_ownReading.name;
        m_composeFile = resolved;
        m_modelFromCompose = true;
        m_composeError.clear();
    } else {
        // Compose took the files but its answer did not read: say so, keep Stackscope's reading.
        m_composeError = tr("cannot read what %1 config printed: %2")
                             .arg(m_compose.describe(), resolved.error);
    }
    if (errorBefore != composeFileError() || servicesBefore != m_composeFile.services)
        Q_EMIT composeFileChanged();
    Q_EMIT modelResolved();
}

void ComposeController::detectCompose()
{
    m_compose = ComposeCommand::detect(m_stack.composeCommand);
    m_composeDetected = true;
    Q_EMIT composeDetected();
    resolveWithCompose();
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
            if (m_composeDetected)
                resolveWithCompose();
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
    if (!m_project.ok()) {
        ComposeRunner::Result r;
        r.failedToStart = true;
        r.exitCode = -1;
        r.error = m_project.problem;
        r.description = description;
        Q_EMIT composeFinished(r);
        return false;
    }
    m_runner->setEnvironment(composeEnvironment());
    m_runner->setWorkingDirectory(m_project.directory);
    return m_runner->run(m_compose.program, m_compose.arguments(m_project.stack, action, service),
                         description);
}

QProcessEnvironment ComposeController::composeEnvironment() const
{
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
    return env;
}

void ComposeController::cancelCompose()
{
    m_runner->cancel();
}

} // namespace Stackscope
