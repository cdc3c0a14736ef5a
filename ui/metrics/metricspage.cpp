// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/metricspage.h"
#include "models/common/palette.h"
#include "models/metrics/dashboardlinks.h"
#include "models/metrics/panelrepeat.h"
#include "models/metrics/paneltime.h"
#include "models/metrics/seriestablemodel.h"
#include "models/metrics/targetsmodel.h"
#include "models/metrics/variableformat.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"
#include "ui/plaintooltips.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {

/// The Targets tab's filter: a row matches when its TargetsModel::FilterRole (in the job column:
/// a job's name, or a target's precomputed texts) contains the text, case-insensitively; a job
/// whose targets match stays (recursive), a job that matches keeps all of its targets. A new
/// text resets the proxy instead of filtering in place: with 5,000 targets, going from none to
/// a few hundred shown otherwise removes hundreds of row ranges one by one, each walking every
/// persistent index (~120 ms on the GUI thread). Refreshes stay incremental.
class TargetsFilterProxy : public QSortFilterProxyModel
{
public:
    explicit TargetsFilterProxy(QObject *parent)
        : QSortFilterProxyModel(parent)
    {
        setRecursiveFilteringEnabled(true);
        setAutoAcceptChildRows(true);
    }
    void setText(const QString &text)
    {
        if (text == m_text)
            return;
        beginResetModel();
        m_text = text;
        endResetModel();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_text.isEmpty())
            return true;
        return sourceModel()
            ->index(sourceRow, TargetsModel::JobColumn, sourceParent)
            .data(TargetsModel::FilterRole)
            .toString()
            .contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
};

struct RangeChoice
{
    const char *label;
    int seconds;
};
// The labels are translated where they are shown (tr(label)); the macro lets lupdate find them.
const RangeChoice rangeChoices[] = {
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 5 minutes"), 300},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 15 minutes"), 900},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 30 minutes"), 1800},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 1 hour"), 3600},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 3 hours"), 10800},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 6 hours"), 21600},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 12 hours"), 43200},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 24 hours"), 86400},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 2 days"), 172800},
    {QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Last 7 days"), 604800},
};
/// The range picker's item for an absolute window (a zoom, a custom range).
constexpr int absoluteRangeItem = -2;
struct RefreshChoice
{
    const char *label;
    int ms;
};
const RefreshChoice refreshChoices[] = {{QT_TRANSLATE_NOOP("Stackscope::MetricsPage", "Off"), 0},
                                        {"5s", 5000},
                                        {"10s", 10000},
                                        {"15s", 15000},
                                        {"30s", 30000},
                                        {"1m", 60000},
                                        {"5m", 300000}};
} // namespace

MetricsPage::MetricsPage(TargetsModel *targets, QWidget *parent)
    : QWidget(parent)
    , m_targets(targets)
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"metricsPage"_s);
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // The bar shared by every tab: range, refresh, pause.
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(8, 6, 8, 0);
    m_dashboardBox = new QComboBox(this);
    m_dashboardBox->setObjectName(u"dashboardBox"_s);
    // As wide as the longest dashboard's name; the stack's notes widen only the list.
    m_dashboardBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setToolTip(tr("Import a Grafana dashboard JSON file (or drop one here)"));
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(u"rangeBox"_s);
    for (const RangeChoice &c : rangeChoices)
        m_rangeBox->addItem(tr(c.label), c.seconds);
    m_rangeBox->addItem(tr("Custom…"), -1);
    m_rangeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents); // an absolute range is long
    m_rangeBox->setCurrentIndex(m_lastRangeIndex);
    m_refreshBox = new QComboBox(this);
    m_refreshBox->setObjectName(u"refreshBox"_s);
    for (const RefreshChoice &c : refreshChoices)
        m_refreshBox->addItem(tr(c.label), c.ms);
    m_refreshBox->setCurrentIndex(3);
    m_pause = new QToolButton(this);
    m_pause->setText(tr("Pause"));
    m_pause->setCheckable(true);
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    auto *zoomOutButton = new QToolButton(this);
    zoomOutButton->setObjectName(u"zoomOut"_s);
    zoomOutButton->setIcon(QIcon::fromTheme(u"zoom-out"_s));
    zoomOutButton->setText(tr("Zoom out"));
    zoomOutButton->setToolTip(tr("Zoom out: twice the time range (Ctrl+Z)"));
    zoomOutButton->setShortcut(QKeySequence(tr("Ctrl+Z")));
    bar->addWidget(new QLabel(tr("Dashboard:"), this));
    bar->addWidget(m_dashboardBox);
    bar->addWidget(importButton);
    bar->addStretch(1);
    bar->addWidget(zoomOutButton);
    bar->addWidget(m_rangeBox);
    bar->addWidget(new QLabel(tr("Refresh:"), this));
    bar->addWidget(m_refreshBox);
    bar->addWidget(m_pause);
    bar->addWidget(refresh);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setContentsMargins(8, 0, 8, 0);
    m_message->hide();
    layout->addWidget(m_message);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildDashboardTab(), tr("Dashboard"));
    m_tabs->addTab(buildExploreTab(), tr("Explore"));
    m_tabs->addTab(buildTargetsTab(), tr("Targets"));
    layout->addWidget(m_tabs, 1);

    connect(m_dashboardBox, &QComboBox::activated, this, [this](int index) {
        m_wantedStackKey.clear(); // the user's choice wins over a remembered one
        showDashboard(m_dashboardBox->itemData(index).toString());
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import a Grafana dashboard"),
                                                          {}, tr("Grafana dashboard (*.json)"));
        if (!path.isEmpty())
            Q_EMIT importRequested(path);
    });
    connect(m_rangeBox, &QComboBox::activated, this, &MetricsPage::applyRangeChoice);
    connect(m_refreshBox, &QComboBox::activated, this, [this](int index) {
        m_requestedRefresh = std::chrono::milliseconds(m_refreshBox->itemData(index).toInt());
        Q_EMIT refreshIntervalRequested(m_requestedRefresh);
    });
    connect(m_pause, &QToolButton::toggled, this, &MetricsPage::pauseRequested);
    connect(refresh, &QToolButton::clicked, this, &MetricsPage::refreshRequested);
    connect(zoomOutButton, &QToolButton::clicked, this, &MetricsPage::zoomOut);
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [this](int index) { Q_EMIT targetsShownChanged(index == 2); });
}

