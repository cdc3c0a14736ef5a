// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/traceparser.h"

#include <simdjson.h>

#include <QCoreApplication>
#include <QFile>
#include <QHash>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

using namespace Qt::StringLiterals;
using namespace simdjson;

namespace Stackscope {

namespace {

/// A number's (or other non-string's) text: simdjson's raw token runs on up to the next token, so
/// pretty-printed JSON (`"code": 2\n  }`) leaves the line break and indentation in it.
std::string_view rawToken(ondemand::value value)
{
    std::string_view raw = value.raw_json_token();
    while (!raw.empty()
           && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
        raw.remove_suffix(1);
    return raw;
}

std::string_view text(ondemand::value value)
{
    if (value.type() == ondemand::json_type::string)
        return value.get_string();
    if (value.type() == ondemand::json_type::null)
        return {};
    return rawToken(value);
}

qint64 toInt64(std::string_view text, bool *ok)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '"'))
        text.remove_prefix(1);
    qint64 v = 0;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    *ok = r.ec == std::errc();
    return v;
}

qint64 numberOrString(ondemand::value value)
{
    bool ok = false;
    const qint64 v = toInt64(text(value), &ok);
    return ok ? v : 0;
}

/// A tag held only until its type is known (JSON does not promise the order of keys).
struct PendingValue
{
    ondemand::json_type json = ondemand::json_type::null;
    std::string_view text;
    bool boolean = false;
};

PendingValue pendingValue(ondemand::value value)
{
    PendingValue p;
    p.json = value.type();
    switch (p.json) {
    case ondemand::json_type::string:
        p.text = value.get_string();
        break;
    case ondemand::json_type::boolean:
        p.boolean = value.get_bool();
        break;
    case ondemand::json_type::number:
        p.text = rawToken(value);
        break;
    case ondemand::json_type::null:
        break;
    default:
        p.text = rawToken(value);
        break;
    }
    return p;
}

SpanTag makeTag(Trace &trace, std::string_view key, std::string_view type, const PendingValue &v)
{
    SpanTag tag;
    tag.key = trace.strings.intern(key);
    auto asText = [&] {
        tag.textual = tag.type != SpanTag::Type::String && tag.type != SpanTag::Type::Binary;
        tag.text = trace.strings.intern(v.json == ondemand::json_type::boolean
                                            ? std::string_view(v.boolean ? "true" : "false")
                                            : v.text);
    };
    if (type == "bool") {
        tag.type = SpanTag::Type::Bool;
        if (v.json == ondemand::json_type::boolean)
            tag.boolean = v.boolean;
        else if (v.text == "true" || v.text == "false")
            tag.boolean = v.text == "true";
        else
            asText();
    } else if (type == "int64") {
        tag.type = SpanTag::Type::Int64;
        bool ok = false;
        tag.integer = toInt64(v.text, &ok);
        if (!ok)
            asText();
    } else if (type == "float64") {
        tag.type = SpanTag::Type::Float64;
        std::string_view t = v.text;
        const auto r = std::from_chars(t.data(), t.data() + t.size(), tag.real);
        if (r.ec != std::errc())
            asText();
    } else if (type == "binary") {
        tag.type = SpanTag::Type::Binary;
        asText();
    } else {
        tag.type = SpanTag::Type::String;
        asText();
    }
    return tag;
}

bool isErrorTag(const Trace &trace, const SpanTag &tag)
{
    static const QString error = u"error"_s;
    if (trace.strings.at(tag.key) != error)
        return false;
    if (tag.type == SpanTag::Type::Bool && !tag.textual)
        return tag.boolean;
    return trace.tagText(tag).compare("true"_L1, Qt::CaseInsensitive) == 0;
}

/// Jaeger v1 tags: [{"key": .., "type": .., "value": ..}]
void parseV1Tags(Trace &trace, ondemand::array tags, quint32 *count)
{
    for (ondemand::object tag : tags) {
        std::string_view key, type;
        PendingValue value;
        for (auto field : tag) {
            const std::string_view name = field.unescaped_key();
            if (name == "key")
                key = field.value().get_string();
            else if (name == "type")
                type = field.value().get_string();
            else if (name == "value")
                value = pendingValue(field.value());
        }
        trace.tags.push_back(makeTag(trace, key, type, value));
        ++*count;
    }
}

/// OTLP attributes: [{"key": .., "value": {"stringValue": ..}}]
void parseOtlpAttributes(Trace &trace, ondemand::array attributes, quint32 *count)
{
    for (ondemand::object attribute : attributes) {
        std::string_view key, type = "string";
        PendingValue value;
        for (auto field : attribute) {
            const std::string_view name = field.unescaped_key();
            if (name == "key") {
                key = field.value().get_string();
            } else if (name == "value") {
                ondemand::object any = field.value().get_object();
                for (auto inner : any) {
                    const std::string_view kind = inner.unescaped_key();
                    value = pendingValue(inner.value());
                    if (kind == "boolValue")
                        type = "bool";
                    else if (kind == "intValue")
                        type = "int64";
                    else if (kind == "doubleValue")
                        type = "float64";
                    else if (kind == "bytesValue")
                        type = "binary";
                    else
                        type = "string"; // stringValue; arrays and maps as their JSON text
                }
            }
        }
        trace.tags.push_back(makeTag(trace, key, type, value));
        ++*count;
    }
}

quint16 clamp16(quint32 v)
{
    return quint16(std::min<quint32>(v, 65535));
}

void finishSpanTags(Trace &trace, Span &span)
{
    for (quint32 i = 0; i < span.tagCount; ++i) {
        if (isErrorTag(trace, trace.tags[span.firstTag + i]))
            span.flags |= Span::Error;
    }
}

// --- Jaeger v1 ----------------------------------------------------------------------------

