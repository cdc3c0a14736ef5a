// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/chartband.h"

#include "models/common/querystring.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Whether the ALERTS series is this alert's: each of its labels but the state and the metric
/// name is one of the alert's.
bool belongsTo(const Labels &series, const Labels &alert)
{
    if (alert.isEmpty())
        return true; // no alert to follow: every series counts
    for (auto it = series.cbegin(); it != series.cend(); ++it) {
        if (it.key() == "__name__"_L1 || it.key() == "alertstate"_L1)
            continue;
        const auto own = alert.constFind(it.key());
        if (own == alert.cend() || *own != it.value())
            return false;
    }
    return true;
}

} // namespace

QString alertsSelector(const Labels &alert)
{
    return u"ALERTS{alertname=%1}"_s.arg(queryStringLiteral(alert.value(u"alertname"_s)));
}

QList<ChartBand> alertBands(const QList<Series> &alertsSeries, const Labels &alert,
                            double stepSeconds, qint64 startMs, qint64 endMs)
{
    QList<ChartBand> bands;
    const qint64 stepMs = std::max<qint64>(1, qint64(std::llround(stepSeconds * 1000)));
    for (const Series &s : alertsSeries) {
        if (!belongsTo(s.labels, alert))
            continue;
        // Without an alert to follow (a dashboard's annotation), each series names its own.
        const QString name = alert.value(u"alertname"_s, s.labels.value(u"alertname"_s));
        const bool firing = s.labels.value(u"alertstate"_s) != "pending"_L1;
        ChartBand band;
        band.kind = firing ? ChartBand::Kind::Firing : ChartBand::Kind::Pending;
        band.label
            = firing ? QCoreApplication::translate("Stackscope::ChartBand", "%1 firing").arg(name)
                     : QCoreApplication::translate("Stackscope::ChartBand", "%1 pending").arg(name);
        qint64 last = std::numeric_limits<qint64>::min();
        for (qsizetype i = 0; i < s.size(); ++i) {
            if (std::isnan(s.values.at(i)))
                continue;
            const qint64 t = s.times.at(i);
            if (last != std::numeric_limits<qint64>::min() && t - last <= stepMs * 3 / 2) {
                band.endMs = std::min(endMs, t + stepMs);
            } else {
                if (last != std::numeric_limits<qint64>::min())
                    bands.append(band);
                band.startMs = std::max(startMs, t);
                band.endMs = std::min(endMs, t + stepMs);
            }
            last = t;
        }
        if (last != std::numeric_limits<qint64>::min())
            bands.append(band);
    }
    std::sort(bands.begin(), bands.end(),
              [](const ChartBand &a, const ChartBand &b) { return a.startMs < b.startMs; });
    return bands;
}

} // namespace Stackscope
