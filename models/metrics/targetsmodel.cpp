// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/targetsmodel.h"
#include "models/common/format.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QMap>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
const QColor upColor(0x2e, 0x7d, 0x32);
const QColor downColor(0xc6, 0x28, 0x28);
} // namespace

void TargetsModel::Group::recount()
{
    upCount = int(std::count_if(targets.cbegin(), targets.cend(),
                                [](const ScrapeTarget &t) { return t.health == "up"_L1; }));
    downCount = int(std::count_if(targets.cbegin(), targets.cend(),
                                  [](const ScrapeTarget &t) { return t.health == "down"_L1; }));
}

TargetsModel::TargetsModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

TargetsModel::~TargetsModel() = default;

QModelIndex TargetsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    return createIndex(row, column, m_groups.at(size_t(parent.row())).get());
}

QModelIndex TargetsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const int row = groupRow(static_cast<const Group *>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

int TargetsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return int(m_groups.at(size_t(parent.row()))->targets.size());
}

int TargetsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

int TargetsModel::groupRow(const Group *group) const
{
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i].get() == group)
            return int(i);
    }
    return -1;
}

QVariant TargetsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case JobColumn:
        return tr("Job");
    case InstanceColumn:
        return tr("Instance");
    case HealthColumn:
        return tr("Health");
    case LastScrapeColumn:
        return tr("Last scrape");
    case DurationColumn:
        return tr("Duration");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

QVariant TargetsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (!index.internalPointer())
        return groupData(*m_groups.at(size_t(index.row())), index.column(), role);
    const auto *group = static_cast<const Group *>(index.internalPointer());
    if (role == FilterRole)
        return index.column() == JobColumn ? group->filters.at(index.row()) : QString();
    return targetData(group->targets.at(index.row()), index.column(), role);
}

QVariant TargetsModel::groupData(const Group &group, int column, int role) const
{
    if (role == IsJobRole)
        return true;
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    const int up = group.up();
    const int down = group.down();
    const int total = int(group.targets.size());
    if (role == Qt::ForegroundRole && column == HealthColumn) {
        if (down > 0)
            return QBrush(downColor);
        if (up == total)
            return QBrush(upColor);
        return {};
    }
    if (role == FilterRole)
        return column == JobColumn ? group.job : QString();
    if (role == SortRole && column == InstanceColumn)
        return total;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case JobColumn:
        return group.job;
    case InstanceColumn:
        return tr("%n target(s)", nullptr, total);
    case HealthColumn: {
        QString text = tr("%1 up").arg(up);
        if (down > 0)
            text = tr("%1 up, %2 down").arg(up).arg(down);
        if (up + down < total)
            text = tr("%1, %2 unknown").arg(text).arg(total - up - down);
        return text;
    }
    default:
        return QString();
    }
}

