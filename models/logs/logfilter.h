// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logentry.h"

#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>

#include <limits>
#include <utility>

namespace Stackscope {

/// Which lines a log view shows and what it highlights: a search (a regular expression, with or
/// without case), "only matching", a set of levels, a set of sources and a time range. A line
/// passes the levels, sources and time range always; the search highlights, and with "only
/// matching" it also filters.
class LogFilter
{
public:
    /// Empty pattern: no search. Returns false, with `error` set, for an invalid expression
    /// (then the search is off, and nothing else changes).
    bool setPattern(const QString &pattern, bool caseSensitive, QString *error = nullptr);
    QString pattern() const { return m_pattern; }
    bool caseSensitive() const { return m_caseSensitive; }
    bool hasSearch() const { return !m_pattern.isEmpty() && m_regex.isValid(); }

    void setOnlyMatching(bool only) { m_onlyMatching = only; }
    bool onlyMatching() const { return m_onlyMatching; }

    /// The levels shown; empty: every level (Unknown included).
    void setLevels(const QSet<LogLevel> &levels) { m_levels = levels; }
    const QSet<LogLevel> &levels() const { return m_levels; }
    /// The source indexes shown; empty: every source.
    void setSources(const QSet<int> &sources) { m_sources = sources; }
    const QSet<int> &sources() const { return m_sources; }
    /// Nanoseconds since the epoch, both inclusive; lines without a time (0) always pass.
    void setTimeRange(qint64 fromNs, qint64 toNs);
    qint64 fromNs() const { return m_fromNs; }
    qint64 toNs() const { return m_toNs; }

    /// Whether the line is shown.
    bool accepts(const LogEntry &entry) const;
    /// Whether the search finds something in `text` (false without a search).
    bool matches(const QString &text) const;
    /// Where the search matches `text`, as (start, length) in order, in the first `limit`
    /// characters only (a 20 MB line is painted elided; its matches beyond are never shown).
    QList<std::pair<qsizetype, qsizetype>> matchesIn(const QString &text,
                                                     qsizetype limit = 1 << 16) const;

private:
    QString m_pattern;
    QRegularExpression m_regex;
    bool m_caseSensitive = false;
    bool m_onlyMatching = false;
    QSet<LogLevel> m_levels;
    QSet<int> m_sources;
    qint64 m_fromNs = std::numeric_limits<qint64>::min();
    qint64 m_toNs = std::numeric_limits<qint64>::max();
};

} // namespace Stackscope
