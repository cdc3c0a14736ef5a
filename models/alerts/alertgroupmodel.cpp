// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/alertgroupmodel.h"

#include "models/alerts/alertmodel.h"

#include <QAbstractProxyModel>
#include <QBrush>
#include <QFont>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Stackscope {

struct AlertGroupModel::Group
{
    QString key;
    QString title;
    QStringList alerts; ///< alert keys, in the order proxy's order
    QHash<QString, int> rowOf;
    Counts counts;
    int worstRank = -1; ///< the highest severity rank among its firing, unsuppressed alerts
    int row = 0;        ///< its row among the groups
};

struct AlertGroupModel::Wanted
{
    QString key;
    QString title;
    QStringList alerts;
    Counts counts;
    int worstRank = -1;
};

namespace {

/// The "no group" of Grouping::Alertmanager: alerts no Alertmanager group lists (pending ones,
/// Prometheus' own while no Alertmanager answers).
const QString ungroupedKey = u"\x1e"_s;

void count(AlertGroupModel::Counts &c, const Alert &a)
{
    ++c.total;
    if (a.silenced)
        ++c.silenced;
    else if (a.inhibited)
        ++c.inhibited;
    else if (a.state == Alert::State::Pending)
        ++c.pending;
    else
        ++c.firing;
}

} // namespace

AlertGroupModel::AlertGroupModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

AlertGroupModel::~AlertGroupModel() = default;

void AlertGroupModel::setSourceModels(AlertModel *alerts, QAbstractProxyModel *order)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_alerts = alerts;
    m_order = order;
    if (order) {
        const auto structure = [this] {
            scheduleSync();
        };
        m_connections << connect(order, &QAbstractItemModel::rowsInserted, this, structure)
                      << connect(order, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                                 [this](const QModelIndex &parent, int first, int last) {
                                     if (!parent.isValid())
                                         takeLeaving(first, last);
                                 })
                      << connect(order, &QAbstractItemModel::rowsRemoved, this,
                                 [this] {
                                     removeLeft();
                                     scheduleSync();
                                 })
                      << connect(order, &QAbstractItemModel::rowsMoved, this, structure)
                      // A new order or a new filter (AlertFilterProxy re-sorts and re-filters
                      // as one layout change): merged at once, in one pass.
                      << connect(order, &QAbstractItemModel::layoutChanged, this,
                                 [this] { sync(); })
                      << connect(order, &QAbstractItemModel::modelReset, this, structure)
                      << connect(order, &QAbstractItemModel::dataChanged, this, [this] {
                             m_dataChanged = true;
                             scheduleSync();
                         });
    }
    rebuild();
}

void AlertGroupModel::setGrouping(Grouping grouping, const QString &label)
{
    const QString name = grouping == Grouping::Label ? label : QString();
    if (grouping == m_grouping && (grouping != Grouping::Label || name == m_label))
        return;
    m_grouping = grouping;
    if (grouping == Grouping::Label)
        m_label = name;
    rebuild();
}

void AlertGroupModel::setAlertmanagerGroups(const QList<AlertGroupInfo> &groups)
{
    if (groups == m_amGroups)
        return;
    m_amGroups = groups;
    m_amGroupsOfAlert.clear();
    for (qsizetype i = 0; i < m_amGroups.size(); ++i) {
        for (const QString &key : m_amGroups.at(i).alertKeys)
            m_amGroupsOfAlert[key].append(i);
    }
    if (m_grouping == Grouping::Alertmanager) {
        m_dataChanged = true; // titles may have changed
        scheduleSync();
    }
}

void AlertGroupModel::setWithoutAlertmanager(bool without)
{
    if (without == m_withoutAlertmanager)
        return;
    m_withoutAlertmanager = without;
    if (m_grouping == Grouping::Alertmanager)
        rebuild();
}

void AlertGroupModel::scheduleSync()
{
    if (m_syncPending)
        return;
    m_syncPending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_syncPending)
            sync();
    });
}

void AlertGroupModel::takeLeaving(int first, int last)
{
    if (!m_alerts || !m_order)
        return;
    for (int r = first; r <= last; ++r) {
        const int source = m_order->mapToSource(m_order->index(r, 0)).row();
        if (source >= 0 && source < m_alerts->rowCount())
            m_leaving << m_alerts->at(source).key();
    }
}

