// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logentry.h"
#include "models/metrics/series.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// The `stats.summary` Loki adds to a query answer (zero when it sent none).
struct LokiStats
{
    qint64 totalBytesProcessed = 0;
    qint64 totalLinesProcessed = 0;
    double execTimeSeconds = 0;
};

/// One answer of /loki/api/v1/query_range or /query. A log query fills `sources` (one per
/// stream, its labels) and `entries` (every line, pointing into `sources`, in the order Loki
/// sent them); a metric query fills `series`, the same value type Prometheus answers produce, so
/// that charts draw it unchanged.
struct LokiResult
{
    enum class Type { None, Streams, Matrix, Vector };
    Type type = Type::None;
    QList<LogSource> sources;
    QList<LogEntry> entries;
    QueryResult series;
    LokiStats stats;
    QStringList warnings;
};

/// Parses Loki's HTTP API JSON with simdjson. Every function returns false with `problem` set
/// when the body is not what the API answers. Safe to call from any thread.
namespace LokiParser {
/// query_range and query: `streams` (timestamps as nanosecond strings; an optional third element
/// of structured metadata is ignored), `matrix` and `vector` (seconds as numbers, values as
/// strings, NaN and ±Inf in any case, as Go's ParseFloat reads them).
bool parseQuery(const QByteArray &body, LokiResult *result, QString *problem);
/// /loki/api/v1/labels and /label/{name}/values: `{"status":"success","data":[...]}`; a missing
/// `data` (Loki omits it when there is none) is an empty list.
bool parseStringList(const QByteArray &body, QStringList *values, QString *problem);
/// The level a line's stream labels give (`level`, `severity`, `detected_level`), Unknown when
/// none does.
LogLevel levelFromLabels(const QList<std::pair<QString, QString>> &labels);
/// `{a="b", c="d"}` as Loki prints a label set.
QString labelsText(const QList<std::pair<QString, QString>> &labels);
} // namespace LokiParser

} // namespace Stackscope
