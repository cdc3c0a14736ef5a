// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/logs/logmodel.h"

#include "models/common/palette.h"
#include "models/logs/logtext.h"

#include <QColor>
#include <QDateTime>
#include <QPoint>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QDateTime toDateTime(qint64 ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000);
}

} // namespace

LogModel::LogModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

const LogEntry &LogModel::entryAt(int row) const
{
    return m_entries[std::size_t(m_rows[std::size_t(row)] - m_firstSeq)];
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry &e = entryAt(index.row());
    const auto sourceName = [&] {
        return e.source >= 0 && e.source < m_sources.size() ? m_sources.at(e.source).name
                                                            : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return e.text;
    case Qt::ToolTipRole:
        return lineText(index.row()).left(2000);
    case TimeRole:
        return e.timeNs;
    case TimeTextRole:
        return e.timeNs == 0 ? QString() : toDateTime(e.timeNs).toString(u"HH:mm:ss.zzz"_s);
    case SourceRole:
        return e.source;
    case SourceNameRole:
        return sourceName();
    case SourceColorRole:
        return Palette::service(quint32(std::max(0, e.source)));
    case LevelRole:
        return int(e.level);
    case LevelNameRole:
        return LogText::levelName(e.level);
    case MatchesRole: {
        QVariantList out;
        // Only as far as a view paints a line (ui/logs/loglinesview.cpp keeps 2,000 characters):
        // this runs for every visible row on every paint.
        constexpr qsizetype kMatchChars = 2048;
        for (const auto &[start, length] : m_filter.matchesIn(e.text, kMatchChars))
            out.append(QPoint(int(start), int(length)));
        return out;
    }
    case FieldsRole: {
        QVariantList out;
        for (const auto &[key, value] : LogText::fields(e.text))
            out.append(QStringList{key, value});
        return out;
    }
    case StreamRole:
        return int(e.stream);
    default:
        return {};
    }
}

QHash<int, QByteArray> LogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(TimeTextRole, "timeText");
    names.insert(SourceRole, "source");
    names.insert(SourceNameRole, "sourceName");
    names.insert(SourceColorRole, "sourceColor");
    names.insert(LevelRole, "level");
    names.insert(LevelNameRole, "levelName");
    names.insert(TextRole, "text");
    names.insert(MatchesRole, "matches");
    names.insert(FieldsRole, "fields");
    names.insert(StreamRole, "stream");
    return names;
}

void LogModel::setCap(int cap)
{
    m_cap = std::max(1, cap);
    if (qsizetype(m_entries.size()) > m_cap) {
        dropOldest(qsizetype(m_entries.size()) - m_cap);
        Q_EMIT countsChanged();
    }
}

int LogModel::addSource(const LogSource &source)
{
    for (int i = 0; i < m_sources.size(); ++i)
        if (m_sources.at(i).name == source.name)
            return i;
    m_sources.append(source);
    return int(m_sources.size() - 1);
}

bool LogModel::isMatch(const LogEntry &entry) const
{
    return m_filter.hasSearch() && m_filter.matches(entry.text);
}

void LogModel::dropOldest(qsizetype count)
{
    count = std::min<qsizetype>(count, qsizetype(m_entries.size()));
    if (count <= 0)
        return;
    const qint64 newFirst = m_firstSeq + count;
    const auto end = std::lower_bound(m_rows.begin(), m_rows.end(), newFirst);
    const auto rows = int(end - m_rows.begin());
    if (rows > 0) {
        beginRemoveRows({}, 0, rows - 1);
        if (m_filter.hasSearch()) {
            for (auto it = m_rows.begin(); it != end; ++it)
                if (isMatch(m_entries[std::size_t(*it - m_firstSeq)]))
                    --m_matching;
        }
        m_rows.erase(m_rows.begin(), end);
    }
    m_entries.erase(m_entries.begin(), m_entries.begin() + count);
    m_firstSeq = newFirst;
    m_dropped += count;
    if (rows > 0)
        endRemoveRows();
}

void LogModel::append(QList<LogEntry> entries)
{
    if (entries.isEmpty())
        return;
    if (entries.size() > m_cap) {
        m_dropped += entries.size() - m_cap; // never shown, but dropped all the same
        entries.remove(0, entries.size() - m_cap);
    }
    for (LogEntry &e : entries) {
        e.text = LogText::stripEscapes(e.text);
        if (e.level == LogLevel::Unknown)
            e.level = LogText::detectLevel(e.text);
    }
    const qsizetype overflow = qsizetype(m_entries.size()) + entries.size() - m_cap;
    if (overflow > 0)
        dropOldest(overflow);

    const qint64 firstNewSeq = m_firstSeq + qint64(m_entries.size());
    QList<qint64> accepted;
    accepted.reserve(entries.size());
    int matching = 0;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const LogEntry &e = entries.at(i);
        if (!m_filter.accepts(e))
            continue;
        accepted.append(firstNewSeq + i);
        if (m_filter.onlyMatching() ? m_filter.hasSearch() : isMatch(e))
            ++matching;
    }
    for (LogEntry &e : entries)
        m_entries.push_back(std::move(e));
    if (!accepted.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(accepted.size()) - 1);
        m_rows.insert(m_rows.end(), accepted.begin(), accepted.end());
        m_matching += matching;
        endInsertRows();
    }
    Q_EMIT countsChanged();
}

void LogModel::clear()
{
    beginResetModel();
    m_firstSeq += qint64(m_entries.size());
    m_entries.clear();
    m_rows.clear();
    m_dropped = 0;
    m_matching = 0;
    endResetModel();
    Q_EMIT countsChanged();
}

void LogModel::setFilter(const LogFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_rows.clear();
    m_matching = 0;
    const bool countAll = m_filter.hasSearch();
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        const LogEntry &e = m_entries[i];
        if (!m_filter.accepts(e))
            continue;
        m_rows.push_back(m_firstSeq + qint64(i));
        // With "only matching" accepts() already ran the search.
        if (countAll && (m_filter.onlyMatching() || m_filter.matches(e.text)))
            ++m_matching;
    }
    endResetModel();
    Q_EMIT countsChanged();
}

QString LogModel::lineText(int row) const
{
    const LogEntry &e = entryAt(row);
    QString out;
    if (e.timeNs != 0)
        out += toDateTime(e.timeNs).toUTC().toString(Qt::ISODateWithMs) + u' ';
    if (e.source >= 0 && e.source < m_sources.size())
        out += m_sources.at(e.source).name + u' ';
    if (e.level != LogLevel::Unknown)
        out += LogText::levelName(e.level) + u' ';
    out += e.text;
    return out;
}

} // namespace Stackscope
