// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/heatmapview.h"

#include "models/common/format.h"
#include "ui/plaintooltips.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr double CellGap = 1; // px between cells (Grafana's cellGap)

} // namespace

HeatmapView::HeatmapView(const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    setMinimumSize(160, 90);
    setMouseTracking(true);
}

void HeatmapView::setData(const PanelData &data)
{
    m_data = data;
    const HeatmapOptions &o = m_panel.heatmap;
    m_map = o.calculate
                ? calculateHeatmap(data.series, data.stepSeconds, o.yUnit, o.yDecimals)
                : heatmapFromRows(data.series, data.names, data.stepSeconds, o.yUnit, o.yDecimals);
    update();
}

bool HeatmapView::darkBackground() const
{
    return palette().color(QPalette::Base).lightnessF() < 0.5;
}

QColor HeatmapView::colorOf(double count) const
{
    return heatmapColor(m_panel.heatmap, count, m_map.min, m_map.max, darkBackground());
}

HeatmapView::Layout HeatmapView::layoutAt(const QSizeF &size) const
{
    Layout l;
    const QFontMetricsF fm(font());
    double labelWidth = 0;
    for (const HeatmapRow &row : m_map.rows)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(row.label));
    labelWidth = std::min(labelWidth + 6, size.width() * 0.3);
    const double line = fm.height();
    l.legend = QRectF(labelWidth, size.height() - line - 2, size.width() - labelWidth, line);
    l.axis = QRectF(labelWidth, l.legend.top() - line - 4, size.width() - labelWidth, line);
    l.plot = QRectF(labelWidth, 0, size.width() - labelWidth, std::max(1.0, l.axis.top() - 2));
    l.labels = QRectF(0, 0, labelWidth - 6, l.plot.height());
    if (!m_map.isEmpty()) {
        l.rowHeight = l.plot.height() / double(m_map.rows.size());
        l.columnWidth = l.plot.width() / double(m_map.times.size());
    }
    return l;
}

QList<HeatmapView::Cell> HeatmapView::cells(const QSizeF &size) const
{
    QList<Cell> out;
    if (m_map.isEmpty())
        return out;
    const Layout l = layoutAt(size);
    const std::optional<double> hide = m_panel.heatmap.hideAtOrBelow;
    const qsizetype columns = m_map.times.size();
    for (qsizetype r = 0; r < m_map.rows.size(); ++r) {
        // The first row at the bottom.
        const double top = l.plot.bottom() - double(r + 1) * l.rowHeight;
        for (qsizetype c = 0; c < columns; ++c) {
            const double count = m_map.count(r, c);
            if (!std::isfinite(count) || (hide && count <= *hide))
                continue;
            Cell cell;
            cell.row = int(r);
            cell.column = int(c);
            cell.count = count;
            cell.color = colorOf(count);
            const double gap = std::min(CellGap, std::min(l.columnWidth, l.rowHeight) / 4);
            cell.rect
                = QRectF(l.plot.left() + double(c) * l.columnWidth, top,
                         std::max(0.5, l.columnWidth - gap), std::max(0.5, l.rowHeight - gap));
            out << cell;
        }
    }
    return out;
}

QString HeatmapView::rowRange(int row) const
{
    if (row < 0 || row >= m_map.rows.size())
        return {};
    const HeatmapRow &r = m_map.rows.at(row);
    if (!r.isBucket())
        return r.label;
    const HeatmapOptions &o = m_panel.heatmap;
    const QString lower = bucketText(r.lower, o.yUnit, o.yDecimals);
    const QString upper = bucketText(r.upper, o.yUnit, o.yDecimals);
    if (std::isinf(r.lower))
        return u"≤ "_s + upper;
    if (std::isinf(r.upper))
        return u"> "_s + lower;
    return lower + u" – "_s + upper;
}

