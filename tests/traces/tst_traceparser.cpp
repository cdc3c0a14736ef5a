// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/traceparser.h"
#include "models/traces/tracelayout.h"

#include "tests/support/fixtures.h"
#include "tests/support/printers.h"
#include "tests/traces/tracegenerator.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Stackscope::Test::sharedPath;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::SpanTag::Type)
STACKSCOPE_PRINTABLE_ENUM(Stackscope::SpanRef::Kind)

namespace {

QByteArray regression(const char *name)
{
    return Stackscope::Test::readFile(
        QStringLiteral(STACKSCOPE_SOURCE_DIR "/tests/fuzz/regressions/jaeger_traces/")
        + QLatin1StringView(name));
}

int spanById(const Trace &trace, const QString &id)
{
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        if (trace.spanId(int(i)) == id)
            return int(i);
    }
    return -1;
}

const SpanTag *tagOf(const Trace &trace, int span, const QString &key)
{
    const Span &s = trace.spans[size_t(span)];
    for (quint32 i = 0; i < s.tagCount; ++i) {
        if (trace.strings.at(trace.tags[s.firstTag + i].key) == key)
            return &trace.tags[s.firstTag + i];
    }
    return nullptr;
}

QByteArray testData(const char *name)
{
    return Stackscope::Test::readFile(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/traces/")
                                      + QLatin1StringView(name));
}

/// The JSON without the whitespace between tokens (strings kept as they are): one line, as the
/// Collector's file exporter writes each export.
QByteArray compacted(const QByteArray &json)
{
    QByteArray out;
    bool inString = false, escaped = false;
    for (char c : json) {
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
            out += c;
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out += c;
        }
    }
    return out;
}

int errorCount(const Trace &trace)
{
    int errors = 0;
    for (const Span &s : trace.spans)
        errors += s.has(Span::Error);
    return errors;
}

int rootCount(const Trace &trace)
{
    int roots = 0;
    for (const Span &s : trace.spans)
        roots += s.parent < 0;
    return roots;
}

} // namespace

class TestTraceParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("traceId");
        QTest::addColumn<int>("spans");
        QTest::addColumn<int>("roots");
        QTest::addColumn<int>("services");
        QTest::addColumn<int>("tags");
        QTest::addColumn<int>("logs");
        QTest::newRow("ui_01 (bare trace, all tag types, duplicate ID)")
            << u"jaeger_v1.51.0_model_converter_json_ui_01.json"_s << u"0000000000000001"_s << 5
            << 3 << 2 << 6 << 2;
        QTest::newRow("issue115 (envelope, FOLLOWS_FROM only)")
            << u"jaeger-ui_issue115_follows_from_2992f2a5.json"_s
            << u"2992f2a5b5d037a8aabffd08ef384237"_s << 2 << 1 << 1 << 0 << 0;
        QTest::newRow("analytics (envelope, 15-character span ID)")
            << u"jaeger-analytics-java_ui-trace.json"_s << u"2db17286b3e6b148"_s << 2 << 1 << 1 << 9
            << 0;
        QTest::newRow("statistics (31-character trace ID)")
            << u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s
            << u"df84e36b9e2ee3815d07f0867a5be1f"_s << 17 << 1 << 2 << 31 << 0;
    }

    void fixtures()
    {
        QFETCH(QString, file);
        const QString path = sharedPath(u"fixtures/jaeger/"_s + file);
        STACKSCOPE_REQUIRE_SHARED(path);
        const TraceParseResult result = parseTraces(Stackscope::Test::readFile(path));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QTEST(trace.traceId, "traceId");
        QTEST(int(trace.spans.size()), "spans");
        QTEST(rootCount(trace), "roots");
        QTEST(int(trace.processes.size()), "services");
        size_t tags = 0, logs = 0;
        for (const Span &s : trace.spans) {
            tags += s.tagCount;
            logs += s.logCount;
        }
        QTEST(int(tags), "tags");
        QTEST(int(logs), "logs");
        // Every span is laid out exactly once, whatever the parents.
        const auto layout = TraceLayout::build(result.traces.first());
        QCOMPARE(layout->spanCount(), int(trace.spans.size()));
        std::vector<int> seen(trace.spans.size(), 0);
        for (qint32 s : layout->order)
            ++seen[size_t(s)];
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
    }

    void ui01TagTypesParentsAndWarnings()
    {
        const QString path
            = sharedPath(u"fixtures/jaeger/jaeger_v1.51.0_model_converter_json_ui_01.json"_s);
        STACKSCOPE_REQUIRE_SHARED(path);
        const TraceParseResult result = parseTraces(Stackscope::Test::readFile(path));
        QVERIFY(result.ok());
        QCOMPARE(result.shape, TraceParseResult::Shape::JaegerTrace);
        const Trace &trace = *result.traces.first();
        // The second span repeats ID ...02: the first keeps it, the second is flagged.
        QVERIFY(!trace.spans[0].has(Span::DuplicateId));
        QVERIFY(trace.spans[1].has(Span::DuplicateId));
        const int tagged = 1;
        QCOMPARE(trace.service(tagged), u"service-x"_s);
        const SpanTag *big = tagOf(trace, tagged, u"javascript_limit"_s);
        QVERIFY(big);
        QCOMPARE(big->type, SpanTag::Type::Int64);
        QCOMPARE(trace.tagValue(*big).toLongLong(), 9223372036854775222ll);
        const SpanTag *ipv4 = tagOf(trace, tagged, u"peer.ipv4"_s);
        QCOMPARE(ipv4->type, SpanTag::Type::Int64);
        QCOMPARE(trace.tagValue(*ipv4).toLongLong(), 23456);
        const SpanTag *temperature = tagOf(trace, tagged, u"temperature"_s);
        QCOMPARE(temperature->type, SpanTag::Type::Float64);
        QCOMPARE(trace.tagValue(*temperature).toDouble(), 72.5);
        const SpanTag *blob = tagOf(trace, tagged, u"blob"_s);
        QCOMPARE(blob->type, SpanTag::Type::Binary);
        QCOMPARE(trace.tagText(*blob), u"AAAwOQ=="_s);
        const SpanTag *error = tagOf(trace, tagged, u"error"_s);
        QCOMPARE(error->type, SpanTag::Type::Bool);
        QCOMPARE(trace.tagValue(*error).toBool(), true);
        QVERIFY(trace.spans[size_t(tagged)].has(Span::Error));
        QCOMPARE(trace.tagText(*tagOf(trace, tagged, u"peer.service"_s)), u"service-y"_s);
        // Logs of the first span.
        QCOMPARE(trace.spans[0].logCount, 2);
        const SpanLog &log = trace.logs[trace.spans[0].firstLog];
        QCOMPARE(log.timestampUs, 1485467191639875ll);
        QCOMPARE(trace.tagText(trace.tags[log.firstField]), u"some-event"_s);
        // ...03 is a child of the first ...02; ...04's first reference is to another trace, so it
        // is a root even though its second reference is in this trace.
        const int s3 = spanById(trace, u"0000000000000003"_s);
        const int s4 = spanById(trace, u"0000000000000004"_s);
        const int s5 = spanById(trace, u"0000000000000005"_s);
        QCOMPARE(trace.spans[size_t(s3)].parent, 0);
        QCOMPARE(trace.spans[size_t(s4)].parent, -1);
        QVERIFY(trace.spans[size_t(s4)].has(Span::ParentMissing));
        QCOMPARE(trace.spans[size_t(s4)].refCount, 3);
        QCOMPARE(trace.refs[trace.spans[size_t(s4)].firstRef + 2].kind, SpanRef::Kind::FollowsFrom);
        QCOMPARE(trace.spans[size_t(s5)].parent, s4);
        QCOMPARE(trace.spans[size_t(s4)].warningCount, 1);
        QCOMPARE(trace.spanWarnings[trace.spans[size_t(s4)].firstWarning], u"some span warning"_s);
        QVERIFY(trace.warnings.contains(u"some trace warning"_s));
        QCOMPARE(trace.service(s4), u"service-y"_s);
    }

    void followsFromAndShortIds()
    {
        const QString issue
            = sharedPath(u"fixtures/jaeger/jaeger-ui_issue115_follows_from_2992f2a5.json"_s);
        STACKSCOPE_REQUIRE_SHARED(issue);
        TraceParseResult result = parseTraces(Stackscope::Test::readFile(issue));
        QCOMPARE(result.shape, TraceParseResult::Shape::JaegerEnvelope);
        const Trace &t1 = *result.traces.first();
        const int child = spanById(t1, u"1bdf4201221bb2ac"_s);
        const int parent = spanById(t1, u"ea7cfaca83f0724b"_s);
        QCOMPARE(t1.spans[size_t(child)].parent, parent);
        QCOMPARE(t1.refs[t1.spans[size_t(child)].firstRef].kind, SpanRef::Kind::FollowsFrom);

        const QString analytics
            = sharedPath(u"fixtures/jaeger/jaeger-analytics-java_ui-trace.json"_s);
        STACKSCOPE_REQUIRE_SHARED(analytics);
        result = parseTraces(Stackscope::Test::readFile(analytics));
        const Trace &t2 = *result.traces.first();
        const int shortId = spanById(t2, u"ec2b4e0bcea566d"_s);
        QVERIFY(shortId >= 0);
        QCOMPARE(t2.spans[size_t(shortId)].parent, spanById(t2, u"2db17286b3e6b148"_s));
        QCOMPARE(trace_operation(t2, shortId), u"GetOperations"_s);
        const SpanTag *status
            = tagOf(t2, spanById(t2, u"2db17286b3e6b148"_s), u"http.status_code"_s);
        QCOMPARE(status->type, SpanTag::Type::Int64);
        QCOMPARE(t2.tagValue(*status).toLongLong(), 200);
        const SpanTag *param = tagOf(t2, spanById(t2, u"2db17286b3e6b148"_s), u"sampler.param"_s);
        QCOMPARE(param->type, SpanTag::Type::Float64);
        QCOMPARE(t2.tagValue(*param).toDouble(), 1.0);
    }

    void otlpV3()
    {
        const TraceParseResult result = parseTraces(Stackscope::Test::readFile(
            QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/traces/otlp_v3_trace.json")));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpResult);
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(trace.format, Trace::Format::OtlpV3);
        QCOMPARE(trace.traceId, u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
        QCOMPARE(int(trace.spans.size()), 4);
        QCOMPARE(rootCount(trace), 2); // the orphan's parent is not in the trace
        const int root = spanById(trace, u"00f067aa0ba902b7"_s);
        QCOMPARE(trace.service(root), u"frontend"_s);
        QCOMPARE(trace.spans[size_t(root)].startUs, 1700000000000000ll);
        QCOMPARE(trace.spans[size_t(root)].durationUs, 250000ll);
        QVERIFY(trace.spans[size_t(root)].has(Span::Error));
        QCOMPARE(trace.tagValue(*tagOf(trace, root, u"http.status_code"_s)).toLongLong(), 500);
        QCOMPARE(trace.tagValue(*tagOf(trace, root, u"big"_s)).toLongLong(), 9223372036854775222ll);
        QCOMPARE(tagOf(trace, root, u"ratio"_s)->type, SpanTag::Type::Float64);
        QCOMPARE(tagOf(trace, root, u"cached"_s)->type, SpanTag::Type::Bool);
        QCOMPARE(tagOf(trace, root, u"blob"_s)->type, SpanTag::Type::Binary);
        QCOMPARE(trace.tagText(*tagOf(trace, root, u"span.kind"_s)), u"server"_s);
        QCOMPARE(trace.spans[size_t(root)].logCount, 1);
        const SpanLog &event = trace.logs[trace.spans[size_t(root)].firstLog];
        QCOMPARE(event.timestampUs, 1700000000100000ll);
        QCOMPARE(trace.tagText(trace.tags[event.firstField]), u"exception"_s);
        QCOMPARE(event.fieldCount, 2u);
        const int render = spanById(trace, u"1111111111111111"_s);
        QCOMPARE(trace.spans[size_t(render)].parent, root);
        QCOMPARE(trace.spans[size_t(render)].refCount, 2); // parent + link
        QCOMPARE(trace.refs[trace.spans[size_t(render)].firstRef + 1].kind,
                 SpanRef::Kind::FollowsFrom);
        const int db = spanById(trace, u"2222222222222222"_s);
        QCOMPARE(trace.service(db), u"postgres"_s);
        QCOMPARE(trace.spans[size_t(db)].parent, root);
        // Process tags come from the resource.
        const TraceProcess &process = trace.processes[trace.spans[size_t(root)].process];
        QCOMPARE(process.tagCount, 2u);
    }

    // Jaeger v2's own /api/v3 answer, pretty-printed: `"code": 2` followed by a line break was
    // read as "2\n   " and the span was not an error (HotROD's failing redis calls looked fine).
    void apiV3StatusCodeNumber()
    {
        const TraceParseResult result
            = parseTraces(testData("jaeger_apiv3_snapshot_GetTrace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpResult);
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(trace.traceId, u"00000000000000000000000000000001"_s);
        QCOMPARE(int(trace.spans.size()), 1);
        QVERIFY(trace.spans[0].has(Span::Error));
        QCOMPARE(TraceSummary::of(result.traces.first()).errorCount, 1); // the header's count
        QCOMPARE(trace.tagText(*tagOf(trace, 0, u"span.kind"_s)), u"server"_s);
        QCOMPARE(trace.tagText(*tagOf(trace, 0, u"otel.status_code"_s)), u"ERROR"_s);
        QCOMPARE(trace.tagValue(*tagOf(trace, 0, u"error"_s)).toBool(), true);
    }

    // The top-level `resourceSpans` export (no `result` around it), status and kind as strings,
    // three resources in one trace.
    void otlpExportStringEnums()
    {
        const TraceParseResult result
            = parseTraces(testData("jaeger_mcptools_skills_sibling_errors.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpExport);
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(trace.traceId, u"7c4f1a90b3e84d2f9a6c5e8017b3d264"_s);
        QCOMPARE(int(trace.spans.size()), 6);
        QCOMPARE(rootCount(trace), 1);
        QCOMPARE(errorCount(trace), 5);
        QCOMPARE(TraceSummary::of(result.traces.first()).errorCount, 5);
        QCOMPARE(TraceSummary::of(result.traces.first()).serviceCount, 3);
        const int root = spanById(trace, u"a1b2c3d4e5f60718"_s);
        QCOMPARE(trace.spans[size_t(root)].parent, -1);
        QCOMPARE(trace.tagText(*tagOf(trace, root, u"span.kind"_s)), u"server"_s);
        QCOMPARE(trace.tagText(*tagOf(trace, root, u"otel.status_description"_s)),
                 u"order failed"_s);
        const int cart = spanById(trace, u"b2c3d4e5f6071829"_s);
        QCOMPARE(trace.spans[size_t(cart)].parent, root);
        QVERIFY(!trace.spans[size_t(cart)].has(Span::Error));
        QCOMPARE(trace.tagText(*tagOf(trace, cart, u"span.kind"_s)), u"client"_s);
        const int charge = spanById(trace, u"c3d4e5f60718293a"_s);
        const int processor = spanById(trace, u"d4e5f60718293a4b"_s);
        QCOMPARE(trace.spans[size_t(processor)].parent, charge);
        QCOMPARE(trace.service(processor), u"payment"_s);
        QCOMPARE(trace.service(charge), u"checkout"_s);
        QCOMPARE(trace.spans[size_t(spanById(trace, u"f60718293a4b5c6d"_s))].parent,
                 spanById(trace, u"e5f60718293a4b5c"_s));
    }

    // The protocol's own example: times as JSON numbers, upper-case IDs, a parent elsewhere.
    void otlpProtoExample()
    {
        const TraceParseResult result
            = parseTraces(testData("opentelemetry-proto_examples_trace.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpExport);
        const Trace &trace = *result.traces.first();
        QCOMPARE(trace.traceId, u"5B8EFFF798038103D269B633813FC60C"_s);
        QCOMPARE(int(trace.spans.size()), 1);
        QVERIFY(trace.spans[0].has(Span::ParentMissing));
        QCOMPARE(trace.spans[0].startUs, 1544712660000000ll);
        QCOMPARE(trace.spans[0].durationUs, 1000000ll);
        QCOMPARE(trace.service(0), u"my.service"_s);
        QCOMPARE(trace.tagText(*tagOf(trace, 0, u"span.kind"_s)), u"server"_s);
        QCOMPARE(trace.tagText(*tagOf(trace, 0, u"otel.scope.name"_s)), u"my.library"_s);
        QCOMPARE(trace.tagText(*tagOf(trace, 0, u"my.span.attr"_s)), u"some value"_s);
        QVERIFY(!trace.spans[0].has(Span::Error));
    }

    // Newline-delimited OTLP JSON, the file exporter's example: four lines, one trace (empty
    // IDs), each line's operationA an error with two events, operationB two links.
    void otlpJsonLines()
    {
        const TraceParseResult result
            = parseTraces(testData("otel-specification_file-exporter_traces.jsonl"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpLines);
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(int(trace.spans.size()), 8);
        QCOMPARE(errorCount(trace), 4);
        int events = 0, links = 0;
        for (int i = 0; i < int(trace.spans.size()); ++i) {
            const Span &span = trace.spans[size_t(i)];
            QCOMPARE(span.parent, -1); // an empty parentSpanId is no parent
            if (trace.operation(i) == u"operationA"_s) {
                QVERIFY(span.has(Span::Error));
                QCOMPARE(trace.tagText(*tagOf(trace, i, u"otel.status_description"_s)),
                         u"status-cancelled"_s);
                QCOMPARE(span.logCount, quint16(2));
                const SpanLog &first = trace.logs[span.firstLog];
                QCOMPARE(trace.strings.at(trace.tags[first.firstField].key), u"event"_s);
                QCOMPARE(trace.tagText(trace.tags[first.firstField]), u"event-with-attr"_s);
                QCOMPARE(first.fieldCount, 2u);
                events += span.logCount;
            } else {
                QCOMPARE(trace.operation(i), u"operationB"_s);
                QCOMPARE(span.refCount, quint8(2));
                for (quint32 r = 0; r < span.refCount; ++r)
                    QCOMPARE(trace.refs[span.firstRef + r].kind, SpanRef::Kind::FollowsFrom);
                links += span.refCount;
            }
        }
        QCOMPARE(events, 8);
        QCOMPARE(links, 8);
        QCOMPARE(trace.logs[trace.spans[0].firstLog].timestampUs, 1581452773000000ll);
    }

    // Several exports appended to one file, each compacted to a line: three traces to pick from.
    void otlpJsonLinesSeveralTraces()
    {
        const QByteArray file = compacted(testData("jaeger_mcptools_skills_sibling_errors.json"))
                                + '\n'
                                + compacted(testData("opentelemetry-proto_examples_trace.json"))
                                + '\n' + testData("otel-specification_file-exporter_traces.jsonl");
        QCOMPARE(file.count('\n'), 6);
        const TraceParseResult result = parseTraces(file);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::OtlpLines);
        QCOMPARE(result.traces.size(), 3);
        QCOMPARE(result.traces[0]->traceId, u"7c4f1a90b3e84d2f9a6c5e8017b3d264"_s);
        QCOMPARE(int(result.traces[0]->spans.size()), 6);
        QCOMPARE(rootCount(*result.traces[0]), 1);
        QCOMPARE(errorCount(*result.traces[0]), 5);
        QCOMPARE(result.traces[1]->traceId, u"5B8EFFF798038103D269B633813FC60C"_s);
        QCOMPARE(int(result.traces[1]->spans.size()), 1);
        QCOMPARE(result.traces[2]->traceId, QString());
        QCOMPARE(int(result.traces[2]->spans.size()), 8);
        // A broken line says which.
        const TraceParseResult broken = parseTraces(file.left(file.indexOf('\n') + 40) + "\n{}\n");
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error.startsWith(u"line 2: "_s), qPrintable(broken.error));
        QVERIFY(broken.traces.isEmpty());
    }

    // Zipkin v2: an array of spans; a shared server span reuses its client's ID.
    void zipkinV2()
    {
        const TraceParseResult result = parseTraces(testData("zipkin-lens_testdata_skew.json"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.shape, TraceParseResult::Shape::ZipkinV2);
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(trace.format, Trace::Format::ZipkinV2);
        QCOMPARE(trace.traceId, u"1e223ff1f80f1c69"_s);
        QCOMPARE(int(trace.spans.size()), 4);
        QCOMPARE(rootCount(trace), 1);
        QCOMPARE(int(trace.processes.size()), 2);
        int get = -1, client = -1, server = -1, async = -1;
        for (int i = 0; i < 4; ++i) {
            const QString kind = tagOf(trace, i, u"span.kind"_s)
                                     ? trace.tagText(*tagOf(trace, i, u"span.kind"_s))
                                     : QString();
            if (trace.operation(i) == u"get"_s)
                get = i;
            else if (trace.operation(i) == u"async"_s)
                async = i;
            else if (kind == u"client"_s)
                client = i;
            else if (kind == u"server"_s)
                server = i;
        }
        QVERIFY(get >= 0 && client >= 0 && server >= 0 && async >= 0);
        QCOMPARE(trace.spans[size_t(get)].parent, -1);
        QCOMPARE(trace.service(get), u"servicea"_s);
        QCOMPARE(trace.spans[size_t(get)].startUs, 1470150004071068ll);
        QCOMPARE(trace.spans[size_t(get)].durationUs, 99411ll);
        QCOMPARE(trace.spans[size_t(client)].parent, get);
        QCOMPARE(trace.service(client), u"servicea"_s);
        QCOMPARE(trace.spans[size_t(server)].parent, client);
        QCOMPARE(trace.service(server), u"serviceb"_s);
        QCOMPARE(trace.spans[size_t(async)].parent, server);
        const TraceProcess &b = trace.processes[trace.spans[size_t(server)].process];
        QCOMPARE(b.tagCount, 1u);
        QCOMPARE(trace.tagText(trace.tags[b.firstTag]), u"192.0.0.0"_s);
        // Every span laid out once.
        QCOMPARE(TraceLayout::build(result.traces.first())->spanCount(), 4);
        // Errors, annotations and the remote endpoint.
        const TraceParseResult small = parseTraces(
            R"([{"traceId":"a","id":"1","name":"c","kind":"CLIENT","timestamp":10,"duration":5,
                "tags":{"error":"timeout","http.path":"/x"},
                "annotations":[{"timestamp":12,"value":"ws"}],
                "remoteEndpoint":{"serviceName":"db","port":5432}}])");
        QVERIFY2(small.ok(), qPrintable(small.error));
        const Trace &t = *small.traces.first();
        QVERIFY(t.spans[0].has(Span::Error));
        QCOMPARE(t.tagText(*tagOf(t, 0, u"peer.service"_s)), u"db"_s);
        QCOMPARE(t.tagText(*tagOf(t, 0, u"peer.port"_s)), u"5432"_s);
        QCOMPARE(t.spans[0].logCount, quint16(1));
        QCOMPARE(t.tagText(t.tags[t.logs[t.spans[0].firstLog].firstField]), u"ws"_s);
        QCOMPARE(t.service(0), u"(unknown service)"_s);
    }

    void badDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated")
            << QByteArray("{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"spanID\":")
            << u"stops early"_s;
        QTest::newRow("garbage") << QByteArray("hello world") << u"not valid JSON"_s;
        QTest::newRow("html") << QByteArray("<!doctype html><html></html>") << u"not valid JSON"_s;
        QTest::newRow("array of numbers")
            << QByteArray("[1,2]") << u"valid JSON, but not a Jaeger, OTLP or Zipkin trace"_s;
        QTest::newRow("empty array") << QByteArray("[]") << u"an empty array"_s;
        QTest::newRow("unknown object")
            << QByteArray("{\"status\":\"success\"}")
            << u"valid JSON, but not a Jaeger, OTLP or Zipkin trace: expected `data`, `spans`, "
               "`resourceSpans` or `result` at the top, found `status`"_s;
        QTest::newRow("lines of something else")
            << QByteArray("{\"level\":\"info\"}\n{\"level\":\"warn\"}\n")
            << u"valid JSON, but not a Jaeger, OTLP or Zipkin trace: expected `data`, `spans`, "
               "`resourceSpans` or `result` at the top, found `level`"_s;
        QTest::newRow("a string") << QByteArray("\"trace\"") << u"valid JSON, but not"_s;
        QTest::newRow("a number") << QByteArray("42") << u"valid JSON, but not"_s;
        QTest::newRow("span ID of the wrong type")
            << QByteArray("{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"spanID\":5}]}]}")
            << u"valid JSON, but not a Jaeger, OTLP or Zipkin trace: a value has an unexpected "
               "type"_s;
        QTest::newRow("wrong type, then broken")
            << QByteArray("{\"data\":[{\"traceID\":\"1\",\"spans\":[{\"spanID\":5}]}]")
            << u"the JSON stops early"_s; // not "valid JSON, but …"
        QTest::newRow("spans null")
            << QByteArray("{\"traceID\":\"1\",\"spans\":null}") << u"the trace has no spans"_s;
        QTest::newRow("envelope of a trace without spans")
            << QByteArray("{\"data\":[{\"traceID\":\"1\",\"spans\":null}]}")
            << u"the trace has no spans"_s;
        QTest::newRow("data is a number") << QByteArray("{\"data\":5}") << u"`data` is neither"_s;
    }

    void badDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const TraceParseResult result = parseTraces(json);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QVERIFY(result.traces.isEmpty());
    }

    void errorEnvelope()
    {
        const TraceParseResult result = parseTraces(
            "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":404,"
            "\"msg\":\"trace not found\"}]}");
        QVERIFY(result.ok());
        QVERIFY(result.dataNull);
        QVERIFY(result.traces.isEmpty());
        QCOMPARE(result.serverErrors, QStringList{u"404: trace not found"_s});
    }

    void generatedTraceAndRoundTrip()
    {
        Test::TraceGenerator generator;
        generator.spans = 5000;
        generator.maxDepth = 20;
        generator.seed = 7;
        const QByteArray json = generator.traceJson();
        QCOMPARE(generator.depthReached(), 19);
        const TraceParseResult result = parseTraces(json);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const TracePtr trace = result.traces.first();
        QCOMPARE(int(trace->spans.size()), 5000);
        QCOMPARE(rootCount(*trace), 1);
        const auto layout = TraceLayout::build(trace);
        QCOMPARE(layout->maxDepth, 19);
        QVERIFY(layout->services.size() > 10);
        QVERIFY(layout->critical[size_t(layout->roots.front())]);

        // Saved as JSON and read back: the same spans, parents, tags.
        const TraceParseResult again = parseTraces(toJaegerJson(*trace));
        QVERIFY2(again.ok(), qPrintable(again.error));
        const Trace &copy = *again.traces.first();
        QCOMPARE(copy.spans.size(), trace->spans.size());
        QCOMPARE(copy.traceId, trace->traceId);
        for (size_t i = 0; i < copy.spans.size(); i += 97) {
            QCOMPARE(copy.spans[i].parent, trace->spans[i].parent);
            QCOMPARE(copy.spans[i].startUs, trace->spans[i].startUs);
            QCOMPARE(copy.spans[i].tagCount, trace->spans[i].tagCount);
            QCOMPARE(copy.service(int(i)), trace->service(int(i)));
            QCOMPARE(copy.operation(int(i)), trace->operation(int(i)));
            QCOMPARE(copy.spans[i].flags, trace->spans[i].flags);
        }
    }

    void fixtureRoundTrip()
    {
        const QString path
            = sharedPath(u"fixtures/jaeger/jaeger_v1.51.0_model_converter_json_ui_01.json"_s);
        STACKSCOPE_REQUIRE_SHARED(path);
        const TracePtr trace = parseTraces(Stackscope::Test::readFile(path)).traces.first();
        const TraceParseResult again = parseTraces(toJaegerJson(*trace));
        QVERIFY2(again.ok(), qPrintable(again.error));
        const Trace &copy = *again.traces.first();
        const int tagged = 1;
        QCOMPARE(copy.tagValue(*tagOf(copy, tagged, u"javascript_limit"_s)).toLongLong(),
                 9223372036854775222ll);
        QCOMPARE(copy.tagText(*tagOf(copy, tagged, u"blob"_s)), u"AAAwOQ=="_s);
        QCOMPARE(copy.spans[3].refCount, 3);
        QCOMPARE(copy.spans[3].parent, -1);
    }

    // Inputs the fuzzer (tests/fuzz/fuzz_jaeger_traces) found. A repeated key replaces the
    // earlier list: the span's tags (and a log's fields) are the last list, not a count that
    // runs over into the log fields parsed in between.
    void fuzzTagsTwice()
    {
        const QByteArray json = regression("tags-twice.json");
        QVERIFY(!json.isEmpty());
        const TraceParseResult result = parseTraces(json);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(int(trace.spans.size()), 1);
        const Span &span = trace.spans[0];
        QCOMPARE(span.tagCount, quint16(0));  // the last "tags" is []
        QVERIFY(!(span.flags & Span::Error)); // error=true was in the replaced list
        QVERIFY(!tagOf(trace, 0, u"x"_s));    // a log field is not a tag
        QCOMPARE(span.logCount, quint16(1));
        const SpanLog &log = trace.logs[span.firstLog];
        QCOMPARE(log.fieldCount, 1u);
        QCOMPARE(trace.strings.at(trace.tags[log.firstField].key), u"x"_s);
        QCOMPARE(trace.tagText(trace.tags[log.firstField]), u"y"_s);
    }

    void fuzzLogFieldsTwice()
    {
        const QByteArray json = regression("log-fields-twice.json");
        QVERIFY(!json.isEmpty());
        const TraceParseResult result = parseTraces(json);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        QCOMPARE(int(trace.spans.size()), 1);
        const Span &span = trace.spans[0];
        QCOMPARE(span.tagCount, quint16(0));
        QCOMPARE(span.logCount, quint16(1));
        const SpanLog &log = trace.logs[span.firstLog];
        QCOMPARE(log.fieldCount, 1u);
        const SpanTag &field = trace.tags[log.firstField];
        QCOMPARE(trace.strings.at(field.key), u"error"_s);
        QCOMPARE(trace.tagText(field), u"true"_s);
    }

    // IDs with escapes (NUL, quote, backslash) and non-finite floats survive "Save as JSON".
    void fuzzIdEscapesNonFiniteFloat()
    {
        const QByteArray json = regression("id-escapes-nonfinite-float.json");
        QVERIFY(!json.isEmpty());
        const TraceParseResult result = parseTraces(json);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.traces.size(), 1);
        const Trace &trace = *result.traces.first();
        const QString id = u"a"_s + QChar(0) + u"\"b"_s;
        QCOMPARE(trace.spanId(0), id);

        const TraceParseResult again = parseTraces(toJaegerJson(trace));
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.traces.size(), 1);
        const Trace &copy = *again.traces.first();
        QCOMPARE(copy.spans.size(), trace.spans.size());
        QCOMPARE(copy.spanId(0), id);
        QCOMPARE(copy.spans[0].refCount, trace.spans[0].refCount);
        QCOMPARE(copy.idText(copy.refs[copy.spans[0].firstRef].spanId), u"x\\y"_s);
        const SpanTag *t = tagOf(copy, 0, u"t"_s);
        QVERIFY(t);
        QCOMPARE(t->type, SpanTag::Type::Float64);
        const double value = copy.tagValue(*t).toDouble();
        QVERIFY(qIsInf(value) && value > 0);
        const SpanTag *n = tagOf(copy, 0, u"n"_s);
        QVERIFY(n);
        QVERIFY(qIsNaN(copy.tagValue(*n).toDouble()));
    }

private:
    static QString trace_operation(const Trace &trace, int span) { return trace.operation(span); }
};

QTEST_GUILESS_MAIN(TestTraceParser)
#include "tst_traceparser.moc"