QVariant TargetsModel::targetData(const ScrapeTarget &t, int column, int role) const
{
    if (role == IsJobRole)
        return false;
    if (role == HealthRole)
        return t.health;
    if (role == TargetRole)
        return QVariant::fromValue(t);
    if (role == Qt::ToolTipRole && column == InstanceColumn)
        return t.scrapeUrl;
    if (role == Qt::ToolTipRole && column == ErrorColumn)
        return t.lastError;
    if (role == Qt::ForegroundRole && column == HealthColumn) {
        if (t.health == "up"_L1)
            return QBrush(upColor);
        if (t.health == "down"_L1)
            return QBrush(downColor);
        return {};
    }
    if (role == SortRole) {
        switch (column) {
        case LastScrapeColumn:
            return t.lastScrape;
        case DurationColumn:
            return t.lastScrapeDurationSeconds;
        default:
            break;
        }
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (column) {
    case JobColumn:
        return QString(); // the group row above names the job
    case InstanceColumn:
        return t.instance;
    case HealthColumn:
        return t.health;
    case LastScrapeColumn: {
        if (!t.lastScrape.isValid() || t.lastScrape.toSecsSinceEpoch() <= 0)
            return tr("never");
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        const double ago = std::max<qint64>(0, t.lastScrape.msecsTo(now)) / 1000.0;
        return tr("%1 ago").arg(Format::value(ago, u"s"_s, 2));
    }
    case DurationColumn:
        return Format::value(t.lastScrapeDurationSeconds, u"s"_s);
    case ErrorColumn:
        return t.lastError;
    default:
        return {};
    }
}

QString TargetsModel::filterText(const ScrapeTarget &t)
{
    // Only what stays put between scrapes (not "3 s ago" or the duration), so a refresh that
    // only moves lastScrape leaves every filter text as it was.
    return t.job + u'\n' + t.instance + u'\n' + t.health + u'\n' + t.lastError;
}

bool TargetsModel::lessThan(const ScrapeTarget &a, const ScrapeTarget &b)
{
    if (a.job != b.job)
        return a.job < b.job;
    if (a.instance != b.instance)
        return a.instance < b.instance;
    return a.key() < b.key();
}

void TargetsModel::setTargets(const QList<ScrapeTarget> &targets)
{
    QList<ScrapeTarget> sorted = targets;
    std::sort(sorted.begin(), sorted.end(), lessThan);
    QMap<QString, QList<ScrapeTarget>> byJob; // sorted by job, like lessThan
    for (const ScrapeTarget &t : std::as_const(sorted))
        byJob[t.job].append(t);
    for (int row = int(m_groups.size()) - 1; row >= 0; --row) {
        if (!byJob.contains(m_groups[size_t(row)]->job)) {
            beginRemoveRows({}, row, row);
            m_groups.erase(m_groups.begin() + row);
            endRemoveRows();
        }
    }
    // Both lists are sorted now and the old one's jobs are a subset of the new one's.
    int row = 0;
    for (auto it = byJob.cbegin(); it != byJob.cend(); ++it, ++row) {
        if (size_t(row) < m_groups.size() && m_groups[size_t(row)]->job == it.key()) {
            mergeGroup(row, it.value());
            continue;
        }
        auto group = std::make_unique<Group>();
        group->job = it.key();
        group->targets = it.value();
        group->filters.reserve(group->targets.size());
        for (const ScrapeTarget &t : std::as_const(group->targets))
            group->filters.append(filterText(t));
        group->recount();
        beginInsertRows({}, row, row);
        m_groups.insert(m_groups.begin() + row, std::move(group));
        endInsertRows();
    }
}

void TargetsModel::mergeGroup(int groupRow, const QList<ScrapeTarget> &incoming)
{
    Group &group = *m_groups[size_t(groupRow)];
    const QModelIndex parent = index(groupRow, 0);
    const int oldUp = group.up();
    const int oldDown = group.down();
    const qsizetype oldSize = group.targets.size();
    QSet<QString> keys;
    keys.reserve(incoming.size());
    for (const ScrapeTarget &t : incoming)
        keys.insert(t.key());
    for (int row = int(group.targets.size()) - 1; row >= 0; --row) {
        if (!keys.contains(group.targets.at(row).key())) {
            beginRemoveRows(parent, row, row);
            group.targets.removeAt(row);
            group.filters.removeAt(row);
            endRemoveRows();
        }
    }
    // Changed rows are collected into runs and announced once per run: a proxy that filters
    // recursively re-checks the job row (all of its targets) for every dataChanged it gets.
    // A run whose filter texts all stayed the same names the roles that changed, without
    // FilterRole, so such a proxy may skip re-checking the job (Qt does when the roles leave
    // out its filter role).
    int runFirst = -1;
    int runLast = -1;
    bool runFilterChanged = false;
    auto flush = [&] {
        if (runFirst < 0)
            return;
        static const QList<int> shownRoles{Qt::DisplayRole, Qt::ToolTipRole, Qt::ForegroundRole,
                                           SortRole,        HealthRole,      TargetRole};
        Q_EMIT dataChanged(index(runFirst, 0, parent), index(runLast, ColumnCount - 1, parent),
                           runFilterChanged ? QList<int>() : shownRoles);
        runFirst = runLast = -1;
        runFilterChanged = false;
    };
    for (int row = 0; row < incoming.size(); ++row) {
        const ScrapeTarget &t = incoming.at(row);
        if (row < group.targets.size() && group.targets.at(row).key() == t.key()) {
            if (!(group.targets.at(row) == t)) {
                QString filter = filterText(t);
                if (filter != group.filters.at(row)) {
                    group.filters[row] = std::move(filter);
                    runFilterChanged = true;
                }
                group.targets[row] = t;
                if (runFirst < 0)
                    runFirst = row;
                runLast = row;
            } else {
                flush();
            }
            continue;
        }
        flush();
        for (int later = row + 1; later < group.targets.size(); ++later) {
            if (group.targets.at(later).key() == t.key()) { // moved (its instance changed)
                beginRemoveRows(parent, later, later);
                group.targets.removeAt(later);
                group.filters.removeAt(later);
                endRemoveRows();
                break;
            }
        }
        beginInsertRows(parent, row, row);
        group.targets.insert(row, t);
        group.filters.insert(row, filterText(t));
        endInsertRows();
    }
    flush();
    group.recount();
    if (group.up() != oldUp || group.down() != oldDown || group.targets.size() != oldSize)
        Q_EMIT dataChanged(index(groupRow, 0), index(groupRow, ColumnCount - 1));
}

QList<ScrapeTarget> TargetsModel::targets() const
{
    QList<ScrapeTarget> all;
    for (const auto &group : m_groups)
        all += group->targets;
    return all;
}

int TargetsModel::targetCount() const
{
    int count = 0;
    for (const auto &group : m_groups)
        count += int(group->targets.size());
    return count;
}

int TargetsModel::upCount() const
{
    int count = 0;
    for (const auto &group : m_groups)
        count += group->up();
    return count;
}

QModelIndex TargetsModel::jobIndex(const QString &job) const
{
    for (size_t i = 0; i < m_groups.size(); ++i) {
        if (m_groups[i]->job == job)
            return index(int(i), 0);
    }
    return {};
}

} // namespace Stackscope
