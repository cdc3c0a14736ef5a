// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/panelrepeat.h"

#include "models/metrics/variableformat.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope::PanelRepeat {

namespace {

constexpr int gridColumns = 24;

/// The values a repeat runs over, capped; empty when the variable is unknown or has none.
QStringList repeatValues(const Panel &panel, const QList<DashboardVariable> &variables,
                         QStringList *notes)
{
    const auto found
        = std::find_if(variables.cbegin(), variables.cend(),
                       [&panel](const DashboardVariable &v) { return v.name == panel.repeat; });
    if (found == variables.cend())
        return {};
    // "All" repeats over every option, even where the variable has a custom all value.
    QStringList values = found->current.contains(u"$__all"_s) ? found->options : found->current;
    values.removeAll(u"$__all"_s);
    if (values.size() > maxCopies) {
        if (notes) {
            *notes << QCoreApplication::translate(
                          "Stackscope::PanelRepeat",
                          "“%1” is repeated for the first %2 of the %3 values of $%4.")
                          .arg(panel.title.isEmpty() ? panel.sourceType : panel.title)
                          .arg(maxCopies)
                          .arg(values.size())
                          .arg(panel.repeat);
        }
        values = values.mid(0, maxCopies);
    }
    return values;
}

/// A copy for one value. A repeated panel's copies repeat no more; a row's panels may (they are
/// expanded within each copy of the row).
Panel copyFor(const Panel &panel, const QString &variable, const QString &value)
{
    Panel copy = panel;
    copy.scope.insert(variable, value);
    if (copy.repeat == variable)
        copy.repeat.clear();
    return copy;
}

} // namespace

QList<Panel> expand(const QList<Panel> &input, const QList<DashboardVariable> &variables,
                    QStringList *notes)
{
    QList<Panel> panels = input; // the later ones move down as copies take their place
    // Grafana moves the panels stored below a repeat down by the room its copies take (those on
    // the repeat's own grid line stay).
    const auto pushDown = [&panels](qsizetype after, int fromY, int by) {
        if (by <= 0)
            return;
        for (qsizetype j = after; j < panels.size(); ++j) {
            if (panels.at(j).grid.y > fromY)
                panels[j].grid.y += by;
        }
    };
    QList<Panel> out;
    out.reserve(panels.size());
    for (qsizetype i = 0; i < panels.size(); ++i) {
        const Panel &p = panels.at(i);
        if (p.repeat.isEmpty()) {
            out << p;
            continue;
        }
        const QStringList values = repeatValues(p, variables, notes);
        if (values.isEmpty()) {
            out << p;
            continue;
        }
        if (p.type == Panel::Type::Row) {
            // The row's block: its panels up to the next row of its level (a top-level row's
            // block also holds the rows nested in it).
            qsizetype end = i + 1;
            while (end < panels.size()) {
                const Panel &next = panels.at(end);
                if (next.type == Panel::Type::Row && (!next.nested || p.nested))
                    break;
                ++end;
            }
            int bottom = p.grid.y + 1;
            for (qsizetype j = i + 1; j < end; ++j)
                bottom = std::max(bottom, panels.at(j).grid.y + panels.at(j).grid.h);
            const int height = bottom - p.grid.y;
            for (qsizetype k = 0; k < values.size(); ++k) {
                QList<Panel> block;
                for (qsizetype j = i; j < end; ++j) {
                    Panel copy = copyFor(panels.at(j), p.repeat, values.at(k));
                    copy.grid.y += int(k) * height;
                    block << copy;
                }
                block.first().repeat.clear();
                // Panels repeated inside the row repeat within each copy.
                out << expand(block, variables, notes);
            }
            pushDown(end, p.grid.y, int(values.size() - 1) * height);
            i = end - 1;
            continue;
        }
        const int perRow = p.maxPerRow > 0 ? p.maxPerRow : 4;
        const int count = int(values.size());
        const int width = std::max(1, std::max(gridColumns / count, gridColumns / perRow));
        int x = 0;
        int y = p.grid.y;
        int lastY = p.grid.y;
        for (int k = 0; k < count; ++k) {
            Panel copy = copyFor(p, p.repeat, values.at(k));
            if (p.repeatVertical) {
                copy.grid.y = p.grid.y + k * p.grid.h;
            } else {
                copy.grid.w = width;
                copy.grid.x = x;
                copy.grid.y = y;
                x += width;
                if (x + width > gridColumns) {
                    x = 0;
                    y += p.grid.h;
                }
            }
            lastY = copy.grid.y;
            out << copy;
        }
        pushDown(i + 1, p.grid.y, lastY - p.grid.y);
    }
    return out;
}

QList<DashboardVariable> scoped(const QList<DashboardVariable> &variables,
                                const QMap<QString, QString> &scope)
{
    if (scope.isEmpty())
        return variables;
    QList<DashboardVariable> out = variables;
    for (DashboardVariable &v : out) {
        const auto found = scope.constFind(v.name);
        if (found != scope.cend())
            v.current = {*found};
    }
    return out;
}

} // namespace Stackscope::PanelRepeat
