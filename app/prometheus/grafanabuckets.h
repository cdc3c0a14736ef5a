// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/buckets.h"

#include <QJsonObject>

namespace Stackscope {

/// A Grafana heatmap panel's options: Grafana 9's `options` (calculate, color's mode, scheme,
/// fill, scale, exponent, steps and reverse, filterValues.le, yAxis' unit and decimals), or the
/// legacy heatmap's (dataFormat "timeseries" calculates, "tsbuckets" does not; color's mode
/// "spectrum" or "opacity", colorScheme, cardColor, colorScale "sqrt" or "linear", exponent;
/// yAxis' format and decimals; hideZeroBuckets). What is absent takes Grafana's default;
/// `fieldUnit` is the panel's unit, the y axis' when the options name none.
HeatmapOptions grafanaHeatmapOptions(const QJsonObject &panel, const QString &fieldUnit);

/// A Grafana histogram panel's options (bucketSize, bucketOffset, combine).
HistogramOptions grafanaHistogramOptions(const QJsonObject &panel);

} // namespace Stackscope
