// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cmath>
#include <limits>
#include <optional>

namespace Stackscope {

/// How a heatmap panel colours and labels its cells (Grafana's heatmap `options`, or the legacy
/// heatmap's `color`, `yAxis`, `dataFormat` and `hideZeroBuckets`).
struct HeatmapOptions
{
    enum class ColorMode {
        Scheme,  ///< a colour scheme from low to high counts (Grafana's default, "Oranges")
        Opacity, ///< one colour, more opaque for higher counts
    };
    enum class ColorScale {
        Exponential, ///< position = fraction^exponent (Grafana's default, exponent 0.5)
        Linear,
    };
    ColorMode colorMode = ColorMode::Scheme;
    QString scheme = QStringLiteral("Oranges"); ///< d3's name, with or without "interpolate"
    QColor fill = QColor(0xfa, 0x64, 0x00);     ///< the opacity mode's colour (dark-orange)
    ColorScale scale = ColorScale::Exponential;
    double exponent = 0.5;
    int steps = 64;       ///< how many colours the scale has
    bool reverse = false; ///< the scheme from high to low
    /// Bucket the series' values (Grafana's `calculate: true`, the legacy dataFormat
    /// "timeseries"); else every series is a row (Prometheus' buckets with `format: heatmap`, or
    /// plain series).
    bool calculate = false;
    /// Cells whose count is at or below this are not drawn (Grafana's filterValues.le, 1e-9);
    /// none for the legacy heatmap, which draws empty buckets unless hideZeroBuckets.
    std::optional<double> hideAtOrBelow = 1e-9;
    QString yUnit;      ///< the y axis' unit (options.yAxis.unit, legacy yAxis.format)
    int yDecimals = -1; ///< -1 = automatic

    friend bool operator==(const HeatmapOptions &, const HeatmapOptions &) = default;
};

/// Grafana's histogram panel options.
struct HistogramOptions
{
    std::optional<double> bucketSize; ///< none = about a tenth of the values' range, rounded
    double bucketOffset = 0;
    bool combine = false; ///< one histogram of all series instead of one per series

    friend bool operator==(const HistogramOptions &, const HistogramOptions &) = default;
};

/// The value of a series' `le` label ("0.25", "+Inf"), NaN when it has none or it is no number.
double bucketBound(const Series &series);

/// Series in Prometheus bucket order: by `le` numerically, +Inf last; series without an `le`
/// after them, in their order. `names` (when given) are reordered with them.
void sortByBucketBound(QList<Series> *series, QStringList *names = nullptr);

/// Grafana's Prometheus `format: heatmap`: the query's series sorted by `le` and turned from
/// cumulative counts into counts per bucket, by subtracting at each time the value of the next
/// lower bucket at that time (the first bucket stays as it is). A negative difference (a counter
/// reset between the two samples) is 0.
void cumulativeToBuckets(QList<Series> *series, QStringList *names = nullptr);

/// One row of a heatmap: a bucket from `lower` (exclusive; -Inf for the first Prometheus
/// bucket) to `upper` (inclusive; +Inf for the last), or a series (bounds NaN).
struct HeatmapRow
{
    QString label;
    double lower = std::numeric_limits<double>::quiet_NaN();
    double upper = std::numeric_limits<double>::quiet_NaN();

    bool isBucket() const { return !std::isnan(upper); }
};

/// What a heatmap panel draws: cells of time columns × rows (bottom row first), each a count.
struct Heatmap
{
    QList<qint64> times; ///< each column's start (ms), ascending
    qint64 stepMs = 0;   ///< each column's width
    QList<HeatmapRow> rows;
    QVector<double> counts; ///< row-major, rows × times; NaN = no sample there
    double min = 0;         ///< of the finite counts
    double max = 0;

    double count(qsizetype row, qsizetype column) const
    {
        return counts.at(row * times.size() + column);
    }
    bool isEmpty() const { return times.isEmpty() || rows.isEmpty(); }
};

/// A heatmap whose rows are the series (already per bucket, see cumulativeToBuckets): when every
/// series has an `le` label, the rows are in `le` order and each is the bucket from the row
/// below's `le` to its own; otherwise each row is a series named by `names`, in their order. The
/// columns are the samples' times, `stepSeconds` wide (0 = the smallest gap between them).
Heatmap heatmapFromRows(const QList<Series> &series, const QStringList &names, double stepSeconds,
                        const QString &unit = {}, int decimals = -1);

/// A heatmap calculated from the values of all series (Grafana's `calculate`, the legacy
/// dataFormat "timeseries"): a column per sample time, rows of equal value ranges (the size as
/// histogramBucketSize chooses it), each cell the number of series whose value at that time falls
/// in its range [lower, upper). Empty for values too far apart for 10,000 rows.
Heatmap calculateHeatmap(const QList<Series> &series, double stepSeconds, const QString &unit = {},
                         int decimals = -1);

/// The bucket size Grafana's histogram chooses without one: the first of 1, 2, 2.5 and 5 times
/// a power of ten that is at least a tenth of `max - min` (1 when they are equal).
double histogramBucketSize(double min, double max);

/// What a histogram panel draws: bars of equal width from `starts[i]` to `starts[i] + size`,
/// each counting values of a series (or of all series, combined).
struct Histogram
{
    double size = 1;
    QList<double> starts;       ///< every bucket from the lowest value's to the highest's
    QStringList names;          ///< one per set of counts ("Count" when combined)
    QList<QVector<int>> counts; ///< per name, per bucket
    int maxCount = 0;

    bool isEmpty() const { return starts.isEmpty(); }
};

/// Grafana's histogram: every finite value of every series (all samples over the range) in
/// buckets of `options.bucketSize` (or histogramBucketSize), shifted by `bucketOffset`; a value
/// v falls into the bucket starting at floor((v - offset) / size) * size + offset. Buckets with
/// no value between the lowest and the highest are there with count 0. A size or offset that
/// would give more than 10,000 buckets (or none) gives the automatic ones instead; values too far
/// apart even for those give none.
Histogram histogram(const QList<Series> &series, const QStringList &names,
                    const HistogramOptions &options);

/// A bucket bound or value for an axis or a tooltip: in `unit`, as Format writes it (three
/// significant digits, trailing zeros dropped), with room for `decimals` more when set.
QString bucketText(double value, const QString &unit, int decimals = -1);

/// The colour of a count between `min` and `max` as the heatmap's options say: its place on the
/// scale (exponential or linear), quantised to `steps`, then the scheme's colour there (reversed
/// when `reverse`, or `darkBackground` for a one-hue scheme, as Grafana does on a dark theme) or
/// the fill colour with that opacity.
QColor heatmapColor(const HeatmapOptions &options, double count, double min, double max,
                    bool darkBackground = false);

} // namespace Stackscope
