// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/common/keyedtablemodel.h"

namespace Stackscope {

/// The merged alerts (firing and pending), one row per Alert::key() (the fingerprint, and the
/// cluster's name when several clusters are configured), merged on every poll and never reset. Text
/// cells are the servers' raw strings: views must show them as plain text.
class AlertModel : public KeyedTableModel<Alert>
{
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        NameColumn,
        StateColumn,
        SummaryColumn,
        SinceColumn,
        LabelsColumn,
        ValueColumn,
        SourcesColumn,
        ClusterColumn, ///< the Alertmanager cluster's configured name (Alert::cluster)
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        AlertRole = Qt::UserRole + 1, ///< QVariant<Alert>
        FingerprintRole,              ///< QString: Alert::key(), the fingerprint[@cluster]
        SeverityRankRole,             ///< int, see severityRank()
        StateRole,                    ///< int: Alert::State
        SortRole,                     ///< what the Alerts page orders by
    };
    Q_ENUM(Role)

    explicit AlertModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setAlerts(const QList<Alert> &alerts) { merge(alerts); }
    int firingCount() const;
    /// The highest severity rank among firing, unsuppressed alerts; -1 when none fires.
    int highestFiringRank() const;
    /// The row of the alert with this key (Alert::key()), else of the first alert with this bare
    /// fingerprint (a notification knows only that); -1 when none.
    int rowOfKeyOrFingerprint(const QString &key) const;
    /// Whether any alert carries a cluster name (the page then shows the Cluster column).
    bool hasClusters() const;

protected:
    QString keyOf(const Alert &alert) const override { return alert.key(); }
    /// Alertmanager bumps updatedAt on every resend from Prometheus; no view shows it.
    std::optional<QList<int>> changedRoles(const Alert &before, const Alert &after) const override;
};

/// "3 min", "2 h 5 min", "4 d": how long ago `since` was, for the "Active since" column.
QString durationSince(const QDateTime &since, const QDateTime &now);

} // namespace Stackscope
