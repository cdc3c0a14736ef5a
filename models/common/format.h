// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace Stackscope {

/// Numbers, sizes and durations for people, in one place, so that every page, panel, axis,
/// message and tooltip shows them the same way. Significant digits are kept and trailing zeros
/// dropped ("1.5 KiB", "4 MiB", "12.5 ms"); NaN shows as "NaN", ±Inf as "+Inf"/"-Inf".
namespace Format {

/// A plain number with `significant` digits, never in scientific notation ("0.07", "96", "1234").
QString number(double value, int significant = 3);
/// A size in IEC units: "512 B", "1.5 KiB", "4 MiB", "2.25 GiB".
QString bytes(double bytes, int significant = 3);
/// A duration in the largest unit that keeps it above 1: "850 µs", "12.5 ms", "1.5 s", "5 min",
/// "3 h", "2 d", "1.5 y" (years of 365.25 days from 365 days on); from 1,000 years on, which no
/// real span lasts, "> 1000 y" ("< -1000 y" below).
QString duration(double seconds, int significant = 3);
inline QString duration(std::chrono::milliseconds ms)
{
    return duration(double(ms.count()) / 1000.0);
}
/// A duration given in microseconds (spans), as duration().
inline QString durationUs(qint64 us)
{
    return duration(double(us) / 1e6);
}
/// `text` with its invisible and layout-changing characters made visible, for names and values
/// that come from elsewhere (traced applications, servers): a newline is "⏎", a carriage return
/// "␍", a tab "⇥", other C0 controls their control pictures ("␀", "␛"), DEL "␡"; C1 controls,
/// the bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069, U+200E,
/// U+200F, U+061C) and the line and paragraph separators (U+2028, U+2029) as "\u202E"-style
/// escapes. Such a text can neither reverse the text after it nor spill over into the next row.
/// Returns `text` itself (no copy) when it holds none of them.
QString visible(const QString &text);
/// The first `maxChars` characters of `text` (never half a surrogate pair) followed by "…" when
/// it is longer, else `text`; with visible() applied to what is kept. For values that may be
/// megabytes long: the cost is that of the kept part.
QString elided(const QString &text, qsizetype maxChars);

/// An elapsed time such as an uptime, in two whole units at most: "42 s", "5 min",
/// "3 h 20 min", "1 d 1 h". Negative counts as 0.
QString elapsed(qint64 seconds);
/// A duration as configuration files and PromQL write it, and as Prometheus shows a rule's
/// `for:`: "1500ms", "10s", "5m", "2h", "1h30m", "1d", "1w". Weeks only when they are whole, as
/// Prometheus does ("90d", not "12w6d"); never years, which the configuration does not read.
/// Sub-second remainders are kept in milliseconds; 0 is "0s".
QString durationLiteral(std::chrono::milliseconds ms);

/// A sample value as Prometheus sends it in text (Go's "9.7e+01", "1e+00", "+Inf", "NaN"), for
/// people: `significant` digits at most and trailing zeros dropped, the integer part never
/// rounded ("97", "1", "96", "0.07", "123457"); an exponent only below 0.0001 or from 10^15 on
/// ("1.235e-07", "2e+18"). A text that is not a number is returned as it is.
QString sampleValue(const QString &text, int significant = 4);
/// A sample value in a Grafana unit: "bytes"/"decbytes" (IEC / SI), "bits", "s", "ms", "µs"/"us",
/// "ns", "percent" (0–100), "percentunit" (0–1), "ops"/"reqps"/"rps" (per second),
/// "short"/"none"/"" (SI prefixes); unknown units are appended verbatim.
QString value(double value, const QString &unit, int significant = 3);
/// As above with Grafana's `decimals`: after scaling, exactly `decimals` digits after the point
/// ("1.50 s", "2 KiB" for 0); a negative `decimals` is the significant digits above.
QString value(double value, const QString &unit, int significant, int decimals);
/// A short suffix for an axis title ("bytes", "s", "%", "ops/s"), empty for plain numbers.
QString axisLabel(const QString &unit);

} // namespace Format

} // namespace Stackscope
