// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QHash>
#include <QProcessEnvironment>
#include <QString>

namespace Stackscope {

/// The compose project a configuration means, named the way compose names it, so that the
/// project Stackscope watches is the one `docker compose up` in that folder made.
struct ComposeProject
{
    QString name;       ///< the project name every compose call and Docker filter uses
    QString nameSource; ///< where the name came from, in words ("the folder /home/me/myapp")
    QString directory;  ///< the project folder: the first compose file's folder
    QString problem;    ///< why no valid name could be found (then `name` is empty)
    /// The configuration's stack with `project` set to `name` and, when the configuration names
    /// no profiles, COMPOSE_PROFILES (environment, then env file): what compose is run with.
    StackConfig stack;

    bool ok() const { return problem.isEmpty(); }

    /// The name as compose chooses it: the configured `project`, else COMPOSE_PROJECT_NAME
    /// (the environment, then the env file: `stack.env_file`, else the project folder's
    /// `.env`), else the compose file's top-level `name:` (`topLevelName`, interpolated), else
    /// the project folder's name, normalised as compose normalises it. Compose files in
    /// `bundledStackDir` are the bundled stack, named `stackscope`; a configured `stackscope`
    /// with any other compose files is the default an earlier version wrote, not the user's
    /// choice, and is passed over.
    static ComposeProject resolve(const StackConfig &stack, const QProcessEnvironment &environment,
                                  const QHash<QString, QString> &envFile,
                                  const QString &topLevelName, const QString &bundledStackDir);

    /// Compose's normalisation of a folder or `name:` value: lowercase, only `a-z0-9_-` kept,
    /// no leading `_` or `-`.
    static QString normalizeName(const QString &name);
    /// The compose files compose reads in `folder` when given none: the first of compose.yaml,
    /// compose.yml, docker-compose.yaml, docker-compose.yml, then its override file
    /// (compose.override.yaml…) when there is one. Empty when the folder has none.
    static QStringList filesInFolder(const QString &folder);
    /// The env file compose reads for `stack`: `env_file` when set, else `.env` in the project
    /// folder (which may not exist).
    static QString envFilePath(const StackConfig &stack);
};

} // namespace Stackscope
