// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/logs/fakeloki.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

namespace {

/// Loki writes errors with text/plain and nosniff (pkg/util/server/error.go, WriteError).
FaultResponse lokiError(int status, const QByteArray &text)
{
    FaultResponse response;
    response.status = status;
    response.headers
        = {{"Content-Type", "text/plain; charset=utf-8"}, {"X-Content-Type-Options", "nosniff"}};
    response.body = text;
    return response;
}

QJsonObject labelObject(const FakeLoki::LabelSet &labels)
{
    QJsonObject o;
    for (const auto &[name, value] : labels)
        o.insert(name, value);
    return o;
}

/// The `stats` object in the shape Loki 3 sends (summary, querier, ingester, cache), with the
/// summary's counts filled in.
QJsonObject stats(qint64 bytes, qint64 lines, qint64 returned)
{
    const QJsonObject summary{{u"bytesProcessedPerSecond"_s, bytes * 1000},
                              {u"linesProcessedPerSecond"_s, lines * 1000},
                              {u"totalBytesProcessed"_s, bytes},
                              {u"totalLinesProcessed"_s, lines},
                              {u"execTime"_s, 0.001},
                              {u"queueTime"_s, 0},
                              {u"subqueries"_s, 0},
                              {u"totalEntriesReturned"_s, returned},
                              {u"splits"_s, 0},
                              {u"shards"_s, 0},
                              {u"totalPostFilterLines"_s, lines},
                              {u"totalStructuredMetadataBytesProcessed"_s, 0}};
    const QJsonObject store{{u"totalChunksRef"_s, 0},
                            {u"totalChunksDownloaded"_s, 0},
                            {u"chunksDownloadTime"_s, 0},
                            {u"chunk"_s, QJsonObject{{u"headChunkBytes"_s, bytes},
                                                     {u"headChunkLines"_s, lines},
                                                     {u"decompressedBytes"_s, 0},
                                                     {u"decompressedLines"_s, 0},
                                                     {u"compressedBytes"_s, 0},
                                                     {u"totalDuplicates"_s, 0}}}};
    return {{u"summary"_s, summary},
            {u"querier"_s, QJsonObject{{u"store"_s, store}}},
            {u"ingester"_s, QJsonObject{{u"totalReached"_s, 1},
                                        {u"totalChunksMatched"_s, 1},
                                        {u"totalBatches"_s, 1},
                                        {u"totalLinesSent"_s, lines},
                                        {u"store"_s, store}}},
            {u"cache"_s, QJsonObject{}}};
}

FaultResponse success(const QJsonObject &data)
{
    return FaultServer::json(
        QJsonDocument(QJsonObject{{u"status"_s, u"success"_s}, {u"data"_s, data}})
            .toJson(QJsonDocument::Compact));
}

struct Selector
{
    QList<std::pair<QString, QString>> equal;
    QString contains; ///< a `|= "text"` line filter
};

/// A small LogQL reader: `{a="b", c="d"} |= "text"`; anything else it cannot read is a parse
/// error at the column where it stopped, as Loki reports it.
std::optional<Selector> readSelector(const QString &expr, FaultResponse *error)
{
    static const QRegularExpression whole(uR"re(^\s*\{([^}]*)\}\s*(?:\|=\s*"([^"]*)"\s*)?$)re"_s);
    static const QRegularExpression matcher(
        uR"re(^\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*=\s*"([^"]*)"\s*$)re"_s);
    const auto m = whole.match(expr);
    if (!m.hasMatch()) {
        *error = FakeLoki::parseError(int(expr.size()) + 1, u"syntax error: unexpected $end"_s);
        if (!expr.trimmed().startsWith(u'{'))
            *error = FakeLoki::parseError(1, u"syntax error: unexpected IDENTIFIER"_s);
        return std::nullopt;
    }
    Selector s;
    s.contains = m.captured(2);
    for (const QString &part : m.captured(1).split(u',', Qt::SkipEmptyParts)) {
        const auto pm = matcher.match(part);
        if (!pm.hasMatch()) {
            *error = FakeLoki::parseError(2, u"syntax error: unexpected IDENTIFIER"_s);
            return std::nullopt;
        }
        s.equal.append({pm.captured(1), pm.captured(2)});
    }
    if (s.equal.isEmpty()) {
        // Loki's own words for `{}` (pkg/logql/syntax: ErrParse wrapping the matcher rule).
        *error = lokiError(400, "parse error : queries require at least one regexp or equality "
                                "matcher that does not have an empty-compatible value. For "
                                "instance, app=~\".*\" does not meet this requirement, but "
                                "app=~\".+\" will");
        return std::nullopt;
    }
    return s;
}

bool isMetricQuery(const QString &expr)
{
    static const QRegularExpression function(
        uR"(^\s*(sum|avg|min|max|count|topk|bottomk|rate|count_over_time|bytes_rate|bytes_over_time|sum_over_time|avg_over_time|quantile_over_time|absent_over_time)\b)"_s);
    return function.match(expr).hasMatch();
}

} // namespace

FaultResponse FakeLoki::parseError(int column, const QString &what)
{
    // pkg/logql/syntax: ParseError.Error() is "parse error at line %d, col %d: %s".
    return lokiError(400, u"parse error at line 1, col %1: %2"_s.arg(column).arg(what).toUtf8());
}

FaultServer::Handler FakeLoki::handler() const
{
    const FakeLoki self = *this;
    return [self](const FaultRequest &request) -> std::optional<FaultResponse> {
        const QString path = request.path;
        if (path == "/ready"_L1)
            return FaultServer::text("ready\n");
        if (!path.startsWith("/loki/api/v1/"_L1))
            return std::nullopt; // Go's mux: 404 "404 page not found"
        switch (self.fault) {
        case Fault::None:
            break;
        case Fault::TooManyRequests:
            return lokiError(429, "too many outstanding requests");
        case Fault::GatewayTimeout:
            // pkg/util/server/error.go: ErrDeadlineExceeded with 504.
            return lokiError(504, "request timed out, decrease the duration of the request or "
                                  "add more label matchers (prefer exact match over regex "
                                  "match) to reduce the amount of data processed");
        case Fault::Unavailable:
            return lokiError(503, "the query-frontend has no querier connected");
        case Fault::HtmlPage:
            return FaultServer::html("<!doctype html><html><head><title>Sign in</title></head>"
                                     "<body><form action=\"/login\"></form></body></html>");
        }
        if (path == "/loki/api/v1/labels"_L1) {
            QSet<QString> names;
            for (const Stream &s : self.streams)
                for (const auto &label : s.labels)
                    names.insert(label.first);
            QStringList sorted(names.cbegin(), names.cend());
            sorted.sort();
            QJsonObject body{{u"status"_s, u"success"_s}};
            if (!sorted.isEmpty()) // Loki leaves `data` out when there is nothing
                body.insert(u"data"_s, QJsonArray::fromStringList(sorted));
            return FaultServer::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
        static const QRegularExpression valuesPath(u"^/loki/api/v1/label/([^/]+)/values$"_s);
        if (const auto m = valuesPath.match(path); m.hasMatch()) {
            QSet<QString> values;
            for (const Stream &s : self.streams)
                for (const auto &label : s.labels)
                    if (label.first == m.captured(1))
                        values.insert(label.second);
            QStringList sorted(values.cbegin(), values.cend());
            sorted.sort();
            return FaultServer::json(
                QJsonDocument(QJsonObject{{u"status"_s, u"success"_s},
                                          {u"data"_s, QJsonArray::fromStringList(sorted)}})
                    .toJson(QJsonDocument::Compact));
        }
        const bool range = path == "/loki/api/v1/query_range"_L1;
        if (!range && path != "/loki/api/v1/query"_L1)
            return std::nullopt;
        const QString expr = request.query.queryItemValue(u"query"_s, QUrl::FullyDecoded);
        if (expr.trimmed().isEmpty())
            return parseError(1, u"syntax error: unexpected $end"_s);
        if (isMetricQuery(expr)) {
            QJsonArray result;
            for (const MetricSeries &series : self.metric) {
                QJsonArray values;
                for (const auto &[t, v] : series.samples)
                    values.append(QJsonArray{t, QString::fromUtf8(v)});
                QJsonObject item{{u"metric"_s, labelObject(series.labels)}};
                if (range)
                    item.insert(u"values"_s, values);
                else if (!values.isEmpty())
                    item.insert(u"value"_s, values.last());
                result.append(item);
            }
            return success({{u"resultType"_s, range ? u"matrix"_s : u"vector"_s},
                            {u"result"_s, result},
                            {u"stats"_s, stats(0, 0, 0)}});
        }
        FaultResponse error;
        const auto selector = readSelector(expr, &error);
        if (!selector)
            return error;
        if (!range) // the message of logqlmodel.ErrUnsupportedSyntaxForInstantQuery
            return lokiError(400, "log queries are not supported as an instant query type, "
                                  "please change your query to a range query type");
        bool ok = true;
        int limit = 100;
        if (request.query.hasQueryItem(u"limit"_s))
            limit = request.query.queryItemValue(u"limit"_s).toInt(&ok);
        if (!ok || limit <= 0)
            return lokiError(400, "limit must be a positive value");
        const bool forward = request.query.queryItemValue(u"direction"_s) == "forward"_L1;
        qint64 start = std::numeric_limits<qint64>::min();
        qint64 end = std::numeric_limits<qint64>::max();
        if (request.query.hasQueryItem(u"start"_s))
            start = request.query.queryItemValue(u"start"_s).toLongLong();
        if (request.query.hasQueryItem(u"end"_s))
            end = request.query.queryItemValue(u"end"_s).toLongLong();
        // Every matching line, newest (backward) or oldest (forward) first, cut at the limit,
        // then grouped by stream as Loki sends them.
        struct Hit
        {
            qint64 t;
            int stream;
            QByteArray line;
        };
        QList<Hit> hits;
        qint64 scannedBytes = 0;
        qint64 scannedLines = 0;
        for (int i = 0; i < self.streams.size(); ++i) {
            const Stream &s = self.streams.at(i);
            const bool matches = std::all_of(selector->equal.cbegin(), selector->equal.cend(),
                                             [&s](const auto &m) { return s.labels.contains(m); });
            if (!matches)
                continue;
            for (const auto &[t, line] : s.lines) {
                if (t < start || t >= end)
                    continue;
                ++scannedLines;
                scannedBytes += line.size();
                if (!selector->contains.isEmpty()
                    && !QString::fromUtf8(line).contains(selector->contains))
                    continue;
                hits.append({t, i, line});
            }
        }
        std::stable_sort(hits.begin(), hits.end(), [forward](const Hit &a, const Hit &b) {
            return forward ? a.t < b.t : a.t > b.t;
        });
        if (hits.size() > limit)
            hits.resize(limit);
        QJsonArray result;
        for (int i = 0; i < self.streams.size(); ++i) {
            QJsonArray values;
            for (const Hit &h : hits)
                if (h.stream == i)
                    values.append(QJsonArray{QString::number(h.t), QString::fromUtf8(h.line)});
            if (!values.isEmpty())
                result.append(QJsonObject{{u"stream"_s, labelObject(self.streams.at(i).labels)},
                                          {u"values"_s, values}});
        }
        return success({{u"resultType"_s, u"streams"_s},
                        {u"result"_s, result},
                        {u"stats"_s, stats(scannedBytes, scannedLines, hits.size())}});
    };
}

} // namespace Stackscope::Test
