// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/flamegraphlayout.h"

#include <QAbstractScrollArea>

#include <vector>

namespace Stackscope {

/// The flame graph (icicle) of a trace: the root at the top, children below, widths in time, in
/// the services' colours; the part of a span that none of its children covers (its self time) is
/// drawn lighter. Concurrent siblings are stacked (FlameGraphLayout), so nothing is drawn over
/// anything; hovering a span lights its ancestors and descendants. A click zooms into a span's
/// subtree, a click on the top span, Esc or the breadcrumb zoom out, a double-click shows the whole
/// trace. The layout is built off the GUI thread when the view is first shown; painting visits only
/// the rows on screen and the spans in the time on screen, and merges spans narrower than a pixel,
/// so 250,000 spans paint as fast as 50.
class FlameGraphView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    /// What setHighlights() marks, per span.
    enum Highlight : quint8 {
        Match = 1,        ///< matches the find text
        CurrentMatch = 2, ///< the find's current match
        Marked = 4,       ///< among the spans a statistics row stands for
    };

    explicit FlameGraphView(QWidget *parent = nullptr);
    ~FlameGraphView() override;

    void setTraceLayout(TraceLayoutPtr layout);
    TraceLayoutPtr traceLayout() const { return m_layout; }
    /// The layout on screen (the whole trace's or the zoomed subtree's), null until it arrived.
    FlameGraphLayoutPtr flameLayout() const { return m_shown; }
    /// The layout on screen is the one asked for (the trace's, or the zoomed subtree's).
    bool isReady() const { return m_shown && m_shown->rootPosition == m_zoom; }

    /// The span whose subtree fills the view, -1 for the whole trace.
    int zoomSpan() const;
    void zoomTo(int span);
    /// One level up: to the parent of the zoomed span, or the whole trace.
    void zoomOut();

    /// Scrolls a span's row into view, zooming out to the whole trace when it is outside the
    /// zoomed subtree.
    void revealSpan(int span);

    int selectedSpan() const { return m_selected; }
    void setSelectedSpan(int span);
    /// Flags by span index (Highlight); empty for none. With any Match, the rest is dimmed.
    void setHighlights(std::vector<quint8> bySpan);

    /// The span under a viewport point, -1 for none.
    int spanAt(const QPoint &pos) const;
    /// Where a span is drawn in viewport coordinates (empty when outside the zoomed subtree).
    QRectF spanRect(int span) const;
    int rowHeight() const { return m_rowHeight; }
    int headerHeight() const { return m_headerHeight; }

Q_SIGNALS:
    void spanClicked(int span);
    void zoomChanged(int span);
    void layoutReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Window
    {
        qint64 fromUs = 0;
        qint64 toUs = 1;
    };
    Window window() const;
    void startBuild();
    /// Lays out the zoomed subtree: at once when small, else off the GUI thread.
    void layOutZoom();
    void showLayout(FlameGraphLayoutPtr flame);
    void updateScrollBar();
    double xOf(qint64 us, const Window &w) const;
    QRect canvas() const;
    void paintHeader(QPainter &painter);
    void paintRow(QPainter &painter, int row, int y, const Window &w);
    void paintSpan(QPainter &painter, qint32 position, const QRectF &rect, const Window &w);
    /// Drawn faintly: not a find match while finding, or unrelated to the hovered span.
    bool dimmed(qint32 position, quint8 flags) const;

    TraceLayoutPtr m_layout;
    FlameGraphLayoutPtr m_flame; ///< the whole trace's
    FlameGraphLayoutPtr m_shown; ///< on screen: m_flame or the zoomed subtree's
    quint64 m_generation = 0;
    bool m_building = false;
    qint32 m_zoom = -1; ///< depth-first position, -1 for the whole trace
    int m_selected = -1;
    int m_hovered = -1;
    std::vector<quint8> m_highlights;
    bool m_finding = false;
    int m_rowHeight = 20;
    int m_headerHeight = 24;
    std::vector<std::pair<QRect, qint32>> m_crumbs; ///< the breadcrumb's parts: rect, position
};

} // namespace Stackscope
