// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Traces page's factory and feature.
#include "app/features/tracesfeature.h"

#include "app/http/poller.h"
#include "app/jaeger/jaegerclient.h"
#include "app/jaeger/tracecomparer.h"
#include "app/jaeger/tracescontroller.h"
#include "app/selfmetrics/selfmetrics.h"
#include "ui/traces/tracecompareview.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include "ui/mainwindow.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Stackscope {

TracesFeature::TracesFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_controller(new TracesController(context.network, this))
    , m_comparer(new TraceComparer(m_controller->client(), this))
{
    if (SelfMetrics *metrics = m_context.selfMetrics) {
        connect(m_controller->client()->http(), &HttpClient::requestFinished, metrics,
                &SelfMetrics::recordRequest);
        connect(m_controller->servicesPoller(), &Poller::cycleFinished, metrics,
                [metrics](bool ok) { metrics->recordPollCycle(u"jaeger"_s, ok); });
    }

    connect(m_controller, &TracesController::servicesAvailable, this,
            [this](const QStringList &names) {
                if (!m_page)
                    return;
                m_page->search()->setServices(names);
                // Jaeger answers again: the problem it had must not stay on the page.
                m_page->search()->setServicesProblem({});
            });
    connect(m_controller, &TracesController::servicesFailed, this, [this](const HttpError &error) {
        if (m_page)
            m_page->search()->setServicesProblem(
                tr("Cannot list Jaeger's services: %1").arg(error.message));
    });
    connect(m_controller, &TracesController::operationsAvailable, this,
            [this](const QString &service, const QStringList &names) {
                if (m_page)
                    m_page->search()->setOperations(service, names);
            });
    connect(m_controller, &TracesController::operationsFailed, this,
            [this](const QString &service, const HttpError &error) {
                if (m_page)
                    m_page->search()->setStatus(
                        tr("Cannot list the operations of %1: %2").arg(service, error.message),
                        true);
            });
    connect(m_controller, &TracesController::searchResultsAvailable, this,
            [this](const QList<TraceSummary> &results) {
                if (m_page)
                    m_page->search()->setResults(results);
            });
    connect(m_controller, &TracesController::searchFailed, this, [this](const HttpError &error) {
        if (m_page)
            m_page->search()->setStatus(tr("The search failed: %1").arg(error.message), true);
    });
    connect(
        m_controller, &TracesController::traceOpened, this,
        [this](const TraceLayoutPtr &layout, const QString &source, const QStringList &warnings) {
            if (!m_page)
                return;
            m_page->traceView()->setTraceLayout(layout, source, warnings);
            if (m_pendingTrace && layout && layout->trace == m_pendingTrace)
                m_page->traceView()->timeline()->selectSpan(m_pendingSpan);
            m_pendingTrace.reset();
            m_page->showTrace();
        });
    connect(m_controller, &TracesController::traceOpenFailed, this,
            &TracesFeature::showOpenFailure);
    connect(
        m_comparer, &TraceComparer::comparisonReady, this,
        [this](const TraceComparisonPtr &comparison, const QString &labelA, const QString &labelB) {
            if (m_page)
                m_page->compareView()->setComparison(comparison, labelA, labelB);
        });
    connect(m_comparer, &TraceComparer::comparisonFailed, this, [this](const QString &message) {
        if (m_page)
            m_page->compareView()->setNotice(message, true);
    });
    // A file with several traces: they go to the search results, to pick one.
    connect(m_controller, &TracesController::tracesToPick, this,
            [this](const QString &source, const QList<TraceSummary> &traces) {
                if (!m_page)
                    return;
                m_page->search()->setResults(traces);
                m_page->search()->setStatus(
                    tr("%1 holds %n trace(s): open one from the list", nullptr, int(traces.size()))
                        .arg(source),
                    false);
                m_page->traceView()->setNotice({}, false);
                m_page->showSearch();
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
    connect(search, &TraceSearchPage::serviceChanged, m_controller,
            &TracesController::loadOperations);
    connect(search, &TraceSearchPage::searchRequested, m_controller, &TracesController::search);
    connect(search, &TraceSearchPage::openRequested, this, &TracesFeature::openSummary);
    connect(search, &TraceSearchPage::openTraceIdRequested, this, &TracesFeature::openTraceId);
    connect(search, &TraceSearchPage::refreshServicesRequested, m_controller,
            &TracesController::refreshServices);
    connect(page, &TracesPage::openFileRequested, this, &TracesFeature::openFile);
    page->setOpenShortcutEnabled(m_context.window == nullptr);
    connect(page, &TracesPage::saveRequested, this, &TracesFeature::saveTrace);
    connect(page, &TracesPage::compareRequested, this, &TracesFeature::compare);
    connect(page->compareView(), &TraceCompareView::openSpanRequested, this,
            &TracesFeature::openSpan);
    return page;
}

QList<FeatureMenuAction> TracesFeature::menuActions()
{
    // File ▸ Open trace file… (the page's own button has the shortcut when there is no window).
    auto *open = new QAction(QIcon::fromTheme(u"document-open"_s), tr("Open &trace file…"), this);
    open->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    connect(open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_context.window, tr("Open trace"), {},
            tr("Trace files (*.json *.jsonl *.ndjson);;All files (*)"));
        if (!path.isEmpty() && openFile(path) && m_context.window)
            m_context.window->showPage(id());
    });
    return {{MainWindow::Menu::File, open}};
}

