// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QString>

#include <optional>

namespace Stackscope {

/// A calculation a legend table shows per series (Grafana's reducers of the same name).
enum class LegendCalc { Min, Max, Mean, Last, LastNotNull, First, FirstNotNull, Total, Count };

/// From Grafana's reducer id ("min", "lastNotNull", "sum"...) or a legacy graph legend's key
/// ("avg", "current", "total"); nothing for one we do not compute.
std::optional<LegendCalc> legendCalcFromId(const QString &id);
/// Grafana's column title ("Min", "Mean", "Last *", "Total"), which `sortBy` names.
QString legendCalcTitle(LegendCalc calc);
/// The calculation over a series' samples. NaN samples are skipped (Grafana's nulls), except by
/// Last and First, which take the sample as it is. NaN when there is nothing to compute from.
double legendCalcValue(const Series &series, LegendCalc calc);

} // namespace Stackscope
