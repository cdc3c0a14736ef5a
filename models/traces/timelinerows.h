// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracefilter.h"
#include "models/traces/tracelayout.h"

#include <QString>

#include <vector>

namespace Stackscope {

/// The rows of a trace timeline without a widget: which spans are visible given the collapsed
/// ones, row ↔ span mapping, and find with its matches and current match. Spans are indexes into
/// Trace::spans, rows count the visible spans from the top. Collapse and expand cost one linear
/// pass over the spans; a row lookup is a binary search. A TraceFilter leaves out more.
class TimelineRows
{
public:
    /// Another trace: everything expanded, no matches.
    void setLayout(TraceLayoutPtr layout);
    const TraceLayoutPtr &layout() const { return m_layout; }

    int rowCount() const { return int(m_rows.size()); }
    /// The row that shows a span, -1 when an ancestor is collapsed (or no such span).
    int rowOfSpan(int span) const;
    /// The span a row shows, -1 outside the rows.
    int spanAtRow(int row) const;
    /// The depth-first position a row shows (TraceLayout::order), for painting.
    qint32 positionAtRow(int row) const { return m_rows[size_t(row)]; }

    bool isCollapsed(int span) const;
    bool isCollapsedAt(qint32 position) const { return m_collapsed[size_t(position)]; }
    /// False when nothing changed (a leaf, or already so).
    bool setCollapsed(int span, bool collapsed);
    void collapseAll();
    void expandAll();
    /// Collapses the deepest level that still shows children; false when none does.
    bool collapseOneLevel();
    /// Expands the shallowest level that is collapsed; false when none is.
    bool expandOneLevel();
    /// Expands the span's ancestors so that it has a row; false when it had one already.
    bool reveal(int span);
    /// The root above a span (itself for a root).
    int rootOf(int span) const;

    /// Leaves out spans besides the collapsed ones (see TraceFilter); "only matches" follows the
    /// find and applies while a find text is set. Another trace keeps the filter but drops its
    /// focus.
    void setFilter(const TraceFilter &filter);
    const TraceFilter &filter() const { return m_filter; }
    /// True for a row that is only context of a match (with "only matches"): painted dimmed.
    bool isContextRow(int row) const
    {
        return size_t(row) < m_context.size() && m_context[size_t(row)];
    }
    /// Spans the filter leaves out (collapsed ones not counted).
    int filteredOutCount() const { return m_filteredOut; }
    /// False for a span the filter leaves out (it has no row even with its ancestors expanded).
    bool passesFilter(int span) const;

    /// Finds spans whose operation, service, tag key or value contain `text` ("key=value" matches
    /// one tag), or whose span ID starts with it; case-insensitive. The matches are in row order
    /// (depth-first); the current match is the first, or -1 when none. Returns the count.
    int find(const QString &text);
    int matchCount() const { return int(m_matches.size()); }
    /// The index of the current match, -1 when none.
    int currentMatch() const { return m_currentMatch; }
    /// The span of the current match, -1 when none.
    int currentMatchSpan() const;
    bool isMatch(int span) const;
    /// Makes match `index` current (wrapping around both ends); returns its span, -1 when none.
    int goToMatch(int index);
    int nextMatch() { return goToMatch(m_currentMatch + 1); }
    int previousMatch() { return goToMatch(m_currentMatch - 1); }

private:
    void rebuild();

    TraceLayoutPtr m_layout;
    std::vector<quint8> m_collapsed; ///< by depth-first position
    std::vector<qint32> m_rows;      ///< visible depth-first positions, increasing
    TraceFilter m_filter;
    std::vector<quint8> m_context; ///< by row, with a filter
    std::vector<quint8> m_passes;  ///< by position, with a filter: 1 when it would have a row
    int m_filteredOut = 0;
    bool m_finding = false;           ///< a find text is set ("only matches" applies)
    std::vector<quint8> m_matchFlags; ///< by span index
    std::vector<qint32> m_matches;    ///< span indexes in depth-first order
    int m_currentMatch = -1;
};

} // namespace Stackscope
