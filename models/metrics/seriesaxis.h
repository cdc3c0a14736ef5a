// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/panelstyle.h"

#include <QList>
#include <QString>

#include <optional>

namespace Stackscope {

/// One rule of a panel about some of its series' axis: a legacy graph's seriesOverrides entry
/// (`alias`, `yaxis: 2`, `transform: negative-Y`). What it leaves unset comes from the panel's
/// GraphStyle.
struct SeriesAxisRule
{
    QString match; ///< a series' legend name, or a regular expression written "/…/" (flags i)
    std::optional<GraphStyle::Placement> placement;
    std::optional<bool> negativeY;

    friend bool operator==(const SeriesAxisRule &, const SeriesAxisRule &) = default;
};

/// Where a series is drawn: against the left or the right axis, negated or not.
struct SeriesAxis
{
    bool right = false;
    bool negativeY = false;

    friend bool operator==(const SeriesAxis &, const SeriesAxis &) = default;
};

/// The axis of the series named `name`: the panel's defaults, then every rule that matches it,
/// the later ones winning (as Grafana applies overrides in order).
SeriesAxis seriesAxis(const GraphStyle &style, const QList<SeriesAxisRule> &rules,
                      const QString &name);

} // namespace Stackscope
