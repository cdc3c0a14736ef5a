// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/paneltime.h"
#include "models/common/duration.h"
#include "models/common/format.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope::PanelTime {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope::PanelTime", text);
}

QString shortDuration(double seconds)
{
    return Format::durationLiteral(std::chrono::milliseconds(std::llround(seconds * 1000)));
}

} // namespace

double relativeSeconds(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith("now"_L1))
        t = t.mid(3).trimmed();
    if (t.startsWith(u'-') || t.startsWith(u'+'))
        t = t.mid(1).trimmed();
    if (t.isEmpty() || t.contains(u'/'))
        return 0;
    const std::optional<double> seconds = parseDurationSeconds(t, DurationSyntax::PromQL);
    return seconds && *seconds > 0 ? *seconds : 0;
}

void panelWindow(const Panel &panel, bool dashboardAbsolute, const QDateTime &now, QDateTime *start,
                 QDateTime *end)
{
    if (const double from = relativeSeconds(panel.timeFrom); from > 0) {
        if (!dashboardAbsolute)
            *end = now;
        *start = end->addMSecs(-qint64(from * 1000));
    }
    if (const double shift = relativeSeconds(panel.timeShift); shift > 0) {
        *start = start->addMSecs(-qint64(shift * 1000));
        *end = end->addMSecs(-qint64(shift * 1000));
    }
}

QString describeRelative(double seconds)
{
    // Grafana's quick ranges by their names, the rest as "Last 90m".
    static const struct
    {
        int seconds;
        const char *text;
    } named[] = {
        {300, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 5 minutes")},
        {900, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 15 minutes")},
        {1800, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 30 minutes")},
        {3600, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 1 hour")},
        {10800, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 3 hours")},
        {21600, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 6 hours")},
        {43200, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 12 hours")},
        {86400, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 24 hours")},
        {172800, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 2 days")},
        {604800, QT_TRANSLATE_NOOP("Stackscope::PanelTime", "Last 7 days")},
    };
    for (const auto &n : named) {
        if (std::abs(seconds - n.seconds) < 0.5)
            return tr(n.text);
    }
    return tr("Last %1").arg(shortDuration(seconds));
}

QString info(const Panel &panel)
{
    QStringList parts;
    if (const double from = relativeSeconds(panel.timeFrom); from > 0)
        parts << describeRelative(from);
    if (const double shift = relativeSeconds(panel.timeShift); shift > 0)
        parts << tr("timeshift -%1").arg(shortDuration(shift));
    return parts.join(u", "_s);
}

namespace {

QDateTime absoluteTime(const QString &text)
{
    bool isNumber = false;
    const qint64 ms = text.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

DashboardWindow dashboardWindow(const QString &from, const QString &to)
{
    DashboardWindow window;
    const QString f = from.trimmed();
    const QString t = to.trimmed();
    if (f.startsWith("now"_L1)) {
        if (t == "now"_L1 || t.isEmpty())
            window.relativeSeconds = relativeSeconds(f);
        return window;
    }
    window.start = absoluteTime(f);
    window.end = absoluteTime(t);
    if (!window.isAbsolute())
        window.start = window.end = QDateTime();
    return window;
}

} // namespace Stackscope::PanelTime
