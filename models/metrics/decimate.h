// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QList>
#include <QPointF>

namespace Stackscope {

/// Reduces a series to what a chart `columns` pixels wide can show: at most two points (the
/// minimum and the maximum, in time order) per pixel column, split into segments wherever a
/// sample is NaN or ±Inf or the time between two samples exceeds `gapMs` (missing samples), so
/// that gaps are drawn as gaps. x is milliseconds since the epoch, y the value.
QList<QList<QPointF>> decimateSeries(const Series &series, qint64 startMs, qint64 endMs,
                                     int columns, qint64 gapMs);

/// Drops the points of a polyline that do not change what is drawn: every point removed lies
/// within `tolerancePx` pixels (vertically) of the line that replaces it. `xScale` and `yScale`
/// convert the points' coordinates to pixels. Runs in one pass (a "swinging door": the range of
/// slopes from the last kept point that still passes every skipped point narrows until the next
/// point falls outside it). Points must be in ascending x order; the first and last are kept.
QList<QPointF> simplifyForPixels(const QList<QPointF> &points, double xScale, double yScale,
                                 double tolerancePx = 0.5);

} // namespace Stackscope
