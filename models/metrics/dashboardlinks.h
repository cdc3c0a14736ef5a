// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

namespace Stackscope {

/// Dashboard and panel links as Grafana resolves them, and the one rule for opening them: only
/// an absolute http(s) URL (models/common/weburl.h).
namespace DashboardLinks {
/// The URL a link opens: `$var`, `${var}` and `${var:format}` replaced by the variables'
/// values (percent-encoded unless a format says otherwise), `${__url_time_range}` by
/// `from=<ms>&to=<ms>`, then with includeVars the variables as `var-name=value` and with
/// keepTime the range appended to the query. An empty QUrl when the result is not an absolute
/// http(s) URL (javascript:, file:, data:, relative ones).
QUrl resolve(const DashboardLink &link, const QList<DashboardVariable> &variables,
             const QDateTime &from, const QDateTime &to);
/// The dashboards a "dashboards" link lists: those with every one of its tags (all of them when
/// it has none), apart from `currentUid`, by title.
QList<Dashboard> matching(const DashboardLink &link, const QList<Dashboard> &dashboards,
                          const QString &currentUid);
} // namespace DashboardLinks

} // namespace Stackscope
