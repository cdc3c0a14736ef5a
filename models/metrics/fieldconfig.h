// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboardvariable.h"
#include "models/metrics/series.h"

#include <QColor>
#include <QList>
#include <QString>

#include <optional>

namespace Stackscope {

struct Panel;
struct PanelData;

/// A threshold step: from `value` upwards the colour is `color` (the first step's value is
/// -Inf, Grafana's "Base").
struct Threshold
{
    double value = 0;
    QColor color;

    friend bool operator==(const Threshold &, const Threshold &) = default;
};

/// One of Grafana's value mappings (fieldConfig `mappings`, Grafana 8's form, Grafana 7's
/// `type: 1 / 2` form and a singlestat's valueMaps / rangeMaps read into the same): a value,
/// a range, a regular expression or a special value shown as a text and/or a colour.
struct ValueMapping
{
    enum class Type { Value, Range, Regex, Special };
    /// Special values: no value (null), NaN, either, the booleans, the empty text.
    enum class Special { Null, NaN, NullAndNaN, True, False, Empty };
    Type type = Type::Value;
    QString value;              ///< Value: compared as a number where it is one, else as text
    std::optional<double> from; ///< Range: inclusive; absent = unbounded
    std::optional<double> to;
    QString pattern; ///< Regex: Grafana's "/pattern/flags" or a plain pattern
    Special special = Special::Null;
    QString text; ///< what is shown instead of the value; empty = the value's own text
    QColor color; ///< invalid = the colour the thresholds or the colour mode give
    int index = -1;

    friend bool operator==(const ValueMapping &, const ValueMapping &) = default;
};

/// What a mapping made of a value.
struct MappedValue
{
    QString text; ///< empty: the value's own text
    QColor color; ///< invalid: the field's colour
    int index = -1;
};

/// The first mapping that matches (Grafana's order): `value` is absent for a missing sample
/// (null); `text` is the value as text, for value and regex mappings of text cells.
std::optional<MappedValue> mapValue(const QList<ValueMapping> &mappings,
                                    std::optional<double> value, const QString &text = {});

/// Grafana's `custom.hideFrom`: where a series is left out.
struct HideFrom
{
    bool legend = false;
    bool tooltip = false;
    bool viz = false;

    friend bool operator==(const HideFrom &, const HideFrom &) = default;
};

/// How a field is coloured (fieldConfig `color.mode`): the thresholds (a stat's default), a
/// fixed colour, or the series palette (a time series' default, by the series' place).
enum class FieldColorMode { Default, Thresholds, Fixed, Palette };

/// Field options as fieldConfig writes them, each one absent unless set: the defaults' own
/// (mappings, colour, display name, no-value text, hideFrom; a panel's unit, decimals, min,
/// max and thresholds are on the Panel) or an override's properties.
struct FieldProperties
{
    std::optional<QString> unit;
    std::optional<int> decimals;
    std::optional<double> min;
    std::optional<double> max;
    std::optional<QList<Threshold>> thresholds;
    std::optional<QList<ValueMapping>> mappings;
    std::optional<FieldColorMode> colorMode;
    std::optional<QColor> fixedColor;
    std::optional<QString> displayName; ///< may hold ${__field.…}, ${__series.name}, $var
    std::optional<QString> noValue;
    std::optional<HideFrom> hideFrom;
    std::optional<QString> cellMode; ///< a table cell's: "color-text", "color-background"...

    friend bool operator==(const FieldProperties &, const FieldProperties &) = default;
};

/// Which fields an override is for (Grafana's matchers).
struct FieldMatcher
{
    enum class Kind {
        ByName,       ///< the field's name as shown (its legend name)
        ByRegexp,     ///< a regular expression found in that name
        ByType,       ///< "number" (every series here), "time", "string"
        ByFrameRefId, ///< the query's refId
        Unsupported,  ///< matches nothing
    };
    Kind kind = Kind::Unsupported;
    QString option;

    friend bool operator==(const FieldMatcher &, const FieldMatcher &) = default;
};

struct FieldOverride
{
    FieldMatcher matcher;
    FieldProperties properties;

    friend bool operator==(const FieldOverride &, const FieldOverride &) = default;
};

/// A panel's fieldConfig: its defaults and its overrides in their order (a later one wins).
struct FieldConfig
{
    FieldProperties defaults;
    QList<FieldOverride> overrides;

    friend bool operator==(const FieldConfig &, const FieldConfig &) = default;
};

/// What the matchers see of a series.
struct FieldSubject
{
    QString name; ///< the legend name (Grafana's series name)
    Labels labels;
    QString refId;
    QString type = QStringLiteral("number");
};

/// The options one series is drawn with: the panel's, the defaults' and every matching
/// override's, in that order.
struct FieldDisplay
{
    QString unit;
    int decimals = -1;
    std::optional<double> min;
    std::optional<double> max;
    QList<Threshold> thresholds;
    QList<ValueMapping> mappings;
    FieldColorMode colorMode = FieldColorMode::Default;
    QColor fixedColor;
    QString displayName; ///< as written (templates not yet replaced); empty = the legend name
    QString noValue;     ///< shown where there is no value; empty = the view's own
    HideFrom hideFrom;
    QString cellMode; ///< tables: "color-text" / "color-background(-solid)" colour the cell

    /// A value as shown: its mapping's text, else the value in the unit with the decimals.
    QString text(double value) const;
    /// A value's colour: its mapping's, else the fixed colour (mode fixed), else the thresholds'
    /// (`fallback` without thresholds).
    QColor color(double value, const QColor &fallback) const;
    /// The series' own colour where a chart draws it: the fixed colour, else `palette`.
    QColor seriesColor(const QColor &palette) const;

    friend bool operator==(const FieldDisplay &, const FieldDisplay &) = default;
};

/// The effective options of one series of a panel (`variables` for the byName matcher, which
/// also knows a series by the name the defaults' displayName gives it).
FieldDisplay resolveField(const Panel &panel, const FieldSubject &subject,
                          const QList<DashboardVariable> &variables = {});

/// A displayName as Grafana fills it in: `${__field.name}` and `${__series.name}` (the legend
/// name), `${__field.displayName}` (the same), `${__field.labels.x}`, `${__field.labels}`
/// ("a=\"1\", b=\"2\""), and the dashboard's variables as shown in titles.
QString displayNameText(const QString &displayName, const FieldSubject &subject,
                        const QList<DashboardVariable> &variables);

/// A panel's data as its fields say: `data.fields` filled per series, and each name replaced by
/// its displayName where one applies. `refIds` gives each series' query (by index; absent = "").
void applyFieldConfig(const Panel &panel, const QStringList &refIds,
                      const QList<DashboardVariable> &variables, PanelData *data);
/// The options of one series of `data` as the views read them: `data.fields`' where it is
/// filled, else resolved from the panel (a view fed data without field config).
FieldDisplay fieldFor(const Panel &panel, const PanelData &data, qsizetype series);

} // namespace Stackscope
