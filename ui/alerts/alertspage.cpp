// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/alertspage.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/common/weburl.h"
#include "ui/plaintooltips.h"

#include "models/alerts/alertfilterproxy.h"
#include "models/alerts/alertgroupmodel.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "ui/alerts/alerthistoryview.h"
#include "ui/alerts/labelchips.h"
#include "ui/alerts/silencedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QLabel *plainLabel(QWidget *parent, bool wrap = true)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // rule authors' text, never rich text
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QTreeView *tableView(QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideRight);
    showItemToolTipsAsPlainText(view); // labels and annotations are the server's text
    return view;
}

} // namespace

AlertsPage::AlertsPage(AlertModel *alerts, SilenceModel *silences, RuleModel *rules,
                       QWidget *parent)
    : QWidget(parent)
    , m_alerts(alerts)
    , m_silenceModel(silences)
    , m_ruleModel(rules)
    , m_proxy(new AlertFilterProxy(this))
    , m_groups(new AlertGroupModel(this))
    , m_status(plainLabel(this))
    , m_actionMessage(plainLabel(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"AlertsPage"_s);
    m_proxy->setSourceModel(alerts);
    m_groups->setSourceModels(alerts, m_proxy);
    m_status->hide();
    m_actionMessage->hide();
    m_tabs->addTab(buildAlertsTab(), tr("Alerts"));
    m_tabs->addTab(buildRulesTab(), tr("Rules"));
    m_tabs->addTab(buildSilencesTab(), tr("Silences"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_actionMessage);
    layout->addWidget(m_tabs, 1);

    const auto refreshDetails = [this] {
        updateDetails();
    };
    connect(alerts, &QAbstractItemModel::dataChanged, this, refreshDetails);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, refreshDetails);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, [this] {
        updateDetails();
        // Keep the tab title honest: "Alerts (3)".
    });
    // Once per event-loop turn: a poll removes alerts in many runs, each a signal, and counting
    // 2,000 alerts after each one was a measurable part of a refresh.
    auto *retitleTimer = new QTimer(this);
    retitleTimer->setSingleShot(true);
    retitleTimer->setInterval(0);
    const auto retitleNow = [this] {
        m_tabs->setTabText(0, tr("Alerts (%1 firing)").arg(m_alerts->firingCount()));
        m_tabs->setTabText(2, tr("Silences (%1)").arg(m_silenceModel->rowCount()));
        // Several Alertmanager clusters: which one an alert comes from is a column.
        m_alertView->setColumnHidden(AlertModel::ClusterColumn, !m_alerts->hasClusters());
    };
    connect(retitleTimer, &QTimer::timeout, this, retitleNow);
    const auto retitle = [retitleTimer] {
        retitleTimer->start();
    };
    connect(alerts, &QAbstractItemModel::dataChanged, this, retitle);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, retitle);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, retitle);
    connect(silences, &QAbstractItemModel::rowsInserted, this, retitle);
    connect(silences, &QAbstractItemModel::rowsRemoved, this, retitle);
    // The alert's silence lines follow the silences (a new one, one that ended).
    connect(silences, &QAbstractItemModel::rowsInserted, this, refreshDetails);
    connect(silences, &QAbstractItemModel::dataChanged, this, refreshDetails);
    // "Ends soon" follows the clock, not only the polls.
    auto *clock = new QTimer(this);
    clock->setInterval(30000);
    connect(clock, &QTimer::timeout, m_silenceModel, &SilenceModel::refreshExpiring);
    clock->start();
    retitleNow();
    updateDetails();
}

void AlertsPage::setHistoryModel(AlertHistoryModel *history)
{
    if (m_history || !history)
        return;
    m_history = new AlertHistoryView(history, m_tabs);
    m_tabs->addTab(m_history, tr("History"));
    // One text filter for the page: typed on either tab, it filters both.
    m_history->filter()->setText(m_textFilter->text());
    connect(m_textFilter, &QLineEdit::textChanged, m_history->filter(), &QLineEdit::setText);
    connect(m_history->filter(), &QLineEdit::textChanged, m_textFilter, &QLineEdit::setText);
    connect(m_history, &AlertHistoryView::openChartRequested, this,
            [this](const AlertPeriod &period) {
                Alert alert;
                alert.fingerprint = period.fingerprint;
                alert.labels = period.labels;
                alert.startsAt = period.from;
                alert.endsAt = period.to;
                // The rule's expression, when the rule is known.
                for (const Rule &rule : m_ruleModel->items()) {
                    if (rule.alerting && rule.name == period.name) {
                        alert.query = rule.query;
                        break;
                    }
                }
                Q_EMIT openChartRequested(alert);
            });
}