void MetricsPage::showPanelData(int panel, const PanelData &data)
{
    if (panel >= 0 && panel < m_panels.size())
        m_panels.at(panel)->setData(data);
}

void MetricsPage::setVariables(const QList<DashboardVariable> &variables)
{
    m_variables = variables;
    rebuildVariables();
    updateTitles();
}

void MetricsPage::setPanels(const QList<Panel> &panels, const QStringList &notes)
{
    if (panels != m_dashboard.panels) {
        // Rows the user opened or closed stay so (a row is known by its title and scope).
        QHash<QString, bool> collapsed;
        const auto rowKey = [](const Panel &p) {
            QString key = p.title;
            for (auto it = p.scope.cbegin(); it != p.scope.cend(); ++it)
                key += u'\x1f' + it.key() + u'=' + it.value();
            return key;
        };
        for (int i = 0; i < m_panels.size(); ++i) {
            if (m_panels.at(i)->panel().type == Panel::Type::Row)
                collapsed.insert(rowKey(m_panels.at(i)->panel()), m_layout.isCollapsed(i));
        }
        m_dashboard.panels = panels;
        for (Panel &p : m_dashboard.panels) {
            if (p.type == Panel::Type::Row)
                p.collapsed = collapsed.value(rowKey(p), p.collapsed);
        }
        buildPanels();
    }
    m_panelNotes = notes;
    showMessage((m_dashboard.warnings + notes).join(u'\n'), false);
}

void MetricsPage::updateTitles()
{
    for (PanelWidget *panel : std::as_const(m_panels)) {
        panel->setTitle(VariableFormat::displayText(
            panel->panel().title, PanelRepeat::scoped(m_variables, panel->panel().scope)));
    }
}

void MetricsPage::setMetricNames(const QStringList &names)
{
    static_cast<QStringListModel *>(m_exploreBox->completer()->model())->setStringList(names);
}

void MetricsPage::showExploreResult(const PanelData &range, const QueryResult &instant,
                                    const QString &instantError)
{
    // A query that fails keeps the last good chart on screen, said to be stale, as panels do.
    const bool keepLastGood = !range.error.isEmpty() && !m_lastGoodExplore.series.isEmpty();
    if (keepLastGood) {
        PanelData stale = m_lastGoodExplore;
        stale.error = range.error;
        stale.stale = true;
        m_exploreChart->setData(stale);
    } else {
        m_exploreChart->setData(range);
        if (range.error.isEmpty())
            m_lastGoodExplore = range;
    }
    if (instantError.isEmpty())
        m_exploreTable->setResult(instant);
    QString status;
    if (keepLastGood)
        status = tr("stale: %1").arg(range.error);
    else if (!range.error.isEmpty())
        status = range.error;
    else if (!instantError.isEmpty())
        status = instantError;
    else
        status = tr("%n series", nullptr, int(range.series.size()))
                 + tr(", step %1 s").arg(range.stepSeconds);
    m_exploreStatus->setText(status);
    const bool problem = !range.error.isEmpty() || !instantError.isEmpty();
    QPalette pal = m_exploreStatus->palette();
    pal.setColor(QPalette::WindowText, problem ? Palette::color(Palette::Tone::Bad)
                                               : palette().color(QPalette::WindowText));
    m_exploreStatus->setPalette(pal);
}

void MetricsPage::showTargetsStatus(const QString &error)
{
    QString text = tr("%1 of %2 targets up in %n job(s)", nullptr, m_targets->rowCount())
                       .arg(m_targets->upCount())
                       .arg(m_targets->targetCount());
    if (!error.isEmpty())
        text = tr("%1 (stale: %2)").arg(text, error);
    m_targetsStatus->setText(text);
    m_targetsView->resizeColumnToContents(TargetsModel::HealthColumn);
}

QWidget *MetricsPage::buildDashboardTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(4, 4, 4, 4);
    // Many variables (a host dashboard has 14) scroll sideways instead of widening the window.
    m_variablesScroll = new QScrollArea(tab);
    m_variablesScroll->setObjectName(u"variablesBar"_s);
    m_variablesScroll->setFrameShape(QFrame::NoFrame);
    m_variablesScroll->setWidgetResizable(true);
    m_variablesScroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_variablesScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_variablesScroll->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_variablesBar = new QWidget;
    m_variablesLayout = new QHBoxLayout(m_variablesBar);
    m_variablesLayout->setContentsMargins(4, 0, 4, 0);
    m_variablesScroll->setWidget(m_variablesBar);
    m_variablesScroll->hide();
    layout->addWidget(m_variablesScroll);
    m_linksBar = new QWidget(tab);
    m_linksBar->setObjectName(u"linksBar"_s);
    m_linksLayout = new QHBoxLayout(m_linksBar);
    m_linksLayout->setContentsMargins(4, 0, 4, 0);
    m_linksBar->hide();
    layout->addWidget(m_linksBar);
    m_scroll = new QScrollArea(tab);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid = new QWidget;
    m_grid->setObjectName(u"panelGrid"_s);
    m_scroll->setWidget(m_grid);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MetricsPage::updateVisiblePanels);
    // The grid is as wide as the viewport, which narrows when the scroll bar appears.
    m_scroll->viewport()->installEventFilter(this);
    layout->addWidget(m_scroll, 1);
    return tab;
}