void parseV1Span(Trace &trace, ondemand::object object)
{
    Span span;
    span.firstTag = quint32(trace.tags.size());
    span.firstLog = quint32(trace.logs.size());
    span.firstRef = quint32(trace.refs.size());
    span.firstWarning = quint32(trace.spanWarnings.size());
    quint32 tagCount = 0, logCount = 0, refCount = 0, warningCount = 0;
    for (auto field : object) {
        const std::string_view name = field.unescaped_key();
        ondemand::value value = field.value();
        if (name == "spanID") {
            span.spanId = trace.addId(value.get_string());
        } else if (name == "operationName") {
            span.operation = trace.strings.intern(text(value));
        } else if (name == "startTime") {
            span.startUs = numberOrString(value);
        } else if (name == "duration") {
            span.durationUs = numberOrString(value);
        } else if (name == "processID") {
            span.process = trace.strings.intern(text(value)); // resolved in finishV1()
        } else if (name == "tags" && value.type() == ondemand::json_type::array) {
            // Log fields may come before the tags (keys in any order): each is contiguous.
            // A repeated "tags" key replaces the earlier list (first and count restart).
            span.firstTag = quint32(trace.tags.size());
            tagCount = 0;
            parseV1Tags(trace, value.get_array(), &tagCount);
        } else if (name == "logs" && value.type() == ondemand::json_type::array) {
            for (ondemand::object log : value.get_array()) {
                SpanLog entry;
                entry.firstField = quint32(trace.tags.size());
                for (auto lf : log) {
                    const std::string_view ln = lf.unescaped_key();
                    if (ln == "timestamp") {
                        entry.timestampUs = numberOrString(lf.value());
                    } else if (ln == "fields" && lf.value().type() == ondemand::json_type::array) {
                        entry.firstField = quint32(trace.tags.size());
                        entry.fieldCount = 0;
                        parseV1Tags(trace, lf.value().get_array(), &entry.fieldCount);
                    }
                }
                trace.logs.push_back(entry);
                ++logCount;
            }
        } else if (name == "references" && value.type() == ondemand::json_type::array) {
            for (ondemand::object ref : value.get_array()) {
                SpanRef r;
                for (auto rf : ref) {
                    const std::string_view rn = rf.unescaped_key();
                    if (rn == "refType")
                        r.kind = rf.value().get_string().value() == "FOLLOWS_FROM"
                                     ? SpanRef::Kind::FollowsFrom
                                     : SpanRef::Kind::ChildOf;
                    else if (rn == "traceID")
                        r.traceId = trace.addId(rf.value().get_string());
                    else if (rn == "spanID")
                        r.spanId = trace.addId(rf.value().get_string());
                }
                if (refCount == 0)
                    span.parentId = r.spanId;
                if (refCount < 255) {
                    trace.refs.push_back(r);
                    ++refCount;
                }
            }
        } else if (name == "warnings" && value.type() == ondemand::json_type::array) {
            for (auto w : value.get_array()) {
                const std::string_view t = w.get_string();
                trace.spanWarnings.push_back(QString::fromUtf8(t.data(), qsizetype(t.size())));
                ++warningCount;
            }
        }
    }
    span.tagCount = clamp16(tagCount);
    span.logCount = clamp16(logCount);
    span.refCount = quint8(refCount);
    span.warningCount = quint8(std::min<quint32>(warningCount, 255));
    trace.spans.push_back(span);
}

TracePtr parseV1Trace(ondemand::object object)
{
    auto trace = std::make_shared<Trace>();
    trace->format = Trace::Format::JaegerV1;
    std::unordered_map<quint32, quint32> processByKey; // StringPool id of the key → index
    for (auto field : object) {
        const std::string_view name = field.unescaped_key();
        ondemand::value value = field.value();
        if (name == "traceID") {
            const std::string_view id = value.get_string();
            trace->traceId = QString::fromLatin1(id.data(), qsizetype(id.size()));
        } else if (name == "spans" && value.type() == ondemand::json_type::array) {
            for (ondemand::object span : value.get_array()) {
                parseV1Span(*trace, span);
                finishSpanTags(*trace, trace->spans.back());
            }
        } else if (name == "processes" && value.type() == ondemand::json_type::object) {
            for (auto p : value.get_object()) {
                TraceProcess process;
                const std::string_view key = p.unescaped_key();
                process.key = QString::fromUtf8(key.data(), qsizetype(key.size()));
                process.firstTag = quint32(trace->tags.size());
                for (auto pf : p.value().get_object()) {
                    const std::string_view pn = pf.unescaped_key();
                    if (pn == "serviceName")
                        process.service = trace->strings.intern(text(pf.value()));
                    else if (pn == "tags" && pf.value().type() == ondemand::json_type::array)
                        parseV1Tags(*trace, pf.value().get_array(), &process.tagCount);
                }
                processByKey[trace->strings.intern(key)] = quint32(trace->processes.size());
                trace->processes.push_back(process);
            }
        } else if (name == "warnings" && value.type() == ondemand::json_type::array) {
            for (auto w : value.get_array()) {
                const std::string_view t = w.get_string();
                trace->warnings.append(QString::fromUtf8(t.data(), qsizetype(t.size())));
            }
        }
    }
    int unknownProcess = 0;
    for (Span &span : trace->spans) {
        const auto it = processByKey.find(span.process);
        if (it == processByKey.end()) {
            ++unknownProcess;
            TraceProcess process;
            process.key = trace->strings.at(span.process);
            process.service = trace->strings.intern(
                QCoreApplication::translate("Stackscope::TraceParser", "(unknown service)"));
            processByKey[span.process] = quint32(trace->processes.size());
            trace->processes.push_back(process);
            span.process = quint32(trace->processes.size() - 1);
        } else {
            span.process = it->second;
        }
        span.service = trace->processes[span.process].service;
    }
    if (unknownProcess > 0)
        trace->warnings.append(QCoreApplication::translate(
            "Stackscope::TraceParser", "%n span(s) name a process that the trace does not list",
            nullptr, int(unknownProcess)));
    if (trace->traceId.isEmpty() && !trace->spans.empty())
        trace->traceId = trace->idText(trace->spans.front().spanId);
    trace->finish();
    return trace;
}

