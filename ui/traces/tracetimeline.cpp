// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/tracetimeline.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
const QColor errorColor(0xd62728);
const QColor criticalColor(0x202020);
} // namespace

TraceTimeline::TraceTimeline(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_rowHeight = std::max(18, fontMetrics().height() + 6);
    m_rulerHeight = fontMetrics().height() + 6;
    verticalScrollBar()->setSingleStep(m_rowHeight);
    setAccessibleName(tr("Trace timeline"));
}

TraceTimeline::~TraceTimeline() = default;

void TraceTimeline::setTraceLayout(TraceLayoutPtr layout)
{
    m_layout = std::move(layout);
    m_rows.setLayout(m_layout);
    m_selected = -1;
    m_hovered = -1;
    m_criticalSegment = -1;
    m_view.reset();
    setMarkedSpans({});
    updateScrollBar();
    verticalScrollBar()->setValue(0);
    viewport()->update();
    Q_EMIT viewRangeChanged(m_view.from(), m_view.to());
    Q_EMIT selectedSpanChanged(-1);
    Q_EMIT filterChanged();
}

void TraceTimeline::updateScrollBar()
{
    const int area = viewport()->height() - rowsTop();
    const qint64 total = qint64(m_rows.rowCount()) * m_rowHeight;
    verticalScrollBar()->setPageStep(std::max(1, area));
    verticalScrollBar()->setRange(0, int(std::clamp<qint64>(total - area, 0, INT_MAX)));
}

bool TraceTimeline::isCollapsed(int span) const
{
    return m_rows.isCollapsed(span);
}

void TraceTimeline::setCollapsed(int span, bool collapsed)
{
    if (!m_rows.setCollapsed(span, collapsed))
        return;
    updateScrollBar();
    viewport()->update();
}

void TraceTimeline::toggle(int span)
{
    setCollapsed(span, !isCollapsed(span));
}

void TraceTimeline::collapseAll()
{
    if (!m_layout)
        return;
    m_rows.collapseAll();
    updateScrollBar();
    if (m_selected >= 0 && rowOfSpan(m_selected) < 0)
        selectSpan(m_rows.rootOf(m_selected)); // roots stay visible
    viewport()->update();
}

void TraceTimeline::expandAll()
{
    m_rows.expandAll();
    updateScrollBar();
    if (m_selected >= 0)
        ensureVisible(rowOfSpan(m_selected));
    viewport()->update();
}

void TraceTimeline::collapseOneLevel()
{
    if (!m_rows.collapseOneLevel())
        return;
    updateScrollBar();
    viewport()->update();
}

void TraceTimeline::expandOneLevel()
{
    if (!m_rows.expandOneLevel())
        return;
    updateScrollBar();
    viewport()->update();
}

int TraceTimeline::rowOfSpan(int span) const
{
    return m_rows.rowOfSpan(span);
}

int TraceTimeline::spanAtRow(int row) const
{
    return m_rows.spanAtRow(row);
}

void TraceTimeline::selectSpan(int span)
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return;
    if (m_rows.reveal(span))
        updateScrollBar();
    if (const int focus = focusedSpan(); focus >= 0 && rowOfSpan(span) < 0) {
        const qint32 from = m_layout->positionOf[size_t(focus)];
        const qint32 at = m_layout->positionOf[size_t(span)];
        if (at < from || at >= m_layout->subtreeEnd[size_t(from)])
            leaveFocus(); // a span outside the focused subtree: show everything again
    }
    const bool differs = m_selected != span;
    m_selected = span;
    ensureVisible(rowOfSpan(span));
    viewport()->update();
    if (differs)
        Q_EMIT selectedSpanChanged(span);
}

void TraceTimeline::selectRow(int row)
{
    row = std::clamp(row, 0, m_rows.rowCount() - 1);
    if (row >= 0)
        selectSpan(spanAtRow(row));
}

