// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/timeserieschart.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/metrics/decimate.h"
#include "models/metrics/stacking.h"
#include "ui/metrics/exemplarlayer.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLinearGradient>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Above this many points handed to QtCharts, lines are drawn one pixel wide.
constexpr qsizetype denseLinePoints = 20000;

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : QChartView(new QChart, parent)
    , m_timeAxis(new QCategoryAxis)
    , m_valueAxis(new QCategoryAxis)
    , m_readout(new QLabel(this))
    , m_cursorLine(new QGraphicsLineItem)
    , m_exemplars(new ExemplarLayer(chart()))
{
    QChart *c = chart();
    c->setMargins(QMargins(2, 2, 2, 2));
    c->setBackgroundRoundness(0);
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->legend()->setShowToolTips(true);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_valueAxis, Qt::AlignLeft);
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_timeAxis->setLabelsFont(small);
    m_valueAxis->setLabelsFont(small);
    c->legend()->setFont(small);
    setRenderHint(QPainter::Antialiasing, false);
    setMouseTracking(true);
    setRubberBand(QChartView::NoRubberBand);
    m_readout->setTextFormat(Qt::PlainText);
    m_readout->setAutoFillBackground(true);
    m_readout->setFrameShape(QFrame::StyledPanel);
    m_readout->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_readout->hide();
    m_cursorLine->setPen(QPen(Palette::cursor(), 1));
    m_cursorLine->setZValue(50);
    m_cursorLine->hide();
    scene()->addItem(m_cursorLine);
    connect(c, &QChart::plotAreaChanged, this, &TimeSeriesChart::layoutBands);
    connect(c, &QChart::plotAreaChanged, this, &TimeSeriesChart::layoutThresholds);
    connect(c, &QChart::plotAreaChanged, this, &TimeSeriesChart::layoutExemplars);
}

void TimeSeriesChart::setUnit(const QString &unit)
{
    m_unit = unit;
    m_drawn = false;
}

void TimeSeriesChart::setBounds(std::optional<double> min, std::optional<double> max)
{
    m_min = min;
    m_max = max;
    m_drawn = false;
}

void TimeSeriesChart::setGraphStyle(const GraphStyle &style)
{
    m_style = style;
    m_drawn = false;
    // A log scale: its own axis on the left, the linear one hidden (lines move in rebuild()).
    if (style.logBase > 0 && !m_logAxis) {
        m_logAxis = new QLogValueAxis;
        m_logAxis->setLabelFormat(u"%g"_s);
        m_logAxis->setMinorTickCount(-1);
        m_logAxis->setLabelsFont(m_valueAxis->labelsFont());
        chart()->addAxis(m_logAxis, Qt::AlignLeft);
    }
    m_valueAxis->setVisible(style.logBase <= 0);
    if (m_logAxis)
        m_logAxis->setVisible(style.logBase > 0);
    // "hidden": the axis scales the series but shows no labels.
    const bool labels = style.placement != GraphStyle::Placement::Hidden;
    m_valueAxis->setLabelsVisible(labels);
    if (m_logAxis)
        m_logAxis->setLabelsVisible(labels);
}

void TimeSeriesChart::setAxisRules(const QList<SeriesAxisRule> &rules)
{
    m_axisRules = rules;
    m_drawn = false;
}

void TimeSeriesChart::setThresholds(const QList<Threshold> &thresholds)
{
    m_thresholds = thresholds;
    layoutThresholds();
}

void TimeSeriesChart::setLegendShown(bool shown)
{
    m_legendShown = shown;
    chart()->legend()->setVisible(shown && !m_entries.isEmpty() && m_entries.size() <= 20);
}

QColor TimeSeriesChart::seriesColor(int series) const
{
    return series >= 0 && series < m_entries.size() ? m_entries.at(series).color : QColor();
}

QString TimeSeriesChart::seriesName(int series) const
{
    return series >= 0 && series < m_entries.size() ? m_entries.at(series).name : QString();
}

QSet<QString> TimeSeriesChart::hiddenNames() const
{
    QSet<QString> hidden;
    for (const Entry &e : m_entries) {
        if (!e.visible)
            hidden.insert(e.name);
    }
    return hidden;
}

int TimeSeriesChart::areaCount() const
{
    int count = 0;
    for (const Entry &e : m_entries)
        count += int(e.areas.size());
    return count;
}

QList<QPointF> TimeSeriesChart::linePoints(int series) const
{
    QList<QPointF> points;
    if (series >= 0 && series < m_entries.size()) {
        for (const QLineSeries *line : m_entries.at(series).segments)
            points += line->points();
    }
    return points;
}

