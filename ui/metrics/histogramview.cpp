// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/histogramview.h"

#include "models/common/format.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

HistogramView::HistogramView(const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    setMinimumSize(160, 90);
    setMouseTracking(true);
}

void HistogramView::setData(const PanelData &data)
{
    m_histogram = Stackscope::histogram(data.series, data.names, m_panel.histogram);
    update();
}

double HistogramView::legendHeight() const
{
    return m_histogram.counts.size() > 1 ? QFontMetricsF(font()).height() + 4 : 0;
}

QRectF HistogramView::plotAt(const QSizeF &size) const
{
    const QFontMetricsF fm(font());
    const double countWidth
        = fm.horizontalAdvance(QString::number(std::max(1, m_histogram.maxCount))) + 8;
    return QRectF(
        countWidth, fm.height() / 2, std::max(1.0, size.width() - countWidth - 4),
        std::max(1.0, size.height() - fm.height() / 2 - fm.height() - 6 - legendHeight()));
}

QList<HistogramView::Bar> HistogramView::bars(const QSizeF &size) const
{
    QList<Bar> out;
    if (m_histogram.isEmpty())
        return out;
    const QRectF plot = plotAt(size);
    const qsizetype buckets = m_histogram.starts.size();
    const qsizetype sets = m_histogram.counts.size();
    const double bucketWidth = plot.width() / double(buckets);
    const double gap = std::min(2.0, bucketWidth / 5);
    const double barWidth = (bucketWidth - gap) / double(sets);
    const double top = std::max(1, m_histogram.maxCount);
    for (qsizetype b = 0; b < buckets; ++b) {
        for (qsizetype s = 0; s < sets; ++s) {
            const int count = m_histogram.counts.at(s).at(b);
            if (count <= 0)
                continue;
            Bar bar;
            bar.set = int(s);
            bar.bucket = int(b);
            bar.count = count;
            bar.color = Palette::series(quint32(s));
            const double h = plot.height() * double(count) / top;
            bar.rect
                = QRectF(plot.left() + double(b) * bucketWidth + gap / 2 + double(s) * barWidth,
                         plot.bottom() - h, std::max(0.5, barWidth), h);
            out << bar;
        }
    }
    return out;
}

QString HistogramView::bucketRange(int bucket) const
{
    if (bucket < 0 || bucket >= m_histogram.starts.size())
        return {};
    const double start = m_histogram.starts.at(bucket);
    return bucketText(start, m_panel.unit, m_panel.decimals) + u" – "_s
           + bucketText(start + m_histogram.size, m_panel.unit, m_panel.decimals);
}

QString HistogramView::toolTipAt(const QPointF &pos) const
{
    if (m_histogram.isEmpty())
        return {};
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    const QRectF plot = plotAt(area.size());
    const QPointF at = pos - area.topLeft();
    if (!plot.contains(at))
        return {};
    const int bucket
        = std::clamp(int((at.x() - plot.left()) / plot.width() * double(m_histogram.starts.size())),
                     0, int(m_histogram.starts.size()) - 1);
    QStringList lines{bucketRange(bucket)};
    for (qsizetype s = 0; s < m_histogram.counts.size(); ++s) {
        const QString name = m_histogram.names.at(s);
        lines << tr("%1: %2")
                     .arg(name.isEmpty() ? tr("Count") : name)
                     .arg(m_histogram.counts.at(s).at(bucket));
    }
    return lines.join(u'\n');
}

bool HistogramView::event(QEvent *event)
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

void HistogramView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_histogram.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(2, 2, -2, -2);
    p.translate(area.topLeft());
    const QRectF plot = plotAt(area.size());
    const QFontMetricsF fm(font());

    // Count grid lines: 0, half and the highest count.
    const QColor grid = palette().color(QPalette::Mid);
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (int top : {0, m_histogram.maxCount / 2, m_histogram.maxCount}) {
        const double y = plot.bottom() - plot.height() * top / std::max(1, m_histogram.maxCount);
        p.setPen(QPen(grid, 0, Qt::DotLine));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 4, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::number(top));
    }

    for (const Bar &bar : bars(area.size())) {
        QColor fill = bar.color;
        fill.setAlphaF(0.8f);
        p.fillRect(bar.rect, fill);
        p.setPen(QPen(bar.color, 1));
        p.drawRect(bar.rect.adjusted(0.5, 0.5, -0.5, -0.5));
    }

    // Bucket bounds under the bars: as many as fit without touching.
    const qsizetype buckets = m_histogram.starts.size();
    const double bucketWidth = plot.width() / double(buckets);
    p.setPen(palette().color(QPalette::WindowText));
    double lastRight = -1e9;
    for (qsizetype b = 0; b <= buckets; ++b) {
        const double value = b < buckets ? m_histogram.starts.at(b)
                                         : m_histogram.starts.constLast() + m_histogram.size;
        const QString label = bucketText(value, m_panel.unit, m_panel.decimals);
        const double w = fm.horizontalAdvance(label);
        const double x
            = std::clamp(plot.left() + double(b) * bucketWidth - w / 2, 0.0, area.width() - w);
        if (x < lastRight + 8)
            continue;
        p.drawText(QPointF(x, plot.bottom() + fm.ascent() + 3), label);
        lastRight = x + w;
    }

    // The series' names, when there are several sets of bars.
    if (m_histogram.counts.size() > 1) {
        double x = plot.left();
        const double y = area.height() - legendHeight() + 2;
        for (qsizetype s = 0; s < m_histogram.counts.size(); ++s) {
            const QString name = m_histogram.names.at(s);
            p.fillRect(QRectF(x, y + fm.height() / 2 - 4, 12, 8), Palette::series(quint32(s)));
            p.drawText(QPointF(x + 16, y + fm.ascent()), name);
            x += 16 + fm.horizontalAdvance(name) + 16;
        }
    }
}

} // namespace Stackscope
