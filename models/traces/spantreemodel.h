// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QAbstractItemModel>

namespace Stackscope {

/// The span tree of one trace as an item model (children by start time): for accessibility,
/// tests and any view that wants the tree as rows. The timeline paints from TraceLayout
/// directly; this model shares it and costs two integers per span.
class SpanTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { OperationColumn, ServiceColumn, DurationColumn, StartColumn, ColumnCount };
    enum Role {
        SpanIndexRole = Qt::UserRole + 1, ///< int: index into Trace::spans
        SpanIdRole,                       ///< QString
        ErrorRole,                        ///< bool
        CriticalRole,                     ///< bool: on the critical path
        DurationUsRole,                   ///< qint64
    };
    Q_ENUM(Role)

    explicit SpanTreeModel(QObject *parent = nullptr);

    /// Replaces the tree (a reset: it is another trace).
    void setLayout(TraceLayoutPtr layout);
    TraceLayoutPtr layout() const { return m_layout; }
    /// The index of a span (by its index in Trace::spans), column 0.
    QModelIndex indexOfSpan(int span) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    /// Internal ids are depth-first positions + 1 (0 is the invisible root).
    int positionOf(const QModelIndex &index) const;
    TraceLayoutPtr m_layout;
    std::vector<qint32> m_parentPosition; ///< by position, -1 for roots
    std::vector<qint32> m_row;            ///< by position: row within its parent
    std::vector<qint32> m_childStart;     ///< CSR by position + 1 (0 = top level)
    std::vector<qint32> m_children;       ///< positions
};

} // namespace Stackscope
