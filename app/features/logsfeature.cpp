// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Logs page's factory and feature: StackLogs (core) behind LogsPage (ui).
#include "app/features/logsfeature.h"

#include "app/compose/stacksupervisor.h"
#include "app/docker/stacklogs.h"
#include "models/logs/logmodel.h"
#include "models/stack/servicemodel.h"
#include "ui/logs/logspage.h"
#include "ui/logs/stacklogsview.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

LogsFeature::LogsFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_model(std::make_unique<LogModel>())
    , m_stackLogs(new StackLogs(m_model.get(), this))
{
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(0);
    connect(&m_syncTimer, &QTimer::timeout, this, &LogsFeature::syncContainers);
}

LogsFeature::~LogsFeature()
{
    delete m_stackLogs; // before the model it appends to
    m_stackLogs = nullptr;
}

QString LogsFeature::id() const
{
    return u"logs"_s;
}

QString LogsFeature::title() const
{
    return tr("Logs");
}

QIcon LogsFeature::icon() const
{
    return QIcon::fromTheme(u"utilities-log-viewer"_s, QIcon(u":/icons/page-logs.svg"_s));
}

QWidget *LogsFeature::createPage()
{
    auto *page = new LogsPage(m_model.get());
    m_page = page;
    StackLogsView *view = page->stackView();
    connect(view, &StackLogsView::optionsChanged, m_stackLogs, [this](const StackLogsOptions &o) {
        m_stackLogs->setOptions(o.tail, o.follow, o.since, o.until);
    });
    connect(m_stackLogs, &StackLogs::serviceStatusChanged, view, &StackLogsView::setServiceStatus);
    const StackLogsOptions o = view->options();
    m_stackLogs->setOptions(o.tail, o.follow, o.since, o.until);
    connect(page, &LogsPage::firstShown, this, [this] {
        if (m_started)
            m_stackLogs->start();
    });
    return page;
}

void LogsFeature::applyConfig(const Config &config)
{
    Q_UNUSED(config);
}

void LogsFeature::setStackSupervisor(StackSupervisor *supervisor)
{
    m_supervisor = supervisor;
    ServiceModel *model = supervisor->model();
    const auto schedule = [this] {
        m_syncTimer.start();
    };
    connect(model, &QAbstractItemModel::modelReset, this, schedule);
    connect(model, &QAbstractItemModel::rowsInserted, this, schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, schedule);
    connect(supervisor, &StackSupervisor::connectionChanged, this, schedule);
    connect(supervisor, &StackSupervisor::projectChanged, this, [this] {
        // Another stack: its logs only.
        const StackLogsOptions o = m_page ? m_page->stackView()->options() : StackLogsOptions{};
        m_stackLogs->setOptions(o.tail, o.follow, o.since, o.until);
        m_syncTimer.start();
    });
    m_syncTimer.start();
}

void LogsFeature::syncContainers()
{
    if (!m_supervisor)
        return;
    QStringList services;
    QList<ContainerInfo> containers;
    for (const ServiceStatus &row : m_supervisor->model()->services()) {
        services.append(row.service);
        if (row.hasContainer())
            containers.append(row.container);
    }
    const bool connected = m_supervisor->connection() == StackSupervisor::Connection::Connected;
    m_stackLogs->setClient(connected ? m_supervisor->client() : nullptr);
    m_stackLogs->setServices(services);
    m_stackLogs->setContainers(containers);
    if (m_page)
        m_page->stackView()->setServices(services);
}

void LogsFeature::start()
{
    m_started = true;
    // The streams open once the page is seen (a window that never shows it reads no logs).
    if (m_page && m_page->isVisible())
        m_stackLogs->start();
}

void LogsFeature::show(const NavigationRequest &request)
{
    const auto *logs = std::get_if<LogsRequest>(&request);
    if (!m_page || !logs)
        return;
    m_page->showStackTab();
    if (m_started)
        m_stackLogs->start();
    StackLogsView *view = m_page->stackView();
    view->setChosenServices(logs->service.isEmpty() ? QStringList() : QStringList{logs->service});
    view->showAround(logs->around);
}

std::unique_ptr<Feature> makeLogsFeature(const AppContext &context)
{
    return std::make_unique<LogsFeature>(context);
}

} // namespace Stackscope
