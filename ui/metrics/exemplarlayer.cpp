// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/exemplarlayer.h"
#include "models/common/palette.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace Stackscope {

namespace {
constexpr qreal markerRadius = 5;      ///< half a diagonal of the diamond
constexpr qreal hitRadius = 7;         ///< how near the pointer must be
constexpr qsizetype maxMarkers = 5000; ///< beyond this many the chart would be a purple smear
} // namespace

ExemplarLayer::ExemplarLayer(QGraphicsItem *parent)
    : QGraphicsItem(parent)
{
    // Over the lines (QtCharts stacks its series from z 2 up), under the cursor line.
    setZValue(40);
    setAcceptedMouseButtons(Qt::NoButton);
}

void ExemplarLayer::setExemplars(const QList<Exemplar> &exemplars)
{
    m_exemplars = exemplars;
}

void ExemplarLayer::layout(const QRectF &plot, const std::function<QPointF(double, double)> &map,
                           const std::function<QColor(int)> &colorOf,
                           const std::function<bool(int)> &visible)
{
    prepareGeometryChange();
    m_plot = plot;
    m_markers.clear();
    for (int i = 0; i < m_exemplars.size() && m_markers.size() < maxMarkers; ++i) {
        const Exemplar &e = m_exemplars.at(i);
        if (!std::isfinite(e.value) || (e.series >= 0 && !visible(e.series)))
            continue;
        const QPointF at = map(double(e.timeMs), e.value);
        // A little slack: a marker on the plot's edge is still drawn.
        if (!plot.adjusted(-1, -1, 1, 1).contains(at))
            continue;
        m_markers.append({i, at, e.series >= 0 ? colorOf(e.series) : Palette::exemplar()});
    }
    update();
}

int ExemplarLayer::markerAt(const QPointF &point) const
{
    int best = -1;
    qreal bestDistance = hitRadius;
    // The last drawn is on top: it wins a tie.
    for (int i = int(m_markers.size()) - 1; i >= 0; --i) {
        const QPointF d = m_markers.at(i).position - point;
        const qreal distance = std::hypot(d.x(), d.y());
        if (distance < bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

QRectF ExemplarLayer::boundingRect() const
{
    return m_plot.adjusted(-markerRadius - 1, -markerRadius - 1, markerRadius + 1,
                           markerRadius + 1);
}

void ExemplarLayer::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_markers.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    for (const Marker &m : std::as_const(m_markers)) {
        QPainterPath diamond;
        diamond.moveTo(m.position + QPointF(0, -markerRadius));
        diamond.lineTo(m.position + QPointF(markerRadius, 0));
        diamond.lineTo(m.position + QPointF(0, markerRadius));
        diamond.lineTo(m.position + QPointF(-markerRadius, 0));
        diamond.closeSubpath();
        // A dark outline keeps a marker apart from a line of its own colour.
        painter->setPen(QPen(m.color.darker(180), 1));
        painter->setBrush(m.color);
        painter->drawPath(diamond);
    }
    painter->restore();
}

} // namespace Stackscope