QWidget *AlertsPage::buildAlertsTab()
{
    auto *tab = new QWidget;
    m_severity = new QComboBox(tab);
    m_severity->addItem(tr("All severities"), 0);
    m_severity->addItem(tr("info and above"), 1);
    m_severity->addItem(tr("warning and above"), 2);
    m_severity->addItem(tr("critical only"), 3);
    m_labelFilter = new QLineEdit(tab);
    m_labelFilter->setObjectName(u"matcherFilter"_s);
    m_labelFilter->setPlaceholderText(tr("Matchers: severity=\"critical\", job=~\"node.*\""));
    m_labelFilter->setToolTip(tr("Alertmanager's matchers: name=\"value\", name!=\"value\", "
                                 "name=~\"regex\", name!~\"regex\", separated by commas"));
    m_labelFilter->setClearButtonEnabled(true);
    m_filterError = plainLabel(tab);
    m_filterError->setObjectName(u"matcherError"_s);
    m_filterError->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
    m_filterError->hide();
    m_textFilter = new QLineEdit(tab);
    m_textFilter->setPlaceholderText(tr("Search name, labels, summary"));
    m_textFilter->setClearButtonEnabled(true);
    m_showPending = new QCheckBox(tr("Pending"), tab);
    m_showPending->setChecked(true);
    m_showPending->setToolTip(tr("Show alerts that are pending in Prometheus (their for: has not "
                                 "passed yet)"));
    auto *refresh = new QPushButton(QIcon::fromTheme(u"view-refresh"_s), tr("Refresh"), tab);
    connect(refresh, &QPushButton::clicked, this, &AlertsPage::refreshRequested);

    // Grouping: Alertmanager's groups, none, or by a label (typed in, or one of the usual ones).
    m_groupBy = new QComboBox(tab);
    m_groupBy->setObjectName(u"groupBy"_s);
    m_groupBy->setEditable(true);
    m_groupBy->setInsertPolicy(QComboBox::NoInsert);
    m_groupBy->setToolTip(tr("Group the alerts as Alertmanager groups them, by a label (type "
                             "its name), or not at all"));
    m_groupBy->addItem(tr("Alertmanager groups"), u"alertmanager"_s);
    m_groupBy->addItem(tr("No grouping"), u"none"_s);
    for (const QString &label : {u"alertname"_s, u"severity"_s, u"instance"_s, u"job"_s,
                                 u"cluster"_s, u"namespace"_s, u"service"_s})
        m_groupBy->addItem(tr("By %1").arg(label), QString(u"label:"_s + label));
    m_groupBy->setMinimumContentsLength(18);

    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(m_severity->currentData().toInt()); });
    connect(m_labelFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const QString error = m_proxy->setMatcherFilter(text);
        m_labelFilter->setStyleSheet(error.isEmpty() ? QString()
                                                     : Palette::textStyle(Palette::Tone::Bad));
        m_filterError->setText(error.isEmpty() ? QString()
                                               : tr("The filter is not applied: %1").arg(error));
        m_filterError->setVisible(!error.isEmpty());
    });
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &AlertFilterProxy::setTextFilter);
    connect(m_showPending, &QCheckBox::toggled, m_proxy, &AlertFilterProxy::setShowPending);
    connect(m_groupBy, &QComboBox::activated, this, [this] { applyGrouping(); });
    connect(m_groupBy->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        const QString typed = m_groupBy->currentText().trimmed();
        if (m_groupBy->findText(typed) >= 0) {
            m_groupBy->setCurrentIndex(m_groupBy->findText(typed));
        } else {
            static const QRegularExpression labelName(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
            if (!labelName.match(typed).hasMatch()) {
                m_groupBy->setEditText(m_groupBy->itemText(m_groupBy->currentIndex()));
                return;
            }
            setGrouping(u"label:"_s + typed);
            return;
        }
        applyGrouping();
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_groupBy);
    filters->addWidget(m_severity);
    filters->addWidget(m_labelFilter, 1);
    filters->addWidget(m_textFilter, 1);
    filters->addWidget(m_showPending);
    filters->addWidget(refresh);

    m_alertView = tableView(tab);
    m_alertView->setObjectName(u"alertView"_s);
    m_alertView->setModel(m_proxy);
    m_alertView->setSortingEnabled(true);
    m_alertView->sortByColumn(AlertModel::SeverityColumn, Qt::AscendingOrder);
    m_alertView->header()->setStretchLastSection(false);
    connectSelection();
    connect(m_alertView, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(AlertGroupModel::IsGroupRole).toBool())
            silenceCurrent();
    });
    // Group header rows span the table and open expanded, unless the user closed them.
    connect(m_groups, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (!parent.isValid())
                    prepareGroupRows(first, last);
            });
    m_alertView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_alertView, &QWidget::customContextMenuRequested, this, &AlertsPage::showAlertMenu);
    connect(m_groups, &QAbstractItemModel::modelReset, this,
            [this] { prepareGroupRows(0, m_groups->rowCount() - 1); });
    connect(m_alertView, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (index.model() == m_groups && !index.parent().isValid())
            m_collapsed.insert(index.data(AlertGroupModel::GroupKeyRole).toString());
    });
    connect(m_alertView, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (index.model() == m_groups && !index.parent().isValid())
            m_collapsed.remove(index.data(AlertGroupModel::GroupKeyRole).toString());
    });

    m_details = new QWidget(tab);
    m_details->setObjectName(u"alertDetails"_s);
    m_title = plainLabel(m_details);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_summary = plainLabel(m_details);
    m_description = plainLabel(m_details);
    m_facts = plainLabel(m_details);
    m_silenceInfo = plainLabel(m_details);
    m_silenceInfo->setObjectName(u"alertSilenceInfo"_s);
    m_chips = new LabelChips(m_details);
    m_chips->setObjectName(u"labelChips"_s);
    connect(m_chips, &LabelChips::chipClicked, this, &AlertsPage::addMatcher);
    m_chartButton
        = new QPushButton(QIcon::fromTheme(u"office-chart-line"_s), tr("Open as chart"), m_details);
    m_runbookButton
        = new QPushButton(QIcon::fromTheme(u"help-contents"_s), tr("Runbook"), m_details);
    m_tracesButton = new QPushButton(QIcon::fromTheme(u"view-list-tree"_s),
                                     tr("Traces around here"), m_details);
    connect(m_tracesButton, &QPushButton::clicked, this, [this] {
        const int row = m_alerts->rowOf(m_current);
        if (row >= 0)
            Q_EMIT openTracesRequested(m_alerts->at(row));
    });
    m_silenceButton
        = new QPushButton(QIcon::fromTheme(u"notifications-disabled"_s), tr("Silence…"), m_details);
    connect(m_chartButton, &QPushButton::clicked, this, [this] {
        const int row = m_alerts->rowOf(m_current);
        if (row >= 0)
            Q_EMIT openChartRequested(m_alerts->at(row));
    });
    connect(m_runbookButton, &QPushButton::clicked, this, [this] {
        const int row = m_alerts->rowOf(m_current);
        if (row < 0)
            return;
        const QUrl url = webUrl(m_alerts->at(row).runbookUrl());
        if (!url.isEmpty())
            Q_EMIT openUrlRequested(url);
    });
    connect(m_silenceButton, &QPushButton::clicked, this, &AlertsPage::silenceCurrent);
    m_ackButton = new QPushButton(QIcon::fromTheme(u"checkmark"_s), tr("Acknowledge"), m_details);
    m_ackButton->setToolTip(tr("Silence exactly this alert until it resolves: Stackscope expires "
                               "the silence then, and renews it while the alert fires"));
    connect(m_ackButton, &QPushButton::clicked, this, &AlertsPage::acknowledgeCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_chartButton);
    buttons->addWidget(m_tracesButton);
    buttons->addWidget(m_runbookButton);
    buttons->addWidget(m_silenceButton);
    buttons->addWidget(m_ackButton);
    buttons->addStretch(1);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_description);
    detailsLayout->addWidget(m_facts);
    detailsLayout->addWidget(m_silenceInfo);
    detailsLayout->addWidget(m_chips);
    detailsLayout->addLayout(buttons);
    detailsLayout->addStretch(1);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_alertView);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(m_filterError);
    layout->addWidget(splitter, 1);

    const QString remembered = QSettings().value(settingsKey(), u"alertmanager"_s).toString();
    setGrouping(remembered);
    if (grouping() != remembered) // a stored value this build does not know
        setGrouping(u"alertmanager"_s);
    return tab;
}