// --- OTLP (Jaeger v2 /api/v3) -------------------------------------------------------------

struct OtlpBuilder
{
    std::map<std::string, std::shared_ptr<Trace>, std::less<>> traces;
    std::vector<std::shared_ptr<Trace>> order;
    Trace scratch; ///< a span's tags before its trace is known
    Trace::Format format = Trace::Format::OtlpV3;

    Trace &traceFor(std::string_view id)
    {
        auto it = traces.find(id);
        if (it != traces.end())
            return *it->second;
        auto trace = std::make_shared<Trace>();
        trace->format = format;
        trace->traceId = QString::fromLatin1(id.data(), qsizetype(id.size()));
        traces.emplace(std::string(id), trace);
        order.push_back(trace);
        return *trace;
    }
};

/// One span of a resource; returns the trace it went to (its process is set by the caller).
Trace *parseOtlpSpan(OtlpBuilder &builder, ondemand::object object, std::string_view scope)
{
    // Fields can come in any order and the trace ID decides which trace gets the tags: collect
    // into a scratch trace, then move into the right one.
    Trace &scratch = builder.scratch;
    scratch.tags.clear();
    scratch.logs.clear();
    scratch.refs.clear();
    scratch.ids.clear();
    Span span;
    std::string_view traceId, name;
    qint64 startNs = 0, endNs = 0;
    quint32 tagCount = 0;
    std::vector<SpanTag> &tags = scratch.tags;
    std::vector<std::pair<SpanLog, std::vector<SpanTag>>> events;
    std::vector<std::pair<std::string_view, std::string_view>> links;
    std::string_view parent, spanId, kind;
    bool error = false, ok = false;
    std::string_view statusMessage;
    for (auto field : object) {
        const std::string_view key = field.unescaped_key();
        ondemand::value value = field.value();
        if (key == "traceId") {
            traceId = value.get_string();
        } else if (key == "spanId") {
            spanId = value.get_string();
        } else if (key == "parentSpanId") {
            parent = value.get_string();
        } else if (key == "name") {
            name = value.get_string();
        } else if (key == "kind") {
            kind = text(value);
        } else if (key == "startTimeUnixNano") {
            startNs = numberOrString(value);
        } else if (key == "endTimeUnixNano") {
            endNs = numberOrString(value);
        } else if (key == "attributes" && value.type() == ondemand::json_type::array) {
            parseOtlpAttributes(scratch, value.get_array(), &tagCount);
        } else if (key == "events" && value.type() == ondemand::json_type::array) {
            for (ondemand::object event : value.get_array()) {
                SpanLog log;
                std::vector<SpanTag> fields;
                std::string_view eventName;
                const size_t before = scratch.tags.size();
                for (auto ef : event) {
                    const std::string_view en = ef.unescaped_key();
                    if (en == "timeUnixNano") {
                        log.timestampUs = numberOrString(ef.value()) / 1000;
                    } else if (en == "name") {
                        eventName = ef.value().get_string();
                    } else if (en == "attributes"
                               && ef.value().type() == ondemand::json_type::array) {
                        quint32 n = 0;
                        parseOtlpAttributes(scratch, ef.value().get_array(), &n);
                    }
                }
                fields.assign(scratch.tags.begin() + qsizetype(before), scratch.tags.end());
                scratch.tags.resize(before);
                PendingValue v;
                v.json = ondemand::json_type::string;
                v.text = eventName;
                fields.insert(fields.begin(), makeTag(scratch, "event", "string", v));
                events.emplace_back(log, std::move(fields));
            }
        } else if (key == "links" && value.type() == ondemand::json_type::array) {
            for (ondemand::object link : value.get_array()) {
                std::string_view lt, ls;
                for (auto lf : link) {
                    const std::string_view ln = lf.unescaped_key();
                    if (ln == "traceId")
                        lt = lf.value().get_string();
                    else if (ln == "spanId")
                        ls = lf.value().get_string();
                }
                links.emplace_back(lt, ls);
            }
        } else if (key == "status" && value.type() == ondemand::json_type::object) {
            for (auto sf : value.get_object()) {
                const std::string_view sn = sf.unescaped_key();
                if (sn == "code") {
                    const std::string_view code = text(sf.value());
                    error = code == "2" || code == "STATUS_CODE_ERROR";
                    ok = code == "1" || code == "STATUS_CODE_OK";
                } else if (sn == "message") {
                    statusMessage = sf.value().get_string();
                }
            }
        }
    }
    // The scratch trace's string pool is not used: tags were interned into scratch.strings,
    // so re-intern into the destination.
    Trace &trace = builder.traceFor(traceId);
    auto move = [&](const SpanTag &tag) {
        SpanTag t = tag;
        t.key = trace.strings.intern(scratch.strings.at(tag.key));
        if (tag.textual || tag.type == SpanTag::Type::String || tag.type == SpanTag::Type::Binary)
            t.text = trace.strings.intern(scratch.strings.at(tag.text));
        trace.tags.push_back(t);
    };
    span.spanId = trace.addId(spanId);
    span.parentId = trace.addId(parent);
    span.operation = trace.strings.intern(name);
    span.startUs = startNs / 1000;
    span.durationUs = std::max<qint64>(0, (endNs - startNs) / 1000);
    span.firstTag = quint32(trace.tags.size());
    for (const SpanTag &tag : tags)
        move(tag);
    auto addTag = [&](std::string_view key, std::string_view value) {
        PendingValue v;
        v.json = ondemand::json_type::string;
        v.text = value;
        trace.tags.push_back(makeTag(trace, key, "string", v));
    };
    if (!kind.empty()) {
        static const std::map<std::string_view, std::string_view> kinds
            = {{"1", "internal"},
               {"2", "server"},
               {"3", "client"},
               {"4", "producer"},
               {"5", "consumer"},
               {"SPAN_KIND_INTERNAL", "internal"},
               {"SPAN_KIND_SERVER", "server"},
               {"SPAN_KIND_CLIENT", "client"},
               {"SPAN_KIND_PRODUCER", "producer"},
               {"SPAN_KIND_CONSUMER", "consumer"}};
        const auto it = kinds.find(kind);
        if (it != kinds.end())
            addTag("span.kind", it->second);
    }
    if (!scope.empty())
        addTag("otel.scope.name", scope);
    // As Jaeger shows an OTLP status: error=true and otel.status_code / otel.status_description.
    if (error) {
        PendingValue yes;
        yes.json = ondemand::json_type::boolean;
        yes.boolean = true;
        trace.tags.push_back(makeTag(trace, "error", "bool", yes));
        addTag("otel.status_code", "ERROR");
        span.flags |= Span::Error;
    } else if (ok) {
        addTag("otel.status_code", "OK");
    }
    if ((error || ok) && !statusMessage.empty())
        addTag("otel.status_description", statusMessage);
    span.tagCount = clamp16(quint32(trace.tags.size() - span.firstTag));
    span.firstLog = quint32(trace.logs.size());
    for (auto &[log, fields] : events) {
        SpanLog entry = log;
        entry.firstField = quint32(trace.tags.size());
        entry.fieldCount = quint32(fields.size());
        for (const SpanTag &f : fields)
            move(f);
        trace.logs.push_back(entry);
    }
    span.logCount = clamp16(quint32(events.size()));
    span.firstRef = quint32(trace.refs.size());
    if (!parent.empty()) {
        SpanRef r;
        r.kind = SpanRef::Kind::ChildOf;
        r.traceId = trace.addId(traceId);
        r.spanId = span.parentId;
        trace.refs.push_back(r);
    }
    for (const auto &[lt, ls] : links) {
        SpanRef r;
        r.kind = SpanRef::Kind::FollowsFrom;
        r.traceId = trace.addId(lt);
        r.spanId = trace.addId(ls);
        trace.refs.push_back(r);
    }
    span.refCount = quint8(std::min<size_t>(255, trace.refs.size() - span.firstRef));
    span.firstWarning = quint32(trace.spanWarnings.size());
    finishSpanTags(trace, span);
    trace.spans.push_back(span);
    return &trace;
}

