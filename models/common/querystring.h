// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Stackscope {

/// `value` as a double-quoted string literal of PromQL and LogQL (both take Go's escapes):
/// backslash, double quote and newline escaped. The one place label values go into a query.
inline QString queryStringLiteral(QString value)
{
    value.replace(u'\\', QStringLiteral("\\\\"));
    value.replace(u'"', QStringLiteral("\\\""));
    value.replace(u'\n', QStringLiteral("\\n"));
    return u'"' + value + u'"';
}

} // namespace Stackscope
