// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/metrics/dashboardgrid.h"

#include <algorithm>
#include <cmath>

namespace Stackscope {

namespace {
bool isRow(const Panel &p)
{
    return p.type == Panel::Type::Row;
}
} // namespace

DashboardGrid::DashboardGrid(const QList<Panel> &panels)
    : m_panels(panels)
    , m_owner(panels.size(), -1)
    , m_collapsed(panels.size(), false)
{
    int row = -1;    // the row the panels that follow belong to
    int topRow = -1; // the last row that is not nested
    for (int i = 0; i < m_panels.size(); ++i) {
        const Panel &p = m_panels.at(i);
        if (isRow(p)) {
            m_collapsed[i] = p.collapsed;
            m_owner[i] = p.nested ? topRow : -1;
            if (!p.nested)
                topRow = i;
            row = i;
            continue;
        }
        m_owner[i] = row;
    }
    relayout();
}

QList<int> DashboardGrid::rows() const
{
    QList<int> out;
    for (int i = 0; i < m_panels.size(); ++i) {
        if (isRow(m_panels.at(i)))
            out << i;
    }
    return out;
}

QList<int> DashboardGrid::rowPanels(int row) const
{
    QList<int> out;
    for (int i = 0; i < m_panels.size(); ++i) {
        if (m_owner.at(i) == row && !isRow(m_panels.at(i)))
            out << i;
    }
    return out;
}

bool DashboardGrid::setCollapsed(int row, bool collapsed)
{
    if (row < 0 || row >= m_panels.size() || !isRow(m_panels.at(row))
        || m_collapsed.at(row) == collapsed)
        return false;
    m_collapsed[row] = collapsed;
    relayout();
    return true;
}

bool DashboardGrid::isShown(int panel) const
{
    if (panel < 0 || panel >= m_panels.size())
        return false;
    for (int owner = m_owner.at(panel); owner >= 0; owner = m_owner.at(owner)) {
        if (m_collapsed.at(owner))
            return false;
    }
    return true;
}

QList<QRect> DashboardGrid::cells() const
{
    return m_cells;
}

QList<QRect> DashboardGrid::rects(int width) const
{
    QList<QRect> out;
    out.reserve(m_cells.size());
    for (const QRect &cell : m_cells)
        out << (cell.isNull() ? QRect() : toPixels(cell, width));
    return out;
}

int DashboardGrid::pixelHeight() const
{
    return m_bottom > 0 ? m_bottom * (cellHeight + margin) - margin : 0;
}

QRect DashboardGrid::toPixels(const QRect &cell, int width)
{
    const double column = double(width - margin * (columns - 1)) / columns;
    const auto span = [](double size, int units) {
        return int(std::lround(size * units + std::max(0, units - 1) * margin));
    };
    return QRect(int(std::lround((column + margin) * cell.x())),
                 int(std::lround(double(cellHeight + margin) * cell.y())),
                 span(column, cell.width()), span(cellHeight, cell.height()));
}

void DashboardGrid::relayout()
{
    const int n = int(m_panels.size());
    m_cells = QList<QRect>(n);
    int cursor = 0; // the first free grid row: everything above is laid out
    int i = 0;
    while (i < n) {
        int header = -1;
        int start = i;
        if (isRow(m_panels.at(i))) {
            header = i;
            start = i + 1;
        }
        int end = start;
        while (end < n && !isRow(m_panels.at(end)))
            ++end;
        const bool headerShown = header < 0 || isShown(header);
        if (header >= 0 && headerShown)
            m_cells[header] = QRect(0, cursor++, columns, 1);
        if (headerShown && (header < 0 || !m_collapsed.at(header)) && start < end) {
            // Grafana keeps the panels' stored offsets from the first one and lets them fall
            // upwards (sorted by y, then x) until they meet the header or a panel placed before.
            const int firstY = m_panels.at(start).grid.y;
            QList<int> order;
            for (int k = start; k < end; ++k)
                order << k;
            std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
                const GridPos &ga = m_panels.at(a).grid;
                const GridPos &gb = m_panels.at(b).grid;
                return ga.y != gb.y ? ga.y < gb.y : ga.x < gb.x;
            });
            QList<QRect> placed;
            const auto collider = [&placed](const QRect &r) -> const QRect * {
                for (const QRect &p : placed) {
                    if (p.intersects(r))
                        return &p;
                }
                return nullptr;
            };
            int bottom = cursor;
            for (int index : std::as_const(order)) {
                const GridPos &g = m_panels.at(index).grid;
                const int w = std::clamp(g.w, 1, columns);
                const int x = std::clamp(g.x, 0, columns - w);
                QRect r(x, cursor + std::max(0, g.y - firstY), w, std::max(1, g.h));
                while (r.y() > cursor && !collider(r))
                    r.moveTop(r.y() - 1);
                while (const QRect *c = collider(r))
                    r.moveTop(c->y() + c->height());
                placed << r;
                m_cells[index] = r;
                bottom = std::max(bottom, r.y() + r.height());
            }
            cursor = bottom;
        }
        i = end;
    }
    m_bottom = cursor;
}

} // namespace Stackscope
