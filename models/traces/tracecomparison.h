// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/trace.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace Stackscope {

/// Two traces of (usually) the same request merged into one tree, for comparing latency.
/// A span's place is its path of "service: operation" from its root; all spans of a trace that
/// share a path form one node, so a node counts its spans and sums their durations in A and in
/// B. Within a node the spans of each side are kept in order of start time, and the i-th of A
/// is paired with the i-th of B (the same call made again). Built off the GUI thread with
/// build(), then read-only and shared (TraceComparisonPtr).
class TraceComparison
{
public:
    enum class Side { A, B };

    struct Node
    {
        QString service;
        QString operation;
        qint32 parent = -1;           ///< node index, -1 at the top
        std::vector<qint32> children; ///< node indexes, by first start (A, then B)
        std::vector<qint32> spansA;   ///< span indexes into a->spans, by start time
        std::vector<qint32> spansB;   ///< span indexes into b->spans, by start time
        qint64 durationA = 0;         ///< the sum of the durations of spansA, µs
        qint64 durationB = 0;         ///< the sum of the durations of spansB, µs
        int depth = 0;

        int countA() const { return int(spansA.size()); }
        int countB() const { return int(spansB.size()); }
        bool onlyInA() const { return spansB.empty(); }
        bool onlyInB() const { return spansA.empty(); }
        /// B minus A, µs: positive is slower in B (a regression).
        qint64 deltaUs() const { return durationB - durationA; }
        /// deltaUs() as a percentage of A; NaN when A has no time and B has (a node only in B,
        /// or spans of zero duration in A), 0 when neither has.
        double deltaPercent() const;
        /// "service: operation".
        QString name() const;
        const std::vector<qint32> &spans(Side side) const
        {
            return side == Side::A ? spansA : spansB;
        }
    };

    TracePtr a;
    TracePtr b;
    std::vector<Node> nodes;  ///< parents before their children
    std::vector<qint32> tops; ///< the nodes of root spans, by first start
    int onlyInACount = 0;     ///< nodes only in A
    int onlyInBCount = 0;     ///< nodes only in B

    /// Merges two traces; either may be null (then every node is only in the other).
    static std::shared_ptr<const TraceComparison> build(TracePtr a, TracePtr b);

    const TracePtr &trace(Side side) const { return side == Side::A ? a : b; }
    /// The node of a span of one side, -1 for an index out of range.
    qint32 nodeOfSpan(Side side, qint32 span) const;
    /// The i-th span of a node on one side (in order of start time), or its last one when that
    /// side has fewer, or -1 when it has none: the span a node opens in that trace.
    qint32 pairedSpan(qint32 node, Side side, int i = 0) const;
    /// The whole traces' durations (first start to last end), µs; 0 for a missing side.
    qint64 traceDurationUs(Side side) const;
    int spanCount(Side side) const;

private:
    std::vector<qint32> m_nodeOfSpanA;
    std::vector<qint32> m_nodeOfSpanB;
};

using TraceComparisonPtr = std::shared_ptr<const TraceComparison>;

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TraceComparisonPtr)
