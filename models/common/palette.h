// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

namespace Stackscope {

/// The colours that mean something, in one place: a running service, an up backend and a
/// resolved alert are the same green everywhere, a failure the same red. Text colours are dark
/// enough to read on a light background; they also serve as the fill of dots and icons.
namespace Palette {

/// What a state says, from the user's point of view.
enum class Tone {
    Good,    ///< running, healthy, up
    Warning, ///< starting, pending, degraded, unknown for now
    Bad,     ///< failed, down, exited, firing, critical
    Info,    ///< informational (an info alert)
    Muted,   ///< not running on purpose, disabled, silenced, not declared
};

QColor color(Tone tone);

/// Links (published ports, URLs).
QColor link();
/// The background of text that matches a search, and a fainter one for the other matches.
QColor highlight();
QColor highlightSoft();
/// A translucent fill over a selected range (a drag-zoom, the selected timeline row).
QColor selection();
/// A translucent band behind a chart's lines: an alert's firing (red) or pending (amber) period.
QColor band(bool firing);
/// A thin vertical cursor line over a chart.
QColor cursor();
/// An exemplar that belongs to none of a chart's series (Grafana's dark purple).
QColor exemplar();
/// Text drawn on a coloured fill (a stat's background, a state region, a table cell): near-white
/// unless the fill is bright (perceived brightness above 180 of 255), then near-black, as Grafana
/// chooses it.
QColor textOn(const QColor &fill);
/// A style sheet for a frame named `objectName` that reports a problem (a pale red box with dark
/// red text), so that every problem banner looks the same.
QString problemBannerStyle(const QString &objectName);
/// A style sheet for a one-line notice label: a pale red box for a problem, a pale green one for
/// a success (an action that went through).
QString noticeStyle(bool problem);
/// A style sheet for a framed message box: pale red for a problem, pale yellow for a warning.
QString messageBoxStyle(bool problem);
/// `color: <tone>;` for a label's style sheet.
QString textStyle(Tone tone);
/// The colour of the `index`-th data series of a chart: Grafana's classic palette in its order
/// (56 colours), then the same again darker, so that no two series of a chart share a colour.
QColor series(quint32 index);
/// The colour at `position` (0–1, clamped) of one of d3's colour schemes as Grafana names them
/// ("Oranges", "Spectral", "interpolateBlues"...), interpolated between its stops; an unknown
/// name is Oranges (Grafana's heatmap default).
QColor scheme(const QString &name, double position);
/// Whether a scheme runs from light to dark in one direction (Blues, YlOrRd...), as opposed to
/// a diverging or perceptual one (Spectral, RdYlGn, Viridis): Grafana reverses those on a dark
/// background, so that few stays dark.
bool schemeRunsFromLight(const QString &name);
/// The colour of the `slot`-th service of a trace (20 distinct hues, then darker rounds).
QColor service(quint32 slot);

} // namespace Palette

} // namespace Stackscope