QWidget *MetricsPage::buildExploreTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *row = new QHBoxLayout;
    m_exploreBox = new QComboBox(tab);
    m_exploreBox->setObjectName(u"exploreBox"_s);
    m_exploreBox->setEditable(true);
    m_exploreBox->setInsertPolicy(QComboBox::NoInsert);
    m_exploreBox->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_exploreBox->lineEdit()->setPlaceholderText(
        tr("PromQL expression, e.g. rate(prometheus_http_requests_total[5m])"));
    auto *completer = new QCompleter(new QStringListModel(this), this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_exploreBox->setCompleter(completer);
    auto *run = new QPushButton(tr("Run"), tab);
    row->addWidget(m_exploreBox, 1);
    row->addWidget(run);
    layout->addLayout(row);
    m_exploreStatus = new QLabel(tab);
    m_exploreStatus->setObjectName(u"exploreStatus"_s);
    m_exploreStatus->setTextFormat(Qt::PlainText);
    m_exploreStatus->setWordWrap(true);
    m_exploreStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_exploreStatus);
    auto *split = new QSplitter(Qt::Vertical, tab);
    m_exploreChart = new TimeSeriesChart(split);
    m_exploreTable = new SeriesTableModel(this);
    auto *table = new QTableView(split);
    table->setModel(m_exploreTable);
    table->setObjectName(u"exploreTable"_s);
    showItemToolTipsAsPlainText(table); // series labels come from the scraped targets
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);
    connect(run, &QPushButton::clicked, this, &MetricsPage::runExplore);
    connect(m_exploreBox->lineEdit(), &QLineEdit::returnPressed, this, &MetricsPage::runExplore);
    connect(m_exploreChart, &TimeSeriesChart::zoomRequested, this,
            [this](const QDateTime &s, const QDateTime &e) {
                if (requestAbsoluteRange(s, e))
                    runExplore();
            });
    connect(m_exploreChart, &TimeSeriesChart::resetZoomRequested, this, [this] {
        applyRangeChoice(m_lastRangeIndex);
        runExplore();
    });
    return tab;
}

