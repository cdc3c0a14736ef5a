// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Stackscope {

/// Dashboard variables in text, as Grafana writes them: `$var`, `${var}`, `${var:format}` and
/// `[[var]]`, with Grafana's advanced format options. PromQL's own default (regex-escaped values
/// for multi-value variables) stays in QueryTime::interpolate, which uses format() for the
/// `${var:format}` form.
namespace VariableFormat {
/// The values a variable stands for now: its selection, All as every option. `literalAll` gets
/// the variable's custom All value when All is selected and it has one (then the list is empty).
QStringList selectedValues(const DashboardVariable &variable, QString *literalAll = nullptr);
/// Values in one of Grafana's formats: csv, distributed, doublequote, glob, json, lucene,
/// percentencode, pipe, raw, regex, singlequote, sqlstring, text, queryparam (`name` is the
/// variable's, for distributed and queryparam). An unknown format is glob, Grafana's fallback.
QString format(const QStringList &values, const QString &format, const QString &name);
/// Every variable reference in `text` (`$var`, `${var}`, `${var:format}`, `[[var]]`,
/// `[[var:format]]`) replaced by what `replacement(name, format)` gives; a reference it gives
/// nothing for stays as written. Inside `${…}` a name may hold dots (`${__field.labels.job}`). The
/// one scanner of references, for queries and for titles.
QString replaceReferences(
    const QString &text,
    const std::function<std::optional<QString>(const QString &name, const QString &format)>
        &replacement);
/// Text shown to a person (a panel or row title): every variable as Grafana shows it ("a + b",
/// "All"), in whichever form; a name that is no variable stays as written.
QString displayText(const QString &text, const QList<DashboardVariable> &variables);
/// A legend format with Grafana's field references turned into `{{label}}` placeholders:
/// `${__field.labels.job}` → `{{job}}`, `${__field.labels}` → the series' labels as `{{…}}`
/// cannot be, so it becomes empty and the legend falls back to the signature.
QString legendPlaceholders(const QString &legend);
} // namespace VariableFormat

} // namespace Stackscope
