// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

namespace Stackscope {

/// Grafana's state timeline and status history: one lane per series over the panel's time
/// range, its name to the left. The state timeline draws a region per run of equal values
/// (merged unless the panel says not to); the status history draws one cell per sample. Each
/// region is coloured by the thresholds (or, without thresholds, one palette colour per distinct
/// value) and carries its value's text when the text fits. A missing value is a gap.
class StateTimelineView : public QWidget
{
    Q_OBJECT
public:
    struct Region
    {
        QRectF rect;
        double value = 0;
        QColor color;
        QString text;
        bool textShown = false;
    };
    struct Lane
    {
        QString name;
        QString shownName; ///< elided to the name column
        QRectF nameRect;
        QList<Region> regions;
    };

    explicit StateTimelineView(const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    bool statusHistory() const { return m_panel.type == Panel::Type::StatusHistory; }
    /// The lanes at `size` (the time axis takes the bottom line of it).
    QList<Lane> lanes(const QSizeF &size) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor colorOf(double value) const;
    std::pair<qint64, qint64> timeRange() const;

    Panel m_panel;
    PanelData m_data;
    QList<double> m_distinct; ///< the distinct values, for colours without thresholds
};

} // namespace Stackscope
