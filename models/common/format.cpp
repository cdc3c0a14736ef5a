// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/format.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope::Format {

QString number(double value, int significant)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    if (value == 0)
        return u"0"_s;
    // Enough decimals for `significant` digits, never scientific for the ranges we scale into.
    const double magnitude = std::floor(std::log10(std::abs(value)));
    int decimals = std::max(0, significant - 1 - int(magnitude));
    decimals = std::min(decimals, 6);
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

namespace {

/// Significant digits, or (decimals >= 0) exactly that many decimals, as Grafana's `decimals`.
struct Digits
{
    int significant = 3;
    int decimals = -1;
};

QString numberText(double value, Digits digits)
{
    if (digits.decimals < 0 || !std::isfinite(value))
        return number(value, digits.significant);
    return QString::number(value, 'f', std::min(digits.decimals, 12));
}

QString scaled(double value, double base, const char *const *prefixes, int count, int zeroIndex,
               const QString &suffix, Digits significant)
{
    int index = zeroIndex;
    double v = value;
    if (v != 0) {
        while (std::abs(v) >= base && index + 1 < count) {
            v /= base;
            ++index;
        }
        while (std::abs(v) < 1 && index > zeroIndex) {
            v *= base;
            --index;
        }
    }
    const QString prefix = QString::fromUtf8(prefixes[index]);
    const QString unit = prefix + suffix;
    return unit.isEmpty() ? numberText(v, significant) : numberText(v, significant) + u' ' + unit;
}

const char *const siPrefixes[] = {"n", "µ", "m", "", "k", "M", "G", "T", "P", "E"};
constexpr int siZero = 3;
const char *const iecPrefixes[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
const char *const siUp[] = {"", "k", "M", "G", "T", "P", "E"};

} // namespace

QString bytes(double value, int significant)
{
    if (std::isnan(value) || std::isinf(value))
        return number(value, significant);
    return scaled(value, 1024, iecPrefixes, 7, 0, u"B"_s, Digits{significant});
}

namespace {

QString durationText(double seconds, Digits digits)
{
    const auto number = [digits](double v, int) {
        return numberText(v, digits);
    };
    const int significant = digits.significant;
    const double a = std::abs(seconds);
    if (a == 0)
        return u"0 s"_s;
    if (a < 1e-6)
        return number(seconds * 1e9, significant) + u" ns"_s;
    if (a < 1e-3)
        return number(seconds * 1e6, significant) + u" µs"_s;
    if (a < 1)
        return number(seconds * 1e3, significant) + u" ms"_s;
    if (a < 60)
        return number(seconds, significant) + u" s"_s;
    if (a < 3600)
        return number(seconds / 60, significant) + u" min"_s;
    if (a < 86400)
        return number(seconds / 3600, significant) + u" h"_s;
    constexpr double day = 86400;
    constexpr double year = 365.25 * day;
    if (a < 365 * day)
        return number(seconds / day, significant) + u" d"_s;
    if (a < 1000 * year)
        return number(seconds / year, significant) + u" y"_s;
    return seconds > 0 ? u"> 1000 y"_s : u"< -1000 y"_s;
}

} // namespace

QString duration(double seconds, int significant)
{
    return durationText(seconds, Digits{significant});
}

namespace {

/// What visible() puts for `c`, or a null string when `c` stays as it is.
QString visibleChar(char16_t c)
{
    if (c == u'\n')
        return QString(QChar(0x23CE)); // ⏎
    if (c == u'\r')
        return QString(QChar(0x240D)); // ␍
    if (c == u'\t')
        return QString(QChar(0x21E5)); // ⇥
    if (c < 0x20)
        return QString(QChar(char16_t(0x2400 + c))); // ␀ … ␟
    if (c == 0x7F)
        return QString(QChar(0x2421)); // ␡
    if ((c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C || c == 0x2028 || c == 0x2029)
        return u"\\u"_s + QString::number(uint(c), 16).rightJustified(4, u'0').toUpper();
    return {};
}

bool needsVisible(char16_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x200E && c <= 0x200F)
           || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
}

} // namespace

QString visible(const QString &text)
{
    const char16_t *data = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size && !needsVisible(data[i]))
        ++i;
    if (i == size)
        return text;
    QString out;
    out.reserve(size + 16);
    out.append(QStringView(text).left(i));
    for (; i < size; ++i) {
        const QString replacement = needsVisible(data[i]) ? visibleChar(data[i]) : QString();
        if (replacement.isNull())
            out.append(QChar(data[i]));
        else
            out.append(replacement);
    }
    return out;
}

QString elided(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return visible(text);
    qsizetype keep = std::max<qsizetype>(0, maxChars);
    if (keep > 0 && QChar::isHighSurrogate(text.at(keep - 1).unicode()))
        --keep;
    return visible(text.left(keep)) + QChar(0x2026);
}

