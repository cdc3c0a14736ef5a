// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/bargaugeview.h"

#include "models/common/format.h"
#include "models/common/palette.h"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr double MaxSpacing = 8; // between bars, less when there are many
constexpr double LcdCell = 12;   // an LCD cell's length, as Grafana draws them
constexpr double LcdGap = 3;     // between two cells
constexpr double MinBar = 6;     // the thinnest bar still drawn
constexpr double TextMargin = 6; // between a bar and its texts

double lastValue(const Series &s)
{
    return s.size() ? s.values.constLast() : std::nan("");
}

} // namespace

BarGaugeView::BarGaugeView(const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    setMinimumSize(80, 40);
}

void BarGaugeView::setData(const PanelData &data)
{
    m_data = data;
    update();
}

bool BarGaugeView::vertical(const QSizeF &size) const
{
    if (m_panel.orientation == "vertical"_L1)
        return true;
    if (m_panel.orientation == "horizontal"_L1)
        return false;
    return size.width() > size.height(); // Grafana's "auto"
}

std::pair<double, double> BarGaugeView::range() const
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const Series &s : m_data.series) {
        const double v = lastValue(s);
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    double min = m_panel.min.value_or(std::isfinite(lo) ? std::min(0.0, lo) : 0.0);
    double max = m_panel.max.value_or(std::isfinite(hi) ? hi : 100.0);
    if (!(max > min))
        max = min + 1;
    return {min, max};
}

int BarGaugeView::lcdCells(double length)
{
    return std::max(1, int((length + LcdGap) / (LcdCell + LcdGap)));
}

QList<BarGaugeView::Bar> BarGaugeView::layout(const QSizeF &size) const
{
    QList<Bar> bars;
    const qsizetype count = m_data.series.size();
    if (count == 0)
        return bars;
    const auto [min, max] = range();
    QFont valueFont = font();
    valueFont.setBold(true);
    const QFontMetricsF fm(font());
    const QFontMetricsF fmValue(valueFont);
    bool hasLegend = false;
    for (const PanelQuery &q : m_panel.queries)
        hasLegend = hasLegend || !q.legendFormat.isEmpty();
    const bool named = count > 1 || hasLegend;

    double valueWidth = 0;
    double nameWidth = 0;
    for (qsizetype i = 0; i < count; ++i) {
        Bar b;
        b.value = lastValue(m_data.series.at(i));
        // Mappings, unit, decimals and colour of the series' field (overrides applied).
        const FieldDisplay field = fieldFor(m_panel, m_data, i);
        const auto mapped = mapValue(field.mappings, b.value);
        b.valueText = std::isfinite(b.value) || (mapped && !mapped->text.isEmpty())
                          ? field.text(b.value)
                          : (field.noValue.isEmpty() ? u"–"_s : field.noValue);
        b.name = named ? m_data.names.value(i) : QString();
        b.fill = std::isfinite(b.value) ? std::clamp((b.value - min) / (max - min), 0.0, 1.0) : 0;
        b.color = field.color(b.value, Palette::series(0));
        b.solid = (mapped && mapped->color.isValid()) || field.colorMode == FieldColorMode::Fixed
                  || field.thresholds != m_panel.thresholds;
        b.valueFont = valueFont;
        valueWidth = std::max(valueWidth, fmValue.horizontalAdvance(b.valueText));
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(b.name));
        bars << b;
    }
    const double line = fm.height();
    const QRectF area(QPointF(0, 0), size);
    const double Spacing = std::min(
        MaxSpacing, 0.15 * (vertical(size) ? size.width() : size.height()) / double(count));
    // Names that do not fit in `room` get a smaller font, as Grafana's do (not below 70 %),
    // and are elided only then.
    const auto fitNames = [&](double room) {
        QFont nameFont = font();
        if (nameWidth > room && nameWidth > 0) {
            const double scale = std::max(0.7, room / nameWidth);
            nameFont.setPointSizeF(font().pointSizeF() * scale);
        }
        const QFontMetricsF fmName(nameFont);
        for (Bar &b : bars) {
            b.nameFont = nameFont;
            b.shownName = fmName.elidedText(b.name, Qt::ElideRight, room);
        }
    };

    if (vertical(size)) {
        // Side by side: the value on top, the name at the bottom, the bar between them.
        const double cell = (area.width() - Spacing * double(count - 1)) / double(count);
        for (qsizetype i = 0; i < count; ++i) {
            Bar &b = bars[i];
            const double x = double(i) * (cell + Spacing);
            b.valueRect = QRectF(x, 0, cell, line);
            b.nameRect = named ? QRectF(x, area.height() - line, cell, line) : QRectF();
            const double top = line + TextMargin / 2;
            const double bottom = area.height() - (named ? line + TextMargin / 2 : 0);
            b.bar = QRectF(x, top, cell, std::max(0.0, bottom - top));
        }
        fitNames(cell);
        return bars;
    }

    // Stacked: each row has its bar, its value to the right, and its name above the bar when
    // the row is high enough for both, else to the left of it.
    const double row = (area.height() - Spacing * double(count - 1)) / double(count);
    const bool nameAbove = named && row >= line + TextMargin + std::max(MinBar, line * 0.8);
    const double valueColumn = std::min(valueWidth + TextMargin, area.width() * 0.4);
    const double nameColumn
        = named && !nameAbove ? std::min(nameWidth + TextMargin, area.width() * 0.3) : 0;
    for (qsizetype i = 0; i < count; ++i) {
        Bar &b = bars[i];
        const double y = double(i) * (row + Spacing);
        double barTop = y;
        if (nameAbove) {
            b.nameRect = QRectF(0, y, area.width() - valueColumn, line);
            barTop = y + line + TextMargin / 2;
        } else if (named) {
            b.nameRect = QRectF(0, y, nameColumn - TextMargin, row);
        }
        b.bar = QRectF(nameColumn, barTop, area.width() - nameColumn - valueColumn,
                       std::max(0.0, y + row - barTop));
        b.valueRect = QRectF(area.width() - valueColumn + TextMargin, barTop,
                             valueColumn - TextMargin, b.bar.height());
    }
    fitNames(nameAbove ? area.width() - valueColumn : nameColumn - TextMargin);
    return bars;
}

