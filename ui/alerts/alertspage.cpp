// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/alertspage.h"
#include "models/common/format.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include "models/alerts/alertfilterproxy.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "ui/alerts/alerthistoryview.h"
#include "ui/alerts/silencedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    , m_status(plainLabel(this))
    , m_actionMessage(plainLabel(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"AlertsPage"_s);
    m_proxy->setSourceModel(alerts);
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
    const auto retitle = [this] {
        m_tabs->setTabText(0, tr("Alerts (%1 firing)").arg(m_alerts->firingCount()));
        m_tabs->setTabText(2, tr("Silences (%1)").arg(m_silenceModel->rowCount()));
    };
    connect(alerts, &QAbstractItemModel::dataChanged, this, retitle);
    connect(alerts, &QAbstractItemModel::rowsInserted, this, retitle);
    connect(alerts, &QAbstractItemModel::rowsRemoved, this, retitle);
    connect(silences, &QAbstractItemModel::rowsInserted, this, retitle);
    connect(silences, &QAbstractItemModel::rowsRemoved, this, retitle);
    retitle();
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
    m_labelFilter->setPlaceholderText(tr("Labels: job=api severity!=info"));
    m_labelFilter->setClearButtonEnabled(true);
    m_textFilter = new QLineEdit(tab);
    m_textFilter->setPlaceholderText(tr("Search name, labels, summary"));
    m_textFilter->setClearButtonEnabled(true);
    m_showPending = new QCheckBox(tr("Pending"), tab);
    m_showPending->setChecked(true);
    m_showPending->setToolTip(tr("Show alerts that are pending in Prometheus (their for: has not "
                                 "passed yet)"));
    auto *refresh = new QPushButton(QIcon::fromTheme(u"view-refresh"_s), tr("Refresh"), tab);
    connect(refresh, &QPushButton::clicked, this, &AlertsPage::refreshRequested);

    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setMinimumSeverity(m_severity->currentData().toInt()); });
    connect(m_labelFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        const bool ok = m_proxy->setLabelFilter(text);
        m_labelFilter->setStyleSheet(ok ? QString() : Palette::textStyle(Palette::Tone::Bad));
        m_labelFilter->setToolTip(ok ? QString()
                                     : tr("Write name=value or name!=value, separated by spaces"));
    });
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &AlertFilterProxy::setTextFilter);
    connect(m_showPending, &QCheckBox::toggled, m_proxy, &AlertFilterProxy::setShowPending);

    auto *filters = new QHBoxLayout;
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
    m_alertView->header()->setSectionResizeMode(AlertModel::SummaryColumn, QHeaderView::Stretch);
    m_alertView->setColumnWidth(AlertModel::SeverityColumn, 100); // "Schweregrad" fits
    m_alertView->setColumnWidth(AlertModel::NameColumn, 170);
    m_alertView->setColumnWidth(AlertModel::StateColumn, 105);
    m_alertView->setColumnWidth(AlertModel::SinceColumn, 75);
    m_alertView->setColumnWidth(AlertModel::LabelsColumn, 190);
    m_alertView->setColumnWidth(AlertModel::ValueColumn, 65);
    m_alertView->setColumnWidth(AlertModel::SourcesColumn, 200);
    // The details panel says which servers reported the selected alert.
    m_alertView->setColumnHidden(AlertModel::SourcesColumn, true);
    connect(m_alertView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_current = current.data(AlertModel::FingerprintRole).toString();
                updateDetails();
            });
    connect(m_alertView, &QTreeView::activated, this, [this] { silenceCurrent(); });

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
    m_labels = plainLabel(m_details);
    m_labels->setStyleSheet(u"color: palette(mid)"_s);
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
        const QUrl url(m_alerts->at(row).runbookUrl(), QUrl::StrictMode);
        if (url.isValid() && (url.scheme() == "https"_L1 || url.scheme() == "http"_L1))
            Q_EMIT openUrlRequested(url);
    });
    connect(m_silenceButton, &QPushButton::clicked, this, &AlertsPage::silenceCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_chartButton);
    buttons->addWidget(m_tracesButton);
    buttons->addWidget(m_runbookButton);
    buttons->addWidget(m_silenceButton);
    buttons->addStretch(1);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_summary);
    detailsLayout->addWidget(m_description);
    detailsLayout->addWidget(m_facts);
    detailsLayout->addWidget(m_labels);
    detailsLayout->addLayout(buttons);
    detailsLayout->addStretch(1);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_alertView);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    return tab;
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
    auto *expire = new QPushButton(QIcon::fromTheme(u"edit-delete"_s), tr("Expire"), tab);
    expire->setEnabled(false);
    connect(create, &QPushButton::clicked, this, [this] { newSilence({}); });
    m_silenceView = tableView(tab);
    m_silenceView->setObjectName(u"silenceView"_s);
    m_silenceView->setModel(proxy);
    m_silenceView->setSortingEnabled(true);
    m_silenceView->setColumnWidth(SilenceModel::MatchersColumn, 320);
    connect(m_silenceView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [expire](const QModelIndex &current) {
                expire->setEnabled(current.isValid()
                                   && current.data(SilenceModel::StateRole).toInt()
                                          != int(Silence::State::Expired));
            });
    connect(expire, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_silenceView->currentIndex();
        if (current.isValid())
            Q_EMIT expireSilenceRequested(current.data(SilenceModel::IdRole).toString());
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(expire);
    buttons->addStretch(1);
    buttons->addWidget(showExpired);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(m_silenceView, 1);
    return tab;
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
    const int row = m_alerts->rowOf(fingerprint);
    if (row < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_alerts->index(row, 0));
    if (!index.isValid()) { // filtered away: show everything
        m_severity->setCurrentIndex(0);
        m_labelFilter->clear();
        m_textFilter->clear();
        m_showPending->setChecked(true);
        index = m_proxy->mapFromSource(m_alerts->index(row, 0));
    }
    m_alertView->setCurrentIndex(index);
    m_alertView->scrollTo(index);
    m_current = fingerprint;
    updateDetails();
    return index.isValid();
}

