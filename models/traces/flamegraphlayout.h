// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <memory>
#include <vector>

namespace Stackscope {

/// Where the spans of a trace, or of one subtree, go in an icicle flame graph: the x axis is
/// time, so a span's width is its duration; the root is at the top and every span on a row below
/// its parent's. Spans are placed by start time on the first row below their parent where nothing
/// overlaps them, so siblings that run at once (and children that outlive their parent) go onto
/// extra rows instead of being drawn over each other (the Jaeger UI's flame graph hides them,
/// jaeger-ui#1012), and the rows stay about as many as spans run at once. O(n log n); built off
/// the GUI thread, read-only after.
class FlameGraphLayout
{
public:
    /// The whole trace (`rootPosition` -1) or the subtree at that depth-first position.
    /// `selfUs` is selfTimes(*layout), computed when null.
    static std::shared_ptr<const FlameGraphLayout>
    build(TraceLayoutPtr layout, qint32 rootPosition = -1,
          std::shared_ptr<const std::vector<qint64>> selfUs = {});

    TraceLayoutPtr layout;
    qint32 rootPosition = -1;
    qint32 firstPosition = 0; ///< the depth-first positions laid out: [first, end)
    qint32 endPosition = 0;
    qint64 fromUs = 0; ///< their earliest start and latest end
    qint64 toUs = 0;
    std::vector<qint32> rows; ///< by position − firstPosition: the span's row, 0 at the top
    std::shared_ptr<const std::vector<qint64>> selfUs; ///< by span index (selfTimes())
    /// The spans of each row by start time, and so by end time (they do not overlap): positions
    /// rowSpans[rowFirst[r] .. rowFirst[r + 1]).
    std::vector<qint32> rowFirst;
    std::vector<qint32> rowSpans;
    int rowCount = 0;

    bool contains(qint32 position) const
    {
        return position >= firstPosition && position < endPosition;
    }
    int rowOf(qint32 position) const { return rows[size_t(position - firstPosition)]; }
};

using FlameGraphLayoutPtr = std::shared_ptr<const FlameGraphLayout>;

} // namespace Stackscope
