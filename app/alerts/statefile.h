// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Stackscope::StateFile {

/// `$XDG_STATE_HOME/stackscope/<fileName>` (`~/.local/state` when unset or relative): where the
/// alerts feature keeps what it must remember across restarts (notified.json, acknowledged.json,
/// alert-history.json).
QString path(const QString &fileName);

/// Writes `contents` to `path` atomically (QSaveFile: the old file stays whole until the new one
/// is complete), creating its folder. Returns an empty string, or a sentence saying what failed.
QString write(const QString &path, const QByteArray &contents);

/// What to do with a state file that exists but cannot be used (not JSON, another version).
enum class Unusable {
    Leave,    ///< leave it where it is: the next write() replaces it
    SetAside, ///< rename it to `<path>.invalid-<UTC time>` first, so no write() destroys it
};

/// What read() found in a state file.
struct ReadResult
{
    enum class Status {
        Missing,    ///< no file (or no path): an empty state, not an error
        Read,       ///< `object` holds the file's JSON object, of the version asked for
        CannotOpen, ///< it exists but cannot be opened; `error` says why
        Unusable,   ///< not a JSON object of the version asked for
    };
    Status status = Status::Missing;
    QJsonObject object;
    QString error;  ///< CannotOpen: "cannot read <path>: <reason>"
    QString keptAs; ///< Unusable with Unusable::SetAside: where it is now; empty if not moved
    bool ok() const { return status == Status::Missing || status == Status::Read; }
};

/// Reads the state file at `path`: a JSON object whose "version" is `version`. The one read side
/// of the state files (notified.json, acknowledged.json); each caller turns the object into its
/// entries and words its own message for an unusable file.
ReadResult read(const QString &path, int version, Unusable unusable);

} // namespace Stackscope::StateFile
