// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/timelinerows.h"

#include <algorithm>
#include <charconv>
#include <climits>

using namespace Qt::StringLiterals;

namespace Stackscope {

void TimelineRows::setLayout(TraceLayoutPtr layout)
{
    m_layout = std::move(layout);
    const size_t n = m_layout ? size_t(m_layout->spanCount()) : 0;
    m_collapsed.assign(n, 0);
    m_matchFlags.assign(n, 0);
    m_matches.clear();
    m_currentMatch = -1;
    m_finding = false;
    m_filter.focusSpan = -1;
    rebuild();
}

void TimelineRows::rebuild()
{
    m_context.clear();
    m_passes.clear();
    m_filteredOut = 0;
    if (!m_layout) {
        m_rows.clear();
        return;
    }
    TraceFilter filter = m_filter;
    filter.onlyMatches = filter.onlyMatches && m_finding; // no find text: nothing to keep to
    if (!filter.isActive()) {
        m_rows = visiblePositions(*m_layout, m_collapsed);
    } else {
        FilteredRows rows = filteredPositions(*m_layout, m_collapsed, filter, m_matchFlags);
        m_rows = std::move(rows.positions);
        m_context = std::move(rows.context);
        m_filteredOut = rows.hiddenCount;
        m_passes.assign(size_t(m_layout->spanCount()), 0);
        for (const qint32 p : filteredPositions(*m_layout, {}, filter, m_matchFlags).positions)
            m_passes[size_t(p)] = 1;
    }
}

bool TimelineRows::passesFilter(int span) const
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return false;
    return m_passes.empty() || m_passes[size_t(m_layout->positionOf[size_t(span)])];
}

void TimelineRows::setFilter(const TraceFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    if (!m_layout || m_filter.focusSpan >= m_layout->spanCount())
        m_filter.focusSpan = -1;
    rebuild();
}

int TimelineRows::rowOfSpan(int span) const
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return -1;
    const qint32 position = m_layout->positionOf[size_t(span)];
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), position);
    return it != m_rows.end() && *it == position ? int(it - m_rows.begin()) : -1;
}

int TimelineRows::spanAtRow(int row) const
{
    if (!m_layout || row < 0 || row >= int(m_rows.size()))
        return -1;
    return m_layout->order[size_t(m_rows[size_t(row)])];
}

bool TimelineRows::isCollapsed(int span) const
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return false;
    return m_collapsed[size_t(m_layout->positionOf[size_t(span)])];
}

bool TimelineRows::setCollapsed(int span, bool collapsed)
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return false;
    const qint32 position = m_layout->positionOf[size_t(span)];
    if (!m_layout->hasChildren(position) || bool(m_collapsed[size_t(position)]) == collapsed)
        return false;
    m_collapsed[size_t(position)] = collapsed;
    rebuild();
    return true;
}

void TimelineRows::collapseAll()
{
    if (!m_layout)
        return;
    for (qint32 p = 0; p < m_layout->spanCount(); ++p)
        m_collapsed[size_t(p)] = m_layout->hasChildren(p);
    rebuild();
}

void TimelineRows::expandAll()
{
    std::fill(m_collapsed.begin(), m_collapsed.end(), 0);
    rebuild();
}

bool TimelineRows::collapseOneLevel()
{
    if (!m_layout)
        return false;
    // The deepest depth at which a visible span shows its children.
    int deepest = -1;
    for (qint32 position : m_rows) {
        if (m_layout->hasChildren(position) && !m_collapsed[size_t(position)])
            deepest = std::max(deepest,
                               int(m_layout->depth[size_t(m_layout->order[size_t(position)])]));
    }
    if (deepest < 0)
        return false;
    for (qint32 position : m_rows) {
        if (m_layout->hasChildren(position)
            && m_layout->depth[size_t(m_layout->order[size_t(position)])] == deepest)
            m_collapsed[size_t(position)] = 1;
    }
    rebuild();
    return true;
}

bool TimelineRows::expandOneLevel()
{
    if (!m_layout)
        return false;
    int shallowest = INT_MAX;
    for (qint32 position : m_rows) {
        if (m_collapsed[size_t(position)])
            shallowest = std::min(shallowest,
                                  int(m_layout->depth[size_t(m_layout->order[size_t(position)])]));
    }
    if (shallowest == INT_MAX)
        return false;
    for (qint32 position : m_rows) {
        if (m_collapsed[size_t(position)]
            && m_layout->depth[size_t(m_layout->order[size_t(position)])] == shallowest)
            m_collapsed[size_t(position)] = 0;
    }
    rebuild();
    return true;
}

bool TimelineRows::reveal(int span)
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return false;
    bool changed = false;
    for (qint32 a = m_layout->trace->spans[size_t(span)].parent; a >= 0;
         a = m_layout->trace->spans[size_t(a)].parent) {
        auto &flag = m_collapsed[size_t(m_layout->positionOf[size_t(a)])];
        if (flag) {
            flag = 0;
            changed = true;
        }
    }
    if (changed)
        rebuild();
    return changed;
}

int TimelineRows::rootOf(int span) const
{
    if (!m_layout || span < 0 || span >= m_layout->spanCount())
        return -1;
    while (m_layout->trace->spans[size_t(span)].parent >= 0)
        span = m_layout->trace->spans[size_t(span)].parent;
    return span;
}

bool TimelineRows::isMatch(int span) const
{
    return span >= 0 && size_t(span) < m_matchFlags.size() && m_matchFlags[size_t(span)];
}

