// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/flamegraphview.h"
#include "models/common/format.h"
#include "models/common/offthread.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * (1 - share) + b.redF() * share),
                            float(a.greenF() * (1 - share) + b.greenF() * share),
                            float(a.blueF() * (1 - share) + b.blueF() * share));
}

} // namespace

FlameGraphView::FlameGraphView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_rowHeight = std::max(18, fontMetrics().height() + 5);
    m_headerHeight = fontMetrics().height() + 10;
    verticalScrollBar()->setSingleStep(m_rowHeight);
    setAccessibleName(tr("Flame graph"));
}

FlameGraphView::~FlameGraphView() = default;

void FlameGraphView::setTraceLayout(TraceLayoutPtr layout)
{
    m_layout = std::move(layout);
    m_flame.reset();
    m_shown.reset();
    m_zoom = -1;
    m_selected = -1;
    m_hovered = -1;
    m_highlights.clear();
    m_finding = false;
    ++m_generation; // a layout of the previous trace still on its way is dropped
    m_building = false;
    if (isVisible())
        startBuild();
    updateScrollBar();
    viewport()->update();
}

void FlameGraphView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    startBuild();
}

void FlameGraphView::startBuild()
{
    if (!m_layout || m_flame || m_building)
        return;
    m_building = true;
    const quint64 generation = m_generation;
    OffThread::run(
        this, [layout = m_layout] { return FlameGraphLayout::build(layout); },
        [this, generation](FlameGraphLayoutPtr flame) {
            if (generation != m_generation)
                return;
            m_building = false;
            m_flame = flame;
            if (m_zoom < 0)
                showLayout(std::move(flame));
            else
                layOutZoom();
        });
}

void FlameGraphView::showLayout(FlameGraphLayoutPtr flame)
{
    m_shown = std::move(flame);
    updateScrollBar();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    Q_EMIT layoutReady();
}

void FlameGraphView::layOutZoom()
{
    if (!m_flame)
        return; // the whole trace's layout comes first, with the self times
    const quint64 generation = ++m_generation; // drops a zoom still on its way
    if (m_zoom < 0) {
        showLayout(m_flame);
        return;
    }
    const qint32 size = m_layout->subtreeEnd[size_t(m_zoom)] - m_zoom;
    if (size <= 20000) {
        showLayout(FlameGraphLayout::build(m_layout, m_zoom, m_flame->selfUs));
        return;
    }
    OffThread::run(
        this,
        [layout = m_layout, zoom = m_zoom, self = m_flame->selfUs] {
            return FlameGraphLayout::build(layout, zoom, self);
        },
        [this, generation](FlameGraphLayoutPtr flame) {
            if (generation == m_generation)
                showLayout(std::move(flame));
        });
}

int FlameGraphView::zoomSpan() const
{
    return m_zoom >= 0 && m_layout ? m_layout->order[size_t(m_zoom)] : -1;
}

void FlameGraphView::zoomTo(int span)
{
    if (!m_layout)
        return;
    const qint32 position
        = span >= 0 && span < m_layout->spanCount() ? m_layout->positionOf[size_t(span)] : -1;
    if (position == m_zoom)
        return;
    m_zoom = position;
    m_hovered = -1;
    layOutZoom();
    viewport()->update();
    Q_EMIT zoomChanged(span >= 0 ? span : -1);
}

void FlameGraphView::zoomOut()
{
    if (m_zoom < 0)
        return;
    zoomTo(m_layout->trace->spans[size_t(zoomSpan())].parent);
}

void FlameGraphView::revealSpan(int span)
{
    if (!isReady() || span < 0 || span >= m_layout->spanCount())
        return;
    const qint32 position = m_layout->positionOf[size_t(span)];
    if (!m_shown->contains(position))
        zoomTo(-1);
    if (!isReady())
        return;
    const int top = m_shown->rowOf(position) * m_rowHeight;
    const int area = viewport()->height() - m_headerHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_rowHeight > bar->value() + area)
        bar->setValue(top + m_rowHeight - area / 2);
}

void FlameGraphView::setSelectedSpan(int span)
{
    if (m_selected == span)
        return;
    m_selected = span;
    viewport()->update();
}