void TraceTimeline::ensureVisible(int row)
{
    if (row < 0)
        return;
    const int area = viewport()->height() - rowsTop();
    const int top = row * m_rowHeight;
    QScrollBar *bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_rowHeight > bar->value() + area)
        bar->setValue(top + m_rowHeight - area);
}

void TraceTimeline::applyView(TimelineViewport view)
{
    if (view == m_view)
        return;
    m_view = view;
    viewport()->update();
    Q_EMIT viewRangeChanged(m_view.from(), m_view.to());
}

void TraceTimeline::setViewRange(double from, double to)
{
    TimelineViewport view = m_view;
    if (view.setRange(from, to))
        applyView(view);
}

void TraceTimeline::zoomBy(double factor, double anchor)
{
    TimelineViewport view = m_view;
    if (view.zoomBy(factor, anchor))
        applyView(view);
}

void TraceTimeline::panBy(double fraction)
{
    TimelineViewport view = m_view;
    if (view.panBy(fraction))
        applyView(view);
}

bool TraceTimeline::isMatch(int span) const
{
    return m_rows.isMatch(span);
}

int TraceTimeline::find(const QString &text)
{
    const int count = m_rows.find(text);
    if (m_rows.filter().onlyMatches) {
        updateScrollBar();
        Q_EMIT filterChanged();
    }
    if (count > 0)
        goToMatch(0);
    else
        Q_EMIT findChanged(-1, 0);
    viewport()->update();
    return count;
}

void TraceTimeline::goToMatch(int index)
{
    const int span = m_rows.goToMatch(index);
    if (span < 0)
        return;
    selectSpan(span);
    Q_EMIT findChanged(m_rows.currentMatch(), m_rows.matchCount());
}

void TraceTimeline::findNext()
{
    goToMatch(m_rows.currentMatch() + 1);
}

void TraceTimeline::findPrevious()
{
    goToMatch(m_rows.currentMatch() - 1);
}

void TraceTimeline::setMarkedSpans(std::vector<qint32> spans)
{
    if (spans.empty() && m_marked.empty())
        return;
    m_markFlags.assign(m_layout ? size_t(m_layout->spanCount()) : 0, 0);
    std::erase_if(spans,
                  [this](qint32 span) { return span < 0 || size_t(span) >= m_markFlags.size(); });
    for (qint32 span : spans)
        m_markFlags[size_t(span)] = 1;
    std::sort(spans.begin(), spans.end(), [this](qint32 a, qint32 b) {
        return m_layout->positionOf[size_t(a)] < m_layout->positionOf[size_t(b)];
    });
    m_marked = std::move(spans);
    m_currentMark = -1;
    viewport()->update();
    Q_EMIT markedChanged(-1, markedCount());
}

bool TraceTimeline::isMarked(int span) const
{
    return span >= 0 && size_t(span) < m_markFlags.size() && m_markFlags[size_t(span)];
}

void TraceTimeline::goToMarked(int index)
{
    if (m_marked.empty())
        return;
    const int count = markedCount();
    m_currentMark = ((index % count) + count) % count;
    selectSpan(m_marked[size_t(m_currentMark)]);
    Q_EMIT markedChanged(m_currentMark, count);
}

void TraceTimeline::nextMarked()
{
    goToMarked(m_currentMark + 1);
}

void TraceTimeline::previousMarked()
{
    goToMarked(m_currentMark < 0 ? -1 : m_currentMark - 1);
}

void TraceTimeline::setShowCriticalPath(bool show)
{
    if (m_showCritical == show)
        return;
    m_showCritical = show;
    viewport()->update();
}

int TraceTimeline::nextCriticalSegment()
{
    if (!m_layout || m_layout->criticalPath.isEmpty())
        return -1;
    const CriticalPath &path = m_layout->criticalPath;
    int index = 0;
    if (m_criticalSegment >= 0 && path.segments()[size_t(m_criticalSegment)].span == m_selected)
        index = m_criticalSegment + 1;
    else if (m_selected >= 0)
        index = path.nextSegment(m_layout->trace->spans[size_t(m_selected)].startUs - 1);
    // Segments of spans that the filters hide are passed over.
    while (index >= 0 && index < path.segmentCount()
           && !m_rows.passesFilter(path.segments()[size_t(index)].span))
        ++index;
    if (index < 0 || index >= path.segmentCount())
        return -1; // at the end of the path
    goToCriticalSegment(index);
    return index;
}

