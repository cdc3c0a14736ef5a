// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/poller.h"
#include "app/prometheus/prometheusclient.h"
#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"
#include "models/metrics/series.h"
#include "models/metrics/targetsmodel.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

namespace Stackscope {

class LokiClient;

/// The Metrics page's engine, without widgets: runs the current dashboard's queries on a Poller
/// (no overlap, back-off), computes each panel's step from its pixel width, resolves template
/// variables, runs Explore queries and polls the scrape targets. Results of a superseded
/// refresh (a newer range, dashboard or variable) are dropped by a generation counter.
class MetricsController : public QObject
{
    Q_OBJECT
public:
    explicit MetricsController(PrometheusClient *client, QObject *parent = nullptr);

    PrometheusClient *client() const { return m_client; }
    /// Where the queries of Loki panels go; without one they say that no Loki is configured.
    void setLokiClient(LokiClient *loki) { m_loki = loki; }
    LokiClient *lokiClient() const { return m_loki; }
    TargetsModel *targetsModel() { return &m_targets; }

    /// The client's endpoint changed: watch its port while it is down, and query again.
    void endpointChanged();
    /// A new dashboard: queried once the page has laid it out (in this turn of the event loop);
    /// a range or refresh asked for meanwhile joins that one query instead of its own.
    void setDashboard(const Dashboard &dashboard);
    const Dashboard &dashboard() const { return m_dashboard; }
    /// The last `seconds` up to now, or an absolute window (then refreshes keep it fixed).
    void setRelativeRange(double seconds);
    void setAbsoluteRange(const QDateTime &start, const QDateTime &end);
    bool isAbsolute() const { return m_absolute; }
    double rangeSeconds() const;
    /// The window a refresh starting now would ask for.
    void currentWindow(QDateTime *start, QDateTime *end) const;
    /// 0 = off. Also applies to the targets view.
    void setRefreshInterval(std::chrono::milliseconds interval);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// The scrape interval for the step and $__rate_interval: Grafana's default 15 s until
    /// the server's global scrape_interval (/api/v1/status/config) is known, which then
    /// replaces whatever was set here.
    void setScrapeInterval(double seconds) { m_scrapeSeconds = seconds; }
    double scrapeInterval() const { return m_scrapeSeconds; }
    /// Whether scrapeInterval() came from the server.
    bool isScrapeIntervalFromServer() const { return m_scrapeKnown; }
    /// The pixel width of a panel's plot area, for its step.
    void setPanelWidth(int panel, int pixels);
    /// The panels worth querying (on screen or near it, in open rows; Grafana's lazy loading):
    /// refreshes ask for these only, and one that joins is asked for at once, unless it has
    /// this refresh's data already. Until the page says, every panel outside a closed row.
    void setActivePanels(const QList<int> &panels);
    /// How many panel queries were sent so far (tests, benchmarks).
    quint64 queriesSent() const { return m_queriesSent; }
    /// How many exemplar queries (/api/v1/query_exemplars) were sent so far.
    quint64 exemplarQueriesSent() const { return m_exemplarQueriesSent; }
    void setVariable(const QString &name, const QString &value);
    /// Several values of a multi-value variable (or {"$__all"}).
    void setVariable(const QString &name, const QStringList &values);
    QMap<QString, QString> variableValues() const;

    /// Starts polling the dashboard (and the targets when `withTargets`).
    void start();
    void stop();
    void refreshNow();
    void setTargetsActive(bool active);

    /// Runs an Explore query: a range query over the current window and an instant query. With
    /// an alert's labels, its ALERTS series over the same window become the result's bands (its
    /// pending and firing periods); a failed ALERTS query only leaves the bands out.
    void explore(const QString &expr, int pixelWidth, const Labels &alert = {});
    void fetchMetricNames();

    quint64 generation() const { return m_generation; }

Q_SIGNALS:
    void panelUpdated(int panel, const Stackscope::PanelData &data);
    void refreshStarted();
    void refreshFinished(bool ok);
    /// The dashboard's variables (options and current values) after a change or a resolution.
    void variablesChanged(const QList<Stackscope::DashboardVariable> &variables);
    /// The dashboard's panels changed with its variables (repeated panels and rows): the page
    /// shows these, in this order (the indices of panelUpdated); `notes` says what was cut.
    void panelsChanged(const QList<Stackscope::Panel> &panels, const QStringList &notes);
    void exploreFinished(const Stackscope::PanelData &range, const Stackscope::QueryResult &instant,
                         const QString &instantError);
    void metricNamesChanged(const QStringList &names);
    void targetsUpdated(const QString &error);
    void scrapeIntervalChanged(double seconds);

private:
    struct PanelState
    {
        int width = 800;
        PanelData lastGood;
        bool hasGood = false;
        quint64 queriedGeneration = 0; ///< the generation it was last asked for
    };
    void runDashboard(Poller::Report report);
    void runQueries(Poller::Report report);
    /// Queries these panels; `report` (when set) hears when all have answered.
    void queryPanels(const QList<int> &panels, Poller::Report report);
    /// Asks the dashboard's enabled annotations over the window; their bands go behind every
    /// time series panel (re-sent with the panels' last data when they arrive).
    void queryAnnotations();
    /// `data` with the annotations' bands when the panel is a time series.
    PanelData withBands(int panel, PanelData data) const;
    void runTargets(Poller::Report report);
    void resolveVariables();
    void fetchScrapeInterval(std::function<void()> then);
    /// expr with the dashboard's variables (as a repeated panel's `scope` sees them) replaced;
    /// `rangeSeconds` < 0: the dashboard's range ($__range).
    QString interpolated(const QString &expr, double stepSeconds, double rangeSeconds = -1,
                         const QMap<QString, QString> &scope = {}) const;
    /// Expands the dashboard's repeated panels for the variables' current values; when that
    /// changes the panels, starts their state afresh and announces them (panelsChanged).
    bool expandRepeats();
    /// Fresh state for every panel; the active ones are those outside closed rows until the page
    /// says which are on screen.
    void resetPanels();
    /// A new time range: variables refreshed on time range change asked again, then a refresh.
    void timeRangeChanged();
    double panelStep(const Panel &panel, int width, double rangeSeconds) const;

    PrometheusClient *m_client;
    LokiClient *m_loki = nullptr;
    Poller m_poller;
    Poller m_targetsPoller;
    TargetsModel m_targets;
    Dashboard m_dashboard;         ///< as shown: repeated panels expanded
    QList<Panel> m_templatePanels; ///< as loaded: repeated panels once
    QList<PanelState> m_panels;
    double m_rangeSeconds = 3600;
    QDateTime m_absStart;
    QDateTime m_absEnd;
    bool m_absolute = false;
    bool m_paused = false;
    bool m_started = false;
    bool m_targetsActive = false;
    std::chrono::milliseconds m_interval{15000};
    double m_scrapeSeconds = 15;
    bool m_scrapeKnown = false;
    quint64 m_generation = 0;
    QList<ChartBand> m_annotationBands; ///< of the last refresh whose annotations answered
    quint64 m_exploreGeneration = 0;
    QSet<QString> m_resolvedVariables; ///< query variables whose values came from the server
    /// Query variables whose answer is on its way, with the generation they were asked in (+1).
    QHash<QString, quint64> m_askingVariables;
    QSet<int> m_active;              ///< the panels to query (see setActivePanels)
    bool m_refreshScheduled = false; ///< a new dashboard's first refresh waits for its layout
    quint64 m_queriesSent = 0;
    quint64 m_exemplarQueriesSent = 0;
};

} // namespace Stackscope
