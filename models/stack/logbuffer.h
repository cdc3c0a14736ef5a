// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/logline.h"

#include <QStringList>

#include <deque>

namespace Stackscope {

/// The lines of one container's log kept in memory: at most cap() lines, the oldest dropped
/// first, so that following a chatty container never grows without bound.
class LogBuffer
{
public:
    explicit LogBuffer(int cap = 10000);

    void setCap(int cap);
    int cap() const { return m_cap; }
    /// Appends and returns how many old lines were dropped to stay within the cap.
    int append(const QList<LogLine> &lines);
    void clear();

    int size() const { return int(m_lines.size()); }
    const LogLine &at(int i) const { return m_lines.at(std::size_t(i)); }
    qint64 droppedTotal() const { return m_dropped; }

    /// One line as the view shows and copies it.
    static QString format(const LogLine &line, bool timestamps);
    /// True when `needle` (case-insensitive) is in the line's text; an empty needle matches.
    static bool matches(const LogLine &line, const QString &needle);
    /// Every kept line (or those matching `needle`), formatted, oldest first.
    QStringList formatted(bool timestamps, const QString &needle = {}) const;

private:
    std::deque<LogLine> m_lines;
    int m_cap;
    qint64 m_dropped = 0;
};

} // namespace Stackscope