int TraceTimeline::previousCriticalSegment()
{
    if (!m_layout || m_layout->criticalPath.isEmpty())
        return -1;
    const CriticalPath &path = m_layout->criticalPath;
    int index = path.segmentCount() - 1;
    if (m_criticalSegment >= 0 && path.segments()[size_t(m_criticalSegment)].span == m_selected)
        index = m_criticalSegment - 1;
    else if (m_selected >= 0)
        index = path.previousSegment(m_layout->trace->spans[size_t(m_selected)].startUs);
    while (index >= 0 && !m_rows.passesFilter(path.segments()[size_t(index)].span))
        --index;
    if (index < 0)
        return -1; // at the start of the path
    goToCriticalSegment(index);
    return index;
}

void TraceTimeline::goToCriticalSegment(int index)
{
    const CriticalPath::Segment segment = m_layout->criticalPath.segments()[size_t(index)];
    m_criticalSegment = index;
    selectSpan(segment.span);
    // Bring the segment into the time window when it lies outside (keeping the zoom).
    const Trace &trace = *m_layout->trace;
    const double total = double(std::max<qint64>(1, trace.durationUs()));
    const double from = double(segment.startUs - trace.startUs) / total;
    const double to = double(segment.endUs - trace.startUs) / total;
    if (to < m_view.from() || from > m_view.to()) {
        TimelineViewport view = m_view;
        view.centreOn((from + to) / 2);
        applyView(view);
    }
    viewport()->update();
    Q_EMIT criticalSegmentChanged(index, m_layout->criticalPath.segmentCount());
}

void TraceTimeline::applyFilter(const TraceFilter &filter)
{
    if (filter == m_rows.filter())
        return;
    m_rows.setFilter(filter);
    updateScrollBar();
    if (m_selected >= 0)
        ensureVisible(rowOfSpan(m_selected));
    viewport()->update();
    Q_EMIT filterChanged();
}

void TraceTimeline::setOnlyMatches(bool only)
{
    TraceFilter filter = m_rows.filter();
    filter.onlyMatches = only;
    applyFilter(filter);
}

void TraceTimeline::setMinDurationShare(double share)
{
    TraceFilter filter = m_rows.filter();
    filter.minDurationShare = std::max(0.0, share);
    applyFilter(filter);
}

void TraceTimeline::focusSubtree(int span)
{
    TraceFilter filter = m_rows.filter();
    const int before = filter.focusSpan;
    filter.focusSpan = m_layout && span >= 0 && span < m_layout->spanCount() ? span : -1;
    applyFilter(filter);
    if (filter.focusSpan >= 0) {
        if (rowOfSpan(m_selected) < 0)
            selectSpan(filter.focusSpan);
        // The time window follows: the focused span fills it (a subtree of a long trace would
        // otherwise be a sliver).
        const Trace &trace = *m_layout->trace;
        const Span &s = trace.spans[size_t(span)];
        const double total = double(std::max<qint64>(1, trace.durationUs()));
        const double from = double(s.startUs - trace.startUs) / total;
        const double to = double(s.endUs() - trace.startUs) / total;
        const double margin = (to - from) * 0.02;
        setViewRange(std::max(0.0, from - margin), std::min(1.0, to + margin));
    } else if (before >= 0) {
        setViewRange(0, 1);
    }
}

int TraceTimeline::rowsTop() const
{
    return m_minimapHeight + m_rulerHeight;
}

int TraceTimeline::treeWidth() const
{
    return std::clamp(viewport()->width() * 35 / 100, 120, 520);
}

QRect TraceTimeline::minimapRect() const
{
    return QRect(treeWidth(), 0, viewport()->width() - treeWidth(), m_minimapHeight);
}

