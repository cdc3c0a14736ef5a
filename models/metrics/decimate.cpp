// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/decimate.h"

#include <cmath>

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

} // namespace Stackscope
