// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/trace.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

StringPool::StringPool()
{
    m_strings.emplace_back();
    m_index.emplace(std::string(), 0);
}

quint32 StringPool::intern(std::string_view utf8)
{
    if (auto it = m_index.find(utf8); it != m_index.end())
        return it->second;
    const auto id = quint32(m_strings.size());
    m_strings.push_back(QString::fromUtf8(utf8.data(), qsizetype(utf8.size())));
    m_index.emplace(std::string(utf8), id);
    return id;
}

quint32 StringPool::intern(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return intern(std::string_view(utf8.constData(), size_t(utf8.size())));
}

std::vector<bool> StringPool::matching(const QString &needle) const
{
    std::vector<bool> result(m_strings.size(), false);
    if (needle.isEmpty())
        return result;
    for (size_t i = 0; i < m_strings.size(); ++i)
        result[i] = m_strings[i].contains(needle, Qt::CaseInsensitive);
    return result;
}

IdText Trace::addId(std::string_view text)
{
    IdText id;
    id.offset = quint32(ids.size());
    id.length = quint16(std::min<size_t>(text.size(), std::numeric_limits<quint16>::max()));
    ids.append(text.substr(0, id.length));
    return id;
}

QString Trace::idText(IdText id) const
{
    return QString::fromLatin1(ids.data() + id.offset, id.length);
}

QVariant Trace::tagValue(const SpanTag &tag) const
{
    if (tag.textual)
        return strings.at(tag.text);
    switch (tag.type) {
    case SpanTag::Type::Bool:
        return tag.boolean;
    case SpanTag::Type::Int64:
        return tag.integer;
    case SpanTag::Type::Float64:
        return tag.real;
    case SpanTag::Type::String:
    case SpanTag::Type::Binary:
        break;
    }
    return strings.at(tag.text);
}

QString Trace::tagText(const SpanTag &tag) const
{
    if (tag.textual)
        return strings.at(tag.text);
    switch (tag.type) {
    case SpanTag::Type::Bool:
        return tag.boolean ? u"true"_s : u"false"_s;
    case SpanTag::Type::Int64:
        return QString::number(tag.integer);
    case SpanTag::Type::Float64:
        return QString::number(tag.real, 'g', 17);
    case SpanTag::Type::String:
    case SpanTag::Type::Binary:
        break;
    }
    return strings.at(tag.text);
}

QString Trace::typeName(SpanTag::Type type)
{
    switch (type) {
    case SpanTag::Type::String:
        return u"string"_s;
    case SpanTag::Type::Bool:
        return u"bool"_s;
    case SpanTag::Type::Int64:
        return u"int64"_s;
    case SpanTag::Type::Float64:
        return u"float64"_s;
    case SpanTag::Type::Binary:
        break;
    }
    return u"binary"_s;
}

void Trace::finish()
{
    struct Hash
    {
        size_t operator()(std::string_view text) const noexcept
        {
            return std::hash<std::string_view>{}(text);
        }
    };
    std::unordered_map<std::string_view, qint32, Hash> byId;
    byId.reserve(spans.size());
    int duplicates = 0;
    for (size_t i = 0; i < spans.size(); ++i) {
        Span &span = spans[i];
        if (!byId.emplace(idView(span.spanId), qint32(i)).second) {
            span.flags |= Span::DuplicateId;
            ++duplicates;
        }
    }
    int missing = 0;
    startUs = spans.empty() ? 0 : std::numeric_limits<qint64>::max();
    endUs = spans.empty() ? 0 : std::numeric_limits<qint64>::min();
    for (size_t i = 0; i < spans.size(); ++i) {
        Span &span = spans[i];
        startUs = std::min(startUs, span.startUs);
        endUs = std::max(endUs, span.endUs());
        span.parent = -1;
        if (span.parentId.length == 0)
            continue;
        const auto it = byId.find(idView(span.parentId));
        if (it == byId.end() || it->second == qint32(i)) {
            span.flags |= Span::ParentMissing;
            ++missing;
            continue;
        }
        span.parent = it->second;
    }
    // Cycles (a → b → a) would hide spans from every root: break them where found.
    std::vector<quint8> state(spans.size(), 0); // 0 unknown, 1 on the current walk, 2 done
    std::vector<qint32> walk;
    for (size_t i = 0; i < spans.size(); ++i) {
        qint32 at = qint32(i);
        walk.clear();
        while (at >= 0 && state[size_t(at)] == 0) {
            state[size_t(at)] = 1;
            walk.push_back(at);
            at = spans[size_t(at)].parent;
        }
        if (at >= 0 && state[size_t(at)] == 1) {
            spans[size_t(at)].parent = -1;
            spans[size_t(at)].flags |= Span::ParentMissing;
        }
        for (qint32 s : walk)
            state[size_t(s)] = 2;
    }
    for (Span &span : spans) {
        if (span.parent >= 0 && span.startUs < spans[size_t(span.parent)].startUs)
            span.flags |= Span::ClockSkew;
        for (quint32 w = 0; w < span.warningCount; ++w) {
            if (spanWarnings[span.firstWarning + w].contains("clock skew"_L1, Qt::CaseInsensitive))
                span.flags |= Span::ClockSkew;
        }
    }
    if (duplicates > 0)
        warnings.append(QCoreApplication::translate(
            "Stackscope::Trace", "%n span(s) repeat an earlier span ID", nullptr, int(duplicates)));
    if (missing > 0)
        warnings.append(QCoreApplication::translate(
            "Stackscope::Trace",
            "%n span(s) name a parent that is not in the trace; shown as roots", nullptr,
            int(missing)));
}

TraceSummary TraceSummary::of(const TracePtr &trace)
{
    TraceSummary summary;
    summary.trace = trace;
    summary.traceId = trace->traceId;
    summary.spanCount = int(trace->spans.size());
    summary.startUs = trace->startUs;
    summary.durationUs = trace->durationUs();
    int root = -1;
    std::vector<bool> seen(size_t(trace->strings.size()), false);
    for (size_t i = 0; i < trace->spans.size(); ++i) {
        const Span &span = trace->spans[i];
        if (span.has(Span::Error))
            ++summary.errorCount;
        if (!seen[span.service]) {
            seen[span.service] = true;
            ++summary.serviceCount;
        }
        if (span.parent < 0
            && (root < 0 || span.startUs < trace->spans[size_t(root)].startUs
                || (span.startUs == trace->spans[size_t(root)].startUs
                    && span.durationUs > trace->spans[size_t(root)].durationUs)))
            root = int(i);
    }
    if (root >= 0) {
        summary.rootService = trace->service(root);
        summary.rootOperation = trace->operation(root);
    }
    return summary;
}

} // namespace Stackscope
