// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/composeservice.h"

#include <QByteArray>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// What compose needs to resolve a project, as `docker compose` takes it from its command line
/// and environment.
struct ComposeInputs
{
    QStringList files;    ///< `-f`, in order; empty = COMPOSE_FILE, else compose.yaml & co.
    QString envFile;      ///< `--env-file`: replaces the project's `.env` when set
    QStringList profiles; ///< `--profile`; empty = COMPOSE_PROFILES ("*" = every profile)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory; ///< for COMPOSE_FILE and the default files; empty = current folder
};

/// The compose model read without compose: the fallback when no compose is installed, so that
/// the services (stopped ones too) are listed. It resolves the files as compose v2 (compose-go)
/// does: `.env` and the environment, `${VAR}` interpolation, merge keys `<<`, `extends`, several
/// files merged (with `!reset` and `!override`), `include` (each included file read as a project
/// of its own: its folder anchors its relative paths, its `.env` or `env_file` fills its
/// variables), profiles. Only what Stackscope shows is extracted into `ComposeService`.
struct ComposeFile
{
    QList<ComposeService> services;    ///< active ones, in file order (see resolve(), load())
    QList<ComposeService> allServices; ///< every service, whatever its profiles
    QString name;                      ///< top-level `name:` (interpolated), empty if absent
    QStringList externalNetworks;      ///< real names of the networks declared `external`
    QStringList activeProfiles;        ///< the profiles `services` was filtered with
    QStringList sources;  ///< every file read: compose, extended and included files, env files
    QStringList warnings; ///< what compose would warn about (unset variables...), not errors
    QString error;        ///< "FILE:LINE:COLUMN: message" when a file cannot be read or resolved

    bool ok() const { return error.isEmpty(); }

    /// Resolves a project as `docker compose config` would: env file (`envFile`, else `.env`
    /// in the first file's folder; the environment wins over it), COMPOSE_FILE and
    /// COMPOSE_PROFILES when `files` or `profiles` are empty, then every file in order.
    /// `services` holds the services active with the profiles.
    static ComposeFile resolve(const ComposeInputs &inputs);
    /// Parses one file's text with the process environment (no `.env`); `fileName` names it in
    /// errors and its folder anchors relative paths. `services` is not filtered by profiles.
    static ComposeFile parse(const QByteArray &yaml, const QString &fileName = {});
    /// Reads and merges every file in order with the process environment and the first file's
    /// `.env`; `services` is not filtered by profiles (callers use active()).
    static ComposeFile load(const QStringList &paths);
    /// Services active with `profiles` (a service without profiles always is; "*" = all).
    static QList<ComposeService> active(const QList<ComposeService> &services,
                                        const QStringList &profiles);
    /// `command:` or `entrypoint:` as a string, split as compose does (shell quoting and
    /// backslashes, no expansion; it stops at an unquoted ; & | < or >). False on an unclosed
    /// quote.
    static bool splitCommand(const QString &text, QStringList *arguments);
};

} // namespace Stackscope
