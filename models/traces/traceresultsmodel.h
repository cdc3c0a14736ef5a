// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/trace.h"

#include <QAbstractTableModel>

namespace Stackscope {

/// Search results: one row per trace, sortable by the numeric value in Qt::UserRole.
class TraceResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SpansColumn,
        ErrorsColumn,
        DurationColumn,
        StartColumn,
        TraceIdColumn,
        ColumnCount
    };
    enum Role { SortRole = Qt::UserRole, TraceIdRole, SummaryRole };
    Q_ENUM(Role)

    explicit TraceResultsModel(QObject *parent = nullptr);

    void setResults(QList<TraceSummary> results);
    const QList<TraceSummary> &results() const { return m_results; }
    int rowOf(const QString &traceId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<TraceSummary> m_results;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TraceSummary)