void AlertsPage::connectSelection()
{
    connect(m_alertView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_current = current.data(AlertModel::FingerprintRole).toString();
                updateDetails();
            });
}

void AlertsPage::setGrouping(const QString &grouping)
{
    int index = m_groupBy->findData(grouping);
    if (index < 0 && grouping.startsWith(u"label:"_s) && grouping.size() > 6) {
        m_groupBy->addItem(tr("By %1").arg(grouping.mid(6)), grouping);
        index = m_groupBy->count() - 1;
    }
    if (index < 0)
        return;
    m_groupBy->setCurrentIndex(index);
    applyGrouping();
}

QString AlertsPage::grouping() const
{
    return m_groupBy->currentData().toString();
}

void AlertsPage::applyGrouping()
{
    const QString choice = grouping();
    const bool grouped = choice != u"none"_s;
    if (choice.startsWith(u"label:"_s))
        m_groups->setGrouping(AlertGroupModel::Grouping::Label, choice.mid(6));
    else if (grouped)
        m_groups->setGrouping(AlertGroupModel::Grouping::Alertmanager);
    QAbstractItemModel *model = grouped ? static_cast<QAbstractItemModel *>(m_groups) : m_proxy;
    if (m_alertView->model() != model) {
        QItemSelectionModel *old = m_alertView->selectionModel();
        m_alertView->setModel(model);
        delete old;
        connectSelection();
    }
    m_alertView->setRootIsDecorated(grouped);
    m_alertView->header()->setSectionResizeMode(AlertModel::SummaryColumn, QHeaderView::Stretch);
    m_alertView->setColumnWidth(AlertModel::SeverityColumn, 100); // "Schweregrad" fits
    m_alertView->setColumnWidth(AlertModel::NameColumn, 170);
    m_alertView->setColumnWidth(AlertModel::StateColumn, 105);
    m_alertView->setColumnWidth(AlertModel::SinceColumn, 75);
    m_alertView->setColumnWidth(AlertModel::LabelsColumn, 190);
    m_alertView->setColumnWidth(AlertModel::ValueColumn, 65);
    m_alertView->setColumnWidth(AlertModel::SourcesColumn, 200);
    m_alertView->setColumnWidth(AlertModel::ClusterColumn, 90);
    // The details panel says which servers reported the selected alert.
    m_alertView->setColumnHidden(AlertModel::SourcesColumn, true);
    m_alertView->setColumnHidden(AlertModel::ClusterColumn, !m_alerts->hasClusters());
    if (grouped) {
        m_groups->sync();
        prepareGroupRows(0, m_groups->rowCount() - 1);
    }
    QSettings().setValue(settingsKey(), choice);
    if (!m_current.isEmpty()) {
        const QString current = m_current;
        showAlert(current);
    }
}

