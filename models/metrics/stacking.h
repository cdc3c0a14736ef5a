// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QList>
#include <QVector>

namespace Stackscope {

/// One series' band in a stack: at each of its times, from `lower` to `upper`.
struct StackedBand
{
    QVector<qint64> times;
    QVector<double> lower;
    QVector<double> upper;

    qsizetype size() const { return times.size(); }
};

/// Series stacked as Grafana stacks them: in the panel's order, each series' band starts where
/// the sum of the series before it ends at the same time; positive and negative values stack
/// apart (up from 0 and down from 0). A series without a finite sample at a time has no point
/// there (a gap in its band) and adds nothing to the ones above. `percent` divides every time's
/// values by the sum of their magnitudes, so the stack ends at 1 (Grafana's percent stacking,
/// shown as 0–100 %). Series not `included` (hidden) get empty bands and add nothing.
QList<StackedBand> stackSeries(const QList<Series> &series, bool percent,
                               const QList<bool> &included = {});

} // namespace Stackscope
