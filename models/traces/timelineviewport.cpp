// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/traces/timelineviewport.h"

#include <algorithm>

namespace Stackscope {

bool TimelineViewport::setRange(double from, double to)
{
    from = std::clamp(from, 0.0, 1.0);
    to = std::clamp(to, 0.0, 1.0);
    if (to - from < minimumWidth) {
        const double mid = (from + to) / 2;
        from = std::max(0.0, mid - minimumWidth / 2);
        to = std::min(1.0, from + minimumWidth);
    }
    if (from == m_from && to == m_to)
        return false;
    m_from = from;
    m_to = to;
    return true;
}

bool TimelineViewport::zoomBy(double factor, double anchor)
{
    const double at = m_from + anchor * width();
    const double newWidth = std::clamp(width() / factor, minimumWidth, 1.0);
    const double from = std::clamp(at - anchor * newWidth, 0.0, 1.0 - newWidth);
    return setRange(from, from + newWidth);
}

bool TimelineViewport::panBy(double fraction)
{
    const double w = width();
    const double from = std::clamp(m_from + fraction * w, 0.0, 1.0 - w);
    return setRange(from, from + w);
}

bool TimelineViewport::centreOn(double at)
{
    const double w = width();
    const double from = std::clamp(at - w / 2, 0.0, 1.0 - w);
    return setRange(from, from + w);
}

bool TimelineViewport::zoomToWindowPart(double a, double b)
{
    const double w = width();
    const double x = m_from + a * w;
    const double y = m_from + b * w;
    return setRange(std::min(x, y), std::max(x, y));
}

} // namespace Stackscope
