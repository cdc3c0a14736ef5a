// SPDX-License-Identifier: GPL-3.0-or-later
// `--import-dashboard`: owned by the metrics feature, which replaces this file.
#include "cli/headless.h"

namespace Stackscope {

int runImportDashboard(const CommandLine &, QTextStream &, QTextStream &err)
{
    err << "stackscope: --import-dashboard is not available in this version yet\n";
    return 2;
}

} // namespace Stackscope
