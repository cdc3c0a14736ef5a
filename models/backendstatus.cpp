// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backendstatus.h"

#include <QCoreApplication>

namespace Stackscope {

QString stateText(BackendStatus::State state)
{
    switch (state) {
    case BackendStatus::State::Unknown:
        return QCoreApplication::translate("BackendStatus", "checking");
    case BackendStatus::State::Up:
        return QCoreApplication::translate("BackendStatus", "reachable");
    case BackendStatus::State::Down:
        return QCoreApplication::translate("BackendStatus", "unreachable");
    case BackendStatus::State::Disabled:
        return QCoreApplication::translate("BackendStatus", "not configured");
    }
    return {};
}

} // namespace Stackscope
