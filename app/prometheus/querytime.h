// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// Time arithmetic for range queries, following Grafana's rules so that imported dashboards ask
/// Prometheus the same questions Grafana would.
namespace QueryTime {
/// Prometheus' hard limit is 11,000 points per series; we never ask for more.
constexpr int maxPoints = 11000;

/// "30s", "5m", "1h30m", "2d", "1w", "250ms" → seconds; -1 when unreadable.
double parseDuration(const QString &text);
/// 90 → "1m30s", 300 → "5m", 0.5 → "500ms": the form PromQL accepts.
QString formatDuration(double seconds);
/// The next readable interval at or above `seconds` (1s, 2s, 5s, 10s, 15s, 30s, 1m, 2m, 5m,
/// 10m, 15m, 30m, 1h, 2h, 3h, 6h, 12h, 1d, 7d).
double snapInterval(double seconds);
/// The step for a range query: range ÷ pixel width, never below `minStep` (the scrape interval
/// or the panel's min interval), snapped to a readable interval, and large enough that the
/// range holds at most maxPoints points.
double stepFor(double rangeSeconds, int pixelWidth, double minStep);
/// start rounded down and end rounded up to a multiple of the step (so that refreshes reuse
/// Prometheus' cached points and charts do not shimmer).
void alignToStep(QDateTime *start, QDateTime *end, double stepSeconds);
/// A value escaped for a regex inside a PromQL string, as Grafana does for multi-value and
/// include-All variables: regex specials get a backslash, itself escaped for the string
/// ("a.b" → `a\\.b` in the query text, which PromQL reads as the regex `a\.b`).
QString regexEscape(const QString &value);
/// The text a variable puts into a query: the value as it is for a plain variable; for a
/// multi-value or include-All one the values regex-escaped, several as "(a|b)", All as the
/// variable's allValue or every option.
QString variableText(const QStringList &selected, const QStringList &options, bool multiOrAll,
                     const QString &allValue);
/// Grafana's $__rate_interval: max($__interval + scrape interval, 4 × scrape interval).
double rateInterval(double intervalSeconds, double scrapeSeconds);

/// Replaces $__interval, $__interval_ms, $__rate_interval, $__range, $__range_s, $__range_ms
/// and dashboard variables ($name, ${name}, [[name]]) in a PromQL expression with their text in
/// `variables`: multi-valued ones (values joined with '|') suit `=~` matchers, as in Grafana.
/// `${name:format}` (csv, pipe, regex, json, glob, raw, queryparam, ...; VariableFormat::format)
/// formats the variable's values in `selected`.
QString interpolate(const QString &expr, const QMap<QString, QString> &variables,
                    double intervalSeconds, double rangeSeconds, double scrapeSeconds,
                    const QMap<QString, QStringList> &selected = {});
} // namespace QueryTime

} // namespace Stackscope