QRect TraceTimeline::barsRect() const
{
    const int left = treeWidth() + 4;
    return QRect(left, rowsTop(), std::max(10, viewport()->width() - left - 8),
                 viewport()->height() - rowsTop());
}

QRect TraceTimeline::rowRect(int row) const
{
    return QRect(0, rowsTop() + row * m_rowHeight - verticalScrollBar()->value(),
                 viewport()->width(), m_rowHeight);
}

int TraceTimeline::rowAt(int y) const
{
    if (y < rowsTop())
        return -1;
    const int row = (y - rowsTop() + verticalScrollBar()->value()) / m_rowHeight;
    return row < m_rows.rowCount() ? row : -1;
}

double TraceTimeline::timeToX(qint64 us, const QRect &bars) const
{
    const Trace &trace = *m_layout->trace;
    const double total = double(std::max<qint64>(1, trace.durationUs()));
    const double f = double(us - trace.startUs) / total;
    return m_view.toX(f, bars.left(), bars.width());
}

void TraceTimeline::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QRect dirty = event->rect();
    painter.fillRect(dirty, palette().base());
    if (!m_layout) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
                         tr("No trace open. Search for one, or open a Jaeger JSON file."));
        return;
    }
    const int top = rowsTop();
    if (dirty.top() < top) {
        paintMinimap(painter, QRect(0, 0, viewport()->width(), m_minimapHeight));
        paintRuler(painter, QRect(0, m_minimapHeight, viewport()->width(), m_rulerHeight));
    }
    painter.setClipRect(QRect(0, top, viewport()->width(), viewport()->height() - top));
    const int first = std::max(0, rowAt(std::max(dirty.top(), top)));
    const int scroll = verticalScrollBar()->value();
    const int last = std::min(m_rows.rowCount() - 1, (dirty.bottom() - top + scroll) / m_rowHeight);
    for (int row = first; row <= last; ++row)
        paintRow(painter, row, rowRect(row));
    // The tree column's edge.
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(treeWidth(), top, treeWidth(), viewport()->height());
}