void FlameGraphView::setHighlights(std::vector<quint8> bySpan)
{
    m_highlights = std::move(bySpan);
    m_finding = std::any_of(m_highlights.begin(), m_highlights.end(),
                            [](quint8 flags) { return flags & Match; });
    viewport()->update();
}

FlameGraphView::Window FlameGraphView::window() const
{
    Window w;
    if (m_shown) {
        w.fromUs = m_shown->fromUs;
        w.toUs = std::max(m_shown->toUs, m_shown->fromUs + 1);
    }
    return w;
}

QRect FlameGraphView::canvas() const
{
    return QRect(4, m_headerHeight, std::max(10, viewport()->width() - 8),
                 viewport()->height() - m_headerHeight);
}

double FlameGraphView::xOf(qint64 us, const Window &w) const
{
    const QRect area = canvas();
    return area.left() + double(us - w.fromUs) / double(w.toUs - w.fromUs) * area.width();
}

void FlameGraphView::updateScrollBar()
{
    const int area = viewport()->height() - m_headerHeight;
    const qint64 total = qint64(m_shown ? m_shown->rowCount : 0) * m_rowHeight;
    verticalScrollBar()->setPageStep(std::max(1, area));
    verticalScrollBar()->setRange(0, int(std::clamp<qint64>(total - area, 0, INT_MAX)));
}

void FlameGraphView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void FlameGraphView::scrollContentsBy(int, int)
{
    viewport()->update();
}

void FlameGraphView::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    painter.fillRect(event->rect(), palette().base());
    if (!m_layout) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trace open."));
        return;
    }
    if (!isReady()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("Laying out the flame graph…"));
        return;
    }
    paintHeader(painter);
    const Window w = window();
    const int top = m_headerHeight;
    painter.setClipRect(QRect(0, top, viewport()->width(), viewport()->height() - top));
    const int scroll = verticalScrollBar()->value();
    const int first
        = std::max(0, (std::max(event->rect().top(), top) - top + scroll) / m_rowHeight);
    const int last
        = std::min(m_shown->rowCount - 1, (event->rect().bottom() - top + scroll) / m_rowHeight);
    for (int row = first; row <= last; ++row)
        paintRow(painter, row, top + row * m_rowHeight - scroll, w);
}

void FlameGraphView::paintHeader(QPainter &painter)
{
    const QRect strip(0, 0, viewport()->width(), m_headerHeight);
    painter.fillRect(strip, palette().window());
    m_crumbs.clear();
    const QFontMetrics metrics = painter.fontMetrics();
    // The hint on the right, the breadcrumb (whole trace, then the zoomed span's ancestors) left.
    const QString hint
        = tr("Click: zoom in · Esc: out · double-click: whole trace · lighter: self time");
    const int hintWidth = std::min(metrics.horizontalAdvance(hint) + 8, strip.width() / 2);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRect(strip.right() - hintWidth, 0, hintWidth - 4, strip.height()),
                     Qt::AlignVCenter | Qt::AlignRight,
                     metrics.elidedText(hint, Qt::ElideLeft, hintWidth - 4));
    std::vector<qint32> chain; // positions, from the zoomed span up
    for (int span = zoomSpan(); span >= 0; span = m_layout->trace->spans[size_t(span)].parent)
        chain.push_back(m_layout->positionOf[size_t(span)]);
    chain.push_back(-1);
    std::reverse(chain.begin(), chain.end());
    const Trace &trace = *m_layout->trace;
    int x = 6;
    const int right = strip.right() - hintWidth - 8;
    // Keep the last ones when they do not all fit: the whole trace, "…", then the deepest.
    const size_t keep = 5;
    for (size_t i = 0; i < chain.size(); ++i) {
        if (chain.size() > keep + 1 && i > 0 && i < chain.size() - keep) {
            if (i == 1) {
                painter.setPen(palette().color(QPalette::WindowText));
                painter.drawText(QRect(x, 0, 30, strip.height()), Qt::AlignVCenter, u"› …"_s);
                x += metrics.horizontalAdvance(u"› … "_s);
            }
            continue;
        }
        const qint32 position = chain[i];
        QString text = position < 0 ? tr("Whole trace")
                                    : trace.service(m_layout->order[size_t(position)]) + u": "_s
                                          + trace.operation(m_layout->order[size_t(position)]);
        if (i > 0) {
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QRect(x, 0, 16, strip.height()), Qt::AlignVCenter, u"›"_s);
            x += metrics.horizontalAdvance(u"› "_s);
        }
        const int available = right - x;
        if (available < 20)
            break;
        text = metrics.elidedText(text, Qt::ElideMiddle, std::min(available, 260));
        const QRect box(x, 0, metrics.horizontalAdvance(text), strip.height());
        const bool current = i + 1 == chain.size();
        painter.setPen(current ? palette().color(QPalette::WindowText) : Palette::link());
        QFont font = painter.font();
        font.setUnderline(!current);
        painter.setFont(font);
        painter.drawText(box, Qt::AlignVCenter, text);
        font.setUnderline(false);
        painter.setFont(font);
        if (!current)
            m_crumbs.emplace_back(box, position);
        x = box.right() + 6;
    }
}