void AlertsPage::prepareGroupRows(int first, int last)
{
    if (m_alertView->model() != m_groups || last < first)
        return;
    for (int row = first; row <= last; ++row)
        m_alertView->setFirstColumnSpanned(row, {}, true);
    if (first == 0 && last == m_groups->rowCount() - 1 && m_collapsed.isEmpty()) {
        m_alertView->expandAll(); // one layout pass, not one per group
        return;
    }
    for (int row = first; row <= last; ++row) {
        const QModelIndex group = m_groups->index(row, 0);
        if (!m_collapsed.contains(group.data(AlertGroupModel::GroupKeyRole).toString()))
            m_alertView->expand(group);
    }
}

void AlertsPage::setAlertmanagerGroups(const QList<AlertGroupInfo> &groups)
{
    m_groups->setAlertmanagerGroups(groups);
}

void AlertsPage::setAlertmanagerConfigured(bool configured)
{
    if (m_groups->isWithoutAlertmanager() == !configured)
        return;
    m_groups->setWithoutAlertmanager(!configured); // a reset, which the view takes after us:
    prepareGroupRows(0, m_groups->rowCount() - 1); // the headers' spans are set again here
    // Without an Alertmanager there are no Alertmanager groups: the choice says what it does.
    const int item = m_groupBy->findData(u"alertmanager"_s);
    m_groupBy->setItemText(item, configured ? tr("Alertmanager groups")
                                            : tr("By alertname (no Alertmanager)"));
}

QString AlertsPage::filterError() const
{
    return m_filterError->isHidden() ? QString() : m_filterError->text();
}

void AlertsPage::addMatcher(const QString &name, const QString &value, bool exclude)
{
    const SilenceMatcher wanted{name, value, false, !exclude};
    const SilenceMatcher opposite{name, value, false, exclude};
    QList<SilenceMatcher> matchers;
    if (!m_labelFilter->text().trimmed().isEmpty()
        && parseMatchers(m_labelFilter->text(), &matchers).isEmpty()) {
        matchers.removeAll(opposite);
        if (matchers.contains(wanted))
            return;
    } else {
        matchers.clear(); // an unreadable filter is replaced
    }
    matchers << wanted;
    QStringList parts;
    for (const SilenceMatcher &m : std::as_const(matchers))
        parts << m.text();
    m_labelFilter->setText(parts.join(u", "_s));
}

QWidget *AlertsPage::buildRulesTab()
{
    auto *tab = new QWidget;
    m_fileRuleModel = new RuleModel(tab);
    m_ruleProxy = new QSortFilterProxyModel(tab);
    m_ruleProxy->setSourceModel(m_ruleModel);
    m_ruleProxy->setFilterKeyColumn(-1);
    m_ruleProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_rulesNote = plainLabel(tab);
    m_rulesNote->setObjectName(u"rulesNote"_s);
    m_rulesNote->setStyleSheet(Palette::noticeStyle(false));
    m_rulesNote->hide();
    auto *search = new QLineEdit(tab);
    search->setPlaceholderText(tr("Search rules"));
    search->setClearButtonEnabled(true);
    connect(search, &QLineEdit::textChanged, m_ruleProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_ruleView = tableView(tab);
    m_ruleView->setObjectName(u"ruleView"_s);
    m_ruleView->setModel(m_ruleProxy);
    m_ruleView->setSortingEnabled(true);
    m_ruleView->setColumnWidth(RuleModel::GroupColumn, 120);
    m_ruleView->setColumnWidth(RuleModel::NameColumn, 180);
    m_ruleView->setColumnWidth(RuleModel::QueryColumn, 320);
    // The selected rule's details below the table, as the Alerts tab shows an alert's: what the
    // columns cannot hold (the whole expression, labels, annotations, the file).
    m_ruleDetails = new QWidget(tab);
    m_ruleDetails->setObjectName(u"ruleDetails"_s);
    m_ruleTitle = plainLabel(m_ruleDetails);
    m_ruleTitle->setFont(m_title->font());
    m_ruleQuery = plainLabel(m_ruleDetails);
    m_ruleQuery->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ruleFacts = plainLabel(m_ruleDetails);
    m_ruleAnnotations = plainLabel(m_ruleDetails);
    m_ruleLabels = plainLabel(m_ruleDetails);
    m_ruleLabels->setStyleSheet(u"color: palette(mid)"_s);
    auto *detailsLayout = new QVBoxLayout(m_ruleDetails);
    detailsLayout->addWidget(m_ruleTitle);
    detailsLayout->addWidget(m_ruleQuery);
    detailsLayout->addWidget(m_ruleFacts);
    detailsLayout->addWidget(m_ruleAnnotations);
    detailsLayout->addWidget(m_ruleLabels);
    detailsLayout->addStretch(1);
    connect(m_ruleView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_currentRule = current;
                updateRuleDetails();
            });
    // a poll changes the selected rule's state or annotations: the pane follows
    connect(m_ruleProxy, &QAbstractItemModel::dataChanged, this, &AlertsPage::updateRuleDetails);
    connect(m_ruleProxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateRuleDetails);
    connect(m_ruleProxy, &QAbstractItemModel::modelReset, this, &AlertsPage::updateRuleDetails);
    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_ruleView);
    splitter->addWidget(m_ruleDetails);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    updateRuleDetails();
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(m_rulesNote);
    layout->addWidget(search);
    layout->addWidget(splitter, 1);
    return tab;
}