QWidget *MetricsPage::buildTargetsTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *row = new QHBoxLayout;
    m_targetsFilter = new QLineEdit(tab);
    m_targetsFilter->setObjectName(u"targetsFilter"_s);
    m_targetsFilter->setPlaceholderText(tr("Filter by job, instance, health or error"));
    m_targetsFilter->setClearButtonEnabled(true);
    m_targetsStatus = new QLabel(tab);
    m_targetsStatus->setTextFormat(Qt::PlainText);
    row->addWidget(m_targetsFilter, 1);
    row->addWidget(m_targetsStatus);
    layout->addLayout(row);
    auto *proxy = new TargetsFilterProxy(this);
    m_targetsProxy = proxy;
    m_targetsProxy->setSourceModel(m_targets);
    m_targetsView = new QTreeView(tab);
    m_targetsView->setObjectName(u"targetsView"_s);
    m_targetsView->setModel(m_targetsProxy);
    showItemToolTipsAsPlainText(m_targetsView); // scrape URLs and errors are remote text
    m_targetsView->setUniformRowHeights(true);
    m_targetsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_targetsView->setWordWrap(false);
    m_targetsView->setAlternatingRowColors(true);
    m_targetsView->header()->setStretchLastSection(true);
    m_targetsView->setColumnWidth(TargetsModel::JobColumn, 160);
    m_targetsView->setColumnWidth(TargetsModel::InstanceColumn, 200);
    layout->addWidget(m_targetsView, 1);
    // Jobs open when they appear and when the filter brings them back; one the user closed
    // stays closed across refreshes (the model is merged, never reset).
    connect(m_targetsProxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    m_targetsView->expand(m_targetsProxy->index(row, 0));
            });
    connect(m_targetsFilter, &QLineEdit::textChanged, this, [this, proxy](const QString &text) {
        // The proxy resets: keep the current and selected targets (those still shown).
        QItemSelectionModel *selection = m_targetsView->selectionModel();
        const QPersistentModelIndex current(m_targetsProxy->mapToSource(selection->currentIndex()));
        QList<QPersistentModelIndex> selected;
        for (const QModelIndex &index : selection->selectedRows())
            selected << QPersistentModelIndex(m_targetsProxy->mapToSource(index));
        proxy->setText(text);
        m_targetsView->expandAll();
        for (const QPersistentModelIndex &index : std::as_const(selected)) {
            const QModelIndex shown = m_targetsProxy->mapFromSource(index);
            if (shown.isValid())
                selection->select(shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        const QModelIndex shownCurrent = m_targetsProxy->mapFromSource(current);
        if (shownCurrent.isValid()) {
            selection->setCurrentIndex(shownCurrent, QItemSelectionModel::NoUpdate);
            m_targetsView->scrollTo(shownCurrent);
        }
    });
    return tab;
}

void MetricsPage::setDashboards(const QList<Dashboard> &dashboards, const QString &preferredUid)
{
    const QString current = currentDashboardUid();
    m_dashboards = dashboards;
    rebuildDashboardBox();
    QString uid = preferredUid;
    if (uid.isEmpty() || m_dashboardBox->findData(uid) < 0) {
        // A dashboard from the stack may be remembered before the stack has been read.
        if (uid.startsWith("stack:"_L1))
            m_wantedStackKey = uid;
        uid = current;
    }
    if (uid.isEmpty() || m_dashboardBox->findData(uid) < 0)
        uid = dashboards.isEmpty() ? QString() : dashboards.first().uid;
    if (uid != current || !preferredUid.isEmpty())
        showDashboard(uid);
    else
        m_dashboardBox->setCurrentIndex(m_dashboardBox->findData(uid));
}

void MetricsPage::setStackDashboards(const QList<StackDashboard> &dashboards,
                                     const QStringList &notes, const QString &service)
{
    if (dashboards == m_stackDashboards && notes == m_stackNotes && service == m_stackService)
        return;
    m_stackDashboards = dashboards;
    m_stackNotes = notes;
    m_stackService = service;
    const QString current = currentDashboardUid();
    rebuildDashboardBox();
    if (!m_wantedStackKey.isEmpty() && m_dashboardBox->findData(m_wantedStackKey) >= 0) {
        showDashboard(std::exchange(m_wantedStackKey, QString()));
        return;
    }
    if (!current.startsWith("stack:"_L1)) {
        m_dashboardBox->setCurrentIndex(m_dashboardBox->findData(current));
        return;
    }
    // The one on screen is from the stack: show it as the file is now, or go back to the
    // first when it is gone or no longer reads.
    for (const StackDashboard &d : std::as_const(m_stackDashboards)) {
        if (d.key() == current && d.problem.isEmpty()) {
            Dashboard now = d.dashboard;
            now.uid = d.key();
            if (now != m_dashboard)
                showDashboard(current);
            else
                m_dashboardBox->setCurrentIndex(m_dashboardBox->findData(current));
            return;
        }
    }
    showDashboard(m_dashboards.isEmpty() ? QString() : m_dashboards.first().uid);
}

void MetricsPage::rebuildDashboardBox()
{
    const QSignalBlocker blocker(m_dashboardBox);
    fillDashboardBox();
    // The closed box fits the dashboards one can choose; the open list fits everything.
    int chars = 10;
    int pixels = 0;
    const QFontMetrics metrics = m_dashboardBox->fontMetrics();
    for (int i = 0; i < m_dashboardBox->count(); ++i) {
        const QString text = m_dashboardBox->itemText(i);
        if (!m_dashboardBox->itemData(i).toString().isEmpty())
            chars = std::max(chars, int(text.size()));
        pixels = std::max(pixels, metrics.horizontalAdvance(text));
    }
    m_dashboardBox->setMinimumContentsLength(chars);
    m_dashboardBox->view()->setMinimumWidth(pixels + 40);
}

void MetricsPage::fillDashboardBox()
{
    m_dashboardBox->clear();
    // By title, case-insensitively: the bundled ones, then the imported ones.
    QList<const Dashboard *> sorted;
    for (const Dashboard &d : std::as_const(m_dashboards))
        sorted << &d;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Dashboard *a, const Dashboard *b) {
        if (a->source.isEmpty() != b->source.isEmpty())
            return a->source.isEmpty();
        return a->title.compare(b->title, Qt::CaseInsensitive) < 0;
    });
    for (const Dashboard *d : std::as_const(sorted))
        m_dashboardBox->addItem(d->source.isEmpty() ? d->title : d->title + tr(" (imported)"),
                                d->uid);
    if (m_stackDashboards.isEmpty() && m_stackNotes.isEmpty())
        return;
    auto *model = qobject_cast<QStandardItemModel *>(m_dashboardBox->model());
    if (!model)
        return;
    const auto elided = [this](const QString &text) {
        return m_dashboardBox->fontMetrics().elidedText(text, Qt::ElideRight, 560);
    };
    // Shown, never chosen: the group's heading, a file's problem, a note.
    const auto inert = [](QStandardItem *item, bool dimmed) {
        item->setFlags(dimmed ? Qt::NoItemFlags : Qt::ItemIsEnabled);
        return item;
    };
    if (m_dashboardBox->count() > 0)
        m_dashboardBox->insertSeparator(m_dashboardBox->count());
    auto *heading = inert(new QStandardItem(m_stackService.isEmpty()
                                                ? tr("From the stack")
                                                : tr("From the stack · %1").arg(m_stackService)),
                          false);
    QFont bold = m_dashboardBox->font();
    bold.setBold(true);
    heading->setFont(bold);
    heading->setData(plainToolTip(tr("Dashboards the stack's own Grafana provisions, read from "
                                     "your files where they are; they follow your edits")),
                     Qt::ToolTipRole);
    model->appendRow(heading);
    QList<StackDashboard> stackSorted = m_stackDashboards;
    std::stable_sort(stackSorted.begin(), stackSorted.end(),
                     [](const StackDashboard &a, const StackDashboard &b) {
                         const int folder = a.folder.compare(b.folder, Qt::CaseInsensitive);
                         if (folder != 0)
                             return folder < 0;
                         return a.dashboard.title.compare(b.dashboard.title, Qt::CaseInsensitive)
                                < 0;
                     });
    for (const StackDashboard &d : std::as_const(stackSorted)) {
        const QString where = tr("%1 (Grafana provider %2)").arg(d.path, d.provider);
        QStandardItem *item = nullptr;
        if (d.problem.isEmpty()) {
            const QString title
                = d.folder.isEmpty() ? d.dashboard.title : d.folder + u" / "_s + d.dashboard.title;
            item = new QStandardItem(title + tr(" (from the stack)"));
            item->setData(d.key(), Qt::UserRole);
            item->setData(plainToolTip(where), Qt::ToolTipRole);
        } else {
            const QString name = QFileInfo(d.path).fileName();
            item = inert(
                new QStandardItem(elided(tr("%1 cannot be shown: %2").arg(name, d.problem))),
                false);
            item->setForeground(Palette::color(Palette::Tone::Bad));
            item->setData(plainToolTip(where + u"\n"_s + d.problem), Qt::ToolTipRole);
        }
        model->appendRow(item);
    }
    for (const QString &note : std::as_const(m_stackNotes)) {
        auto *item = inert(new QStandardItem(elided(note)), true);
        QFont italic = m_dashboardBox->font();
        italic.setItalic(true);
        item->setFont(italic);
        item->setData(plainToolTip(note), Qt::ToolTipRole);
        model->appendRow(item);
    }
}