void TracesFeature::applyConfig(const Config &config)
{
    m_controller->applyConfig(config);
}

void TracesFeature::start()
{
    m_controller->start();
}

void TracesFeature::openSummary(const TraceSummary &summary)
{
    if (!summary.trace)
        return openTraceId(summary.traceId);
    if (m_page)
        m_page->traceView()->setNotice(tr("Opening trace %1…").arg(summary.traceId), false);
    m_controller->openSummary(summary);
}

void TracesFeature::openTraceId(const QString &traceId)
{
    if (m_page) {
        m_page->traceView()->setNotice(tr("Loading trace %1…").arg(traceId), false);
        m_page->showTrace();
    }
    m_controller->openTraceId(traceId);
}

void TracesFeature::compare(const TraceSource &a, const TraceSource &b)
{
    if (m_page) {
        m_page->compareView()->setNotice(tr("Comparing %1 with %2…").arg(a.label(), b.label()),
                                         false);
        m_page->showCompare();
    }
    m_comparer->compare(a, b);
}

void TracesFeature::openSpan(const TracePtr &trace, int span)
{
    if (!m_page || !trace || span < 0 || size_t(span) >= trace->spans.size())
        return;
    const TraceLayoutPtr current = m_page->traceView()->traceLayout();
    if (current && current->trace == trace) {
        m_page->traceView()->timeline()->selectSpan(span);
        m_page->showTrace();
        return;
    }
    m_pendingTrace = trace;
    m_pendingSpan = span;
    openSummary(TraceSummary::of(trace));
}

void TracesFeature::showOpenFailure(const TraceOpenFailure &failure)
{
    if (!m_page)
        return;
    TraceView *view = m_page->traceView();
    if (failure.stage == TraceOpenFailure::Stage::Fetch) {
        view->setNotice(tr("Could not load trace %1: %2").arg(failure.source, failure.message),
                        true);
        return;
    }
    view->setNotice(view->traceLayout()
                        ? tr("Could not open %1: %2. The trace below is the one open before.")
                              .arg(failure.source, failure.message)
                        : tr("Could not open %1: %2").arg(failure.source, failure.message),
                    true);
    m_page->showTrace();
}

bool TracesFeature::openFile(const QString &path)
{
    if (!m_controller->openFile(path)) {
        // Said in the window (not only on stderr): `--open-trace` of a typo or a folder.
        if (m_page) {
            m_page->traceView()->setNotice(
                tr("Cannot open %1: %2").arg(path, TracesController::fileProblem(path)), true);
            m_page->showTrace();
            if (m_context.window)
                m_context.window->showPage(id());
        }
        return false;
    }
    if (m_page) {
        m_page->traceView()->setNotice(tr("Opening %1…").arg(QFileInfo(path).fileName()), false);
        m_page->showTrace();
    }
    return true;
}

void TracesFeature::show(const NavigationRequest &request)
{
    const auto *traces = std::get_if<TracesRequest>(&request);
    if (!m_page || !traces)
        return;
    if (!traces->traceId.isEmpty()) // an exemplar's trace, fetched by its id
        return openTraceId(traces->traceId);
    m_page->search()->prepare(traces->service, traces->start, traces->end);
    m_page->showSearch();
    if (!traces->service.isEmpty())
        m_page->search()->submit();
}

bool TracesFeature::saveTrace(const QString &path)
{
    if (!m_page || !m_controller->currentTrace())
        return false;
    QString error;
    if (!m_controller->saveTrace(path, &error)) {
        m_page->traceView()->setNotice(tr("Could not save %1: %2").arg(path, error), true);
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
