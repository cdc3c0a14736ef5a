// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/spantreemodel.h"

#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Stackscope {

SpanTreeModel::SpanTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void SpanTreeModel::setLayout(TraceLayoutPtr layout)
{
    beginResetModel();
    m_layout = std::move(layout);
    const size_t n = m_layout ? size_t(m_layout->spanCount()) : 0;
    m_parentPosition.assign(n, -1);
    m_row.assign(n, 0);
    m_childStart.assign(n + 2, 0);
    m_children.clear();
    m_children.reserve(n);
    if (m_layout) {
        // Children of "position + 1" (0 = top level) are contiguous when collected parent by
        // parent; count first, then fill.
        std::vector<qint32> parentStack;
        for (size_t p = 0; p < n; ++p) {
            while (!parentStack.empty()
                   && m_layout->subtreeEnd[size_t(parentStack.back())] <= qint32(p))
                parentStack.pop_back();
            m_parentPosition[p] = parentStack.empty() ? -1 : parentStack.back();
            parentStack.push_back(qint32(p));
        }
        for (size_t p = 0; p < n; ++p)
            ++m_childStart[size_t(m_parentPosition[p] + 1) + 1];
        for (size_t i = 1; i < m_childStart.size(); ++i)
            m_childStart[i] += m_childStart[i - 1];
        m_children.assign(n, 0);
        std::vector<qint32> fill(m_childStart.begin(), m_childStart.end() - 1);
        for (size_t p = 0; p < n; ++p) {
            const size_t owner = size_t(m_parentPosition[p] + 1);
            m_row[p] = fill[owner] - m_childStart[owner];
            m_children[size_t(fill[owner]++)] = qint32(p);
        }
    }
    endResetModel();
}

QModelIndex SpanTreeModel::indexOfSpan(int span) const
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return {};
    const qint32 position = m_layout->positionOf[size_t(span)];
    return createIndex(m_row[size_t(position)], 0, quintptr(position + 1));
}

int SpanTreeModel::positionOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) - 1 : -1;
}

QModelIndex SpanTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const size_t owner = size_t(positionOf(parent) + 1);
    const qint32 position = m_children[size_t(m_childStart[owner] + row)];
    return createIndex(row, column, quintptr(position + 1));
}

QModelIndex SpanTreeModel::parent(const QModelIndex &child) const
{
    const int position = positionOf(child);
    if (position < 0)
        return {};
    const qint32 parentPosition = m_parentPosition[size_t(position)];
    if (parentPosition < 0)
        return {};
    return createIndex(m_row[size_t(parentPosition)], 0, quintptr(parentPosition + 1));
}

int SpanTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_layout || parent.column() > 0)
        return 0;
    const size_t owner = size_t(positionOf(parent) + 1);
    return m_childStart[owner + 1] - m_childStart[owner];
}

int SpanTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SpanTreeModel::data(const QModelIndex &index, int role) const
{
    const int position = positionOf(index);
    if (position < 0 || !m_layout)
        return {};
    const Trace &trace = *m_layout->trace;
    const int spanIndex = m_layout->order[size_t(position)];
    const Span &span = trace.spans[size_t(spanIndex)];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case OperationColumn:
            return trace.operation(spanIndex);
        case ServiceColumn:
            return trace.service(spanIndex);
        case DurationColumn:
            return formatDurationUs(span.durationUs);
        case StartColumn:
            return formatDurationUs(span.startUs - trace.startUs);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (span.has(Span::Error))
            return QColor(0xd62728);
        return {};
    case Qt::DecorationRole:
        if (index.column() == ServiceColumn)
            return m_layout->serviceColor(span.service);
        return {};
    case SpanIndexRole:
        return spanIndex;
    case SpanIdRole:
        return trace.spanId(spanIndex);
    case ErrorRole:
        return span.has(Span::Error);
    case CriticalRole:
        return bool(m_layout->critical[size_t(spanIndex)]);
    case DurationUsRole:
        return span.durationUs;
    default:
        return {};
    }
}

QVariant SpanTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OperationColumn:
        return tr("Operation");
    case ServiceColumn:
        return tr("Service");
    case DurationColumn:
        return tr("Duration");
    case StartColumn:
        return tr("Start");
    default:
        return {};
    }
}

} // namespace Stackscope
