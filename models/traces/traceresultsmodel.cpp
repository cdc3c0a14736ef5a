// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/traceresultsmodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QColor>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Stackscope {

TraceResultsModel::TraceResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void TraceResultsModel::setResults(QList<TraceSummary> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

int TraceResultsModel::rowOf(const QString &traceId) const
{
    for (int i = 0; i < m_results.size(); ++i) {
        if (m_results.at(i).traceId == traceId)
            return i;
    }
    return -1;
}

int TraceResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int TraceResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceResultsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceSummary &s = m_results.at(index.row());
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(s.startUs / 1000);
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return QString(Format::elided(s.rootService, 300) + u": "_s
                           + Format::elided(s.rootOperation, 300));
        case SpansColumn:
            return s.spanCount;
        case ErrorsColumn:
            return s.errorCount;
        case DurationColumn:
            return Format::durationUs(s.durationUs);
        case StartColumn:
            return start.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        case TraceIdColumn:
            return s.traceId;
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (index.column()) {
        case NameColumn:
            return QString(Format::elided(s.rootService, 300) + u": "_s
                           + Format::elided(s.rootOperation, 300));
        case SpansColumn:
            return s.spanCount;
        case ErrorsColumn:
            return s.errorCount;
        case DurationColumn:
            return s.durationUs;
        case StartColumn:
            return s.startUs;
        case TraceIdColumn:
            return s.traceId;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == ErrorsColumn && s.errorCount > 0)
        return Palette::color(Palette::Tone::Bad);
    if (role == TraceIdRole)
        return s.traceId;
    if (role == SummaryRole)
        return QVariant::fromValue(s);
    return {};
}

QVariant TraceResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Trace");
    case SpansColumn:
        return tr("Spans");
    case ErrorsColumn:
        return tr("Errors");
    case DurationColumn:
        return tr("Duration");
    case StartColumn:
        return tr("Start");
    case TraceIdColumn:
        return tr("Trace ID");
    default:
        return {};
    }
}

} // namespace Stackscope
