// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/criticalpath.h"

#include <algorithm>

namespace Stackscope {

namespace {

/// Whether the reference that names the span's parent (the first one, in Jaeger's JSON) is
/// FOLLOWS_FROM. Looked up by ID, so that references listed before the parent's (an OTLP link,
/// say) do not decide it.
bool followsFromParent(const Trace &trace, const Span &span)
{
    const std::string_view parent = trace.idView(span.parentId);
    for (quint32 r = 0; r < span.refCount; ++r) {
        const SpanRef &ref = trace.refs[span.firstRef + r];
        if (trace.idView(ref.spanId) == parent)
            return ref.kind == SpanRef::Kind::FollowsFrom;
    }
    return false;
}

} // namespace

CriticalPath CriticalPath::compute(const Trace &trace, const std::vector<qint32> &order,
                                   const std::vector<qint32> &roots)
{
    const size_t n = trace.spans.size();
    CriticalPath path;
    if (n == 0 || roots.empty())
        return path;

    // 1. The spans that take part, with their times clamped into their parent's (parents come
    //    first in depth-first order, so a parent is clamped before its children look at it).
    std::vector<qint64> start(n), end(n);
    std::vector<quint8> kept(n, 0);
    for (const qint32 s : order) {
        const Span &span = trace.spans[size_t(s)];
        start[size_t(s)] = span.startUs;
        end[size_t(s)] = std::max(span.startUs, span.endUs()); // a negative duration as none
        if (span.parent < 0) {
            kept[size_t(s)] = 1;
            continue;
        }
        const size_t parent = size_t(span.parent);
        if (!kept[parent])
            continue; // under a span that was left out
        if (followsFromParent(trace, span))
            continue; // does not block its parent
        const qint64 ps = start[parent], pe = end[parent];
        if (span.startUs >= pe || (span.startUs < ps && span.endUs() <= ps))
            continue; // entirely outside its parent
        start[size_t(s)] = std::max(span.startUs, ps);
        end[size_t(s)] = std::max(start[size_t(s)], std::min(span.endUs(), pe));
        kept[size_t(s)] = 1;
    }

    // 2. The kept children of each span, latest end first (ties: the earlier start, as they come
    //    in depth-first order), in compressed form.
    std::vector<qint32> first(n + 1, 0);
    for (const qint32 s : order) {
        const qint32 parent = trace.spans[size_t(s)].parent;
        if (kept[size_t(s)] && parent >= 0)
            ++first[size_t(parent) + 1];
    }
    for (size_t i = 0; i < n; ++i)
        first[i + 1] += first[i];
    std::vector<qint32> kids(static_cast<size_t>(first[n]));
    {
        std::vector<qint32> fill(first.begin(), first.end() - 1);
        for (const qint32 s : order) {
            const qint32 parent = trace.spans[size_t(s)].parent;
            if (kept[size_t(s)] && parent >= 0)
                kids[size_t(fill[size_t(parent)]++)] = s;
        }
    }
    const auto laterEnd = [&end](qint32 a, qint32 b) {
        return end[size_t(a)] > end[size_t(b)];
    };
    for (size_t i = 0; i < n; ++i) {
        const auto from = kids.begin() + first[i], to = kids.begin() + first[i + 1];
        if (to - from > 32) {
            std::stable_sort(from, to, laterEnd); // allocates: only for large families
        } else if (to - from > 1) {
            for (auto it = from + 1; it != to; ++it) { // stable insertion sort
                const qint32 kid = *it;
                auto hole = it;
                for (; hole != from && laterEnd(kid, *(hole - 1)); --hole)
                    *hole = *(hole - 1);
                *hole = kid;
            }
        }
    }

    // 3. The walk, without recursion (a chain of a million spans must not overflow the stack).
    //    At a span with a cursor (its end at first, then the start of the child the path came
    //    back from), the path takes the child that finished last strictly before the cursor: the
    //    span is on the path from that child's end to the cursor, and the walk goes down into
    //    the child. Without such a child the span is on the path from its start to the cursor,
    //    and the walk goes back up to the parent with the span's start as the cursor. The cursor
    //    of a span only moves back in time, so each span's children are scanned once in all.
    std::vector<qint32> next(first.begin(), first.end() - 1);
    std::vector<Segment> segments;
    for (const qint32 root : roots) {
        if (!kept[size_t(root)])
            continue;
        const size_t before = segments.size();
        qint32 at = root;
        qint64 cursor = end[size_t(root)];
        while (at >= 0) {
            const size_t a = size_t(at);
            qint32 &k = next[a];
            if (k != first[a]) { // back from a child: only those that ended before it
                while (k < first[a + 1] && end[size_t(kids[size_t(k)])] >= cursor)
                    ++k;
            }
            if (k < first[a + 1]) {
                const qint32 child = kids[size_t(k++)];
                if (end[size_t(child)] != cursor)
                    segments.push_back({at, end[size_t(child)], cursor});
                at = child;
                cursor = end[size_t(child)];
            } else {
                if (start[a] != cursor)
                    segments.push_back({at, start[a], cursor});
                cursor = start[a];
                at = trace.spans[a].parent;
            }
        }
        std::reverse(segments.begin() + qsizetype(before), segments.end());
    }
    // Roots come by start time; their paths may still interleave when they overlap.
    std::stable_sort(segments.begin(), segments.end(),
                     [](const Segment &a, const Segment &b) { return a.startUs < b.startUs; });
    path.m_segments = std::move(segments);
    path.m_bySpan.resize(path.m_segments.size());
    for (size_t i = 0; i < path.m_bySpan.size(); ++i)
        path.m_bySpan[i] = qint32(i);
    std::sort(path.m_bySpan.begin(), path.m_bySpan.end(), [&path](qint32 a, qint32 b) {
        const Segment &x = path.m_segments[size_t(a)];
        const Segment &y = path.m_segments[size_t(b)];
        return x.span != y.span ? x.span < y.span : x.startUs < y.startUs;
    });
    return path;
}

std::pair<int, int> CriticalPath::segmentsOf(int span) const
{
    const auto lower
        = std::lower_bound(m_bySpan.begin(), m_bySpan.end(), span, [this](qint32 segment, int s) {
              return m_segments[size_t(segment)].span < s;
          });
    const auto upper = std::upper_bound(lower, m_bySpan.end(), span, [this](int s, qint32 segment) {
        return s < m_segments[size_t(segment)].span;
    });
    return {int(lower - m_bySpan.begin()), int(upper - m_bySpan.begin())};
}

bool CriticalPath::contains(int span) const
{
    const auto [first, last] = segmentsOf(span);
    return first < last;
}

qint64 CriticalPath::onPathUs(int span) const
{
    const auto [first, last] = segmentsOf(span);
    qint64 total = 0;
    for (int i = first; i < last; ++i)
        total += m_segments[size_t(m_bySpan[size_t(i)])].durationUs();
    return total;
}

int CriticalPath::nextSegment(qint64 us) const
{
    const auto it = std::upper_bound(m_segments.begin(), m_segments.end(), us,
                                     [](qint64 t, const Segment &s) { return t < s.startUs; });
    return it == m_segments.end() ? -1 : int(it - m_segments.begin());
}

int CriticalPath::previousSegment(qint64 us) const
{
    const auto it = std::lower_bound(m_segments.begin(), m_segments.end(), us,
                                     [](const Segment &s, qint64 t) { return s.startUs < t; });
    return it == m_segments.begin() ? -1 : int(it - m_segments.begin()) - 1;
}

} // namespace Stackscope
