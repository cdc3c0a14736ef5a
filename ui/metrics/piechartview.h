// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

namespace Stackscope {

/// Grafana's pie chart: one slice per series, sized by its last value, as a pie or a donut,
/// with a legend (name, value, percent) to the right when the panel is wide, else below it.
/// Series without a finite positive value get no slice and are named in the legend as such.
class PieChartView : public QWidget
{
    Q_OBJECT
public:
    struct Slice
    {
        QString name;
        double value = 0;
        double fraction = 0; ///< of the total; 0 for a series without a slice
        QColor color;
        QString valueText;  ///< the value in its field's unit and decimals, or its mapping
        QString legendText; ///< "name  value (percent)"
    };

    explicit PieChartView(const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    const QList<Slice> &slices() const { return m_slices; }
    bool donut() const { return m_panel.pieType == QLatin1StringView("donut"); }
    /// Where the pie and the legend go at `size` (for painting and tests).
    std::pair<QRectF, QRectF> layout(const QSizeF &size) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Panel m_panel;
    QList<Slice> m_slices;
};

} // namespace Stackscope
