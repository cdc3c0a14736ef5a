// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace Stackscope {

class AlertFilterProxy;
class AlertHistoryModel;
class AlertHistoryView;
class AlertModel;
class RuleModel;
class SilenceDialog;
class SilenceModel;

/// The Alerts page: firing and pending alerts ordered by severity then name with filters
/// (severity, labels, text) and the selected alert's details; a Rules tab with the selected
/// rule's labels and annotations; a Silences tab.
/// Every server-supplied string is shown as plain text. It asks for actions through signals and
/// never speaks HTTP.
class AlertsPage : public QWidget
{
    Q_OBJECT
public:
    AlertsPage(AlertModel *alerts, SilenceModel *silences, RuleModel *rules,
               QWidget *parent = nullptr);

    /// One line above the tabs: which sources fail, whether what is shown is stale. Empty hides.
    void setStatus(const QString &text, bool problem);
    QString statusText() const;
    /// Selects the alert (clearing filters that hide it) and shows the Alerts tab.
    bool showAlert(const QString &fingerprint);
    QString currentFingerprint() const { return m_current; }
    /// Shows the outcome of a silence action for a while.
    void setActionMessage(const QString &text, bool problem);
    /// The answer to createSilenceRequested(): the ids Alertmanager gave and its errors, one per
    /// Alertmanager that refused. When every Alertmanager refused, the silence dialog stays open
    /// with their error text and everything the user typed; otherwise it closes and the page says
    /// what was created.
    void showSilenceResult(const QStringList &ids, const QStringList &errors);
    /// The open "New silence" dialog, if any.
    SilenceDialog *silenceDialog() const;
    void setAuthor(const QString &author) { m_author = author; }
    /// The Rules tab shows `rules` read from the stack's rule files, under `note` (which says
    /// that they come from the files, not from a running Prometheus), instead of Prometheus'
    /// rules; an empty `note` goes back to Prometheus' rules.
    void showRulesFromFiles(const QList<Rule> &rules, const QString &note);
    bool showsRulesFromFiles() const;
    /// The Rules tab's line above the rules; empty when hidden.
    QString rulesNote() const;
    /// What the Rules tab's details pane shows of the selected rule, one line per item.
    QString ruleDetailsText() const;

    /// Adds the History tab over `history` (the firing periods Stackscope saw). The page's text
    /// filter filters it too.
    void setHistoryModel(AlertHistoryModel *history);
    AlertHistoryView *historyView() const { return m_history; }

    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *alertView() const { return m_alertView; }
    QTreeView *silenceView() const { return m_silenceView; }
    QTreeView *ruleView() const { return m_ruleView; }
    AlertFilterProxy *alertProxy() const { return m_proxy; }
    QComboBox *severityFilter() const { return m_severity; }
    QLineEdit *labelFilter() const { return m_labelFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QWidget *detailsPanel() const { return m_details; }

Q_SIGNALS:
    void openChartRequested(const Stackscope::Alert &alert);
    /// "Traces around here": Jaeger's search for the alert's service (label `service`, else
    /// `job`) over the alert's time window.
    void openTracesRequested(const Stackscope::Alert &alert);
    void openUrlRequested(const QUrl &url);
    void createSilenceRequested(const Stackscope::Silence &silence);
    void expireSilenceRequested(const QString &id);
    void refreshRequested();

private:
    QWidget *buildAlertsTab();
    QWidget *buildRulesTab();
    QWidget *buildSilencesTab();
    void updateDetails();
    void updateRuleDetails();
    void silenceCurrent();
    void newSilence(const LabelSet &labels);

    AlertModel *m_alerts;
    SilenceModel *m_silenceModel;
    RuleModel *m_ruleModel;
    RuleModel *m_fileRuleModel = nullptr; ///< the stack's rule files, while Prometheus is away
    QSortFilterProxyModel *m_ruleProxy = nullptr;
    QLabel *m_rulesNote = nullptr;
    QWidget *m_ruleDetails = nullptr;
    QLabel *m_ruleTitle = nullptr;
    QLabel *m_ruleQuery = nullptr;
    QLabel *m_ruleFacts = nullptr;
    QLabel *m_ruleLabels = nullptr;
    QLabel *m_ruleAnnotations = nullptr;
    QPersistentModelIndex m_currentRule;
    AlertFilterProxy *m_proxy;
    QLabel *m_status;
    QLabel *m_actionMessage;
    QTabWidget *m_tabs;
    QComboBox *m_severity = nullptr;
    QLineEdit *m_labelFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QCheckBox *m_showPending = nullptr;
    QTreeView *m_alertView = nullptr;
    QTreeView *m_ruleView = nullptr;
    QTreeView *m_silenceView = nullptr;
    QWidget *m_details = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_labels = nullptr;
    QPushButton *m_chartButton = nullptr;
    QPushButton *m_runbookButton = nullptr;
    QPushButton *m_tracesButton = nullptr;
    QPushButton *m_silenceButton = nullptr;
    QString m_current;
    QString m_author;
    QPointer<SilenceDialog> m_silenceDialog;
    AlertHistoryView *m_history = nullptr;
};

} // namespace Stackscope
