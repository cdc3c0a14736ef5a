// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPolygonF>
#include <QStyledItemDelegate>

namespace Stackscope {

/// Paints a cell's text as usual (the latest value, right-aligned) and, left of it, a sparkline
/// of the SampleHistory the index gives for `historyRole`, over the SampleHistory::Window it
/// gives for `windowRole`, so that every row shares one time axis. The scale starts at 0; its
/// top is the window's maximum, at least minimumTop(). Gap marks break the line. The same width
/// is kept free for the text in every row (reservedText()), so the sparklines line up. Colours:
/// the given series colour, the palette's highlighted text on a selected row. Nothing is
/// allocated per paint once the point buffer has grown to the widest cell.
class SparklineDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    SparklineDelegate(int historyRole, int windowRole, const QColor &color,
                      QObject *parent = nullptr);

    /// The longest text the cell usually shows ("888.8 %"): its width is kept free in every row.
    void setReservedText(const QString &text) { m_reservedText = text; }
    QString reservedText() const { return m_reservedText; }
    /// The least top of the vertical scale, so that a nearly idle series stays near the bottom.
    void setMinimumTop(double top) { m_minimumTop = top; }
    double minimumTop() const { return m_minimumTop; }
    QColor color() const { return m_color; }

    /// A column width that shows the reserved text and a sparkline of a readable length.
    int preferredWidth(const QFontMetrics &metrics) const;
    /// Where the sparkline goes in a cell `cell` that shows `text` (empty when too narrow).
    QRectF sparklineRect(const QRect &cell, const QFontMetrics &metrics, const QString &text) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void drawSegment(QPainter *painter, qreal bottom, const QColor &color) const;

    int m_historyRole;
    int m_windowRole;
    QColor m_color;
    QString m_reservedText;
    double m_minimumTop = 0;
    mutable QPolygonF m_points; ///< reused between paints
};

} // namespace Stackscope
