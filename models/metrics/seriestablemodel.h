// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/fieldconfig.h"
#include "models/metrics/series.h"

#include <QAbstractTableModel>

namespace Stackscope {

/// The latest value of each series of a query result, one row per series: the table panel and
/// Explore's table. Rows with the same signatures in the same order are updated in place
/// (dataChanged); a different set of series resets the model.
class SeriesTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeriesColumn, ValueColumn, TimeColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { ValueRole = Qt::UserRole + 1, LabelsRole };

    explicit SeriesTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setResult(const QueryResult &result, const QString &legendFormat = {},
                   const QString &unit = {});
    /// Series named already (a panel's legend format per query); a missing name is the
    /// series' signature. With `fields` (per series, a panel's field config) a value is shown
    /// in its field's unit and decimals or as its mapping's text, and coloured as its cell mode
    /// says ("color-text": the text, "color-background": the cell).
    void setSeries(const QList<Series> &series, const QStringList &names, const QString &unit = {},
                   const QList<FieldDisplay> &fields = {});
    void clear();

private:
    struct Row
    {
        QString name;
        Labels labels;
        double value = 0;
        qint64 timeMs = 0;
        QString valueText;
        QColor foreground; ///< invalid = the view's
        QColor background;
    };
    QList<Row> m_rows;
};

} // namespace Stackscope
