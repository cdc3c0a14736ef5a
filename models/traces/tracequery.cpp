// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/tracequery.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stackscope {

bool isGoDuration(const QString &text)
{
    static const QRegularExpression re(u"^(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h))+$"_s);
    return re.match(text).hasMatch();
}

} // namespace Stackscope
