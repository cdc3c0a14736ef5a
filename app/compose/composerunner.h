// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcess>
#include <QStringList>

namespace Stackscope {

/// Runs one compose command at a time through QProcess with an argument list (never a shell),
/// streaming its output line by line. A run can be cancelled (terminate, then kill). When it
/// ends, `finished` carries the exit code and the last lines for a failure message.
class ComposeRunner : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        int exitCode = 0;
        bool crashed = false;
        bool cancelled = false;
        bool failedToStart = false;
        QString error;         ///< why it did not start, or crashed
        QStringList lastLines; ///< up to 20
        qint64 elapsedMs = 0;
        QString description; ///< "up -d" for messages
        bool ok() const { return !crashed && !cancelled && !failedToStart && exitCode == 0; }
    };

    explicit ComposeRunner(QObject *parent = nullptr);
    ~ComposeRunner() override;

    /// Environment of the runs (DOCKER_HOST for the daemon in use, ...).
    void setEnvironment(const QProcessEnvironment &env) { m_env = env; }
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }

    /// Starts `program arguments`; false (and nothing emitted) while a run is under way.
    bool run(const QString &program, const QStringList &arguments, const QString &description);
    void cancel();
    bool isRunning() const { return m_process != nullptr; }
    /// The command line of the current or last run, quoted for display only.
    QString commandLine() const { return m_commandLine; }

Q_SIGNALS:
    void started(const QString &commandLine);
    void outputLine(const QString &line);
    void finished(const Stackscope::ComposeRunner::Result &result);

private:
    void readOutput(bool flush);

    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
    QString m_workingDirectory;
    QProcess *m_process = nullptr;
    QByteArray m_partial;
    QStringList m_lastLines;
    QString m_commandLine;
    QString m_description;
    QElapsedTimer m_clock;
    bool m_cancelled = false;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ComposeRunner::Result)
