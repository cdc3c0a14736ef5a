// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/buckets.h"
#include "models/metrics/dashboardvariable.h"
#include "models/metrics/fieldconfig.h"
#include "models/metrics/panelstyle.h"
#include "models/metrics/seriesaxis.h"

#include <QColor>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stackscope {

/// One query of a panel: PromQL, or LogQL for a Loki datasource.
struct PanelQuery
{
    QString expr;
    QString legendFormat; ///< "{{label}}" placeholders; empty = the series' signature
    QString refId;
    bool instant = false;
    /// Grafana's `format: heatmap`: the series are Prometheus histogram buckets, to be sorted by
    /// `le` and turned into counts per bucket (cumulativeToBuckets).
    bool heatmap = false;
    /// Grafana's `exemplar`: the query's exemplars are fetched too and drawn over its lines.
    bool exemplar = false;
    /// Where it goes: empty for Prometheus, "loki" for Loki (the panel's or the query's own
    /// datasource, by `__inputs`, `${DS_…}`, a datasource variable or `type: loki`).
    QString datasource{};

    friend bool operator==(const PanelQuery &, const PanelQuery &) = default;
};

/// A link of a dashboard (Grafana's `links`) or of a panel (its `links`: title and url). A
/// "dashboards" link lists the dashboards that have all of its tags. Opened only as an absolute
/// http(s) URL (DashboardLinks::resolve).
struct DashboardLink
{
    enum class Type { Link, Dashboards };
    Type type = Type::Link;
    QString title;
    QString url; ///< may hold variables and ${__url_time_range}
    QString tooltip;
    QStringList tags; ///< Dashboards: the tags a dashboard must have
    bool asDropdown = false;
    bool targetBlank = false;
    bool includeVars = false; ///< the variables' values appended as var-name=value
    bool keepTime = false;    ///< the time range appended as from=…&to=… (ms)

    friend bool operator==(const DashboardLink &, const DashboardLink &) = default;
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
        Heatmap,
        Histogram,
        Table,
        Row,
        Text,
        Logs, ///< Grafana's `logs`: the lines of its Loki queries
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
    /// Heatmaps and histograms only: their options.
    HeatmapOptions heatmap;
    HistogramOptions histogram;
    /// Rows only: stored inside a collapsed row's panels (hidden while that row is closed).
    bool nested = false;
    /// The panel's datasource when it is not Prometheus ("loki", "elasticsearch"): its queries
    /// are not run, and the panel says so.
    QString foreignDatasource;
    /// Repeated by this variable (Grafana's `repeat`, see PanelRepeat): side by side, at most
    /// maxPerRow in a line (0: Grafana's 4), or one under another when repeatVertical.
    QString repeat;
    bool repeatVertical = false;
    int maxPerRow = 0;
    /// A repeated copy's own value of its variable, used in its queries and title.
    QMap<QString, QString> scope;
    /// Time series: rules that put some series on the right axis or below zero (a legacy graph's
    /// seriesOverrides); the rest follow `style.graph`.
    QList<SeriesAxisRule> axisRules;
    /// Grafana's relative time override ("1h": the last hour whatever the dashboard's range) and
    /// time shift ("1h": an hour earlier); empty = none (PanelTime).
    QString timeFrom;
    QString timeShift;
    QList<DashboardLink> links;
    /// Value mappings, colour, display name, no-value text, hideFrom and the overrides per
    /// series (fieldconfig.h); unit, decimals, min, max and thresholds are the fields above.
    FieldConfig fields;

    friend bool operator==(const Panel &, const Panel &) = default;
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
    QString refresh; ///< Grafana's "10s": the refresh picker takes it when the dashboard opens
    /// Grafana's `time`: "now-6h" to "now" (relative) or two absolute times; empty = keep the
    /// picker's range (PanelTime::dashboardWindow).
    QString timeFrom;
    QString timeTo;
    QStringList tags;
    QList<DashboardLink> links;
    QString source; ///< the file it was read from, empty for built-in
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
