// SPDX-License-Identifier: GPL-3.0-or-later
// `--status`: owned by the stack supervision feature, which replaces this file.
#include "cli/headless.h"

namespace Stackscope {

int runStatus(const CommandLine &, QTextStream &, QTextStream &err)
{
    err << "stackscope: --status is not available in this version yet\n";
    return 2;
}

} // namespace Stackscope