void AlertGroupModel::removeLeft()
{
    if (m_leaving.isEmpty())
        return;
    // Which rows of which groups: a lookup per group and leaving alert, not a scan of every row
    // (a poll removes alerts in many small runs, each its own signal).
    QHash<Group *, QList<int>> rows;
    for (const QString &key : std::as_const(m_leaving)) {
        for (const auto &g : m_groups) {
            const int row = g->rowOf.value(key, -1);
            if (row >= 0)
                rows[g.get()].append(row);
        }
    }
    m_leaving.clear();
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        Group *g = it.key();
        QList<int> &gone = it.value();
        std::sort(gone.begin(), gone.end(), std::greater<int>());
        const QModelIndex parent = createIndex(g->row, 0, nullptr);
        for (qsizetype i = 0; i < gone.size();) {
            const int last = gone.at(i);
            int first = last;
            while (i + 1 < gone.size() && gone.at(i + 1) == first - 1)
                first = gone.at(++i);
            ++i;
            beginRemoveRows(parent, first, last);
            g->alerts.remove(first, last - first + 1);
            reindex(g);
            endRemoveRows();
        }
    }
    // Groups left empty go at once: a header without alerts under it is not shown.
    for (int row = int(m_groups.size()) - 1; row >= 0; --row) {
        if (!m_groups[size_t(row)]->alerts.isEmpty())
            continue;
        beginRemoveRows({}, row, row);
        m_groupByKey.remove(m_groups[size_t(row)]->key);
        m_groups.erase(m_groups.begin() + row);
        for (size_t r = size_t(row); r < m_groups.size(); ++r)
            m_groups[r]->row = int(r);
        endRemoveRows();
    }
}

QList<AlertGroupModel::Wanted> AlertGroupModel::wantedGroups() const
{
    QList<Wanted> wanted;
    if (!m_alerts || !m_order)
        return wanted;
    QHash<QString, qsizetype> at;
    const auto add = [&](const QString &key, const QString &title, const Alert &a) {
        auto found = at.constFind(key);
        if (found == at.cend()) {
            found = at.insert(key, wanted.size());
            wanted.append({key, title, {}, {}, -1});
        }
        Wanted &w = wanted[*found];
        w.alerts.append(a.key());
        count(w.counts, a);
        if (a.state == Alert::State::Firing && !a.isSuppressed())
            w.worstRank = std::max(w.worstRank, severityRank(a.severity()));
    };
    const int rows = m_order->rowCount();
    for (int r = 0; r < rows; ++r) {
        const int source = m_order->mapToSource(m_order->index(r, 0)).row();
        if (source < 0)
            continue;
        const Alert &a = m_alerts->at(source);
        if (m_grouping == Grouping::Label) {
            const auto value = a.labels.constFind(m_label);
            if (value == a.labels.cend())
                add(ungroupedKey, tr("without %1").arg(m_label), a);
            else
                add(value.value(), m_label + u"=\""_s + value.value() + u'"', a);
            continue;
        }
        if (m_withoutAlertmanager) {
            // Nobody routes these alerts: grouped by their name, as the group_by of Alertmanager's
            // example configuration starts, not all in one (its default, an empty group_by).
            const QString name = a.name();
            if (name.isEmpty())
                add(ungroupedKey, tr("without alertname"), a);
            else
                add(u"alertname\x1f"_s + name,
                    tr("alertname=\"%1\" · by alert name: no Alertmanager groups them").arg(name),
                    a);
            continue;
        }
        const auto groups = m_amGroupsOfAlert.constFind(a.key());
        if (groups == m_amGroupsOfAlert.cend()) {
            add(ungroupedKey, tr("in no Alertmanager group (pending, or not routed yet)"), a);
            continue;
        }
        for (const qsizetype g : *groups) {
            const AlertGroupInfo &info = m_amGroups.at(g);
            add(info.key(), info.title(), a);
        }
    }
    // Worst firing severity first, then by title; the catch-all group last.
    std::stable_sort(wanted.begin(), wanted.end(), [](const Wanted &x, const Wanted &y) {
        const bool xu = x.key == ungroupedKey;
        const bool yu = y.key == ungroupedKey;
        if (xu != yu)
            return yu;
        if (x.worstRank != y.worstRank)
            return x.worstRank > y.worstRank;
        return QString::compare(x.title, y.title) < 0;
    });
    return wanted;
}

