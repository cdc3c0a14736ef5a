// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QDateTime>
#include <QString>

namespace Stackscope {

/// Grafana's time rules for a dashboard and its panels: the dashboard's own `time` when it
/// opens, a panel's relative time override (`timeFrom`) and time shift (`timeShift`), and the
/// text Grafana puts in a panel's header for them.
namespace PanelTime {
/// A relative time as Grafana writes it ("1h", "now-1h", "-1h", "90m") in seconds; 0 when it
/// is empty or cannot be read.
double relativeSeconds(const QString &text);
/// The window a panel asks for: the dashboard's window, or its own last `timeFrom` up to `now`
/// (or up to the dashboard's end when that is absolute), then `timeShift` earlier.
void panelWindow(const Panel &panel, bool dashboardAbsolute, const QDateTime &now, QDateTime *start,
                 QDateTime *end);
/// "Last 1 hour", "Last 90m": how Grafana names a relative range.
QString describeRelative(double seconds);
/// The panel header's note: "Last 1 hour", "timeshift -1h", both joined by ", "; empty when
/// the panel follows the dashboard.
QString info(const Panel &panel);

/// A dashboard's `time` read: relative (from "now-6h" to "now"), absolute (ISO 8601 or epoch
/// milliseconds on both ends), or neither (empty, unreadable, or Grafana's rounding such as
/// "now/d", which is left to the picker).
struct DashboardWindow
{
    double relativeSeconds = 0; ///< > 0: the last this many seconds
    QDateTime start;            ///< valid: an absolute window (UTC)
    QDateTime end;
    bool isRelative() const { return relativeSeconds > 0; }
    bool isAbsolute() const { return start.isValid() && end.isValid() && start < end; }
};
DashboardWindow dashboardWindow(const QString &from, const QString &to);
} // namespace PanelTime

} // namespace Stackscope