void TraceTimeline::paintMinimap(QPainter &painter, const QRect &rect)
{
    painter.fillRect(rect, palette().window());
    const QRect map = minimapRect().adjusted(4, 3, -8, -3);
    painter.setPen(palette().color(QPalette::WindowText));
    const Trace &trace = *m_layout->trace;
    painter.drawText(
        QRect(6, 0, treeWidth() - 12, rect.height()),
        Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap,
        tr("%1 spans · %2").arg(trace.spans.size()).arg(Format::durationUs(trace.durationUs()))
            + (m_rows.filteredOutCount() > 0
                   ? tr(" · %n hidden by filters", nullptr, m_rows.filteredOutCount())
                   : QString()));
    painter.fillRect(map, palette().base());
    if (!m_layout->minimap.isNull()) {
        // Scaled once per size and trace, smoothly, so that no row of the overview is dropped.
        if (m_minimapCache.size() != map.size() || m_minimapCacheKey != m_layout.get()) {
            m_minimapCache = QPixmap::fromImage(m_layout->minimap.scaled(
                map.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
            m_minimapCacheKey = m_layout.get();
        }
        painter.drawPixmap(map.topLeft(), m_minimapCache);
    }
    // Shade what is outside the window on screen.
    const int x0 = map.left() + int(m_view.from() * map.width());
    const int x1 = map.left() + int(std::ceil(m_view.to() * map.width()));
    const QColor shade(0, 0, 0, 60);
    painter.fillRect(QRect(map.left(), map.top(), x0 - map.left(), map.height()), shade);
    painter.fillRect(QRect(x1, map.top(), map.right() - x1 + 1, map.height()), shade);
    // The rows on screen, as a band.
    if (m_rows.rowCount() > 0) {
        const int n = m_layout->spanCount();
        const int scroll = verticalScrollBar()->value();
        const int firstRow = std::clamp(scroll / m_rowHeight, 0, m_rows.rowCount() - 1);
        const int lastRow = std::clamp((scroll + viewport()->height() - rowsTop()) / m_rowHeight, 0,
                                       m_rows.rowCount() - 1);
        const int y0 = map.top() + int(double(m_rows.positionAtRow(firstRow)) / n * map.height());
        const int y1
            = map.top() + int(double(m_rows.positionAtRow(lastRow) + 1) / n * map.height());
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRect(x0, y0, std::max(2, x1 - x0 - 1), std::max(2, y1 - y0)));
    }
    if (m_dragging && m_dragArea == minimapRect()) {
        painter.fillRect(QRect(QPoint(std::min(m_dragStartX, m_dragX), map.top()),
                               QPoint(std::max(m_dragStartX, m_dragX), map.bottom())),
                         Palette::selection());
    }
}

void TraceTimeline::paintRuler(QPainter &painter, const QRect &rect)
{
    painter.fillRect(rect, palette().alternateBase());
    const QRect bars = barsRect();
    const Trace &trace = *m_layout->trace;
    const double windowUs = double(trace.durationUs()) * m_view.width();
    const double fromUs = double(trace.durationUs()) * m_view.from();
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(6, rect.top(), treeWidth() - 12, rect.height()),
                     Qt::AlignVCenter | Qt::AlignLeft, tr("Service & operation"));
    constexpr int ticks = 5;
    for (int i = 0; i < ticks; ++i) {
        const int x = bars.left() + bars.width() * i / ticks;
        // Not rounded to whole microseconds: a trace of a few µs would read "0 s, 0 s, 1 µs".
        const double atUs = fromUs + windowUs * i / ticks;
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(x, rect.top(), x, rect.bottom());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x + 3, rect.top(), bars.width() / ticks - 4, rect.height()),
                         Qt::AlignVCenter | Qt::AlignLeft, Format::duration(atUs / 1e6));
    }
    if (m_dragging && m_dragArea != minimapRect()) {
        painter.fillRect(QRect(QPoint(std::min(m_dragStartX, m_dragX), rect.top()),
                               QPoint(std::max(m_dragStartX, m_dragX), rect.bottom())),
                         Palette::selection());
    }
}

