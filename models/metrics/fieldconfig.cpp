// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/fieldconfig.h"
#include "models/common/format.h"
#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"
#include "models/metrics/variableformat.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Grafana's stringToJsRegex: "/pattern/flags", or a plain pattern that must match whole.
QRegularExpression grafanaRegex(const QString &pattern, bool anchorPlain)
{
    static const QRegularExpression slashed(u"^/(.*)/([gimsuy]*)$"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto m = slashed.match(pattern);
    if (m.hasMatch()) {
        QRegularExpression::PatternOptions options;
        if (m.captured(2).contains(u'i'))
            options |= QRegularExpression::CaseInsensitiveOption;
        if (m.captured(2).contains(u'm'))
            options |= QRegularExpression::MultilineOption;
        if (m.captured(2).contains(u's'))
            options |= QRegularExpression::DotMatchesEverythingOption;
        return QRegularExpression(m.captured(1), options);
    }
    return QRegularExpression(anchorPlain ? QRegularExpression::anchoredPattern(pattern) : pattern);
}

/// A number as JavaScript's String() writes it ("1", "0.5", "NaN"), for value and regex
/// mappings.
QString jsText(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"Infinity"_s : u"-Infinity"_s;
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

void apply(FieldDisplay *out, const FieldProperties &p)
{
    if (p.unit)
        out->unit = *p.unit;
    if (p.decimals)
        out->decimals = *p.decimals;
    if (p.min)
        out->min = p.min;
    if (p.max)
        out->max = p.max;
    if (p.thresholds)
        out->thresholds = *p.thresholds;
    if (p.mappings)
        out->mappings = *p.mappings;
    if (p.colorMode)
        out->colorMode = *p.colorMode;
    if (p.fixedColor)
        out->fixedColor = *p.fixedColor;
    if (p.displayName)
        out->displayName = *p.displayName;
    if (p.noValue)
        out->noValue = *p.noValue;
    if (p.hideFrom)
        out->hideFrom = *p.hideFrom;
    if (p.cellMode)
        out->cellMode = *p.cellMode;
}

bool matches(const FieldMatcher &matcher, const FieldSubject &subject, const QString &shownName)
{
    switch (matcher.kind) {
    case FieldMatcher::Kind::ByName:
        return matcher.option == subject.name || matcher.option == shownName;
    case FieldMatcher::Kind::ByRegexp: {
        const QRegularExpression re = grafanaRegex(matcher.option, false);
        return re.isValid() && !matcher.option.isEmpty()
               && (re.match(shownName).hasMatch() || re.match(subject.name).hasMatch());
    }
    case FieldMatcher::Kind::ByType:
        return matcher.option == subject.type;
    case FieldMatcher::Kind::ByFrameRefId:
        return matcher.option == subject.refId;
    case FieldMatcher::Kind::Unsupported:
        break;
    }
    return false;
}

} // namespace

std::optional<MappedValue> mapValue(const QList<ValueMapping> &mappings,
                                    std::optional<double> value, const QString &text)
{
    const bool isNull = !value && text.isEmpty();
    const QString asText = value ? jsText(*value) : text;
    for (const ValueMapping &m : mappings) {
        const MappedValue result{m.text, m.color, m.index};
        switch (m.type) {
        case ValueMapping::Type::Value: {
            if (isNull)
                break;
            bool ok = false;
            const double key = m.value.trimmed().toDouble(&ok);
            if (value && ok ? key == *value : m.value == asText)
                return result;
            break;
        }
        case ValueMapping::Type::Range: {
            bool ok = value.has_value();
            const double v = value ? *value : asText.toDouble(&ok);
            if (!ok || std::isnan(v))
                break;
            if ((m.from && v < *m.from) || (m.to && v > *m.to))
                break;
            return result;
        }
        case ValueMapping::Type::Regex: {
            if (isNull || m.pattern.isEmpty())
                break;
            const QRegularExpression re = grafanaRegex(m.pattern, true);
            if (!re.isValid() || !re.match(asText).hasMatch())
                break;
            MappedValue regexResult = result;
            if (!m.text.isEmpty()) { // "$1" in the text is the capture, as in JavaScript
                QString replacement = m.text;
                replacement.replace(QRegularExpression(u"\\$(\\d)"_s), u"\\\\1"_s);
                regexResult.text = QString(asText).replace(re, replacement);
            }
            return regexResult;
        }
        case ValueMapping::Type::Special: {
            const bool nan = value && std::isnan(*value);
            bool hit = false;
            switch (m.special) {
            case ValueMapping::Special::Null:
                hit = isNull;
                break;
            case ValueMapping::Special::NaN:
                hit = nan;
                break;
            case ValueMapping::Special::NullAndNaN:
                hit = isNull || nan;
                break;
            case ValueMapping::Special::True:
                hit = !value && text == "true"_L1;
                break;
            case ValueMapping::Special::False:
                hit = !value && text == "false"_L1;
                break;
            case ValueMapping::Special::Empty:
                hit = false; // a number is never the empty text; a missing one is null
                break;
            }
            if (hit)
                return result;
            break;
        }
        }
    }
    return std::nullopt;
}

QString FieldDisplay::text(double value) const
{
    if (const auto mapped = mapValue(mappings, value); mapped && !mapped->text.isEmpty())
        return mapped->text;
    return Format::value(value, unit, 3, decimals);
}

QColor FieldDisplay::color(double value, const QColor &fallback) const
{
    if (const auto mapped = mapValue(mappings, value); mapped && mapped->color.isValid())
        return mapped->color;
    if (colorMode == FieldColorMode::Fixed && fixedColor.isValid())
        return fixedColor;
    if (colorMode == FieldColorMode::Palette)
        return fallback;
    return thresholdColor(thresholds, value, fallback);
}

QColor FieldDisplay::seriesColor(const QColor &palette) const
{
    return colorMode == FieldColorMode::Fixed && fixedColor.isValid() ? fixedColor : palette;
}

FieldDisplay resolveField(const Panel &panel, const FieldSubject &subject,
                          const QList<DashboardVariable> &variables)
{
    FieldDisplay out;
    out.unit = panel.unit;
    out.decimals = panel.decimals;
    out.min = panel.min;
    out.max = panel.max;
    out.thresholds = panel.thresholds;
    apply(&out, panel.fields.defaults);
    // byName also knows a series by the name its default displayName gives it.
    const QString shownName = out.displayName.isEmpty()
                                  ? subject.name
                                  : displayNameText(out.displayName, subject, variables);
    for (const FieldOverride &o : panel.fields.overrides) {
        if (matches(o.matcher, subject, shownName))
            apply(&out, o.properties);
    }
    return out;
}

QString displayNameText(const QString &displayName, const FieldSubject &subject,
                        const QList<DashboardVariable> &variables)
{
    const QString withVariables = VariableFormat::displayText(displayName, variables);
    return VariableFormat::replaceReferences(
        withVariables, [&subject](const QString &name, const QString &) -> std::optional<QString> {
            if (name == "__field.name"_L1 || name == "__series.name"_L1
                || name == "__field.displayName"_L1)
                return subject.name;
            if (name == "__field.labels"_L1) {
                QStringList parts;
                for (auto it = subject.labels.cbegin(); it != subject.labels.cend(); ++it) {
                    if (it.key() != "__name__"_L1)
                        parts << u"%1=\"%2\""_s.arg(it.key(), it.value());
                }
                return parts.join(", "_L1);
            }
            if (name.startsWith("__field.labels."_L1))
                return subject.labels.value(name.mid(15));
            return std::nullopt;
        });
}

void applyFieldConfig(const Panel &panel, const QStringList &refIds,
                      const QList<DashboardVariable> &variables, PanelData *data)
{
    data->fields.clear();
    data->fields.reserve(data->series.size());
    for (qsizetype i = 0; i < data->series.size(); ++i) {
        const Series &s = data->series.at(i);
        FieldSubject subject;
        subject.name = data->names.value(i, seriesSignature(s.labels));
        subject.labels = s.labels;
        subject.refId = refIds.value(i);
        FieldDisplay field = resolveField(panel, subject, variables);
        if (!field.displayName.isEmpty()) {
            if (data->names.size() <= i)
                data->names.resize(i + 1);
            data->names[i] = displayNameText(field.displayName, subject, variables);
        }
        data->fields << field;
    }
}

FieldDisplay fieldFor(const Panel &panel, const PanelData &data, qsizetype series)
{
    if (series >= 0 && series < data.fields.size())
        return data.fields.at(series);
    FieldSubject subject;
    if (series >= 0 && series < data.series.size()) {
        subject.labels = data.series.at(series).labels;
        subject.name = data.names.value(series, seriesSignature(subject.labels));
    }
    return resolveField(panel, subject);
}

} // namespace Stackscope
