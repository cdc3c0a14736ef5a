// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composeresolver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QProcess>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {

/// Compose's stderr without its noise: warnings about unset variables and the obsolete
/// `version` key stay out of the message unless nothing else is there.
QString messageOf(const QByteArray &stderrBytes)
{
    const QStringList lines = QString::fromUtf8(stderrBytes).split(u'\n', Qt::SkipEmptyParts);
    QStringList errors;
    for (const QString &line : lines) {
        const QString t = line.trimmed();
        if (t.startsWith("WARNING:"_L1) || t.contains("level=warning"_L1))
            continue;
        errors << t;
    }
    return (errors.isEmpty() ? lines : errors).join(u'\n').trimmed();
}

} // namespace

ComposeResolver::ComposeResolver(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(30s);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (!m_process)
            return;
        const QString program = m_process->program();
        cancel();
        Q_EMIT failed(tr("%1 did not answer 'config' within %2 s")
                          .arg(program)
                          .arg(m_timeout.interval() / 1000));
    });
}

ComposeResolver::~ComposeResolver()
{
    cancel();
}

QStringList ComposeResolver::arguments(const ComposeCommand &compose, const StackConfig &stack)
{
    QStringList args = compose.prefix;
    args << ComposeCommand::globalArguments(stack) << u"config"_s;
    if (compose.flavor == ComposeCommand::Flavor::V2Plugin)
        args << u"--format"_s << u"json"_s;
    return args;
}

void ComposeResolver::resolve(const ComposeCommand &compose, const StackConfig &stack,
                              const QProcessEnvironment &environment,
                              const QString &workingDirectory)
{
    cancel();
    if (!compose.isValid()) {
        Q_EMIT failed(compose.problem);
        return;
    }
    if (const QString problem = ComposeCommand::namesProblem(stack); !problem.isEmpty()) {
        Q_EMIT failed(problem);
        return;
    }
    m_process = new QProcess(this);
    m_process->setProcessEnvironment(environment);
    m_process->setWorkingDirectory(workingDirectory);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::finished, this, &ComposeResolver::finish);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart || !m_process)
            return;
        const QString message
            = tr("cannot run %1: %2").arg(m_process->program(), m_process->errorString());
        cancel();
        Q_EMIT failed(message);
    });
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
    m_timeout.start();
    m_process->start(compose.program, arguments(compose, stack));
}

void ComposeResolver::cancel()
{
    m_timeout.stop();
    if (QProcess *p = std::exchange(m_process, nullptr)) {
        p->disconnect(this);
        if (p->state() == QProcess::NotRunning) {
            p->deleteLater();
            return;
        }
        // Never wait on this thread (a file saved twice in a row cancels a run): the process
        // is reaped, then deleted, when it has ended.
        connect(p, &QProcess::finished, p, &QObject::deleteLater);
        p->kill();
    }
}

void ComposeResolver::finish()
{
    m_timeout.stop();
    QProcess *p = std::exchange(m_process, nullptr);
    if (!p)
        return;
    p->deleteLater();
    const QByteArray out = p->readAllStandardOutput();
    const QByteArray err = p->readAllStandardError();
    if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0) {
        QString message = messageOf(err);
        if (message.isEmpty())
            message = tr("%1 config ended with exit code %2").arg(p->program()).arg(p->exitCode());
        Q_EMIT failed(message);
        return;
    }
    Q_EMIT resolved(out, QDateTime::currentMSecsSinceEpoch() - m_startedMs);
}

} // namespace Stackscope
