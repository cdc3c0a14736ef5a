// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <concepts>
#include <optional>

namespace Stackscope {

/// The one merge base for item models: a table of values with a stable key each, updated by
/// merging rather than resetting, so that views keep their selection and scroll position.
/// merge() takes a whole new list: rows whose key is gone are removed (in contiguous runs),
/// changed rows emit one dataChanged over the changed span, new keys are inserted in one go.
/// upsert() and retain() do the same for one value at a time and for removals alone.
/// Subclasses give the key, say which changes views can see, and may keep a part of the old
/// value (merged()).
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
    int rowOf(const QString &key) const { return index_().value(key, -1); }
    /// Changes with every change of the rows (before it is announced): a proxy or view that
    /// caches something per row knows from it when the cache is stale.
    quint64 revision() const { return m_revision; }

    void merge(const QList<T> &incoming)
    {
        QHash<QString, qsizetype> wanted;
        wanted.reserve(incoming.size());
        for (qsizetype i = 0; i < incoming.size(); ++i)
            wanted.insert(keyOf(incoming.at(i)), i);
        removeWhere([&wanted, this](const T &row) { return !wanted.contains(keyOf(row)); });

        // Updates in place.
        int first = -1;
        int last = -1;
        QList<int> roles;
        bool allRoles = false;
        QList<qsizetype> added;
        for (qsizetype i = 0; i < incoming.size(); ++i) {
            const QString key = keyOf(incoming.at(i));
            if (wanted.value(key) != i) // a duplicate key counts once, the last one
                continue;
            const int row = index_().value(key, -1);
            if (row < 0) {
                added.append(i);
                continue;
            }
            const T item = merged(m_rows.at(row), incoming.at(i));
            const std::optional<QList<int>> changed = changedRoles(m_rows.at(row), item);
            m_rows[row] = item; // kept even when no view shows the change
            ++m_revision;
            if (!changed)
                continue;
            allRoles = allRoles || changed->isEmpty();
            for (int role : *changed) {
                if (!roles.contains(role))
                    roles.append(role);
            }
            first = first < 0 ? row : std::min(first, row);
            last = std::max(last, row);
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1),
                               allRoles ? QList<int>() : roles);

        if (added.isEmpty())
            return;
        if (newRowsInIncomingOrder()) {
            // Each new key goes where the incoming order puts it, among the kept rows.
            for (const qsizetype i : std::as_const(added)) {
                const int at = std::min(int(i), int(m_rows.size()));
                beginInsertRows({}, at, at);
                m_rows.insert(at, incoming.at(i));
                m_indexStale = true;
                ++m_revision;
                endInsertRows();
            }
            return;
        }
        const int start = int(m_rows.size());
        beginInsertRows({}, start, start + int(added.size()) - 1);
        for (const qsizetype i : std::as_const(added)) {
            if (!m_indexStale)
                m_index.insert(keyOf(incoming.at(i)), int(m_rows.size()));
            m_rows.append(incoming.at(i));
        }
        ++m_revision;
        endInsertRows();
    }

    /// Inserts `item` at the end, or updates the row with its key; returns the row.
    int upsert(const T &item)
    {
        const QString key = keyOf(item);
        const int row = index_().value(key, -1);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_index.insert(key, at);
            m_rows.append(item);
            ++m_revision;
            endInsertRows();
            return at;
        }
        replaceAt(row, merged(m_rows.at(row), item));
        return row;
    }

    /// Removes the rows whose key is not in `keys`.
    void retain(const QSet<QString> &keys)
    {
        removeWhere([&keys, this](const T &row) { return !keys.contains(keyOf(row)); });
    }

protected:
    virtual QString keyOf(const T &item) const = 0;
    /// Which roles a change from `before` to `after` touches: nothing when no view can see it,
    /// an empty list for all roles.
    virtual std::optional<QList<int>> changedRoles(const T &before, const T &after) const
    {
        if constexpr (std::equality_comparable<T>) {
            if (before == after)
                return std::nullopt;
        }
        return QList<int>();
    }
    /// The value a row takes when `incoming` arrives for it (by default `incoming` itself).
    virtual T merged(const T &current, const T &incoming) const
    {
        Q_UNUSED(current);
        return incoming;
    }
    /// New rows are appended unless this says they keep the incoming list's order.
    virtual bool newRowsInIncomingOrder() const { return false; }

    /// Replaces row `row` (its key must not change), announcing the columns from `firstColumn` to
    /// `lastColumn` (-1: the last) as changed when a view can see the change.
    void replaceAt(int row, const T &item, int firstColumn = 0, int lastColumn = -1)
    {
        const std::optional<QList<int>> changed = changedRoles(m_rows.at(row), item);
        m_rows[row] = item;
        ++m_revision;
        if (changed)
            Q_EMIT dataChanged(index(row, firstColumn),
                               index(row, lastColumn < 0 ? columnCount() - 1 : lastColumn),
                               *changed);
    }

private:
    /// Removes the rows `gone` says so of, in contiguous runs from the bottom so that row numbers
    /// stay valid. The key index is only marked stale: it is rebuilt once, when next asked
    /// (slots of the removal signals that call rowOf() get a true answer), not once per run.
    template<typename Gone>
    void removeWhere(Gone gone)
    {
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            if (!gone(m_rows.at(row)))
                continue;
            const int last = row;
            while (row > 0 && gone(m_rows.at(row - 1)))
                --row;
            beginRemoveRows({}, row, last);
            m_rows.remove(row, last - row + 1);
            m_indexStale = true;
            ++m_revision;
            endRemoveRows();
        }
    }

    /// Key → row, rebuilt after removals and ordered insertions made it stale.
    const QHash<QString, int> &index_() const
    {
        if (m_indexStale) {
            m_index.clear();
            m_index.reserve(m_rows.size());
            for (int row = 0; row < m_rows.size(); ++row)
                m_index.insert(keyOf(m_rows.at(row)), row);
            m_indexStale = false;
        }
        return m_index;
    }

    QList<T> m_rows;
    mutable QHash<QString, int> m_index;
    mutable bool m_indexStale = false;
    quint64 m_revision = 0;
};

} // namespace Stackscope
