// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>
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
class AlertGroupModel;
class AlertHistoryModel;
class AlertHistoryView;
class AlertModel;
class LabelChips;
class RuleModel;
class SilenceDialog;
class SilenceModel;

/// The Alerts page: firing and pending alerts ordered by severity then name with filters
/// (severity, Alertmanager matchers, text), grouped as Alertmanager groups them, by a label the
/// user picks, or not at all (the choice is remembered in QSettings), and the selected alert's
/// details with its labels as chips (click: filter by it, shift-click: exclude it); a Rules tab
/// with the selected rule's labels and annotations; a Silences tab where silences are created
/// (with a preview of the alerts they catch), edited, extended, duplicated and expired, and where
/// the ones that end soon or that Stackscope acknowledged "until resolved" are marked. The
/// selected alert's details say which silence covers it and whether it ends soon, or which one
/// covered it until recently.
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
    /// The ids of the silences Stackscope acknowledged until resolved (Acknowledgements).
    void setUntilResolved(const QStringList &silenceIds);
    /// Opens the silence dialog prefilled with `silence`: an edit when it has an id.
    void editSilence(const Silence &silence);
    /// The open silence dialog on a copy of `silence` without its id.
    void duplicateSilence(const Silence &silence);
    /// The selected silence extended by `seconds` from its end (or from now, if later), asked
    /// for with updateSilenceRequested().
    void extendSelectedSilence(qint64 seconds);
    /// What the Silences tab's details pane shows of the selected silence.
    QString silenceDetailsText() const;
    /// What the Alerts tab's details pane shows, one line per label.
    QString alertDetailsText() const;
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
    QComboBox *groupByBox() const { return m_groupBy; }
    AlertGroupModel *groupModel() const { return m_groups; }
    LabelChips *labelChips() const { return m_chips; }
    /// The matcher box's complaint about its text; empty when it parses.
    QString filterError() const;

    /// How the alerts are grouped: "alertmanager" (Alertmanager's groups), "none", or
    /// "label:NAME". Remembered under settingsKey().
    void setGrouping(const QString &grouping);
    QString grouping() const;
    static QString settingsKey() { return QStringLiteral("alerts/groupBy"); }
    /// Alertmanager's groups of the last poll (AlertsSnapshot::groups).
    void setAlertmanagerGroups(const QList<Stackscope::AlertGroupInfo> &groups);
    /// Without an Alertmanager (Prometheus alone) the default grouping is by alert name.
    void setAlertmanagerConfigured(bool configured);
    /// Adds `name="value"` (or `name!="value"` when `exclude`) to the matcher box.
    void addMatcher(const QString &name, const QString &value, bool exclude);

Q_SIGNALS:
    void openChartRequested(const Stackscope::Alert &alert);
    /// "Traces around here": Jaeger's search for the alert's service (label `service`, else
    /// `job`) over the alert's time window.
    void openTracesRequested(const Stackscope::Alert &alert);
    void openUrlRequested(const QUrl &url);
    void createSilenceRequested(const Stackscope::Silence &silence);
    /// The silence's id stays: Alertmanager updates it (or replaces it: new matchers). The
    /// answer goes to showSilenceResult() when it came from the dialog.
    void updateSilenceRequested(const Stackscope::Silence &silence);
    /// "Extend": the same silence with a later end.
    void extendSilenceRequested(const Stackscope::Silence &silence);
    /// "Acknowledge until resolved": a silence for exactly this alert that Stackscope expires
    /// once it has resolved.
    void acknowledgeRequested(const Stackscope::Alert &alert);
    void expireSilenceRequested(const QString &id);
    void refreshRequested();

private:
    QWidget *buildAlertsTab();
    QWidget *buildRulesTab();
    QWidget *buildSilencesTab();
    void updateDetails();
    void updateRuleDetails();
    QString inhibitorsText(const Alert &alert) const;
    void silenceCurrent();
    /// The silence dialog for exactly `alert` (its cluster's), or blank for an empty Alert.
    void newSilence(const Alert &alert);
    void openSilenceDialog(const Silence &initial);
    void updateSilenceDetails();
    Silence selectedSilence() const;
    void acknowledgeCurrent();
    void showAlertMenu(const QPoint &pos);
    void applyGrouping();
    void prepareGroupRows(int first, int last);
    void connectSelection();

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
    AlertGroupModel *m_groups;
    QComboBox *m_groupBy = nullptr;
    QLabel *m_filterError = nullptr;
    LabelChips *m_chips = nullptr;
    QSet<QString> m_collapsed; ///< keys of the groups the user collapsed
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
    QPushButton *m_chartButton = nullptr;
    QPushButton *m_runbookButton = nullptr;
    QPushButton *m_tracesButton = nullptr;
    QPushButton *m_silenceButton = nullptr;
    QPushButton *m_ackButton = nullptr;
    QLabel *m_silenceInfo = nullptr; ///< the alert's silences: covering, ending soon, ended
    QLabel *m_silenceDetails = nullptr;
    QList<QPushButton *> m_silenceActions; ///< edit, extend, duplicate, expire
    QString m_current;
    QString m_author;
    QPointer<SilenceDialog> m_silenceDialog;
    AlertHistoryView *m_history = nullptr;
};

} // namespace Stackscope