namespace {

/// Whether two panel data draw the same chart (a refresh that brought nothing new).
bool drawsTheSame(const PanelData &a, const PanelData &b)
{
    if (a.start != b.start || a.end != b.end || a.stepSeconds != b.stepSeconds || a.names != b.names
        || a.series.size() != b.series.size() || a.bands != b.bands || a.fields != b.fields)
        return false;
    for (qsizetype i = 0; i < a.series.size(); ++i) {
        const Series &x = a.series.at(i);
        const Series &y = b.series.at(i);
        if (x.times != y.times || x.labels != y.labels)
            return false;
        // Bitwise, so that NaN equals NaN.
        if (x.values.size() != y.values.size())
            return false;
        if (!x.values.isEmpty()
            && std::memcmp(x.values.constData(), y.values.constData(),
                           size_t(x.values.size()) * sizeof(double))
                   != 0)
            return false;
    }
    return true;
}

/// A series against `axis` as its only vertical axis (a line from the pool may have drawn on
/// the other side last time).
void attachVertical(QAbstractSeries *series, QAbstractAxis *axis)
{
    const auto attached = series->attachedAxes();
    for (QAbstractAxis *a : attached) {
        if (a->orientation() == Qt::Vertical && a != axis)
            series->detachAxis(a);
    }
    if (!attached.contains(axis))
        series->attachAxis(axis);
}

/// A fill: plain, or fading from the line towards the floor (opacity), turning its hue on the
/// way too (hue); a negated series fades the other way, from its line down.
QBrush gradientFill(const QColor &color, int alpha, GraphStyle::Gradient gradient, bool negated)
{
    QColor top = color;
    top.setAlpha(alpha);
    if (gradient == GraphStyle::Gradient::None)
        return top;
    QColor bottom = top;
    bottom.setAlpha(0);
    if (gradient == GraphStyle::Gradient::Hue) {
        float h = 0, sat = 0, l = 0, a = 0;
        color.getHslF(&h, &sat, &l, &a);
        top = QColor::fromHslF(std::fmod(std::max(h, 0.0f) + 0.94f, 1.0f), sat, l);
        top.setAlpha(alpha);
        bottom = QColor::fromHslF(std::fmod(std::max(h, 0.0f) + 0.06f, 1.0f), sat, l);
        bottom.setAlpha(alpha / 4);
    }
    // Object bounding mode: 0 is the area's top, 1 its bottom, wherever the area is.
    QLinearGradient fade(0, 0, 0, 1);
    fade.setCoordinateMode(QGradient::ObjectBoundingMode);
    fade.setColorAt(0, negated ? bottom : top);
    fade.setColorAt(1, negated ? top : bottom);
    return fade;
}

} // namespace

void TimeSeriesChart::setData(const PanelData &data)
{
    // New exemplars may widen the value axis: drawn anew too.
    if (m_drawn && drawsTheSame(data, m_data) && data.exemplars == m_data.exemplars) {
        m_data = data; // errors and warnings are not drawn here; keep them current anyway
        return;
    }
    m_data = data;
    rebuild();
}

void TimeSeriesChart::clearData()
{
    m_data = PanelData();
    rebuild();
}

int TimeSeriesChart::plotWidth() const
{
    const int w = int(chart()->plotArea().width());
    return w > 10 ? w : std::max(width() - 60, 100);
}

int TimeSeriesChart::plotHeight() const
{
    const int h = int(chart()->plotArea().height());
    return h > 10 ? h : std::max(height() - 40, 50);
}

QLineSeries *TimeSeriesChart::takeLine()
{
    // In creation order: QtCharts lists legend markers in the order lines were added, so the
    // legend keeps the panel's series order.
    if (!m_pool.isEmpty())
        return m_pool.takeFirst();
    auto *line = new QLineSeries;
    m_lines.append(line);
    chart()->addSeries(line);
    line->attachAxis(m_timeAxis);
    line->setUseOpenGL(false);
    return line;
}

