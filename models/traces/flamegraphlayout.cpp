// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/flamegraphlayout.h"
#include "models/traces/selftime.h"

#include <algorithm>
#include <limits>

namespace Stackscope {

namespace {

/// The end of the last span of every row, in a min-tree, to find the first row at or below a
/// given one that is free at a given time in O(log rows).
class RowEnds
{
public:
    explicit RowEnds(size_t rows)
    {
        while (m_size < std::max<size_t>(rows, 1))
            m_size *= 2;
        m_tree.assign(2 * m_size, std::numeric_limits<qint64>::min());
    }
    void set(size_t row, qint64 end)
    {
        size_t i = row + m_size;
        m_tree[i] = end;
        for (i /= 2; i > 0; i /= 2) {
            const qint64 least = std::min(m_tree[2 * i], m_tree[2 * i + 1]);
            if (m_tree[i] == least)
                break; // nothing above changes either
            m_tree[i] = least;
        }
    }
    /// The first row ≥ `from` whose last span ends by `start` (one walk up, one down).
    size_t firstFree(size_t from, qint64 start) const
    {
        size_t i = from + m_size;
        if (m_tree[i] <= start)
            return from;
        // Up until a right sibling holds a free row, then down to its leftmost free row.
        for (;;) {
            if (i % 2 == 0 && m_tree[i + 1] <= start) {
                ++i;
                break;
            }
            i /= 2;
            if (i <= 1)
                return npos; // cannot happen: there are as many rows as spans
        }
        while (i < m_size) {
            i *= 2;
            if (m_tree[i] > start)
                ++i;
        }
        return i - m_size;
    }

private:
    static constexpr size_t npos = std::numeric_limits<size_t>::max();
    size_t m_size = 1;
    std::vector<qint64> m_tree;
};

} // namespace

std::shared_ptr<const FlameGraphLayout>
FlameGraphLayout::build(TraceLayoutPtr layoutPtr, qint32 rootPosition,
                        std::shared_ptr<const std::vector<qint64>> selfUs)
{
    auto flame = std::make_shared<FlameGraphLayout>();
    flame->layout = layoutPtr;
    flame->rootPosition = rootPosition;
    if (!layoutPtr)
        return flame;
    const TraceLayout &layout = *layoutPtr;
    const Trace &trace = *layout.trace;
    flame->selfUs = selfUs ? std::move(selfUs)
                           : std::make_shared<const std::vector<qint64>>(selfTimes(layout));
    const bool whole = rootPosition < 0 || rootPosition >= layout.spanCount();
    flame->firstPosition = whole ? 0 : rootPosition;
    flame->endPosition = whole ? layout.spanCount() : layout.subtreeEnd[size_t(rootPosition)];
    const qint32 first = flame->firstPosition;
    const size_t n = size_t(flame->endPosition - first);
    if (n == 0)
        return flame;
    auto spanAt = [&](qint32 position) -> const Span & {
        return trace.spans[size_t(layout.order[size_t(position)])];
    };

    // The order of placing: by start, a child never before its parent (a child that starts
    // earlier, by clock skew, takes its parent's start), then by depth.
    std::vector<qint64> placeAt(n);
    std::vector<qint32> parentOf(n, -1); // position − first, -1 for the top
    flame->fromUs = spanAt(first).startUs;
    flame->toUs = spanAt(first).endUs();
    for (size_t i = 0; i < n; ++i) {
        const qint32 position = first + qint32(i);
        const Span &span = spanAt(position);
        flame->fromUs = std::min(flame->fromUs, span.startUs);
        flame->toUs = std::max(flame->toUs, span.endUs());
        placeAt[i] = span.startUs;
        if (span.parent >= 0) {
            const qint32 parent = layout.positionOf[size_t(span.parent)];
            if (parent >= first && parent < flame->endPosition && position != first) {
                parentOf[i] = parent - first;
                placeAt[i] = std::max(placeAt[i], placeAt[size_t(parentOf[i])]);
            }
        }
    }
    // Sorted as (time, position) pairs: a parent comes before its children on a tie.
    std::vector<std::pair<qint64, qint32>> keyed(n);
    for (size_t i = 0; i < n; ++i)
        keyed[i] = {placeAt[i], qint32(i)};
    std::sort(keyed.begin(), keyed.end());
    std::vector<qint32> byStart(n);
    for (size_t i = 0; i < n; ++i)
        byStart[i] = keyed[i].second;

    flame->rows.assign(n, 0);
    RowEnds ends(n);
    std::vector<qint32> rowSizes;
    for (qint32 i : byStart) {
        const Span &span = spanAt(first + i);
        const qint32 parent = parentOf[size_t(i)];
        const size_t below = parent >= 0 ? size_t(flame->rows[size_t(parent)]) + 1 : 0;
        const size_t row = ends.firstFree(below, span.startUs);
        flame->rows[size_t(i)] = qint32(row);
        ends.set(row, span.endUs());
        if (row >= rowSizes.size())
            rowSizes.resize(row + 1, 0);
        ++rowSizes[row];
    }
    flame->rowCount = int(rowSizes.size());
    flame->rowFirst.assign(rowSizes.size() + 1, 0);
    for (size_t r = 0; r < rowSizes.size(); ++r)
        flame->rowFirst[r + 1] = flame->rowFirst[r] + rowSizes[r];
    // Placed by start, so each row fills in start order.
    flame->rowSpans.resize(n);
    std::vector<qint32> fill(flame->rowFirst.begin(), flame->rowFirst.end() - 1);
    for (qint32 i : byStart)
        flame->rowSpans[size_t(fill[size_t(flame->rows[size_t(i)])]++)] = first + i;
    return flame;
}

} // namespace Stackscope
