// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/validateconfig.h"

#include "app/config/configloader.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace Stackscope {

int runValidateConfig(const QString &path, QTextStream &out, QTextStream &err)
{
    const ConfigLoadResult result = loadConfigFile(path);
    if (result.ok()) {
        out << path << u": OK"_s << Qt::endl;
        return 0;
    }
    for (const ConfigProblem &problem : result.problems)
        err << problem.format(path) << u'\n';
    err.flush();
    return 1;
}

} // namespace Stackscope
