// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/common/duration.h"

#include <QRegularExpression>
#include <QStringList>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

bool parseDuration(QStringView text, std::chrono::milliseconds *duration, DurationError *error)
{
    static const QRegularExpression plainNumber(u"^[0-9]+(\\.[0-9]+)?\\z"_s);
    static const QRegularExpression part(u"([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h|d|w)"_s);
    static const QStringList unitsByRank = {u"ms"_s, u"s"_s, u"m"_s, u"h"_s, u"d"_s, u"w"_s};
    static const double unitMs[] = {1.0, 1e3, 60e3, 3600e3, 86400e3, 7 * 86400e3};

    DurationError ignored = DurationError::None;
    DurationError &why = error ? *error : ignored;
    why = DurationError::Invalid;
    const QString trimmed = text.trimmed().toString();
    if (plainNumber.match(trimmed).hasMatch()) {
        why = DurationError::NeedsUnit;
        return false;
    }
    if (trimmed.isEmpty())
        return false;

    double total = 0;
    qsizetype position = 0;
    int lastRank = int(unitsByRank.size());
    while (position < trimmed.size()) {
        const auto match = part.match(trimmed, position, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return false;
        const int rank = int(unitsByRank.indexOf(match.captured(2)));
        if (rank >= lastRank)
            return false; // repeated or out of order, like 5m1h
        lastRank = rank;
        total += match.captured(1).toDouble() * unitMs[rank];
        position = match.capturedEnd(0);
    }
    if (total > double(std::numeric_limits<qint64>::max() / 2))
        total = double(std::numeric_limits<qint64>::max() / 2);
    why = DurationError::None;
    *duration = std::chrono::milliseconds(std::llround(total));
    return true;
}

std::optional<double> parseDurationSeconds(QStringView text, DurationSyntax syntax,
                                           DurationError *error)
{
    if (syntax == DurationSyntax::Config) {
        std::chrono::milliseconds ms{0};
        if (!parseDuration(text, &ms, error))
            return std::nullopt;
        return double(ms.count()) / 1000.0;
    }
    DurationError ignored = DurationError::None;
    DurationError &why = error ? *error : ignored;
    why = DurationError::Invalid;
    static const QRegularExpression promPart(u"(\\d+(?:\\.\\d+)?)(ms|s|m|h|d|w|y)"_s);
    static const QRegularExpression goPart(u"(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)"_s);
    const bool go = syntax == DurationSyntax::Go;
    const QString t = go ? text.toString() : text.trimmed().toString();
    if (t.isEmpty())
        return std::nullopt;
    if (!go) {
        bool plain = false;
        const double bare = t.toDouble(&plain);
        if (plain) {
            why = DurationError::None;
            return bare;
        }
    }
    double total = 0;
    qsizetype consumed = 0;
    auto it = (go ? goPart : promPart).globalMatch(t);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() != consumed)
            return std::nullopt;
        consumed = m.capturedEnd();
        const double n = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        const double factor = unit == "ns"_L1                      ? 1e-9
                              : unit == "us"_L1 || unit == u"µs"_s ? 1e-6
                              : unit == "ms"_L1                    ? 1e-3
                              : unit == "s"_L1                     ? 1
                              : unit == "m"_L1                     ? 60
                              : unit == "h"_L1                     ? 3600
                              : unit == "d"_L1                     ? 86400
                              : unit == "w"_L1                     ? 7 * 86400
                                                                   : 365 * 86400;
        total += n * factor;
    }
    if (consumed != t.size())
        return std::nullopt;
    why = DurationError::None;
    return total;
}

} // namespace Stackscope
