// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/panelstyle.h"

#include <QJsonObject>

namespace Stackscope {

/// A Grafana panel's drawing options as a PanelStyle: a stat's colorMode / graphMode / textMode
/// (a legacy singlestat's colorValue, colorBackground and sparkline), the legend
/// (options.legend, or a legacy graph's legend with its min / max / avg / current / total
/// columns) and the lines (fieldConfig.defaults.custom's stacking, drawStyle, fillOpacity and
/// lineWidth, or a legacy graph's stack, percentage, bars, points, fill and linewidth). What is
/// absent takes Grafana's default.
PanelStyle grafanaPanelStyle(const QJsonObject &panel);

} // namespace Stackscope