void parseResourceSpans(OtlpBuilder &builder, ondemand::array resourceSpans)
{
    for (ondemand::object rs : resourceSpans) {
        Trace resource; // scratch for the resource's attributes
        quint32 resourceTagCount = 0;
        // spans added in this resource, per trace: their indexes
        std::vector<std::pair<Trace *, size_t>> added;
        for (auto field : rs) {
            const std::string_view key = field.unescaped_key();
            ondemand::value value = field.value();
            if (key == "resource" && value.type() == ondemand::json_type::object) {
                for (auto rf : value.get_object()) {
                    if (rf.unescaped_key().value() == "attributes"
                        && rf.value().type() == ondemand::json_type::array)
                        parseOtlpAttributes(resource, rf.value().get_array(), &resourceTagCount);
                }
            } else if ((key == "scopeSpans" || key == "instrumentationLibrarySpans")
                       && value.type() == ondemand::json_type::array) {
                for (ondemand::object ss : value.get_array()) {
                    std::string_view scope;
                    for (auto sf : ss) {
                        const std::string_view sn = sf.unescaped_key();
                        if ((sn == "scope" || sn == "instrumentationLibrary")
                            && sf.value().type() == ondemand::json_type::object) {
                            for (auto scf : sf.value().get_object()) {
                                if (scf.unescaped_key().value() == "name")
                                    scope = scf.value().get_string();
                            }
                        } else if (sn == "spans"
                                   && sf.value().type() == ondemand::json_type::array) {
                            for (ondemand::object span : sf.value().get_array()) {
                                Trace *t = parseOtlpSpan(builder, span, scope);
                                added.emplace_back(t, t->spans.size() - 1);
                            }
                        }
                    }
                }
            }
        }
        // One process per (resource, trace), made once the resource is known.
        static const QString serviceKey = u"service.name"_s;
        QString serviceName
            = QCoreApplication::translate("Stackscope::TraceParser", "(unknown service)");
        for (const SpanTag &tag : resource.tags) {
            if (resource.strings.at(tag.key) == serviceKey)
                serviceName = resource.tagText(tag);
        }
        std::unordered_map<Trace *, quint32> processOf;
        for (const auto &[trace, index] : added) {
            auto it = processOf.find(trace);
            if (it == processOf.end()) {
                TraceProcess process;
                process.service = trace->strings.intern(serviceName);
                process.firstTag = quint32(trace->tags.size());
                for (const SpanTag &tag : resource.tags) {
                    SpanTag t = tag;
                    t.key = trace->strings.intern(resource.strings.at(tag.key));
                    if (tag.textual || tag.type == SpanTag::Type::String
                        || tag.type == SpanTag::Type::Binary)
                        t.text = trace->strings.intern(resource.strings.at(tag.text));
                    trace->tags.push_back(t);
                }
                process.tagCount = quint32(resource.tags.size());
                trace->processes.push_back(process);
                it = processOf.emplace(trace, quint32(trace->processes.size() - 1)).first;
            }
            Span &span = trace->spans[index];
            span.process = it->second;
            span.service = trace->processes[it->second].service;
        }
    }
}

// --- Zipkin v2 ----------------------------------------------------------------------------

struct ZipkinEndpoint
{
    std::string_view service, ipv4, ipv6, port;
};

ZipkinEndpoint parseZipkinEndpoint(ondemand::object object)
{
    ZipkinEndpoint e;
    for (auto field : object) {
        const std::string_view name = field.unescaped_key();
        if (name == "serviceName")
            e.service = text(field.value());
        else if (name == "ipv4")
            e.ipv4 = text(field.value());
        else if (name == "ipv6")
            e.ipv6 = text(field.value());
        else if (name == "port")
            e.port = text(field.value());
    }
    return e;
}

