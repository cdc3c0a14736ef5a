// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QTextStream>

#include <optional>

namespace Stackscope {

class CommandLine;

/// The configuration a headless mode works with: `--config FILE`, else the default file, else
/// (no file yet) the defaults, whose stack is the bundled one (copied to the data folder as the
/// first window would). Nothing when the file has problems or a named file is missing: then
/// the problems are on `err` and `*exitCode` is the mode's exit code (2).
std::optional<Config> loadHeadlessConfig(const CommandLine &commandLine, QTextStream &err,
                                         int *exitCode);

} // namespace Stackscope
