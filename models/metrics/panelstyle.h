// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/legendcalcs.h"

#include <QList>
#include <QString>

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
    Stacking stacking = Stacking::None;
    Draw draw = Draw::Lines;
    int fillOpacity = 0;  ///< 0–100; stacked series are always filled
    double lineWidth = 1; ///< in pixels (Grafana's default 1)

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
