// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/keyedtablemodel.h"
#include "models/stack/stacksummary.h"

namespace Stackscope {

/// "Stacks on this machine": one row per compose project the Docker daemon knows, merged by
/// project name (a refresh keeps the selection and the scroll position).
class StacksModel : public KeyedTableModel<StackSummary>
{
    Q_OBJECT
public:
    enum Column { Name, State, Services, Folder, ComposeFiles, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        SummaryRole = Qt::UserRole + 1, ///< QVariant<StackSummary>
        StateRole,                      ///< int: StackSummary::State
        SortRole,                       ///< a value that sorts the column naturally
    };
    Q_ENUM(Role)

    explicit StacksModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Merges a new full list; new projects take their place in its (name) order.
    void setStacks(const QList<StackSummary> &stacks) { merge(stacks); }
    const QList<StackSummary> &stacks() const { return items(); }
    /// The project called `name`, or null.
    const StackSummary *stack(const QString &name) const;

protected:
    QString keyOf(const StackSummary &stack) const override { return stack.name; }
    bool newRowsInIncomingOrder() const override { return true; }
};

} // namespace Stackscope