void AlertGroupModel::reindex(Group *group)
{
    group->rowOf.clear();
    group->rowOf.reserve(group->alerts.size());
    for (int i = 0; i < group->alerts.size(); ++i)
        group->rowOf.insert(group->alerts.at(i), i);
}

void AlertGroupModel::rebuild()
{
    beginResetModel();
    m_syncPending = false;
    m_dataChanged = false;
    m_groups.clear();
    m_groupByKey.clear();
    const QList<Wanted> wanted = wantedGroups();
    for (const Wanted &w : wanted)
        appendGroup(w);
    endResetModel();
}

void AlertGroupModel::appendGroup(const Wanted &w)
{
    auto g = std::make_unique<Group>();
    g->key = w.key;
    g->title = w.title;
    g->alerts = w.alerts;
    g->counts = w.counts;
    g->worstRank = w.worstRank;
    g->row = int(m_groups.size());
    reindex(g.get());
    m_groupByKey.insert(g->key, g.get());
    m_groups.push_back(std::move(g));
}

int AlertGroupModel::changeRuns(const QList<Wanted> &wanted,
                                const QHash<QString, qsizetype> &wantedAt) const
{
    int runs = 0;
    bool inGoneRun = false;
    for (const auto &g : m_groups) {
        const auto at = wantedAt.constFind(g->key);
        const bool gone = at == wantedAt.cend();
        runs += gone && !inGoneRun;
        inGoneRun = gone;
        if (gone)
            continue;
        const Wanted &w = wanted.at(*at);
        const QSet<QString> keep(w.alerts.cbegin(), w.alerts.cend());
        bool inRun = false;
        qsizetype leaving = 0;
        for (const QString &key : g->alerts) {
            const bool leaves = !keep.contains(key);
            runs += leaves && !inRun;
            leaving += leaves;
            inRun = leaves;
        }
        if (keep.size() > g->alerts.size() - leaving)
            ++runs; // at least one alert joins: one insertion
        if (runs > maxRowSignals)
            return runs;
    }
    return runs;
}

void AlertGroupModel::mergeKept(const QList<Wanted> &wanted,
                                const QHash<QString, qsizetype> &wantedAt)
{
    // Groups that went, in contiguous runs from the bottom.
    for (int row = int(m_groups.size()) - 1; row >= 0; --row) {
        if (wantedAt.contains(m_groups[size_t(row)]->key))
            continue;
        const int last = row;
        while (row > 0 && !wantedAt.contains(m_groups[size_t(row - 1)]->key))
            --row;
        beginRemoveRows({}, row, last);
        for (int r = row; r <= last; ++r)
            m_groupByKey.remove(m_groups[size_t(r)]->key);
        m_groups.erase(m_groups.begin() + row, m_groups.begin() + last + 1);
        for (size_t r = size_t(row); r < m_groups.size(); ++r)
            m_groups[r]->row = int(r);
        endRemoveRows();
    }
    // Alerts that left a group that stays, then the alerts that joined it (at its end).
    for (const auto &g : m_groups) {
        const Wanted &w = wanted.at(wantedAt.value(g->key));
        QSet<QString> keep(w.alerts.cbegin(), w.alerts.cend());
        const QModelIndex parent = createIndex(g->row, 0, nullptr);
        for (int row = int(g->alerts.size()) - 1; row >= 0; --row) {
            if (keep.contains(g->alerts.at(row)))
                continue;
            const int last = row;
            while (row > 0 && !keep.contains(g->alerts.at(row - 1)))
                --row;
            beginRemoveRows(parent, row, last);
            g->alerts.remove(row, last - row + 1);
            reindex(g.get());
            endRemoveRows();
        }
        QStringList added;
        for (const QString &key : w.alerts) {
            if (!g->rowOf.contains(key))
                added << key;
        }
        if (!added.isEmpty()) {
            const int first = int(g->alerts.size());
            beginInsertRows(parent, first, first + int(added.size()) - 1);
            g->alerts.append(added);
            reindex(g.get());
            endInsertRows();
        }
    }
}

