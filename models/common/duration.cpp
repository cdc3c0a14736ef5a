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

} // namespace Stackscope
