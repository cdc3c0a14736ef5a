// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/selftime.h"

#include <algorithm>

namespace Stackscope {

std::vector<qint64> selfTimes(const TraceLayout &layout)
{
    const Trace &trace = *layout.trace;
    std::vector<qint64> self(trace.spans.size(), 0);
    const qint32 n = layout.spanCount();
    for (qint32 p = 0; p < n; ++p) {
        const qint32 index = layout.order[size_t(p)];
        const Span &span = trace.spans[size_t(index)];
        const qint64 from = span.startUs;
        const qint64 to = span.endUs();
        // The children follow at p + 1, each subtree one block, by start time: the union of
        // their clipped intervals is one sweep.
        qint64 covered = 0;
        qint64 runStart = 0;
        qint64 runEnd = from;
        bool inRun = false;
        const qint32 end = layout.subtreeEnd[size_t(p)];
        for (qint32 c = p + 1; c < end; c = layout.subtreeEnd[size_t(c)]) {
            const Span &child = trace.spans[size_t(layout.order[size_t(c)])];
            const qint64 a = std::max(child.startUs, from);
            const qint64 b = std::min(child.endUs(), to);
            if (b <= a)
                continue;
            if (inRun && a <= runEnd) {
                runEnd = std::max(runEnd, b);
                continue;
            }
            if (inRun)
                covered += runEnd - runStart;
            runStart = a;
            runEnd = b;
            inRun = true;
        }
        if (inRun)
            covered += runEnd - runStart;
        self[size_t(index)] = std::max<qint64>(0, span.durationUs - covered);
    }
    return self;
}

} // namespace Stackscope
