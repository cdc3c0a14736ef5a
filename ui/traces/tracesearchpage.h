// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracequery.h"
#include "models/traces/traceresultsmodel.h"
#include "models/traces/tracesource.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QScatterSeries;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace Stackscope {

/// The search form (service, operation, tags, lookback or custom range, min/max duration,
/// limit), the results as a sortable table, and a scatter chart of duration over time whose
/// points open the trace. It states queries; the feature sends them.
class TraceSearchPage : public QWidget
{
    Q_OBJECT
public:
    explicit TraceSearchPage(QWidget *parent = nullptr);

    void setServices(const QStringList &services);
    void setOperations(const QString &service, const QStringList &operations);
    /// New results (the previous ones are replaced).
    void setResults(const QList<TraceSummary> &results);
    /// A line above the results: progress, or a problem (the results on screen stay, marked stale).
    void setStatus(const QString &text, bool problem);
    /// Jaeger's services cannot be listed: shown as the status (a problem). An empty problem
    /// clears the status only while it still shows the last services problem, not a later line.
    void setServicesProblem(const QString &problem);
    /// Prepares the form for a service over a time window (from "Traces around here").
    void prepare(const QString &service, const QDateTime &start, const QDateTime &end);

    /// The query the form states now; empty `error` when it is valid.
    TraceQuery query(QString *error = nullptr) const;
    /// "key=value key2=\"two words\"" → pairs; sets error on a malformed part.
    static QList<QPair<QString, QString>> parseTags(const QString &text, QString *error);

    TraceResultsModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QComboBox *serviceBox() const { return m_service; }
    QComboBox *operationBox() const { return m_operation; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QScatterSeries *scatter() const { return m_points; }
    QLabel *status() const { return m_status; }
    QPushButton *compareButton() const { return m_compare; }
    /// The selected results, earlier start first.
    QList<TraceSummary> selectedResults() const;

public Q_SLOTS:
    void submit();
    /// Asks to compare the two selected results (the earlier one is A); nothing unless two are.
    void compareSelected();

Q_SIGNALS:
    void serviceChanged(const QString &service);
    void searchRequested(const Stackscope::TraceQuery &query);
    void openRequested(const Stackscope::TraceSummary &summary);
    void openTraceIdRequested(const QString &traceId);
    void refreshServicesRequested();
    void compareRequested(const Stackscope::TraceSource &a, const Stackscope::TraceSource &b);

private:
    void updateChart();
    void openPoint(const QPointF &point);

    QComboBox *m_service;
    QComboBox *m_operation;
    QLineEdit *m_tags;
    QComboBox *m_lookback;
    QDateTimeEdit *m_start;
    QDateTimeEdit *m_end;
    QLineEdit *m_minDuration;
    QLineEdit *m_maxDuration;
    QSpinBox *m_limit;
    QPushButton *m_findButton;
    QPushButton *m_compare;
    QLineEdit *m_traceId;
    QLabel *m_status;
    TraceResultsModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QChartView *m_chartView;
    QScatterSeries *m_points;
    QScatterSeries *m_errorPoints;
    bool m_showsServicesProblem = false; ///< the status line is setServicesProblem()'s
};

} // namespace Stackscope
