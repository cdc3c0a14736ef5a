// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logentry.h"
#include "models/logs/logfilter.h"

#include <QAbstractListModel>
#include <QList>

#include <deque>

namespace Stackscope {

/// The lines of a log view from any source (the stack's Docker logs, Loki): a ring buffer of at
/// most cap() LogEntry (the oldest dropped first), the LogSource table they point into, and a
/// LogFilter. Rows are the kept lines the filter accepts, oldest first. append() filters only
/// the new lines (rows inserted, the dropped ones removed); a new filter is applied once over
/// the kept lines (a reset). Lines are cleaned on the way in: terminal escapes stripped
/// (LogText::stripEscapes), the level detected when the source did not say it.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        TimeRole = Qt::UserRole + 1, ///< qint64 nanoseconds since the epoch (0: unknown)
        TimeTextRole,                ///< QString "14:02:01.123", local time
        SourceRole,                  ///< int, index into sources()
        SourceNameRole,              ///< QString
        SourceColorRole,             ///< QColor, the source's own (Palette::service)
        LevelRole,                   ///< int (LogLevel)
        LevelNameRole,               ///< QString "ERROR", empty when unknown
        TextRole,                    ///< QString, the whole line
        MatchesRole,                 ///< QVariantList of QPoint(start, length) in the first 2 Ki
        FieldsRole,                  ///< QVariantList of QStringList{key, value} (JSON, logfmt)
        StreamRole,                  ///< int: 1 stdout, 2 stderr, 0 unknown
    };

    static constexpr int kDefaultCap = 200000;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The most lines kept; lowering it drops the oldest at once.
    void setCap(int cap);
    int cap() const { return m_cap; }

    /// The index of the source named as `source` (added when new).
    int addSource(const LogSource &source);
    const QList<LogSource> &sources() const { return m_sources; }

    /// Appends lines (oldest first; each one's `source` from addSource()).
    void append(QList<LogEntry> entries);
    /// Forgets every line (the sources stay).
    void clear();

    /// Every line kept, filtered or not.
    int totalCount() const { return int(m_entries.size()); }
    /// Lines dropped to stay within the cap since the last clear().
    qint64 droppedCount() const { return m_dropped; }
    /// Rows whose line the search matches (equal to rowCount() with "only matching").
    int matchingCount() const { return m_matching; }

    const LogFilter &filter() const { return m_filter; }
    /// Applies `filter` to every kept line (a reset of the rows).
    void setFilter(const LogFilter &filter);

    /// The entry shown at `row`.
    const LogEntry &entryAt(int row) const;
    /// One row as it is copied and saved: "2026-12-07T14:02:01.123Z web ERROR text" with the
    /// whole text (never elided), control characters as they are.
    QString lineText(int row) const;

Q_SIGNALS:
    /// The counts of lines kept, dropped or matching changed.
    void countsChanged();

private:
    bool isMatch(const LogEntry &entry) const;
    void dropOldest(qsizetype count);

    std::deque<LogEntry> m_entries;
    qint64 m_firstSeq = 0;     ///< the sequence number of m_entries.front()
    std::deque<qint64> m_rows; ///< sequence numbers of the accepted lines, ascending
    QList<LogSource> m_sources;
    LogFilter m_filter;
    int m_cap = kDefaultCap;
    qint64 m_dropped = 0;
    int m_matching = 0;
};

} // namespace Stackscope
