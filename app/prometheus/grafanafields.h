// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/fieldconfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Stackscope {

/// A Grafana panel's field config as a FieldConfig: fieldConfig.defaults' mappings (Grafana 8's
/// value / range / regex / special form and Grafana 7's `type: 1 / 2` form), color (mode and
/// fixedColor), displayName, noValue and custom.hideFrom, and fieldConfig.overrides with the
/// byName, byRegexp, byType and byFrameRefID matchers and their properties (unit, decimals,
/// min, max, color, displayName, noValue, custom.hideFrom, thresholds, mappings). A legacy
/// singlestat's valueMaps / rangeMaps (by its mappingType) become mappings as Grafana migrates
/// them. What is absent stays unset.
FieldConfig grafanaFieldConfig(const QJsonObject &panel);

/// Value mappings in any of Grafana's forms (a fieldConfig `mappings` array).
QList<ValueMapping> grafanaMappings(const QJsonArray &mappings);

} // namespace Stackscope
