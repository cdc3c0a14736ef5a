// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Stackscope {

/// Where Stackscope keeps its files, following the XDG base directory rules.
namespace Paths {
QString configDir();  ///< $XDG_CONFIG_HOME/stackscope (QStandardPaths::GenericConfigLocation)
QString configFile(); ///< configDir() + "/config.yaml"
QString dataDir();    ///< $XDG_DATA_HOME/stackscope (QStandardPaths::GenericDataLocation)
QString stackDir();   ///< dataDir() + "/stack": the user's copy of the bundled compose stack
} // namespace Paths

/// First run: copy the bundled stack from the resource folder `:/stack` (recursively, preserving
/// relative paths) to `targetDir` when that folder does not exist yet; never overwrite a user's
/// file. Returns false with `error` set when it cannot.
///
/// An existing `targetDir` is left alone (returns true): it is the user's stack now. The copy is
/// made in a sibling folder and renamed into place, so an interrupted copy never leaves a
/// half-installed stack that a later run would mistake for the user's. Copied files are
/// writable by the owner; `*.sh` files are also made executable (resources carry no modes).
bool installBundledStack(const QString &targetDir, QString *error);

} // namespace Stackscope
