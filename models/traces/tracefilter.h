// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <string_view>
#include <vector>

namespace Stackscope {

/// What a huge trace's timeline leaves out besides collapsed subtrees: spans that do not match
/// the find (their ancestors stay as dimmed context), spans shorter than a share of the trace
/// (with their subtrees), and everything outside one focused subtree. The default hides nothing.
struct TraceFilter
{
    bool onlyMatches = false;
    double minDurationShare = 0; ///< 0.001 hides spans shorter than 0.1 % of the trace
    qint32 focusSpan = -1;       ///< span index of the subtree shown alone, -1 for all

    bool isActive() const { return onlyMatches || minDurationShare > 0 || focusSpan >= 0; }
    friend bool operator==(const TraceFilter &, const TraceFilter &) = default;
};

/// The rows a filter leaves, in depth-first order.
struct FilteredRows
{
    std::vector<qint32> positions; ///< depth-first positions shown, increasing
    std::vector<quint8> context;   ///< by row: 1 for an ancestor of a match that does not match
    qint32 hiddenCount = 0;        ///< spans left out by the filter (not by collapsing)
};

/// The visible positions under a filter, in one linear pass: visiblePositions() with the filter
/// applied. `matchBySpan` (1 for a find match, by span index) is read only with onlyMatches;
/// an empty one matches nothing. A collapsed span's descendants stay hidden.
FilteredRows filteredPositions(const TraceLayout &layout,
                               const std::vector<quint8> &collapsedByPosition,
                               const TraceFilter &filter,
                               const std::vector<quint8> &matchBySpan = {});

/// The span with this ID (as the server wrote it; hex case ignored), -1 when the trace has none.
/// A linear scan: for a click on a reference, not for every row.
int spanWithId(const Trace &trace, std::string_view id);

} // namespace Stackscope
