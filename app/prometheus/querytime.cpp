// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/querytime.h"
#include "models/common/duration.h"
#include "models/common/format.h"
#include "models/metrics/variableformat.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope::QueryTime {

double parseDuration(const QString &text)
{
    return parseDurationSeconds(text, DurationSyntax::PromQL).value_or(-1);
}

QString formatDuration(double seconds)
{
    // Whole seconds from a second up, as Grafana writes $__interval; at least 1ms below.
    const qint64 ms = seconds < 1 ? std::max<qint64>(1, std::llround(seconds * 1000))
                                  : std::llround(seconds) * 1000;
    return Format::durationLiteral(std::chrono::milliseconds(ms));
}

double snapInterval(double seconds)
{
    static const double steps[]
        = {0.001, 0.01, 0.1, 0.5,  1,    2,    5,     10,    15,    30,    60,    120,
           300,   600,  900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 604800};
    for (double step : steps) {
        if (seconds <= step * 1.0000001)
            return step;
    }
    return std::ceil(seconds / 604800) * 604800;
}

double stepFor(double rangeSeconds, int pixelWidth, double minStep)
{
    const double width = std::max(pixelWidth, 1);
    double step = rangeSeconds / width;
    step = std::max(step, minStep > 0 ? minStep : 1.0);
    step = snapInterval(step);
    while (rangeSeconds / step > maxPoints)
        step = snapInterval(step * 1.5);
    return step;
}

void alignToStep(QDateTime *start, QDateTime *end, double stepSeconds)
{
    const qint64 stepMs = std::max<qint64>(1, std::llround(stepSeconds * 1000));
    const qint64 s = start->toMSecsSinceEpoch();
    const qint64 e = end->toMSecsSinceEpoch();
    *start = QDateTime::fromMSecsSinceEpoch(s - (s % stepMs), Qt::UTC);
    *end = QDateTime::fromMSecsSinceEpoch(e % stepMs ? e - (e % stepMs) + stepMs : e, Qt::UTC);
}

QString regexEscape(const QString &value)
{
    static const QString specials = u"$^*{}[]'+?.()|"_s;
    QString out;
    out.reserve(value.size() * 2);
    for (const QChar c : value) {
        if (c == u'\\')
            out += u"\\\\\\\\"_s;
        else if (specials.contains(c))
            out += u"\\\\"_s + c;
        else
            out += c;
    }
    return out;
}

QString variableText(const QStringList &selected, const QStringList &options, bool multiOrAll,
                     const QString &allValue)
{
    QStringList values = selected;
    if (values.contains(u"$__all"_s)) {
        if (!allValue.isEmpty())
            return allValue;
        if (options.isEmpty())
            return u".*"_s;
        values = options;
    }
    if (!multiOrAll)
        return values.value(0);
    QStringList escaped;
    for (const QString &v : std::as_const(values))
        escaped << regexEscape(v);
    if (escaped.size() == 1)
        return escaped.first();
    return escaped.isEmpty() ? QString() : u"("_s + escaped.join(u'|') + u')';
}

double rateInterval(double intervalSeconds, double scrapeSeconds)
{
    return std::max(intervalSeconds + scrapeSeconds, 4 * scrapeSeconds);
}

QString interpolate(const QString &expr, const QMap<QString, QString> &variables,
                    double intervalSeconds, double rangeSeconds, double scrapeSeconds,
                    const QMap<QString, QStringList> &selected)
{
    QMap<QString, QString> all = variables;
    all.insert(u"__interval"_s, formatDuration(intervalSeconds));
    all.insert(u"__interval_ms"_s, QString::number(std::llround(intervalSeconds * 1000)));
    all.insert(u"__rate_interval"_s, formatDuration(rateInterval(intervalSeconds, scrapeSeconds)));
    all.insert(u"__range"_s, formatDuration(rangeSeconds));
    all.insert(u"__range_s"_s, QString::number(std::llround(rangeSeconds)));
    all.insert(u"__range_ms"_s, QString::number(std::llround(rangeSeconds * 1000)));
    return VariableFormat::replaceReferences(
        expr,
        [&all, &selected](const QString &name, const QString &format) -> std::optional<QString> {
            // ${var:csv} and the other formats of Grafana; an empty selection is All with a
            // custom value, which every format leaves as it is.
            const auto values = selected.constFind(name);
            if (!format.isEmpty() && values != selected.constEnd() && !values->isEmpty())
                return VariableFormat::format(*values, format, name);
            const auto found = all.constFind(name);
            if (found == all.constEnd())
                return std::nullopt;
            return *found;
        });
}

} // namespace Stackscope::QueryTime
