// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <chrono>
#include <optional>

namespace Stackscope {

/// Why parseDuration() refused a text.
enum class DurationError {
    None,
    NeedsUnit, ///< a plain number such as `10`: the unit is missing
    Invalid,   ///< anything else that is not a duration
};

/// Reads a Go/Prometheus duration: `500ms`, `10s`, `1h30m`, `1.5h`, `1d`, `2w`. Units are ms, s,
/// m, h, d and w, each at most once and the largest first; spaces around the text are ignored,
/// spaces inside it are not. Zero (`0s`) is a duration; a sign is not. Values beyond
/// qint64 max / 2 milliseconds are clamped to it.
///
/// Returns false, leaving `duration` as it was, when `text` is not a duration; `error` (when
/// given) then says whether only the unit was missing.
bool parseDuration(QStringView text, std::chrono::milliseconds *duration,
                   DurationError *error = nullptr);

/// The three duration languages Stackscope reads, in one parser.
enum class DurationSyntax {
    Config, ///< as parseDuration(): ms s m h d w, largest first, a unit is required
    PromQL, ///< Prometheus' and Grafana's: also y, units in any order, a bare number is seconds
    Go,     ///< Go's time.ParseDuration, as Jaeger takes it: ns us µs ms s m h in any order, no
            ///< spaces
};

/// The duration `text` means in `syntax`, in seconds; nothing when it is not one (`error`, when
/// given, says whether only the unit was missing).
std::optional<double> parseDurationSeconds(QStringView text, DurationSyntax syntax,
                                           DurationError *error = nullptr);

} // namespace Stackscope