/// What a Zipkin trace needs after its spans are in: which spans were `shared` (the server half
/// of an RPC that reuses the client's span ID) and the processes by service name.
struct ZipkinTraceState
{
    std::vector<bool> shared;
    std::map<QString, quint32> processes;
};

/// One Zipkin v2 span (https://zipkin.io/zipkin-api/#/default/post_spans): tags are strings, any
/// `error` tag marks an error (its value is the message), annotations become logs with `event`.
bool parseZipkinSpan(OtlpBuilder &builder, std::map<Trace *, ZipkinTraceState> &states,
                     ondemand::object object)
{
    Trace &scratch = builder.scratch;
    scratch.tags.clear();
    std::string_view traceId, id, parent, name, kind;
    qint64 timestamp = 0, duration = 0;
    bool shared = false, error = false;
    ZipkinEndpoint local, remote;
    std::vector<std::pair<qint64, std::string_view>> annotations;
    for (auto field : object) {
        const std::string_view key = field.unescaped_key();
        ondemand::value value = field.value();
        if (key == "traceId") {
            traceId = text(value);
        } else if (key == "id") {
            id = text(value);
        } else if (key == "parentId") {
            parent = text(value);
        } else if (key == "name") {
            name = text(value);
        } else if (key == "kind") {
            kind = text(value);
        } else if (key == "timestamp") {
            timestamp = numberOrString(value);
        } else if (key == "duration") {
            duration = numberOrString(value);
        } else if (key == "shared") {
            shared = value.type() == ondemand::json_type::boolean && value.get_bool();
        } else if (key == "localEndpoint" && value.type() == ondemand::json_type::object) {
            local = parseZipkinEndpoint(value.get_object());
        } else if (key == "remoteEndpoint" && value.type() == ondemand::json_type::object) {
            remote = parseZipkinEndpoint(value.get_object());
        } else if (key == "annotations" && value.type() == ondemand::json_type::array) {
            for (ondemand::object a : value.get_array()) {
                qint64 at = 0;
                std::string_view v;
                for (auto af : a) {
                    const std::string_view an = af.unescaped_key();
                    if (an == "timestamp")
                        at = numberOrString(af.value());
                    else if (an == "value")
                        v = text(af.value());
                }
                annotations.emplace_back(at, v);
            }
        } else if (key == "tags" && value.type() == ondemand::json_type::object) {
            for (auto tag : value.get_object()) {
                const std::string_view tagKey = tag.unescaped_key();
                PendingValue v = pendingValue(tag.value());
                scratch.tags.push_back(makeTag(scratch, tagKey, "string", v));
                if (tagKey == "error")
                    error = true;
            }
        }
    }
    if (traceId.empty() && id.empty())
        return false; // not a Zipkin span
    Trace &trace = builder.traceFor(traceId);
    ZipkinTraceState &state = states[&trace];
    auto addTag = [&](std::string_view key, std::string_view value) {
        PendingValue v;
        v.json = ondemand::json_type::string;
        v.text = value;
        trace.tags.push_back(makeTag(trace, key, "string", v));
    };
    Span span;
    span.spanId = trace.addId(id);
    span.parentId = trace.addId(parent);
    span.operation = trace.strings.intern(name);
    span.startUs = timestamp;
    span.durationUs = std::max<qint64>(0, duration);
    span.firstTag = quint32(trace.tags.size());
    for (const SpanTag &tag : scratch.tags) {
        SpanTag t = tag;
        t.key = trace.strings.intern(scratch.strings.at(tag.key));
        t.text = trace.strings.intern(scratch.strings.at(tag.text));
        trace.tags.push_back(t);
    }
    if (!kind.empty()) {
        std::string lower(kind);
        for (char &c : lower)
            c = char(std::tolower(uchar(c)));
        addTag("span.kind", lower);
    }
    if (!remote.service.empty())
        addTag("peer.service", remote.service);
    if (!remote.ipv4.empty())
        addTag("peer.ipv4", remote.ipv4);
    if (!remote.ipv6.empty())
        addTag("peer.ipv6", remote.ipv6);
    if (!remote.port.empty())
        addTag("peer.port", remote.port);
    span.tagCount = clamp16(quint32(trace.tags.size() - span.firstTag));
    span.firstLog = quint32(trace.logs.size());
    for (const auto &[at, value] : annotations) {
        SpanLog log;
        log.timestampUs = at;
        log.firstField = quint32(trace.tags.size());
        log.fieldCount = 1;
        addTag("event", value);
        trace.logs.push_back(log);
    }
    span.logCount = clamp16(quint32(annotations.size()));
    span.firstRef = quint32(trace.refs.size());
    if (!parent.empty()) {
        SpanRef r;
        r.traceId = trace.addId(traceId);
        r.spanId = span.parentId;
        trace.refs.push_back(r);
        span.refCount = 1;
    }
    span.firstWarning = quint32(trace.spanWarnings.size());
    if (error)
        span.flags |= Span::Error;
    const QString service
        = local.service.empty()
              ? QCoreApplication::translate("Stackscope::TraceParser", "(unknown service)")
              : QString::fromUtf8(local.service.data(), qsizetype(local.service.size()));
    auto it = state.processes.find(service);
    if (it == state.processes.end()) {
        TraceProcess process;
        process.service = trace.strings.intern(service);
        process.firstTag = quint32(trace.tags.size());
        const std::pair<std::string_view, std::string_view> endpoint[]
            = {{"ipv4", local.ipv4}, {"ipv6", local.ipv6}, {"port", local.port}};
        for (const auto &[k, v] : endpoint) {
            if (!v.empty()) {
                addTag(k, v);
                ++process.tagCount;
            }
        }
        trace.processes.push_back(process);
        it = state.processes.emplace(service, quint32(trace.processes.size() - 1)).first;
    }
    span.process = it->second;
    span.service = trace.processes[it->second].service;
    trace.spans.push_back(span);
    state.shared.push_back(shared);
    return true;
}

