// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/timelinerows.h"
#include "models/traces/timelineviewport.h"
#include "models/traces/tracelayout.h"

#include <QAbstractScrollArea>
#include <QPixmap>

#include <vector>

namespace Stackscope {

/// The trace timeline: a minimap of the whole trace with the visible window, a time ruler, and
/// one row per visible span (tree column with expand/collapse, bar on the time axis in the
/// service's colour, errors and clock skew marked, the critical path's segments drawn on the
/// bars). Filters (only matches, short spans, one subtree) leave rows out.
/// One custom-painted widget over a flat list of visible rows: painting touches only the rows
/// on screen, so 250,000 spans scroll as fast as 50. The layout it paints comes ready-made from
/// a worker (TraceLayout); which rows are visible, collapse, expand and find are TimelineRows',
/// the time window is a TimelineViewport: the widget paints them and turns input into calls.
class TraceTimeline : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TraceTimeline(QWidget *parent = nullptr);
    ~TraceTimeline() override;

    void setTraceLayout(TraceLayoutPtr layout);
    TraceLayoutPtr traceLayout() const { return m_layout; }

    // The tree. Spans are indexes into Trace::spans.
    bool isCollapsed(int span) const;
    void setCollapsed(int span, bool collapsed);
    void toggle(int span);
    void collapseAll();
    void expandAll();
    /// Collapses the deepest level that still shows children.
    void collapseOneLevel();
    /// Expands the shallowest level that is collapsed.
    void expandOneLevel();
    int visibleRowCount() const { return m_rows.rowCount(); }
    const TimelineRows &rows() const { return m_rows; }
    /// The row that shows a span, -1 when an ancestor is collapsed.
    int rowOfSpan(int span) const;
    int spanAtRow(int row) const;

    int selectedSpan() const { return m_selected; }
    /// Selects the span, expanding its ancestors and scrolling it into view.
    void selectSpan(int span);
    int hoveredSpan() const { return m_hovered; }

    // The time window on screen, as fractions of the trace's duration.
    void setViewRange(double from, double to);
    double viewFrom() const { return m_view.from(); }
    double viewTo() const { return m_view.to(); }
    const TimelineViewport &view() const { return m_view; }
    void zoomBy(double factor, double anchor = 0.5);
    void panBy(double fraction);

    /// Finds spans whose operation, service, tag key or value contain `text` ("key=value"
    /// matches one tag), or whose span ID starts with it. Selects the first; returns the count.
    int find(const QString &text);
    void findNext();
    void findPrevious();
    int matchCount() const { return m_rows.matchCount(); }
    int currentMatch() const { return m_rows.currentMatch(); }
    bool isMatch(int span) const;

    /// Marks spans (a statistics row's): tinted, with a stripe, with next/previous
    /// through them in row order (M, Shift+M). Empty clears; another trace clears too.
    void setMarkedSpans(std::vector<qint32> spans);
    int markedCount() const { return int(m_marked.size()); }
    bool isMarked(int span) const;
    void nextMarked();
    void previousMarked();

    void setShowCriticalPath(bool show);
    bool showCriticalPath() const { return m_showCritical; }
    /// Selects the span of the next (previous) segment of the critical path in time order,
    /// from the current segment or else from the selected span's start, scrolls to it and
    /// brings it into the time window. Returns the segment, -1 when there is none.
    int nextCriticalSegment();
    int previousCriticalSegment();
    int currentCriticalSegment() const { return m_criticalSegment; }

    // Filters for huge traces (see TraceFilter).
    void setOnlyMatches(bool only);
    /// Hides spans shorter than this share of the trace (0: none).
    void setMinDurationShare(double share);
    /// Shows one span's subtree alone; -1 shows all again.
    void focusSubtree(int span);
    void leaveFocus() { focusSubtree(-1); }
    int focusedSpan() const { return m_rows.filter().focusSpan; }
    const TraceFilter &filter() const { return m_rows.filter(); }

    int rowHeight() const { return m_rowHeight; }
    /// The rectangle of a row in viewport coordinates (for tests and tooltips).
    QRect rowRect(int row) const;
    QRect minimapRect() const;
    int treeWidth() const;

Q_SIGNALS:
    void selectedSpanChanged(int span);
    void hoveredSpanChanged(int span);
    void findChanged(int current, int count);
    void criticalSegmentChanged(int index, int count);
    /// The filter or its result changed (a find with "only matches" changes the rows too).
    void filterChanged();
    void viewRangeChanged(double from, double to);
    /// The current marked span (-1 before next/previous) and the count.
    void markedChanged(int current, int count);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateScrollBar();
    /// Takes a new time window: repaints and tells when it differs.
    void applyView(TimelineViewport view);
    int rowAt(int y) const;
    int rowsTop() const;
    QRect barsRect() const;
    double timeToX(qint64 us, const QRect &bars) const;
    void setHovered(int span);
    void ensureVisible(int row);
    void selectRow(int row);
    void goToMatch(int index);
    void goToCriticalSegment(int index);
    void applyFilter(const TraceFilter &filter);
    void goToMarked(int index);
    void paintMinimap(QPainter &painter, const QRect &rect);
    void paintRuler(QPainter &painter, const QRect &rect);
    void paintRow(QPainter &painter, int row, const QRect &rect);
    void paintCriticalSegments(QPainter &painter, int spanIndex, const QRect &bar);

    TraceLayoutPtr m_layout;
    TimelineRows m_rows;
    TimelineViewport m_view;
    int m_selected = -1;
    int m_hovered = -1;
    bool m_showCritical = true;
    int m_criticalSegment = -1;
    int m_rowHeight = 20;
    int m_minimapHeight = 44;
    int m_rulerHeight = 20;
    // A drag on the minimap or the ruler selects a time window.
    bool m_dragging = false;
    int m_dragStartX = 0;
    int m_dragX = 0;
    QRect m_dragArea;
    std::vector<qint32> m_marked;    ///< span indexes in depth-first order
    std::vector<quint8> m_markFlags; ///< by span index
    int m_currentMark = -1;
    QPixmap m_minimapCache;
    const TraceLayout *m_minimapCacheKey = nullptr;
};

} // namespace Stackscope
