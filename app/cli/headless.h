// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextStream>

namespace Stackscope {

class CommandLine;

/// `stackscope --status [--json]`: the stack's services and the backends' reachability, through
/// the same code paths as the window. Exit 0 when everything runs and is healthy, else 1.
int runStatus(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

/// `stackscope --stacks [--json]`: every compose project the Docker daemon knows, with state,
/// services running of total, folder and compose files. Exit 0, or 1 when Docker cannot be
/// reached (the reason on `err`).
int runStacks(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

/// `stackscope --import-dashboard FILE`: imports a Grafana dashboard next to the configuration.
int runImportDashboard(const CommandLine &commandLine, QTextStream &out, QTextStream &err);

} // namespace Stackscope
