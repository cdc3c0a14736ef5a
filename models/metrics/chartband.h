// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// A span of time a chart shades behind its lines (an alert's pending or firing period), in ms
/// since the epoch. Charts draw bands the same way wherever they come from (TimeSeriesChart).
struct ChartBand
{
    enum class Kind { Pending, Firing };
    qint64 startMs = 0;
    qint64 endMs = 0;
    Kind kind = Kind::Firing;
    QString label; ///< for the read-out: "Flippable firing"

    friend bool operator==(const ChartBand &, const ChartBand &) = default;
};

/// The PromQL selector of an alert's ALERTS series: `ALERTS{alertname="…"}` (the labels are
/// matched by alertBands(), so that labels Prometheus does not put on ALERTS, such as its
/// external labels, do not hide the series).
QString alertsSelector(const Labels &alert);

/// The pending and firing bands of the alert with labels `alert` in a range query of
/// alertsSelector() over [startMs, endMs] at `stepSeconds`: consecutive samples of a series
/// whose labels (except alertstate) the alert has form one band, from the first sample to the
/// last one plus a step (clamped to the range). Sorted by start. With no `alert` labels every
/// series counts (a dashboard's annotation query, such as `ALERTS{alertstate="firing"}`), each
/// named by its own alertname; a series without alertstate is a firing band.
QList<ChartBand> alertBands(const QList<Series> &alertsSeries, const Labels &alert,
                            double stepSeconds, qint64 startMs, qint64 endMs);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ChartBand)
