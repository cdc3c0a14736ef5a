// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Stackscope {

/// Formats sample values for people, in one place for every panel, axis and read-out. Units
/// follow Grafana's ids: "bytes"/"decbytes" (IEC / SI), "bits", "s", "ms", "µs"/"us", "ns",
/// "percent" (0–100), "percentunit" (0–1), "ops"/"reqps"/"rps" (per second), "short"/"none"/""
/// (SI prefixes). NaN shows as "NaN", ±Inf as "+Inf"/"-Inf"; unknown units are appended verbatim.
namespace UnitFormat {
QString format(double value, const QString &unit, int significant = 3);
/// A short suffix for an axis title ("bytes", "s", "%", "ops/s"), empty for plain numbers.
QString axisLabel(const QString &unit);
} // namespace UnitFormat

} // namespace Stackscope
