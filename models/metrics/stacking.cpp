// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/stacking.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace Stackscope {

QList<StackedBand> stackSeries(const QList<Series> &series, bool percent,
                               const QList<bool> &included)
{
    QList<StackedBand> bands(series.size());
    // Every time any series has, in order: a range query's series share the step's grid.
    QVector<qint64> times;
    for (qsizetype i = 0; i < series.size(); ++i) {
        if (included.value(i, true))
            times += series.at(i).times;
    }
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    QHash<qint64, qsizetype> slot;
    slot.reserve(times.size());
    for (qsizetype k = 0; k < times.size(); ++k)
        slot.insert(times.at(k), k);

    QVector<double> total;
    if (percent) {
        total.fill(0, times.size());
        for (qsizetype i = 0; i < series.size(); ++i) {
            if (!included.value(i, true))
                continue;
            const Series &s = series.at(i);
            for (qsizetype j = 0; j < s.size(); ++j) {
                if (std::isfinite(s.values.at(j)))
                    total[slot.value(s.times.at(j))] += std::abs(s.values.at(j));
            }
        }
    }
    QVector<double> up(times.size(), 0.0);
    QVector<double> down(times.size(), 0.0);
    for (qsizetype i = 0; i < series.size(); ++i) {
        if (!included.value(i, true))
            continue;
        const Series &s = series.at(i);
        StackedBand &band = bands[i];
        band.times.reserve(s.size());
        band.lower.reserve(s.size());
        band.upper.reserve(s.size());
        for (qsizetype j = 0; j < s.size(); ++j) {
            double v = s.values.at(j);
            if (!std::isfinite(v))
                continue;
            const qsizetype k = slot.value(s.times.at(j));
            if (percent)
                v = total.at(k) > 0 ? v / total.at(k) : 0;
            double &base = v < 0 ? down[k] : up[k];
            band.times.append(s.times.at(j));
            band.lower.append(base);
            base += v;
            band.upper.append(base);
        }
    }
    return bands;
}

} // namespace Stackscope
