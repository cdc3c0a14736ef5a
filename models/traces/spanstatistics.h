// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <vector>

namespace Stackscope {

/// The spans of a trace grouped by service, operation, both, or the value of one tag (span tags
/// first, then the process' tags), with count, total and self time, average, p95, maximum and
/// errors per group. Computed off the GUI thread in a few linear passes (250,000 spans in tens of
/// milliseconds), then read-only.
struct SpanStatistics
{
    enum class GroupBy { Service, Operation, ServiceOperation, Tag };

    struct Group
    {
        QString name;    ///< the service, the operation, "service: operation" or the tag's value
        QString service; ///< ServiceOperation: the service, else empty
        bool withoutTag = false; ///< Tag: the spans that do not have the tag
        int count = 0;
        qint64 totalUs = 0;
        qint64 selfUs = 0;
        qint64 p95Us = 0; ///< nearest rank: the ceil(0.95 × count)-th smallest duration
        qint64 maxUs = 0;
        int errors = 0;
        std::vector<qint32> spans; ///< span indexes, in depth-first order

        double averageUs() const { return count ? double(totalUs) / count : 0.0; }
    };

    GroupBy groupBy = GroupBy::Operation;
    QString tagKey;
    std::vector<Group> groups; ///< by first appearance in depth-first order
    int spanCount = 0;

    /// Groups every span of `layout`. `selfUs` is selfTimes(layout) (computed when empty).
    static SpanStatistics compute(const TraceLayout &layout, GroupBy groupBy,
                                  const QString &tagKey = {}, std::vector<qint64> selfUs = {});
    /// The tag keys of the trace's spans and processes, sorted.
    static QStringList tagKeys(const Trace &trace);
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::SpanStatistics)
