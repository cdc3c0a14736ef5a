// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/trace.h"

#include <utility>
#include <vector>

namespace Stackscope {

/// The critical path of a trace as segments: the parts of spans during which nothing else the
/// request waited for was running. Computed as the Jaeger UI does since v1.42: spans that follow
/// from their parent (FOLLOWS_FROM) are left out with their subtrees; a child is clamped to its
/// parent's time (one that starts before its parent, by clock skew, or ends after it) and left
/// out with its subtree when it does not overlap its parent at all; then, from the end of each
/// root, the path walks back through the last-finishing child, then the child that finished
/// last before that one started, and so on. A value type: built once per trace off the GUI
/// thread, then read-only.
class CriticalPath
{
public:
    struct Segment
    {
        qint32 span = -1; ///< index into Trace::spans
        qint64 startUs = 0;
        qint64 endUs = 0;
        qint64 durationUs() const { return endUs - startUs; }
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    /// `order` is the depth-first order of the spans (TraceLayout::order: parents before their
    /// children), `roots` the root spans; the path of each root is computed.
    static CriticalPath compute(const Trace &trace, const std::vector<qint32> &order,
                                const std::vector<qint32> &roots);

    /// Every segment, by start time (roots one after the other by their start).
    const std::vector<Segment> &segments() const { return m_segments; }
    int segmentCount() const { return int(m_segments.size()); }
    bool isEmpty() const { return m_segments.empty(); }
    /// The segments of one span as [first, last) indexes into bySpan(); empty when it is not on
    /// the path.
    std::pair<int, int> segmentsOf(int span) const;
    /// Segment indexes ordered by span, then start: what segmentsOf() ranges over.
    const std::vector<qint32> &bySpan() const { return m_bySpan; }
    bool contains(int span) const;
    /// How long the span is on the path, in microseconds.
    qint64 onPathUs(int span) const;
    /// The segment after (or before) time `us` in time order: the first one starting later than
    /// `us`, or the last one starting earlier; -1 when none.
    int nextSegment(qint64 us) const;
    int previousSegment(qint64 us) const;

private:
    std::vector<Segment> m_segments;
    std::vector<qint32> m_bySpan;
};

} // namespace Stackscope
