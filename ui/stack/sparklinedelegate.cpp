// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stack/sparklinedelegate.h"
#include "models/stack/samplehistory.h"

#include <QPainter>
#include <QPen>

#include <algorithm>
#include <climits>

namespace Stackscope {

namespace {

/// Space between the cell's edge and the sparkline, as a style leaves around the text.
constexpr int Margin = 4;
/// A sparkline narrower than this says nothing: the cell shows its text alone.
constexpr int MinimumWidth = 16;
constexpr qreal LineWidth = 1.5;

QPalette::ColorGroup colorGroup(const QStyleOptionViewItem &option)
{
    if (!(option.state & QStyle::State_Enabled))
        return QPalette::Disabled;
    return (option.state & QStyle::State_Active) ? QPalette::Normal : QPalette::Inactive;
}

QColor withAlpha(QColor color, qreal alpha)
{
    color.setAlphaF(float(alpha));
    return color;
}

} // namespace

SparklineDelegate::SparklineDelegate(int historyRole, int windowRole, const QColor &color,
                                     QObject *parent)
    : QStyledItemDelegate(parent)
    , m_historyRole(historyRole)
    , m_windowRole(windowRole)
    , m_color(color)
{}

int SparklineDelegate::preferredWidth(const QFontMetrics &metrics) const
{
    return 3 * Margin + metrics.horizontalAdvance(m_reservedText) + 12 * metrics.averageCharWidth();
}

QRectF SparklineDelegate::sparklineRect(const QRect &cell, const QFontMetrics &metrics,
                                        const QString &text) const
{
    const int textWidth
        = std::max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(m_reservedText));
    const int left = cell.left() + Margin;
    const int right = cell.left() + cell.width() - Margin - textWidth - metrics.averageCharWidth();
    if (right - left < MinimumWidth)
        return {};
    // The height of the text's line, centred as the text is.
    const int height = std::min(metrics.height(), cell.height() - 4);
    return QRectF(left, cell.top() + (cell.height() - height + 1) / 2, right - left, height);
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), preferredWidth(option.fontMetrics)));
    return size;
}

void SparklineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index); // background, selection, text
    const SampleHistory history = index.data(m_historyRole).value<SampleHistory>();
    const auto window = index.data(m_windowRole).value<SampleHistory::Window>();
    if (history.isEmpty() || !window.isValid())
        return;
    const QRectF area
        = sparklineRect(option.rect, option.fontMetrics, index.data(Qt::DisplayRole).toString());
    if (area.isEmpty())
        return;
    const SampleHistory::Summary summary = history.summary(window.fromMsecs);
    if (summary.count == 0)
        return;

    const bool selected = option.state & QStyle::State_Selected;
    const QColor line
        = selected ? option.palette.color(colorGroup(option), QPalette::HighlightedText) : m_color;
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const qreal bottom = area.bottom() - 0.5; // on a pixel's centre: a crisp 1-pixel baseline
    const qreal top = area.top() + LineWidth / 2;
    const double scaleTop = std::max({summary.max, m_minimumTop, 1e-9});
    const double span = double(window.toMsecs - window.fromMsecs);
    const int lastColumn = std::max(0, int(area.width() * dpr) - 1);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(withAlpha(line, 0.35), 1.0));
    painter->drawLine(QPointF(area.left(), bottom), QPointF(area.right(), bottom));

    // One point per device pixel column (its first, lowest, highest and last value), so that a
    // long history costs no more than the pixels it covers and its peaks stay visible.
    struct Column
    {
        int column = INT_MIN;
        qreal x = 0;
        qreal first = 0, low = 0, high = 0, last = 0;
    } c;
    auto flushColumn = [this, &c] {
        if (c.column == INT_MIN)
            return;
        m_points << QPointF(c.x, c.first);
        if (c.low != c.first && c.low != c.last)
            m_points << QPointF(c.x, c.low);
        if (c.high != c.first && c.high != c.last)
            m_points << QPointF(c.x, c.high);
        if (c.last != c.first)
            m_points << QPointF(c.x, c.last);
        c.column = INT_MIN;
    };
    m_points.clear(); // keeps its capacity
    bool endsWithGap = false;
    for (int i = history.lowerBound(window.fromMsecs); i < history.size(); ++i) {
        const SampleHistory::Sample s = history.at(i);
        if (s.msecs > window.toMsecs)
            break;
        endsWithGap = s.isGap();
        if (s.isGap()) {
            flushColumn();
            drawSegment(painter, bottom, line);
            continue;
        }
        const double fraction = double(s.msecs - window.fromMsecs) / span;
        const int column = std::clamp(int(fraction * area.width() * dpr), 0, lastColumn);
        const qreal y = bottom - std::clamp(s.value / scaleTop, 0.0, 1.0) * (bottom - top);
        if (column != c.column) {
            flushColumn();
            c = {column, area.left() + (column + 0.5) / dpr, y, y, y, y};
        } else {
            c.low = std::max(c.low, y); // y grows downwards: "low" is the smaller value
            c.high = std::min(c.high, y);
            c.last = y;
        }
    }
    flushColumn();
    const bool hasEnd = !m_points.isEmpty() && !endsWithGap;
    const QPointF end = hasEnd ? m_points.last() : QPointF();
    drawSegment(painter, bottom, line);
    if (hasEnd) { // the latest value, as the text says it
        painter->setPen(Qt::NoPen);
        painter->setBrush(line);
        painter->drawEllipse(end, LineWidth * 1.2, LineWidth * 1.2);
    }
    painter->restore();
}

void SparklineDelegate::drawSegment(QPainter *painter, qreal bottom, const QColor &color) const
{
    if (m_points.isEmpty())
        return;
    if (m_points.size() == 1) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(m_points.first(), LineWidth, LineWidth);
        m_points.clear();
        return;
    }
    const qsizetype n = m_points.size();
    m_points << QPointF(m_points.last().x(), bottom) << QPointF(m_points.first().x(), bottom);
    painter->setPen(Qt::NoPen);
    painter->setBrush(withAlpha(color, 0.18));
    painter->drawPolygon(m_points);
    m_points.resize(n);
    painter->setPen(QPen(color, LineWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(m_points);
    m_points.clear();
}

} // namespace Stackscope