QString HeatmapView::toolTipAt(const QPointF &pos) const
{
    if (m_map.isEmpty())
        return {};
    // As paintEvent lays it out: inside a 2 px margin.
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    const Layout l = layoutAt(area.size());
    const QPointF at = pos - area.topLeft();
    if (!l.plot.contains(at))
        return {};
    const int column
        = std::clamp(int((at.x() - l.plot.left()) / l.columnWidth), 0, int(m_map.times.size()) - 1);
    const int row
        = std::clamp(int((l.plot.bottom() - at.y()) / l.rowHeight), 0, int(m_map.rows.size()) - 1);
    const double count = m_map.count(row, column);
    const QString time
        = QDateTime::fromMSecsSinceEpoch(m_map.times.at(column)).toString(u"yyyy-MM-dd HH:mm:ss"_s);
    return tr("%1\nBucket: %2\nCount: %3")
        .arg(time, rowRange(row), std::isfinite(count) ? Format::number(count, 4) : tr("none"));
}

bool HeatmapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), plainToolTip(text), this);
        return true;
    }
    return QWidget::event(event);
}

void HeatmapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_map.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    p.translate(area.topLeft());
    const Layout l = layoutAt(area.size());
    for (const Cell &cell : cells(area.size()))
        p.fillRect(cell.rect, cell.color);

    // Row labels: as many as fit, evenly spread, each at its row's middle.
    const QFontMetricsF fm(font());
    p.setPen(palette().color(QPalette::WindowText));
    const int rows = int(m_map.rows.size());
    const int every = std::max(1, int(std::ceil(fm.height() / std::max(1.0, l.rowHeight))));
    for (int r = 0; r < rows; r += every) {
        const double middle = l.plot.bottom() - (r + 0.5) * l.rowHeight;
        const QRectF box(l.labels.left(), middle - fm.height() / 2, l.labels.width(), fm.height());
        p.drawText(box, Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(m_map.rows.at(r).label, Qt::ElideRight, box.width()));
    }

    // Times under the cells.
    p.setPen(palette().color(QPalette::PlaceholderText));
    const qint64 t0 = m_map.times.constFirst();
    const qint64 t1 = m_map.times.constLast() + m_map.stepMs;
    const int ticks = std::max(1, int(l.axis.width() / 120));
    for (int i = 0; i <= ticks; ++i) {
        const qint64 t = t0 + (t1 - t0) * i / ticks;
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(u"HH:mm:ss"_s);
        const double w = fm.horizontalAdvance(label);
        const double x = l.axis.left() + l.axis.width() * i / ticks;
        p.drawText(QPointF(std::clamp(x - w / 2, l.axis.left(), l.axis.right() - w),
                           l.axis.bottom() - fm.descent()),
                   label);
    }

    // The colour strip: lowest count, the scale, highest count.
    const QString low = Format::number(m_map.min, 4);
    const QString high = Format::number(m_map.max, 4);
    const double lowWidth = fm.horizontalAdvance(low) + 6;
    const double highWidth = fm.horizontalAdvance(high) + 6;
    const QRectF strip(l.legend.left() + lowWidth, l.legend.top() + 2,
                       std::max(10.0, std::min(240.0, l.legend.width() - lowWidth - highWidth)),
                       l.legend.height() - 4);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(l.legend.left(), l.legend.top(), lowWidth - 6, l.legend.height()),
               Qt::AlignRight | Qt::AlignVCenter, low);
    const int steps = std::max(2, int(strip.width()));
    for (int i = 0; i < steps; ++i) {
        const double count = m_map.min + (m_map.max - m_map.min) * i / (steps - 1);
        p.fillRect(QRectF(strip.left() + strip.width() * i / steps, strip.top(),
                          strip.width() / steps + 0.5, strip.height()),
                   colorOf(count));
    }
    p.drawText(QRectF(strip.right() + 6, l.legend.top(), highWidth, l.legend.height()),
               Qt::AlignLeft | Qt::AlignVCenter, high);
}

} // namespace Stackscope
