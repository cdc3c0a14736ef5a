// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/buckets.h"

#include "models/common/format.h"
#include "models/common/palette.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <tuple>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

/// The sorted times of all series, and the column width: the step, else the smallest gap.
std::pair<QList<qint64>, qint64> columns(const QList<Series> &series, double stepSeconds)
{
    QList<qint64> times;
    for (const Series &s : series)
        times += QList<qint64>(s.times.cbegin(), s.times.cend());
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    qint64 step = qint64(std::llround(stepSeconds * 1000));
    if (step <= 0) {
        for (qsizetype i = 1; i < times.size(); ++i) {
            const qint64 gap = times.at(i) - times.at(i - 1);
            if (step <= 0 || gap < step)
                step = gap;
        }
    }
    return {times, std::max<qint64>(step, 1)};
}

void finish(Heatmap *map)
{
    bool any = false;
    for (double c : std::as_const(map->counts)) {
        if (!std::isfinite(c))
            continue;
        map->min = any ? std::min(map->min, c) : c;
        map->max = any ? std::max(map->max, c) : c;
        any = true;
    }
}

} // namespace

double bucketBound(const Series &series)
{
    const auto it = series.labels.constFind(u"le"_s);
    if (it == series.labels.cend())
        return NaN;
    const QByteArray text = it->trimmed().toLatin1();
    double value = NaN;
    if (!parseSampleValue(text.constData(), text.size(), &value))
        return NaN;
    return value;
}

void sortByBucketBound(QList<Series> *series, QStringList *names)
{
    QList<qsizetype> order(series->size());
    std::iota(order.begin(), order.end(), 0);
    QList<double> bounds;
    for (const Series &s : std::as_const(*series))
        bounds << bucketBound(s);
    std::stable_sort(order.begin(), order.end(), [&bounds](qsizetype a, qsizetype b) {
        const double x = bounds.at(a);
        const double y = bounds.at(b);
        if (std::isnan(x) || std::isnan(y))
            return !std::isnan(x) && std::isnan(y); // those without a bound last
        return x < y;
    });
    QList<Series> sorted;
    QStringList sortedNames;
    for (qsizetype i : order) {
        sorted << series->at(i);
        if (names && i < names->size())
            sortedNames << names->at(i);
    }
    *series = sorted;
    if (names)
        *names = sortedNames;
}

void cumulativeToBuckets(QList<Series> *series, QStringList *names)
{
    sortByBucketBound(series, names);
    // From the top down, so that each subtraction sees the lower bucket still cumulative.
    for (qsizetype i = series->size() - 1; i > 0; --i) {
        const Series &lower = series->at(i - 1);
        QHash<qint64, double> below;
        for (qsizetype k = 0; k < lower.size(); ++k)
            below.insert(lower.times.at(k), lower.values.at(k));
        Series &upper = (*series)[i];
        for (qsizetype k = 0; k < upper.size(); ++k) {
            const auto it = below.constFind(upper.times.at(k));
            if (it == below.cend() || !std::isfinite(*it) || !std::isfinite(upper.values.at(k)))
                continue;
            upper.values[k] = std::max(0.0, upper.values.at(k) - *it);
        }
    }
}

Heatmap heatmapFromRows(const QList<Series> &rows, const QStringList &rowNames, double stepSeconds,
                        const QString &unit, int decimals)
{
    Heatmap map;
    std::tie(map.times, map.stepMs) = columns(rows, stepSeconds);
    const bool buckets
        = !rows.isEmpty() && std::all_of(rows.cbegin(), rows.cend(), [](const Series &s) {
              return !std::isnan(bucketBound(s));
          });
    // Buckets in le order whatever order they came in (a matrix sorts "10" before "2.5").
    QList<Series> series = rows;
    QStringList names = rowNames;
    if (buckets)
        sortByBucketBound(&series, &names);
    double previous = -Inf;
    for (qsizetype i = 0; i < series.size(); ++i) {
        HeatmapRow row;
        if (buckets) {
            row.lower = previous;
            row.upper = bucketBound(series.at(i));
            row.label = bucketText(row.upper, unit, decimals);
            previous = row.upper;
        } else {
            row.label = names.value(i);
        }
        map.rows << row;
    }
    map.counts.fill(NaN, map.rows.size() * map.times.size());
    for (qsizetype r = 0; r < series.size(); ++r) {
        const Series &s = series.at(r);
        for (qsizetype k = 0; k < s.size(); ++k) {
            const auto column
                = std::lower_bound(map.times.cbegin(), map.times.cend(), s.times.at(k))
                  - map.times.cbegin();
            map.counts[r * map.times.size() + column] = s.values.at(k);
        }
    }
    finish(&map);
    return map;
}