void FlameGraphView::paintRow(QPainter &painter, int row, int y, const Window &w)
{
    const Trace &trace = *m_layout->trace;
    const FlameGraphLayout &flame = *m_shown;
    const auto begin = flame.rowSpans.begin() + flame.rowFirst[size_t(row)];
    const auto end = flame.rowSpans.begin() + flame.rowFirst[size_t(row) + 1];
    auto spanOf = [&](qint32 position) -> const Span & {
        return trace.spans[size_t(m_layout->order[size_t(position)])];
    };
    // Spans of a row do not overlap: by start is by end too.
    auto it = std::partition_point(
        begin, end, [&](qint32 position) { return spanOf(position).endUs() < w.fromUs; });
    const QRect area = canvas();
    const double pixelUs = double(w.toUs - w.fromUs) / area.width();
    // Spans narrower than a pixel that lie within a pixel of each other become one rectangle.
    double runFrom = 0;
    double runTo = -1;
    QColor runColor;
    bool runMatch = false;
    bool runLit = false;
    auto flush = [&] {
        if (runTo < runFrom)
            return;
        QColor color = runColor;
        if (!runLit)
            color = mix(color, palette().color(QPalette::Base), 0.7);
        painter.fillRect(QRectF(runFrom, y, std::max(1.0, runTo - runFrom), m_rowHeight - 1),
                         runMatch ? Palette::highlight().darker(130) : color);
        runTo = -1;
    };
    for (; it != end; ++it) {
        const qint32 position = *it;
        const Span &span = spanOf(position);
        if (span.startUs > w.toUs)
            break;
        const double x0 = xOf(span.startUs, w);
        const double x1 = xOf(span.endUs(), w);
        const int index = m_layout->order[size_t(position)];
        if (double(span.durationUs) < pixelUs) {
            const quint8 flags
                = size_t(index) < m_highlights.size() ? m_highlights[size_t(index)] : 0;
            const bool match = flags & (Match | Marked);
            const bool lit = !dimmed(position, flags);
            if (runTo >= runFrom && x0 <= runTo + 1.0) {
                runTo = std::max(runTo, x1);
                runMatch = runMatch || match;
                runLit = runLit || lit;
                continue;
            }
            flush();
            runFrom = x0;
            runTo = x1;
            runColor = m_layout->serviceColor(span.service);
            runMatch = match;
            runLit = lit;
            continue;
        }
        flush();
        paintSpan(painter, position, QRectF(x0, y, x1 - x0, m_rowHeight - 1), w);
    }
    flush();
}