void TimeSeriesChart::rebuild()
{
    ++m_rebuilds;
    m_drawn = true;
    // Remember which series the user hid, by name.
    QSet<QString> hidden;
    QSet<QString> known;
    for (const Entry &e : std::as_const(m_entries)) {
        known.insert(e.name);
        if (!e.visible)
            hidden.insert(e.name);
        for (QAreaSeries *area : e.areas) {
            chart()->removeSeries(area);
            delete area; // its two lines are its children
        }
    }
    m_entries.clear();
    m_pool = m_lines; // every line is free again
    // A new series whose field hides it from the drawing (hideFrom.viz) starts hidden, as
    // after a legend click (a click shows it again).
    for (qsizetype i = 0; i < m_data.fields.size() && i < m_data.series.size(); ++i) {
        const QString name = m_data.names.value(i, seriesSignature(m_data.series.at(i).labels));
        if (m_data.fields.at(i).hideFrom.viz && !known.contains(name))
            hidden.insert(name);
    }

    const qint64 startMs = m_data.start.isValid() ? m_data.start.toMSecsSinceEpoch() : 0;
    const qint64 endMs = m_data.end.isValid() ? m_data.end.toMSecsSinceEpoch() : 1;
    const int columns = plotWidth();
    const int rows = plotHeight();
    m_builtWidth = columns;
    m_builtHeight = rows;
    // A missing sample is a gap: more than two steps without one.
    const qint64 gapMs = m_data.stepSeconds > 0 ? qint64(m_data.stepSeconds * 1000 * 2.5) : 0;
    // Two points per pixel column first; the value range of what remains sets the axis.
    // Stacked: each series' band over the ones before it (hidden ones left out), at the
    // query's own points (a range query has about one per pixel column already).
    const bool stacked = m_style.stacking != GraphStyle::Stacking::None;
    const bool percent = m_style.stacking == GraphStyle::Stacking::Percent;
    QList<QList<QList<QPointF>>> decimated;
    QList<QList<QList<QPointF>>> lowers; // stacked: the bottom of each segment's band
    decimated.reserve(m_data.series.size());
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    double rightLo = lo;
    double rightHi = hi;
    const bool log = m_style.logBase > 0;
    QList<SeriesAxis> axes(m_data.series.size()); // stacked series stay on the left
    if (stacked) {
        QList<bool> included;
        for (qsizetype i = 0; i < m_data.series.size(); ++i)
            included << !hidden.contains(
                m_data.names.value(i, seriesSignature(m_data.series.at(i).labels)));
        const QList<StackedBand> bands = stackSeries(m_data.series, percent, included);
        for (const StackedBand &band : bands) {
            QList<QList<QPointF>> uppers;
            QList<QList<QPointF>> bottoms;
            for (qsizetype k = 0; k < band.size(); ++k) {
                if (k == 0 || (gapMs > 0 && band.times.at(k) - band.times.at(k - 1) > gapMs)) {
                    uppers.append(QList<QPointF>());
                    bottoms.append(QList<QPointF>());
                }
                const double x = double(band.times.at(k));
                uppers.last().append(QPointF(x, band.upper.at(k)));
                bottoms.last().append(QPointF(x, band.lower.at(k)));
                lo = std::min({lo, band.lower.at(k), band.upper.at(k)});
                hi = std::max({hi, band.lower.at(k), band.upper.at(k)});
            }
            decimated.append(uppers);
            lowers.append(bottoms);
        }
    } else {
        for (qsizetype i = 0; i < m_data.series.size(); ++i) {
            const Series &original = m_data.series.at(i);
            const SeriesAxis axis = seriesAxis(
                m_style, m_axisRules, m_data.names.value(i, seriesSignature(original.labels)));
            axes[i] = axis;
            QList<QList<QPointF>> segments;
            if (axis.negativeY) {
                Series negated = original;
                for (double &v : negated.values)
                    v = -v;
                segments = decimateSeries(negated, startMs, endMs, columns, gapMs);
            } else {
                segments = decimateSeries(original, startMs, endMs, columns, gapMs);
            }
            if (log) {
                // A log scale has no place for zero and below: those samples are gaps.
                QList<QList<QPointF>> positive;
                for (const QList<QPointF> &points : std::as_const(segments)) {
                    QList<QPointF> run;
                    for (const QPointF &p : points) {
                        if (p.y() > 0) {
                            run.append(p);
                        } else if (!run.isEmpty()) {
                            positive.append(run);
                            run.clear();
                        }
                    }
                    if (!run.isEmpty())
                        positive.append(run);
                }
                segments = positive;
            }
            double &sideLo = axis.right ? rightLo : lo;
            double &sideHi = axis.right ? rightHi : hi;
            // A hidden series does not stretch the axis (as in Grafana).
            const bool shown
                = !hidden.contains(m_data.names.value(i, seriesSignature(original.labels)));
            for (const QList<QPointF> &points : std::as_const(segments)) {
                if (!shown)
                    break;
                for (const QPointF &p : points) {
                    sideLo = std::min(sideLo, p.y());
                    sideHi = std::max(sideHi, p.y());
                }
            }
            decimated.append(segments);
        }
    }
    // Exemplars are data the panel asked for: the value axis takes them in (a latency's
    // exemplars often lie above its quantile's line).
    if (!percent) {
        for (const Exemplar &e : std::as_const(m_data.exemplars)) {
            if (std::isfinite(e.value)) {
                lo = std::min(lo, e.value);
                hi = std::max(hi, e.value);
            }
        }
    }
    m_hasRight
        = std::any_of(axes.cbegin(), axes.cend(), [](const SeriesAxis &a) { return a.right; });
    m_hasLeft
        = std::any_of(axes.cbegin(), axes.cend(), [](const SeriesAxis &a) { return !a.right; });
    // Each side's range: the data's, the panel's min/max, the soft limits (reached at least),
    // zero on a linear scale.
    const auto sideRange = [this, log, percent](double dataLo, double dataHi) {
        if (percent) // 0–100 %, as Grafana draws a percent stack
            return std::pair<double, double>{log ? 0.01 : 0.0, 1.0};
        const double base = log ? double(m_style.logBase) : 10.0;
        if (!std::isfinite(dataLo)) {
            dataLo = log ? 1 : 0;
            dataHi = log ? base : 1;
        }
        if (log && !(dataLo > 0)) { // a stack's floor: the axis starts at a power below the data
            dataHi = dataHi > 0 ? dataHi : base;
            dataLo = std::min(dataHi, 1.0);
        }
        double yMin = 0;
        double yMax = 1;
        if (log) {
            // Whole powers of the base at both ends.
            yMin = std::pow(base, std::floor(std::log(dataLo) / std::log(base) + 1e-9));
            yMax = std::pow(base, std::ceil(std::log(dataHi) / std::log(base) - 1e-9));
        } else {
            // Zero in view, and a little headroom (below too when the data goes below zero).
            yMin = std::min(dataLo, 0.0);
            yMax = dataHi > yMin ? dataHi : yMin + 1;
            const double pad = (yMax - yMin) * 0.05;
            yMax += pad;
            if (yMin < 0)
                yMin -= pad;
        }
        if (m_style.softMin && (!log || *m_style.softMin > 0))
            yMin = std::min(yMin, *m_style.softMin);
        if (m_style.softMax && (!log || *m_style.softMax > 0))
            yMax = std::max(yMax, *m_style.softMax);
        if (m_min && (!log || *m_min > 0))
            yMin = *m_min;
        if (m_max && (!log || *m_max > 0))
            yMax = *m_max;
        if (yMax <= yMin)
            yMax = log ? yMin * base : yMin + 1;
        return std::pair<double, double>{yMin, yMax};
    };
    std::tie(m_yMin, m_yMax) = sideRange(lo, hi);
    std::tie(m_rMin, m_rMax) = sideRange(rightLo, rightHi);
    // The axes first: QtCharts lays every line out again when a range changes, and the lines
    // still hold the old, few points now.
    updateAxes();
    const auto [axisLo, axisHi] = valueRange();
    const auto [rightAxisLo, rightAxisHi] = rightAxisRange();
    const double xScale = double(columns) / double(std::max<qint64>(endMs - startMs, 1));
    const double yScale = double(rows) / std::max(axisHi - axisLo, 1e-300);
    const double rightYScale = double(rows) / std::max(rightAxisHi - rightAxisLo, 1e-300);

    qsizetype drawn = 0;
    // Areas: stacked bands, fills down to the axis' floor, bars.
    const bool bars = m_style.draw == GraphStyle::Draw::Bars;
    const int fillAlpha
        = bars ? std::max(m_style.fillOpacity, 60) * 255 / 100 : m_style.fillOpacity * 255 / 100;
    const double leftFloor = log ? axisLo : std::clamp(0.0, axisLo, axisHi);
    const double rightFloor = log ? rightAxisLo : std::clamp(0.0, rightAxisLo, rightAxisHi);
    const double barHalf = std::max(m_data.stepSeconds, 1.0) * 1000 * 0.4;
    const auto toBars = [barHalf](const QList<QPointF> &points, double floor) {
        QList<QPointF> outline;
        outline.reserve(points.size() * 4);
        for (const QPointF &p : points) {
            outline << QPointF(p.x() - barHalf, floor) << QPointF(p.x() - barHalf, p.y())
                    << QPointF(p.x() + barHalf, p.y()) << QPointF(p.x() + barHalf, floor);
        }
        return outline;
    };
    for (int i = 0; i < m_data.series.size(); ++i) {
        const Series &s = m_data.series.at(i);
        Entry entry;
        entry.name = m_data.names.value(i, seriesSignature(s.labels));
        // A field's fixed colour (color.mode "fixed", an override's) or the palette's.
        const FieldDisplay field = m_data.fields.value(i);
        entry.color = field.seriesColor(Palette::series(quint32(i)));
        entry.inLegend = !field.hideFrom.legend;
        entry.inTooltip = !field.hideFrom.tooltip;
        entry.visible = !hidden.contains(entry.name);
        entry.dataIndex = i;
        entry.axis = axes.value(i);
        QAbstractAxis *vertical = sideAxis(entry.axis.right);
        const double floor = entry.axis.right ? rightFloor : leftFloor;
        for (qsizetype k = 0; k < decimated.at(i).size(); ++k) {
            const QList<QPointF> &points = decimated.at(i).at(k);
            QLineSeries *line = takeLine();
            attachVertical(line, vertical);
            // Bars and points show every sample: only lines may drop the ones that would not
            // move them (a stack keeps its points so that its bands' edges match; on a log
            // scale a pixel is no fixed value).
            QList<QPointF> kept
                = stacked || bars || log || m_style.draw == GraphStyle::Draw::Points
                      ? points
                      : simplifyForPixels(points, xScale, entry.axis.right ? rightYScale : yScale,
                                          0.5);
            if (bars)
                kept = toBars(kept, floor);
            drawn += kept.size();
            line->replace(kept);
            entry.segments.append(line);
            if (fillAlpha <= 0 || kept.isEmpty())
                continue;
            auto *area = new QAreaSeries;
            auto *upper = new QLineSeries(area);
            upper->replace(kept);
            auto *lower = new QLineSeries(area);
            QList<QPointF> bottom;
            if (stacked && !bars) {
                bottom = lowers.at(i).at(k);
            } else {
                bottom.reserve(kept.size());
                for (const QPointF &p : std::as_const(kept))
                    bottom.append(QPointF(p.x(), floor));
            }
            lower->replace(bottom);
            area->setUpperSeries(upper);
            area->setLowerSeries(lower);
            area->setBrush(
                gradientFill(entry.color, fillAlpha, m_style.gradient, entry.axis.negativeY));
            area->setPen(Qt::NoPen);
            chart()->addSeries(area);
            area->attachAxis(m_timeAxis);
            area->attachAxis(vertical);
            area->setVisible(entry.visible);
            entry.areas.append(area);
        }
        m_entries.append(entry);
    }
    // Lines not needed any more are emptied and hidden (kept for the next refresh).
    for (QLineSeries *line : std::as_const(m_pool)) {
        if (line->count() > 0)
            line->clear();
        line->setVisible(false);
    }
    for (int i = 0; i < m_entries.size(); ++i) {
        Entry &entry = m_entries[i];
        // Many points: one-pixel lines, which the raster engine draws without stroking them
        // into polygons first (several times faster; the lines are that dense anyway).
        QPen pen(entry.color, drawn > denseLinePoints ? 1.0 : m_style.lineWidth + 0.5);
        pen.setCosmetic(drawn > denseLinePoints);
        const bool points = m_style.draw == GraphStyle::Draw::Points;
        for (int s = 0; s < entry.segments.size(); ++s) {
            QLineSeries *line = entry.segments.at(s);
            line->setPen(points ? QPen(Qt::NoPen) : pen);
            line->setPointsVisible(points);
            if (points) {
                line->setMarkerSize(std::max(4.0, m_style.lineWidth * 4));
                line->setColor(entry.color);
            }
            line->setName(entry.name.toHtmlEscaped()); // Qt Charts' legend renders HTML
            line->setVisible(entry.visible);
        }
    }
    // One legend entry per logical series: the first segment's marker; clicking toggles all.
    const auto markers = chart()->legend()->markers();
    for (QLegendMarker *marker : markers) {
        marker->setVisible(false);
        QObject::disconnect(marker, &QLegendMarker::clicked, this, nullptr);
    }
    for (int i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        if (entry.segments.isEmpty() || !entry.inLegend)
            continue;
        const auto own = chart()->legend()->markers(entry.segments.first());
        for (QLegendMarker *marker : own) {
            marker->setVisible(true);
            QFont f = marker->font();
            f.setStrikeOut(!entry.visible);
            marker->setFont(f);
            marker->setBrush(entry.color);
            // Queued: the chart is drawn anew, its legend markers with it.
            connect(
                marker, &QLegendMarker::clicked, this,
                [this, i] { setSeriesVisible(i, !isSeriesVisible(i)); }, Qt::QueuedConnection);
        }
    }
    chart()->legend()->setVisible(m_legendShown && !m_entries.isEmpty() && m_entries.size() <= 20);

    // Bands: children of the chart between its plot background and its grid and lines (QtCharts
    // stacks those at z 0 and 2 and up).
    while (m_bandItems.size() > m_data.bands.size())
        delete m_bandItems.takeLast();
    while (m_bandItems.size() < m_data.bands.size()) {
        auto *item = new QGraphicsRectItem(chart());
        item->setPen(Qt::NoPen);
        item->setZValue(0.5);
        m_bandItems.append(item);
    }
    for (qsizetype i = 0; i < m_data.bands.size(); ++i) {
        const ChartBand &band = m_data.bands.at(i);
        m_bandItems.at(i)->setBrush(Palette::band(band.kind == ChartBand::Kind::Firing));
        m_bandItems.at(i)->setToolTip(band.label);
    }
    layoutBands();
    layoutThresholds();
    layoutExemplars();
    Q_EMIT seriesChanged();
}

