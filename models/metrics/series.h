// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace Stackscope {

/// A label set, ordered by name (so that equal sets compare and hash equal).
using Labels = QMap<QString, QString>;

/// One time series as Prometheus returned it: labels, and samples as parallel arrays (times in
/// ms since the epoch, values as doubles, NaN and ±Inf kept). Parallel arrays keep 11,000-point
/// series compact and cheap to decimate.
struct Series
{
    Labels labels;
    QVector<qint64> times;
    QVector<double> values;

    qsizetype size() const { return times.size(); }
    /// The metric name, empty when the query dropped it (rate(), sums).
    QString metricName() const { return labels.value(QStringLiteral("__name__")); }
};

/// What one query returned: Prometheus' four result types in one shape. A scalar or a string
/// becomes one series with one sample (a string's text in `text`).
struct QueryResult
{
    enum class Type { None, Matrix, Vector, Scalar, String };
    Type type = Type::None;
    QList<Series> series;
    QString text;                   ///< the value of a string result
    QStringList warnings;           ///< the server's "warnings"
    qsizetype histogramSamples = 0; ///< native histogram samples seen and skipped

    qsizetype pointCount() const;
};

/// `{{label}}` (with or without spaces) replaced by the series' label values, as Grafana does;
/// an empty format gives the series' name in Prometheus' notation.
QString formatLegend(const QString &format, const Labels &labels);
/// The legend names of one query's series as Grafana's Prometheus data source gives them: the
/// format with `{{label}}` replaced; an empty format gives the series' signature; "__auto" gives
/// the labels that tell the query's series apart (all of them for a single series, a label's
/// value alone when it is the only one) and, for a series without labels, its metric name.
/// A name that would be the empty set "{}" is the query's expression instead.
QStringList legendNames(const QString &format, const QString &expr, const QList<Series> &series);
/// `name{a="1", b="2"}` (name omitted when absent).
QString seriesSignature(const Labels &labels);

/// Parses a Prometheus sample value ("1.5", "NaN", "+Inf", "-Inf", "1e-05"); false when it is
/// none of them.
bool parseSampleValue(const char *text, qsizetype length, double *value);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::QueryResult)
