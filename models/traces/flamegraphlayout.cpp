// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/flamegraphlayout.h"
#include "models/traces/selftime.h"

#include <algorithm>

namespace Stackscope {

namespace {

/// A block already placed among its siblings: rows [top, top + height), time up to end.
struct Placed
{
    qint32 top;
    qint32 height;
    qint64 end;
};

/// Stacks sibling blocks (positions, any order) as low as they fit: each at the first offset
/// where no earlier block that overlaps it in time is in the way. Writes the offsets and returns
/// the rows they take together.
qint32 packBlocks(std::vector<qint32> &blocks, const std::vector<qint64> &boxStart,
                  const std::vector<qint64> &boxEnd, const std::vector<qint32> &height,
                  std::vector<qint32> &offset, std::vector<Placed> &active)
{
    std::sort(blocks.begin(), blocks.end(), [&](qint32 a, qint32 b) {
        return boxStart[size_t(a)] != boxStart[size_t(b)]
                   ? boxStart[size_t(a)] < boxStart[size_t(b)]
                   : a < b;
    });
    active.clear(); // by top
    qint32 rows = 0;
    for (qint32 block : blocks) {
        const qint64 start = boxStart[size_t(block)];
        const qint32 h = height[size_t(block)];
        // Blocks that ended before this one starts are out of the way of every later one.
        active.erase(std::remove_if(active.begin(), active.end(),
                                    [start](const Placed &p) { return p.end <= start; }),
                     active.end());
        qint32 top = 0;
        size_t at = 0;
        for (; at < active.size(); ++at) {
            if (active[at].top >= top + h)
                break;
            top = std::max(top, active[at].top + active[at].height);
        }
        active.insert(active.begin() + qptrdiff(at), Placed{top, h, boxEnd[size_t(block)]});
        offset[size_t(block)] = top;
        rows = std::max(rows, top + h);
    }
    return rows;
}

} // namespace

std::shared_ptr<const FlameGraphLayout> FlameGraphLayout::build(TraceLayoutPtr layoutPtr)
{
    auto flame = std::make_shared<FlameGraphLayout>();
    flame->layout = layoutPtr;
    if (!layoutPtr)
        return flame;
    const TraceLayout &layout = *layoutPtr;
    const Trace &trace = *layout.trace;
    const qint32 n = layout.spanCount();
    flame->selfUs = selfTimes(layout);
    flame->row.assign(size_t(n), 0);
    flame->height.assign(size_t(n), 1);
    flame->boxStart.resize(size_t(n));
    flame->boxEnd.resize(size_t(n));
    std::vector<qint32> offset(size_t(n), 0);
    std::vector<qint32> kids;
    std::vector<Placed> active;

    // Up the tree (children come after their parent in depth-first order): each span's block
    // from its children's blocks.
    for (qint32 p = n - 1; p >= 0; --p) {
        const Span &span = trace.spans[size_t(layout.order[size_t(p)])];
        qint64 start = span.startUs;
        qint64 end = span.endUs();
        kids.clear();
        for (qint32 c = p + 1; c < layout.subtreeEnd[size_t(p)]; c = layout.subtreeEnd[size_t(c)]) {
            kids.push_back(c);
            start = std::min(start, flame->boxStart[size_t(c)]);
            end = std::max(end, flame->boxEnd[size_t(c)]);
        }
        flame->boxStart[size_t(p)] = start;
        flame->boxEnd[size_t(p)] = end;
        if (!kids.empty())
            flame->height[size_t(p)]
                = 1
                  + packBlocks(kids, flame->boxStart, flame->boxEnd, flame->height, offset, active);
    }
    // The roots (orphans among them) side by side the same way.
    kids.clear();
    for (qint32 root : layout.roots)
        kids.push_back(layout.positionOf[size_t(root)]);
    flame->rowCount
        = packBlocks(kids, flame->boxStart, flame->boxEnd, flame->height, offset, active);

    // Down the tree: rows.
    std::vector<qint32> rowCounts(size_t(flame->rowCount) + 1, 0);
    for (qint32 p = 0; p < n; ++p) {
        const qint32 parent = trace.spans[size_t(layout.order[size_t(p)])].parent;
        const qint32 base
            = parent >= 0 ? flame->row[size_t(layout.positionOf[size_t(parent)])] + 1 : 0;
        flame->row[size_t(p)] = base + offset[size_t(p)];
        ++rowCounts[size_t(flame->row[size_t(p)]) + 1];
    }
    // The spans of each row, by start time.
    for (size_t r = 1; r < rowCounts.size(); ++r)
        rowCounts[r] += rowCounts[r - 1];
    flame->rowFirst = rowCounts;
    flame->rowSpans.resize(size_t(n));
    std::vector<qint32> fill(rowCounts.begin(), rowCounts.end() - 1);
    for (qint32 p = 0; p < n; ++p)
        flame->rowSpans[size_t(fill[size_t(flame->row[size_t(p)])]++)] = p;
    for (int r = 0; r < flame->rowCount; ++r) {
        std::sort(flame->rowSpans.begin() + flame->rowFirst[size_t(r)],
                  flame->rowSpans.begin() + flame->rowFirst[size_t(r) + 1],
                  [&](qint32 a, qint32 b) {
                      const Span &x = trace.spans[size_t(layout.order[size_t(a)])];
                      const Span &y = trace.spans[size_t(layout.order[size_t(b)])];
                      return x.startUs != y.startUs ? x.startUs < y.startUs : a < b;
                  });
    }
    return flame;
}

} // namespace Stackscope
