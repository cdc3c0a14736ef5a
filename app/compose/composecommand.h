// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QMetaType>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// How to run compose: the `docker compose` v2 plugin, the `docker-compose` v1 program, or the
/// command the configuration names. Builds argument lists only (never a shell line), always with
/// the same -p, -f, --env-file and --profile arguments.
struct ComposeCommand
{
    Q_GADGET
public:
    enum class Action { Up, Down, Stop, Start, Restart };
    Q_ENUM(Action)
    enum class Flavor { None, V2Plugin, V1Standalone, Configured };
    Q_ENUM(Flavor)

    Flavor flavor = Flavor::None;
    QString program;    ///< absolute path or name: "docker", "/usr/bin/docker-compose"
    QStringList prefix; ///< before the global options: {"compose"} for the plugin
    QString version;    ///< "2.27.0", "1.29.2"; empty when unknown
    QString problem;    ///< why none was found (Flavor::None)

    bool isValid() const { return flavor != Flavor::None && !program.isEmpty(); }
    /// v2 has `up --wait` (2.1.1 and later); v1 has not.
    bool supportsWait() const;
    /// "docker compose 2.27.0", for the page.
    QString describe() const;

    /// Compose's own rules (the Compose specification): a project name is
    /// `^[a-z0-9][a-z0-9_-]*$`, a service name `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$`. Nothing else
    /// (`--privileged`, `-f`, `a;rm -rf /`, `$(x)`) may reach an argument list.
    static bool isValidProjectName(const QString &name);
    static bool isValidServiceName(const QString &name);
    /// Why `stack.project` or `service` must not be passed to compose, in words; empty when both
    /// are valid (an empty project or service means none).
    static QString namesProblem(const StackConfig &stack, const QString &service = {});
    /// The same check on a finished argument list (as arguments() builds it): the value of `-p`
    /// and every service after the action. ComposeRunner refuses a list that fails it.
    static QString argumentsProblem(const QStringList &arguments);

    /// The whole argument list (after the program) for `action` on the stack, or on one service.
    /// Check namesProblem() first; ComposeRunner refuses to start a list that fails
    /// argumentsProblem(), so an invalid name never reaches a process.
    QStringList arguments(const StackConfig &stack, Action action,
                          const QString &service = {}) const;
    /// -p, -f..., --env-file, --profile... as every invocation carries them.
    static QStringList globalArguments(const StackConfig &stack);
    static QString actionName(Action action);

    /// A command from the configuration's `compose_command` (["docker", "compose"]); its version
    /// is unknown until probed, and `--wait` is used when it looks like the plugin.
    static ComposeCommand configured(const QStringList &command);
    /// Reads a `version --short` answer: "2.27.0", "v2.27.0", "1.29.2" or the long v1 banner.
    static QString parseVersion(const QString &output);

    /// Finds compose: the configured command when given, else `docker compose` when the docker
    /// CLI has the plugin, else `docker-compose`. Runs `version` probes with a short timeout (only
    /// at configuration time, not per action).
    static ComposeCommand detect(const QStringList &configuredCommand,
                                 const QProcessEnvironment &env
                                 = QProcessEnvironment::systemEnvironment());
};

} // namespace Stackscope
