// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/spanstatistics.h"
#include "models/traces/selftime.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// A tag value as a group key: strings by their pool id, other values by their bits.
struct ValueKey
{
    quint8 type;
    quint64 bits;
    bool operator==(const ValueKey &other) const = default;
};

struct ValueKeyHash
{
    size_t operator()(const ValueKey &key) const noexcept
    {
        return std::hash<quint64>{}(key.bits * 31 + key.type);
    }
};

ValueKey valueKey(const SpanTag &tag)
{
    if (tag.type == SpanTag::Type::String || tag.type == SpanTag::Type::Binary || tag.textual)
        return {0, tag.text};
    switch (tag.type) {
    case SpanTag::Type::Bool:
        return {1, tag.boolean ? 1u : 0u};
    case SpanTag::Type::Int64:
        return {2, quint64(tag.integer)};
    case SpanTag::Type::Float64: {
        quint64 bits;
        std::memcpy(&bits, &tag.real, sizeof bits);
        return {3, bits};
    }
    default:
        return {0, tag.text};
    }
}

/// The pool id of a string without adding it (the trace is shared read-only); 0 when absent.
quint32 findString(const StringPool &pool, const QString &text)
{
    for (qsizetype id = 1; id < pool.size(); ++id) {
        if (pool.at(quint32(id)) == text)
            return quint32(id);
    }
    return 0;
}

const SpanTag *findTag(const Trace &trace, const Span &span, quint32 key)
{
    for (quint32 t = 0; t < span.tagCount; ++t) {
        const SpanTag &tag = trace.tags[span.firstTag + t];
        if (tag.key == key)
            return &tag;
    }
    if (span.process < trace.processes.size()) {
        const TraceProcess &process = trace.processes[span.process];
        for (quint32 t = 0; t < process.tagCount; ++t) {
            const SpanTag &tag = trace.tags[process.firstTag + t];
            if (tag.key == key)
                return &tag;
        }
    }
    return nullptr;
}

} // namespace

SpanStatistics SpanStatistics::compute(const TraceLayout &layout, GroupBy groupBy,
                                       const QString &tagKey, std::vector<qint64> selfUs)
{
    SpanStatistics stats;
    stats.groupBy = groupBy;
    stats.tagKey = tagKey;
    const Trace &trace = *layout.trace;
    const qint32 n = layout.spanCount();
    stats.spanCount = n;
    if (selfUs.size() != trace.spans.size())
        selfUs = selfTimes(layout);

    // Each span's group, in one pass; groups numbered by first appearance.
    std::vector<qint32> groupOf(size_t(n), -1);
    std::vector<qint32> byString(size_t(trace.strings.size()), -1); // Service, Operation
    std::unordered_map<quint64, qint32> byPair;                     // ServiceOperation
    std::unordered_map<ValueKey, qint32, ValueKeyHash> byValue;     // Tag
    qint32 withoutTag = -1;
    const quint32 key = groupBy == GroupBy::Tag ? findString(trace.strings, tagKey) : 0;
    auto newGroup = [&stats]() {
        stats.groups.emplace_back();
        return qint32(stats.groups.size() - 1);
    };
    for (qint32 p = 0; p < n; ++p) {
        const qint32 index = layout.order[size_t(p)];
        const Span &span = trace.spans[size_t(index)];
        qint32 group = -1;
        switch (groupBy) {
        case GroupBy::Service:
        case GroupBy::Operation: {
            const quint32 id = groupBy == GroupBy::Service ? span.service : span.operation;
            qint32 &slot = byString[id];
            if (slot < 0) {
                slot = newGroup();
                stats.groups.back().name = trace.strings.at(id);
            }
            group = slot;
            break;
        }
        case GroupBy::ServiceOperation: {
            const quint64 pair = (quint64(span.service) << 32) | span.operation;
            auto [it, added] = byPair.try_emplace(pair, -1);
            if (added) {
                it->second = newGroup();
                Group &g = stats.groups.back();
                g.service = trace.strings.at(span.service);
                g.name = g.service + u": "_s + trace.strings.at(span.operation);
            }
            group = it->second;
            break;
        }
        case GroupBy::Tag: {
            const SpanTag *tag = key ? findTag(trace, span, key) : nullptr;
            if (!tag) {
                if (withoutTag < 0) {
                    withoutTag = newGroup();
                    stats.groups.back().withoutTag = true;
                    stats.groups.back().name
                        = QCoreApplication::translate("Stackscope::SpanStatistics", "without %1")
                              .arg(tagKey);
                }
                group = withoutTag;
                break;
            }
            auto [it, added] = byValue.try_emplace(valueKey(*tag), -1);
            if (added) {
                it->second = newGroup();
                stats.groups.back().name = trace.tagText(*tag);
            }
            group = it->second;
            break;
        }
        }
        groupOf[size_t(p)] = group;
        Group &g = stats.groups[size_t(group)];
        ++g.count;
        g.totalUs += span.durationUs;
        g.selfUs += selfUs[size_t(index)];
        g.maxUs = std::max(g.maxUs, span.durationUs);
        if (span.has(Span::Error))
            ++g.errors;
    }
    for (Group &g : stats.groups)
        g.spans.reserve(size_t(g.count));
    for (qint32 p = 0; p < n; ++p)
        stats.groups[size_t(groupOf[size_t(p)])].spans.push_back(layout.order[size_t(p)]);

    std::vector<qint64> durations;
    for (Group &g : stats.groups) {
        durations.clear();
        for (qint32 s : g.spans)
            durations.push_back(trace.spans[size_t(s)].durationUs);
        const size_t rank = size_t(std::ceil(0.95 * double(durations.size())));
        const size_t at = std::clamp<size_t>(rank, 1, durations.size()) - 1;
        std::nth_element(durations.begin(), durations.begin() + qptrdiff(at), durations.end());
        g.p95Us = durations[at];
    }
    return stats;
}

QStringList SpanStatistics::tagKeys(const Trace &trace)
{
    std::vector<quint8> seen(size_t(trace.strings.size()), 0);
    for (const Span &span : trace.spans) {
        for (quint32 t = 0; t < span.tagCount; ++t)
            seen[trace.tags[span.firstTag + t].key] = 1;
    }
    for (const TraceProcess &process : trace.processes) {
        for (quint32 t = 0; t < process.tagCount; ++t)
            seen[trace.tags[process.firstTag + t].key] = 1;
    }
    QStringList keys;
    for (size_t id = 1; id < seen.size(); ++id) {
        if (seen[id])
            keys.append(trace.strings.at(quint32(id)));
    }
    keys.sort(Qt::CaseInsensitive);
    return keys;
}

} // namespace Stackscope