void MetricsPage::showDashboard(const QString &uid)
{
    const Dashboard *found = nullptr;
    Dashboard fromStack;
    for (const Dashboard &d : std::as_const(m_dashboards)) {
        if (d.uid == uid) {
            found = &d;
            break;
        }
    }
    for (const StackDashboard &d : std::as_const(m_stackDashboards)) {
        if (!found && d.key() == uid && d.problem.isEmpty()) {
            fromStack = d.dashboard;
            fromStack.uid = d.key();
            found = &fromStack;
        }
    }
    if (!found)
        return;
    const Dashboard &d = *found;
    const bool opened = uid != m_dashboard.uid; // not the one on screen read again
    m_dashboardBox->setCurrentIndex(m_dashboardBox->findData(uid));
    m_dashboard = d;
    m_variables = d.variables;
    m_panelNotes.clear();
    // The controller answers with the resolved variables through setVariables(), and with the
    // panels through setPanels() when repeats change them (which builds them then).
    const int builds = m_builds;
    Q_EMIT dashboardRequested(d);
    if (builds == m_builds)
        buildPanels();
    rebuildLinks();
    if (opened)
        applyDashboardTime(d);
    // The notes are about this dashboard: the previous one's go.
    showMessage((m_dashboard.warnings + m_panelNotes).join(u'\n'), false);
    Q_EMIT dashboardShown(uid);
}

QString MetricsPage::currentDashboardUid() const
{
    return m_dashboard.uid;
}

void MetricsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    QPalette pal = m_message->palette();
    pal.setColor(QPalette::WindowText, error ? Palette::color(Palette::Tone::Bad)
                                             : palette().color(QPalette::WindowText));
    m_message->setPalette(pal);
    m_message->setVisible(!text.isEmpty());
}

void MetricsPage::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_configuredRefresh = interval;
    m_requestedRefresh = interval;
    int best = 0;
    for (int i = 0; i < m_refreshBox->count(); ++i) {
        const qint64 ms = m_refreshBox->itemData(i).toInt();
        if (std::abs(ms - interval.count())
            < std::abs(m_refreshBox->itemData(best).toInt() - interval.count()))
            best = i;
    }
    m_refreshBox->setCurrentIndex(best);
}

void MetricsPage::buildPanels()
{
    ++m_builds;
    qDeleteAll(m_panels);
    m_panels.clear();
    const Dashboard &d = m_dashboard;
    m_layout = DashboardGrid(d.panels);
    m_visiblePanels.clear();
    for (int i = 0; i < d.panels.size(); ++i) {
        auto *panel = new PanelWidget(d.panels.at(i), m_grid);
        m_panels.append(panel);
        connect(panel, &PanelWidget::zoomRequested, this, &MetricsPage::requestAbsoluteRange);
        connect(panel, &PanelWidget::resetZoomRequested, this,
                [this] { applyRangeChoice(m_lastRangeIndex); });
        connect(panel, &PanelWidget::toggled, this, [this, i](bool collapsed) {
            if (m_layout.setCollapsed(i, collapsed))
                layoutPanels();
        });
        connect(panel, &PanelWidget::tracesRequested, this, &MetricsPage::tracesRequested);
        connect(panel, &PanelWidget::traceRequested, this, &MetricsPage::traceRequested);
        connect(panel, &PanelWidget::openUrlRequested, this, &MetricsPage::openUrlRequested);
        connect(panel, &PanelWidget::linkRequested, this, &MetricsPage::openLink);
        panel->show();
    }
    rebuildVariables();
    updateTitles();
    layoutPanels();
}

void MetricsPage::layoutPanels()
{
    const int width = std::max(m_scroll->viewport()->width(), 200);
    const QList<QRect> rects = m_layout.rects(width);
    for (int i = 0; i < m_panels.size() && i < rects.size(); ++i) {
        PanelWidget *panel = m_panels.at(i);
        const bool shown = m_layout.isShown(i);
        if (shown) {
            // A row's header spans the grid; its cell is one grid unit high.
            panel->setGeometry(rects.at(i));
        }
        panel->setVisible(shown);
    }
    m_grid->setMinimumHeight(m_layout.pixelHeight());
    updateVisiblePanels();
    QTimer::singleShot(0, this, &MetricsPage::reportWidths);
}

