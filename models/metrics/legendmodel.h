// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/keyedtablemodel.h"
#include "models/metrics/fieldconfig.h"
#include "models/metrics/legendcalcs.h"
#include "models/metrics/series.h"

#include <QColor>

namespace Stackscope {

/// One row of a legend: a series' name and colour, whether it is drawn, and its calculations.
struct LegendEntry
{
    QString key; ///< unique within the legend (name, labels and a count for repeats)
    QString name;
    QColor color;
    bool visible = true;
    QList<double> values; ///< one per calculation, NaN when there is nothing to show
    QStringList texts;    ///< with a field config: the values as shown (unit, decimals, mappings)

    friend bool operator==(const LegendEntry &, const LegendEntry &) = default;
};

/// A time series panel's legend as a table: a row per series in the panel's order (name with its
/// colour, then one column per calculation, formatted in the panel's unit). A refresh merges by
/// series, so a view's sorting, selection and scroll stay; SortRole gives the raw value for a
/// QSortFilterProxyModel, so that "1.5 KiB" sorts below "2 MiB".
class LegendModel : public KeyedTableModel<LegendEntry>
{
    Q_OBJECT
public:
    enum Role {
        SortRole = Qt::UserRole + 1, ///< the name, or the calculation as a double (NaN lowest)
        VisibleRole,                 ///< bool: the series is drawn
    };

    explicit LegendModel(QObject *parent = nullptr);

    void setCalcs(const QList<LegendCalc> &calcs);
    const QList<LegendCalc> &calcs() const { return m_calcs; }
    void setUnit(const QString &unit);
    /// The series with their names and colours (by index); hidden names are drawn struck out.
    /// With `fields` (per series) values are shown in each field's unit and decimals, or as
    /// its mapping's text, and a series hidden from the legend (hideFrom.legend) has no row.
    void setSeries(const QList<Series> &series, const QStringList &names,
                   const QList<QColor> &colors, const QSet<QString> &hidden = {},
                   const QList<FieldDisplay> &fields = {});
    /// The column Grafana's `sortBy` names ("Name", "Max", "Last *"), -1 when none.
    int columnForTitle(const QString &title) const;
    /// The text of a cell as drawn (tests).
    QString text(int row, int column) const;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    QString keyOf(const LegendEntry &entry) const override { return entry.key; }
    bool newRowsInIncomingOrder() const override { return true; }

private:
    QList<LegendCalc> m_calcs;
    QString m_unit;
};

} // namespace Stackscope