QString elapsed(qint64 s)
{
    if (s < 0)
        s = 0;
    if (s < 60)
        return QCoreApplication::translate("Stackscope::Format", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("Stackscope::Format", "%1 min").arg(s / 60);
    if (s < 86400)
        return QCoreApplication::translate("Stackscope::Format", "%1 h %2 min")
            .arg(s / 3600)
            .arg((s % 3600) / 60);
    return QCoreApplication::translate("Stackscope::Format", "%1 d %2 h")
        .arg(s / 86400)
        .arg((s % 86400) / 3600);
}

QString durationLiteral(std::chrono::milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms == 0)
        return u"0s"_s;
    QString out;
    if (ms < 0) {
        out = u"-"_s;
        ms = -ms;
    }
    if (ms % 1000 != 0)
        return out + QString::number(ms) + u"ms"_s;
    qint64 s = ms / 1000;
    const struct
    {
        qint64 size;
        const char *unit;
        bool whole; ///< only when nothing is left over, as Prometheus writes weeks
    } units[] = {{7 * 86400, "w", true},
                 {86400, "d", false},
                 {3600, "h", false},
                 {60, "m", false},
                 {1, "s", false}};
    for (const auto &u : units) {
        if (u.whole && s % u.size != 0)
            continue;
        if (s >= u.size) {
            out += QString::number(s / u.size) + QLatin1StringView(u.unit);
            s %= u.size;
        }
    }
    return out;
}

QString sampleValue(const QString &text, int significant)
{
    const QString t = text.trimmed();
    double v = 0;
    if (t.compare("NaN"_L1, Qt::CaseInsensitive) == 0) {
        v = std::numeric_limits<double>::quiet_NaN();
    } else if (t.compare("+Inf"_L1, Qt::CaseInsensitive) == 0
               || t.compare("Inf"_L1, Qt::CaseInsensitive) == 0) {
        v = std::numeric_limits<double>::infinity();
    } else if (t.compare("-Inf"_L1, Qt::CaseInsensitive) == 0) {
        v = -std::numeric_limits<double>::infinity();
    } else {
        bool ok = false;
        v = t.toDouble(&ok);
        if (!ok)
            return text;
    }
    if (std::isnan(v) || std::isinf(v) || v == 0)
        return number(v, significant); // "NaN", "+Inf", "-Inf", "0" (also for -0)
    significant = std::max(1, significant);
    const double a = std::abs(v);
    QString out;
    if (a < 1e-4 || a >= 1e15) {
        // Go's own notation, shortened: "1.235e-07", "2e+18".
        out = QString::number(v, 'e', significant - 1);
        const qsizetype e = out.indexOf(u'e');
        qsizetype end = e;
        while (end > 0 && out.at(end - 1) == u'0')
            --end;
        if (end > 0 && out.at(end - 1) == u'.')
            --end;
        return out.left(end) + out.mid(e);
    }
    const int magnitude = int(std::floor(std::log10(a)));
    out = QString::number(v, 'f', std::max(0, significant - 1 - magnitude));
    if (out.contains(u'.')) {
        while (out.endsWith(u'0'))
            out.chop(1);
        if (out.endsWith(u'.'))
            out.chop(1);
    }
    return out;
}

namespace {

QString valueText(double value, const QString &unit, Digits significant)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    const QString u = unit.trimmed();
    if (u == "bytes"_L1 || u == "decbytes"_L1 || u == "bits"_L1) {
        const bool iec = u == "bytes"_L1;
        const QString suffix = u == "bits"_L1 ? u"b"_s : u"B"_s;
        return iec ? scaled(value, 1024, iecPrefixes, 7, 0, suffix, significant)
                   : scaled(value, 1000, siUp, 7, 0, suffix, significant);
    }
    if (u == "Bps"_L1 || u == "binBps"_L1)
        return scaled(value, u == "binBps"_L1 ? 1024 : 1000, u == "binBps"_L1 ? iecPrefixes : siUp,
                      7, 0, u"B/s"_s, significant);
    if (u == "s"_L1 || u == "dtdurations"_L1)
        return durationText(value, significant);
    if (u == "ms"_L1)
        return durationText(value / 1e3, significant);
    if (u == "µs"_L1 || u == "us"_L1)
        return durationText(value / 1e6, significant);
    if (u == "ns"_L1)
        return durationText(value / 1e9, significant);
    if (u == "percent"_L1)
        return numberText(value, significant) + u" %"_s;
    if (u == "percentunit"_L1)
        return numberText(value * 100, significant) + u" %"_s;
    if (u == "ops"_L1 || u == "opsps"_L1)
        return scaled(value, 1000, siPrefixes, 10, siZero, u"ops/s"_s, significant);
    if (u == "reqps"_L1 || u == "rps"_L1)
        return scaled(value, 1000, siPrefixes, 10, siZero, u"req/s"_s, significant);
    if (u.isEmpty() || u == "short"_L1 || u == "none"_L1 || u == "si"_L1)
        return scaled(value, 1000, siPrefixes, 10, siZero, QString(), significant);
    return numberText(value, significant) + u' ' + u;
}

} // namespace

QString value(double value, const QString &unit, int significant)
{
    return valueText(value, unit, Digits{significant});
}

QString value(double value, const QString &unit, int significant, int decimals)
{
    return valueText(value, unit, Digits{significant, decimals});
}

QString axisLabel(const QString &unit)
{
    const QString u = unit.trimmed();
    if (u.isEmpty() || u == "short"_L1 || u == "none"_L1)
        return {};
    if (u == "percent"_L1 || u == "percentunit"_L1)
        return u"%"_s;
    if (u == "ops"_L1)
        return u"ops/s"_s;
    if (u == "reqps"_L1 || u == "rps"_L1)
        return u"req/s"_s;
    return u;
}

} // namespace Stackscope::Format
