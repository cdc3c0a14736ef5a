// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/series.h"

#include <QList>
#include <QPointF>

namespace Stackscope {

/// Reduces a series to what a chart `columns` pixels wide can show: at most two points (the
/// minimum and the maximum, in time order) per pixel column, split into segments wherever a
/// sample is NaN or ±Inf or the time between two samples exceeds `gapMs` (missing samples), so
/// that gaps are drawn as gaps. x is milliseconds since the epoch, y the value.
QList<QList<QPointF>> decimateSeries(const Series &series, qint64 startMs, qint64 endMs,
                                     int columns, qint64 gapMs);

} // namespace Stackscope
