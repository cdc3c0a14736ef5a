// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Stackscope {

/// A dashboard variable shown as a drop-down above the panels.
struct DashboardVariable
{
    enum class Kind { Query, Custom, Interval, Constant, TextBox, Unsupported };
    Kind kind = Kind::Custom;
    QString name;
    QString label;
    /// Query: "label_values(up, job)", "label_values(job)", "metrics(regex)",
    /// "query_result(expr)"
    QString query;
    /// Grafana's regex for query values ("/pattern/flags"): values that do not match are
    /// dropped; its first capture group, when it has one, is the value.
    QString regex;
    QStringList options; ///< Custom and Interval options, Query values once resolved
    /// The selected values ("$__all" for All); one unless `multi`.
    QStringList current;
    QString allValue; ///< what All stands for when set (".*"); else every option
    bool includeAll = false;
    bool multi = false;
    /// Query: asked again whenever the time range changes (Grafana's `refresh: 2`), not only when
    /// the dashboard opens.
    bool refreshOnTimeRange = false;

    friend bool operator==(const DashboardVariable &, const DashboardVariable &) = default;
};

} // namespace Stackscope
