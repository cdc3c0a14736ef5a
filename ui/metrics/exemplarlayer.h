// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/exemplar.h"

#include <QColor>
#include <QGraphicsItem>
#include <QList>

#include <functional>

namespace Stackscope {

/// A chart's exemplars as diamonds over its lines (Grafana's marker), each in its series' colour
/// (Palette::exemplar() for one that belongs to no series); a child item of the chart, placed by
/// the chart's own mapping from time and value to its coordinates. Exemplars outside the plot, or
/// of a hidden series, are not drawn. Paints and hit-tests; the chart handles the mouse.
class ExemplarLayer : public QGraphicsItem
{
public:
    explicit ExemplarLayer(QGraphicsItem *parent = nullptr);

    /// A marker: which exemplar, where (the parent's coordinates) and in which colour.
    struct Marker
    {
        int exemplar = 0; ///< index into the exemplars set
        QPointF position;
        QColor color;
    };

    void setExemplars(const QList<Exemplar> &exemplars);
    const QList<Exemplar> &exemplars() const { return m_exemplars; }
    /// Places the markers: `map` gives a point (time in ms, value) in the parent's coordinates,
    /// `colorOf` a series' colour, `visible` whether a series is shown; `plot` is the plot area.
    void layout(const QRectF &plot, const std::function<QPointF(double, double)> &map,
                const std::function<QColor(int)> &colorOf, const std::function<bool(int)> &visible);
    const QList<Marker> &markers() const { return m_markers; }
    /// The marker under a point (the parent's coordinates), -1 when none is within a few pixels.
    int markerAt(const QPointF &point) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QList<Exemplar> m_exemplars;
    QList<Marker> m_markers;
    QRectF m_plot;
};

} // namespace Stackscope
