// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QList>
#include <QRect>

namespace Stackscope {

/// Where a dashboard's panels are drawn, as Grafana lays them out: the 24-column grid of
/// `gridPos`, rows that open and close, and its gravity (react-grid-layout's vertical compaction):
/// a panel moves up until it meets another, and panels whose positions overlap are pushed down.
///
/// A row's panels are those that follow it in the dashboard's order (the loader keeps Grafana's
/// order: top-level panels by y then x, a collapsed row's stored panels right after it). Every
/// row header is always reachable; opening a row lays its panels out right under its header,
/// relative to its first panel's stored y, and pushes everything below down. A row stored
/// inside a collapsed row (Panel::nested) belongs to that row: hidden while it is closed.
///
/// A value: the page keeps one per dashboard and places its widgets where rects() says; tests
/// check the layout without widgets.
class DashboardGrid
{
public:
    static constexpr int columns = 24;
    static constexpr int cellHeight = 30; ///< Grafana's GRID_CELL_HEIGHT, pixels
    static constexpr int margin = 8;      ///< Grafana's GRID_CELL_VMARGIN, both ways, pixels

    DashboardGrid() = default;
    /// Rows start as the dashboard stores them (Panel::collapsed).
    explicit DashboardGrid(const QList<Panel> &panels);

    qsizetype size() const { return m_panels.size(); }
    /// The indices of the row panels, in order.
    QList<int> rows() const;
    /// The row a panel belongs to (its header's index), -1 before the first row.
    int rowOf(int panel) const { return m_owner.value(panel, -1); }
    /// The panels under a row (not counting rows nested in it).
    QList<int> rowPanels(int row) const;
    bool isCollapsed(int row) const { return m_collapsed.value(row, false); }
    /// Opens or closes a row; returns whether that changed anything.
    bool setCollapsed(int row, bool collapsed);

    /// Whether a panel is on the grid (not inside a closed row).
    bool isShown(int panel) const;
    /// Each panel's place in grid units (x, y, w, h); a null rect for a hidden one.
    QList<QRect> cells() const;
    /// The same in pixels for a grid `width` pixels wide (Grafana's calcGridItemPosition).
    QList<QRect> rects(int width) const;
    /// The grid's height in pixels.
    int pixelHeight() const;
    /// One grid cell rect in pixels.
    static QRect toPixels(const QRect &cell, int width);

private:
    void relayout();

    QList<Panel> m_panels;
    QList<int> m_owner;      ///< per panel: the row it belongs to, -1 for none
    QList<bool> m_collapsed; ///< per panel (rows only)
    QList<QRect> m_cells;    ///< the current layout
    int m_bottom = 0;        ///< in grid units
};

} // namespace Stackscope
