// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/seriestablemodel.h"

#include "models/common/format.h"
#include "models/common/palette.h"

#include <QDateTime>

namespace Stackscope {

SeriesTableModel::SeriesTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int SeriesTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SeriesTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SeriesTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeriesColumn:
        return tr("Series");
    case ValueColumn:
        return tr("Value");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

QVariant SeriesTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == ValueRole)
        return row.value;
    if (role == LabelsRole)
        return seriesSignature(row.labels);
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == SeriesColumn)
        return seriesSignature(row.labels);
    if (role == Qt::ForegroundRole && index.column() == ValueColumn && row.foreground.isValid())
        return row.foreground;
    if (role == Qt::BackgroundRole && index.column() == ValueColumn && row.background.isValid())
        return row.background;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeriesColumn:
        return row.name;
    case ValueColumn:
        return row.valueText;
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(row.timeMs)
            .toLocalTime()
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    default:
        return {};
    }
}

void SeriesTableModel::setResult(const QueryResult &result, const QString &legendFormat,
                                 const QString &unit)
{
    QStringList names;
    names.reserve(result.series.size());
    for (const Series &s : result.series)
        names << formatLegend(legendFormat, s.labels);
    setSeries(result.series, names, unit);
}

void SeriesTableModel::setSeries(const QList<Series> &series, const QStringList &names,
                                 const QString &unit, const QList<FieldDisplay> &fields)
{
    QList<Row> rows;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const Series &s = series.at(i);
        if (s.size() == 0)
            continue;
        Row row;
        row.labels = s.labels;
        row.name = i < names.size() ? names.at(i) : formatLegend(QString(), s.labels);
        row.value = s.values.constLast();
        row.timeMs = s.times.constLast();
        row.valueText = Format::value(row.value, unit, 4);
        if (i < fields.size()) {
            const FieldDisplay &field = fields.at(i);
            const auto mapped = mapValue(field.mappings, row.value);
            row.valueText = mapped && !mapped->text.isEmpty()
                                ? mapped->text
                                : Format::value(row.value, field.unit, 4, field.decimals);
            const QString &mode = field.cellMode;
            if (mode == QLatin1StringView("color-text")) {
                row.foreground = field.color(row.value, {});
            } else if (mode.startsWith(QLatin1StringView("color-background"))) {
                row.background = field.color(row.value, {});
                if (row.background.isValid())
                    row.foreground = Palette::textOn(row.background);
            }
        }
        rows.append(row);
    }
    bool sameShape = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape
            = rows.at(i).labels == m_rows.at(i).labels && rows.at(i).name == m_rows.at(i).name;
    if (sameShape) {
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, ValueColumn), index(int(m_rows.size()) - 1, TimeColumn));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void SeriesTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace Stackscope