/// A shared server span repeats its client's ID: it goes after the client and becomes its child,
/// and the spans of its own service that name that ID become its children (as Zipkin shows it).
void finishZipkinTrace(Trace &trace, const ZipkinTraceState &state)
{
    std::vector<size_t> order(trace.spans.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_partition(order.begin(), order.end(), [&](size_t i) { return !state.shared[i]; });
    std::vector<Span> spans;
    spans.reserve(trace.spans.size());
    std::vector<bool> shared;
    for (size_t i : order) {
        spans.push_back(trace.spans[i]);
        shared.push_back(state.shared[i]);
    }
    trace.spans = std::move(spans);
    std::unordered_map<std::string_view, size_t> firstById;
    for (size_t i = 0; i < trace.spans.size(); ++i)
        firstById.emplace(trace.idView(trace.spans[i].spanId), i);
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        if (shared[i] && firstById.at(trace.idView(trace.spans[i].spanId)) != i)
            trace.spans[i].parentId = trace.spans[i].spanId; // the client with this ID
    }
    trace.finish();
    int sharedCount = 0;
    for (size_t s = 0; s < trace.spans.size(); ++s) {
        const Span &server = trace.spans[s];
        if (!shared[s] || server.parent < 0)
            continue;
        ++sharedCount;
        for (size_t c = 0; c < trace.spans.size(); ++c) {
            Span &child = trace.spans[c];
            if (c != s && child.parent == server.parent && child.service == server.service
                && trace.idView(child.parentId) == trace.idView(server.spanId)) {
                child.parent = qint32(s);
                child.flags &= quint8(~Span::ClockSkew);
                if (child.startUs < server.startUs)
                    child.flags |= Span::ClockSkew;
            }
        }
    }
    if (sharedCount > 0)
        trace.warnings.append(QCoreApplication::translate(
            "Stackscope::TraceParser",
            "%n Zipkin server span(s) share the ID of their client span; shown as its child",
            nullptr, sharedCount));
}

void parseZipkin(TraceParseResult &result, ondemand::array spans)
{
    OtlpBuilder builder;
    builder.format = Trace::Format::ZipkinV2;
    std::map<Trace *, ZipkinTraceState> states;
    for (auto item : spans) {
        if (item.type() != ondemand::json_type::object
            || !parseZipkinSpan(builder, states, item.get_object())) {
            result.error = QCoreApplication::translate(
                "Stackscope::TraceParser",
                "valid JSON, but not a Jaeger, OTLP or Zipkin trace: an array of something "
                "else than Zipkin v2 spans (objects with `traceId` and `id`)");
            return;
        }
    }
    for (auto &trace : builder.order) {
        finishZipkinTrace(*trace, states[trace.get()]);
        result.traces.append(trace);
    }
}

// --- The document -------------------------------------------------------------------------

QString describe(const simdjson_error &e)
{
    switch (e.error()) {
    case INCOMPLETE_ARRAY_OR_OBJECT:
    case UNCLOSED_STRING:
        return QCoreApplication::translate("Stackscope::TraceParser",
                                           "the JSON stops early (truncated?)");
    default:
        return QCoreApplication::translate("Stackscope::TraceParser", "not valid JSON: %1")
            .arg(QString::fromUtf8(error_message(e.error())));
    }
}

QString notATrace(const QString &why)
{
    return QCoreApplication::translate("Stackscope::TraceParser",
                                       "valid JSON, but not a Jaeger, OTLP or Zipkin trace: %1")
        .arg(why);
}

/// One JSON object: a Jaeger trace, its envelope or an OTLP document. OTLP spans go to `otlp`
/// (which may collect several documents: the lines of a file); `keys` gets the top-level keys.
void parseObject(ondemand::parser &parser, padded_string_view view, TraceParseResult &result,
                 OtlpBuilder &otlp, QStringList &keys)
{
    ondemand::document doc = parser.iterate(view);
    if (doc.type() != ondemand::json_type::object) {
        result.error = notATrace(
            QCoreApplication::translate("Stackscope::TraceParser", "expected a JSON object"));
        return;
    }
    bool bareTrace = false;
    for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key();
        if (keys.size() < 6) {
            const QString name = QString::fromUtf8(key.data(), qsizetype(key.size()));
            if (!keys.contains(name))
                keys.append(name);
        }
        ondemand::value value = field.value();
        if (key == "data") {
            result.shape = TraceParseResult::Shape::JaegerEnvelope;
            switch (value.type()) {
            case ondemand::json_type::null:
                result.dataNull = true;
                break;
            case ondemand::json_type::array:
                for (auto item : value.get_array()) {
                    if (item.type() == ondemand::json_type::object)
                        result.traces.append(parseV1Trace(item.get_object()));
                }
                break;
            case ondemand::json_type::object:
                result.traces.append(parseV1Trace(value.get_object()));
                break;
            default:
                result.error = QCoreApplication::translate("Stackscope::TraceParser",
                                                           "`data` is neither traces nor null");
                return;
            }
        } else if (key == "errors" && value.type() == ondemand::json_type::array) {
            for (ondemand::object e : value.get_array()) {
                qint64 code = 0;
                QString msg;
                for (auto ef : e) {
                    const std::string_view en = ef.unescaped_key();
                    if (en == "code") {
                        code = numberOrString(ef.value());
                    } else if (en == "msg") {
                        const std::string_view m = text(ef.value());
                        msg = QString::fromUtf8(m.data(), qsizetype(m.size()));
                    }
                }
                result.serverErrors.append(code ? u"%1: %2"_s.arg(code).arg(msg) : msg);
            }
        } else if (key == "result" && value.type() == ondemand::json_type::object) {
            result.shape = TraceParseResult::Shape::OtlpResult;
            for (auto rf : value.get_object()) {
                if (rf.unescaped_key().value() == "resourceSpans"
                    && rf.value().type() == ondemand::json_type::array)
                    parseResourceSpans(otlp, rf.value().get_array());
            }
        } else if (key == "resourceSpans" && value.type() == ondemand::json_type::array) {
            result.shape = TraceParseResult::Shape::OtlpExport;
            parseResourceSpans(otlp, value.get_array());
        } else if (key == "spans" || key == "traceID" || key == "processes") {
            bareTrace = true; // start over on it as a whole
            break;
        }
    }
    if (bareTrace) {
        result.shape = TraceParseResult::Shape::JaegerTrace;
        ondemand::document again = parser.iterate(view);
        result.traces.append(parseV1Trace(again.get_object()));
    }
}

