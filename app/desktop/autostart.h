// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Stackscope {

/// Start at login, the XDG way: an entry in $XDG_CONFIG_HOME/autostart that starts Stackscope
/// minimised to the tray. Off unless the person turns it on.
namespace Autostart {

QString entryPath();
bool isEnabled();
/// Writes (atomically) or removes the entry; false with `error` set when it cannot.
bool setEnabled(bool enabled, QString *error);

} // namespace Autostart
} // namespace Stackscope