void TraceTimeline::paintRow(QPainter &painter, int row, const QRect &rect)
{
    const int position = m_rows.positionAtRow(row);
    const int spanIndex = m_layout->order[size_t(position)];
    const Trace &trace = *m_layout->trace;
    const Span &span = trace.spans[size_t(spanIndex)];
    const bool context = m_rows.isContextRow(row); // an ancestor of matches, not one itself
    QColor service = m_layout->serviceColor(span.service);
    if (context)
        service.setAlpha(70);

    QColor background
        = row % 2 ? palette().color(QPalette::AlternateBase) : palette().color(QPalette::Base);
    if (isMarked(spanIndex))
        background = palette().color(QPalette::Highlight).lighter(185);
    if (m_rows.isMatch(spanIndex))
        background = m_rows.currentMatchSpan() == spanIndex ? Palette::highlight()
                                                            : Palette::highlightSoft();
    if (spanIndex == m_hovered)
        background = background.darker(108);
    if (spanIndex == m_selected)
        background = palette().color(QPalette::Highlight).lighter(170);
    painter.fillRect(rect, background);
    if (isMarked(spanIndex))
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), Palette::link());

    // Tree column: indentation, the expander, the service's colour, then the names.
    const QFontMetrics metrics = painter.fontMetrics();
    const int tree = treeWidth();
    const int indent = std::min(int(m_layout->depth[size_t(spanIndex)]) * 10, tree / 2);
    const int midY = rect.top() + rect.height() / 2;
    int x = 4 + indent;
    if (m_layout->hasChildren(position)) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::WindowText));
        QPolygon arrow;
        if (m_rows.isCollapsedAt(position))
            arrow << QPoint(x + 2, midY - 4) << QPoint(x + 7, midY) << QPoint(x + 2, midY + 4);
        else
            arrow << QPoint(x, midY - 2) << QPoint(x + 8, midY - 2) << QPoint(x + 4, midY + 3);
        painter.drawPolygon(arrow);
    }
    x += 11;
    painter.fillRect(QRect(x, rect.top() + 3, 3, rect.height() - 6), service);
    x += 6;
    const bool error = span.has(Span::Error);
    // Names are the traced application's text: a newline or a right-to-left override must
    // neither spill into the next row nor reverse the label (nor a megabyte name cost a frame).
    QString label = Format::elided(trace.service(spanIndex), 300) + u"  "_s
                    + Format::elided(trace.operation(spanIndex), 300);
    if (m_rows.isCollapsedAt(position))
        label += u"  (+%1)"_s.arg(m_layout->subtreeEnd[size_t(position)] - position - 1);
    painter.setPen(context ? palette().color(QPalette::PlaceholderText)
                   : error ? errorColor
                           : palette().color(QPalette::Text));
    const int textWidth = tree - x - (error ? 16 : 4);
    painter.drawText(QRect(x, rect.top(), textWidth, rect.height()), Qt::AlignVCenter,
                     metrics.elidedText(label, Qt::ElideRight, textWidth));
    if (error) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(errorColor);
        painter.drawEllipse(QPoint(tree - 9, midY), 5, 5);
        painter.setPen(Qt::white);
        painter.drawText(QRect(tree - 14, midY - 6, 10, 12), Qt::AlignCenter, u"!"_s);
    }

    // The bar.
    const QRect bars = barsRect();
    const double x0 = timeToX(span.startUs, bars);
    const double x1 = timeToX(span.endUs(), bars);
    if (x1 >= bars.left() - 1 && x0 <= bars.right() + 1) {
        const int left = int(std::max(x0, double(bars.left() - 2)));
        const int right = int(std::min(x1, double(bars.right() + 2)));
        const QRect bar(left, rect.top() + 4, std::max(1, right - left), rect.height() - 8);
        painter.fillRect(bar, service);
        if (error) {
            painter.setPen(QPen(errorColor, 2));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(bar.adjusted(0, 0, -1, -1));
        }
        if (m_showCritical)
            paintCriticalSegments(painter, spanIndex, bar);
        // The duration beside the bar, where there is room.
        QString text = Format::durationUs(span.durationUs);
        if (span.has(Span::ClockSkew))
            text += u" ⚠"_s;
        const int w = metrics.horizontalAdvance(text) + 6;
        painter.setPen(palette().color(QPalette::Text));
        if (bar.right() + w < bars.right())
            painter.drawText(QRect(bar.right() + 4, rect.top(), w, rect.height()), Qt::AlignVCenter,
                             text);
        else if (bar.left() - w > bars.left())
            painter.drawText(QRect(bar.left() - w, rect.top(), w - 2, rect.height()),
                             Qt::AlignVCenter | Qt::AlignRight, text);
    }
    // Log events as ticks.
    if (span.logCount > 0 && span.logCount < 64) {
        painter.setPen(palette().color(QPalette::Text));
        for (quint32 l = 0; l < span.logCount; ++l) {
            const double lx = timeToX(trace.logs[span.firstLog + l].timestampUs, bars);
            if (lx >= bars.left() && lx <= bars.right())
                painter.drawLine(QPointF(lx, rect.top() + 3), QPointF(lx, rect.top() + 6));
        }
    }
}

void TraceTimeline::paintCriticalSegments(QPainter &painter, int spanIndex, const QRect &bar)
{
    // The parts of the span on the path, as a dark band through the bar's middle; the segment
    // that navigation went to, thicker.
    const CriticalPath &path = m_layout->criticalPath;
    const auto [first, last] = path.segmentsOf(spanIndex);
    const QRect bars = barsRect();
    const int midY = bar.center().y();
    for (int i = first; i < last; ++i) {
        const int index = path.bySpan()[size_t(i)];
        const CriticalPath::Segment &segment = path.segments()[size_t(index)];
        const double x0 = std::max(timeToX(segment.startUs, bars), double(bar.left()));
        const double x1 = std::min(timeToX(segment.endUs, bars), double(bar.right() + 1));
        if (x1 < x0)
            continue;
        const bool current = index == m_criticalSegment;
        const int thickness = current ? 6 : 3;
        painter.fillRect(QRectF(x0, midY - thickness / 2.0, std::max(1.0, x1 - x0), thickness),
                         criticalColor);
    }
}

