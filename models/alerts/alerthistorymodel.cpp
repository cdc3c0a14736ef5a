// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/alerthistorymodel.h"

#include "models/common/format.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

AlertHistoryModel::AlertHistoryModel(QObject *parent)
    : KeyedTableModel<AlertPeriod>(parent)
{}

int AlertHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void AlertHistoryModel::setPeriods(const QList<AlertPeriod> &periods)
{
    QHash<QString, int> counts;
    for (const AlertPeriod &p : periods)
        ++counts[p.fingerprint];
    const bool countsChanged = counts != m_counts;
    m_counts = counts;
    merge(periods);
    // A new or dropped period changes "how often" on the other rows of that alert too.
    if (countsChanged && rowCount() > 0)
        Q_EMIT dataChanged(index(0, CountColumn), index(rowCount() - 1, CountColumn));
}

QVariant AlertHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertPeriod &p = at(index.row());
    const auto time = [](const QDateTime &t) {
        return t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    };
    const double seconds
        = p.from.isValid() && p.until().isValid() ? double(p.from.msecsTo(p.until())) / 1000.0 : 0;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case AlertColumn:
            return p.silenced ? tr("%1 (silenced)").arg(p.name) : p.name;
        case LabelsColumn:
            return labelsText(p.labels);
        case FromColumn:
            return time(p.from);
        case ToColumn:
            return p.isOpen() ? tr("firing") : time(p.to);
        case DurationColumn:
            return p.isOpen() ? tr("%1 so far").arg(Format::elapsed(qint64(seconds)))
                              : Format::elapsed(qint64(seconds));
        case CountColumn:
            return m_counts.value(p.fingerprint);
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ToColumn && p.isOpen())
            return severityColor(severityRank(p.severity));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn || index.column() == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case FromColumn:
            return p.from.toMSecsSinceEpoch();
        case ToColumn:
            // Open periods sort after every closed one.
            return p.isOpen() ? std::numeric_limits<qint64>::max() : p.to.toMSecsSinceEpoch();
        case DurationColumn:
            return seconds;
        case CountColumn:
            return m_counts.value(p.fingerprint);
        default:
            return data(index, Qt::DisplayRole);
        }
    case PeriodRole:
        return QVariant::fromValue(p);
    case OpenRole:
        return p.isOpen();
    default:
        return {};
    }
}

QVariant AlertHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AlertColumn:
        return tr("Alert");
    case LabelsColumn:
        return tr("Labels");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case DurationColumn:
        return tr("Duration");
    case CountColumn:
        return tr("How often");
    }
    return {};
}

} // namespace Stackscope
