// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/dashboardlinks.h"
#include "models/common/weburl.h"
#include "models/metrics/variableformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope::DashboardLinks {

QUrl resolve(const DashboardLink &link, const QList<DashboardVariable> &variables,
             const QDateTime &from, const QDateTime &to)
{
    const QString timeRange
        = u"from=%1&to=%2"_s.arg(from.toMSecsSinceEpoch()).arg(to.toMSecsSinceEpoch());
    QString text = VariableFormat::replaceReferences(
        link.url, [&](const QString &name, const QString &format) -> std::optional<QString> {
            if (name == "__url_time_range"_L1)
                return timeRange;
            if (name == "__from"_L1)
                return QString::number(from.toMSecsSinceEpoch());
            if (name == "__to"_L1)
                return QString::number(to.toMSecsSinceEpoch());
            for (const DashboardVariable &v : variables) {
                if (v.name != name)
                    continue;
                QString all;
                QStringList values = VariableFormat::selectedValues(v, &all);
                if (values.isEmpty() && !all.isEmpty())
                    values = QStringList{all};
                return VariableFormat::format(values,
                                              format.isEmpty() ? u"percentencode"_s : format, name);
            }
            return std::nullopt;
        });
    QStringList extra;
    if (link.includeVars) {
        for (const DashboardVariable &v : variables) {
            for (const QString &value : VariableFormat::selectedValues(v))
                extra << u"var-"_s + QString::fromLatin1(QUrl::toPercentEncoding(v.name)) + u'='
                             + QString::fromLatin1(QUrl::toPercentEncoding(value));
        }
    }
    if (link.keepTime)
        extra << timeRange;
    if (!extra.isEmpty()) {
        const qsizetype hash = text.indexOf(u'#');
        const QString fragment = hash >= 0 ? text.mid(hash) : QString();
        if (hash >= 0)
            text.truncate(hash);
        text += (text.contains(u'?') ? u"&"_s : u"?"_s) + extra.join(u'&') + fragment;
    }
    return webUrl(text);
}

QList<Dashboard> matching(const DashboardLink &link, const QList<Dashboard> &dashboards,
                          const QString &currentUid)
{
    QList<Dashboard> out;
    for (const Dashboard &d : dashboards) {
        if (d.uid == currentUid)
            continue;
        const bool all = std::all_of(link.tags.cbegin(), link.tags.cend(),
                                     [&d](const QString &tag) { return d.tags.contains(tag); });
        if (all)
            out << d;
    }
    std::stable_sort(out.begin(), out.end(), [](const Dashboard &a, const Dashboard &b) {
        return a.title.compare(b.title, Qt::CaseInsensitive) < 0;
    });
    return out;
}

} // namespace Stackscope::DashboardLinks
