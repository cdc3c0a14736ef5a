// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/exemplar.h"
#include "models/common/format.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString Exemplar::traceId() const
{
    // OpenTelemetry's exporters write trace_id; Grafana's examples and Tempo traceID.
    for (const QString &name : {u"trace_id"_s, u"traceID"_s, u"traceId"_s}) {
        const QString id = labels.value(name).trimmed();
        if (!id.isEmpty())
            return id;
    }
    return {};
}

int exemplarSeries(const Labels &seriesLabels, const QList<Series> &series)
{
    int best = -1;
    qsizetype bestCount = -1;
    bool tie = false;
    for (int i = 0; i < series.size(); ++i) {
        const Labels &labels = series.at(i).labels;
        bool matches = true;
        qsizetype count = 0;
        for (auto it = labels.cbegin(); it != labels.cend() && matches; ++it) {
            matches = seriesLabels.value(it.key()) == it.value();
            count += it.key() == "__name__"_L1 ? 0 : 1;
        }
        if (!matches)
            continue;
        if (count > bestCount) {
            best = i;
            bestCount = count;
            tie = false;
        } else if (count == bestCount) {
            tie = true;
        }
    }
    return tie ? -1 : best;
}

QString exemplarText(const Exemplar &exemplar, const QString &unit)
{
    QStringList lines;
    lines << QCoreApplication::translate("Stackscope::Exemplar", "Exemplar at %1")
                 .arg(QDateTime::fromMSecsSinceEpoch(exemplar.timeMs)
                          .toLocalTime()
                          .toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s));
    lines << QCoreApplication::translate("Stackscope::Exemplar", "Value: %1")
                 .arg(Format::value(exemplar.value, unit, 4));
    for (auto it = exemplar.labels.cbegin(); it != exemplar.labels.cend(); ++it)
        lines << it.key() + u": "_s + it.value();
    if (!exemplar.seriesLabels.isEmpty())
        lines << seriesSignature(exemplar.seriesLabels);
    if (!exemplar.traceId().isEmpty())
        lines << QCoreApplication::translate("Stackscope::Exemplar", "Click to open the trace");
    return lines.join(u'\n');
}

} // namespace Stackscope
