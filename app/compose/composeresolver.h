// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/composecommand.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QTimer>

class QProcess;

namespace Stackscope {

/// Asks compose itself for the resolved model of a project: `docker compose config --format
/// json` (v2) or `docker-compose config` (v1), run with the project's -p, -f, --env-file and
/// --profile arguments in the project folder. Interpolation, `.env`, `extends`, `include`,
/// anchors and merge keys are then compose's own. One run at a time: a newer resolve() cancels
/// the one under way. The process runs beside the event loop; nothing here blocks.
class ComposeResolver : public QObject
{
    Q_OBJECT
public:
    explicit ComposeResolver(QObject *parent = nullptr);
    ~ComposeResolver() override;

    /// Longest a `config` run may take before it is killed and reported.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout.setInterval(timeout); }

    void resolve(const ComposeCommand &compose, const StackConfig &stack,
                 const QProcessEnvironment &environment, const QString &workingDirectory);
    void cancel();
    bool isRunning() const { return m_process != nullptr; }

    /// The arguments after the program for `config` on `stack`.
    static QStringList arguments(const ComposeCommand &compose, const StackConfig &stack);

Q_SIGNALS:
    /// Compose's resolved model (YAML or JSON, which YAML reads too) and how long it took.
    void resolved(const QByteArray &model, qint64 elapsedMs);
    /// Compose rejected the files or could not run: its own message, trimmed.
    void failed(const QString &message);

private:
    void finish();

    QProcess *m_process = nullptr;
    QTimer m_timeout;
    qint64 m_startedMs = 0;
};

} // namespace Stackscope
