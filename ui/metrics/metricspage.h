// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/dashboardgrid.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

#include <chrono>

class QComboBox;
class QLabel;
class QLineEdit;
class QScrollArea;
class QTabWidget;
class QTableView;
class QToolButton;
class QTreeView;
class QHBoxLayout;
class QSortFilterProxyModel;

namespace Stackscope {

class PanelWidget;
class SeriesTableModel;
class TargetsModel;
class TimeSeriesChart;

/// The Metrics page: a dashboard (panels on Grafana's 24-column grid, variables as drop-downs),
/// the time range picker, refresh and pause, an Explore tab for ad-hoc PromQL and a Targets tab.
/// Like every page, it shows models and values and asks for work through its request signals; the
/// feature connects them to the MetricsController and the controller's results to the slots
/// below (the page never holds a controller). Importing a dashboard file (button or drag and
/// drop) is asked of the feature through importRequested().
class MetricsPage : public QWidget
{
    Q_OBJECT
public:
    /// `targets` is the scrape targets' model that the Targets tab shows.
    explicit MetricsPage(TargetsModel *targets, QWidget *parent = nullptr);

    /// The dashboards to offer; keeps the current one when its uid is still there, else shows
    /// `preferredUid` or the first.
    void setDashboards(const QList<Dashboard> &dashboards, const QString &preferredUid = {});
    /// The dashboards the compose stack's Grafana provisions (`service`), offered in a group of
    /// their own, marked as from the stack, under StackDashboard::key(); one that could not be
    /// read is listed with its problem, and each of `notes` (what could not be followed) too.
    /// The one on screen is shown anew when its file changed.
    void setStackDashboards(const QList<Stackscope::StackDashboard> &dashboards,
                            const QStringList &notes, const QString &service);
    /// A dashboard by its uid, or one from the stack by its key.
    void showDashboard(const QString &uid);
    QString currentDashboardUid() const;
    /// A line above the panels: import results, dashboard files that could not be read.
    void showMessage(const QString &text, bool error);
    /// Shows the configured refresh interval in the refresh picker (the closest choice).
    void setRefreshInterval(std::chrono::milliseconds interval);
    /// Explore with an expression over a window (the Alerts page's "open as chart"); with an
    /// alert's labels, its pending and firing periods are drawn behind the expression for as long
    /// as that expression is the one explored.
    void exploreExpression(const QString &expr, const QDateTime &start, const QDateTime &end,
                           const Stackscope::Labels &alert = {});

    /// Shows an absolute window in the range picker and asks for it (a drag-zoom, the custom
    /// range, an alert's chart); false, with the reason shown, when the end is not after the
    /// start.
    bool requestAbsoluteRange(const QDateTime &start, const QDateTime &end);
    /// Doubles the window on screen around its middle (Grafana's zoom out), never past now.
    void zoomOut();
    /// What the range picker shows (tests).
    QString rangeText() const;
    /// What the refresh picker shows (tests).
    QString refreshText() const;
    /// The dashboard's links above its panels: a button per link (a menu for "dashboards" links
    /// and those asDropdown); hidden when it has none.
    QWidget *linksBar() const { return m_linksBar; }
    /// The URL a link opens now (variables and the time range filled in), empty when it is no
    /// absolute http(s) URL and so is never opened.
    QUrl linkUrl(const Stackscope::DashboardLink &link) const;

