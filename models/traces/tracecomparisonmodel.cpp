// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/tracecomparisonmodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QFont>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

using Node = TraceComparison::Node;

/// The value a numeric column sorts by; a node new in B has an infinite Δ %.
double numericKey(const Node &node, int column)
{
    switch (column) {
    case TraceComparisonModel::CountAColumn:
        return node.countA();
    case TraceComparisonModel::CountBColumn:
        return node.countB();
    case TraceComparisonModel::DurationAColumn:
        return double(node.durationA);
    case TraceComparisonModel::DurationBColumn:
        return double(node.durationB);
    case TraceComparisonModel::DeltaColumn:
        return double(node.deltaUs());
    case TraceComparisonModel::DeltaPercentColumn: {
        const double p = node.deltaPercent();
        return std::isnan(p) ? std::numeric_limits<double>::infinity() : p;
    }
    default:
        return 0;
    }
}

QString signedDuration(qint64 us)
{
    return us > 0 ? u"+"_s + Format::durationUs(us) : Format::durationUs(us);
}

} // namespace

TraceComparisonModel::TraceComparisonModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    qRegisterMetaType<TraceComparisonPtr>();
}

void TraceComparisonModel::setComparison(TraceComparisonPtr comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    m_children.clear();
    m_tops.clear();
    m_row.clear();
    m_leadsToChange.clear();
    if (m_comparison) {
        m_tops = m_comparison->tops;
        m_children.reserve(m_comparison->nodes.size());
        for (const Node &node : m_comparison->nodes)
            m_children.push_back(node.children);
        m_row.assign(m_comparison->nodes.size(), 0);
        // Parents come before their children: one pass from the end sees every child first.
        const auto &nodes = m_comparison->nodes;
        m_leadsToChange.assign(nodes.size(), 0);
        for (size_t n = nodes.size(); n-- > 0;) {
            m_leadsToChange[n] |= char(changed(nodes[n]));
            if (nodes[n].parent >= 0 && m_leadsToChange[n])
                m_leadsToChange[size_t(nodes[n].parent)] = 1;
        }
        applySort();
    }
    endResetModel();
}

void TraceComparisonModel::setChangesOnly(bool changesOnly)
{
    if (m_changesOnly == changesOnly)
        return;
    beginResetModel();
    m_changesOnly = changesOnly;
    applySort();
    endResetModel();
}

bool TraceComparisonModel::changed(const Node &node)
{
    return node.onlyInA() || node.onlyInB() || changeOf(node) != Change::Same;
}

TraceComparisonModel::Change TraceComparisonModel::changeOf(const Node &node)
{
    if (node.onlyInB())
        return node.durationB > 0 ? Change::Slower : Change::Same;
    const qint64 delta = node.deltaUs();
    if (delta == 0 || std::abs(double(delta)) < kSignificant * double(node.durationA))
        return Change::Same;
    return delta > 0 ? Change::Slower : Change::Faster;
}

const std::vector<qint32> &TraceComparisonModel::childrenOf(qint32 node) const
{
    return node < 0 ? m_tops : m_children[size_t(node)];
}

void TraceComparisonModel::applySort()
{
    if (!m_comparison)
        return;
    const auto &nodes = m_comparison->nodes;
    const int column = m_sortColumn;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    // Restart from the order of first start, so that ties keep it whatever came before.
    const auto sortLevel = [&](std::vector<qint32> &level, const std::vector<qint32> &original) {
        level.clear();
        for (qint32 n : original) {
            if (!m_changesOnly || m_leadsToChange[size_t(n)])
                level.push_back(n);
        }
        if (column == NodeColumn) {
            std::stable_sort(level.begin(), level.end(), [&](qint32 l, qint32 r) {
                const int c
                    = nodes[size_t(l)].name().compare(nodes[size_t(r)].name(), Qt::CaseInsensitive);
                return descending ? c > 0 : c < 0;
            });
        } else if (column > NodeColumn && column < ColumnCount) {
            std::stable_sort(level.begin(), level.end(), [&](qint32 l, qint32 r) {
                const double a = numericKey(nodes[size_t(l)], column);
                const double b = numericKey(nodes[size_t(r)], column);
                return descending ? a > b : a < b;
            });
        }
        for (size_t i = 0; i < level.size(); ++i)
            m_row[size_t(level[i])] = qint32(i);
    };
    sortLevel(m_tops, m_comparison->tops);
    for (size_t n = 0; n < nodes.size(); ++n)
        sortLevel(m_children[n], nodes[n].children);
}

void TraceComparisonModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_comparison)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::pair<qint32, int>> kept; // node and column of each persistent index
    kept.reserve(size_t(before.size()));
    for (const QModelIndex &index : before)
        kept.emplace_back(nodeAt(index), index.column());
    applySort();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &[node, col] : kept)
        after.append(indexOfNode(node, col));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

QModelIndex TraceComparisonModel::indexOfNode(qint32 node, int column) const
{
    if (!m_comparison || node < 0 || size_t(node) >= m_comparison->nodes.size()
        || (m_changesOnly && !m_leadsToChange[size_t(node)]))
        return {};
    return createIndex(m_row[size_t(node)], column, quintptr(node));
}

