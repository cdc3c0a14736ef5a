// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/panelstyle.h"

#include <QColor>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stackscope {

/// One PromQL query of a panel.
struct PanelQuery
{
    QString expr;
    QString legendFormat; ///< "{{label}}" placeholders; empty = the series' signature
    QString refId;
    bool instant = false;
    /// Grafana's `exemplar`: the query's exemplars are fetched too and drawn over its lines.
    bool exemplar = false;

    friend bool operator==(const PanelQuery &, const PanelQuery &) = default;
};

/// A threshold step: from `value` upwards the colour is `color` (the first step's value is
/// -Inf, Grafana's "Base").
struct Threshold
{
    double value = 0;
    QColor color;

    friend bool operator==(const Threshold &, const Threshold &) = default;
};

/// Where a panel sits on the 24-column grid (Grafana's gridPos; one row unit ≈ 30 px).
struct GridPos
{
    int x = 0;
    int y = 0;
    int w = 12;
    int h = 8;

    friend bool operator==(const GridPos &, const GridPos &) = default;
};

/// One panel of a dashboard, already normalised: Grafana's graph becomes TimeSeries, singlestat
/// becomes Stat. A type we cannot draw is Unsupported and keeps its
/// original name in `sourceType`, so the page shows a titled placeholder instead of dropping it.
struct Panel
{
    enum class Type {
        TimeSeries,
        Stat,
        Gauge,
        BarGauge,
        PieChart,
        StateTimeline,
        StatusHistory,
        Table,
        Row,
        Text,
        Unsupported
    };
    Type type = Type::TimeSeries;
    QString sourceType; ///< the type as written ("graph", "singlestat", "piechart"...)
    QString title;
    QList<PanelQuery> queries;
    QString unit;
    std::optional<double> min;
    std::optional<double> max;
    int decimals = -1;
    QList<Threshold> thresholds;
    GridPos grid;
    QString interval;       ///< the panel's minimum step ("30s"), empty = the scrape interval
    bool collapsed = false; ///< rows only
    PanelStyle style;       ///< stat, legend and line options
    /// Text panels only: the content and how Grafana reads it ("markdown", "html", "code").
    QString content;
    QString contentMode;
    /// Bar gauges only: "basic", "gradient" or "lcd"; "auto", "horizontal" or "vertical"; and
    /// whether the unfilled part of a bar is drawn.
    QString barMode = QStringLiteral("gradient");
    QString orientation = QStringLiteral("auto");
    bool showUnfilled = true;
    /// Pie charts only: "pie" or "donut".
    QString pieType = QStringLiteral("pie");
    /// State timelines only: whether equal values in a row become one region.
    bool mergeValues = true;
    /// Rows only: stored inside a collapsed row's panels (hidden while that row is closed).
    bool nested = false;
    /// The panel's datasource when it is not Prometheus ("loki", "elasticsearch"): its queries
    /// are not run, and the panel says so.
    QString foreignDatasource;

    friend bool operator==(const Panel &, const Panel &) = default;
};

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

    friend bool operator==(const DashboardVariable &, const DashboardVariable &) = default;
};

/// A dashboard annotation that Prometheus answers (Grafana's `annotations.list` entries with an
/// `expr`): its series become bands behind every time series panel, as Grafana draws them.
struct DashboardAnnotation
{
    QString name;
    QString expr; ///< e.g. ALERTS{alertstate="firing"}
    bool enabled = true;

    friend bool operator==(const DashboardAnnotation &, const DashboardAnnotation &) = default;
};

/// A dashboard: panels in grid order (rows flattened, a collapsed row's panels following it),
/// variables, and where it came from.
struct Dashboard
{
    QString uid;
    QString title;
    QString refresh; ///< Grafana's "10s", informative
    QString source;  ///< the file it was read from, empty for built-in
    QList<Panel> panels;
    QList<DashboardVariable> variables;
    QList<DashboardAnnotation> annotations;
    QStringList warnings; ///< what the import could not take over, for the user to read

    /// Panels that draw data (everything except rows).
    qsizetype dataPanelCount() const;

    friend bool operator==(const Dashboard &, const Dashboard &) = default;
};

/// A dashboard that the compose stack's own Grafana provisions, read from the user's file where
/// it is (never copied): shown on the Metrics page as from the stack, or with its problem.
struct StackDashboard
{
    QString path;        ///< the JSON file on the host
    QString provider;    ///< the Grafana provider's name
    QString folder;      ///< the Grafana folder it is filed under, empty = General
    Dashboard dashboard; ///< as read; its `source` is `path`
    QString problem;     ///< why it could not be read; then `dashboard` is empty

    /// The key the page offers it under, apart from the uids of the other dashboards (the same
    /// dashboard may be imported too).
    QString key() const { return QStringLiteral("stack:") + path; }

    friend bool operator==(const StackDashboard &, const StackDashboard &) = default;
};

/// Grafana's named colours ("green", "red", "semi-dark-orange", "#ff0000", "rgba(...)").
QColor grafanaColor(const QString &name);

/// The colour thresholds give `value`: the last step whose value it reaches (the first step is
/// the base); `fallback` when there are no thresholds.
QColor thresholdColor(const QList<Threshold> &thresholds, double value, const QColor &fallback);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::Dashboard)