void MetricsPage::updateVisiblePanels()
{
    // Grafana's lazy loading: what is on screen and a screen above and below it.
    const int top = m_scroll->verticalScrollBar()->value();
    const int height = std::max(m_scroll->viewport()->height(), 100);
    const QRect window(0, top - height, std::numeric_limits<int>::max() / 2, 3 * height);
    const QList<QRect> rects = m_layout.rects(std::max(m_scroll->viewport()->width(), 200));
    QList<int> visible;
    for (int i = 0; i < m_panels.size() && i < rects.size(); ++i) {
        if (m_panels.at(i)->panel().type != Panel::Type::Row && m_layout.isShown(i)
            && rects.at(i).intersects(window))
            visible << i;
    }
    if (visible == m_visiblePanels)
        return;
    m_visiblePanels = visible;
    Q_EMIT visiblePanelsChanged(visible);
}

void MetricsPage::reportWidths()
{
    for (int i = 0; i < m_panels.size(); ++i)
        Q_EMIT panelWidthChanged(i, m_panels.at(i)->plotWidth());
}

void MetricsPage::rebuildVariables()
{
    while (QLayoutItem *item = m_variablesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const DashboardVariable &v : std::as_const(m_variables)) {
        if (v.kind == DashboardVariable::Kind::Constant)
            continue;
        auto *label = new QLabel(v.label.isEmpty() ? v.name : v.label, m_variablesBar);
        label->setTextFormat(Qt::PlainText);
        if (v.multi) {
            m_variablesLayout->addWidget(label);
            m_variablesLayout->addWidget(buildMultiVariable(v));
            continue;
        }
        const QString current = v.current.value(0);
        auto *box = new QComboBox(m_variablesBar);
        box->setObjectName(u"variable_"_s + v.name);
        if (v.includeAll)
            box->addItem(tr("All"), u"$__all"_s);
        for (const QString &o : v.options)
            box->addItem(o, o);
        if (box->findData(current) < 0 && !current.isEmpty())
            box->addItem(current, current);
        box->setCurrentIndex(std::max(0, box->findData(current)));
        const QString name = v.name;
        connect(box, &QComboBox::activated, this, [this, box, name](int index) {
            Q_EMIT variableChosen(name, box->itemData(index).toString());
        });
        m_variablesLayout->addWidget(label);
        m_variablesLayout->addWidget(box);
    }
    m_variablesLayout->addStretch(1);
    m_variablesScroll->setVisible(
        std::any_of(m_variables.cbegin(), m_variables.cend(), [](const DashboardVariable &v) {
            return v.kind != DashboardVariable::Kind::Constant;
        }));
    // The new boxes are shown by their layout in the next turn of the event loop; until then
    // the bar's size hint leaves them out.
    QTimer::singleShot(0, this, &MetricsPage::fitVariablesBar);
}

void MetricsPage::fitVariablesBar()
{
    // As high as the boxes, plus the scroll bar when they do not fit across.
    const int needed = m_variablesBar->sizeHint().width();
    const bool scrolls = needed > m_variablesScroll->width();
    m_variablesScroll->setFixedHeight(
        m_variablesBar->sizeHint().height()
        + (scrolls ? m_variablesScroll->horizontalScrollBar()->sizeHint().height() : 0));
}

QWidget *MetricsPage::buildMultiVariable(const DashboardVariable &v)
{
    auto *button = new QToolButton(m_variablesBar);
    button->setObjectName(u"variable_"_s + v.name);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(button);
    const QString all = u"$__all"_s;
    auto add = [menu, &v](const QString &text, const QString &value) {
        QAction *action = menu->addAction(text);
        action->setData(value);
        action->setCheckable(true);
        action->setChecked(v.current.contains(value));
    };
    if (v.includeAll)
        add(tr("All"), all);
    QStringList values = v.options;
    for (const QString &c : v.current) {
        if (c != all && !values.contains(c))
            values << c;
    }
    for (const QString &o : std::as_const(values))
        add(o, o);
    auto summary = [menu, all] {
        QStringList chosen;
        for (const QAction *a : menu->actions()) {
            if (a->isChecked())
                chosen << (a->data().toString() == all ? tr("All") : a->data().toString());
        }
        return chosen.join(u" + "_s);
    };
    button->setText(summary());
    button->setMenu(menu);
    const QString name = v.name;
    const QString fallback = v.includeAll ? all : v.options.value(0);
    // All and single values exclude each other; nothing left checked means the fallback.
    connect(menu, &QMenu::triggered, this,
            [this, menu, button, name, all, fallback, summary](QAction *action) {
                const bool allChosen = action->data().toString() == all && action->isChecked();
                QStringList chosen;
                for (QAction *a : menu->actions()) {
                    const bool isAll = a->data().toString() == all;
                    if (allChosen ? a != action : (isAll && a != action))
                        a->setChecked(false);
                    if (a->isChecked())
                        chosen << a->data().toString();
                }
                if (chosen.isEmpty() && !fallback.isEmpty()) {
                    chosen << fallback;
                    for (QAction *a : menu->actions())
                        a->setChecked(a->data().toString() == fallback);
                }
                button->setText(summary());
                Q_EMIT variableValuesChosen(name, chosen);
            });
    return button;
}