/// The OpenTelemetry Collector's file exporter writes one JSON object per line: the first line is
/// a whole object and more follows. (Pretty-printed JSON's first line is "{" alone.)
bool isJsonLines(const QByteArray &json, qsizetype first)
{
    const qsizetype newline = json.indexOf('\n', first);
    if (newline < 0)
        return false;
    const QByteArray line = json.mid(first, newline - first).trimmed();
    if (line.size() < 2 || !line.startsWith('{') || !line.endsWith('}'))
        return false;
    for (qsizetype i = newline + 1; i < json.size(); ++i) {
        if (!std::isspace(uchar(json.at(i))))
            return true;
    }
    return false;
}

/// Why a document whose reading stopped at a value of an unexpected type is not a trace: when it
/// is valid JSON (the DOM parser reads all of it), its shape is wrong, not its syntax.
QString describeTypeError(const simdjson_error &e, padded_string_view view)
{
    if (e.error() == INCORRECT_TYPE || e.error() == NUMBER_OUT_OF_RANGE) {
        dom::parser validator;
        const auto checked = validator.parse(view.data(), view.size(), false);
        if (!checked.error())
            return notATrace(QCoreApplication::translate("Stackscope::TraceParser",
                                                         "a value has an unexpected type (%1)")
                                 .arg(QString::fromUtf8(error_message(e.error()))));
        return describe(simdjson_error(checked.error()));
    }
    return describe(e);
}

} // namespace

namespace {

/// Asks Linux to back a large buffer with 2 MiB pages where it can: a 640 MB trace file costs
/// 160,000 page faults in 4 KiB pages, and in a virtual machine each costs microseconds. Only
/// advice: nothing changes where transparent huge pages are off.
void adviseHugePages(char *data, size_t size)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr uintptr_t huge = 2 * 1024 * 1024;
    if (size < 4 * huge)
        return;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

} // namespace

QByteArray readTraceFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QByteArray json;
    json.reserve(qsizetype(file.size()) + qsizetype(SIMDJSON_PADDING));
    adviseHugePages(json.data(), size_t(json.capacity()));
    json.resize(qsizetype(file.size()));
    const qint64 got = file.read(json.data(), json.size());
    if (got < 0) {
        *error = file.errorString();
        return {};
    }
    json.resize(qsizetype(got));
    return json;
}

TraceParseResult parseTraces(const QByteArray &json)
{
    TraceParseResult result;
    // simdjson reads up to 64 bytes past the end: reuse the buffer when it has room, else copy.
    padded_string copy;
    padded_string_view view;
    if (size_t(json.capacity()) >= size_t(json.size()) + SIMDJSON_PADDING) {
        view = padded_string_view(json.constData(), size_t(json.size()), size_t(json.capacity()));
    } else {
        copy = padded_string(json.constData(), size_t(json.size()));
        view = padded_string_view(copy);
    }
    qsizetype first = 0;
    while (first < json.size() && std::isspace(uchar(json.at(first))))
        ++first;
    if (first == json.size()) {
        result.error
            = QCoreApplication::translate("Stackscope::TraceParser", "the document is empty");
        return result;
    }
    const char lead = json.at(first);
    if (lead != '{' && lead != '[' && lead != '"' && lead != '-' && lead != 't' && lead != 'f'
        && lead != 'n' && !std::isdigit(uchar(lead))) {
        result.error = QCoreApplication::translate("Stackscope::TraceParser",
                                                   "not valid JSON: it starts with \"%1\"")
                           .arg(QString::fromUtf8(json.mid(first, 16)));
        return result;
    }
    ondemand::parser parser;
    OtlpBuilder otlp;
    QStringList keys;
    try {
        if (lead == '[') {
            ondemand::document doc = parser.iterate(view);
            ondemand::array array = doc.get_array();
            result.shape = TraceParseResult::Shape::ZipkinV2;
            parseZipkin(result, array);
            if (result.traces.isEmpty() && result.error.isEmpty())
                result.error = notATrace(QCoreApplication::translate(
                    "Stackscope::TraceParser", "an empty array (Zipkin v2 spans were expected)"));
            if (!result.error.isEmpty())
                result.traces.clear();
            return result;
        }
        if (lead == '{' && isJsonLines(json, first)) {
            qsizetype at = first;
            int line = 0;
            while (at < json.size()) {
                qsizetype end = json.indexOf('\n', at);
                if (end < 0)
                    end = json.size();
                ++line;
                const QByteArray text = json.mid(at, end - at).trimmed();
                at = end + 1;
                if (text.isEmpty())
                    continue;
                const padded_string padded(text.constData(), size_t(text.size()));
                try {
                    parseObject(parser, padded_string_view(padded), result, otlp, keys);
                } catch (const simdjson_error &e) {
                    result.error = describeTypeError(e, padded_string_view(padded));
                }
                if (!result.error.isEmpty()) {
                    result.error
                        = QCoreApplication::translate("Stackscope::TraceParser", "line %1: %2")
                              .arg(line)
                              .arg(result.error);
                    result.traces.clear();
                    return result;
                }
            }
            if (result.shape != TraceParseResult::Shape::Unknown) // else: says what it found
                result.shape = TraceParseResult::Shape::OtlpLines;
        } else if (lead != '{') {
            ondemand::document doc = parser.iterate(view);
            switch (doc.type()) {
            case ondemand::json_type::string:
                (void)doc.get_string().value();
                result.error
                    = notATrace(QCoreApplication::translate("Stackscope::TraceParser", "a string"));
                break;
            default:
                (void)doc.raw_json_token();
                result.error = notATrace(QCoreApplication::translate(
                    "Stackscope::TraceParser", "a single value, not an object or an array"));
                break;
            }
            return result;
        } else {
            parseObject(parser, view, result, otlp, keys);
            if (!result.error.isEmpty()) {
                result.traces.clear();
                return result;
            }
        }
        for (auto &trace : otlp.order) {
            trace->finish();
            result.traces.append(trace);
        }
        if (result.shape == TraceParseResult::Shape::Unknown)
            result.error = notATrace(
                QCoreApplication::translate(
                    "Stackscope::TraceParser",
                    "expected `data`, `spans`, `resourceSpans` or `result` at the top, found %1")
                    .arg(keys.isEmpty() ? QCoreApplication::translate("Stackscope::TraceParser",
                                                                      "an empty object")
                                        : u"`"_s + keys.join(u"`, `"_s) + u"`"_s));
    } catch (const simdjson_error &e) {
        result.error = describeTypeError(e, view);
        result.traces.clear();
        return result;
    }
    // A trace without spans ("spans": null) is nothing to show: no empty trace dated 1970.
    const qsizetype before = result.traces.size();
    result.traces.removeIf([](const TracePtr &trace) { return trace->spans.empty(); });
    if (result.error.isEmpty() && result.traces.isEmpty() && before > 0)
        result.error = QCoreApplication::translate(
            "Stackscope::TraceParser",
            "the trace has no spans (`spans` is null, empty or missing)");
    return result;
}

