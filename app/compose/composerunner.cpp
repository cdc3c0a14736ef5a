// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composerunner.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
constexpr int KeptLines = 20;

QString quoted(const QString &arg)
{
    if (!arg.isEmpty() && !arg.contains(u' ') && !arg.contains(u'"') && !arg.contains(u'\''))
        return arg;
    QString a = arg;
    a.replace(u'\'', "'\\''"_L1);
    return u'\'' + a + u'\'';
}
} // namespace

ComposeRunner::ComposeRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Result>();
}

ComposeRunner::~ComposeRunner()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(2000);
        delete m_process;
    }
}

bool ComposeRunner::run(const QString &program, const QStringList &arguments,
                        const QString &description)
{
    if (m_process)
        return false;
    // Names from a compose file or a container's labels never reach compose unchecked: a
    // service called "--privileged" or "a;rm -rf /" is refused here, whoever built the list.
    if (QString problem = arguments.isEmpty() ? tr("refused to run compose: no valid argument list")
                                              : ComposeCommand::argumentsProblem(arguments);
        !problem.isEmpty()) {
        Result r;
        r.failedToStart = true;
        r.exitCode = -1;
        r.error = problem;
        r.description = description;
        m_commandLine.clear();
        Q_EMIT finished(r);
        return false;
    }
    m_partial.clear();
    m_lastLines.clear();
    m_cancelled = false;
    m_description = description;
    QStringList shown{QFileInfo(program).fileName()};
    for (const QString &a : arguments)
        shown << quoted(a);
    m_commandLine = shown.join(u' ');

    m_process = new QProcess(this);
    m_process->setProcessEnvironment(m_env);
    if (!m_workingDirectory.isEmpty())
        m_process->setWorkingDirectory(m_workingDirectory);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] { readOutput(false); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || !m_process)
            return;
        Result r;
        r.failedToStart = true;
        r.exitCode = -1;
        r.error = tr("cannot run %1: %2").arg(m_process->program(), m_process->errorString());
        r.description = m_description;
        m_process->deleteLater();
        m_process = nullptr;
        Q_EMIT finished(r);
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (!m_process)
            return;
        readOutput(true);
        Result r;
        r.exitCode = code;
        r.crashed = status == QProcess::CrashExit && !m_cancelled;
        r.cancelled = m_cancelled;
        if (r.crashed)
            r.error = tr("compose crashed");
        r.lastLines = m_lastLines;
        r.elapsedMs = m_clock.elapsed();
        r.description = m_description;
        m_process->deleteLater();
        m_process = nullptr;
        Q_EMIT finished(r);
    });
    m_clock.start();
    Q_EMIT started(m_commandLine);
    m_process->start(program, arguments, QIODevice::ReadOnly);
    return true;
}

void ComposeRunner::cancel()
{
    if (!m_process || m_cancelled)
        return;
    m_cancelled = true;
    m_process->terminate();
    QProcess *p = m_process;
    QTimer::singleShot(3000, p, [p] { p->kill(); });
}

void ComposeRunner::readOutput(bool flush)
{
    if (!m_process)
        return;
    m_partial += m_process->readAllStandardOutput();
    // Compose redraws progress lines with \r and ANSI escapes; show each as its own line.
    m_partial.replace("\r\n", "\n");
    m_partial.replace('\r', '\n');
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_partial.indexOf('\n', start);
        if (nl < 0)
            break;
        QString line = QString::fromUtf8(m_partial.mid(start, nl - start));
        static const QRegularExpression ansi(u"\x1b\\[[0-9;?]*[A-Za-z]"_s);
        line.remove(ansi);
        start = nl + 1;
        if (line.trimmed().isEmpty())
            continue;
        m_lastLines << line;
        if (m_lastLines.size() > KeptLines)
            m_lastLines.removeFirst();
        Q_EMIT outputLine(line);
    }
    m_partial.remove(0, start);
    if (flush && !m_partial.isEmpty()) {
        const QString line = QString::fromUtf8(m_partial);
        m_partial.clear();
        m_lastLines << line;
        if (m_lastLines.size() > KeptLines)
            m_lastLines.removeFirst();
        Q_EMIT outputLine(line);
    }
}

} // namespace Stackscope