void MetricsPage::applyRangeChoice(int index)
{
    const int seconds = m_rangeBox->itemData(index).toInt();
    if (seconds > 0) {
        m_lastRangeIndex = index;
        m_absStart = m_absEnd = QDateTime();
        const int absolute = m_rangeBox->findData(absoluteRangeItem);
        if (absolute >= 0)
            m_rangeBox->removeItem(absolute);
        m_rangeBox->setCurrentIndex(index);
        Q_EMIT relativeRangeRequested(seconds);
        return;
    }
    if (seconds == absoluteRangeItem)
        return; // the window on screen, chosen again
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom time range"));
    auto *form = new QFormLayout(&dialog);
    auto *from = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), &dialog);
    auto *to = new QDateTimeEdit(QDateTime::currentDateTime(), &dialog);
    from->setCalendarPopup(true);
    to->setCalendarPopup(true);
    form->addRow(tr("From"), from);
    form->addRow(tr("To"), to);
    if (m_absStart.isValid()) {
        from->setDateTime(m_absStart.toLocalTime());
        to->setDateTime(m_absEnd.toLocalTime());
    }
    from->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    to->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    // An end before the start is said here, and the dialog stays open for a correction.
    auto *problem = new QLabel(&dialog);
    problem->setObjectName(u"rangeProblem"_s);
    problem->setTextFormat(Qt::PlainText);
    problem->setStyleSheet(Palette::messageBoxStyle(true));
    problem->hide();
    form->addRow(problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&dialog, from, to, problem] {
        if (from->dateTime() < to->dateTime()) {
            dialog.accept();
            return;
        }
        problem->setText(
            tr("The end (%1) must be after the start (%2).").arg(to->text(), from->text()));
        problem->show();
    });
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted
        || !requestAbsoluteRange(from->dateTime(), to->dateTime()))
        m_rangeBox->setCurrentIndex(m_absStart.isValid() ? m_rangeBox->findData(absoluteRangeItem)
                                                         : m_lastRangeIndex);
}

bool MetricsPage::requestAbsoluteRange(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || start >= end) {
        showMessage(tr("Time range not changed: its end (%1) is not after its start (%2).")
                        .arg(QLocale().toString(end.toLocalTime(), QLocale::ShortFormat),
                             QLocale().toString(start.toLocalTime(), QLocale::ShortFormat)),
                    true);
        return false;
    }
    m_absStart = start.toUTC();
    m_absEnd = end.toUTC();
    // One item before "Custom…" names the window on screen.
    const QDateTime from = start.toLocalTime();
    const QDateTime to = end.toLocalTime();
    const QString toFormat = from.date() == to.date() ? u"HH:mm:ss"_s : u"yyyy-MM-dd HH:mm:ss"_s;
    const QString text
        = tr("%1 to %2").arg(from.toString(u"yyyy-MM-dd HH:mm:ss"_s), to.toString(toFormat));
    int item = m_rangeBox->findData(absoluteRangeItem);
    if (item < 0) {
        item = m_rangeBox->count() - 1;
        m_rangeBox->insertItem(item, text, absoluteRangeItem);
    } else {
        m_rangeBox->setItemText(item, text);
    }
    m_rangeBox->setCurrentIndex(item);
    Q_EMIT absoluteRangeRequested(m_absStart, m_absEnd);
    return true;
}

void MetricsPage::zoomOut()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime end = m_absStart.isValid() ? m_absEnd : now;
    const qint64 span = m_absStart.isValid()
                            ? m_absStart.msecsTo(m_absEnd)
                            : qint64(m_rangeBox->itemData(m_lastRangeIndex).toInt()) * 1000;
    const qint64 middle = end.toMSecsSinceEpoch() - span / 2;
    qint64 newEnd = middle + span;
    qint64 newStart = middle - span;
    // Never into the future: the doubled window ends now instead.
    if (newEnd > now.toMSecsSinceEpoch()) {
        newStart -= newEnd - now.toMSecsSinceEpoch();
        newEnd = now.toMSecsSinceEpoch();
    }
    requestAbsoluteRange(QDateTime::fromMSecsSinceEpoch(newStart, Qt::UTC),
                         QDateTime::fromMSecsSinceEpoch(newEnd, Qt::UTC));
}

QString MetricsPage::rangeText() const
{
    return m_rangeBox->currentText();
}

QString MetricsPage::refreshText() const
{
    return m_refreshBox->currentText();
}

void MetricsPage::applyDashboardTime(const Dashboard &dashboard)
{
    const PanelTime::DashboardWindow window
        = PanelTime::dashboardWindow(dashboard.timeFrom, dashboard.timeTo);
    if (window.isRelative()) {
        const int seconds = int(std::lround(window.relativeSeconds));
        int index = m_rangeBox->findData(seconds);
        if (index < 0) {
            // A range the picker does not offer ("now-2h"): offered from now on, before the
            // absolute window and "Custom…".
            const int absolute = m_rangeBox->findData(absoluteRangeItem);
            index = absolute >= 0 ? absolute : m_rangeBox->findData(-1);
            m_rangeBox->insertItem(index, PanelTime::describeRelative(seconds), seconds);
        }
        applyRangeChoice(index);
    } else if (window.isAbsolute()) {
        requestAbsoluteRange(window.start, window.end);
    }
    // Its refresh ("10s"; "" or none: the configured one), shown as the picker's closest choice.
    const double refresh = PanelTime::relativeSeconds(dashboard.refresh);
    const std::chrono::milliseconds wanted
        = refresh > 0 ? std::chrono::milliseconds(std::llround(refresh * 1000))
                      : m_configuredRefresh;
    int best = 0;
    for (int i = 0; i < m_refreshBox->count(); ++i) {
        if (std::abs(m_refreshBox->itemData(i).toLongLong() - wanted.count())
            < std::abs(m_refreshBox->itemData(best).toLongLong() - wanted.count()))
            best = i;
    }
    m_refreshBox->setCurrentIndex(best);
    if (wanted != m_requestedRefresh) {
        m_requestedRefresh = wanted;
        Q_EMIT refreshIntervalRequested(wanted);
    }
}

