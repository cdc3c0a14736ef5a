// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

class QAbstractProxyModel;

namespace Stackscope {

class AlertModel;

/// The Alerts page's grouped view: a two-level tree of group header rows, each with the alerts in
/// it as children, the way karma and Alertmanager's UI show them. Groups are Alertmanager's own
/// (`/api/v2/alerts/groups`: receiver and `group_by` labels; an alert routed to two receivers is
/// in both) or one per value of a label the user picks. Which alerts, and in which order, comes
/// from a flat proxy over the AlertModel (the AlertFilterProxy), so filters and sorting act on
/// the grouped view as on the flat one; an alert row's data is the AlertModel's.
///
/// Alerts that leave the order proxy leave their groups at once (an emptied group goes too);
/// everything else the source changes is applied once per event-loop turn (or at sync()) by
/// merging: new groups and alerts are inserted, a new order is one layout change, counts and
/// cells are announced with dataChanged. Expanded groups, the selection and the scroll position
/// so survive a poll, and a refresh of thousands of alerts costs one pass, not one per signal.
class AlertGroupModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Grouping { Alertmanager, Label };
    enum Role {
        IsGroupRole = Qt::UserRole + 100, ///< bool: a group header row
        GroupKeyRole,                     ///< QString: the group's key (stable across polls)
        GroupCountsRole,                  ///< QString: "3 firing · 1 silenced"
    };
    Q_ENUM(Role)

    /// How many alerts of a group are in each state; each alert counts once, in the first of
    /// silenced, inhibited, pending and firing that applies.
    struct Counts
    {
        int total = 0;
        int firing = 0;
        int pending = 0;
        int silenced = 0;
        int inhibited = 0;

        friend bool operator==(const Counts &, const Counts &) = default;
    };

    explicit AlertGroupModel(QObject *parent = nullptr);
    ~AlertGroupModel() override;

    /// `alerts` holds the alerts; `order` is a flat proxy over it that filters and sorts them.
    void setSourceModels(AlertModel *alerts, QAbstractProxyModel *order);
    void setGrouping(Grouping grouping, const QString &label = {});
    Grouping grouping() const { return m_grouping; }
    QString groupLabel() const { return m_label; }
    /// Alertmanager's groups (merged over every Alertmanager): used in Grouping::Alertmanager.
    void setAlertmanagerGroups(const QList<AlertGroupInfo> &groups);
    /// No Alertmanager is configured (the alerts are Prometheus' own): Grouping::Alertmanager
    /// then groups by `alertname`, and each header says so, instead of one catch-all group.
    void setWithoutAlertmanager(bool without);
    bool isWithoutAlertmanager() const { return m_withoutAlertmanager; }
    /// Applies the source's pending changes now.
    void sync();

    /// The first row of the alert with this key (Alert::key()), or invalid.
    QModelIndex indexOfAlert(const QString &key) const;
    QModelIndex indexOfGroup(const QString &groupKey) const;
    Counts counts(const QModelIndex &group) const;
    /// "3 firing · 1 pending · 2 silenced · 1 inhibited" (states without alerts left out)
    static QString countsText(const Counts &counts);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Sorts the alerts inside their groups (by the order proxy); groups stay ordered by their
    /// worst firing severity, then title.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    struct Group;
    struct Wanted;
    void scheduleSync();
    void takeLeaving(int first, int last);
    void removeLeft();
    /// How many row signals merging the groups into `wanted` would take (stops counting early).
    int changeRuns(const QList<Wanted> &wanted, const QHash<QString, qsizetype> &wantedAt) const;
    /// Groups that went and the alerts of the others, merged with one row signal per run.
    void mergeKept(const QList<Wanted> &wanted, const QHash<QString, qsizetype> &wantedAt);
    /// The same as one layout change: for a change that removes hundreds of scattered rows,
    /// where a view update per run costs more than one relayout.
    void relayoutKept(const QList<Wanted> &wanted, const QHash<QString, qsizetype> &wantedAt);
    static constexpr int maxRowSignals = 16;
    /// Runs `change` (it reorders the groups or their alerts, and returns the groups it took
    /// out) as one layout change: persistent indexes follow their group and alert, and are
    /// invalid where those went.
    void asLayoutChange(const std::function<std::vector<std::unique_ptr<Group>>()> &change);
    void rebuild(); ///< a reset, for a new grouping or source
    QList<Wanted> wantedGroups() const;
    Group *groupOf(const QModelIndex &index) const;
    static void reindex(Group *group);
    /// A new group at the end, from what the grouping wants (rows are announced by the caller).
    void appendGroup(const Wanted &wanted);

    QPointer<AlertModel> m_alerts;
    QPointer<QAbstractProxyModel> m_order;
    Grouping m_grouping = Grouping::Alertmanager;
    QString m_label = QStringLiteral("alertname");
    QList<AlertGroupInfo> m_amGroups;
    bool m_withoutAlertmanager = false;
    QHash<QString, QList<qsizetype>> m_amGroupsOfAlert; ///< alert key → indexes in m_amGroups
    std::vector<std::unique_ptr<Group>> m_groups;
    QHash<QString, Group *> m_groupByKey;
    QStringList m_leaving; ///< keys of the alerts the order proxy is removing
    bool m_syncPending = false;
    bool m_dataChanged = false;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace Stackscope
