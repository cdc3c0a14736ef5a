// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/buckets.h"
#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

namespace Stackscope {

/// Grafana's heatmap: time columns × rows of buckets (Prometheus' `le` buckets, calculated
/// value ranges) or series, each cell coloured by its count as the panel's HeatmapOptions say;
/// the rows' labels on the left, times under the cells and a colour strip from the lowest to the
/// highest count at the bottom. Hovering a cell shows its time, bucket and count. The heatmap
/// itself comes from models/metrics/buckets.h; this only paints it.
class HeatmapView : public QWidget
{
    Q_OBJECT
public:
    struct Cell
    {
        QRectF rect;
        int row = 0;
        int column = 0;
        double count = 0;
        QColor color;
    };
    /// Where things go at a size (for painting and tests).
    struct Layout
    {
        QRectF plot;   ///< the cells
        QRectF labels; ///< the rows' labels, left of the cells
        QRectF axis;   ///< the times, under the cells
        QRectF legend; ///< the colour strip, at the bottom
        double rowHeight = 0;
        double columnWidth = 0;
    };

    explicit HeatmapView(const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    const Heatmap &heatmap() const { return m_map; }
    Layout layoutAt(const QSizeF &size) const;
    /// The cells drawn at `size` (those filtered out by hideAtOrBelow are not).
    QList<Cell> cells(const QSizeF &size) const;
    /// The colour of a count on this panel's scale.
    QColor colorOf(double count) const;
    /// A row's range as the tooltip says it ("0.1 s – 0.25 s", "≤ 0.1 s", "> 2.5 s", a name).
    QString rowRange(int row) const;
    /// The tooltip at a point of the widget, empty off the cells.
    QString toolTipAt(const QPointF &pos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    bool darkBackground() const;

    Panel m_panel;
    PanelData m_data;
    Heatmap m_map;
};

} // namespace Stackscope
