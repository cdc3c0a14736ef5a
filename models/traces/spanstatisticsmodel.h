// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/spanstatistics.h"

#include <QAbstractTableModel>

namespace Stackscope {

/// A SpanStatistics as a table: one row per group, sortable on every column by its number
/// (sort() orders the rows with typed comparisons, not through QVariant, so a table of 250,000
/// groups sorts in milliseconds). A new statistics (another trace or another grouping) is another
/// table and resets the model; the sort order is kept.
class SpanStatisticsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        CountColumn,
        TotalColumn,
        SelfColumn,
        AverageColumn,
        P95Column,
        MaxColumn,
        ErrorsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole, ///< the cell's number (µs, counts), the name for NameColumn
        GroupRole,               ///< int: the group's index in statistics().groups
    };
    Q_ENUM(Role)

    explicit SpanStatisticsModel(QObject *parent = nullptr);

    void setStatistics(SpanStatistics statistics);
    const SpanStatistics &statistics() const { return m_stats; }
    /// The group a row shows.
    const SpanStatistics::Group &groupAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    void sortRows();

    SpanStatistics m_stats;
    std::vector<qint32> m_rows; ///< row → group index
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Stackscope
