// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/statetimelineview.h"

#include "models/common/format.h"
#include "models/common/palette.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr double LaneGap = 0.1; // of a lane's height, between lanes (Grafana's rowHeight 0.9)
constexpr double CellGap = 1;   // px between two status history cells

} // namespace

StateTimelineView::StateTimelineView(const Panel &panel, QWidget *parent)
    : QWidget(parent)
    , m_panel(panel)
{
    setMinimumSize(120, 50);
}

void StateTimelineView::setData(const PanelData &data)
{
    m_data = data;
    m_distinct.clear();
    for (const Series &s : data.series) {
        for (double v : s.values) {
            if (std::isfinite(v) && !m_distinct.contains(v))
                m_distinct << v;
        }
    }
    std::sort(m_distinct.begin(), m_distinct.end());
    update();
}

QColor StateTimelineView::colorOf(double value) const
{
    if (!m_panel.thresholds.isEmpty())
        return thresholdColor(m_panel.thresholds, value, Palette::series(0));
    return Palette::series(quint32(std::max<qsizetype>(0, m_distinct.indexOf(value))));
}

std::pair<qint64, qint64> StateTimelineView::timeRange() const
{
    if (m_data.start.isValid() && m_data.end.isValid() && m_data.end > m_data.start)
        return {m_data.start.toMSecsSinceEpoch(), m_data.end.toMSecsSinceEpoch()};
    qint64 lo = std::numeric_limits<qint64>::max();
    qint64 hi = std::numeric_limits<qint64>::min();
    for (const Series &s : m_data.series) {
        if (s.size()) {
            lo = std::min(lo, s.times.constFirst());
            hi = std::max(hi, s.times.constLast());
        }
    }
    if (lo > hi)
        return {0, 1};
    return {lo, std::max(hi, lo + 1)};
}

QList<StateTimelineView::Lane> StateTimelineView::lanes(const QSizeF &size) const
{
    QList<Lane> out;
    const qsizetype count = m_data.series.size();
    if (count == 0)
        return out;
    const QFontMetricsF fm(font());
    double nameWidth = 0;
    for (qsizetype i = 0; i < count; ++i)
        nameWidth = std::max(nameWidth, fm.horizontalAdvance(m_data.names.value(i)));
    const double nameColumn = std::min(nameWidth + 8, size.width() * 0.3);
    const double axis = fm.height() + 4;
    const double laneHeight = (size.height() - axis) / double(count);
    const QRectF plot(nameColumn, 0, size.width() - nameColumn, size.height() - axis);
    const auto [t0, t1] = timeRange();
    const auto xOf = [&](qint64 t) {
        return plot.left() + plot.width() * double(t - t0) / double(t1 - t0);
    };
    const double step = m_data.stepSeconds > 0 ? m_data.stepSeconds * 1000 : 0;
    const bool merge = !statusHistory() && m_panel.mergeValues;

    for (qsizetype i = 0; i < count; ++i) {
        const Series &s = m_data.series.at(i);
        Lane lane;
        lane.name = m_data.names.value(i);
        const double top = double(i) * laneHeight + laneHeight * LaneGap / 2;
        const double h = laneHeight * (1 - LaneGap);
        lane.nameRect = QRectF(0, top, nameColumn - 8, h);
        lane.shownName = fm.elidedText(lane.name, Qt::ElideRight, lane.nameRect.width());
        // The series' field: mappings give a state its text and colour, as in Grafana.
        const FieldDisplay field = fieldFor(m_panel, m_data, i);
        for (qsizetype k = 0; k < s.size(); ++k) {
            const double v = s.values.at(k);
            if (!std::isfinite(v))
                continue; // a gap
            // A sample holds until the next one (the last: one step, else to the end).
            qint64 until = k + 1 < s.size() ? s.times.at(k + 1)
                                            : (step > 0 ? s.times.at(k) + qint64(step) : t1);
            until = std::min(until, t1);
            if (merge && !lane.regions.isEmpty() && lane.regions.constLast().value == v && k > 0
                && std::isfinite(s.values.at(k - 1))) {
                lane.regions.last().rect.setRight(xOf(until));
                continue;
            }
            Region r;
            r.value = v;
            const auto mapped = mapValue(field.mappings, v);
            r.color = mapped && mapped->color.isValid()          ? mapped->color
                      : field.colorMode == FieldColorMode::Fixed ? field.fixedColor
                      : field.thresholds != m_panel.thresholds
                          ? thresholdColor(field.thresholds, v, colorOf(v))
                          : colorOf(v);
            r.text = field.text(v);
            double left = xOf(std::max(s.times.at(k), t0));
            double right = xOf(until);
            if (statusHistory())
                right -= CellGap;
            r.rect = QRectF(left, top, std::max(1.0, right - left), h);
            lane.regions << r;
        }
        for (Region &r : lane.regions)
            r.textShown = fm.horizontalAdvance(r.text) + 6 <= r.rect.width()
                          && fm.height() <= r.rect.height();
        out << lane;
    }
    return out;
}

void StateTimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_data.series.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No data"));
        return;
    }
    const QRectF area = QRectF(rect()).adjusted(4, 4, -4, -4);
    p.translate(area.topLeft());
    const QList<Lane> all = lanes(area.size());
    for (const Lane &lane : all) {
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(lane.nameRect, Qt::AlignLeft | Qt::AlignVCenter, lane.shownName);
        for (const Region &r : lane.regions) {
            p.fillRect(r.rect, r.color);
            if (r.textShown) {
                // Dark text on light colours, light on dark ones.
                p.setPen(Palette::textOn(r.color));
                p.drawText(r.rect, Qt::AlignCenter, r.text);
            }
        }
    }
    // The time axis: a few ticks under the lanes.
    const QFontMetricsF fm(font());
    const double nameColumn = all.isEmpty() ? 0 : all.first().nameRect.right() + 8;
    const double plotWidth = area.width() - nameColumn;
    const auto [t0, t1] = timeRange();
    const int ticks = std::max(2, int(plotWidth / 120));
    p.setPen(palette().color(QPalette::PlaceholderText));
    for (int i = 0; i <= ticks; ++i) {
        const qint64 t = t0 + (t1 - t0) * i / ticks;
        const double x = nameColumn + plotWidth * i / ticks;
        const QString label = QDateTime::fromMSecsSinceEpoch(t).toString(u"HH:mm:ss"_s);
        const double w = fm.horizontalAdvance(label);
        p.drawText(QPointF(std::clamp(x - w / 2, nameColumn, area.width() - w),
                           area.height() - fm.descent()),
                   label);
    }
}

} // namespace Stackscope
