// SPDX-License-Identifier: GPL-3.0-or-later
// Jaeger query API JSON (v1 trace objects and the `data` envelope), Jaeger v2's /api/v3 OTLP
// JSON, newline-delimited OTLP JSON (the Collector's file exporter) and Zipkin v2 JSON:
// parseTraces, then what the traces page does with each trace (summary, names and tag values
// made visible and elided, the layout with its depth-first order and critical path, the filters
// of huge traces, "Save as JSON" and reading it back). The critical path's segments must tile
// each root exactly.
#include "app/jaeger/traceparser.h"
#include "models/common/format.h"
#include "models/traces/tracefilter.h"
#include "models/traces/tracelayout.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;

static void use(const TracePtr &trace)
{
    Fuzz::keep(TraceSummary::of(trace));
    for (int i = 0; i < int(trace->spans.size()); ++i) {
        Fuzz::keep(trace->spanId(i));
        Fuzz::keep(Format::visible(trace->service(i)));
        Fuzz::keep(Format::visible(trace->operation(i)));
        Fuzz::keep(Format::durationUs(trace->spans[size_t(i)].durationUs));
    }
    for (const SpanTag &tag : trace->tags) {
        Fuzz::keep(trace->tagValue(tag));
        Fuzz::keep(Format::elided(trace->tagText(tag), 1000));
    }
    const auto layout = TraceLayout::build(trace, 32, 8);
    Fuzz::keep(layout->name());
    std::vector<quint8> collapsed(size_t(layout->spanCount()), 0);
    for (size_t i = 0; i < collapsed.size(); i += 3)
        collapsed[i] = 1;
    Fuzz::keep(visiblePositions(*layout, collapsed));

    // Each root's segments run from its end back to its start without gaps or overlaps (sums
    // taken modulo 2^64: absurd durations must not overflow the check itself).
    quint64 rootsUs = 0, segmentsUs = 0;
    for (qint32 root : layout->roots)
        rootsUs += quint64(std::max<qint64>(0, trace->spans[size_t(root)].durationUs));
    for (const CriticalPath::Segment &segment : layout->criticalPath.segments()) {
        if (segment.endUs <= segment.startUs || segment.span < 0
            || segment.span >= layout->spanCount()) {
            fprintf(stderr, "bad critical segment\n");
            abort();
        }
        segmentsUs += quint64(segment.endUs) - quint64(segment.startUs);
    }
    if (segmentsUs != rootsUs) {
        fprintf(stderr, "critical segments cover %llu µs of roots of %llu µs\n",
                static_cast<unsigned long long>(segmentsUs),
                static_cast<unsigned long long>(rootsUs));
        abort();
    }
    TraceFilter filter;
    filter.onlyMatches = true;
    filter.minDurationShare = 0.01;
    filter.focusSpan = layout->spanCount() / 2;
    std::vector<quint8> matches(size_t(layout->spanCount()), 0);
    for (size_t i = 0; i < matches.size(); i += 2)
        matches[i] = 1;
    Fuzz::keep(filteredPositions(*layout, collapsed, filter, matches).positions);
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const TraceParseResult parsed = parseTraces(Fuzz::bytes(data, size));
    if (!parsed.ok() && !parsed.traces.isEmpty()) {
        fprintf(stderr, "an error (%s) with traces\n", qPrintable(parsed.error));
        abort();
    }
    for (const TracePtr &trace : parsed.traces) {
        if (trace->spans.empty()) {
            fprintf(stderr, "a trace without spans\n");
            abort();
        }
        use(trace);
        // "Save as JSON" must read back: the same number of spans.
        const TraceParseResult back = parseTraces(toJaegerJson(*trace));
        if (!back.ok() || back.traces.size() != 1
            || back.traces.first()->spans.size() != trace->spans.size()) {
            fprintf(stderr, "toJaegerJson did not read back: %s\n", qPrintable(back.error));
            abort();
        }
    }
    return 0;
}