QUrl MetricsPage::linkUrl(const DashboardLink &link) const
{
    QDateTime from = m_absStart;
    QDateTime to = m_absEnd;
    if (!from.isValid()) {
        to = QDateTime::currentDateTimeUtc();
        from = to.addSecs(-qint64(m_rangeBox->itemData(m_lastRangeIndex).toInt()));
    }
    return DashboardLinks::resolve(link, m_variables, from, to);
}

void MetricsPage::openLink(const DashboardLink &link)
{
    const QUrl url = linkUrl(link);
    if (url.isEmpty()) {
        showMessage(tr("Link \"%1\" not opened: only http and https addresses are opened.")
                        .arg(link.title.isEmpty() ? link.url : link.title),
                    true);
        return;
    }
    Q_EMIT openUrlRequested(url);
}

void MetricsPage::openDashboardLater(const QString &uid)
{
    // Queued: opening a dashboard rebuilds the links bar, whose button is still emitting.
    QMetaObject::invokeMethod(
        this, [this, uid] { showDashboard(uid); }, Qt::QueuedConnection);
}

void MetricsPage::rebuildLinks()
{
    while (QLayoutItem *item = m_linksLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // The dashboards a "dashboards" link can list: the ones offered in the picker.
    QList<Dashboard> known = m_dashboards;
    for (const StackDashboard &d : std::as_const(m_stackDashboards)) {
        if (d.problem.isEmpty()) {
            Dashboard copy = d.dashboard;
            copy.uid = d.key();
            known << copy;
        }
    }
    const auto addButton = [this](const QString &text, const QString &tip) {
        auto *button = new QToolButton(m_linksBar);
        button->setObjectName(u"dashboardLink"_s);
        button->setText(text);
        button->setAutoRaise(true);
        button->setToolTip(plainToolTip(tip));
        m_linksLayout->addWidget(button);
        return button;
    };
    for (const DashboardLink &link : std::as_const(m_dashboard.links)) {
        if (link.type == DashboardLink::Type::Link) {
            QToolButton *button = addButton(link.title.isEmpty() ? link.url : link.title,
                                            link.tooltip.isEmpty() ? link.url : link.tooltip);
            button->setIcon(QIcon::fromTheme(u"emblem-symbolic-link"_s));
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
            connect(button, &QToolButton::clicked, this, [this, link] { openLink(link); });
            continue;
        }
        const QList<Dashboard> matches = DashboardLinks::matching(link, known, m_dashboard.uid);
        if (link.asDropdown || matches.size() > 4) {
            QToolButton *button
                = addButton(link.title.isEmpty() ? tr("Dashboards") : link.title,
                            link.tooltip.isEmpty() ? link.tags.join(u", "_s) : link.tooltip);
            button->setPopupMode(QToolButton::InstantPopup);
            auto *menu = new QMenu(button);
            for (const Dashboard &d : matches)
                menu->addAction(d.title, this, [this, uid = d.uid] { openDashboardLater(uid); });
            if (matches.isEmpty())
                menu->addAction(tr("No dashboard has these tags"))->setEnabled(false);
            button->setMenu(menu);
            continue;
        }
        for (const Dashboard &d : matches) {
            QToolButton *button = addButton(d.title, link.tooltip);
            connect(button, &QToolButton::clicked, this,
                    [this, uid = d.uid] { openDashboardLater(uid); });
        }
    }
    m_linksLayout->addStretch(1);
    m_linksBar->setVisible(!m_dashboard.links.isEmpty());
}

void MetricsPage::runExplore()
{
    const QString expr = m_exploreBox->currentText().trimmed();
    if (expr.isEmpty())
        return;
    m_history.removeAll(expr);
    m_history.prepend(expr);
    while (m_history.size() > 50)
        m_history.removeLast();
    m_exploreBox->blockSignals(true);
    m_exploreBox->clear();
    m_exploreBox->addItems(m_history);
    m_exploreBox->setCurrentIndex(0);
    m_exploreBox->blockSignals(false);
    m_exploreStatus->setText(tr("Running…"));
    Q_EMIT exploreRequested(expr, m_exploreChart->plotWidth(),
                            expr == m_exploreAlertExpr ? m_exploreAlert : Labels());
}

void MetricsPage::exploreExpression(const QString &expr, const QDateTime &start,
                                    const QDateTime &end, const Labels &alert)
{
    m_exploreAlertExpr = alert.isEmpty() ? QString() : expr.trimmed();
    m_exploreAlert = alert;
    m_tabs->setCurrentIndex(1);
    if (start.isValid() && end.isValid() && start < end)
        requestAbsoluteRange(start, end);
    m_exploreBox->setCurrentText(expr);
    runExplore();
}

QString MetricsPage::exploreError() const
{
    return m_exploreStatus->text();
}

void MetricsPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MetricsPage::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            Q_EMIT importRequested(url.toLocalFile());
    }
    event->acceptProposedAction();
}

bool MetricsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize)
        QTimer::singleShot(0, this, &MetricsPage::layoutPanels);
    return QWidget::eventFilter(watched, event);
}

void MetricsPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    QTimer::singleShot(0, this, &MetricsPage::fitVariablesBar);
    QTimer::singleShot(0, this, &MetricsPage::layoutPanels);
}

} // namespace Stackscope