void TraceTimeline::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void TraceTimeline::scrollContentsBy(int, int)
{
    viewport()->update();
}

void TraceTimeline::setHovered(int span)
{
    if (span == m_hovered)
        return;
    const int oldRow = rowOfSpan(m_hovered);
    m_hovered = span;
    // Repaint just the two rows that changed.
    if (oldRow >= 0)
        viewport()->update(rowRect(oldRow));
    if (const int row = rowOfSpan(span); row >= 0)
        viewport()->update(rowRect(row));
    Q_EMIT hoveredSpanChanged(span);
}

void TraceTimeline::mousePressEvent(QMouseEvent *event)
{
    if (!m_layout || event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    if (pos.y() < rowsTop()) {
        if (pos.x() > treeWidth()) {
            m_dragging = true;
            m_dragArea = pos.y() < m_minimapHeight ? minimapRect() : QRect();
            m_dragStartX = m_dragX = pos.x();
        }
        return;
    }
    const int row = rowAt(pos.y());
    if (row < 0)
        return;
    const int span = spanAtRow(row);
    const int indent = std::min(int(m_layout->depth[size_t(span)]) * 10, treeWidth() / 2);
    if (pos.x() >= indent && pos.x() < indent + 16)
        toggle(span);
    selectSpan(span);
}

void TraceTimeline::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_dragging) {
        m_dragX = pos.x();
        viewport()->update(QRect(0, 0, viewport()->width(), rowsTop()));
        return;
    }
    const int row = rowAt(pos.y());
    setHovered(row >= 0 ? spanAtRow(row) : -1);
}

void TraceTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    const QPoint pos = event->position().toPoint();
    if (m_dragArea == minimapRect()) {
        const QRect map = minimapRect().adjusted(4, 3, -8, -3);
        const double a = double(m_dragStartX - map.left()) / map.width();
        const double b = double(pos.x() - map.left()) / map.width();
        TimelineViewport view = m_view;
        if (std::abs(pos.x() - m_dragStartX) < 3)
            view.centreOn(a); // a click centres the current window there
        else
            view.setRange(std::min(a, b), std::max(a, b));
        applyView(view);
    } else {
        const QRect bars = barsRect();
        if (std::abs(pos.x() - m_dragStartX) >= 3) {
            TimelineViewport view = m_view;
            view.zoomToWindowPart(double(m_dragStartX - bars.left()) / bars.width(),
                                  double(pos.x() - bars.left()) / bars.width());
            applyView(view);
        }
    }
    viewport()->update();
}

void TraceTimeline::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (pos.y() < rowsTop()) {
        setViewRange(0, 1);
        return;
    }
    if (const int row = rowAt(pos.y()); row >= 0)
        toggle(spanAtRow(row));
}

