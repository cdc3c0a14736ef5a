// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logentry.h"
#include "models/metrics/chartband.h"
#include "models/metrics/exemplar.h"
#include "models/metrics/fieldconfig.h"
#include "models/metrics/series.h"

#include <QDateTime>
#include <QMetaType>
#include <QStringList>

namespace Stackscope {

/// What one panel shows after a refresh: its series with legend names, or why there are none.
/// On an error the last good series are kept and `stale` is set.
struct PanelData
{
    QList<Series> series;
    QStringList names; ///< legend text per series
    QString error;     ///< empty when the last refresh succeeded
    QStringList warnings;
    bool stale = false;
    QDateTime start;
    QDateTime end;
    double stepSeconds = 0;
    qint64 parseMs = 0;
    /// Spans shaded behind the lines (an alert's pending and firing periods).
    QList<ChartBand> bands;
    /// Per series, the options the panel's field config gives it (overrides applied; see
    /// applyFieldConfig); empty = every series has the panel's own.
    QList<FieldDisplay> fields;
    /// Exemplars of the queries that ask for them (Grafana's `"exemplar": true`), drawn as points
    /// over the lines; `exemplarError` says why some could not be fetched.
    QList<Exemplar> exemplars;
    QString exemplarError;
    /// Logs panels: the lines of their Loki queries (entries point into logSources), newest
    /// first.
    QList<LogSource> logSources;
    QList<LogEntry> logEntries;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::PanelData)