void BarGaugeView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (m_data.series.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    const bool isVertical = vertical(area.size());
    const QList<Bar> bars = layout(area.size());
    const auto [min, max] = range(); // once per paint, not per bar
    p.translate(area.topLeft());
    for (const Bar &b : bars) {
        paintBar(p, b, isVertical, min, max);
        p.setPen(palette().color(QPalette::WindowText));
        p.setFont(b.nameFont);
        if (!b.shownName.isEmpty())
            p.drawText(b.nameRect,
                       (isVertical ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter,
                       b.shownName);
        p.setFont(b.valueFont);
        p.setPen(b.color);
        p.drawText(b.valueRect, (isVertical ? Qt::AlignHCenter : Qt::AlignLeft) | Qt::AlignVCenter,
                   QFontMetricsF(b.valueFont)
                       .elidedText(b.valueText, Qt::ElideRight, b.valueRect.width() + 2));
    }
}

void BarGaugeView::paintBar(QPainter &p, const Bar &b, bool isVertical, double min,
                            double max) const
{
    if (b.bar.width() < 1 || b.bar.height() < 1)
        return;
    const double length = isVertical ? b.bar.height() : b.bar.width();
    // The part of the bar at `fraction` of its length, from its start.
    const auto part = [&](double from, double to) {
        if (isVertical)
            return QRectF(b.bar.left(), b.bar.bottom() - to * length, b.bar.width(),
                          (to - from) * length);
        return QRectF(b.bar.left() + from * length, b.bar.top(), (to - from) * length,
                      b.bar.height());
    };
    QColor unfilled = palette().color(QPalette::Mid);
    unfilled.setAlpha(70);
    p.setPen(Qt::NoPen);

    if (m_panel.barMode == "lcd"_L1) {
        const int cells = lcdCells(length);
        const double step = 1.0 / cells;
        const double gap = LcdGap / length;
        for (int c = 0; c < cells; ++c) {
            const double from = c * step;
            const double cellValue = min + (from + step / 2) * (max - min);
            QColor color = b.solid
                               ? b.color
                               : thresholdColor(m_panel.thresholds, cellValue, Palette::series(0));
            const bool lit = from + step / 2 <= b.fill;
            if (!lit) {
                if (!m_panel.showUnfilled)
                    continue;
                color.setAlpha(45);
            }
            p.setBrush(color);
            p.drawRoundedRect(part(from, from + step - gap), 2, 2);
        }
        return;
    }
    if (m_panel.showUnfilled) {
        p.setBrush(unfilled);
        p.drawRoundedRect(b.bar, 2, 2);
    }
    if (b.fill <= 0)
        return;
    if (m_panel.barMode == "basic"_L1 || m_panel.thresholds.isEmpty() || b.solid) {
        p.setBrush(b.color);
        p.drawRoundedRect(part(0, b.fill), 2, 2);
        return;
    }
    // Gradient: the thresholds' colours along the whole range, shown up to the value.
    const QRectF whole = part(0, 1);
    QLinearGradient gradient(isVertical ? whole.bottomLeft() : whole.topLeft(),
                             isVertical ? whole.topLeft() : whole.topRight());
    QColor first = m_panel.thresholds.first().color;
    first.setAlpha(150);
    gradient.setColorAt(0, first);
    for (qsizetype i = 1; i < m_panel.thresholds.size(); ++i) {
        const double at = (m_panel.thresholds.at(i).value - min) / (max - min);
        if (at > 0 && at < 1)
            gradient.setColorAt(at, m_panel.thresholds.at(i).color);
    }
    gradient.setColorAt(1, thresholdColor(m_panel.thresholds, max, first));
    p.setBrush(gradient);
    p.drawRoundedRect(part(0, b.fill), 2, 2);
}

} // namespace Stackscope
