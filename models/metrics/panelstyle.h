// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/legendcalcs.h"

#include <QList>
#include <QString>

#include <optional>

namespace Stackscope {

/// How a stat panel draws its value (Grafana's stat options; a legacy singlestat's colorValue /
/// colorBackground / sparkline are read into the same).
struct StatStyle
{
    enum class ColorMode {
        Value,      ///< the number in its threshold colour (Grafana's default)
        Background, ///< the cell filled with the threshold colour, the number in white
        None,       ///< the number in the text colour: thresholds do not colour it
    };
    enum class TextMode { Auto, Value, ValueAndName, Name, None };
    ColorMode colorMode = ColorMode::Value;
    bool sparkline = true; ///< graphMode "area" (the default) draws one, "none" does not
    TextMode textMode = TextMode::Auto;

    friend bool operator==(const StatStyle &, const StatStyle &) = default;
};

/// How a time series panel's legend is shown (options.legend, or a legacy graph's legend).
struct LegendStyle
{
    enum class Mode { List, Table, Hidden };
    Mode mode = Mode::List;
    bool right = false;      ///< placement "right" (legacy rightSide)
    QList<LegendCalc> calcs; ///< the columns after the name, in their order
    QString sortBy;          ///< Grafana's column title ("Name", "Max", "Last *"), empty = none
    bool sortDesc = false;

    friend bool operator==(const LegendStyle &, const LegendStyle &) = default;
};

/// How a time series panel draws its lines (fieldConfig.defaults.custom, or a legacy graph's
/// lines / bars / points / fill / stack / percentage).
struct GraphStyle
{
    enum class Stacking { None, Normal, Percent };
    enum class Draw { Lines, Bars, Points };
    /// custom.gradientMode: how a fill fades (opacity: from the line down to nothing; hue: the
    /// colour's hue turns along the way; scheme: drawn as opacity).
    enum class Gradient { None, Opacity, Hue, Scheme };
    /// custom.thresholdsStyle.mode: the panel's thresholds drawn on the chart.
    enum class Thresholds { Off, Line, Area, LineAndArea, Dashed, DashedAndArea };
    /// custom.axisPlacement: where the value axis of the panel's series goes.
    enum class Placement { Auto, Left, Right, Hidden };
    Stacking stacking = Stacking::None;
    Draw draw = Draw::Lines;
    int fillOpacity = 0;  ///< 0–100; stacked series are always filled
    double lineWidth = 1; ///< in pixels (Grafana's default 1)
    int logBase = 0; ///< custom.scaleDistribution log 2 or 10 (legacy yaxes logBase); 0 = linear
    std::optional<double> softMin; ///< custom.axisSoftMin: the axis reaches at least this far down
    std::optional<double> softMax; ///< custom.axisSoftMax: ... and this far up
    Gradient gradient = Gradient::None;
    Thresholds thresholds = Thresholds::Off;
    Placement placement = Placement::Auto;
    bool negativeY = false; ///< custom.transform "negative-Y": drawn below zero
    QString
        rightUnit; ///< the right axis' unit (a legacy graph's yaxes[1].format), empty = the panel's
    bool rightShown = true; ///< a legacy graph's yaxes[1].show

    friend bool operator==(const GraphStyle &, const GraphStyle &) = default;
};

/// What a panel's options say about its drawing (apart from units, thresholds and grid).
struct PanelStyle
{
    StatStyle stat;
    LegendStyle legend;
    GraphStyle graph;

    friend bool operator==(const PanelStyle &, const PanelStyle &) = default;
};

} // namespace Stackscope