qreal TimeSeriesChart::xOf(qint64 timeMs) const
{
    // As QtCharts maps a linear axis; also without any series (bands alone).
    const QRectF plot = chart()->plotArea();
    const double lo = m_timeAxis->min();
    const double span = std::max(m_timeAxis->max() - lo, 1.0);
    return plot.left() + (double(timeMs) - lo) / span * plot.width();
}

void TimeSeriesChart::layoutBands()
{
    const QRectF plot = chart()->plotArea();
    for (qsizetype i = 0; i < m_bandItems.size() && i < m_data.bands.size(); ++i) {
        const ChartBand &band = m_data.bands.at(i);
        const qreal left = std::clamp(xOf(band.startMs), plot.left(), plot.right());
        const qreal right = std::clamp(xOf(band.endMs), plot.left(), plot.right());
        // At least a pixel wide: a one-step blip is still seen.
        m_bandItems.at(i)->setRect(
            QRectF(left, plot.top(), std::max(right - left, 1.0), plot.height()));
    }
}

void TimeSeriesChart::layoutExemplars()
{
    m_exemplars->setExemplars(m_data.exemplars);
    const QRectF plot = chart()->plotArea();
    // Through QtCharts' own mapping (a line on both axes), so markers sit where lines do.
    QLineSeries *axes = m_lines.isEmpty() ? nullptr : m_lines.first();
    m_exemplars->layout(
        axes ? plot : QRectF(),
        [this, axes](double t, double v) { return chart()->mapToPosition(QPointF(t, v), axes); },
        [this](int series) {
            return series < m_entries.size() ? m_entries.at(series).color
                                             : Palette::series(quint32(series));
        },
        [this](int series) { return series >= m_entries.size() || m_entries.at(series).visible; });
}

