// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Stackscope {

/// The time window a trace timeline shows, as fractions [from, to] of the trace's duration:
/// zoom about an anchor, pan, and the mapping between a fraction and a pixel column. A value
/// type: the widget keeps one and asks it; every setter keeps 0 ≤ from < to ≤ 1 and a window of
/// at least minimumWidth.
class TimelineViewport
{
public:
    static constexpr double minimumWidth = 1e-6;

    double from() const { return m_from; }
    double to() const { return m_to; }
    double width() const { return m_to - m_from; }
    bool isWhole() const { return m_from == 0.0 && m_to == 1.0; }

    /// Clamps into [0, 1] and widens a too narrow window about its middle; false when the
    /// window did not change.
    bool setRange(double from, double to);
    bool reset() { return setRange(0.0, 1.0); }
    /// Zooms in by `factor` (> 1) or out (< 1), keeping the point at `anchor` (a fraction of the
    /// window) where it is.
    bool zoomBy(double factor, double anchor = 0.5);
    /// Moves the window by a fraction of its width (negative: towards the start).
    bool panBy(double fraction);
    /// Keeps the width and centres the window on `at` (a fraction of the whole trace).
    bool centreOn(double at);
    /// Zooms into the part between two points given as fractions of the window.
    bool zoomToWindowPart(double a, double b);

    /// A fraction of the whole trace as an x coordinate in a band of `pixels` starting at `left`.
    double toX(double fraction, double left, double pixels) const
    {
        return left + (fraction - m_from) / (m_to - m_from) * pixels;
    }

    friend bool operator==(const TimelineViewport &, const TimelineViewport &) = default;

private:
    double m_from = 0.0;
    double m_to = 1.0;
};

} // namespace Stackscope