void FlameGraphView::paintSpan(QPainter &painter, qint32 position, const QRectF &rect,
                               const Window &w)
{
    const Trace &trace = *m_layout->trace;
    const int index = m_layout->order[size_t(position)];
    const Span &span = trace.spans[size_t(index)];
    const quint8 flags = size_t(index) < m_highlights.size() ? m_highlights[size_t(index)] : 0;
    const QColor base = palette().color(QPalette::Base);
    QColor color = m_layout->serviceColor(span.service);
    const bool dim = dimmed(position, flags);
    if (dim)
        color = mix(color, base, 0.7);
    const QColor light = mix(color, base, 0.55);
    // Clip to the canvas (a zoomed span may be far wider than the screen) before drawing.
    const QRect area = canvas();
    const double left = std::max(rect.left(), double(area.left() - 2));
    const double right = std::min(rect.right(), double(area.right() + 2));
    QRectF box(left, rect.top(), std::max(1.0, right - left), rect.height());
    if (box.width() > 3)
        box.setWidth(box.width() - 1); // a gap between neighbours
    if (box.width() >= 4) {
        // Self time lighter: the whole span light, then what its children cover in full colour.
        painter.fillRect(box, light);
        const qint64 from = span.startUs;
        const qint64 to = span.endUs();
        qint64 runA = 0;
        qint64 runB = -1;
        auto fillRun = [&] {
            if (runB <= runA)
                return;
            const double a = std::max(box.left(), xOf(runA, w));
            const double b = std::min(box.right(), xOf(runB, w));
            if (b > a)
                painter.fillRect(QRectF(a, box.top(), b - a, box.height()), color);
        };
        for (qint32 c = position + 1; c < m_layout->subtreeEnd[size_t(position)];
             c = m_layout->subtreeEnd[size_t(c)]) {
            const Span &child = trace.spans[size_t(m_layout->order[size_t(c)])];
            const qint64 a = std::max(child.startUs, from);
            const qint64 b = std::min(child.endUs(), to);
            if (b <= a)
                continue;
            if (runB >= runA && a <= runB) {
                runB = std::max(runB, b);
                continue;
            }
            fillRun();
            runA = a;
            runB = b;
        }
        fillRun();
    } else {
        painter.fillRect(box, color);
    }
    if (span.has(Span::Error))
        painter.fillRect(QRectF(box.left(), box.bottom() - 2, box.width(), 3),
                         Palette::color(Palette::Tone::Bad));
    if (box.width() > 28) {
        // On the colour that takes most of the span: light where it is mostly self time.
        const bool mostlySelf
            = box.width() >= 4 && 2 * (*m_shown->selfUs)[size_t(index)] > span.durationUs;
        painter.setPen(dim ? palette().color(QPalette::PlaceholderText)
                           : Palette::textOn(mostlySelf ? light : color));
        const QRectF textBox = box.adjusted(4, 0, -3, 0);
        painter.drawText(textBox, Qt::AlignVCenter | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(trace.operation(index), Qt::ElideRight,
                                                          int(textBox.width())));
    }
    auto outline = [&](const QColor &pen, int width) {
        painter.setPen(QPen(pen, width));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box.adjusted(width / 2.0, width / 2.0, -width / 2.0, -width / 2.0));
    };
    if (flags & (Match | Marked))
        outline(Palette::highlight().darker(flags & CurrentMatch ? 160 : 125),
                flags & CurrentMatch ? 3 : 2);
    if (index == m_selected)
        outline(palette().color(QPalette::Highlight), 2);
    else if (index == m_hovered)
        outline(palette().color(QPalette::WindowText), 1);
}

bool FlameGraphView::dimmed(qint32 position, quint8 flags) const
{
    if (m_finding && !(flags & Match))
        return true;
    if (m_hovered < 0)
        return false;
    // Hovering lights the span's ancestors and subtree: on rows further down, a child need not
    // be right below its parent.
    const qint32 hovered = m_layout->positionOf[size_t(m_hovered)];
    const bool inSubtree = position >= hovered && position < m_layout->subtreeEnd[size_t(hovered)];
    const bool ancestor = position < hovered && hovered < m_layout->subtreeEnd[size_t(position)];
    return !inSubtree && !ancestor;
}