Heatmap calculateHeatmap(const QList<Series> &series, double stepSeconds, const QString &unit,
                         int decimals)
{
    Heatmap map;
    std::tie(map.times, map.stepMs) = columns(series, stepSeconds);
    double lo = Inf;
    double hi = -Inf;
    for (const Series &s : series) {
        for (double v : s.values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    if (lo > hi)
        return {};
    const double size = histogramBucketSize(lo, hi);
    const double first = std::floor(lo / size) * size;
    // Values too far apart for a double's range (or a million rows) are not drawn.
    if (!std::isfinite(first) || !std::isfinite((hi - first) / size) || (hi - first) / size > 10000)
        return {};
    const auto rowOf = [&](double v) {
        return qsizetype(std::floor((v - first) / size + 1e-9));
    };
    const qsizetype rows = rowOf(hi) + 1;
    for (qsizetype r = 0; r < rows; ++r) {
        HeatmapRow row;
        row.lower = first + double(r) * size;
        row.upper = row.lower + size;
        row.label = bucketText(row.lower, unit, decimals);
        map.rows << row;
    }
    // Every cell is counted (0 where no value fell), as Grafana's calculation does.
    map.counts.fill(0, rows * map.times.size());
    for (const Series &s : series) {
        for (qsizetype k = 0; k < s.size(); ++k) {
            const double v = s.values.at(k);
            if (!std::isfinite(v))
                continue;
            const auto column
                = std::lower_bound(map.times.cbegin(), map.times.cend(), s.times.at(k))
                  - map.times.cbegin();
            map.counts[std::clamp<qsizetype>(rowOf(v), 0, rows - 1) * map.times.size() + column]
                += 1;
        }
    }
    finish(&map);
    return map;
}

double histogramBucketSize(double min, double max)
{
    const double target = (max - min) / 10;
    if (!(target > 0) || !std::isfinite(target))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        // A little slack, so that 0.1 * 10^k is not pushed to 0.2 * 10^k by rounding.
        if (factor * magnitude >= target * (1 - 1e-9))
            return factor * magnitude;
    }
    return 10 * magnitude;
}

Histogram histogram(const QList<Series> &series, const QStringList &names,
                    const HistogramOptions &options)
{
    Histogram out;
    double lo = Inf;
    double hi = -Inf;
    for (const Series &s : series) {
        for (double v : s.values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    if (lo > hi)
        return out;
    out.size = options.bucketSize && *options.bucketSize > 0 ? *options.bucketSize
                                                             : histogramBucketSize(lo, hi);
    const double offset = options.bucketOffset;
    const auto startOf = [&](double v) {
        return std::floor((v - offset) / out.size);
    };
    const double firstIndex = startOf(lo);
    const double lastIndex = startOf(hi);
    // A bucket size far too small for the values' range would make millions of bars, and an
    // offset or a size out of a double's range none: then the automatic size without offset;
    // values too far apart even for that are not drawn.
    if (!std::isfinite(firstIndex) || !std::isfinite(lastIndex) || lastIndex - firstIndex > 10000) {
        if (options.bucketSize || offset != 0)
            return histogram(series, names, {std::nullopt, 0, options.combine});
        return {};
    }
    const qsizetype buckets = qsizetype(lastIndex - firstIndex) + 1;
    for (qsizetype i = 0; i < buckets; ++i)
        out.starts << (firstIndex + double(i)) * out.size + offset;
    const qsizetype sets = options.combine ? 1 : series.size();
    for (qsizetype i = 0; i < sets; ++i) {
        out.counts << QVector<int>(buckets, 0);
        out.names << (options.combine ? QString() : names.value(i));
    }
    for (qsizetype i = 0; i < series.size(); ++i) {
        QVector<int> &counts = out.counts[options.combine ? 0 : i];
        for (double v : series.at(i).values) {
            if (std::isfinite(v))
                ++counts[std::clamp<qsizetype>(qsizetype(startOf(v) - firstIndex), 0, buckets - 1)];
        }
    }
    for (const QVector<int> &counts : std::as_const(out.counts))
        out.maxCount = std::max(out.maxCount, *std::max_element(counts.cbegin(), counts.cend()));
    return out;
}

QString bucketText(double value, const QString &unit, int decimals)
{
    if (decimals < 0 || !std::isfinite(value))
        return Format::value(value, unit);
    // Format keeps significant digits (after scaling to the unit, so the integer part is up to
    // three digits) and drops trailing zeros: room for `decimals` more.
    return Format::value(value, unit, std::clamp(decimals + 3, 3, 12));
}

QColor heatmapColor(const HeatmapOptions &options, double count, double min, double max,
                    bool darkBackground)
{
    double t = max > min ? std::clamp((count - min) / (max - min), 0.0, 1.0) : 1.0;
    if (options.scale == HeatmapOptions::ColorScale::Exponential)
        t = std::pow(t, options.exponent > 0 ? options.exponent : 0.5);
    const int steps = std::max(2, options.steps);
    t = std::round(t * (steps - 1)) / (steps - 1);
    if (options.colorMode == HeatmapOptions::ColorMode::Opacity) {
        QColor c = options.fill;
        // Never quite transparent: the fewest still show (Grafana starts at a tenth).
        c.setAlphaF(float(0.1 + 0.9 * t));
        return c;
    }
    bool reverse = options.reverse;
    if (darkBackground && Palette::schemeRunsFromLight(options.scheme))
        reverse = !reverse;
    return Palette::scheme(options.scheme, reverse ? 1 - t : t);
}

} // namespace Stackscope
