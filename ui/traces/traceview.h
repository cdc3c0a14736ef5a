// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QToolButton;

namespace Stackscope {

class FlameGraphView;
class SpanDetailsView;
class SpanStatisticsView;
class TraceTimeline;

/// One open trace: the header (name, start, duration, services, depth, span count), the find
/// bar, the filters (only matches, short spans, the focused subtree with its breadcrumb), the
/// critical path's navigation, the timeline, and the details of the selected span (references
/// are links; Back returns to the span a link was followed from).
/// bar, the timeline, the flame graph and the span statistics as tabs (the find and a statistics
/// row's spans are highlighted in the timeline and the flame graph alike), and the details of the
/// selected span.
class TraceView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceView(QWidget *parent = nullptr);

    void setTraceLayout(const TraceLayoutPtr &layout, const QString &source,
                        const QStringList &warnings = {});
    TraceLayoutPtr traceLayout() const;
    /// A line under the header: loading, a failure (the trace on screen stays).
    void setNotice(const QString &text, bool problem);

    TraceTimeline *timeline() const { return m_timeline; }
    SpanDetailsView *details() const { return m_details; }
    FlameGraphView *flameGraph() const { return m_flame; }
    SpanStatisticsView *statistics() const { return m_statistics; }
    /// The tabs: timeline, flame graph, statistics.
    QTabWidget *views() const { return m_views; }
    QLineEdit *findEdit() const { return m_find; }
    QLabel *header() const { return m_header; }
    QLabel *notice() const { return m_notice; }
    QCheckBox *onlyMatches() const { return m_onlyMatches; }
    QComboBox *shortSpans() const { return m_shortSpans; }
    QLabel *breadcrumb() const { return m_breadcrumb; }
    QLabel *criticalLabel() const { return m_criticalLabel; }
    /// "0.5 %", "<1%", "2" (percent) as a share of the trace: 0.005, 0.01, 0.02; -1 if unreadable.
    static double parseShare(const QString &text);

private:
    void updateFindLabel(int current, int count);
    void updateFilterBar();
    void applyShortSpans();
    void followLink(int span);
    void goBack();
    /// The find's matches and the marked spans, for the flame graph.
    void updateFlameHighlights();

    QLabel *m_header;
    QLabel *m_notice;
    QLineEdit *m_find;
    QLabel *m_findLabel;
    QCheckBox *m_critical;
    QCheckBox *m_onlyMatches;
    QComboBox *m_shortSpans;
    QLabel *m_breadcrumb;
    QToolButton *m_leaveFocus;
    QLabel *m_criticalLabel;
    std::vector<int> m_history; ///< spans links were followed from, for Back
    TraceTimeline *m_timeline;
    FlameGraphView *m_flame;
    SpanStatisticsView *m_statistics;
    QTabWidget *m_views;
    SpanDetailsView *m_details;
};

} // namespace Stackscope
