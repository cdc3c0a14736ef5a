// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Traces page's factory and feature.
#include "app/features/tracesfeature.h"

#include "app/http/poller.h"
#include "app/jaeger/jaegerclient.h"
#include "app/jaeger/traceloader.h"
#include "app/jaeger/traceparser.h"
#include "app/selfmetrics/selfmetrics.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/traceview.h"

#include "ui/mainwindow.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Stackscope {

TracesFeature::TracesFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_client(new JaegerClient(context.network, this))
    , m_loader(new TraceLoader(this))
    , m_servicesPoller(new Poller(this))
{
    if (m_context.selfMetrics)
        connect(m_client->http(), &HttpClient::requestFinished, m_context.selfMetrics,
                &SelfMetrics::recordRequest);
    m_servicesPoller->setTask([this](Poller::Report report) {
        loadServices([report](bool ok, bool absent) { report({ok, absent}); });
    });
    if (m_context.selfMetrics)
        connect(m_servicesPoller, &Poller::cycleFinished, m_context.selfMetrics,
                [metrics = m_context.selfMetrics](bool ok) {
                    metrics->recordPollCycle(u"jaeger"_s, ok);
                });

    connect(
        m_loader, &TraceLoader::traceReady, this,
        [this](const TraceLayoutPtr &layout, const QString &source, const QStringList &warnings) {
            if (!m_page)
                return;
            m_page->traceView()->setTraceLayout(layout, source, warnings);
            m_page->showTrace();
        });
    connect(m_loader, &TraceLoader::openFailed, this,
            [this](const QString &source, const QString &message) {
                if (!m_page)
                    return;
                TraceView *view = m_page->traceView();
                view->setNotice(
                    view->traceLayout()
                        ? tr("Could not open %1: %2. The trace below is the one open before.")
                              .arg(source, message)
                        : tr("Could not open %1: %2").arg(source, message),
                    true);
                m_page->showTrace();
            });
    connect(m_loader, &TraceLoader::searchReady, this, [this](const QList<TraceSummary> &results) {
        if (m_page)
            m_page->search()->setResults(results);
    });
    connect(m_loader, &TraceLoader::searchFailed, this, [this](const QString &message) {
        if (m_page)
            m_page->search()->setStatus(tr("The search failed: %1").arg(message), true);
    });
}

TracesFeature::~TracesFeature() = default;

QString TracesFeature::id() const
{
    return u"traces"_s;
}

QString TracesFeature::title() const
{
    return tr("Traces");
}

QIcon TracesFeature::icon() const
{
    return QIcon::fromTheme(u"view-list-tree"_s, QIcon(u":/icons/page-traces.svg"_s));
}

QWidget *TracesFeature::createPage()
{
    auto *page = new TracesPage;
    m_page = page;
    TraceSearchPage *search = page->search();
    connect(search, &TraceSearchPage::serviceChanged, this, &TracesFeature::loadOperations);
    connect(search, &TraceSearchPage::searchRequested, this, &TracesFeature::search);
    connect(search, &TraceSearchPage::openRequested, this, &TracesFeature::openSummary);
    connect(search, &TraceSearchPage::openTraceIdRequested, this, &TracesFeature::openTraceId);
    connect(search, &TraceSearchPage::refreshServicesRequested, m_servicesPoller, &Poller::pollNow);
    connect(page, &TracesPage::openFileRequested, this, &TracesFeature::openFile);
    page->setOpenShortcutEnabled(m_context.window == nullptr);
    connect(page, &TracesPage::saveRequested, this, &TracesFeature::saveTrace);
    addMenuAction();
    return page;
}

void TracesFeature::addMenuAction()
{
    // File ▸ Open trace file…, placed before the window's own separator (the window is shared:
    // it is found, not changed).
    if (!m_context.window)
        return;
    QMenu *file = nullptr;
    const auto menus = m_context.window->menuBar()->actions();
    for (QAction *action : menus) {
        if (auto *menu = action->menu<QMenu *>(); menu && !file)
            file = menu;
    }
    if (!file)
        return;
    auto *open = new QAction(QIcon::fromTheme(u"document-open"_s), tr("Open &trace file…"), file);
    open->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_context.window, tr("Open trace"), {}, tr("Jaeger JSON (*.json);;All files (*)"));
        if (!path.isEmpty() && openFile(path))
            m_context.window->showPage(id());
    });
    QAction *before = nullptr;
    for (QAction *action : file->actions()) {
        if (action->isSeparator() && !before)
            before = action;
    }
    file->insertAction(before, open);
}

