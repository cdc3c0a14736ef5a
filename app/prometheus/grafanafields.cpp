// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/prometheus/grafanafields.h"
#include "models/metrics/dashboard.h"

#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

std::optional<double> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double d = value.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

QString text(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return value.toString();
}

/// A mapping's result: { "text", "color", "index" }.
void readResult(const QJsonObject &result, ValueMapping *mapping)
{
    mapping->text = text(result.value("text"_L1));
    const QString color = result.value("color"_L1).toString();
    if (!color.isEmpty())
        mapping->color = grafanaColor(color);
    mapping->index = result.value("index"_L1).toInt(-1);
}

ValueMapping specialNull(const QString &shown)
{
    ValueMapping m;
    m.type = ValueMapping::Type::Special;
    m.special = ValueMapping::Special::Null;
    m.text = shown;
    return m;
}

QList<Threshold> thresholdSteps(const QJsonObject &thresholds)
{
    QList<Threshold> out;
    for (const QJsonValue &s : thresholds.value("steps"_L1).toArray()) {
        const QJsonObject step = s.toObject();
        out.append(
            {number(step.value("value"_L1)).value_or(-std::numeric_limits<double>::infinity()),
             grafanaColor(step.value("color"_L1).toString())});
    }
    return out;
}

HideFrom hideFrom(const QJsonObject &object)
{
    return {object.value("legend"_L1).toBool(), object.value("tooltip"_L1).toBool(),
            object.value("viz"_L1).toBool()};
}

/// A table cell's display mode: Grafana 10's custom.cellOptions.type or the older
/// custom.displayMode ("color-text", "color-background", "auto"...).
QString cellMode(const QJsonObject &custom)
{
    const QString type = custom.value("cellOptions"_L1).toObject().value("type"_L1).toString();
    return type.isEmpty() ? custom.value("displayMode"_L1).toString() : type;
}

void readColor(const QJsonObject &color, FieldProperties *p)
{
    const QString mode = color.value("mode"_L1).toString();
    if (mode == "fixed"_L1 || mode == "shades"_L1)
        p->colorMode = FieldColorMode::Fixed;
    else if (mode == "thresholds"_L1 || mode.startsWith("continuous"_L1))
        p->colorMode = FieldColorMode::Thresholds;
    else if (mode.startsWith("palette"_L1))
        p->colorMode = FieldColorMode::Palette;
    const QString fixed = color.value("fixedColor"_L1).toString();
    if (!fixed.isEmpty())
        p->fixedColor = grafanaColor(fixed);
}

/// One override property ({ "id": "unit", "value": "bytes" }) into `p`.
void readProperty(const QJsonObject &property, FieldProperties *p)
{
    const QString id = property.value("id"_L1).toString();
    const QJsonValue value = property.value("value"_L1);
    if (id == "unit"_L1)
        p->unit = value.toString();
    else if (id == "decimals"_L1 && number(value))
        p->decimals = int(*number(value));
    else if (id == "min"_L1)
        p->min = number(value);
    else if (id == "max"_L1)
        p->max = number(value);
    else if (id == "color"_L1)
        readColor(value.toObject(), p);
    else if (id == "displayName"_L1 || id == "displayNameFromDS"_L1)
        p->displayName = value.toString();
    else if (id == "noValue"_L1)
        p->noValue = text(value);
    else if (id == "custom.hideFrom"_L1)
        p->hideFrom = hideFrom(value.toObject());
    else if (id == "custom.displayMode"_L1)
        p->cellMode = value.toString();
    else if (id == "custom.cellOptions"_L1)
        p->cellMode = value.toObject().value("type"_L1).toString();
    else if (id == "thresholds"_L1)
        p->thresholds = thresholdSteps(value.toObject());
    else if (id == "mappings"_L1)
        p->mappings = grafanaMappings(value.toArray());
}

FieldMatcher matcher(const QJsonObject &object)
{
    const QString id = object.value("id"_L1).toString();
    const QString option = text(object.value("options"_L1));
    FieldMatcher m;
    m.option = option;
    if (id == "byName"_L1)
        m.kind = FieldMatcher::Kind::ByName;
    else if (id == "byRegexp"_L1)
        m.kind = FieldMatcher::Kind::ByRegexp;
    else if (id == "byType"_L1)
        m.kind = FieldMatcher::Kind::ByType;
    else if (id == "byFrameRefID"_L1)
        m.kind = FieldMatcher::Kind::ByFrameRefId;
    return m;
}

/// A singlestat's valueMaps / rangeMaps, as Grafana's migration reads them: by mappingType (1
/// values, 2 ranges; guessed from which list has entries when absent); "null" is no value.
QList<ValueMapping> legacyMappings(const QJsonObject &panel)
{
    const QJsonArray values = panel.value("valueMaps"_L1).toArray();
    const QJsonArray ranges = panel.value("rangeMaps"_L1).toArray();
    int type = panel.value("mappingType"_L1).toInt(0);
    if (type == 0)
        type = !values.isEmpty() ? 1 : !ranges.isEmpty() ? 2 : 0;
    QList<ValueMapping> out;
    if (type == 1) {
        for (const QJsonValue &v : values) {
            const QJsonObject map = v.toObject();
            const QString value = text(map.value("value"_L1));
            if (value == "null"_L1) {
                out << specialNull(text(map.value("text"_L1)));
                continue;
            }
            ValueMapping m;
            m.value = value;
            m.text = text(map.value("text"_L1));
            out << m;
        }
    } else if (type == 2) {
        for (const QJsonValue &r : ranges) {
            const QJsonObject map = r.toObject();
            if (text(map.value("from"_L1)) == "null"_L1 && text(map.value("to"_L1)) == "null"_L1) {
                out << specialNull(text(map.value("text"_L1)));
                continue;
            }
            ValueMapping m;
            m.type = ValueMapping::Type::Range;
            m.from = number(map.value("from"_L1));
            m.to = number(map.value("to"_L1));
            m.text = text(map.value("text"_L1));
            out << m;
        }
    }
    return out;
}

} // namespace