int TimeSeriesChart::exemplarCount() const
{
    return int(m_exemplars->markers().size());
}

int TimeSeriesChart::exemplarIndex(int marker) const
{
    return marker >= 0 && marker < exemplarCount() ? m_exemplars->markers().at(marker).exemplar
                                                   : -1;
}

QPoint TimeSeriesChart::exemplarPosition(int marker) const
{
    if (marker < 0 || marker >= exemplarCount())
        return {};
    return mapFromScene(chart()->mapToScene(m_exemplars->markers().at(marker).position));
}

QColor TimeSeriesChart::exemplarColor(int marker) const
{
    return marker >= 0 && marker < exemplarCount() ? m_exemplars->markers().at(marker).color
                                                   : QColor();
}

QString TimeSeriesChart::exemplarText(int marker) const
{
    const int index = exemplarIndex(marker);
    if (index < 0)
        return {};
    const Exemplar &e = m_exemplars->exemplars().at(index);
    QString text = Stackscope::exemplarText(e, m_unit);
    if (e.series >= 0 && e.series < m_entries.size())
        text = m_entries.at(e.series).name + u'\n' + text;
    return text;
}

int TimeSeriesChart::exemplarAt(const QPoint &pos) const
{
    return m_exemplars->markerAt(chart()->mapFromScene(mapToScene(pos)));
}

QString TimeSeriesChart::shownReadout() const
{
    return m_readout->isVisible() ? m_readout->text() : QString();
}

QRectF TimeSeriesChart::bandRect(int band) const
{
    return band >= 0 && band < m_bandItems.size() ? m_bandItems.at(band)->rect() : QRectF();
}

namespace {

void clearCategories(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
}

/// Labels must be unique on a category axis; equal texts get invisible suffixes.
void appendUnique(QCategoryAxis *axis, QString label, double value)
{
    while (axis->categoriesLabels().contains(label))
        label += QChar(0x200b);
    axis->append(label, value);
}

double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1     ? 1
                        : fraction <= 2   ? 2
                        : fraction <= 2.5 ? 2.5
                        : fraction <= 5   ? 5
                                          : 10;
    return nice * magnitude;
}

} // namespace

