// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logfilter.h"

namespace Stackscope {

bool LogFilter::setPattern(const QString &pattern, bool caseSensitive, QString *error)
{
    m_caseSensitive = caseSensitive;
    QRegularExpression regex(pattern, caseSensitive ? QRegularExpression::NoPatternOption
                                                    : QRegularExpression::CaseInsensitiveOption);
    if (!pattern.isEmpty() && !regex.isValid()) {
        if (error)
            *error = regex.errorString();
        m_pattern.clear();
        m_regex = QRegularExpression();
        return false;
    }
    regex.optimize();
    m_pattern = pattern;
    m_regex = regex;
    return true;
}

void LogFilter::setTimeRange(qint64 fromNs, qint64 toNs)
{
    m_fromNs = fromNs;
    m_toNs = toNs;
}

bool LogFilter::accepts(const LogEntry &entry) const
{
    if (!m_levels.isEmpty() && !m_levels.contains(entry.level))
        return false;
    if (!m_sources.isEmpty() && !m_sources.contains(entry.source))
        return false;
    if (entry.timeNs != 0 && (entry.timeNs < m_fromNs || entry.timeNs > m_toNs))
        return false;
    if (m_onlyMatching && hasSearch())
        return matches(entry.text);
    return true;
}

bool LogFilter::matches(const QString &text) const
{
    return hasSearch() && m_regex.match(QStringView(text)).hasMatch();
}

QList<std::pair<qsizetype, qsizetype>> LogFilter::matchesIn(const QString &text,
                                                            qsizetype limit) const
{
    QList<std::pair<qsizetype, qsizetype>> out;
    if (!hasSearch())
        return out;
    const QStringView view = QStringView(text).left(limit);
    QRegularExpressionMatchIterator it = m_regex.globalMatch(view);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength() > 0)
            out.append({m.capturedStart(), m.capturedLength()});
        if (out.size() >= 1000)
            break;
    }
    return out;
}

} // namespace Stackscope