void AlertsPage::updateRuleDetails()
{
    const QModelIndex current = m_currentRule;
    const bool has = current.isValid();
    const Rule rule = has ? current.data(RuleModel::RuleRole).value<Rule>() : Rule();
    if (!has) {
        m_ruleTitle->setText(tr("Select a rule to see its labels and annotations."));
    } else {
        m_ruleTitle->setText(
            (rule.alerting ? tr("Alert %1 in group %2") : tr("Recording rule %1 in group %2"))
                .arg(rule.name, rule.group));
    }
    m_ruleQuery->setText(rule.query);
    QStringList facts;
    if (const QString forText = ruleForText(rule); !forText.isEmpty())
        facts << tr("for %1").arg(forText);
    if (!rule.file.isEmpty())
        facts << tr("File: %1").arg(rule.file);
    m_ruleFacts->setText(facts.join(u" · "_s));
    m_ruleAnnotations->setText(ruleAnnotationsText(rule));
    m_ruleLabels->setText(rule.labels.isEmpty() ? QString()
                                                : tr("Labels: %1").arg(labelsText(rule.labels)));
    for (QLabel *label : {m_ruleQuery, m_ruleFacts, m_ruleAnnotations, m_ruleLabels})
        label->setVisible(!label->text().isEmpty());
}

QString AlertsPage::inhibitorsText(const Alert &alert) const
{
    // Alertmanager names the inhibiting alerts by fingerprint; people know them by name and by
    // the labels in which they differ from this one (the rule's `equal` labels are the same).
    QStringList parts;
    for (const QString &fingerprint : alert.inhibitedBy) {
        const int row = m_alerts->rowOf(fingerprint);
        if (row < 0) {
            parts << tr("an alert no longer listed (%1)").arg(fingerprint);
            continue;
        }
        const Alert &by = m_alerts->at(row);
        LabelSet differ;
        for (auto it = by.labels.cbegin(); it != by.labels.cend(); ++it) {
            if (it.key() != "alertname"_L1 && alert.labels.value(it.key()) != it.value())
                differ.insert(it.key(), it.value());
        }
        parts << (differ.isEmpty() ? by.name() : u"%1 {%2}"_s.arg(by.name(), labelsText(differ)));
    }
    return parts.join(u", "_s);
}

QString AlertsPage::ruleDetailsText() const
{
    QStringList lines;
    for (QLabel *label : {m_ruleTitle, m_ruleQuery, m_ruleFacts, m_ruleAnnotations, m_ruleLabels}) {
        if (!label->text().isEmpty())
            lines << label->text();
    }
    return lines.join(u'\n');
}

void AlertsPage::showRulesFromFiles(const QList<Rule> &rules, const QString &note)
{
    const bool fromFiles = !note.isEmpty();
    m_fileRuleModel->setRules(fromFiles ? rules : QList<Rule>());
    QAbstractItemModel *source
        = fromFiles ? static_cast<QAbstractItemModel *>(m_fileRuleModel) : m_ruleModel;
    if (m_ruleProxy->sourceModel() != source) {
        m_ruleProxy->setSourceModel(source);
        updateRuleDetails();
    }
    // A file says nothing of state, health or evaluation: no empty columns for them.
    for (const int column :
         {RuleModel::StateColumn, RuleModel::HealthColumn, RuleModel::LastEvaluationColumn,
          RuleModel::EvaluationTimeColumn, RuleModel::ErrorColumn})
        m_ruleView->setColumnHidden(column, fromFiles);
    m_rulesNote->setText(note);
    m_rulesNote->setVisible(fromFiles);
}

bool AlertsPage::showsRulesFromFiles() const
{
    return m_ruleProxy->sourceModel() == m_fileRuleModel;
}

QString AlertsPage::rulesNote() const
{
    return m_rulesNote->isHidden() ? QString() : m_rulesNote->text();
}

