// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/grafanastyle.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

StatStyle statStyle(const QJsonObject &panel, const QJsonObject &options)
{
    StatStyle style;
    if (panel.value("type"_L1).toString() == "singlestat"_L1) {
        // A singlestat colours nothing unless asked to (Grafana migrates it so to a stat).
        style.colorMode = panel.value("colorBackground"_L1).toBool()
                              ? StatStyle::ColorMode::Background
                          : panel.value("colorValue"_L1).toBool() ? StatStyle::ColorMode::Value
                                                                  : StatStyle::ColorMode::None;
        style.sparkline = panel.value("sparkline"_L1).toObject().value("show"_L1).toBool(false);
        return style;
    }
    const QString color = options.value("colorMode"_L1).toString();
    if (color == "none"_L1)
        style.colorMode = StatStyle::ColorMode::None;
    else if (color.startsWith("background"_L1)) // "background", "background_solid"
        style.colorMode = StatStyle::ColorMode::Background;
    style.sparkline = options.value("graphMode"_L1).toString(u"area"_s) != "none"_L1;
    const QString text = options.value("textMode"_L1).toString();
    style.textMode = text == "value"_L1            ? StatStyle::TextMode::Value
                     : text == "value_and_name"_L1 ? StatStyle::TextMode::ValueAndName
                     : text == "name"_L1           ? StatStyle::TextMode::Name
                     : text == "none"_L1           ? StatStyle::TextMode::None
                                                   : StatStyle::TextMode::Auto;
    return style;
}

void appendCalc(QList<LegendCalc> *calcs, const QString &id)
{
    const std::optional<LegendCalc> calc = legendCalcFromId(id);
    if (calc && !calcs->contains(*calc))
        calcs->append(*calc);
}

LegendStyle legendStyle(const QJsonObject &panel, const QJsonObject &options)
{
    LegendStyle style;
    if (options.value("legend"_L1).isObject()) {
        const QJsonObject legend = options.value("legend"_L1).toObject();
        const QString mode = legend.value("displayMode"_L1).toString();
        style.mode = mode == "table"_L1    ? LegendStyle::Mode::Table
                     : mode == "hidden"_L1 ? LegendStyle::Mode::Hidden
                                           : LegendStyle::Mode::List;
        if (!legend.value("showLegend"_L1).toBool(true))
            style.mode = LegendStyle::Mode::Hidden;
        style.right = legend.value("placement"_L1).toString() == "right"_L1;
        for (const QJsonValue &calc : legend.value("calcs"_L1).toArray())
            appendCalc(&style.calcs, calc.toString());
        style.sortBy = legend.value("sortBy"_L1).toString();
        style.sortDesc = legend.value("sortDesc"_L1).toBool();
        return style;
    }
    // The legacy graph's legend: booleans per column, in the order Grafana drew them.
    const QJsonObject legend = panel.value("legend"_L1).toObject();
    if (legend.isEmpty())
        return style;
    if (!legend.value("show"_L1).toBool(true))
        style.mode = LegendStyle::Mode::Hidden;
    else if (legend.value("alignAsTable"_L1).toBool())
        style.mode = LegendStyle::Mode::Table;
    style.right = legend.value("rightSide"_L1).toBool();
    if (legend.value("values"_L1).toBool()) {
        for (const char *key : {"min", "max", "avg", "current", "total"}) {
            if (legend.value(QLatin1StringView(key)).toBool())
                appendCalc(&style.calcs, QString::fromLatin1(key));
        }
    }
    if (legend.value("sort"_L1).isString()) {
        style.sortBy = legend.value("sort"_L1).toString();
        style.sortDesc = legend.value("sortDesc"_L1).toBool();
    }
    return style;
}

