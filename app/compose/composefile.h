// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/composeservice.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// The services the compose files declare (read with yaml-cpp, so stopped services are listed
/// too). Only what the services table needs is read; compose itself stays the authority.
struct ComposeFile
{
    QList<ComposeService> services; ///< in file order; later files override earlier ones
    QString error; ///< "FILE:LINE:COLUMN: message" when a file cannot be read or parsed

    bool ok() const { return error.isEmpty(); }

    /// Parses one file's text; `fileName` names it in the error.
    static ComposeFile parse(const QByteArray &yaml, const QString &fileName = {});
    /// Reads and merges every file in order.
    static ComposeFile load(const QStringList &paths);
    /// Services active with `profiles` (a service without profiles always is).
    static QList<ComposeService> active(const QList<ComposeService> &services,
                                        const QStringList &profiles);
};

} // namespace Stackscope
