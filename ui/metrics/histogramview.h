// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/buckets.h"
#include "models/metrics/dashboard.h"
#include "models/metrics/paneldata.h"

#include <QWidget>

namespace Stackscope {

/// Grafana's histogram: a bar per bucket of the series' values (models/metrics/buckets.h's
/// histogram()), its height the count, the x axis in the panel's unit; one colour per series
/// side by side in each bucket, or one set of bars when the panel combines them. A legend names
/// the series when there are several. Hovering a bucket shows its range and counts.
class HistogramView : public QWidget
{
    Q_OBJECT
public:
    struct Bar
    {
        QRectF rect;
        int set = 0; ///< the series (0 when combined)
        int bucket = 0;
        int count = 0;
        QColor color;
    };

    explicit HistogramView(const Panel &panel, QWidget *parent = nullptr);

    void setData(const PanelData &data);
    const Histogram &histogram() const { return m_histogram; }
    /// The plot area at a size (inside the axes).
    QRectF plotAt(const QSizeF &size) const;
    /// The bars at `size` (a count of 0 has none).
    QList<Bar> bars(const QSizeF &size) const;
    /// A bucket's range in the panel's unit ("100 B – 150 B").
    QString bucketRange(int bucket) const;
    QString toolTipAt(const QPointF &pos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    double legendHeight() const;

    Panel m_panel;
    Histogram m_histogram;
};

} // namespace Stackscope
