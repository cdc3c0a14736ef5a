// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <vector>

namespace Stackscope {

/// The self time of every span, by span index: its duration minus the union of its children's
/// intervals clipped to the span. Children that overlap each other count once, a child that
/// starts before or ends after its parent counts only inside the parent. One pass over the
/// layout's depth-first order (children come by start time there), so linear in spans. The flame
/// graph and the span statistics both take it from here.
std::vector<qint64> selfTimes(const TraceLayout &layout);

} // namespace Stackscope
