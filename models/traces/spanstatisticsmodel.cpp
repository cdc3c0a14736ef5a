// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/spanstatisticsmodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <algorithm>
#include <numeric>

namespace Stackscope {

namespace {

double number(const SpanStatistics::Group &g, int column)
{
    switch (column) {
    case SpanStatisticsModel::CountColumn:
        return g.count;
    case SpanStatisticsModel::TotalColumn:
        return double(g.totalUs);
    case SpanStatisticsModel::SelfColumn:
        return double(g.selfUs);
    case SpanStatisticsModel::AverageColumn:
        return g.averageUs();
    case SpanStatisticsModel::P95Column:
        return double(g.p95Us);
    case SpanStatisticsModel::MaxColumn:
        return double(g.maxUs);
    case SpanStatisticsModel::ErrorsColumn:
        return g.errors;
    default:
        return 0;
    }
}

} // namespace

SpanStatisticsModel::SpanStatisticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void SpanStatisticsModel::setStatistics(SpanStatistics statistics)
{
    beginResetModel();
    m_stats = std::move(statistics);
    m_rows.resize(m_stats.groups.size());
    std::iota(m_rows.begin(), m_rows.end(), 0);
    sortRows();
    endResetModel();
}

const SpanStatistics::Group &SpanStatisticsModel::groupAt(int row) const
{
    return m_stats.groups[size_t(m_rows[size_t(row)])];
}

int SpanStatisticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SpanStatisticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SpanStatisticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SpanStatistics::Group &g = groupAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return g.name;
        case CountColumn:
            return g.count;
        case ErrorsColumn:
            return g.errors;
        case AverageColumn:
            return Format::durationUs(qint64(g.averageUs() + 0.5));
        default:
            return Format::durationUs(qint64(number(g, column)));
        }
    case Qt::ToolTipRole:
        if (column == SelfColumn && g.totalUs > 0)
            return tr("%1 of the spans' %2 is their own, not their children's (%3%)")
                .arg(Format::durationUs(g.selfUs), Format::durationUs(g.totalUs))
                .arg(double(g.selfUs) * 100.0 / double(g.totalUs), 0, 'f', 1);
        return column == NameColumn ? g.name : QVariant();
    case Qt::TextAlignmentRole:
        return column == NameColumn ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                    : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (column == ErrorsColumn && g.errors > 0)
            return Palette::color(Palette::Tone::Bad);
        if (column == NameColumn && g.withoutTag)
            return Palette::color(Palette::Tone::Muted);
        return {};
    case SortRole:
        return column == NameColumn ? QVariant(g.name) : QVariant(number(g, column));
    case GroupRole:
        return m_rows[size_t(index.row())];
    default:
        return {};
    }
}

QVariant SpanStatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TotalColumn:
            return tr("The spans' durations added up");
        case SelfColumn:
            return tr("The spans' self time added up: the time of each span that none of its "
                      "children covers");
        case P95Column:
            return tr("95 % of the spans took at most this long");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        switch (m_stats.groupBy) {
        case SpanStatistics::GroupBy::Service:
            return tr("Service");
        case SpanStatistics::GroupBy::Operation:
            return tr("Operation");
        case SpanStatistics::GroupBy::ServiceOperation:
            return tr("Service: operation");
        case SpanStatistics::GroupBy::Tag:
            return m_stats.tagKey;
        }
        return {};
    case CountColumn:
        return tr("Count");
    case TotalColumn:
        return tr("Total");
    case SelfColumn:
        return tr("Self time");
    case AverageColumn:
        return tr("Average");
    case P95Column:
        return tr("p95");
    case MaxColumn:
        return tr("Max");
    case ErrorsColumn:
        return tr("Errors");
    default:
        return {};
    }
}

void SpanStatisticsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<qint32> groups;
    groups.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        groups.push_back(m_rows[size_t(index.row())]);
    sortRows();
    std::vector<qint32> rowOf(m_rows.size());
    for (size_t r = 0; r < m_rows.size(); ++r)
        rowOf[size_t(m_rows[r])] = qint32(r);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i)
        after.append(index(rowOf[size_t(groups[size_t(i)])], before[i].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SpanStatisticsModel::sortRows()
{
    if (m_sortColumn < 0)
        return;
    const auto &groups = m_stats.groups;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](qint32 a, qint32 b) {
        const SpanStatistics::Group &x = groups[size_t(a)];
        const SpanStatistics::Group &y = groups[size_t(b)];
        if (column == NameColumn) {
            const int c = x.name.compare(y.name, Qt::CaseInsensitive);
            return descending ? c > 0 : c < 0;
        }
        const double u = number(x, column);
        const double v = number(y, column);
        return descending ? u > v : u < v;
    });
}

} // namespace Stackscope
