// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/series.h"

#include <QRegularExpression>
#include <QSet>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

qsizetype QueryResult::pointCount() const
{
    qsizetype count = 0;
    for (const Series &s : series)
        count += s.size();
    return count;
}

QString formatLegend(const QString &format, const Labels &labels)
{
    if (format.trimmed().isEmpty() || format == "__auto"_L1)
        return seriesSignature(labels);
    static const QRegularExpression placeholder(u"\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\}\\}"_s);
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(format);
    while (it.hasNext()) {
        const auto match = it.next();
        out += format.mid(last, match.capturedStart() - last);
        out += labels.value(match.captured(1));
        last = match.capturedEnd();
    }
    out += format.mid(last);
    return out;
}

QStringList legendNames(const QString &format, const QString &expr, const QList<Series> &series)
{
    QStringList names;
    names.reserve(series.size());
    if (format != "__auto"_L1) {
        for (const Series &s : series) {
            const QString name = formatLegend(format, s.labels);
            names << (name == "{}"_L1 ? expr : name);
        }
        return names;
    }
    // Auto: the labels whose values differ between the series (all of them for one series).
    QSet<QString> varying;
    if (series.size() > 1) {
        const Labels &first = series.first().labels;
        for (const Series &s : series) {
            for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
                if (first.value(it.key()) != it.value() || !first.contains(it.key()))
                    varying.insert(it.key());
            }
            for (auto it = first.cbegin(); it != first.cend(); ++it) {
                if (!s.labels.contains(it.key()))
                    varying.insert(it.key());
            }
        }
    }
    for (const Series &s : series) {
        Labels shown;
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it) {
            if (it.key() != "__name__"_L1 && (series.size() == 1 || varying.contains(it.key())))
                shown.insert(it.key(), it.value());
        }
        if (shown.isEmpty()) {
            const QString metric = s.metricName();
            names << (metric.isEmpty() || series.size() > 1 ? expr : metric);
        } else if (shown.size() == 1) {
            names << shown.first();
        } else {
            names << seriesSignature(shown);
        }
    }
    return names;
}

QString seriesSignature(const Labels &labels)
{
    QString name = labels.value(u"__name__"_s);
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() == "__name__"_L1)
            continue;
        parts << it.key() + "=\""_L1 + it.value() + u'"';
    }
    if (parts.isEmpty())
        return name.isEmpty() ? u"{}"_s : name;
    return name + u'{' + parts.join(", "_L1) + u'}';
}

bool parseSampleValue(const char *text, qsizetype length, double *value)
{
    if (length <= 0)
        return false;
    const char *begin = text;
    const char *end = text + length;
    // Prometheus writes NaN, +Inf and -Inf; be lenient about case and a missing sign.
    auto equalsNoCase = [&](const char *from, const char *word) {
        const qsizetype n = qsizetype(std::strlen(word));
        if (end - from != n)
            return false;
        for (qsizetype i = 0; i < n; ++i) {
            if (std::tolower(static_cast<unsigned char>(from[i])) != word[i])
                return false;
        }
        return true;
    };
    if (equalsNoCase(begin, "nan")) {
        *value = std::numeric_limits<double>::quiet_NaN();
        return true;
    }
    const bool negative = *begin == '-';
    const char *unsigned_ = (*begin == '+' || *begin == '-') ? begin + 1 : begin;
    if (equalsNoCase(unsigned_, "inf")) {
        *value = negative ? -std::numeric_limits<double>::infinity()
                          : std::numeric_limits<double>::infinity();
        return true;
    }
    if (*begin == '+')
        ++begin;
    const auto result = std::from_chars(begin, end, *value);
    return result.ec == std::errc() && result.ptr == end;
}

} // namespace Stackscope