void TraceTimeline::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const QRect bars = barsRect();
        const double anchor
            = std::clamp((event->position().x() - bars.left()) / bars.width(), 0.0, 1.0);
        zoomBy(std::pow(1.2, event->angleDelta().y() / 120.0), anchor);
        event->accept();
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier || event->angleDelta().x() != 0) {
        const int delta
            = event->angleDelta().x() != 0 ? event->angleDelta().x() : event->angleDelta().y();
        panBy(-delta / 1200.0);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TraceTimeline::keyPressEvent(QKeyEvent *event)
{
    const int row = rowOfSpan(m_selected);
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    const int page = std::max(1, (viewport()->height() - rowsTop()) / m_rowHeight - 1);
    switch (event->key()) {
    case Qt::Key_Down:
        selectRow(row + 1);
        break;
    case Qt::Key_Up:
        selectRow(std::max(0, row - 1));
        break;
    case Qt::Key_PageDown:
        selectRow(row + page);
        break;
    case Qt::Key_PageUp:
        selectRow(std::max(0, row - page));
        break;
    case Qt::Key_Home:
        selectRow(0);
        break;
    case Qt::Key_End:
        selectRow(m_rows.rowCount() - 1);
        break;
    case Qt::Key_Left:
        if (ctrl)
            collapseAll();
        else if (shift)
            collapseOneLevel();
        else if (m_selected >= 0 && m_layout->hasChildren(m_layout->positionOf[size_t(m_selected)])
                 && !isCollapsed(m_selected))
            setCollapsed(m_selected, true);
        else if (m_selected >= 0 && m_layout->trace->spans[size_t(m_selected)].parent >= 0)
            selectSpan(m_layout->trace->spans[size_t(m_selected)].parent);
        break;
    case Qt::Key_Right:
        if (ctrl)
            expandAll();
        else if (shift)
            expandOneLevel();
        else if (m_selected >= 0)
            setCollapsed(m_selected, false);
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            toggle(m_selected);
        break;
    case Qt::Key_W:
    case Qt::Key_Plus:
        zoomBy(1.5);
        break;
    case Qt::Key_S:
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_A:
        panBy(-0.2);
        break;
    case Qt::Key_D:
        panBy(0.2);
        break;
    case Qt::Key_0:
        setViewRange(0, 1);
        break;
    case Qt::Key_C:
        setShowCriticalPath(!m_showCritical);
        break;
    case Qt::Key_BracketRight:
        nextCriticalSegment();
        break;
    case Qt::Key_BracketLeft:
        previousCriticalSegment();
        break;
    case Qt::Key_F:
        if (m_selected >= 0)
            focusSubtree(m_selected);
        break;
    case Qt::Key_Escape:
    case Qt::Key_Backspace:
        if (focusedSpan() < 0) {
            QAbstractScrollArea::keyPressEvent(event);
            return;
        }
        leaveFocus();
        break;
    case Qt::Key_M:
        if (shift)
            previousMarked();
        else
            nextMarked();
        break;
    case Qt::Key_F3:
        if (shift)
            findPrevious();
        else
            findNext();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TraceTimeline::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_layout)
        return;
    const int row = rowAt(viewport()->mapFromGlobal(event->globalPos()).y());
    const int span = row >= 0 ? spanAtRow(row) : -1;
    QMenu menu(this);
    if (span >= 0) {
        selectSpan(span);
        const QString name = m_layout->trace->operation(span);
        menu.addAction(tr("Focus on the subtree of “%1” (F)").arg(name.left(60)), this,
                       [this, span] { focusSubtree(span); });
    }
    if (focusedSpan() >= 0)
        menu.addAction(tr("Leave the focus (Esc)"), this, &TraceTimeline::leaveFocus);
    if (!m_layout->criticalPath.isEmpty()) {
        menu.addSeparator();
        menu.addAction(tr("Next critical segment (])"), this, &TraceTimeline::nextCriticalSegment);
        menu.addAction(tr("Previous critical segment ([)"), this,
                       &TraceTimeline::previousCriticalSegment);
    }
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
}

bool TraceTimeline::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Leave)
        setHovered(-1);
    if (event->type() == QEvent::ToolTip && m_layout) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int row = rowAt(help->pos().y());
        if (row >= 0) {
            const int span = spanAtRow(row);
            const Trace &trace = *m_layout->trace;
            const Span &s = trace.spans[size_t(span)];
            viewport()->setToolTip(
                plainToolTip(tr("%1: %2\n%3 at +%4")
                                 .arg(Format::elided(trace.service(span), 300),
                                      Format::elided(trace.operation(span), 300),
                                      Format::durationUs(s.durationUs),
                                      Format::durationUs(s.startUs - trace.startUs))));
        } else {
            viewport()->setToolTip({});
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace Stackscope
