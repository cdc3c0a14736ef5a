// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QFrame>

class QLabel;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace Stackscope {

class LogLinesView;
class LogModel;

class LegendModel;
class SeriesTableModel;
class BarGaugeView;
class HeatmapView;
class HistogramView;
class PieChartView;
class StateTimelineView;
class TextPanelView;
class TimeSeriesChart;

/// A stat's big number with a sparkline behind it, or a gauge's arc, coloured by threshold.
class ValueView : public QWidget
{
    Q_OBJECT
public:
    enum class Style { Stat, Gauge };
    explicit ValueView(Style style, const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    /// The colour a value of a series gets: its value mapping's, its field's fixed colour, or
    /// the thresholds' (the base colour when there are none); overrides applied.
    QColor colorFor(double value, int series = 0) const;
    /// What is written, one per series: the last value's mapping, or the value in its field's
    /// unit and decimals; a series without samples shows noValue (tests).
    QStringList texts() const;
    /// What is written when the panel has no series: its noValue, else "No data".
    QString noValueText() const;
    /// The colour the value of a series is written in: its colour (colorMode value),
    /// white or black on it (background), the text colour (none).
    QColor textColor(double value, int series = 0) const;
    /// The cell's background for a value: its colour with colorMode background, else
    /// none (invalid).
    QColor backgroundColor(double value, int series = 0) const;
    /// The name written above a series' value ("" when the text mode shows none) (tests).
    QString shownName(int series) const;
    bool drawsSparkline() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString valueText(int series) const;

    Style m_style;
    Panel m_panel;
    PanelData m_data;
};

/// One dashboard panel: a title bar with the panel's status (error, stale, no data, warnings)
/// and the drawing for its type; a type we cannot draw says so.
class PanelWidget : public QFrame
{
    Q_OBJECT
public:
    explicit PanelWidget(const Stackscope::Panel &panel, QWidget *parent = nullptr);

    const Stackscope::Panel &panel() const { return m_panel; }
    /// The title as shown (the panel's, with the dashboard's variables replaced).
    void setTitle(const QString &title);
    QString title() const;
    void setData(const PanelData &data);
    /// The width the panel's drawing has, for the query step.
    int plotWidth() const;
    QString statusText() const; ///< "no data", an error, empty when fine (tests)
    /// The header's note of the panel's own time ("Last 1 hour, timeshift -1h"), empty if none.
    QString timeInfoText() const;
    /// The header's links button (a menu of the panel's links), null without links.
    QToolButton *linksButton() const { return m_links; }
    TimeSeriesChart *chart() const { return m_chart; }
    ValueView *valueView() const { return m_value; }
    BarGaugeView *barGaugeView() const { return m_barGauge; }
    PieChartView *pieChartView() const { return m_pie; }
    StateTimelineView *stateTimelineView() const { return m_states; }
    HeatmapView *heatmapView() const { return m_heatmap; }
    HistogramView *histogramView() const { return m_histogram; }
    SeriesTableModel *tableModel() const { return m_table; }
    TextPanelView *textView() const { return m_text; }
    /// The legend as a table (options.legend.displayMode "table"), null otherwise; its view
    /// shows it sorted as the panel asks (sortBy, sortDesc) or as the user clicks.
    LegendModel *legendModel() const { return m_legend; }
    QTableView *legendTable() const { return m_legendView; }

Q_SIGNALS:
    void zoomRequested(const QDateTime &start, const QDateTime &end);
    void resetZoomRequested();
    void toggled(bool collapsed); ///< rows only
    /// "Traces around here": a series' service (label `service`, else `job`) over the panel's
    /// range.
    void tracesRequested(const QString &service, const QDateTime &start, const QDateTime &end);
    /// An exemplar naming a trace was clicked.
    void traceRequested(const QString &traceId);
    /// A web link of a text panel was clicked.
    void openUrlRequested(const QUrl &url);
    /// One of the panel's links (its header's menu) was chosen; the page resolves and opens it.
    void linkRequested(const Stackscope::DashboardLink &link);

public:
    /// The services the panel's series name (label `service`, else `job`), for the context menu.
    QStringList tracedServices() const;

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void buildLegendTable(QVBoxLayout *layout);
    void showLogLines(const PanelData &data);

    Stackscope::Panel m_panel; // qualified: QFrame has an enum value named Panel
    QLabel *m_title;
    QLabel *m_status;
    TimeSeriesChart *m_chart = nullptr;
    ValueView *m_value = nullptr;
    BarGaugeView *m_barGauge = nullptr;
    PieChartView *m_pie = nullptr;
    StateTimelineView *m_states = nullptr;
    HeatmapView *m_heatmap = nullptr;
    HistogramView *m_histogram = nullptr;
    SeriesTableModel *m_table = nullptr;
    TextPanelView *m_text = nullptr;
    LogLinesView *m_logLines = nullptr; ///< logs panels, over m_logModel
    LogModel *m_logModel = nullptr;
    static constexpr int kMaxLogLinesShown = 1000;
    LegendModel *m_legend = nullptr;
    QTableView *m_legendView = nullptr;
    QToolButton *m_rowButton = nullptr;
    QLabel *m_timeInfo = nullptr;
    QToolButton *m_links = nullptr;
    PanelData m_data;
};

} // namespace Stackscope
