// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"
#include "models/metrics/panelstyle.h"
#include "models/metrics/seriesaxis.h"

#include <QChartView>
#include <QDateTime>
#include <QSet>

#include <optional>

class QLabel;
class QLineSeries;
class QAreaSeries;
class QAbstractAxis;
class QCategoryAxis;
class QLogValueAxis;
class QGraphicsLineItem;
class QGraphicsRectItem;
class QRubberBand;

namespace Stackscope {

class ExemplarLayer;

/// A time-series chart (QtCharts): time axis, legend (click to hide a series), a read-out of
/// every series at the cursor's time, units on the axis, NaN and missing samples as gaps,
/// colours by the series' place in the panel (Grafana's classic palette, so no two series share
/// one), stacking (normal and percent), fill, line width, points and bars. Each series is decimated
/// to two points per pixel column, then the points that would not move a pixel (those within half a
/// pixel of the line drawn without them) are dropped, before QtCharts sees it; points are handed
/// over with replace(). Data equal to what is drawn is not handed over again. Drag to zoom
/// (zoomRequested), double-click to reset (resetZoomRequested). The data's bands (an alert's
/// pending and firing periods) are shaded behind the lines over the plot's full height, and named
/// in the read-out. The value axis is linear or logarithmic (QLogValueAxis; values at or below
/// zero are left out there, as gaps); series that a rule places on the right get a second axis of
/// their own; negative-Y series are drawn below zero; fills may fade (gradient); the panel's
/// thresholds are drawn as lines (solid or dashed) and/or areas behind the lines, over the left
/// axis, as the bands are. The data's exemplars are diamonds over the lines (ExemplarLayer), within
/// the value axis' range unless the panel fixes min or max: hovering one shows its time, value and
/// labels in the read-out, clicking one that names a trace asks for that trace (traceRequested).
class TimeSeriesChart : public QChartView
{
    Q_OBJECT
public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);

    void setUnit(const QString &unit);
    void setBounds(std::optional<double> min, std::optional<double> max);
    /// Stacking, fill, line width and draw style.
    void setGraphStyle(const GraphStyle &style);
    /// Which series go on the right axis or below zero (Panel::axisRules).
    void setAxisRules(const QList<SeriesAxisRule> &rules);
    /// The thresholds drawn when the style's `thresholds` says so.
    void setThresholds(const QList<Threshold> &thresholds);
    /// Whether the chart's own legend (a list under the plot) is drawn; a panel that shows its
    /// legend as a table, or none, turns it off.
    void setLegendShown(bool shown);
    void setData(const PanelData &data);
    void clearData();

    /// Logical series drawn (one per label set).
    int seriesCount() const { return int(m_entries.size()); }
    /// Line segments drawn for a series (1 + the number of gaps).
    int segmentCount(int series) const;
    /// Points handed to QtCharts across all segments.
    qsizetype drawnPointCount() const;
    bool isSeriesVisible(int series) const;
    void setSeriesVisible(int series, bool visible);
    /// The read-out text at a time (what the hover shows).
    QString readoutAt(qint64 timeMs) const;
    /// The plot area's width in pixels (for the step).
    int plotWidth() const;
    /// The plot area's height in pixels.
    int plotHeight() const;
    /// The bands drawn, and where (chart coordinates), in the order of PanelData::bands.
    int bandCount() const { return int(m_bandItems.size()); }
    QRectF bandRect(int band) const;
    /// The x (chart coordinates) of a time on the time axis.
    qreal xOf(qint64 timeMs) const;
    /// The exemplars drawn (those on the plot, of shown series), in PanelData::exemplars' order:
    /// which exemplar each is, where (widget coordinates), its colour and its read-out text.
    int exemplarCount() const;
    int exemplarIndex(int marker) const;
    QPoint exemplarPosition(int marker) const;
    QColor exemplarColor(int marker) const;
    QString exemplarText(int marker) const;
    /// The drawn exemplar under a widget position, -1 when none.
    int exemplarAt(const QPoint &pos) const;
    /// The read-out as shown now (empty when hidden) (tests, screenshots).
    QString shownReadout() const;
    /// How many times the series were decimated and handed to QtCharts (tests, benchmark).
    int rebuildCount() const { return m_rebuilds; }