    QList<PanelWidget *> panelWidgets() const { return m_panels; }
    const DashboardGrid &grid() const { return m_layout; }
    QScrollArea *scrollArea() const { return m_scroll; }
    TimeSeriesChart *exploreChart() const { return m_exploreChart; }
    QString exploreError() const;
    /// Targets grouped by job: a row per job with its counts, its targets below it.
    QTreeView *targetsView() const { return m_targetsView; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *dashboardBox() const { return m_dashboardBox; }

public Q_SLOTS:
    /// One panel's new data (index into the current dashboard's panels).
    void showPanelData(int panel, const Stackscope::PanelData &data);
    /// The current dashboard's variables with their options and values, as last resolved.
    void setVariables(const QList<Stackscope::DashboardVariable> &variables);
    /// The current dashboard's panels as the controller expanded them (repeats); `notes` are
    /// shown with the dashboard's own.
    void setPanels(const QList<Stackscope::Panel> &panels, const QStringList &notes);
    /// Names for Explore's completion.
    void setMetricNames(const QStringList &names);
    void showExploreResult(const Stackscope::PanelData &range,
                           const Stackscope::QueryResult &instant, const QString &instantError);
    /// The targets model was refreshed (`error` non-empty: it keeps the last good list).
    void showTargetsStatus(const QString &error);

Q_SIGNALS:
    // Requests, answered through the slots above.
    void dashboardRequested(const Stackscope::Dashboard &dashboard);
    void relativeRangeRequested(double seconds);
    void absoluteRangeRequested(const QDateTime &start, const QDateTime &end);
    void refreshIntervalRequested(std::chrono::milliseconds interval);
    void pauseRequested(bool paused);
    void refreshRequested();
    /// Whether the Targets tab is on screen (its model is polled only then).
    void targetsShownChanged(bool shown);
    /// A panel's plot is `pixels` wide now (for its step).
    void panelWidthChanged(int panel, int pixels);
    void variableChosen(const QString &name, const QString &value);
    /// Several values of a multi-value variable (or {"$__all"}).
    void variableValuesChosen(const QString &name, const QStringList &values);
    /// `alert`: the labels of the alert whose periods to draw as bands (empty: none).
    void exploreRequested(const QString &expr, int pixelWidth, const Stackscope::Labels &alert);

    void importRequested(const QString &path);
    /// A panel asked for the traces of a service over its time range.
    void tracesRequested(const QString &service, const QDateTime &start, const QDateTime &end);
    /// An exemplar naming a trace was clicked: open that trace.
    void traceRequested(const QString &traceId);
    /// A web link in a panel (a text panel's) was clicked; only http(s) ever arrive here.
    void openUrlRequested(const QUrl &url);
    /// A dashboard is on screen now (for remembering it).
    void dashboardShown(const QString &uid);
    /// The panels (indices into the current dashboard) on screen or within a screen of it, in
    /// open rows: only those are worth querying (Grafana's lazy loading).
    void visiblePanelsChanged(const QList<int> &panels);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildDashboardTab();
    QWidget *buildExploreTab();
    QWidget *buildTargetsTab();
    void rebuildDashboardBox();
    void fillDashboardBox();
    void buildPanels();
    void layoutPanels();
    void updateVisiblePanels();
    void rebuildVariables();
    void updateTitles();
    void fitVariablesBar();
    /// A multi-value variable: a button with a menu of check boxes (All and each value).
    QWidget *buildMultiVariable(const DashboardVariable &v);
    void applyRangeChoice(int index);
    /// A dashboard's own `time` and `refresh`, as Grafana applies them when it opens.
    void applyDashboardTime(const Dashboard &dashboard);
    void rebuildLinks();
    void openDashboardLater(const QString &uid);
    /// Opens a link when it resolves to a web URL, else says why not.
    void openLink(const Stackscope::DashboardLink &link);
    void runExplore();
    void reportWidths();

    TargetsModel *m_targets;
    QList<Dashboard> m_dashboards;
    QList<StackDashboard> m_stackDashboards;
    QStringList m_stackNotes;
    QString m_stackService;
    QString m_wantedStackKey;             ///< remembered before the stack's dashboards were read
    Dashboard m_dashboard;                ///< the one on screen
    QList<DashboardVariable> m_variables; ///< its variables as last resolved
    QTabWidget *m_tabs;
    QComboBox *m_dashboardBox;
    QComboBox *m_rangeBox;
    QComboBox *m_refreshBox;
    QToolButton *m_pause;
    QLabel *m_message;
    QHBoxLayout *m_variablesLayout;
    QWidget *m_variablesBar;
    QScrollArea *m_variablesScroll;
    QScrollArea *m_scroll;
    QWidget *m_grid;
    QList<PanelWidget *> m_panels;
    int m_builds = 0;           ///< how often buildPanels() ran
    QStringList m_panelNotes;   ///< what the controller said of the panels (repeats cut)
    DashboardGrid m_layout;     ///< where the panels go, which rows are open
    QList<int> m_visiblePanels; ///< as last announced
    // Explore
    QComboBox *m_exploreBox;
    QLabel *m_exploreStatus;
    TimeSeriesChart *m_exploreChart;
    PanelData m_lastGoodExplore; ///< kept on screen when a query fails
    QString m_exploreAlertExpr;  ///< the expression opened with an alert's labels
    Labels m_exploreAlert;       ///< that alert's labels, for its bands
    SeriesTableModel *m_exploreTable;
    QStringList m_history;
    // Targets
    QLineEdit *m_targetsFilter;
    QSortFilterProxyModel *m_targetsProxy;
    QTreeView *m_targetsView;
    QLabel *m_targetsStatus;
    QWidget *m_linksBar;
    QHBoxLayout *m_linksLayout;
    std::chrono::milliseconds m_configuredRefresh{15000}; ///< the configuration's interval
    std::chrono::milliseconds m_requestedRefresh{15000};  ///< the interval last asked for
    int m_lastRangeIndex = 3;
    QDateTime m_absStart; ///< the absolute window on screen, invalid while relative
    QDateTime m_absEnd;
};

} // namespace Stackscope
