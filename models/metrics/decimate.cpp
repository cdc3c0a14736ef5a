// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/decimate.h"

#include <cmath>
#include <limits>

namespace Stackscope {

QList<QList<QPointF>> decimateSeries(const Series &series, qint64 startMs, qint64 endMs,
                                     int columns, qint64 gapMs)
{
    QList<QList<QPointF>> segments;
    const qsizetype n = series.size();
    if (n == 0)
        return segments;
    columns = std::max(columns, 1);
    const double span = double(std::max<qint64>(endMs - startMs, 1));
    const double perColumn = span / columns;

    QList<QPointF> current;
    int column = -1;
    qsizetype minIndex = -1;
    qsizetype maxIndex = -1;
    qint64 previousTime = 0;
    bool havePrevious = false;
    const qint64 *times = series.times.constData();
    const double *values = series.values.constData();

    auto flushColumn = [&] {
        if (minIndex < 0)
            return;
        const qsizetype first = std::min(minIndex, maxIndex);
        const qsizetype second = std::max(minIndex, maxIndex);
        current.append(QPointF(double(times[first]), values[first]));
        if (second != first)
            current.append(QPointF(double(times[second]), values[second]));
        minIndex = maxIndex = -1;
    };
    auto flushSegment = [&] {
        flushColumn();
        if (!current.isEmpty())
            segments.append(std::move(current));
        current = QList<QPointF>();
        column = -1;
    };

    for (qsizetype i = 0; i < n; ++i) {
        const double v = values[i];
        const qint64 t = times[i];
        if (!std::isfinite(v)) {
            flushSegment();
            havePrevious = false;
            continue;
        }
        if (havePrevious && gapMs > 0 && t - previousTime > gapMs)
            flushSegment();
        previousTime = t;
        havePrevious = true;
        const int c = int(std::floor(double(t - startMs) / perColumn));
        if (c != column) {
            flushColumn();
            column = c;
        }
        if (minIndex < 0 || v < values[minIndex])
            minIndex = i;
        if (maxIndex < 0 || v > values[maxIndex])
            maxIndex = i;
    }
    flushSegment();
    return segments;
}

QList<QPointF> simplifyForPixels(const QList<QPointF> &points, double xScale, double yScale,
                                 double tolerancePx)
{
    const qsizetype n = points.size();
    if (n <= 2 || !(xScale > 0) || !(yScale > 0) || !std::isfinite(xScale)
        || !std::isfinite(yScale))
        return points;
    QList<QPointF> kept;
    kept.reserve(std::min<qsizetype>(n, 1024));
    const QPointF *p = points.constData();
    const double inf = std::numeric_limits<double>::infinity();
    // The anchor is the last kept point; [lower, upper] the slopes (pixels per pixel) from it
    // that pass within the tolerance of every point skipped since.
    qsizetype anchor = 0;
    qsizetype last = 0; // the last point accepted into the current run
    double lower = -inf;
    double upper = inf;
    kept.append(p[0]);
    for (qsizetype i = 1; i < n; ++i) {
        double dx = (p[i].x() - p[anchor].x()) * xScale;
        double dy = (p[i].y() - p[anchor].y()) * yScale;
        const double slope = dy / dx;
        // A point can replace the run's end only when the line to it passes every skipped one.
        if (dx > 0 && slope >= lower && slope <= upper) {
            lower = std::max(lower, (dy - tolerancePx) / dx);
            upper = std::min(upper, (dy + tolerancePx) / dx);
            last = i;
            continue;
        }
        // The door closed: keep the run's end and start a new run from it.
        if (last != anchor) {
            kept.append(p[last]);
            anchor = last;
        }
        dx = (p[i].x() - p[anchor].x()) * xScale;
        dy = (p[i].y() - p[anchor].y()) * yScale;
        if (dx > 0) {
            lower = (dy - tolerancePx) / dx;
            upper = (dy + tolerancePx) / dx;
            last = i;
        } else {
            // Same x as the anchor: nothing can replace it.
            kept.append(p[i]);
            anchor = last = i;
            lower = -inf;
            upper = inf;
        }
    }
    if (last != anchor)
        kept.append(p[last]);
    return kept;
}

} // namespace Stackscope
