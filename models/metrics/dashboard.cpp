// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/dashboard.h"
#include "models/common/palette.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stackscope {

qsizetype Dashboard::dataPanelCount() const
{
    return std::count_if(panels.cbegin(), panels.cend(),
                         [](const Panel &p) { return p.type != Panel::Type::Row; });
}

QColor thresholdColor(const QList<Threshold> &thresholds, double value, const QColor &fallback)
{
    if (thresholds.isEmpty())
        return fallback;
    QColor color = thresholds.first().color;
    for (const Threshold &t : thresholds) {
        if (value >= t.value)
            color = t.color;
    }
    return color;
}

QColor grafanaColor(const QString &name)
{
    const QString n = name.trimmed().toLower();
    static const QRegularExpression rgba(
        u"^rgba?\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*(?:,\\s*([0-9.]+)\\s*)?\\)$"_s);
    const auto match = rgba.match(n);
    if (match.hasMatch()) {
        QColor c(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        if (!match.captured(4).isEmpty())
            c.setAlphaF(match.captured(4).toFloat());
        return c;
    }
    struct Named
    {
        const char *name;
        const char *hex;
    };
    static const Named named[] = {
        {"green", "#73bf69"},
        {"dark-green", "#37872d"},
        {"semi-dark-green", "#56a64b"},
        {"light-green", "#96d98d"},
        {"red", "#f2495c"},
        {"dark-red", "#c4162a"},
        {"semi-dark-red", "#e02f44"},
        {"light-red", "#ff7383"},
        {"orange", "#ff9830"},
        {"dark-orange", "#fa6400"},
        {"semi-dark-orange", "#ff780a"},
        {"light-orange", "#ffb357"},
        {"yellow", "#fade2a"},
        {"dark-yellow", "#e0b400"},
        {"semi-dark-yellow", "#f2cc0c"},
        {"light-yellow", "#ffee52"},
        {"blue", "#5794f2"},
        {"dark-blue", "#1f60c4"},
        {"semi-dark-blue", "#3274d9"},
        {"light-blue", "#8ab8ff"},
        {"purple", "#b877d9"},
        {"dark-purple", "#8f3bb8"},
        {"semi-dark-purple", "#a352cc"},
        {"light-purple", "#ca95e5"},
        {"text", "#808080"},
        {"transparent", "#00000000"},
    };
    for (const Named &entry : named) {
        if (n == QLatin1StringView(entry.name))
            return QColor(QLatin1StringView(entry.hex));
    }
    const QColor direct(n);
    return direct.isValid() ? direct : Palette::color(Palette::Tone::Muted);
}

} // namespace Stackscope