qint32 TraceComparisonModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return qint32(index.internalId());
}

QModelIndex TraceComparisonModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_comparison || column < 0 || column >= ColumnCount || row < 0
        || (parent.isValid() && parent.column() != 0))
        return {};
    const std::vector<qint32> &level = childrenOf(parent.isValid() ? nodeAt(parent) : -1);
    if (size_t(row) >= level.size())
        return {};
    return createIndex(row, column, quintptr(level[size_t(row)]));
}

QModelIndex TraceComparisonModel::parent(const QModelIndex &child) const
{
    const qint32 node = nodeAt(child);
    if (node < 0 || !m_comparison)
        return {};
    return indexOfNode(m_comparison->nodes[size_t(node)].parent);
}

int TraceComparisonModel::rowCount(const QModelIndex &parent) const
{
    if (!m_comparison || (parent.isValid() && parent.column() != 0))
        return 0;
    return int(childrenOf(parent.isValid() ? nodeAt(parent) : -1).size());
}

int TraceComparisonModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool TraceComparisonModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant TraceComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_comparison)
        return {};
    const qint32 nodeIndex = nodeAt(index);
    const Node &node = m_comparison->nodes[size_t(nodeIndex)];
    const int column = index.column();
    const Presence presence = node.onlyInA()   ? Presence::OnlyInA
                              : node.onlyInB() ? Presence::OnlyInB
                                               : Presence::Both;
    const Change change = changeOf(node);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NodeColumn:
            if (presence == Presence::OnlyInA)
                return tr("%1 (only in A)").arg(node.name());
            if (presence == Presence::OnlyInB)
                return tr("%1 (only in B)").arg(node.name());
            return node.name();
        case CountAColumn:
            return node.countA() ? QString::number(node.countA()) : u"—"_s;
        case CountBColumn:
            return node.countB() ? QString::number(node.countB()) : u"—"_s;
        case DurationAColumn:
            return node.countA() ? Format::durationUs(node.durationA) : u"—"_s;
        case DurationBColumn:
            return node.countB() ? Format::durationUs(node.durationB) : u"—"_s;
        case DeltaColumn:
            return signedDuration(node.deltaUs());
        case DeltaPercentColumn: {
            const double p = node.deltaPercent();
            if (std::isnan(p))
                return tr("new");
            return QString((p > 0 ? u"+"_s : QString()) + Format::number(p, 3) + u" %"_s);
        }
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(node);
    case Qt::TextAlignmentRole:
        return column == NodeColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == NodeColumn && presence != Presence::Both)
            return Palette::color(presence == Presence::OnlyInA ? Palette::Tone::Muted
                                                                : Palette::Tone::Info);
        if ((column == DeltaColumn || column == DeltaPercentColumn) && change != Change::Same)
            return Palette::color(change == Change::Slower ? Palette::Tone::Bad
                                                           : Palette::Tone::Good);
        return {};
    case Qt::FontRole:
        if (column == NodeColumn && presence != Presence::Both) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        if ((column == DeltaColumn || column == DeltaPercentColumn) && change != Change::Same) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case SortRole:
        if (column == NodeColumn)
            return node.name();
        return numericKey(node, column);
    case NodeRole:
        return int(nodeIndex);
    case PresenceRole:
        return int(presence);
    case ChangeRole:
        return int(change);
    case NameRole:
        return node.name();
    }
    return {};
}

QString TraceComparisonModel::toolTip(const Node &node) const
{
    QString text = node.name();
    text += u'\n'
            + tr("A: %n span(s), %1", nullptr, node.countA())
                  .arg(Format::durationUs(node.durationA));
    text += u'\n'
            + tr("B: %n span(s), %1", nullptr, node.countB())
                  .arg(Format::durationUs(node.durationB));
    if (node.onlyInA())
        text += u'\n' + tr("Only in A: trace B made no such call here.");
    else if (node.onlyInB())
        text += u'\n' + tr("Only in B: trace A made no such call here.");
    else
        text += u'\n'
                + tr("Δ %1 (%2 %)")
                      .arg(signedDuration(node.deltaUs()), Format::number(node.deltaPercent(), 3));
    return text;
}

QVariant TraceComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == NodeColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DeltaColumn:
            return tr("Duration in B minus duration in A: positive is slower in B");
        case DeltaPercentColumn:
            return tr("The difference as a share of the duration in A");
        case NodeColumn:
            return tr("Spans matched by their path of service and operation from the root");
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeColumn:
        return tr("Service: operation");
    case CountAColumn:
        return tr("Count A");
    case CountBColumn:
        return tr("Count B");
    case DurationAColumn:
        return tr("Duration A");
    case DurationBColumn:
        return tr("Duration B");
    case DeltaColumn:
        return tr("Δ time");
    case DeltaPercentColumn:
        return tr("Δ %");
    }
    return {};
}

} // namespace Stackscope
