// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/severityscale.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Stackscope {

QStringList SeverityScale::defaultAliases(int rank)
{
    // From what rule sets in the wild use: Prometheus mixins (critical, warning, info), PagerDuty
    // and Opsgenie priorities (P1-P5), syslog levels, Zabbix (disaster, high, average), ITIL
    // (major, minor), and sev1-sev5.
    switch (rank) {
    case 3:
        return {u"critical"_s, u"crit"_s,      u"page"_s,  u"error"_s, u"err"_s,      u"high"_s,
                u"fatal"_s,    u"emergency"_s, u"emerg"_s, u"alert"_s, u"disaster"_s, u"major"_s,
                u"p1"_s,       u"p2"_s,        u"sev1"_s,  u"sev2"_s};
    case 2:
        return {u"warning"_s,  u"warn"_s, u"medium"_s, u"average"_s,
                u"moderate"_s, u"p3"_s,   u"sev3"_s};
    case 1:
        return {u"info"_s,  u"informational"_s, u"information"_s, u"low"_s, u"minor"_s, u"notice"_s,
                u"debug"_s, u"none"_s,          u"p4"_s,          u"p5"_s,  u"sev4"_s,  u"sev5"_s};
    default:
        return {};
    }
}

int SeverityScale::rankOf(const QString &value) const
{
    // The default aliases, built once: the Alerts page ranks every alert in every comparison of
    // its sort (tens of thousands of calls per poll with 2,000 alerts).
    static const QHash<QString, int> defaults = [] {
        QHash<QString, int> ranks;
        for (int rank = 3; rank >= 1; --rank) {
            for (const QString &alias : defaultAliases(rank))
                ranks.insert(alias, rank);
        }
        return ranks;
    }();
    const bool allDefault = critical.isEmpty() && warning.isEmpty() && info.isEmpty();
    if (allDefault) {
        // A value written as the alias is (almost every one) costs no trimmed, lowered copy.
        if (const auto exact = defaults.constFind(value); exact != defaults.cend())
            return *exact;
    }
    const QString v = value.trimmed().toLower();
    if (v.isEmpty())
        return 0;
    const QStringList *levels[] = {&critical, &warning, &info};
    for (int i = 0; i < 3; ++i) {
        const int rank = 3 - i;
        if (levels[i]->isEmpty() ? defaults.value(v) == rank : levels[i]->contains(v))
            return rank;
    }
    return 0;
}

int SeverityScale::rank(const QMap<QString, QString> &labels) const
{
    const int found = rankOf(labels.value(label));
    return found > 0 ? found : withoutSeverity;
}

} // namespace Stackscope
