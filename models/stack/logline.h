// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// One line of a container's output.
struct LogLine
{
    enum Stream { Stdout = 1, Stderr = 2 };
    QDateTime timestamp; ///< from the daemon (timestamps=1); invalid when unknown
    QString text;        ///< without the line end
    int stream = Stdout;

    friend bool operator==(const LogLine &, const LogLine &) = default;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::LogLine)
