// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Stackscope::StateFile {

/// `$XDG_STATE_HOME/stackscope/<fileName>` (`~/.local/state` when unset or relative): where the
/// alerts feature keeps what it must remember across restarts (notified.json, acknowledged.json,
/// alert-history.json).
QString path(const QString &fileName);

/// Writes `contents` to `path` atomically (QSaveFile: the old file stays whole until the new one
/// is complete), creating its folder. Returns an empty string, or a sentence saying what failed.
QString write(const QString &path, const QByteArray &contents);

} // namespace Stackscope::StateFile
