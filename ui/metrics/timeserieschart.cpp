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
        || a.series.size() != b.series.size() || a.bands != b.bands)
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
    line->attachAxis(m_valueAxis);
    line->setUseOpenGL(false);
    return line;
}

void TimeSeriesChart::rebuild()
{
    ++m_rebuilds;
    m_drawn = true;
    // Remember which series the user hid, by name.
    QSet<QString> hidden;
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.visible)
            hidden.insert(e.name);
        for (QAreaSeries *area : e.areas) {
            chart()->removeSeries(area);
            delete area; // its two lines are its children
        }
    }
    m_entries.clear();
    m_pool = m_lines; // every line is free again

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
        for (const Series &s : std::as_const(m_data.series)) {
            decimated.append(decimateSeries(s, startMs, endMs, columns, gapMs));
            for (const QList<QPointF> &points : std::as_const(decimated.constLast())) {
                for (const QPointF &p : points) {
                    lo = std::min(lo, p.y());
                    hi = std::max(hi, p.y());
                }
            }
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
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    }
    m_yMin = percent ? 0.0 : m_min.value_or(std::min(lo, 0.0));
    m_yMax = percent ? 1.0 : m_max.value_or(hi);
    if (m_yMax <= m_yMin)
        m_yMax = m_yMin + 1;
    // The axes first: QtCharts lays every line out again when a range changes, and the lines
    // still hold the old, few points now.
    updateAxes();
    const auto [axisLo, axisHi] = valueRange();
    const double xScale = double(columns) / double(std::max<qint64>(endMs - startMs, 1));
    const double yScale = double(rows) / std::max(axisHi - axisLo, 1e-300);

    qsizetype drawn = 0;
    // Areas: stacked bands, fills down to the axis' floor, bars.
    const bool bars = m_style.draw == GraphStyle::Draw::Bars;
    const int fillAlpha
        = bars ? std::max(m_style.fillOpacity, 60) * 255 / 100 : m_style.fillOpacity * 255 / 100;
    const double floor = std::clamp(0.0, axisLo, axisHi);
    const double barHalf = std::max(m_data.stepSeconds, 1.0) * 1000 * 0.4;
    const auto toBars = [barHalf, floor](const QList<QPointF> &points) {
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
        entry.color = Palette::series(quint32(i));
        entry.visible = !hidden.contains(entry.name);
        entry.dataIndex = i;
        for (qsizetype k = 0; k < decimated.at(i).size(); ++k) {
            const QList<QPointF> &points = decimated.at(i).at(k);
            QLineSeries *line = takeLine();
            // Bars and points show every sample: only lines may drop the ones that would not
            // move them (a stack keeps its points so that its bands' edges match).
            QList<QPointF> kept = stacked || bars || m_style.draw == GraphStyle::Draw::Points
                                      ? points
                                      : simplifyForPixels(points, xScale, yScale, 0.5);
            if (bars)
                kept = toBars(kept);
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
            QColor fill = entry.color;
            fill.setAlpha(fillAlpha);
            area->setBrush(fill);
            area->setPen(Qt::NoPen);
            chart()->addSeries(area);
            area->attachAxis(m_timeAxis);
            area->attachAxis(m_valueAxis);
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
        if (entry.segments.isEmpty())
            continue;
        const auto own = chart()->legend()->markers(entry.segments.first());
        for (QLegendMarker *marker : own) {
            marker->setVisible(true);
            QFont f = marker->font();
            f.setStrikeOut(!entry.visible);
            marker->setFont(f);
            marker->setBrush(entry.color);
            connect(marker, &QLegendMarker::clicked, this,
                    [this, i] { setSeriesVisible(i, !isSeriesVisible(i)); });
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
    // Values: a little headroom, nice ticks, labels in the panel's unit.
    const auto [lo, hi] = valueRange();
    clearCategories(m_valueAxis);
    m_valueAxis->setRange(lo, hi);
    m_valueAxis->setStartValue(lo);
    const double step = niceStep((hi - lo) / 4);
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        appendUnique(m_valueAxis,
                     Format::value(std::abs(v) < step * 1e-9 ? 0 : v,
                                   m_style.stacking == GraphStyle::Stacking::Percent
                                       ? u"percentunit"_s
                                       : m_unit)
                         .toHtmlEscaped(),
                     v);
    m_valueAxis->setTitleText(QString());
}

std::pair<double, double> TimeSeriesChart::valueRange() const
{
    if (m_style.stacking == GraphStyle::Stacking::Percent)
        return {0.0, 1.0}; // 0–100 %, as Grafana draws a percent stack
    const double pad = (m_yMax - m_yMin) * 0.05;
    const double lo = m_min ? m_yMin : m_yMin - (m_yMin < 0 ? pad : 0);
    const double hi = m_max ? m_yMax : m_yMax + pad;
    return {lo, hi};
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
    if (m_style.stacking != GraphStyle::Stacking::None) {
        // The stack is computed without hidden series: draw it anew.
        rebuild();
        return;
    }
    for (QLineSeries *line : entry.segments)
        line->setVisible(visible);
    for (QAreaSeries *area : entry.areas)
        area->setVisible(visible);
    layoutExemplars();
    if (!entry.segments.isEmpty()) {
        for (QLegendMarker *marker : chart()->legend()->markers(entry.segments.first())) {
            marker->setVisible(true);
            QFont f = marker->font();
            f.setStrikeOut(!visible);
            marker->setFont(f);
        }
    }
    // Hidden segments' own markers reappear when a series is shown: hide them again.
    for (const Entry &e : std::as_const(m_entries)) {
        for (int s = 1; s < e.segments.size(); ++s) {
            for (QLegendMarker *marker : chart()->legend()->markers(e.segments.at(s)))
                marker->setVisible(false);
        }
        for (QAreaSeries *area : e.areas) {
            for (QLegendMarker *marker : chart()->legend()->markers(area))
                marker->setVisible(false);
        }
    }
    Q_EMIT seriesChanged();
}

QString TimeSeriesChart::readoutAt(qint64 timeMs) const
{
    QStringList lines;
    lines << QDateTime::fromMSecsSinceEpoch(timeMs).toLocalTime().toString(
        u"yyyy-MM-dd HH:mm:ss"_s);
    for (const Entry &entry : m_entries) {
        if (!entry.visible)
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
                                  ? Format::value(s.values.at(index), m_unit, 4)
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