void AlertGroupModel::asLayoutChange(
    const std::function<std::vector<std::unique_ptr<Group>>()> &change)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    struct Where
    {
        Group *group = nullptr;
        QString alert; ///< empty for the group's own row
    };
    QList<Where> where;
    where.reserve(before.size());
    for (const QModelIndex &index : before) {
        Group *owner = static_cast<Group *>(index.internalPointer());
        if (!owner)
            where.append(Where{m_groups[size_t(index.row())].get(), QString()});
        else
            where.append(Where{owner, owner->alerts.value(index.row())});
    }
    // The groups that went stay alive until their persistent indexes are moved.
    const std::vector<std::unique_ptr<Group>> gone = change();
    QSet<const Group *> goneSet;
    for (const auto &g : gone)
        goneSet.insert(g.get());
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const Where &w = where.at(i);
        const int column = before.at(i).column();
        if (goneSet.contains(w.group)) {
            after.append(QModelIndex());
        } else if (w.alert.isEmpty()) {
            after.append(createIndex(w.group->row, column, nullptr));
        } else {
            const int row = w.group->rowOf.value(w.alert, -1);
            after.append(row < 0 ? QModelIndex() : createIndex(row, column, w.group));
        }
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void AlertGroupModel::relayoutKept(const QList<Wanted> &wanted,
                                   const QHash<QString, qsizetype> &wantedAt)
{
    asLayoutChange([&] {
        std::vector<std::unique_ptr<Group>> kept;
        std::vector<std::unique_ptr<Group>> gone;
        for (auto &g : m_groups) {
            const auto at = wantedAt.constFind(g->key);
            if (at == wantedAt.cend()) {
                m_groupByKey.remove(g->key);
                gone.push_back(std::move(g));
                continue;
            }
            g->alerts = wanted.at(*at).alerts;
            reindex(g.get());
            g->row = int(kept.size());
            kept.push_back(std::move(g));
        }
        m_groups = std::move(kept);
        return gone;
    });
}

void AlertGroupModel::sync()
{
    m_syncPending = false;
    const QList<Wanted> wanted = wantedGroups();
    QHash<QString, qsizetype> wantedAt;
    wantedAt.reserve(wanted.size());
    for (qsizetype i = 0; i < wanted.size(); ++i)
        wantedAt.insert(wanted.at(i).key, i);

    // 1 and 2: groups that went, alerts that left a group that stays and alerts that joined it.
    if (changeRuns(wanted, wantedAt) > maxRowSignals)
        relayoutKept(wanted, wantedAt);
    else
        mergeKept(wanted, wantedAt);
    // 3. New groups, at the end, with their alerts.
    QList<qsizetype> newGroups;
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        if (!m_groupByKey.contains(wanted.at(i).key))
            newGroups << i;
    }
    if (!newGroups.isEmpty()) {
        const int first = int(m_groups.size());
        beginInsertRows({}, first, first + int(newGroups.size()) - 1);
        for (const qsizetype i : std::as_const(newGroups))
            appendGroup(wanted.at(i));
        endInsertRows();
    }
    // 4. The wanted order, as one layout change when anything moved.
    bool moved = false;
    for (qsizetype i = 0; i < wanted.size() && !moved; ++i) {
        const Group *g = m_groups[size_t(i)].get();
        moved = g->key != wanted.at(i).key || g->alerts != wanted.at(i).alerts;
    }
    if (moved) {
        asLayoutChange([&] {
            std::vector<std::unique_ptr<Group>> ordered;
            ordered.reserve(m_groups.size());
            for (const Wanted &w : wanted) {
                const auto it = std::find_if(m_groups.begin(), m_groups.end(),
                                             [&w](const auto &g) { return g && g->key == w.key; });
                (*it)->alerts = w.alerts;
                reindex(it->get());
                (*it)->row = int(ordered.size());
                ordered.push_back(std::move(*it));
            }
            m_groups = std::move(ordered);
            return std::vector<std::unique_ptr<Group>>();
        });
    }
    // 5. Header rows whose counts or title changed; the alerts' own cells when the source's did.
    const int lastColumn = columnCount() - 1;
    for (const auto &g : m_groups) {
        const Wanted &w = wanted.at(wantedAt.value(g->key));
        if (g->counts != w.counts || g->title != w.title || g->worstRank != w.worstRank) {
            g->counts = w.counts;
            g->title = w.title;
            g->worstRank = w.worstRank;
            Q_EMIT dataChanged(createIndex(g->row, 0, nullptr),
                               createIndex(g->row, lastColumn, nullptr));
        }
        if (m_dataChanged && !g->alerts.isEmpty())
            Q_EMIT dataChanged(createIndex(0, 0, g.get()),
                               createIndex(int(g->alerts.size()) - 1, lastColumn, g.get()));
    }
    m_dataChanged = false;
}