void TracesFeature::applyConfig(const Config &config)
{
    m_client->setEndpoint(config.jaeger);
    m_client->http()->setMaxBodyBytes(config.http.maxBodyBytes);
    m_servicesPoller->setInterval(config.refresh.traces);
    m_servicesPoller->setWatchAddress(config.jaeger.url.host(),
                                      quint16(config.jaeger.url.port(16686)));
    if (m_started)
        m_servicesPoller->pollNow();
}

void TracesFeature::start()
{
    m_started = true;
    m_servicesPoller->start();
}

void TracesFeature::loadServices(std::function<void(bool, bool)> report)
{
    m_client->services(this, [this, report](const QStringList &names, const HttpError &error) {
        if (m_page) {
            TraceSearchPage *search = m_page->search();
            if (error.isError()) {
                m_servicesProblem = tr("Cannot list Jaeger's services: %1").arg(error.message);
                search->setStatus(m_servicesProblem, true);
            } else {
                search->setServices(names);
                // Jaeger answers again: the problem it had must not stay on the page.
                if (!m_servicesProblem.isEmpty()
                    && search->status()->text().startsWith(m_servicesProblem))
                    search->setStatus({}, false);
                m_servicesProblem.clear();
            }
        }
        report(!error.isError(), error.isConnectionLevel());
    });
}

void TracesFeature::loadOperations(const QString &service)
{
    m_client->operations(
        service, this, [this, service](const QStringList &names, const HttpError &error) {
            if (!m_page)
                return;
            if (error.isError())
                m_page->search()->setStatus(
                    tr("Cannot list the operations of %1: %2").arg(service, error.message), true);
            else
                m_page->search()->setOperations(service, names);
        });
}

void TracesFeature::search(const TraceQuery &query)
{
    m_client->search(query, this, [this](const QByteArray &body, const HttpError &error) {
        if (!m_page)
            return;
        if (error.isError()) {
            m_page->search()->setStatus(tr("The search failed: %1").arg(error.message), true);
            return;
        }
        m_loader->searchJson(body);
    });
}

void TracesFeature::openSummary(const TraceSummary &summary)
{
    if (!summary.trace)
        return openTraceId(summary.traceId);
    if (m_page)
        m_page->traceView()->setNotice(tr("Opening trace %1…").arg(summary.traceId), false);
    m_loader->openTrace(summary.trace, summary.traceId);
}

void TracesFeature::openTraceId(const QString &traceId)
{
    if (m_page) {
        m_page->traceView()->setNotice(tr("Loading trace %1…").arg(traceId), false);
        m_page->showTrace();
    }
    m_client->trace(traceId, this, [this, traceId](const QByteArray &body, const HttpError &error) {
        if (error.isError()) {
            if (m_page) {
                m_page->traceView()->setNotice(
                    tr("Could not load trace %1: %2").arg(traceId, error.message), true);
            }
            return;
        }
        m_loader->openJson(body, traceId, traceId);
    });
}

bool TracesFeature::openFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        if (m_page)
            m_page->traceView()->setNotice(tr("Cannot read %1").arg(path), true);
        return false;
    }
    if (m_page) {
        m_page->traceView()->setNotice(tr("Opening %1…").arg(info.fileName()), false);
        m_page->showTrace();
    }
    m_loader->openFile(path);
    return true;
}

void TracesFeature::show(const QVariantMap &arguments)
{
    if (!m_page)
        return;
    const QString service = arguments.value(u"service"_s).toString();
    const QDateTime start = arguments.value(u"start"_s).toDateTime();
    const QDateTime end = arguments.value(u"end"_s).toDateTime();
    m_page->search()->prepare(service, start, end);
    m_page->showSearch();
    if (!service.isEmpty())
        m_page->search()->submit();
}

bool TracesFeature::saveTrace(const QString &path)
{
    if (!m_page || !m_page->traceView()->traceLayout())
        return false;
    QSaveFile file(path);
    const QByteArray json = toJaegerJson(*m_page->traceView()->traceLayout()->trace);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        m_page->traceView()->setNotice(tr("Could not save %1: %2").arg(path, file.errorString()),
                                       true);
        return false;
    }
    m_page->traceView()->setNotice(tr("Saved %1").arg(path), false);
    return true;
}

std::unique_ptr<Feature> makeTracesFeature(const AppContext &context)
{
    return std::make_unique<TracesFeature>(context);
}

} // namespace Stackscope
