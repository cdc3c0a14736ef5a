// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/exemplar.h"
#include "models/metrics/series.h"
#include "models/metrics/targetsmodel.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stackscope {

/// Prometheus' own account of a failed request: `{"status":"error","errorType":"bad_data",
/// "error":"..."}`. Empty when the body was not a Prometheus error.
struct PromApiError
{
    QString errorType;
    QString error;
    bool isError() const { return !errorType.isEmpty() || !error.isEmpty(); }
    /// "bad_data: parse error at char 5: ..." (or the bare error when there is no type).
    QString text() const;
};

struct PromBuildInfo
{
    QString version; ///< "2.42.0+ds" on Debian
    QString revision;
    QString goVersion;
};

/// One rule from /api/v1/rules.
struct PromRule
{
    QString group;
    QString file;
    QString name;
    QString type; ///< "recording" or "alerting"
    QString query;
    QString health;
    QString state; ///< alerting rules: "inactive", "pending", "firing"
};

/// Parses the Prometheus HTTP API's JSON (simdjson; no Qt JSON on the hot path). Every function
/// returns false with `problem` set when the body is not what the API returns; a body with
/// `"status":"error"` also fills `apiError`. Safe to call from any thread.
namespace PromParser {
/// /api/v1/query and /api/v1/query_range: matrix, vector, scalar and string results; sample
/// values as strings including NaN, ±Inf and exponents; native histogram samples are counted
/// in histogramSamples and skipped.
bool parseQuery(const QByteArray &body, QueryResult *result, PromApiError *apiError,
                QString *problem);
/// /api/v1/query_exemplars: one Exemplar per exemplar, with the labels of the series it was
/// recorded on; values as strings (NaN and ±Inf too), timestamps in seconds.
bool parseExemplars(const QByteArray &body, QList<Exemplar> *exemplars, PromApiError *apiError,
                    QString *problem);
/// /api/v1/targets (active targets).
bool parseTargets(const QByteArray &body, QList<ScrapeTarget> *targets, PromApiError *apiError,
                  QString *problem);
/// /api/v1/labels and /api/v1/label/<name>/values.
bool parseStringList(const QByteArray &body, QStringList *values, PromApiError *apiError,
                     QString *problem);
/// /api/v1/series.
bool parseSeries(const QByteArray &body, QList<Labels> *series, PromApiError *apiError,
                 QString *problem);
bool parseBuildInfo(const QByteArray &body, PromBuildInfo *info, PromApiError *apiError,
                    QString *problem);
bool parseRules(const QByteArray &body, QList<PromRule> *rules, PromApiError *apiError,
                QString *problem);
/// /api/v1/status/config: the loaded configuration as YAML text.
bool parseConfig(const QByteArray &body, QString *yaml, PromApiError *apiError, QString *problem);
/// The `global: scrape_interval:` of a configuration as Prometheus prints it, in seconds; -1
/// when it is absent or unreadable.
double globalScrapeInterval(const QString &yaml);
/// The error fields of an error body (any status); empty when the body is not one.
PromApiError parseError(const QByteArray &body);
/// RFC 3339 with up to nanoseconds, as Prometheus writes times.
QDateTime parseTime(const QString &text);
} // namespace PromParser

} // namespace Stackscope