QWidget *AlertsPage::buildSilencesTab()
{
    auto *tab = new QWidget;
    auto *proxy = new QSortFilterProxyModel(tab);
    proxy->setSourceModel(m_silenceModel);
    proxy->setFilterRole(SilenceModel::StateRole);
    auto *showExpired = new QCheckBox(tr("Show expired"), tab);
    const auto applyExpired = [proxy, showExpired] {
        proxy->setFilterRegularExpression(showExpired->isChecked() ? QString() : u"^[01]$"_s);
    };
    connect(showExpired, &QCheckBox::toggled, this, applyExpired);
    applyExpired();
    auto *create = new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("New silence…"), tab);
    create->setObjectName(u"newSilence"_s);
    auto *edit = new QPushButton(QIcon::fromTheme(u"document-edit"_s), tr("Edit…"), tab);
    edit->setObjectName(u"editSilence"_s);
    auto *extendHour = new QPushButton(tr("+1 h"), tab);
    extendHour->setObjectName(u"extendSilenceHour"_s);
    extendHour->setToolTip(tr("Extend the silence by an hour"));
    auto *extendDay = new QPushButton(tr("+1 d"), tab);
    extendDay->setObjectName(u"extendSilenceDay"_s);
    extendDay->setToolTip(tr("Extend the silence by a day"));
    auto *duplicate = new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Duplicate…"), tab);
    duplicate->setObjectName(u"duplicateSilence"_s);
    auto *expire = new QPushButton(QIcon::fromTheme(u"edit-delete"_s), tr("Expire"), tab);
    expire->setObjectName(u"expireSilence"_s);
    m_silenceActions = {edit, extendHour, extendDay, duplicate, expire};
    connect(create, &QPushButton::clicked, this, [this] { newSilence(Alert()); });
    connect(edit, &QPushButton::clicked, this, [this] {
        if (const Silence s = selectedSilence(); !s.id.isEmpty())
            editSilence(s);
    });
    connect(duplicate, &QPushButton::clicked, this, [this] {
        if (const Silence s = selectedSilence(); !s.id.isEmpty())
            duplicateSilence(s);
    });
    connect(extendHour, &QPushButton::clicked, this, [this] { extendSelectedSilence(3600); });
    connect(extendDay, &QPushButton::clicked, this, [this] { extendSelectedSilence(86400); });
    m_silenceView = tableView(tab);
    m_silenceView->setObjectName(u"silenceView"_s);
    m_silenceView->setModel(proxy);
    m_silenceView->setSortingEnabled(true);
    m_silenceView->setColumnWidth(SilenceModel::StateColumn, 150);
    m_silenceView->setColumnWidth(SilenceModel::MatchersColumn, 320);
    m_silenceView->setColumnWidth(SilenceModel::CreatedByColumn, 100);
    m_silenceView->setColumnWidth(SilenceModel::CommentColumn, 220);
    m_silenceView->setColumnWidth(SilenceModel::EndsColumn, 140);
    m_silenceDetails = plainLabel(tab);
    m_silenceDetails->setObjectName(u"silenceDetails"_s);
    connect(m_silenceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertsPage::updateSilenceDetails);
    connect(proxy, &QAbstractItemModel::dataChanged, this, &AlertsPage::updateSilenceDetails);
    connect(proxy, &QAbstractItemModel::rowsRemoved, this, &AlertsPage::updateSilenceDetails);
    connect(expire, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_silenceView->currentIndex();
        if (current.isValid())
            Q_EMIT expireSilenceRequested(current.data(SilenceModel::IdRole).toString());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    for (QPushButton *button : std::as_const(m_silenceActions))
        buttons->addWidget(button);
    buttons->addStretch(1);
    buttons->addWidget(showExpired);
    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_silenceView);
    splitter->addWidget(m_silenceDetails);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    updateSilenceDetails();
    return tab;
}

Silence AlertsPage::selectedSilence() const
{
    const QModelIndex current = m_silenceView ? m_silenceView->currentIndex() : QModelIndex();
    return current.isValid() ? current.data(SilenceModel::SilenceRole).value<Silence>() : Silence();
}

void AlertsPage::updateSilenceDetails()
{
    const Silence s = selectedSilence();
    const bool has = !s.id.isEmpty();
    const bool expired = s.state == Silence::State::Expired;
    for (QPushButton *button : std::as_const(m_silenceActions)) {
        const bool duplicate = button->objectName() == "duplicateSilence"_L1;
        button->setEnabled(has && (duplicate || !expired));
    }
    if (!has) {
        m_silenceDetails->setText(tr("Select a silence to see its comment and what it catches."));
        return;
    }
    const QDateTime now = m_silenceModel->now();
    QStringList lines;
    lines << s.matchersText();
    lines << tr("Created by %1: %2")
                 .arg(s.createdBy.isEmpty() ? tr("(nobody)") : s.createdBy,
                      s.comment.isEmpty() ? tr("(no comment)") : s.comment);
    lines << tr("From %1 until %2")
                 .arg(s.startsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s),
                      s.endsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
    if (m_silenceModel->isUntilResolved(s.id) && !expired)
        lines << tr("Acknowledged until resolved: Stackscope expires it once every alert it "
                    "matched has resolved, and renews it while they fire.");
    if (s.expiresSoon(now))
        lines << tr("Ends soon: in %1 min.")
                     .arg(std::max<qint64>(0, (now.secsTo(s.endsAt) + 59) / 60));
    if (!expired) {
        const QList<Alert> caught = alertsMatching(s.matchers, m_alerts->items());
        QStringList names;
        for (const Alert &a : caught)
            names << a.name();
        names.removeDuplicates();
        lines << (caught.isEmpty() ? tr("Catches none of the alerts shown now.")
                                   : tr("Catches %1 of the alerts shown now: %2")
                                         .arg(caught.size())
                                         .arg(names.join(u", "_s)));
    }
    m_silenceDetails->setText(lines.join(u'\n'));
}

QString AlertsPage::silenceDetailsText() const
{
    return m_silenceDetails->text();
}

void AlertsPage::setUntilResolved(const QStringList &silenceIds)
{
    m_silenceModel->setUntilResolved(silenceIds);
    updateDetails();
    updateSilenceDetails();
}

void AlertsPage::extendSelectedSilence(qint64 seconds)
{
    Silence s = selectedSilence();
    if (s.id.isEmpty() || s.state == Silence::State::Expired)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.endsAt = std::max(s.endsAt, now).addSecs(seconds);
    Q_EMIT extendSilenceRequested(s);
}

void AlertsPage::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? Palette::noticeStyle(true) : QString());
    m_status->setVisible(!text.isEmpty());
}

QString AlertsPage::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

void AlertsPage::setActionMessage(const QString &text, bool problem)
{
    m_actionMessage->setText(text);
    m_actionMessage->setStyleSheet(Palette::noticeStyle(problem));
    m_actionMessage->setVisible(!text.isEmpty());
    if (!problem && !text.isEmpty())
        QTimer::singleShot(8000, m_actionMessage, [label = m_actionMessage] { label->hide(); });
}

