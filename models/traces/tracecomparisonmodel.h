// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracecomparison.h"

#include <QAbstractItemModel>

#include <vector>

namespace Stackscope {

/// The merged tree of a TraceComparison as a tree table: node, count and duration in A and in
/// B, the difference in time and in percent. Sorting orders the children of every node (each
/// level on its own), by default the largest regression (Δ time, B slower than A) first. With
/// "changes only", a node shows when it changed (slower, faster, only on one side) or something
/// below it did. A new comparison, or the other filter, replaces the rows with a reset: it is a
/// different tree, not an update.
class TraceComparisonModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        CountAColumn,
        CountBColumn,
        DurationAColumn,
        DurationBColumn,
        DeltaColumn,
        DeltaPercentColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    /// Where a node's spans are.
    enum class Presence { Both, OnlyInA, OnlyInB };
    Q_ENUM(Presence)
    /// What B did with a node's time, when the difference is significant (see kSignificant).
    enum class Change { Same, Slower, Faster };
    Q_ENUM(Change)
    enum Role {
        SortRole = Qt::UserRole, ///< the column's value as a number (the name as text)
        NodeRole,                ///< int: the node's index in TraceComparison::nodes
        PresenceRole,            ///< Presence, as int
        ChangeRole,              ///< Change, as int
        NameRole,                ///< QString: "service: operation" without marks
    };
    Q_ENUM(Role)
    /// A difference counts as slower or faster (and is coloured) from this share of A's time
    /// on: jitter of a few percent between two runs of one request is not a change.
    static constexpr double kSignificant = 0.05;

    explicit TraceComparisonModel(QObject *parent = nullptr);

    void setComparison(TraceComparisonPtr comparison);
    const TraceComparisonPtr &comparison() const { return m_comparison; }
    void setChangesOnly(bool changesOnly);
    bool changesOnly() const { return m_changesOnly; }
    /// Whether a node changed (slower, faster, only on one side).
    static bool changed(const TraceComparison::Node &node);
    /// Whether a node or one below it changed.
    bool leadsToChange(qint32 node) const { return m_leadsToChange[size_t(node)]; }
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// The index of a node (column 0), invalid for -1.
    QModelIndex indexOfNode(qint32 node, int column = NodeColumn) const;
    qint32 nodeAt(const QModelIndex &index) const;
    static Change changeOf(const TraceComparison::Node &node);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    const std::vector<qint32> &childrenOf(qint32 node) const;
    void applySort();
    QVariant sortKey(const TraceComparison::Node &node, int column) const;
    QString toolTip(const TraceComparison::Node &node) const;

    TraceComparisonPtr m_comparison;
    std::vector<std::vector<qint32>> m_children; ///< by node, in the order shown
    std::vector<qint32> m_tops;                  ///< in the order shown
    std::vector<qint32> m_row;                   ///< by node: its row under its parent
    std::vector<char> m_leadsToChange;           ///< by node
    bool m_changesOnly = false;
    int m_sortColumn = DeltaColumn;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace Stackscope
