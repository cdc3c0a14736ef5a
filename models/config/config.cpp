// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/config/config.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString endpointOriginText(const EndpointConfig &endpoint)
{
    switch (endpoint.origin) {
    case EndpointConfig::Origin::File:
        return QCoreApplication::translate("EndpointOrigin", "set in the configuration");
    case EndpointConfig::Origin::Stack:
        return QCoreApplication::translate("EndpointOrigin", "from the stack: %1")
            .arg(endpoint.discoveredAs);
    case EndpointConfig::Origin::Default:
        break;
    }
    if (endpoint.notInStack)
        return QCoreApplication::translate("EndpointOrigin", "default (not in this stack)");
    return QCoreApplication::translate("EndpointOrigin", "default");
}

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
