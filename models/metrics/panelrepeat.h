// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// Grafana's repeated panels and rows: a panel (or a row with its panels) whose `repeat` names a
/// variable is shown once per selected value of that variable (every option when "All" is
/// selected), each copy with that one value in its Panel::scope.
namespace PanelRepeat {

/// At most this many copies of one panel or row (Grafana has no limit, and a variable with
/// thousands of values freezes it: grafana#15285).
inline constexpr int maxCopies = 50;

/// The panels as the page shows them, repeats expanded and laid out as Grafana lays them out:
/// side by side, `maxPerRow` (default 4) at most in a line, each 24 / count columns wide (or
/// 24 / maxPerRow when more), wrapping to the next line; one under another for the vertical
/// direction; a repeated row's copies, each with its panels, one after another below it. The
/// panels below are pushed down by DashboardGrid. A repeat whose variable is unknown or has no
/// value yet leaves the panel as it is. What was cut at maxCopies is said in `notes`.
QList<Panel> expand(const QList<Panel> &panels, const QList<DashboardVariable> &variables,
                    QStringList *notes = nullptr);

/// The variables as a copy with `scope` sees them: each scoped variable holds that one value.
QList<DashboardVariable> scoped(const QList<DashboardVariable> &variables,
                                const QMap<QString, QString> &scope);

} // namespace PanelRepeat
} // namespace Stackscope