AlertGroupModel::Group *AlertGroupModel::groupOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalPointer())
        return nullptr;
    return index.row() < int(m_groups.size()) ? m_groups[size_t(index.row())].get() : nullptr;
}

QModelIndex AlertGroupModel::indexOfAlert(const QString &key) const
{
    for (const auto &g : m_groups) {
        const int row = g->rowOf.value(key, -1);
        if (row >= 0)
            return createIndex(row, 0, g.get());
    }
    return {};
}

QModelIndex AlertGroupModel::indexOfGroup(const QString &groupKey) const
{
    const Group *g = m_groupByKey.value(groupKey);
    return g ? createIndex(g->row, 0, nullptr) : QModelIndex();
}

AlertGroupModel::Counts AlertGroupModel::counts(const QModelIndex &group) const
{
    const Group *g = groupOf(group);
    return g ? g->counts : Counts();
}

QString AlertGroupModel::countsText(const Counts &counts)
{
    QStringList parts;
    if (counts.firing)
        parts << tr("%1 firing").arg(counts.firing);
    if (counts.pending)
        parts << tr("%1 pending").arg(counts.pending);
    if (counts.silenced)
        parts << tr("%1 silenced").arg(counts.silenced);
    if (counts.inhibited)
        parts << tr("%1 inhibited").arg(counts.inhibited);
    return parts.join(u" · "_s);
}

QModelIndex AlertGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= columnCount() || row < 0)
        return {};
    if (!parent.isValid())
        return row < int(m_groups.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    Group *g = groupOf(parent);
    if (!g || parent.column() != 0 || row >= g->alerts.size())
        return {};
    return createIndex(row, column, g);
}

QModelIndex AlertGroupModel::parent(const QModelIndex &child) const
{
    const Group *g
        = child.isValid() ? static_cast<const Group *>(child.internalPointer()) : nullptr;
    return g ? createIndex(g->row, 0, nullptr) : QModelIndex();
}

int AlertGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.column() != 0)
        return 0;
    const Group *g = groupOf(parent);
    return g ? int(g->alerts.size()) : 0;
}

int AlertGroupModel::columnCount(const QModelIndex &) const
{
    return AlertModel::ColumnCount;
}

bool AlertGroupModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant AlertGroupModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const Group *g = groupOf(index)) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() != 0)
                return {};
            return g->counts.total == 1
                       ? tr("%1 — 1 alert: %2").arg(g->title, countsText(g->counts))
                       : tr("%1 — %2 alerts: %3")
                             .arg(g->title, QString::number(g->counts.total),
                                  countsText(g->counts));
        case Qt::ToolTipRole:
            return g->title;
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case Qt::ForegroundRole:
            return g->worstRank >= 0 ? QVariant(QBrush(severityColor(g->worstRank))) : QVariant();
        case IsGroupRole:
            return true;
        case GroupKeyRole:
            return g->key;
        case GroupCountsRole:
            return countsText(g->counts);
        default:
            return {};
        }
    }
    const auto *owner = static_cast<const Group *>(index.internalPointer());
    if (role == IsGroupRole)
        return false;
    if (role == GroupKeyRole)
        return owner->key;
    if (!m_alerts)
        return {};
    const int row = m_alerts->rowOf(owner->alerts.value(index.row()));
    if (row < 0)
        return {}; // gone from the source; removed at the next sync
    return m_alerts->data(m_alerts->index(row, index.column()), role);
}

QVariant AlertGroupModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    return m_alerts ? m_alerts->headerData(section, orientation, role) : QVariant();
}

Qt::ItemFlags AlertGroupModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

void AlertGroupModel::sort(int column, Qt::SortOrder order)
{
    if (m_order)
        m_order->sort(column, order);
    sync();
}

} // namespace Stackscope
