// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/spanstatistics.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QTableView;
class QToolButton;

namespace Stackscope {

class SpanStatisticsModel;

/// The span statistics of a trace: a "group by" choice (service, operation, both, or any of the
/// trace's tag keys) over a sortable table (SpanStatisticsModel) of count, total, self time,
/// average, p95, maximum and errors. Computed off the GUI thread when the view is shown or the
/// grouping changes; a newer request drops an older answer. Selecting rows emits their spans,
/// which the trace view marks in the timeline and the flame graph.
class SpanStatisticsView : public QWidget
{
    Q_OBJECT
public:
    explicit SpanStatisticsView(QWidget *parent = nullptr);

    void setTraceLayout(TraceLayoutPtr layout);
    /// Groups by a tag key when `by` is Tag.
    void setGroupBy(SpanStatistics::GroupBy by, const QString &tagKey = {});
    bool isReady() const { return m_ready; }
    /// Where the marked spans' next/previous stands (from the timeline), for the label.
    void setMarkPosition(int current, int count);

    SpanStatisticsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *groupBox() const { return m_groupBy; }

Q_SIGNALS:
    /// The spans of the selected rows (span indexes, depth-first order per row); empty for none.
    void spansSelected(const std::vector<qint32> &spans);
    void nextSpanRequested();
    void previousSpanRequested();
    void statisticsReady();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void compute();
    void fillGroupBox();
    void emitSelection();

    TraceLayoutPtr m_layout;
    SpanStatisticsModel *m_model;
    QComboBox *m_groupBy;
    QLabel *m_summary;
    QLabel *m_markLabel;
    QToolButton *m_previous;
    QToolButton *m_next;
    QTableView *m_table;
    quint64 m_generation = 0;
    bool m_ready = false;
    bool m_pending = false; ///< a computation is on its way
};

} // namespace Stackscope
