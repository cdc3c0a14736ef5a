// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/criticalpath.h"
#include "models/traces/trace.h"

#include <QColor>
#include <QImage>

#include <memory>
#include <vector>

namespace Stackscope {

/// Everything the timeline needs that costs more than the visible rows: the span tree in
/// depth-first order (children by start time), depths, the critical path, the service colours
/// and a minimap image of the whole trace. Built once per trace off the GUI thread, then
/// read-only.
class TraceLayout
{
public:
    static std::shared_ptr<const TraceLayout> build(TracePtr trace, int minimapWidth = 1024,
                                                    int minimapHeight = 64);

    TracePtr trace;
    std::vector<qint32> order;        ///< depth-first position → span index
    std::vector<qint32> positionOf;   ///< span index → depth-first position
    std::vector<qint32> subtreeEnd;   ///< by position: one past the last descendant's position
    std::vector<quint16> depth;       ///< by span index
    std::vector<quint8> critical;     ///< by span index: 1 when some of it is on the path
    CriticalPath criticalPath;        ///< the path's segments
    std::vector<qint32> roots;        ///< span indexes, by start time
    std::vector<qint32> serviceIndex; ///< by StringPool id: colour slot, -1 unused
    std::vector<quint32> services;    ///< StringPool ids of the services, by first appearance
    int maxDepth = 0;
    int errorCount = 0;
    QImage minimap;

    int spanCount() const { return int(order.size()); }
    bool hasChildren(int position) const { return subtreeEnd[size_t(position)] > position + 1; }
    QColor serviceColor(quint32 serviceId) const;
    static QColor colorForSlot(int slot);
    /// The trace's name as Jaeger shows it: "<root service>: <root operation>".
    QString name() const;
};

using TraceLayoutPtr = std::shared_ptr<const TraceLayout>;

/// The rows on screen: the depth-first order without the descendants of collapsed spans.
/// Recomputed on the GUI thread after a collapse or an expand, in one linear pass.
std::vector<qint32> visiblePositions(const TraceLayout &layout,
                                     const std::vector<quint8> &collapsedByPosition);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TraceLayoutPtr)