void AlertsPage::updateDetails()
{
    const int row = m_current.isEmpty() ? -1 : m_alerts->rowOf(m_current);
    const bool has = row >= 0;
    m_chartButton->setEnabled(has);
    m_silenceButton->setEnabled(has);
    m_runbookButton->setEnabled(false);
    m_tracesButton->setEnabled(false);
    if (!has) {
        m_title->setText(m_current.isEmpty() ? tr("Select an alert to see its details.")
                                             : tr("The selected alert has resolved."));
        m_summary->clear();
        m_description->clear();
        m_facts->clear();
        m_labels->clear();
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
        facts << tr("Value %1").arg(Format::sampleValue(a.value));
    if (a.silenced)
        facts << tr("Silenced by %1").arg(a.silencedBy.join(u", "_s));
    if (a.inhibited)
        facts << tr("Inhibited by %1").arg(a.inhibitedBy.join(u", "_s));
    if (a.stale)
        facts << tr("Last reported by %1, which does not answer now: it may have resolved")
                     .arg(a.sources.join(u", "_s));
    else if (!a.sources.isEmpty())
        facts << tr("Reported by %1").arg(a.sources.join(u", "_s));
    m_facts->setText(facts.join(u" · "_s));
    m_labels->setText(labelsText(a.labels));
    const QString service = a.labels.value(u"service"_s, a.labels.value(u"job"_s));
    m_tracesButton->setEnabled(!service.isEmpty());
    m_tracesButton->setToolTip(plainToolTip(
        service.isEmpty() ? tr("The alert has no 'service' or 'job' label")
                          : tr("Search Jaeger for %1 around this alert").arg(service)));
    m_chartButton->setEnabled(!a.expression().isEmpty());
    m_chartButton->setToolTip(plainToolTip(a.expression()));
    const QUrl runbook(a.runbookUrl(), QUrl::StrictMode);
    m_runbookButton->setEnabled(
        runbook.isValid() && (runbook.scheme() == "https"_L1 || runbook.scheme() == "http"_L1));
    m_runbookButton->setToolTip(plainToolTip(a.runbookUrl()));
}

void AlertsPage::silenceCurrent()
{
    const int row = m_alerts->rowOf(m_current);
    if (row >= 0)
        newSilence(m_alerts->at(row).labels);
}

void AlertsPage::newSilence(const LabelSet &labels)
{
    if (m_silenceDialog) { // one at a time: it holds what the user typed
        m_silenceDialog->raise();
        m_silenceDialog->activateWindow();
        return;
    }
    auto *dialog = new SilenceDialog(labels, m_author, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_silenceDialog = dialog;
    // The dialog stays open until showSilenceResult(): a refused silence is corrected in place.
    connect(dialog, &SilenceDialog::submitted, this, &AlertsPage::createSilenceRequested);
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
    if (dialog)
        dialog->showResult({});
    if (!errors.isEmpty())
        setActionMessage(
            tr("The silence could not be created everywhere: %1").arg(errors.join(u"; "_s)), true);
    else
        setActionMessage(tr("Silence %1 created.").arg(ids.join(u", "_s)), false);
}

} // namespace Stackscope