void TimeSeriesChart::updateAxes()
{
    const qint64 startMs = m_data.start.isValid() ? m_data.start.toMSecsSinceEpoch() : 0;
    const qint64 endMs = m_data.end.isValid() ? m_data.end.toMSecsSinceEpoch() : 1;
    clearCategories(m_timeAxis);
    m_timeAxis->setRange(double(startMs), double(std::max(endMs, startMs + 1)));
    m_timeAxis->setStartValue(double(startMs));
    if (m_data.start.isValid() && m_data.end.isValid()) {
        // A readable tick interval with about one label per 110 px.
        static const qint64 intervals[]
            = {1000,     5000,     10000,    15000,     30000,    60000,   120000,
               300000,   600000,   900000,   1800000,   3600000,  7200000, 10800000,
               21600000, 43200000, 86400000, 172800000, 604800000};
        const int maxTicks = std::max(2, plotWidth() / 110);
        const qint64 span = endMs - startMs;
        qint64 interval = intervals[std::size(intervals) - 1];
        for (qint64 candidate : intervals) {
            if (span / candidate <= maxTicks) {
                interval = candidate;
                break;
            }
        }
        const QString format = span > 2 * 86400000ll ? u"MM-dd HH:mm"_s
                               : interval < 60000    ? u"HH:mm:ss"_s
                                                     : u"HH:mm"_s;
        // Ticks fall on local wall-clock multiples of the interval.
        const qint64 offset
            = qint64(QDateTime::fromMSecsSinceEpoch(startMs).offsetFromUtc()) * 1000;
        qint64 tick = ((startMs + offset) / interval + 1) * interval - offset;
        for (; tick < endMs; tick += interval)
            appendUnique(m_timeAxis, QDateTime::fromMSecsSinceEpoch(tick).toString(format),
                         double(tick));
    }
    // Values: nice ticks, labels in the panel's unit (a log axis: its powers).
    const QString percentUnit = u"percentunit"_s;
    const QString &unit = m_style.stacking == GraphStyle::Stacking::Percent ? percentUnit : m_unit;
    const auto [lo, hi] = valueRange();
    // Everything on the right: no empty axis on the left.
    valueAxis()->setVisible(m_hasLeft || !m_hasRight);
    if (m_logAxis && m_style.logBase > 0) {
        m_logAxis->setBase(m_style.logBase);
        m_logAxis->setRange(lo, hi);
    } else {
        fillValueAxis(m_valueAxis, lo, hi, unit);
    }
    if (m_hasRight) {
        QAbstractAxis *right = sideAxis(true);
        if (m_style.logBase > 0) {
            m_rightLogAxis->setBase(m_style.logBase);
            m_rightLogAxis->setRange(m_rMin, m_rMax);
        } else {
            fillValueAxis(m_rightAxis, m_rMin, m_rMax,
                          m_style.rightUnit.isEmpty() ? unit : m_style.rightUnit);
        }
        right->setVisible(m_style.rightShown);
    }
    for (QAbstractAxis *right : {static_cast<QAbstractAxis *>(m_rightAxis),
                                 static_cast<QAbstractAxis *>(m_rightLogAxis)}) {
        if (right && (!m_hasRight || right != sideAxis(true)))
            right->setVisible(false);
    }
}

void TimeSeriesChart::fillValueAxis(QCategoryAxis *axis, double lo, double hi, const QString &unit)
{
    clearCategories(axis);
    axis->setRange(lo, hi);
    axis->setStartValue(lo);
    const double step = niceStep((hi - lo) / 4);
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        appendUnique(axis, Format::value(std::abs(v) < step * 1e-9 ? 0 : v, unit).toHtmlEscaped(),
                     v);
    axis->setTitleText(QString());
}

QAbstractAxis *TimeSeriesChart::sideAxis(bool right)
{
    const bool log = m_style.logBase > 0;
    const auto makeLog = [this](Qt::Alignment side) {
        auto *axis = new QLogValueAxis;
        axis->setLabelFormat(u"%g"_s);
        axis->setMinorTickCount(-1); // the minor ticks the base gives
        axis->setLabelsFont(m_valueAxis->labelsFont());
        chart()->addAxis(axis, side);
        return axis;
    };
    if (!right)
        return log ? static_cast<QAbstractAxis *>(m_logAxis) : m_valueAxis;
    if (log) {
        if (!m_rightLogAxis)
            m_rightLogAxis = makeLog(Qt::AlignRight);
        return m_rightLogAxis;
    }
    if (!m_rightAxis) {
        m_rightAxis = new QCategoryAxis;
        m_rightAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        m_rightAxis->setLabelsFont(m_valueAxis->labelsFont());
        m_rightAxis->setGridLineVisible(false); // the left axis' grid is the chart's
        chart()->addAxis(m_rightAxis, Qt::AlignRight);
    }
    return m_rightAxis;
}

QAbstractAxis *TimeSeriesChart::valueAxis() const
{
    return m_style.logBase > 0 && m_logAxis ? static_cast<QAbstractAxis *>(m_logAxis) : m_valueAxis;
}

QAbstractAxis *TimeSeriesChart::rightValueAxis() const
{
    if (!m_hasRight)
        return nullptr;
    return m_style.logBase > 0 ? static_cast<QAbstractAxis *>(m_rightLogAxis) : m_rightAxis;
}

std::pair<double, double> TimeSeriesChart::valueRange() const
{
    return {m_yMin, m_yMax};
}

std::pair<double, double> TimeSeriesChart::rightAxisRange() const
{
    return m_hasRight ? std::pair<double, double>{m_rMin, m_rMax} : std::pair<double, double>{};
}

bool TimeSeriesChart::isOnRightAxis(int series) const
{
    return series >= 0 && series < m_entries.size() && m_entries.at(series).axis.right;
}

bool TimeSeriesChart::isNegated(int series) const
{
    return series >= 0 && series < m_entries.size() && m_entries.at(series).axis.negativeY;
}

