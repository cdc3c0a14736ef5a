// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/grafanabuckets.h"

#include "models/metrics/dashboard.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    bool ok = false;
    const double d = value.toString().toDouble(&ok);
    return value.isString() && ok ? std::optional<double>(d) : std::nullopt;
}

int decimals(const QJsonValue &value)
{
    const std::optional<double> d = number(value);
    // Clamped before the conversion: a huge or NaN number from a file is no int.
    return d && !std::isnan(*d) ? int(std::clamp(*d, 0.0, 10.0)) : -1;
}

} // namespace

HeatmapOptions grafanaHeatmapOptions(const QJsonObject &panel, const QString &fieldUnit)
{
    HeatmapOptions out;
    const QJsonObject options = panel.value("options"_L1).toObject();
    const bool legacy = !options.contains("color"_L1) && !options.contains("calculate"_L1)
                        && (panel.contains("dataFormat"_L1) || panel.contains("color"_L1));
    if (legacy) {
        out.calculate = panel.value("dataFormat"_L1).toString(u"timeseries"_s) != "tsbuckets"_L1;
        const QJsonObject color = panel.value("color"_L1).toObject();
        const bool opacity = color.value("mode"_L1).toString() == "opacity"_L1;
        out.colorMode
            = opacity ? HeatmapOptions::ColorMode::Opacity : HeatmapOptions::ColorMode::Scheme;
        out.scheme = color.value("colorScheme"_L1).toString(u"interpolateOranges"_s);
        out.fill = grafanaColor(color.value("cardColor"_L1).toString(u"#b4ff00"_s));
        // The spectrum spreads the scheme linearly; the opacity follows colorScale.
        out.scale = opacity && color.value("colorScale"_L1).toString(u"sqrt"_s) == "sqrt"_L1
                        ? HeatmapOptions::ColorScale::Exponential
                        : HeatmapOptions::ColorScale::Linear;
        out.exponent = number(color.value("exponent"_L1)).value_or(0.5);
        if (panel.value("hideZeroBuckets"_L1).toBool())
            out.hideAtOrBelow = 0;
        else
            out.hideAtOrBelow.reset();
        const QJsonObject yAxis = panel.value("yAxis"_L1).toObject();
        out.yUnit = yAxis.value("format"_L1).toString(fieldUnit);
        out.yDecimals = decimals(yAxis.value("decimals"_L1));
        return out;
    }
    out.calculate = options.value("calculate"_L1).toBool(false);
    const QJsonObject color = options.value("color"_L1).toObject();
    out.colorMode = color.value("mode"_L1).toString() == "opacity"_L1
                        ? HeatmapOptions::ColorMode::Opacity
                        : HeatmapOptions::ColorMode::Scheme;
    out.scheme = color.value("scheme"_L1).toString(out.scheme);
    if (color.contains("fill"_L1))
        out.fill = grafanaColor(color.value("fill"_L1).toString());
    out.scale = color.value("scale"_L1).toString() == "linear"_L1
                    ? HeatmapOptions::ColorScale::Linear
                    : HeatmapOptions::ColorScale::Exponential;
    out.exponent = number(color.value("exponent"_L1)).value_or(0.5);
    const double steps = number(color.value("steps"_L1)).value_or(64);
    out.steps = std::isnan(steps) ? 64 : int(std::clamp(steps, 2.0, 128.0));
    out.reverse = color.value("reverse"_L1).toBool();
    const QJsonObject filter = options.value("filterValues"_L1).toObject();
    if (filter.contains("le"_L1))
        out.hideAtOrBelow = number(filter.value("le"_L1));
    const QJsonObject yAxis = options.value("yAxis"_L1).toObject();
    out.yUnit = yAxis.value("unit"_L1).toString(fieldUnit);
    out.yDecimals = decimals(yAxis.value("decimals"_L1));
    return out;
}

HistogramOptions grafanaHistogramOptions(const QJsonObject &panel)
{
    HistogramOptions out;
    const QJsonObject options = panel.value("options"_L1).toObject();
    out.bucketSize = number(options.value("bucketSize"_L1));
    if (out.bucketSize && !(*out.bucketSize > 0))
        out.bucketSize.reset();
    out.bucketOffset = number(options.value("bucketOffset"_L1)).value_or(0);
    out.combine = options.value("combine"_L1).toBool(false);
    return out;
}

} // namespace Stackscope