    /// The colour of a series (its place in the panel's data), and its legend name.
    QColor seriesColor(int series) const;
    QString seriesName(int series) const;
    /// The names of the series the user hid (legend clicks).
    QSet<QString> hiddenNames() const;
    /// Filled areas drawn (stacked bands, fills, bars), across all series.
    int areaCount() const;
    /// The points of a series' lines as drawn (stacked: the top of its band).
    QList<QPointF> linePoints(int series) const;
    /// The value axis' range as drawn.
    std::pair<double, double> valueAxisRange() const { return valueRange(); }
    /// The left value axis (a QCategoryAxis, or a QLogValueAxis for a log scale) and the right
    /// one (null until a series goes there; hidden while none does).
    QAbstractAxis *valueAxis() const;
    QAbstractAxis *rightValueAxis() const;
    /// The right axis' range as drawn ({0, 0} without one).
    std::pair<double, double> rightAxisRange() const;
    /// Whether a series is drawn against the right axis, and negated.
    bool isOnRightAxis(int series) const;
    bool isNegated(int series) const;
    /// The fill of a series (its first area's brush; Qt::NoBrush when it has none).
    QBrush fillBrush(int series) const;
    /// The thresholds drawn: lines (one per step above the base) and areas (one per step), in
    /// the thresholds' order.
    QList<QGraphicsLineItem *> thresholdLines() const { return m_thresholdLines; }
    QList<QGraphicsRectItem *> thresholdAreas() const { return m_thresholdAreas; }
    /// The y (chart coordinates) of a value on the left axis.
    qreal yOf(double value) const;

Q_SIGNALS:
    void zoomRequested(const QDateTime &start, const QDateTime &end);
    void resetZoomRequested();
    void plotWidthChanged(int pixels);
    /// The series were drawn anew or one was shown or hidden (for a legend table beside).
    void seriesChanged();
    /// An exemplar that names a trace (trace_id, traceID or traceId) was clicked.
    void traceRequested(const QString &traceId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Entry
    {
        QString name;
        QColor color;
        QList<QLineSeries *> segments;
        QList<QAreaSeries *> areas; ///< fills under (or stacked bands behind) the segments
        bool visible = true;
        bool inLegend = true;  ///< not hideFrom.legend
        bool inTooltip = true; ///< not hideFrom.tooltip
        int dataIndex = 0;
        SeriesAxis axis;
    };
    void rebuild();
    /// A series' value as the read-out shows it: its field's mapping, unit and decimals.
    QString valueText(int series, double value, bool rightAxis = false) const;
    QLineSeries *takeLine();
    void updateAxes();
    /// Places the bands over the plot area (after a rebuild, and when the plot area moves).
    void layoutBands();
    /// Places the exemplars over the plot (after a rebuild, when the plot area moves, when a
    /// series is shown or hidden).
    void layoutExemplars();
    /// The value axis' range: the data's (or the panel's min/max) with a little headroom.
    std::pair<double, double> valueRange() const;
    /// The vertical axis for one side, made when first needed.
    QAbstractAxis *sideAxis(bool right);
    void fillValueAxis(QCategoryAxis *axis, double lo, double hi, const QString &unit);
    void layoutThresholds();

    PanelData m_data;
    QString m_unit;
    GraphStyle m_style;
    bool m_legendShown = true;
    std::optional<double> m_min;
    std::optional<double> m_max;
    QList<Entry> m_entries;
    QList<QLineSeries *> m_lines; ///< every line made, in the order they were added
    QList<QLineSeries *> m_pool;  ///< the lines not used by this drawing
    // Category axes with labels on values: QDateTimeAxis draws no labels in Qt 6.4 here, and
    // QValueAxis cannot format units.
    QCategoryAxis *m_timeAxis;
    QCategoryAxis *m_valueAxis;
    QLabel *m_readout;
    QGraphicsLineItem *m_cursorLine;
    QList<QGraphicsRectItem *> m_bandItems;
    QList<SeriesAxisRule> m_axisRules;
    QList<Threshold> m_thresholds;
    QList<QGraphicsLineItem *> m_thresholdLines;
    QList<QGraphicsRectItem *> m_thresholdAreas;
    QLogValueAxis *m_logAxis = nullptr;      ///< the left axis of a log scale
    QCategoryAxis *m_rightAxis = nullptr;    ///< the right axis, linear
    QLogValueAxis *m_rightLogAxis = nullptr; ///< the right axis, log
    bool m_hasRight = false;
    bool m_hasLeft = true;
    double m_rMin = 0;
    double m_rMax = 1;
    ExemplarLayer *m_exemplars;
    QRubberBand *m_band = nullptr;
    QPoint m_pressPos;
    bool m_dragging = false;
    int m_builtWidth = 0;
    int m_builtHeight = 0;
    int m_rebuilds = 0;
    bool m_drawn = false; ///< m_data is what the lines show, with the current unit and bounds
    double m_yMin = 0;
    double m_yMax = 1;
};

} // namespace Stackscope
