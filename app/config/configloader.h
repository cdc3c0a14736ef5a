// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stackscope {

/// The outcome of reading a configuration: every problem found, in file order. `config` is only
/// to be used when ok(); otherwise it holds whatever could be read over the defaults.
struct ConfigLoadResult
{
    Config config;
    QList<ConfigProblem> problems;
    bool ok() const { return problems.isEmpty(); }
};

/// Parses and validates a version 1 configuration. Relative paths are resolved against
/// `baseDir` (the file's folder; empty = the current folder), `~/` against $HOME, and
/// `@STACK_DIR@` is replaced by `stackDir` (empty = Paths::stackDir()). A key that is absent,
/// or present with no value, takes its default, which is the value in the bundled default file.
ConfigLoadResult parseConfig(const QByteArray &yaml, const QString &baseDir,
                             const QString &stackDir = {});

/// Reads and parses `path`. A file that cannot be read gives one problem at line 0, column 0.
ConfigLoadResult loadConfigFile(const QString &path, const QString &stackDir = {});

/// The bundled default file (`:/config/default.yaml`) with `@STACK_DIR@` replaced by `stackDir`
/// (empty = Paths::stackDir()); what a first run writes.
QByteArray defaultConfigText(const QString &stackDir);

/// defaultConfigText(stackDir), parsed; always valid.
Config defaultConfig(const QString &stackDir);

} // namespace Stackscope
