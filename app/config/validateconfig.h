// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

namespace Stackscope {

/// `stackscope --validate-config FILE`: reads FILE (never writes it) and prints `FILE: OK` on
/// `out` and returns 0 when it is valid; otherwise prints one `FILE:LINE:COLUMN: message` line per
/// problem on `err` (the path as given, so editors can jump there) and returns 1.
int runValidateConfig(const QString &path, QTextStream &out, QTextStream &err);

} // namespace Stackscope
