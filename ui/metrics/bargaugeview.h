// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

namespace Stackscope {

/// Grafana's bar gauge: one bar per series, its last value against the panel's min and max,
/// coloured by the thresholds, in basic, gradient or LCD mode, horizontal (bars stacked, names
/// above or beside them) or vertical (bars side by side, names under them); "auto" chooses as
/// Grafana does (vertical bars in a panel wider than high). Names and values are sized to fit
/// and elided only when the panel is too small for them.
class BarGaugeView : public QWidget
{
    Q_OBJECT
public:
    /// Where one bar and its texts go (the layout, for painting and for tests).
    struct Bar
    {
        QString name;
        QString valueText;
        double value = 0;
        double fill = 0; ///< 0..1 of the bar, from min to max
        QColor color;    ///< the value's colour: its mapping's, the field's fixed one, thresholds'
        bool solid = false; ///< a mapping's, a fixed or an override's colour: drawn plain
        QRectF bar;         ///< the whole bar, filled and unfilled
        QRectF nameRect;
        QRectF valueRect;
        QString shownName; ///< the name as drawn (elided when it does not fit)
        QFont nameFont;    ///< smaller than the view's (down to 70 %) when names need it
        QFont valueFont;   ///< bold
    };

    explicit BarGaugeView(const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    /// Whether the bars are drawn vertically at this size (after "auto").
    bool vertical(const QSizeF &size) const;
    /// The layout at `size`.
    QList<Bar> layout(const QSizeF &size) const;
    /// The range the bars span: the panel's min and max, else 0 (or the least value when
    /// negative) to the largest value.
    std::pair<double, double> range() const;
    /// LCD mode: how many cells a bar of `length` pixels has.
    static int lcdCells(double length);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void paintBar(QPainter &p, const Bar &bar, bool vertical, double min, double max) const;

    Panel m_panel;
    PanelData m_data;
};

} // namespace Stackscope