QBrush TimeSeriesChart::fillBrush(int series) const
{
    if (series < 0 || series >= m_entries.size() || m_entries.at(series).areas.isEmpty())
        return Qt::NoBrush;
    return m_entries.at(series).areas.first()->brush();
}

qreal TimeSeriesChart::yOf(double value) const
{
    const QRectF plot = chart()->plotArea();
    const auto [lo, hi] = valueRange();
    double t = 0;
    if (m_style.logBase > 0)
        t = value > 0 ? (std::log(value) - std::log(lo)) / (std::log(hi) - std::log(lo))
                      : -1; // below the axis
    else
        t = (value - lo) / std::max(hi - lo, 1e-300);
    return plot.bottom() - t * plot.height();
}

void TimeSeriesChart::layoutThresholds()
{
    using Mode = GraphStyle::Thresholds;
    const Mode mode = m_style.thresholds;
    const bool lines = mode == Mode::Line || mode == Mode::LineAndArea || mode == Mode::Dashed
                       || mode == Mode::DashedAndArea;
    const bool dashed = mode == Mode::Dashed || mode == Mode::DashedAndArea;
    const bool areas
        = mode == Mode::Area || mode == Mode::LineAndArea || mode == Mode::DashedAndArea;
    // One line per step above the base, one area per step; made once, placed on every change.
    const qsizetype lineCount = lines ? std::max<qsizetype>(m_thresholds.size() - 1, 0) : 0;
    const qsizetype areaCount = areas ? m_thresholds.size() : 0;
    while (m_thresholdLines.size() > lineCount)
        delete m_thresholdLines.takeLast();
    while (m_thresholdAreas.size() > areaCount)
        delete m_thresholdAreas.takeLast();
    while (m_thresholdLines.size() < lineCount) {
        auto *item = new QGraphicsLineItem(chart());
        item->setZValue(0.6); // over the bands, under the series
        m_thresholdLines.append(item);
    }
    while (m_thresholdAreas.size() < areaCount) {
        auto *item = new QGraphicsRectItem(chart());
        item->setPen(Qt::NoPen);
        item->setZValue(0.4); // under the bands
        m_thresholdAreas.append(item);
    }
    const QRectF plot = chart()->plotArea();
    const auto clampY = [&plot](qreal y) {
        return std::clamp(y, plot.top(), plot.bottom());
    };
    for (qsizetype i = 0; i < areaCount; ++i) {
        const Threshold &step = m_thresholds.at(i);
        const qreal bottom = i == 0 ? plot.bottom() : clampY(yOf(step.value));
        const qreal top
            = i + 1 < m_thresholds.size() ? clampY(yOf(m_thresholds.at(i + 1).value)) : plot.top();
        QColor fill = step.color;
        fill.setAlpha(38); // Grafana's 15 %
        m_thresholdAreas.at(i)->setBrush(fill);
        m_thresholdAreas.at(i)->setRect(QRectF(plot.left(), top, plot.width(), bottom - top));
    }
    for (qsizetype i = 0; i < lineCount; ++i) {
        const Threshold &step = m_thresholds.at(i + 1);
        const qreal y = yOf(step.value);
        QGraphicsLineItem *item = m_thresholdLines.at(i);
        QPen pen(step.color, 1.5, dashed ? Qt::DashLine : Qt::SolidLine);
        item->setPen(pen);
        item->setLine(plot.left(), y, plot.right(), y);
        item->setVisible(y >= plot.top() - 0.5 && y <= plot.bottom() + 0.5); // off the axis: none
    }
}

int TimeSeriesChart::segmentCount(int series) const
{
    return series >= 0 && series < m_entries.size() ? int(m_entries.at(series).segments.size()) : 0;
}

qsizetype TimeSeriesChart::drawnPointCount() const
{
    qsizetype count = 0;
    for (const Entry &e : m_entries) {
        for (const QLineSeries *line : e.segments)
            count += line->count();
    }
    return count;
}

bool TimeSeriesChart::isSeriesVisible(int series) const
{
    return series >= 0 && series < m_entries.size() && m_entries.at(series).visible;
}

void TimeSeriesChart::setSeriesVisible(int series, bool visible)
{
    if (series < 0 || series >= m_entries.size())
        return;
    Entry &entry = m_entries[series];
    if (entry.visible == visible)
        return;
    entry.visible = visible;
    // The stack and the axis' range are computed without hidden series: draw it anew (the
    // hidden series' lines hidden, its legend marker struck out).
    rebuild();
    Q_EMIT seriesChanged();
}

QString TimeSeriesChart::valueText(int series, double value, bool rightAxis) const
{
    // A legacy graph's right axis has a unit of its own (yaxes[1].format).
    const bool rightUnit = rightAxis && !m_style.rightUnit.isEmpty();
    if (series >= m_data.fields.size())
        return Format::value(value, rightUnit ? m_style.rightUnit : m_unit, 4);
    // The series' own unit, decimals and mappings (an override's).
    const FieldDisplay &field = m_data.fields.at(series);
    if (const auto mapped = mapValue(field.mappings, value); mapped && !mapped->text.isEmpty())
        return mapped->text;
    const QString unit = rightUnit && field.unit == m_unit ? m_style.rightUnit : field.unit;
    return Format::value(value, unit, 4, field.decimals);
}

