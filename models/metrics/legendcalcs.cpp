// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/legendcalcs.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

std::optional<LegendCalc> legendCalcFromId(const QString &id)
{
    if (id == "min"_L1)
        return LegendCalc::Min;
    if (id == "max"_L1)
        return LegendCalc::Max;
    if (id == "mean"_L1 || id == "avg"_L1)
        return LegendCalc::Mean;
    if (id == "last"_L1)
        return LegendCalc::Last;
    if (id == "lastNotNull"_L1 || id == "current"_L1) // the legacy graph's "current"
        return LegendCalc::LastNotNull;
    if (id == "first"_L1)
        return LegendCalc::First;
    if (id == "firstNotNull"_L1)
        return LegendCalc::FirstNotNull;
    if (id == "sum"_L1 || id == "total"_L1)
        return LegendCalc::Total;
    if (id == "count"_L1)
        return LegendCalc::Count;
    return std::nullopt;
}

QString legendCalcTitle(LegendCalc calc)
{
    // lupdate files these tr() calls under the enclosing namespace: the same context here.
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Stackscope", text);
    };
    switch (calc) {
    case LegendCalc::Min:
        return tr("Min");
    case LegendCalc::Max:
        return tr("Max");
    case LegendCalc::Mean:
        return tr("Mean");
    case LegendCalc::Last:
        return tr("Last");
    case LegendCalc::LastNotNull:
        return tr("Last *");
    case LegendCalc::First:
        return tr("First");
    case LegendCalc::FirstNotNull:
        return tr("First *");
    case LegendCalc::Total:
        return tr("Total");
    case LegendCalc::Count:
        return tr("Count");
    }
    return {};
}

double legendCalcValue(const Series &series, LegendCalc calc)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const QVector<double> &v = series.values;
    switch (calc) {
    case LegendCalc::Last:
        return v.isEmpty() ? nan : v.constLast();
    case LegendCalc::First:
        return v.isEmpty() ? nan : v.constFirst();
    case LegendCalc::LastNotNull:
        for (qsizetype i = v.size() - 1; i >= 0; --i) {
            if (!std::isnan(v.at(i)))
                return v.at(i);
        }
        return nan;
    case LegendCalc::FirstNotNull:
        for (const double x : v) {
            if (!std::isnan(x))
                return x;
        }
        return nan;
    default:
        break;
    }
    double min = std::numeric_limits<double>::infinity();
    double max = -min;
    double sum = 0;
    qsizetype count = 0;
    for (const double x : v) {
        if (std::isnan(x))
            continue;
        min = std::min(min, x);
        max = std::max(max, x);
        sum += x;
        ++count;
    }
    switch (calc) {
    case LegendCalc::Min:
        return count ? min : nan;
    case LegendCalc::Max:
        return count ? max : nan;
    case LegendCalc::Mean:
        return count ? sum / double(count) : nan;
    case LegendCalc::Total:
        return count ? sum : nan;
    case LegendCalc::Count:
        return double(count);
    default:
        return nan;
    }
}

} // namespace Stackscope
