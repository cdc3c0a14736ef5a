// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/tracecomparison.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace Stackscope {

double TraceComparison::Node::deltaPercent() const
{
    if (durationA <= 0)
        return durationB == 0 ? 0.0 : std::numeric_limits<double>::quiet_NaN();
    return double(deltaUs()) * 100.0 / double(durationA);
}

QString TraceComparison::Node::name() const
{
    return service + u": "_s + operation;
}

namespace {

/// Gives every distinct (service, operation) of both traces one id, and every path one node.
class Merger
{
public:
    explicit Merger(TraceComparison &out)
        : m_out(out)
    {}

    /// Places every span of `trace` on its node; returns span index → node.
    std::vector<qint32> add(const Trace &trace, TraceComparison::Side side)
    {
        const size_t n = trace.spans.size();
        std::vector<qint32> nodeOf(n, -1);
        std::unordered_map<quint64, quint32> labelOfIds; // this trace's string ids → label
        std::vector<qint32> walk;
        for (size_t i = 0; i < n; ++i) {
            if (nodeOf[i] >= 0)
                continue;
            // Up to the first placed ancestor (or a root), then down, placing each.
            walk.clear();
            qint32 at = qint32(i);
            while (at >= 0 && nodeOf[size_t(at)] < 0) {
                walk.push_back(at);
                at = trace.spans[size_t(at)].parent;
            }
            qint32 parentNode = at >= 0 ? nodeOf[size_t(at)] : -1;
            for (auto it = walk.rbegin(); it != walk.rend(); ++it) {
                const Span &span = trace.spans[size_t(*it)];
                const quint64 ids = (quint64(span.service) << 32) | span.operation;
                auto label = labelOfIds.find(ids);
                if (label == labelOfIds.end())
                    label = labelOfIds
                                .emplace(ids, labelOf(trace.strings.at(span.service),
                                                      trace.strings.at(span.operation)))
                                .first;
                parentNode = nodeFor(parentNode, label->second);
                nodeOf[size_t(*it)] = parentNode;
            }
        }
        for (size_t i = 0; i < n; ++i) {
            TraceComparison::Node &node = m_out.nodes[size_t(nodeOf[i])];
            (side == TraceComparison::Side::A ? node.spansA : node.spansB).push_back(qint32(i));
        }
        return nodeOf;
    }

private:
    quint32 labelOf(const QString &service, const QString &operation)
    {
        const QString key = service + QChar(0x1f) + operation;
        auto it = m_labels.constFind(key);
        if (it != m_labels.constEnd())
            return *it;
        const quint32 label = quint32(m_names.size());
        m_labels.insert(key, label);
        m_names.push_back({service, operation});
        return label;
    }

    qint32 nodeFor(qint32 parent, quint32 label)
    {
        const quint64 key = (quint64(quint32(parent + 1)) << 32) | label;
        auto it = m_nodes.find(key);
        if (it != m_nodes.end())
            return it->second;
        const qint32 index = qint32(m_out.nodes.size());
        TraceComparison::Node node;
        node.service = m_names[label].first;
        node.operation = m_names[label].second;
        node.parent = parent;
        node.depth = parent >= 0 ? m_out.nodes[size_t(parent)].depth + 1 : 0;
        m_out.nodes.push_back(std::move(node));
        m_nodes.emplace(key, index);
        return index;
    }

    TraceComparison &m_out;
    QHash<QString, quint32> m_labels;
    std::vector<std::pair<QString, QString>> m_names;
    std::unordered_map<quint64, qint32> m_nodes;
};

void sortAndSum(const Trace &trace, std::vector<qint32> &spans, qint64 &total)
{
    std::sort(spans.begin(), spans.end(), [&trace](qint32 l, qint32 r) {
        const qint64 ls = trace.spans[size_t(l)].startUs, rs = trace.spans[size_t(r)].startUs;
        return ls != rs ? ls < rs : l < r;
    });
    total = 0;
    for (qint32 s : spans)
        total += trace.spans[size_t(s)].durationUs;
}

} // namespace

std::shared_ptr<const TraceComparison> TraceComparison::build(TracePtr a, TracePtr b)
{
    auto out = std::make_shared<TraceComparison>();
    out->a = std::move(a);
    out->b = std::move(b);
    out->nodes.reserve(
        std::max(out->a ? out->a->spans.size() : 0, out->b ? out->b->spans.size() : 0));
    Merger merger(*out);
    if (out->a)
        out->m_nodeOfSpanA = merger.add(*out->a, Side::A);
    if (out->b)
        out->m_nodeOfSpanB = merger.add(*out->b, Side::B);

    // A node's place among its siblings: when its first span starts, from its trace's start
    // (A's where it has spans in A).
    std::vector<qint64> firstOffset(out->nodes.size(), 0);
    for (size_t i = 0; i < out->nodes.size(); ++i) {
        Node &node = out->nodes[i];
        if (out->a)
            sortAndSum(*out->a, node.spansA, node.durationA);
        if (out->b)
            sortAndSum(*out->b, node.spansB, node.durationB);
        if (!node.spansA.empty())
            firstOffset[i] = out->a->spans[size_t(node.spansA.front())].startUs - out->a->startUs;
        else if (!node.spansB.empty())
            firstOffset[i] = out->b->spans[size_t(node.spansB.front())].startUs - out->b->startUs;
        if (node.onlyInA())
            ++out->onlyInACount;
        else if (node.onlyInB())
            ++out->onlyInBCount;
        if (node.parent >= 0)
            out->nodes[size_t(node.parent)].children.push_back(qint32(i));
        else
            out->tops.push_back(qint32(i));
    }
    const auto byFirstStart = [&firstOffset](qint32 l, qint32 r) {
        return firstOffset[size_t(l)] != firstOffset[size_t(r)]
                   ? firstOffset[size_t(l)] < firstOffset[size_t(r)]
                   : l < r;
    };
    for (Node &node : out->nodes)
        std::sort(node.children.begin(), node.children.end(), byFirstStart);
    std::sort(out->tops.begin(), out->tops.end(), byFirstStart);
    return out;
}

qint32 TraceComparison::nodeOfSpan(Side side, qint32 span) const
{
    const std::vector<qint32> &nodeOf = side == Side::A ? m_nodeOfSpanA : m_nodeOfSpanB;
    if (span < 0 || size_t(span) >= nodeOf.size())
        return -1;
    return nodeOf[size_t(span)];
}

qint32 TraceComparison::pairedSpan(qint32 node, Side side, int i) const
{
    if (node < 0 || size_t(node) >= nodes.size())
        return -1;
    const std::vector<qint32> &spans = nodes[size_t(node)].spans(side);
    if (spans.empty())
        return -1;
    return spans[size_t(std::clamp(i, 0, int(spans.size()) - 1))];
}

qint64 TraceComparison::traceDurationUs(Side side) const
{
    const TracePtr &t = trace(side);
    return t ? t->durationUs() : 0;
}

int TraceComparison::spanCount(Side side) const
{
    const TracePtr &t = trace(side);
    return t ? int(t->spans.size()) : 0;
}

} // namespace Stackscope
