// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/piechartview.h"

#include "models/common/format.h"
#include "models/common/palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

PieChartView::PieChartView(const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    setMinimumSize(80, 60);
}

void PieChartView::setData(const PanelData &data)
{
    m_slices.clear();
    double total = 0;
    for (qsizetype i = 0; i < data.series.size(); ++i) {
        const Series &s = data.series.at(i);
        Slice slice;
        slice.name = data.names.value(i);
        slice.value = std::nan(""); // Grafana's default reduction: the last value not null
        for (qsizetype k = s.size() - 1; k >= 0; --k) {
            if (std::isfinite(s.values.at(k))) {
                slice.value = s.values.at(k);
                break;
            }
        }
        const FieldDisplay field = fieldFor(m_panel, data, i);
        slice.color = field.seriesColor(Palette::series(quint32(i)));
        if (const auto mapped = mapValue(field.mappings, slice.value);
            mapped && mapped->color.isValid())
            slice.color = mapped->color;
        slice.valueText = field.text(slice.value);
        if (std::isfinite(slice.value) && slice.value > 0)
            total += slice.value;
        m_slices << slice;
    }
    for (Slice &slice : m_slices) {
        const bool drawn = std::isfinite(slice.value) && slice.value > 0 && total > 0;
        slice.fraction = drawn ? slice.value / total : 0;
        slice.legendText
            = std::isfinite(slice.value) ? u"%1  %2 (%3)"_s.arg(
                  slice.name, slice.valueText, Format::value(slice.fraction * 100, u"percent"_s))
                                         : tr("%1  no value").arg(slice.name);
    }
    update();
}

std::pair<QRectF, QRectF> PieChartView::layout(const QSizeF &size) const
{
    const QRectF area(QPointF(0, 0), size);
    const QFontMetricsF fm(font());
    double legendWidth = 0;
    for (const Slice &s : m_slices)
        legendWidth = std::max(legendWidth, fm.horizontalAdvance(s.legendText) + 18);
    const double legendHeight = double(m_slices.size()) * (fm.height() + 2);
    if (size.width() >= size.height() * 1.3) {
        // Legend to the right, at most half the width.
        const double w = std::min(legendWidth, size.width() / 2);
        const QRectF legend(area.right() - w, 0, w, size.height());
        const QRectF room(0, 0, size.width() - w - 8, size.height());
        const double side = std::min(room.width(), room.height());
        return {QRectF(room.center().x() - side / 2, room.center().y() - side / 2, side, side),
                legend};
    }
    const double h = std::min(legendHeight, size.height() / 2);
    const QRectF legend(0, area.bottom() - h, size.width(), h);
    const QRectF room(0, 0, size.width(), size.height() - h - 6);
    const double side = std::min(room.width(), room.height());
    return {QRectF(room.center().x() - side / 2, room.center().y() - side / 2, side, side), legend};
}

void PieChartView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    double total = 0;
    for (const Slice &s : std::as_const(m_slices))
        total += s.fraction;
    if (m_slices.isEmpty() || total <= 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    auto [pie, legend] = layout(area.size());
    pie.translate(area.topLeft());
    legend.translate(area.topLeft());
    QPainterPath hole;
    if (donut())
        hole.addEllipse(pie.center(), pie.width() * 0.3, pie.height() * 0.3);
    double start = 90; // from twelve o'clock, clockwise, as Grafana draws
    for (const Slice &s : std::as_const(m_slices)) {
        if (s.fraction <= 0)
            continue;
        const double span = -360 * s.fraction;
        QPainterPath slice;
        slice.moveTo(pie.center());
        slice.arcTo(pie, start, span);
        slice.closeSubpath();
        if (donut())
            slice = slice.subtracted(hole);
        p.setPen(QPen(palette().color(QPalette::Base), 1.5));
        p.setBrush(s.color);
        p.drawPath(slice);
        start += span;
    }
    // The legend: a swatch and the text per series, elided to the legend's width.
    const QFontMetricsF fm(font());
    double y = legend.top();
    for (const Slice &s : std::as_const(m_slices)) {
        if (y + fm.height() > legend.bottom() + 0.5)
            break;
        p.setPen(Qt::NoPen);
        p.setBrush(s.color);
        p.drawRoundedRect(QRectF(legend.left(), y + fm.height() / 2 - 5, 10, 10), 2, 2);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(legend.left() + 16, y, legend.width() - 16, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(s.legendText, Qt::ElideRight, legend.width() - 16));
        y += fm.height() + 2;
    }
}

} // namespace Stackscope