bool AlertsPage::showAlert(const QString &fingerprint)
{
    m_tabs->setCurrentIndex(0);
    const int row = m_alerts->rowOfKeyOrFingerprint(fingerprint);
    if (row < 0)
        return false;
    const QString key = m_alerts->at(row).key();
    const auto find = [this, row, &key] {
        const QModelIndex flat = m_proxy->mapFromSource(m_alerts->index(row, 0));
        if (!flat.isValid() || m_alertView->model() == m_proxy)
            return flat;
        m_groups->sync();
        return m_groups->indexOfAlert(key);
    };
    QModelIndex index = find();
    if (!index.isValid()) { // filtered away: show everything
        m_severity->setCurrentIndex(0);
        m_labelFilter->clear();
        m_textFilter->clear();
        m_showPending->setChecked(true);
        index = find();
    }
    if (index.parent().isValid())
        m_alertView->expand(index.parent());
    m_alertView->setCurrentIndex(index);
    m_alertView->scrollTo(index);
    m_current = key;
    updateDetails();
    return index.isValid();
}

void AlertsPage::updateDetails()
{
    const int row = m_current.isEmpty() ? -1 : m_alerts->rowOf(m_current);
    const bool has = row >= 0;
    m_chartButton->setEnabled(has);
    m_silenceButton->setEnabled(has);
    m_ackButton->setEnabled(has);
    m_silenceInfo->clear();
    m_silenceInfo->hide();
    m_runbookButton->setEnabled(false);
    m_tracesButton->setEnabled(false);
    if (!has) {
        m_title->setText(m_current.isEmpty() ? tr("Select an alert to see its details.")
                                             : tr("The selected alert has resolved."));
        m_summary->clear();
        m_description->clear();
        m_facts->clear();
        m_chips->setLabels({});
        return;
    }
    const Alert &a = m_alerts->at(row);
    m_title->setText(
        u"%1 · %2 · %3"_s.arg(a.name(), a.severity().isEmpty() ? tr("no severity") : a.severity(),
                              a.state == Alert::State::Pending ? tr("pending")
                              : a.stale                        ? tr("firing, stale")
                                                               : tr("firing")));
    m_summary->setText(a.summary());
    m_description->setText(a.description());
    m_description->setVisible(!a.description().isEmpty());
    QStringList facts;
    facts << tr("Active since %1 (%2)")
                 .arg(a.startsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                      durationSince(a.startsAt, QDateTime::currentDateTimeUtc()));
    if (!a.value.isEmpty())
        facts << tr("Value %1").arg(a.valueText());
    if (a.silenced)
        facts << tr("Silenced by %1").arg(a.silencedBy.join(u", "_s));
    if (a.inhibited)
        facts << tr("Inhibited by %1").arg(inhibitorsText(a));
    if (a.stale)
        facts << tr("Last reported by %1, which does not answer now: it may have resolved")
                     .arg(a.sources.join(u", "_s));
    else if (!a.sources.isEmpty())
        facts << tr("Reported by %1").arg(a.sources.join(u", "_s));
    if (!a.cluster.isEmpty())
        facts << tr("Cluster %1").arg(a.cluster);
    m_facts->setText(facts.join(u" · "_s));
    // What silences say of it: acknowledged, ending soon, or (fired again) what covered it.
    const QDateTime now = m_silenceModel->now();
    QStringList silenceLines;
    bool acknowledged = false;
    bool warn = false; // a silence ends soon, or has ended
    for (const QString &id : std::as_const(a.silencedBy)) {
        const int srow = m_silenceModel->rowOf(id);
        if (m_silenceModel->isUntilResolved(id)) {
            acknowledged = true;
            silenceLines << tr("Acknowledged until resolved (silence %1).").arg(id);
        }
        if (srow < 0)
            continue;
        const Silence &s = m_silenceModel->at(srow);
        warn = warn || s.expiresSoon(now);
        if (s.expiresSoon(now))
            silenceLines << tr("Its silence ends soon: at %1 (in %2 min), by %3: %4")
                                .arg(s.endsAt.toLocalTime().toString(u"HH:mm"_s))
                                .arg(std::max<qint64>(0, (now.secsTo(s.endsAt) + 59) / 60))
                                .arg(s.createdBy, s.comment);
    }
    if (a.state == Alert::State::Firing && !a.silenced) {
        if (const std::optional<Silence> was
            = recentlyEndedSilence(m_silenceModel->items(), a.labels, now)) {
            warn = true;
            silenceLines << tr("Fired again: was silenced until %1 by %2: %3")
                                .arg(was->endsAt.toLocalTime().toString(u"HH:mm"_s), was->createdBy,
                                     was->comment);
        }
    }
    m_silenceInfo->setText(silenceLines.join(u'\n'));
    m_silenceInfo->setVisible(!silenceLines.isEmpty());
    m_silenceInfo->setStyleSheet(warn ? Palette::textStyle(Palette::Tone::Warning) : QString());
    m_ackButton->setEnabled(a.state == Alert::State::Firing && !acknowledged);
    m_chips->setLabels(a.labels);
    const QString service = a.labels.value(u"service"_s, a.labels.value(u"job"_s));
    m_tracesButton->setEnabled(!service.isEmpty());
    m_tracesButton->setToolTip(plainToolTip(
        service.isEmpty() ? tr("The alert has no 'service' or 'job' label")
                          : tr("Search Jaeger for %1 around this alert").arg(service)));
    m_chartButton->setEnabled(!a.expression().isEmpty());
    m_chartButton->setToolTip(plainToolTip(a.expression()));
    m_runbookButton->setEnabled(!webUrl(a.runbookUrl()).isEmpty());
    m_runbookButton->setToolTip(plainToolTip(a.runbookUrl()));
}

