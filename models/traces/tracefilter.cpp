// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/tracefilter.h"

#include <algorithm>
#include <cmath>

namespace Stackscope {

FilteredRows filteredPositions(const TraceLayout &layout,
                               const std::vector<quint8> &collapsedByPosition,
                               const TraceFilter &filter, const std::vector<quint8> &matchBySpan)
{
    FilteredRows result;
    const qint32 n = layout.spanCount();
    if (n == 0)
        return result;
    const Trace &trace = *layout.trace;
    qint32 from = 0, to = n;
    if (filter.focusSpan >= 0 && filter.focusSpan < n) {
        from = layout.positionOf[size_t(filter.focusSpan)];
        to = layout.subtreeEnd[size_t(from)];
    }
    const qint64 minUs
        = filter.minDurationShare > 0
              ? qint64(std::ceil(filter.minDurationShare * double(trace.durationUs())))
              : 0;
    const auto isShort = [&](qint32 span) {
        return minUs > 0 && trace.spans[size_t(span)].durationUs < minUs;
    };
    const auto isMatch = [&](qint32 span) {
        return size_t(span) < matchBySpan.size() && matchBySpan[size_t(span)];
    };
    // With only matches: how many matches lie before each position, so that "does this subtree
    // hold a match" is one subtraction.
    std::vector<qint32> matchesBefore;
    if (filter.onlyMatches) {
        matchesBefore.assign(size_t(n) + 1, 0);
        for (qint32 p = 0; p < n; ++p) {
            const qint32 span = layout.order[size_t(p)];
            matchesBefore[size_t(p) + 1]
                = matchesBefore[size_t(p)] + (isMatch(span) && !isShort(span) ? 1 : 0);
        }
    }
    result.positions.reserve(size_t(to - from));
    for (qint32 p = from; p < to;) {
        const qint32 span = layout.order[size_t(p)];
        const qint32 end = layout.subtreeEnd[size_t(p)];
        // The focused span itself always shows: it is what the user chose.
        if (p != from || filter.focusSpan < 0) {
            if (isShort(span)
                || (filter.onlyMatches && matchesBefore[size_t(end)] == matchesBefore[size_t(p)])) {
                result.hiddenCount += end - p;
                p = end;
                continue;
            }
        }
        result.positions.push_back(p);
        if (filter.onlyMatches)
            result.context.push_back(isMatch(span) ? 0 : 1);
        if (size_t(p) < collapsedByPosition.size() && collapsedByPosition[size_t(p)])
            p = end;
        else
            ++p;
    }
    if (!filter.onlyMatches)
        result.context.assign(result.positions.size(), 0);
    result.hiddenCount += n - (to - from);
    return result;
}

int spanWithId(const Trace &trace, std::string_view id)
{
    const auto lower = [](char c) {
        return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
    };
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        const std::string_view candidate = trace.idView(trace.spans[i].spanId);
        if (candidate.size() == id.size()
            && std::equal(candidate.begin(), candidate.end(), id.begin(),
                          [&lower](char a, char b) { return lower(a) == lower(b); }))
            return int(i);
    }
    return -1;
}

} // namespace Stackscope
