// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/seriesaxis.h"

#include <QRegularExpression>

namespace Stackscope {

namespace {

bool matches(const QString &match, const QString &name)
{
    if (match.size() > 1 && match.startsWith(u'/')) {
        const qsizetype end = match.lastIndexOf(u'/');
        if (end > 0) {
            QRegularExpression::PatternOptions options;
            if (match.mid(end + 1).contains(u'i'))
                options |= QRegularExpression::CaseInsensitiveOption;
            const QRegularExpression re(match.mid(1, end - 1), options);
            return re.isValid() && re.match(name).hasMatch();
        }
    }
    return match == name;
}

} // namespace

SeriesAxis seriesAxis(const GraphStyle &style, const QList<SeriesAxisRule> &rules,
                      const QString &name)
{
    GraphStyle::Placement placement = style.placement;
    SeriesAxis axis;
    axis.negativeY = style.negativeY;
    for (const SeriesAxisRule &rule : rules) {
        if (!matches(rule.match, name))
            continue;
        if (rule.placement)
            placement = *rule.placement;
        if (rule.negativeY)
            axis.negativeY = *rule.negativeY;
    }
    axis.right = placement == GraphStyle::Placement::Right;
    return axis;
}

} // namespace Stackscope
