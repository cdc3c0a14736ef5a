// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark shares: printing `name: value unit` lines (the bench target's format) and
// `#` context lines, and the statistics they report.

#include <QList>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdio>

namespace Stackscope::Bench {

/// A line as it is (`# ...` for context), flushed so that a crash keeps what came before.
inline void say(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

/// One `name: value unit` line.
inline void figure(const char *name, double value, const char *unit, int decimals = 1)
{
    std::printf("%s: %.*f %s\n", name, decimals, value, unit);
    std::fflush(stdout);
}

/// The value below which the share `p` (0 to 1) of `values` lies (the largest for p = 1); 0 when
/// there are none. Any container of doubles (QList, std::vector).
template<typename Container>
double percentile(Container values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto size = std::size_t(values.size());
    return values[std::min(size - 1, std::size_t(p * double(size)))];
}

template<typename Container>
double median(const Container &values)
{
    return percentile(values, 0.5);
}

} // namespace Stackscope::Bench