GraphStyle graphStyle(const QJsonObject &panel, const QJsonObject &custom)
{
    GraphStyle style;
    if (panel.value("type"_L1).toString() == "graph"_L1) {
        if (panel.value("stack"_L1).toBool())
            style.stacking = panel.value("percentage"_L1).toBool() ? GraphStyle::Stacking::Percent
                                                                   : GraphStyle::Stacking::Normal;
        if (panel.value("bars"_L1).toBool())
            style.draw = GraphStyle::Draw::Bars;
        else if (!panel.value("lines"_L1).toBool(true) && panel.value("points"_L1).toBool())
            style.draw = GraphStyle::Draw::Points;
        style.fillOpacity = std::clamp(panel.value("fill"_L1).toInt(1), 0, 10) * 10;
        style.lineWidth = std::clamp(panel.value("linewidth"_L1).toDouble(1), 0.0, 10.0);
        if (panel.value("fillGradient"_L1).toInt() > 0)
            style.gradient = GraphStyle::Gradient::Opacity;
        // yaxes[0] is the left axis, yaxes[1] the right one (its own unit, shown or not).
        const QJsonArray yaxes = panel.value("yaxes"_L1).toArray();
        const QJsonObject left = yaxes.at(0).toObject();
        const int logBase = left.value("logBase"_L1).toInt(1);
        style.logBase = logBase == 2 || logBase == 10 ? logBase : 0;
        const QJsonObject right = yaxes.at(1).toObject();
        style.rightUnit = right.value("format"_L1).toString();
        style.rightShown = right.value("show"_L1).toBool(true);
        return style;
    }
    const QString stacking = custom.value("stacking"_L1).toObject().value("mode"_L1).toString();
    style.stacking = stacking == "normal"_L1    ? GraphStyle::Stacking::Normal
                     : stacking == "percent"_L1 ? GraphStyle::Stacking::Percent
                                                : GraphStyle::Stacking::None;
    const QString draw = custom.value("drawStyle"_L1).toString();
    style.draw = draw == "bars"_L1     ? GraphStyle::Draw::Bars
                 : draw == "points"_L1 ? GraphStyle::Draw::Points
                                       : GraphStyle::Draw::Lines;
    style.fillOpacity = std::clamp(custom.value("fillOpacity"_L1).toInt(0), 0, 100);
    style.lineWidth = std::clamp(custom.value("lineWidth"_L1).toDouble(1), 0.0, 10.0);
    const QJsonObject scale = custom.value("scaleDistribution"_L1).toObject();
    if (scale.value("type"_L1).toString() == "log"_L1) {
        const int base = scale.value("log"_L1).toInt(2);
        style.logBase = base == 10 ? 10 : 2; // Grafana offers 2 and 10, 2 by default
    }
    const auto number = [&custom](const char *key) -> std::optional<double> {
        const QJsonValue v = custom.value(QLatin1StringView(key));
        return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
    };
    style.softMin = number("axisSoftMin");
    style.softMax = number("axisSoftMax");
    const QString gradient = custom.value("gradientMode"_L1).toString();
    style.gradient = gradient == "opacity"_L1  ? GraphStyle::Gradient::Opacity
                     : gradient == "hue"_L1    ? GraphStyle::Gradient::Hue
                     : gradient == "scheme"_L1 ? GraphStyle::Gradient::Scheme
                                               : GraphStyle::Gradient::None;
    const QString thresholds
        = custom.value("thresholdsStyle"_L1).toObject().value("mode"_L1).toString();
    style.thresholds = thresholds == "line"_L1          ? GraphStyle::Thresholds::Line
                       : thresholds == "area"_L1        ? GraphStyle::Thresholds::Area
                       : thresholds == "line+area"_L1   ? GraphStyle::Thresholds::LineAndArea
                       : thresholds == "dashed"_L1      ? GraphStyle::Thresholds::Dashed
                       : thresholds == "dashed+area"_L1 ? GraphStyle::Thresholds::DashedAndArea
                                                        : GraphStyle::Thresholds::Off;
    const QString placement = custom.value("axisPlacement"_L1).toString();
    style.placement = placement == "left"_L1     ? GraphStyle::Placement::Left
                      : placement == "right"_L1  ? GraphStyle::Placement::Right
                      : placement == "hidden"_L1 ? GraphStyle::Placement::Hidden
                                                 : GraphStyle::Placement::Auto;
    style.negativeY = custom.value("transform"_L1).toString() == "negative-Y"_L1;
    return style;
}

} // namespace

PanelStyle grafanaPanelStyle(const QJsonObject &panel)
{
    const QJsonObject options = panel.value("options"_L1).toObject();
    const QJsonObject custom = panel.value("fieldConfig"_L1)
                                   .toObject()
                                   .value("defaults"_L1)
                                   .toObject()
                                   .value("custom"_L1)
                                   .toObject();
    PanelStyle style;
    style.stat = statStyle(panel, options);
    style.legend = legendStyle(panel, options);
    style.graph = graphStyle(panel, custom);
    return style;
}

QList<SeriesAxisRule> grafanaAxisRules(const QJsonObject &panel)
{
    QList<SeriesAxisRule> rules;
    for (const QJsonValue &v : panel.value("seriesOverrides"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        SeriesAxisRule rule;
        rule.match = o.value("alias"_L1).toString();
        if (rule.match.isEmpty())
            continue;
        if (o.contains("yaxis"_L1))
            rule.placement = o.value("yaxis"_L1).toInt(1) == 2 ? GraphStyle::Placement::Right
                                                               : GraphStyle::Placement::Left;
        if (o.contains("transform"_L1))
            rule.negativeY = o.value("transform"_L1).toString() == "negative-Y"_L1;
        if (rule.placement || rule.negativeY)
            rules << rule;
    }
    return rules;
}

QList<DashboardLink> grafanaLinks(const QJsonArray &links)
{
    QList<DashboardLink> out;
    for (const QJsonValue &v : links) {
        const QJsonObject o = v.toObject();
        DashboardLink link;
        link.type = o.value("type"_L1).toString() == "dashboards"_L1
                        ? DashboardLink::Type::Dashboards
                        : DashboardLink::Type::Link;
        link.title = o.value("title"_L1).toString();
        link.url = o.value("url"_L1).toString();
        link.tooltip = o.value("tooltip"_L1).toString();
        for (const QJsonValue &tag : o.value("tags"_L1).toArray())
            link.tags << tag.toString();
        link.asDropdown = o.value("asDropdown"_L1).toBool();
        link.targetBlank = o.value("targetBlank"_L1).toBool();
        link.includeVars = o.value("includeVars"_L1).toBool();
        link.keepTime = o.value("keepTime"_L1).toBool();
        if (link.type == DashboardLink::Type::Link && link.url.isEmpty())
            continue;
        out << link;
    }
    return out;
}

} // namespace Stackscope
