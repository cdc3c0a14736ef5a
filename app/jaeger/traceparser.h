// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/trace.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// What one Jaeger JSON document held: the traces, and the envelope's errors.
struct TraceParseResult
{
    enum class Shape {
        Unknown,
        JaegerTrace,
        JaegerEnvelope,
        OtlpResult,
        OtlpExport,
        OtlpLines, ///< newline-delimited: one object per line (the Collector's file exporter)
        ZipkinV2   ///< a JSON array of Zipkin v2 spans
    };
    Shape shape = Shape::Unknown;
    QList<TracePtr> traces;
    QStringList
        serverErrors; ///< the envelope's `errors[].msg`, with their code: "404: trace not found"
    QString error;    ///< why the document could not be read (empty when it could)
    bool dataNull = false; ///< the envelope said `"data": null`

    bool ok() const { return error.isEmpty(); }
};

/// Reads the Jaeger query API's JSON (one trace object, the `data` envelope of /api/traces and
/// /api/traces/{id}), Jaeger v2's /api/v3 OTLP JSON (`result.resourceSpans`, or a bare
/// `resourceSpans` export), newline-delimited JSON as the OpenTelemetry Collector's file exporter
/// writes it (one such object per line; spans of one trace ID on several lines are one trace),
/// and Zipkin v2 JSON (an array of spans) into compact traces. Thread-safe (no shared state):
/// runs on workers. A span's parent is its first reference (CHILD_OF or FOLLOWS_FROM), OTLP
/// `parentSpanId` or Zipkin `parentId`. OTLP status ERROR (`2` or "STATUS_CODE_ERROR") and a
/// Zipkin `error` tag mark a span as an error; OTLP and Zipkin span kinds become the `span.kind`
/// tag, events and annotations logs (their name in the field `event`), links FOLLOWS_FROM
/// references. Traces without spans (`"spans": null`) are left out; a document with nothing
/// else says so in `error`.
TraceParseResult parseTraces(const QByteArray &json);

/// The bytes of a trace file, read into a buffer with room for the parser's padding (so that
/// parseTraces() parses them where they are: QFile::readAll() and a padded copy would hold the
/// file twice more) and backed by 2 MiB pages where Linux offers them. Empty, with `error` set
/// to the file's error text, when it cannot be opened or read.
QByteArray readTraceFile(const QString &path, QString *error);

/// The trace as a Jaeger v1 JSON trace object (the shape /api/traces/{id} puts under `data`),
/// for "Save as JSON". Reads back into an equal trace.
QByteArray toJaegerJson(const Trace &trace);

} // namespace Stackscope
