// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace Stackscope {

/// How severe a log line says it is; Unknown when it does not say.
enum class LogLevel : quint8 { Unknown, Trace, Debug, Info, Warn, Error, Fatal };

/// Where lines come from: a service of the stack (Docker logs) or one Loki stream (its labels).
/// A view keeps a table of these and each entry points into it by index, so that 200,000 lines
/// do not carry 200,000 copies of the same name and labels.
struct LogSource
{
    QString name;                              ///< the service, or the stream's labels as `{a="b"}`
    QList<std::pair<QString, QString>> labels; ///< Loki's stream labels; empty for Docker
    friend bool operator==(const LogSource &, const LogSource &) = default;
};

/// One log line from any source: the combined stack logs and Loki both produce these.
struct LogEntry
{
    qint64 timeNs = 0; ///< nanoseconds since the epoch; 0 when unknown
    QString text;      ///< without the line end, as received (never interpreted)
    int source = -1;   ///< index into the owner's LogSource table
    LogLevel level = LogLevel::Unknown;
    quint8 stream = 0; ///< 1 stdout, 2 stderr (Docker); 0 otherwise

    friend bool operator==(const LogEntry &, const LogEntry &) = default;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::LogEntry)
