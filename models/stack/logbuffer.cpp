// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/logbuffer.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

LogBuffer::LogBuffer(int cap)
    : m_cap(std::max(1, cap))
{}

void LogBuffer::setCap(int cap)
{
    m_cap = std::max(1, cap);
    while (int(m_lines.size()) > m_cap) {
        m_lines.pop_front();
        ++m_dropped;
    }
}

int LogBuffer::append(const QList<LogLine> &lines)
{
    int dropped = 0;
    for (const LogLine &l : lines) {
        m_lines.push_back(l);
        if (int(m_lines.size()) > m_cap) {
            m_lines.pop_front();
            ++dropped;
        }
    }
    m_dropped += dropped;
    return dropped;
}

void LogBuffer::clear()
{
    m_lines.clear();
    m_dropped = 0;
}

QString LogBuffer::format(const LogLine &line, bool timestamps)
{
    if (!timestamps || !line.timestamp.isValid())
        return line.text;
    return line.timestamp.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s) + u"  "_s + line.text;
}

bool LogBuffer::matches(const LogLine &line, const QString &needle)
{
    return needle.isEmpty() || line.text.contains(needle, Qt::CaseInsensitive);
}

QStringList LogBuffer::formatted(bool timestamps, const QString &needle) const
{
    QStringList out;
    for (const LogLine &l : m_lines) {
        if (matches(l, needle))
            out << format(l, timestamps);
    }
    return out;
}

} // namespace Stackscope