QList<ValueMapping> grafanaMappings(const QJsonArray &mappings)
{
    QList<ValueMapping> out;
    for (const QJsonValue &v : mappings) {
        const QJsonObject object = v.toObject();
        const QJsonValue type = object.value("type"_L1);
        const QJsonObject options = object.value("options"_L1).toObject();
        if (type == "value"_L1) {
            // { "1": { "text": "UP", "color": "green", "index": 0 }, ... } in the index's order
            QList<ValueMapping> values;
            for (auto it = options.constBegin(); it != options.constEnd(); ++it) {
                ValueMapping m;
                m.value = it.key();
                readResult(it.value().toObject(), &m);
                values << m;
            }
            std::stable_sort(
                values.begin(), values.end(),
                [](const ValueMapping &a, const ValueMapping &b) { return a.index < b.index; });
            out << values;
        } else if (type == "range"_L1) {
            ValueMapping m;
            m.type = ValueMapping::Type::Range;
            m.from = number(options.value("from"_L1));
            m.to = number(options.value("to"_L1));
            readResult(options.value("result"_L1).toObject(), &m);
            out << m;
        } else if (type == "regex"_L1) {
            ValueMapping m;
            m.type = ValueMapping::Type::Regex;
            m.pattern = options.value("pattern"_L1).toString();
            readResult(options.value("result"_L1).toObject(), &m);
            out << m;
        } else if (type == "special"_L1) {
            ValueMapping m;
            m.type = ValueMapping::Type::Special;
            const QString match = options.value("match"_L1).toString();
            if (match == "nan"_L1)
                m.special = ValueMapping::Special::NaN;
            else if (match == "null+nan"_L1)
                m.special = ValueMapping::Special::NullAndNaN;
            else if (match == "true"_L1)
                m.special = ValueMapping::Special::True;
            else if (match == "false"_L1)
                m.special = ValueMapping::Special::False;
            else if (match == "empty"_L1)
                m.special = ValueMapping::Special::Empty;
            else
                m.special = ValueMapping::Special::Null;
            readResult(options.value("result"_L1).toObject(), &m);
            out << m;
        } else if (type.toInt() == 1 || type == "1"_L1) { // Grafana 7: value to text
            const QString value = text(object.value("value"_L1));
            if (value == "null"_L1) {
                out << specialNull(text(object.value("text"_L1)));
                continue;
            }
            ValueMapping m;
            m.value = value;
            m.text = text(object.value("text"_L1));
            out << m;
        } else if (type.toInt() == 2 || type == "2"_L1) { // Grafana 7: range to text
            ValueMapping m;
            m.type = ValueMapping::Type::Range;
            m.from = number(object.value("from"_L1));
            m.to = number(object.value("to"_L1));
            m.text = text(object.value("text"_L1));
            out << m;
        }
    }
    return out;
}

FieldConfig grafanaFieldConfig(const QJsonObject &panel)
{
    FieldConfig out;
    const QJsonObject fieldConfig = panel.value("fieldConfig"_L1).toObject();
    const QJsonObject defaults = fieldConfig.value("defaults"_L1).toObject();
    FieldProperties &d = out.defaults;
    if (defaults.contains("mappings"_L1))
        d.mappings = grafanaMappings(defaults.value("mappings"_L1).toArray());
    if (!d.mappings || d.mappings->isEmpty()) {
        if (const QList<ValueMapping> legacy = legacyMappings(panel); !legacy.isEmpty())
            d.mappings = legacy;
    }
    if (defaults.value("color"_L1).isObject())
        readColor(defaults.value("color"_L1).toObject(), &d);
    if (const QString name = defaults.value("displayName"_L1).toString(); !name.isEmpty())
        d.displayName = name;
    if (defaults.contains("noValue"_L1))
        d.noValue = text(defaults.value("noValue"_L1));
    const QJsonObject custom = defaults.value("custom"_L1).toObject();
    if (custom.value("hideFrom"_L1).isObject())
        d.hideFrom = hideFrom(custom.value("hideFrom"_L1).toObject());
    if (const QString mode = cellMode(custom); !mode.isEmpty())
        d.cellMode = mode;
    for (const QJsonValue &v : fieldConfig.value("overrides"_L1).toArray()) {
        const QJsonObject object = v.toObject();
        FieldOverride o;
        o.matcher = matcher(object.value("matcher"_L1).toObject());
        for (const QJsonValue &p : object.value("properties"_L1).toArray())
            readProperty(p.toObject(), &o.properties);
        out.overrides << o;
    }
    return out;
}

} // namespace Stackscope
