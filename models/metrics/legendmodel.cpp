// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/legendmodel.h"
#include "models/common/format.h"

#include <QFont>
#include <QHash>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

LegendModel::LegendModel(QObject *parent)
    : KeyedTableModel<LegendEntry>(parent)
{}

void LegendModel::setCalcs(const QList<LegendCalc> &calcs)
{
    if (calcs == m_calcs)
        return;
    beginResetModel(); // the columns change: nothing to merge
    m_calcs = calcs;
    endResetModel();
}

void LegendModel::setUnit(const QString &unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    if (rowCount() > 0 && !m_calcs.isEmpty())
        Q_EMIT dataChanged(index(0, 1), index(rowCount() - 1, columnCount() - 1),
                           {Qt::DisplayRole});
}

void LegendModel::setSeries(const QList<Series> &series, const QStringList &names,
                            const QList<QColor> &colors, const QSet<QString> &hidden,
                            const QList<FieldDisplay> &fields)
{
    QList<LegendEntry> entries;
    entries.reserve(series.size());
    QHash<QString, int> seen;
    for (qsizetype i = 0; i < series.size(); ++i) {
        const Series &s = series.at(i);
        const FieldDisplay *field = i < fields.size() ? &fields.at(i) : nullptr;
        if (field && field->hideFrom.legend)
            continue;
        LegendEntry entry;
        entry.name = names.value(i, seriesSignature(s.labels));
        const QString base = entry.name + u'\x1f' + seriesSignature(s.labels);
        entry.key = base + u'\x1f' + QString::number(seen[base]++);
        entry.color = colors.value(i);
        entry.visible = !hidden.contains(entry.name);
        for (const LegendCalc calc : std::as_const(m_calcs)) {
            const double value = legendCalcValue(s, calc);
            entry.values.append(value);
            if (field)
                entry.texts.append(std::isnan(value) ? u"–"_s : field->text(value));
        }
        entries.append(entry);
    }
    merge(entries);
}

int LegendModel::columnForTitle(const QString &title) const
{
    if (title.isEmpty())
        return -1;
    if (title.compare("Name"_L1, Qt::CaseInsensitive) == 0 || title == "Field"_L1)
        return 0;
    for (int i = 0; i < m_calcs.size(); ++i) {
        // Grafana's title, or the reducer's id (legacy graphs sort by "current", "max"...).
        const LegendCalc calc = m_calcs.at(i);
        if (title == legendCalcTitle(calc) || legendCalcFromId(title) == calc)
            return i + 1;
    }
    return -1;
}

QString LegendModel::text(int row, int column) const
{
    return data(index(row, column)).toString();
}

int LegendModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calcs.size()) + 1;
}

QVariant LegendModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LegendEntry &entry = at(index.row());
    const int column = index.column();
    const double value = column > 0 ? entry.values.value(column - 1, std::nan("")) : 0;
    switch (role) {
    case Qt::DisplayRole:
        if (column == 0)
            return entry.name;
        if (column - 1 < entry.texts.size())
            return entry.texts.at(column - 1);
        if (std::isnan(value))
            return u"–"_s;
        return Format::value(value, m_unit);
    case Qt::ToolTipRole:
        return column == 0 ? entry.name : QVariant();
    case Qt::DecorationRole:
        return column == 0 ? QVariant(entry.color) : QVariant();
    case Qt::TextAlignmentRole:
        return column == 0 ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        if (!entry.visible) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        return {};
    case SortRole:
        if (column == 0)
            return entry.name;
        // NaN sorts as the lowest value, so that series without data go to the end when
        // sorting descending, as in Grafana.
        return std::isnan(value) ? -std::numeric_limits<double>::infinity() : value;
    case VisibleRole:
        return entry.visible;
    default:
        return {};
    }
}

QVariant LegendModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == 0)
        return tr("Name");
    return section - 1 < m_calcs.size() ? legendCalcTitle(m_calcs.at(section - 1)) : QVariant();
}

} // namespace Stackscope
