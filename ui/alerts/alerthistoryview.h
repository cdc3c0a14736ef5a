// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertperiod.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace Stackscope {

class AlertHistoryModel;

/// The Alerts page's History tab: every firing period Stackscope saw (newest first, sortable by
/// any column, filtered by the page's text filter) and the selected period's details: its
/// labels, times, how often that alert fired, and whether it was silenced. Plain text only.
class AlertHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit AlertHistoryView(AlertHistoryModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filter() const { return m_filter; }
    /// What the details pane shows of the selected period, one line per item (empty: none).
    QString detailsText() const;
    /// The selected period, if any.
    bool currentPeriod(AlertPeriod *period) const;

Q_SIGNALS:
    /// "Open as chart" on a period: the alert's labels over that period.
    void openChartRequested(const Stackscope::AlertPeriod &period);

private:
    void updateDetails();

    AlertHistoryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_view;
    QLabel *m_count;
    QLabel *m_details;
    QPushButton *m_chart;
};

} // namespace Stackscope