int FlameGraphView::spanAt(const QPoint &pos) const
{
    if (!isReady() || pos.y() < m_headerHeight)
        return -1;
    const Window w = window();
    const int row = (pos.y() - m_headerHeight + verticalScrollBar()->value()) / m_rowHeight;
    if (row < 0 || row >= m_shown->rowCount)
        return -1;
    const Trace &trace = *m_layout->trace;
    const QRect area = canvas();
    const double at = double(w.fromUs)
                      + double(pos.x() - area.left()) / area.width() * double(w.toUs - w.fromUs);
    const double pixelUs = double(w.toUs - w.fromUs) / area.width();
    const auto begin = m_shown->rowSpans.begin() + m_shown->rowFirst[size_t(row)];
    const auto end = m_shown->rowSpans.begin() + m_shown->rowFirst[size_t(row) + 1];
    auto it = std::partition_point(begin, end, [&](qint32 position) {
        return double(trace.spans[size_t(m_layout->order[size_t(position)])].endUs())
               < at - pixelUs;
    });
    // The span under the point, or a sub-pixel one within a pixel of it.
    int best = -1;
    for (; it != end; ++it) {
        const qint32 position = *it;
        const Span &span = trace.spans[size_t(m_layout->order[size_t(position)])];
        if (double(span.startUs) > at + pixelUs)
            break;
        if (double(span.startUs) <= at && at <= double(span.endUs()))
            return m_layout->order[size_t(position)];
        if (best < 0)
            best = m_layout->order[size_t(position)];
    }
    return best;
}

QRectF FlameGraphView::spanRect(int span) const
{
    if (!isReady() || span < 0 || span >= m_layout->spanCount())
        return {};
    const qint32 position = m_layout->positionOf[size_t(span)];
    if (!m_shown->contains(position))
        return {};
    const Window w = window();
    const Span &s = m_layout->trace->spans[size_t(span)];
    const int y
        = m_headerHeight + m_shown->rowOf(position) * m_rowHeight - verticalScrollBar()->value();
    const double x0 = xOf(s.startUs, w);
    return QRectF(x0, y, xOf(s.endUs(), w) - x0, m_rowHeight - 1);
}

void FlameGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_layout)
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < m_headerHeight) {
        for (const auto &[rect, position] : m_crumbs) {
            if (rect.contains(pos)) {
                zoomTo(position < 0 ? -1 : m_layout->order[size_t(position)]);
                return;
            }
        }
        return;
    }
    const int span = spanAt(pos);
    if (span < 0)
        return;
    m_selected = span;
    Q_EMIT spanClicked(span);
    // A click on the span that fills the view goes one level up, as in d3-flame-graph.
    if (span == zoomSpan())
        zoomOut();
    else
        zoomTo(span);
    viewport()->update();
}

void FlameGraphView::mouseMoveEvent(QMouseEvent *event)
{
    const int span = spanAt(event->position().toPoint());
    if (span == m_hovered)
        return;
    m_hovered = span;
    viewport()->update();
}

void FlameGraphView::mouseDoubleClickEvent(QMouseEvent *)
{
    zoomTo(-1);
}

void FlameGraphView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_Backspace:
        zoomOut();
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        zoomTo(-1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            zoomTo(m_selected);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool FlameGraphView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave && m_hovered >= 0) {
        m_hovered = -1;
        viewport()->update();
    }
    if (event->type() == QEvent::ToolTip && isReady()) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int span = spanAt(help->pos());
        if (span >= 0) {
            const Trace &trace = *m_layout->trace;
            const Span &s = trace.spans[size_t(span)];
            const qint64 self = (*m_shown->selfUs)[size_t(span)];
            const qint32 position = m_layout->positionOf[size_t(span)];
            const int descendants = m_layout->subtreeEnd[size_t(position)] - position - 1;
            QString text
                = tr("%1: %2\n%3 · self time %4 (%5%) · at +%6")
                      .arg(trace.service(span), trace.operation(span),
                           Format::durationUs(s.durationUs), Format::durationUs(self))
                      .arg(s.durationUs > 0 ? double(self) * 100.0 / double(s.durationUs) : 100.0,
                           0, 'f', 1)
                      .arg(Format::durationUs(s.startUs - trace.startUs));
            if (descendants > 0)
                text += u'\n' + tr("%n span(s) below", nullptr, descendants);
            if (s.has(Span::Error))
                text += u'\n' + tr("Error");
            viewport()->setToolTip(plainToolTip(text));
        } else {
            viewport()->setToolTip({});
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace Stackscope
