// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertperiod.h"
#include "models/common/keyedtablemodel.h"

#include <QHash>

namespace Stackscope {

/// The alert history, one row per firing period (AlertHistory keeps them): the alert, its
/// labels, from, to ("firing" while open), the duration and how often that alert (fingerprint)
/// fired in the kept window. Merged, never reset. SortRole gives numbers for the time columns.
class AlertHistoryModel : public KeyedTableModel<AlertPeriod>
{
    Q_OBJECT
public:
    enum Column {
        AlertColumn,
        LabelsColumn,
        FromColumn,
        ToColumn,
        DurationColumn,
        CountColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        PeriodRole = Qt::UserRole + 1, ///< the AlertPeriod
        SortRole,                      ///< ms since the epoch, seconds, a count, or the text
        OpenRole,                      ///< bool: still firing
    };
    Q_ENUM(Role)

    explicit AlertHistoryModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setPeriods(const QList<AlertPeriod> &periods);
    /// How many periods of this fingerprint are kept.
    int countOf(const QString &fingerprint) const { return m_counts.value(fingerprint); }

protected:
    QString keyOf(const AlertPeriod &period) const override { return period.key(); }

private:
    QHash<QString, int> m_counts;
};

} // namespace Stackscope
