// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <memory>
#include <vector>

namespace Stackscope {

/// Where every span of a trace goes in an icicle flame graph, built off the GUI thread (one pass
/// up the tree, one down) and read-only after. The x axis is time, so a span's width is its
/// duration; the root is at the top and children hang below their parent. Every subtree is a
/// block (its rows × the time from its earliest to its latest descendant); the blocks of siblings
/// that overlap in time are stacked on extra rows, so concurrent spans are never drawn over each
/// other (the Jaeger UI's flame graph hides them, jaeger-ui#1012). Hence no two spans on one row
/// overlap, and a subtree zoomed into is its own block: its rows hold nothing else in its time.
class FlameGraphLayout
{
public:
    static std::shared_ptr<const FlameGraphLayout> build(TraceLayoutPtr layout);

    TraceLayoutPtr layout;
    std::vector<qint32> row;      ///< by depth-first position: the span's row, 0 at the top
    std::vector<qint32> height;   ///< by position: the rows of the span's block, itself included
    std::vector<qint64> boxStart; ///< by position: the earliest start in the span's subtree
    std::vector<qint64> boxEnd;   ///< by position: the latest end in the span's subtree
    std::vector<qint64> selfUs;   ///< by span index: self time (selfTimes())
    /// The spans of each row by start time (and so by end time: they do not overlap): positions
    /// rowSpans[rowFirst[r] .. rowFirst[r + 1]).
    std::vector<qint32> rowFirst;
    std::vector<qint32> rowSpans;
    int rowCount = 0;

    int spanCount() const { return layout ? layout->spanCount() : 0; }
};

using FlameGraphLayoutPtr = std::shared_ptr<const FlameGraphLayout>;

} // namespace Stackscope
