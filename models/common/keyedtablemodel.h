// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Stackscope {

/// A table of values with a stable key each, updated by merging a whole new list: rows whose key
/// is gone are removed, changed rows emit one dataChanged over the changed span, new keys are
/// appended in one insertion. It never resets, so views keep selection and scroll position.
template<typename T>
class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const QList<T> &items() const { return m_rows; }
    const T &at(int row) const { return m_rows.at(row); }
    int rowOf(const QString &key) const { return m_index.value(key, -1); }

    void merge(const QList<T> &incoming)
    {
        QHash<QString, qsizetype> wanted;
        wanted.reserve(incoming.size());
        for (qsizetype i = 0; i < incoming.size(); ++i)
            wanted.insert(keyOf(incoming.at(i)), i);

        // Removals, in contiguous runs from the bottom so that row numbers stay valid.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (wanted.contains(keyOf(m_rows.at(row))))
                continue;
            const int last = row;
            while (row > 0 && !wanted.contains(keyOf(m_rows.at(row - 1))))
                --row;
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            rebuildIndex(); // before the signal: slots may call rowOf()
            endRemoveRows();
        }
        if (m_index.size() != m_rows.size())
            rebuildIndex();

        // Updates in place.
        int first = -1;
        int last = -1;
        QList<qsizetype> added;
        for (qsizetype i = 0; i < incoming.size(); ++i) {
            const T &item = incoming.at(i);
            const QString key = keyOf(item);
            const int row = m_index.value(key, -1);
            if (row < 0) {
                if (wanted.value(key) == i) // a duplicate key counts once, the last one
                    added.append(i);
                continue;
            }
            if (wanted.value(key) != i)
                continue;
            const bool visible = !sameForViews(m_rows.at(row), item);
            m_rows[row] = item; // kept even when no view shows the change
            if (!visible)
                continue;
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));

        if (!added.isEmpty()) {
            const int start = int(m_rows.size());
            beginInsertRows({}, start, start + int(added.size()) - 1);
            for (const qsizetype i : std::as_const(added)) {
                m_index.insert(keyOf(incoming.at(i)), int(m_rows.size()));
                m_rows.append(incoming.at(i));
            }
            endInsertRows();
        }
    }

protected:
    virtual QString keyOf(const T &item) const = 0;
    /// Whether a change is invisible to every view (then no dataChanged is emitted).
    virtual bool sameForViews(const T &a, const T &b) const { return a == b; }

private:
    void rebuildIndex()
    {
        m_index.clear();
        m_index.reserve(m_rows.size());
        for (int row = 0; row < m_rows.size(); ++row)
            m_index.insert(keyOf(m_rows.at(row)), row);
    }

    QList<T> m_rows;
    QHash<QString, int> m_index;
};

} // namespace Stackscope
