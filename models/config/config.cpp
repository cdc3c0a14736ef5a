// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/config/config.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

QString ConfigProblem::format(const QString &fileName) const
{
    // Without a position, GCC's forms `FILE: message` and `FILE:LINE: message` keep the line
    // parseable by editors.
    if (line <= 0)
        return fileName + u": "_s + message;
    if (column <= 0)
        return fileName + u':' + QString::number(line) + u": "_s + message;
    return fileName + u':' + QString::number(line) + u':' + QString::number(column) + u": "_s
           + message;
}

} // namespace Stackscope
