// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/panelstyle.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Stackscope {

/// A Grafana panel's drawing options as a PanelStyle: a stat's colorMode / graphMode / textMode
/// (a legacy singlestat's colorValue, colorBackground and sparkline), the legend
/// (options.legend, or a legacy graph's legend with its min / max / avg / current / total
/// columns) and the lines (fieldConfig.defaults.custom's stacking, drawStyle, fillOpacity and
/// lineWidth, or a legacy graph's stack, percentage, bars, points, fill and linewidth), and the
/// axes (scaleDistribution, axisPlacement, axisSoftMin/SoftMax, transform, gradientMode and
/// thresholdsStyle, or a legacy graph's yaxes and fillGradient). What is absent takes Grafana's
/// default.
PanelStyle grafanaPanelStyle(const QJsonObject &panel);

/// A legacy graph's seriesOverrides that move series to the right axis (`yaxis: 2`) or below
/// zero (`transform: negative-Y`), in their order.
QList<SeriesAxisRule> grafanaAxisRules(const QJsonObject &panel);

/// Grafana's `links` of a dashboard or a panel.
QList<DashboardLink> grafanaLinks(const QJsonArray &links);

} // namespace Stackscope