int TimelineRows::currentMatchSpan() const
{
    return m_currentMatch >= 0 ? m_matches[size_t(m_currentMatch)] : -1;
}

int TimelineRows::goToMatch(int index)
{
    if (m_matches.empty())
        return -1;
    const int count = int(m_matches.size());
    m_currentMatch = ((index % count) + count) % count;
    return m_matches[size_t(m_currentMatch)];
}

int TimelineRows::find(const QString &rawText)
{
    m_matches.clear();
    m_currentMatch = -1;
    std::fill(m_matchFlags.begin(), m_matchFlags.end(), 0);
    const QString text = rawText.trimmed();
    m_finding = m_layout && !text.isEmpty();
    if (!m_layout || text.isEmpty()) {
        if (m_filter.onlyMatches)
            rebuild();
        return 0;
    }
    const Trace &trace = *m_layout->trace;
    // "key=value" matches one tag; anything else matches names, keys, values and IDs.
    const qsizetype eq = text.indexOf(u'=');
    const QString keyNeedle = eq > 0 ? text.left(eq).trimmed() : QString();
    const QString valueNeedle = eq > 0 ? text.mid(eq + 1).trimmed() : text;
    std::vector<quint8> keyExact;
    if (eq > 0) {
        keyExact.assign(size_t(trace.strings.size()), 0);
        for (qsizetype i = 0; i < trace.strings.size(); ++i)
            keyExact[size_t(i)]
                = trace.strings.at(quint32(i)).compare(keyNeedle, Qt::CaseInsensitive) == 0;
    }
    // Bytes, not std::vector<bool>: looked up for every tag of every span.
    const std::vector<bool> matching = trace.strings.matching(valueNeedle);
    const std::vector<quint8> contains(matching.begin(), matching.end());
    // Span IDs are hex: a needle with anything else never matches one.
    QByteArray idNeedle = text.toLower().toLatin1();
    if (!std::all_of(idNeedle.begin(), idNeedle.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
        idNeedle.clear();
    // Booleans print as true/false and numbers with digits, sign, point and exponent only (or
    // inf, nan): decided once here, so that most needles never format a numeric tag (250,000
    // spans hold millions of them).
    const bool inTrue = u"true"_s.contains(valueNeedle, Qt::CaseInsensitive);
    const bool inFalse = u"false"_s.contains(valueNeedle, Qt::CaseInsensitive);
    const bool mayBeInNumber
        = std::all_of(valueNeedle.begin(), valueNeedle.end(),
                      [](QChar c) { return u"0123456789+-.e"_s.contains(c.toLower()); })
          || u"inf"_s.contains(valueNeedle, Qt::CaseInsensitive)
          || u"nan"_s.contains(valueNeedle, Qt::CaseInsensitive);
    const QByteArray numberNeedleBytes = valueNeedle.toLower().toLatin1();
    const std::string_view numberNeedle(numberNeedleBytes.constData(),
                                        size_t(numberNeedleBytes.size()));
    auto tagMatches = [&](const SpanTag &tag) {
        if (eq > 0 && !keyExact[tag.key])
            return false;
        if (eq <= 0 && contains[tag.key])
            return true;
        if (tag.textual || tag.type == SpanTag::Type::String || tag.type == SpanTag::Type::Binary)
            return bool(contains[tag.text]);
        if (tag.type == SpanTag::Type::Bool)
            return tag.boolean ? inTrue : inFalse;
        if (!mayBeInNumber)
            return false;
        if (tag.type == SpanTag::Type::Int64) { // as QString::number() prints it, unallocated
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, tag.integer).ptr;
            return std::string_view(digits, size_t(end - digits)).find(numberNeedle)
                   != std::string_view::npos;
        }
        return trace.tagText(tag).contains(valueNeedle, Qt::CaseInsensitive);
    };
    // A process's tags are the same for each of its spans: matched once.
    std::vector<quint8> processMatches(trace.processes.size(), 0);
    for (size_t p = 0; p < trace.processes.size(); ++p) {
        const TraceProcess &process = trace.processes[p];
        for (quint32 t = 0; !processMatches[p] && t < process.tagCount; ++t)
            processMatches[p] = tagMatches(trace.tags[process.firstTag + t]);
    }
    // Spans in storage order, where their tags follow each other in memory (in display order
    // the reads jump about and wait for memory); then the matches in display order.
    std::vector<quint8> hits(trace.spans.size(), 0);
    for (size_t span = 0; span < trace.spans.size(); ++span) {
        const Span &s = trace.spans[span];
        bool match = false;
        if (eq <= 0) {
            match = contains[s.operation] || contains[s.service];
            if (!match) {
                const std::string_view id = trace.idView(s.spanId);
                match = !idNeedle.isEmpty() && id.size() >= size_t(idNeedle.size())
                        && std::equal(
                            idNeedle.begin(), idNeedle.end(), id.begin(), [](char a, char b) {
                                return a == (b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : b);
                            });
            }
        }
        for (quint32 t = 0; !match && t < s.tagCount; ++t)
            match = tagMatches(trace.tags[s.firstTag + t]);
        hits[span] = match || processMatches[s.process];
    }
    for (qint32 span : m_layout->order) {
        if (hits[size_t(span)]) {
            m_matchFlags[size_t(span)] = 1;
            m_matches.push_back(span);
        }
    }
    if (!m_matches.empty())
        m_currentMatch = 0;
    if (m_filter.onlyMatches)
        rebuild();
    return int(m_matches.size());
}

} // namespace Stackscope