QString TimeSeriesChart::readoutAt(qint64 timeMs) const
{
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(timeMs).toLocalTime().toString(
        u"yyyy-MM-dd HH:mm:ss"_s);
    for (const Entry &entry : m_entries) {
        if (!entry.visible || !entry.inTooltip)
            continue;
        const Series &s = m_data.series.at(entry.dataIndex);
        if (s.size() == 0)
            continue;
        const auto it = std::lower_bound(s.times.cbegin(), s.times.cend(), timeMs);
        qsizetype index = it - s.times.cbegin();
        if (index >= s.size())
            index = s.size() - 1;
        if (index > 0
            && std::abs(s.times.at(index - 1) - timeMs) < std::abs(s.times.at(index) - timeMs))
            --index;
        const qint64 tolerance = qint64(std::max(m_data.stepSeconds, 1.0) * 1000 * 1.5);
        const QString value = std::abs(s.times.at(index) - timeMs) <= tolerance
                                  ? valueText(entry.dataIndex, s.values.at(index), entry.axis.right)
                                  : tr("no sample");
        lines << entry.name + u": "_s + value;
        if (lines.size() > 16) {
            lines << tr("… and more");
            break;
        }
    }
    for (const ChartBand &band : m_data.bands) {
        if (timeMs >= band.startMs && timeMs < band.endMs)
            lines << band.label;
    }
    return lines.join(u'\n');
}

void TimeSeriesChart::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    const int w = plotWidth();
    const int h = plotHeight();
    // Re-decimate only when the plot's size changed noticeably (then a dropped point may be
    // more than half a pixel off its line).
    if ((std::abs(w - m_builtWidth) > std::max(8, m_builtWidth / 10)
         || std::abs(h - m_builtHeight) > std::max(8, m_builtHeight / 10))
        && !m_data.series.isEmpty())
        rebuild();
    Q_EMIT plotWidthChanged(w);
}

void TimeSeriesChart::mouseMoveEvent(QMouseEvent *event)
{
    const QRectF plot = chart()->plotArea();
    const QPointF scenePos = mapToScene(event->position().toPoint());
    if (m_dragging && m_band) {
        m_band->setGeometry(QRect(QPoint(std::min(m_pressPos.x(), event->position().toPoint().x()),
                                         int(plot.top())),
                                  QPoint(std::max(m_pressPos.x(), event->position().toPoint().x()),
                                         int(plot.bottom())))
                                .normalized());
    }
    if (!plot.contains(scenePos) || m_entries.isEmpty()) {
        m_readout->hide();
        m_cursorLine->hide();
        QChartView::mouseMoveEvent(event);
        return;
    }
    const QPointF value = chart()->mapToValue(chart()->mapFromScene(scenePos));
    // Over an exemplar the read-out is the exemplar's.
    const int marker = m_dragging ? -1 : exemplarAt(event->position().toPoint());
    m_readout->setText(marker >= 0 ? exemplarText(marker) : readoutAt(qint64(value.x())));
    const bool linked
        = marker >= 0 && !m_exemplars->exemplars().at(exemplarIndex(marker)).traceId().isEmpty();
    viewport()->setCursor(linked ? Qt::PointingHandCursor : Qt::ArrowCursor);
    m_readout->adjustSize();
    QPoint pos = event->position().toPoint() + QPoint(14, 10);
    if (pos.x() + m_readout->width() > width())
        pos.setX(event->position().toPoint().x() - m_readout->width() - 14);
    if (pos.y() + m_readout->height() > height())
        pos.setY(std::max(0, height() - m_readout->height()));
    m_readout->move(pos);
    m_readout->show();
    m_readout->raise();
    m_cursorLine->setLine(scenePos.x(), plot.top(), scenePos.x(), plot.bottom());
    m_cursorLine->show();
    QChartView::mouseMoveEvent(event);
}

void TimeSeriesChart::mousePressEvent(QMouseEvent *event)
{
    // A click on an exemplar that names a trace opens it (and starts no drag-zoom).
    if (const int marker = exemplarAt(event->position().toPoint());
        event->button() == Qt::LeftButton && marker >= 0) {
        const QString traceId = m_exemplars->exemplars().at(exemplarIndex(marker)).traceId();
        if (!traceId.isEmpty()) {
            Q_EMIT traceRequested(traceId);
            event->accept();
            return;
        }
    }
    if (event->button() == Qt::LeftButton
        && chart()->plotArea().contains(mapToScene(event->position().toPoint()))) {
        m_dragging = true;
        m_pressPos = event->position().toPoint();
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, this);
        m_band->setGeometry(QRect(m_pressPos, QSize(1, 1)));
        m_band->show();
    }
    QChartView::mousePressEvent(event);
}

void TimeSeriesChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        m_band->hide();
        const int x1 = std::min(m_pressPos.x(), event->position().toPoint().x());
        const int x2 = std::max(m_pressPos.x(), event->position().toPoint().x());
        if (x2 - x1 >= 5) {
            const auto toTime = [this](int x) {
                const QPointF scene = mapToScene(QPoint(x, 0));
                return qint64(chart()->mapToValue(chart()->mapFromScene(scene)).x());
            };
            Q_EMIT zoomRequested(QDateTime::fromMSecsSinceEpoch(toTime(x1), Qt::UTC),
                                 QDateTime::fromMSecsSinceEpoch(toTime(x2), Qt::UTC));
        }
    }
    QChartView::mouseReleaseEvent(event);
}

void TimeSeriesChart::mouseDoubleClickEvent(QMouseEvent *event)
{
    Q_EMIT resetZoomRequested();
    QChartView::mouseDoubleClickEvent(event);
}

void TimeSeriesChart::leaveEvent(QEvent *event)
{
    m_readout->hide();
    m_cursorLine->hide();
    QChartView::leaveEvent(event);
}

} // namespace Stackscope