namespace {

void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(uchar(c)));
                out += buf;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

void appendId(QByteArray &out, const Trace &trace, IdText id)
{
    // IDs are the sender's text (JSON escapes already resolved): escaped like any string.
    appendString(out, QString::fromUtf8(trace.ids.data() + id.offset, qsizetype(id.length)));
}

void appendTags(QByteArray &out, const Trace &trace, quint32 first, quint32 count)
{
    out += '[';
    for (quint32 i = 0; i < count; ++i) {
        const SpanTag &tag = trace.tags[first + i];
        if (i)
            out += ',';
        out += "{\"key\":";
        appendString(out, trace.strings.at(tag.key));
        out += ",\"type\":\"" + Trace::typeName(tag.type).toLatin1() + "\",\"value\":";
        if (tag.textual || tag.type == SpanTag::Type::String || tag.type == SpanTag::Type::Binary)
            appendString(out, trace.strings.at(tag.text));
        else if (tag.type == SpanTag::Type::Float64 && !std::isfinite(tag.real))
            appendString(out, trace.tagText(tag)); // "inf", "nan": no JSON number; read back
        else
            out += trace.tagText(tag).toLatin1();
        out += '}';
    }
    out += ']';
}

} // namespace

QByteArray toJaegerJson(const Trace &trace)
{
    QByteArray out;
    out.reserve(qsizetype(trace.spans.size() * 400 + 1024));
    out += "{\"traceID\":";
    appendString(out, trace.traceId);
    out += ",\"spans\":[";
    for (size_t i = 0; i < trace.spans.size(); ++i) {
        const Span &span = trace.spans[i];
        if (i)
            out += ",\n";
        out += "{\"traceID\":";
        appendString(out, trace.traceId);
        out += ",\"spanID\":";
        appendId(out, trace, span.spanId);
        out += ",\"operationName\":";
        appendString(out, trace.strings.at(span.operation));
        out += ",\"references\":[";
        for (quint32 r = 0; r < span.refCount; ++r) {
            const SpanRef &ref = trace.refs[span.firstRef + r];
            if (r)
                out += ',';
            out += ref.kind == SpanRef::Kind::FollowsFrom ? "{\"refType\":\"FOLLOWS_FROM\""
                                                          : "{\"refType\":\"CHILD_OF\"";
            out += ",\"traceID\":";
            appendId(out, trace, ref.traceId);
            out += ",\"spanID\":";
            appendId(out, trace, ref.spanId);
            out += '}';
        }
        out += "],\"startTime\":" + QByteArray::number(span.startUs)
               + ",\"duration\":" + QByteArray::number(span.durationUs) + ",\"tags\":";
        appendTags(out, trace, span.firstTag, span.tagCount);
        out += ",\"logs\":[";
        for (quint32 l = 0; l < span.logCount; ++l) {
            const SpanLog &log = trace.logs[span.firstLog + l];
            if (l)
                out += ',';
            out += "{\"timestamp\":" + QByteArray::number(log.timestampUs) + ",\"fields\":";
            appendTags(out, trace, log.firstField, log.fieldCount);
            out += '}';
        }
        out += "],\"processID\":\"p" + QByteArray::number(span.process + 1) + "\",\"warnings\":";
        if (span.warningCount == 0) {
            out += "null";
        } else {
            out += '[';
            for (quint32 w = 0; w < span.warningCount; ++w) {
                if (w)
                    out += ',';
                appendString(out, trace.spanWarnings[span.firstWarning + w]);
            }
            out += ']';
        }
        out += '}';
    }
    out += "],\"processes\":{";
    for (size_t p = 0; p < trace.processes.size(); ++p) {
        const TraceProcess &process = trace.processes[p];
        if (p)
            out += ',';
        out += "\"p" + QByteArray::number(qulonglong(p + 1)) + "\":{\"serviceName\":";
        appendString(out, trace.strings.at(process.service));
        out += ",\"tags\":";
        appendTags(out, trace, process.firstTag, process.tagCount);
        out += '}';
    }
    out += "},\"warnings\":null}\n";
    return out;
}

} // namespace Stackscope
