// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stack/stackpage.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include "models/stack/servicemodel.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/logview.h"
#include "ui/stack/sparklinedelegate.h"

#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QPushButton *makeButton(const QString &icon, const QString &text, const QString &name,
                        QWidget *parent)
{
    auto *b = new QPushButton(QIcon::fromTheme(icon), text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

StackPage::StackPage(ServiceModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_project(new QLabel(this))
    , m_daemon(new QLabel(this))
    , m_compose(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(m_banner))
    , m_bannerHint(new QLabel(m_banner))
    , m_fileProblem(new QLabel(this))
    , m_networks(new QFrame(this))
    , m_startStack(makeButton(u"media-playback-start"_s, tr("Start stack"), u"startStack"_s, this))
    , m_stopStack(makeButton(u"media-playback-stop"_s, tr("Stop stack"), u"stopStack"_s, this))
    , m_restartStack(makeButton(u"view-refresh"_s, tr("Restart stack"), u"restartStack"_s, this))
    , m_startService(makeButton(u"media-playback-start"_s, tr("Start"), u"startService"_s, this))
    , m_stopService(makeButton(u"media-playback-stop"_s, tr("Stop"), u"stopService"_s, this))
    , m_restartService(makeButton(u"view-refresh"_s, tr("Restart"), u"restartService"_s, this))
    , m_logsButton(makeButton(u"text-x-generic"_s, tr("Logs"), u"serviceLogs"_s, this))
    , m_summary(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_historySource(new QLabel(this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
    , m_progress(new ComposeProgressPanel(this))
    , m_logs(new LogView(this))
{
    setObjectName(u"stackPage"_s);
    showItemToolTipsAsPlainText(m_table); // health output, container names
    auto *title = new QLabel(tr("Stack"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    for (QLabel *l : {m_project, m_daemon, m_compose, m_bannerText, m_bannerHint, m_fileProblem,
                      m_summary, m_selection}) {
        l->setTextFormat(Qt::PlainText);
    }
    m_daemon->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_daemon->setObjectName(u"daemonInfo"_s);
    m_project->setObjectName(u"projectInfo"_s);
    m_compose->setObjectName(u"composeInfo"_s);
    for (QLabel *l : {m_daemon, m_compose})
        l->setStyleSheet(u"color: #555;"_s);

    // The banner: what is wrong with the daemon and what to do.
    m_banner->setObjectName(u"connectionBanner"_s);
    m_banner->setStyleSheet(Palette::problemBannerStyle(m_banner->objectName()));
    QFont strong = m_bannerText->font();
    strong.setBold(true);
    m_bannerText->setFont(strong);
    m_bannerText->setWordWrap(true);
    m_bannerHint->setWordWrap(true);
    auto *retry = new QPushButton(tr("Retry now"), m_banner);
    retry->setObjectName(u"retryConnection"_s);
    connect(retry, &QPushButton::clicked, this, &StackPage::retryRequested);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    auto *bannerIcon = new QLabel(m_banner);
    bannerIcon->setPixmap(QIcon::fromTheme(u"dialog-error"_s).pixmap(24, 24));
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    auto *bannerTexts = new QVBoxLayout;
    bannerTexts->addWidget(m_bannerText);
    bannerTexts->addWidget(m_bannerHint);
    bannerLayout->addLayout(bannerTexts, 1);
    bannerLayout->addWidget(retry, 0, Qt::AlignTop);
    m_banner->hide();

    m_fileProblem->setObjectName(u"composeFileProblem"_s);
    m_fileProblem->setWordWrap(true);
    m_fileProblem->setStyleSheet(Palette::messageBoxStyle(false));
    m_fileProblem->hide();
    m_networks->hide();

    QFont big = m_startStack->font();
    big.setBold(true);
    m_startStack->setFont(big);
    m_startStack->setDefault(true);
    auto *more = new QToolButton(this);
    m_more = more;
    more->setText(tr("More"));
    more->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(more);
    menu->addAction(QIcon::fromTheme(u"edit-delete"_s), tr("Remove containers (compose down)"),
                    this, &StackPage::downStackRequested);
    more->setMenu(menu);
    more->setObjectName(u"stackMore"_s);
    m_summary->setObjectName(u"stackSummary"_s);

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(title);
    titles->addWidget(m_project);
    header->addLayout(titles, 1);
    auto *infos = new QVBoxLayout;
    infos->addWidget(m_daemon, 0, Qt::AlignRight);
    infos->addWidget(m_compose, 0, Qt::AlignRight);
    header->addLayout(infos);

    auto *stackBar = new QHBoxLayout;
    stackBar->addWidget(m_startStack);
    stackBar->addWidget(m_stopStack);
    stackBar->addWidget(m_restartStack);
    stackBar->addWidget(more);
    stackBar->addSpacing(16);
    stackBar->addWidget(m_summary, 1);
    // Where the CPU and memory sparklines' history comes from: the stack's cAdvisor through
    // Prometheus when it has any, else Stackscope's own samples.
    m_historySource->setObjectName(u"historySource"_s);
    stackBar->addWidget(m_historySource);
    const auto showHistorySource = [this] {
        m_historySource->setText(tr("CPU and memory: %1").arg(m_model->historySource()));
    };
    showHistorySource();
    connect(m_model, &QAbstractItemModel::dataChanged, m_historySource, showHistorySource);

    auto *serviceBar = new QHBoxLayout;
    m_selection->setObjectName(u"selectedService"_s);
    serviceBar->addWidget(m_selection, 1);
    serviceBar->addWidget(m_startService);
    serviceBar->addWidget(m_stopService);
    serviceBar->addWidget(m_restartService);
    serviceBar->addWidget(m_logsButton);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ServiceModel::SortRole);
    m_table->setModel(m_proxy);
    m_table->setObjectName(u"servicesTable"_s);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    // "registry.example.com/team/…/prometheus:v2.42.0": the name's start and the tag both stay.
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ServiceModel::Image, QHeaderView::Stretch);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const int w = m_table->fontMetrics().averageCharWidth();
    m_table->setColumnWidth(ServiceModel::Service, w * 18);
    // Wide enough for the German texts too ("nicht angelegt", "nicht gesund").
    m_table->setColumnWidth(ServiceModel::State, w * 24);
    m_table->setColumnWidth(ServiceModel::Health, w * 17);
    m_table->setColumnWidth(ServiceModel::Uptime, w * 17);
    m_table->setColumnWidth(ServiceModel::Restarts, w * 12);
    m_table->setColumnWidth(ServiceModel::Ports, w * 12);
    // CPU and memory: the last hour as a sparkline beside the latest value.
    auto *cpu = new SparklineDelegate(ServiceModel::CpuHistoryRole, ServiceModel::HistoryWindowRole,
                                      Palette::series(5), m_table);
    cpu->setReservedText(u"888.8 %"_s);
    cpu->setMinimumTop(1.0); // 1 % of a core: an idle service's noise stays low
    auto *memory
        = new SparklineDelegate(ServiceModel::MemoryHistoryRole, ServiceModel::HistoryWindowRole,
                                Palette::series(6), m_table);
    memory->setReservedText(u"888 MiB / 88.8 GiB"_s);
    for (auto [column, delegate] :
         {std::pair{ServiceModel::Cpu, cpu}, {ServiceModel::Memory, memory}}) {
        m_table->setItemDelegateForColumn(column, delegate);
        m_table->setColumnWidth(column, delegate->preferredWidth(m_table->fontMetrics()));
    }
    m_table->setMouseTracking(true);
    connect(m_table, &QTableView::clicked, this, &StackPage::openPort);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != ServiceModel::Ports)
            showLogs(selectedService());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StackPage::updateActions);

    m_tabs->setObjectName(u"stackTabs"_s);
    m_tabs->addTab(m_progress, QIcon::fromTheme(u"utilities-terminal"_s), tr("Compose output"));
    m_tabs->addTab(m_logs, QIcon::fromTheme(u"text-x-generic"_s), tr("Logs"));

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(serviceBar);
    topLayout->addWidget(m_table, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->addLayout(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_fileProblem);
    layout->addWidget(m_networks);
    layout->addLayout(stackBar);
    layout->addWidget(splitter, 1);

    connect(m_startStack, &QPushButton::clicked, this, &StackPage::startStackRequested);
    connect(m_stopStack, &QPushButton::clicked, this, &StackPage::stopStackRequested);
    connect(m_restartStack, &QPushButton::clicked, this, &StackPage::restartStackRequested);
    connect(m_startService, &QPushButton::clicked, this,
            [this] { Q_EMIT startServiceRequested(selectedService()); });
    connect(m_stopService, &QPushButton::clicked, this,
            [this] { Q_EMIT stopServiceRequested(selectedService()); });
    connect(m_restartService, &QPushButton::clicked, this,
            [this] { Q_EMIT restartServiceRequested(selectedService()); });
    connect(m_logsButton, &QPushButton::clicked, this, [this] { showLogs(selectedService()); });
    connect(m_logs, &LogView::reloadRequested, this, &StackPage::logsRequested);
    connect(m_progress, &ComposeProgressPanel::cancelRequested, this, &StackPage::cancelRequested);
    connect(model, &QAbstractItemModel::dataChanged, this, &StackPage::updateActions);
    connect(model, &QAbstractItemModel::rowsInserted, this, &StackPage::updateActions);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &StackPage::updateActions);
    updateActions();
}

void StackPage::setProjectInfo(const QString &project, const QString &nameSource,
                               const QStringList &composeFiles, const QString &modelSource)
{
    m_project->setText(
        tr("Compose project \u201c%1\u201d \u00b7 %2").arg(project, composeFiles.join(u", "_s)));
    m_project->setToolTip(tr("Project name from %1.\nServices %2.").arg(nameSource, modelSource));
}

void StackPage::setDaemonInfo(const QString &endpoint, const QString &source,
                              const QString &version)
{
    m_daemon->setText(tr("Docker %1 via %2").arg(endpoint, source));
    m_version = version;
    updateInfoLine();
}

void StackPage::setComposeInfo(const QString &composeCommand)
{
    m_composeText = composeCommand;
    updateInfoLine();
}

void StackPage::updateInfoLine()
{
    QStringList parts;
    if (!m_version.isEmpty())
        parts << m_version;
    if (!m_composeText.isEmpty())
        parts << tr("Compose: %1").arg(m_composeText);
    m_compose->setText(parts.join(u" \u00b7 "_s));
}

void StackPage::setConnectionProblem(const QString &message, const QString &hint)
{
    m_bannerText->setText(message);
    m_bannerHint->setText(hint);
    m_bannerHint->setVisible(!hint.isEmpty());
    m_banner->setVisible(!message.isEmpty());
    updateActions();
}

void StackPage::setComposeFileProblem(const QString &message)
{
    m_fileProblem->setText(tr("The compose files have a problem (the list of services may be "
                              "stale): %1")
                               .arg(message));
    m_fileProblem->setVisible(!message.isEmpty());
}

void StackPage::setMissingNetworks(const QStringList &names, const QString &error)
{
    m_missingNetworks = names;
    delete m_networks->layout();
    qDeleteAll(m_networks->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_networks->setObjectName(u"missingNetworks"_s);
    m_networks->setStyleSheet(Palette::problemBannerStyle(m_networks->objectName()));
    m_networks->setVisible(!names.isEmpty());
    if (names.isEmpty())
        return;
    auto *rows = new QVBoxLayout(m_networks);
    rows->setContentsMargins(10, 6, 10, 6);
    for (const QString &name : names) {
        auto *row = new QHBoxLayout;
        auto *text = new QLabel(tr("The compose file uses the external network \u201c%1\u201d, "
                                   "which does not exist on this Docker daemon.")
                                    .arg(name),
                                m_networks);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        auto *create = new QPushButton(tr("Create network %1").arg(name), m_networks);
        create->setObjectName(u"createNetwork"_s);
        connect(create, &QPushButton::clicked, this, [this, name, create] {
            create->setEnabled(false);
            Q_EMIT createNetworkRequested(name);
        });
        row->addWidget(text, 1);
        row->addWidget(create);
        rows->addLayout(row);
    }
    if (!error.isEmpty()) {
        auto *why = new QLabel(error, m_networks);
        why->setTextFormat(Qt::PlainText);
        why->setWordWrap(true);
        rows->addWidget(why);
    }
}

void StackPage::setConnected(bool connected)
{
    m_connected = connected;
    updateActions();
}

void StackPage::setBusy(bool busy)
{
    m_busy = busy;
    if (busy)
        m_tabs->setCurrentWidget(m_progress);
    updateActions();
}

void StackPage::showOutputTab()
{
    m_tabs->setCurrentWidget(m_progress);
}

void StackPage::showLogsTab()
{
    m_tabs->setCurrentWidget(m_logs);
}

QString StackPage::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text() + u'\n' + m_bannerHint->text();
}

QString StackPage::summaryText() const
{
    return m_summary->text();
}

QString StackPage::historySourceText() const
{
    return m_historySource->text();
}

void StackPage::selectService(const QString &service)
{
    const int row = m_model->rowOf(service);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect
                                                 | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    updateActions();
}

void StackPage::showLogs(const QString &service)
{
    if (service.isEmpty())
        return;
    if (service != selectedService())
        selectService(service);
    if (!canShowLogs(service))
        return;
    m_logs->setService(service);
    m_tabs->setCurrentWidget(m_logs);
    Q_EMIT logsRequested(service, m_logs->tail(), m_logs->follow());
}

bool StackPage::canShowLogs(const QString &service) const
{
    const ServiceStatus *s = service.isEmpty() ? nullptr : m_model->service(service);
    return m_connected && s && s->hasContainer() && service == selectedService();
}

QString StackPage::selectedService() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(ServiceModel::ServiceRole).toString();
}

void StackPage::openPort(const QModelIndex &index)
{
    if (index.column() != ServiceModel::Ports)
        return;
    const QStringList urls = index.data(ServiceModel::UrlsRole).toStringList();
    if (!urls.isEmpty())
        QDesktopServices::openUrl(QUrl(urls.first()));
}

void StackPage::updateActions()
{
    int declared = 0, running = 0, healthy = 0, unhealthy = 0, exited = 0, notCreated = 0;
    for (const ServiceStatus &s : m_model->services()) {
        if (!s.declared)
            continue;
        ++declared;
        switch (s.condition()) {
        case ServiceStatus::Condition::Healthy:
            ++healthy;
            ++running;
            break;
        case ServiceStatus::Condition::Unhealthy:
            ++unhealthy;
            ++running;
            break;
        case ServiceStatus::Condition::Running:
        case ServiceStatus::Condition::Starting:
            ++running;
            break;
        case ServiceStatus::Condition::Exited:
        case ServiceStatus::Condition::Stopped:
            ++exited;
            break;
        case ServiceStatus::Condition::NotCreated:
            ++notCreated;
            break;
        case ServiceStatus::Condition::Unknown:
            break;
        }
    }
    const bool can = m_connected && !m_busy;
    m_startStack->setEnabled(can && declared > 0 && running < declared);
    m_stopStack->setEnabled(can && running > 0);
    m_restartStack->setEnabled(can && running > 0);
    m_more->setEnabled(can);

    QStringList parts{tr("%n service(s)", nullptr, declared), tr("%1 running").arg(running)};
    if (healthy)
        parts << tr("%1 healthy").arg(healthy);
    if (unhealthy)
        parts << tr("%1 unhealthy").arg(unhealthy);
    if (exited)
        parts << tr("%1 stopped or exited").arg(exited);
    if (notCreated)
        parts << tr("%1 not created").arg(notCreated);
    QString summary = parts.join(u" \u00b7 "_s);
    if (!m_connected && declared > 0)
        summary += tr("  (Docker cannot be reached: states may be stale)");
    if (m_busy)
        summary += tr("  \u2014 compose is running\u2026");
    m_summary->setText(summary);

    const QString service = selectedService();
    const ServiceStatus *s = service.isEmpty() ? nullptr : m_model->service(service);
    m_selection->setText(s ? tr("Service %1").arg(service)
                           : tr("Select a service for its actions and logs"));
    const bool isRunning = s && s->isRunning();
    m_startService->setEnabled(can && s && s->declared && !isRunning);
    m_stopService->setEnabled(can && s && isRunning);
    m_restartService->setEnabled(can && s && isRunning);
    m_logsButton->setEnabled(canShowLogs(service));
}

} // namespace Stackscope