void AlertsPage::silenceCurrent()
{
    const int row = m_alerts->rowOf(m_current);
    if (row >= 0)
        newSilence(m_alerts->at(row));
}

void AlertsPage::acknowledgeCurrent()
{
    const int row = m_alerts->rowOf(m_current);
    if (row >= 0)
        Q_EMIT acknowledgeRequested(m_alerts->at(row));
}

void AlertsPage::showAlertMenu(const QPoint &pos)
{
    const QModelIndex index = m_alertView->indexAt(pos);
    if (!index.isValid() || index.data(AlertGroupModel::IsGroupRole).toBool())
        return; // a group's header: no one alert
    const Alert alert = index.data(AlertModel::AlertRole).value<Alert>();
    QMenu menu(this);
    menu.addAction(QIcon::fromTheme(u"notifications-disabled"_s), tr("Silence…"), this,
                   [this, alert] { newSilence(alert); });
    QAction *ack
        = menu.addAction(QIcon::fromTheme(u"checkmark"_s), tr("Acknowledge until resolved"), this,
                         [this, alert] { Q_EMIT acknowledgeRequested(alert); });
    ack->setEnabled(alert.state == Alert::State::Firing);
    menu.exec(m_alertView->viewport()->mapToGlobal(pos));
}

QString AlertsPage::alertDetailsText() const
{
    QStringList lines;
    for (QLabel *label : {m_title, m_summary, m_description, m_facts, m_silenceInfo}) {
        if (!label->text().isEmpty())
            lines << label->text();
    }
    if (!m_chips->labels().isEmpty())
        lines << labelsText(m_chips->labels());
    return lines.join(u'\n');
}

void AlertsPage::newSilence(const Alert &alert)
{
    Silence s;
    s.matchers = Silence::exactMatchers(alert.labels);
    s.targetCluster = Silence::targetClusterOf(alert); // an alert's silence stays in its cluster
    openSilenceDialog(s);
}

void AlertsPage::editSilence(const Silence &silence)
{
    openSilenceDialog(silence);
}

void AlertsPage::duplicateSilence(const Silence &silence)
{
    Silence copy = silence;
    copy.id.clear();
    copy.startsAt = {};
    copy.state = Silence::State::Active;
    copy.createdBy.clear(); // the copy is the user's
    openSilenceDialog(copy);
}

void AlertsPage::openSilenceDialog(const Silence &initial)
{
    if (m_silenceDialog) { // one at a time: it holds what the user typed
        m_silenceDialog->raise();
        m_silenceDialog->activateWindow();
        return;
    }
    auto *dialog = new SilenceDialog(initial, m_author, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAlerts(m_alerts->items());
    if (m_alerts->hasClusters()) // several clusters: the dialog says which one(s) it goes to
        dialog->setClustered(true);
    m_silenceDialog = dialog;
    // The preview follows the alerts while the dialog is open.
    const auto refresh = [this, dialog] {
        dialog->setAlerts(m_alerts->items());
    };
    connect(m_alerts, &QAbstractItemModel::rowsInserted, dialog, refresh);
    connect(m_alerts, &QAbstractItemModel::rowsRemoved, dialog, refresh);
    connect(m_alerts, &QAbstractItemModel::dataChanged, dialog, refresh);
    // The dialog stays open until showSilenceResult(): a refused silence is corrected in place.
    connect(dialog, &SilenceDialog::submitted, this, [this](const Silence &silence) {
        if (silence.id.isEmpty())
            Q_EMIT createSilenceRequested(silence);
        else
            Q_EMIT updateSilenceRequested(silence);
    });
    dialog->open();
}

SilenceDialog *AlertsPage::silenceDialog() const
{
    return m_silenceDialog;
}

void AlertsPage::showSilenceResult(const QStringList &ids, const QStringList &errors)
{
    SilenceDialog *dialog
        = m_silenceDialog && m_silenceDialog->isWaiting() ? m_silenceDialog.data() : nullptr;
    if (ids.isEmpty()) {
        const QString error
            = errors.isEmpty() ? tr("no Alertmanager answered") : errors.join(u'\n');
        if (dialog) // the dialog says why, beside what the user typed
            dialog->showResult(error);
        else
            setActionMessage(tr("The silence could not be created: %1").arg(error), true);
        return;
    }
    const bool edit = dialog && dialog->isEdit();
    if (dialog)
        dialog->showResult({});
    if (edit && errors.isEmpty())
        setActionMessage(tr("Silence %1 saved.").arg(ids.join(u", "_s)), false);
    else if (!errors.isEmpty())
        setActionMessage(
            tr("The silence could not be created everywhere: %1").arg(errors.join(u"; "_s)), true);
    else
        setActionMessage(tr("Silence %1 created.").arg(ids.join(u", "_s)), false);
}

} // namespace Stackscope
