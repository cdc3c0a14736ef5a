// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/targetsmodel.h"
#include "metrics/unitformat.h"

#include <QBrush>
#include <QColor>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Stackscope {

TargetsModel::TargetsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int TargetsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TargetsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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
    const ScrapeTarget &t = m_rows.at(index.row());
    if (role == HealthRole)
        return t.health;
    if (role == TargetRole)
        return QVariant::fromValue(t);
    if (role == Qt::ToolTipRole && index.column() == InstanceColumn)
        return t.scrapeUrl;
    if (role == Qt::ToolTipRole && index.column() == ErrorColumn)
        return t.lastError;
    if (role == Qt::ForegroundRole && index.column() == HealthColumn) {
        if (t.health == "up"_L1)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (t.health == "down"_L1)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    }
    if (role == SortRole) {
        switch (index.column()) {
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
    switch (index.column()) {
    case JobColumn:
        return t.job;
    case InstanceColumn:
        return t.instance;
    case HealthColumn:
        return t.health;
    case LastScrapeColumn: {
        if (!t.lastScrape.isValid() || t.lastScrape.toSecsSinceEpoch() <= 0)
            return tr("never");
        const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
        const double ago = std::max<qint64>(0, t.lastScrape.msecsTo(now)) / 1000.0;
        return tr("%1 ago").arg(UnitFormat::format(ago, u"s"_s, 2));
    }
    case DurationColumn:
        return UnitFormat::format(t.lastScrapeDurationSeconds, u"s"_s);
    case ErrorColumn:
        return t.lastError;
    default:
        return {};
    }
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
    QList<ScrapeTarget> incoming = targets;
    std::sort(incoming.begin(), incoming.end(), lessThan);
    QSet<QString> keys;
    for (const ScrapeTarget &t : incoming)
        keys.insert(t.key());
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!keys.contains(m_rows.at(row).key())) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Both lists are sorted now and the old one is a subset of the new one's keys.
    for (int row = 0; row < incoming.size(); ++row) {
        const ScrapeTarget &t = incoming.at(row);
        if (row < m_rows.size() && m_rows.at(row).key() == t.key()) {
            if (!(m_rows.at(row) == t)) {
                m_rows[row] = t;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        for (int later = row + 1; later < m_rows.size(); ++later) {
            if (m_rows.at(later).key() == t.key()) { // moved (its job label changed)
                beginRemoveRows({}, later, later);
                m_rows.removeAt(later);
                endRemoveRows();
                break;
            }
        }
        beginInsertRows({}, row, row);
        m_rows.insert(row, t);
        endInsertRows();
    }
}

int TargetsModel::upCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const ScrapeTarget &t) { return t.health == "up"_L1; }));
}

} // namespace Stackscope
