// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// One exemplar from Prometheus' /api/v1/query_exemplars: a sample of a series (a histogram
/// bucket, a counter) that names where it came from, usually a trace, by its own labels.
struct Exemplar
{
    Labels seriesLabels; ///< the series it was recorded on ("…_bucket{le="0.5"}")
    Labels labels;       ///< its own labels (trace_id="…")
    double value = 0;
    qint64 timeMs = 0;
    /// The panel series it is drawn with (an index into PanelData::series), -1 when none of the
    /// panel's series is that series or an aggregation of it.
    int series = -1;

    /// The trace it points at: the label trace_id, traceID or traceId; empty when none.
    QString traceId() const;

    friend bool operator==(const Exemplar &, const Exemplar &) = default;
};

/// The series of a query's result an exemplar belongs to: among those whose every label (the
/// metric name too, when the series kept it) has the same value in `seriesLabels`, the one with
/// most labels (an
/// aggregation `sum by (le)` keeps `le`, a `rate()` all of them); -1 when there is none, or when
/// several without labels leave it open.
int exemplarSeries(const Labels &seriesLabels, const QList<Series> &series);

/// What a tooltip says of an exemplar: its time, its value in `unit`, its own labels, then the
/// series it was recorded on.
QString exemplarText(const Exemplar &exemplar, const QString &unit);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::Exemplar)
