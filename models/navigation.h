// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMap>
#include <QMetaType>
#include <QString>

#include <variant>

namespace Stackscope {

/// Show the Stack page with a service selected and its logs open.
struct StackRequest
{
    QString service;
};

/// Show the Metrics page's explore tab with an expression over a time window.
struct MetricsRequest
{
    QString expr;
    QDateTime start;
    QDateTime end;
    /// An alert's labels ("Open as chart"): its pending and firing periods (Prometheus' ALERTS
    /// series) are drawn behind the expression. Empty: none.
    QMap<QString, QString> alert = {};
};

/// Show the Alerts page with one alert selected.
struct AlertsRequest
{
    QString fingerprint;
};

/// Show the Traces page's search for a service over a time window ("Traces around here"); an
/// empty service only prepares the form. With a trace id (an exemplar's), that trace is opened
/// instead.
struct TracesRequest
{
    QString service;
    QDateTime start;
    QDateTime end;
    QString traceId = {};
};

/// Show the Logs page's stack logs around a time ("Logs around here"), of one service or (empty)
/// of all.
struct LogsRequest
{
    QDateTime around;
    QString service = {};
};

/// What one page asks another to show; the type names the page.
using NavigationRequest
    = std::variant<StackRequest, MetricsRequest, AlertsRequest, TracesRequest, LogsRequest>;

/// The id of the page a request is for ("stack", "metrics", "alerts", "traces", "logs").
inline QString pageIdOf(const NavigationRequest &request)
{
    using namespace Qt::StringLiterals;
    static const QString ids[] = {u"stack"_s, u"metrics"_s, u"alerts"_s, u"traces"_s, u"logs"_s};
    return ids[request.index()];
}

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::NavigationRequest)
