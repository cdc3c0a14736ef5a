// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Logs page's factory and feature: StackLogs (core) behind LogsPage (ui).
#include "app/features/logsfeature.h"

#include "app/compose/stacksupervisor.h"
#include "app/docker/stacklogs.h"
#include "app/http/httpclient.h"
#include "app/loki/lokiclient.h"
#include "app/loki/lokilogs.h"
#include "app/selfmetrics/selfmetrics.h"
#include "models/logs/logmodel.h"
#include "models/logs/logtext.h"
#include "models/stack/servicemodel.h"
#include "ui/logs/loglinesview.h"
#include "ui/logs/logspage.h"
#include "ui/logs/lokilogsview.h"
#include "ui/logs/stacklogsview.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

LogsFeature::LogsFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_model(std::make_unique<LogModel>())
    , m_stackLogs(new StackLogs(m_model.get(), this))
    , m_lokiModel(std::make_unique<LogModel>())
    , m_lokiHttp(new HttpClient(u"loki"_s, context.network, this))
    , m_loki(new LokiClient(m_lokiHttp, this))
    , m_lokiLogs(new LokiLogs(m_loki, this))
{
    if (context.selfMetrics)
        connect(m_lokiHttp, &HttpClient::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
    connect(m_lokiLogs, &LokiLogs::linesChanged, this, &LogsFeature::showLokiLines);
    connect(m_lokiLogs, &LokiLogs::failed, this, [this](const QString &message) {
        // The last good lines stay; the view says why these are not new.
        if (m_page && m_page->lokiView()) {
            m_page->lokiView()->setRunning(false);
            m_page->lokiView()->showMessage(message, true);
        }
    });
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
    auto *page = new LogsPage(m_model.get(), m_lokiModel.get());
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
        readLokiLabels();
    });
    LokiLogsView *loki = page->lokiView();
    connect(loki, &LokiLogsView::queryRequested, this, &LogsFeature::runLokiQuery);
    connect(loki, &LokiLogsView::labelsRequested, this, &LogsFeature::readLokiLabels);
    connect(loki, &LokiLogsView::labelValuesRequested, this, [this](const QString &label) {
        if (!lokiUnavailable().isEmpty())
            return;
        m_loki->labelValues(label, this,
                            [this, label](const QStringList &values, const HttpError &error) {
                                if (!m_page)
                                    return;
                                if (error.isError())
                                    m_page->lokiView()->showMessage(error.message, true);
                                else
                                    m_page->lokiView()->setLabelValues(label, values);
                            });
    });
    loki->setAvailable(lokiUnavailable().isEmpty(), lokiUnavailable());
    return page;
}

void LogsFeature::applyConfig(const Config &config)
{
    m_lokiHttp->setMaxBodyBytes(config.http.maxBodyBytes);
    if (m_lokiHttp->endpoint() == config.loki)
        return;
    m_lokiHttp->abortAll();
    m_lokiHttp->setEndpoint(config.loki);
    if (m_page) {
        m_page->lokiView()->setAvailable(lokiUnavailable().isEmpty(), lokiUnavailable());
        if (m_page->isVisible())
            readLokiLabels();
    }
}

QString LogsFeature::lokiUnavailable() const
{
    if (m_lokiHttp->endpoint().url.isEmpty())
        return tr("No Loki is configured: set endpoints.loki in the settings to query its logs");
    return {};
}

void LogsFeature::readLokiLabels()
{
    if (!m_page || !lokiUnavailable().isEmpty())
        return;
    m_loki->labels(this, [this](const QStringList &labels, const HttpError &error) {
        if (!m_page)
            return;
        LokiLogsView *view = m_page->lokiView();
        const QString failed = tr("Loki's labels could not be read: %1");
        if (error.isError()) {
            view->showMessage(failed.arg(error.message), true);
            return;
        }
        view->setLabels(labels);
        // An earlier failure to read them (Loki not up yet, another address) is over.
        if (view->messageText().startsWith(failed.left(failed.indexOf(u"%1"_s))))
            view->showMessage({}, false);
    });
}

void LogsFeature::runLokiQuery(const LokiLogsRequest &request)
{
    LokiLogsView *view = m_page ? m_page->lokiView() : nullptr;
    if (const QString why = lokiUnavailable(); !why.isEmpty()) {
        if (view)
            view->setAvailable(false, why);
        return;
    }
    LokiQuery query;
    query.expr = request.expr;
    query.start = request.start;
    query.end = request.end;
    query.limit = request.limit;
    query.forward = request.forward;
    if (view) {
        view->setRunning(true);
        view->showMessage({}, false);
    }
    m_lokiLogs->run(query);

    // The volume by level over the same range, about 60 bars, for a log query only.
    if (!request.expr.trimmed().startsWith(u'{')) {
        ++m_volumeGeneration; // an answer still under way for an earlier query is not drawn
        if (view)
            view->setVolume({}, 0, 0, 1);
        return;
    }
    const qint64 rangeSeconds = std::max<qint64>(1, request.start.secsTo(request.end));
    const qint64 step = std::max<qint64>(1, (rangeSeconds + 59) / 60);
    LokiQuery volume;
    volume.expr
        = u"sum by (level) (count_over_time(%1 [%2s]))"_s.arg(request.expr, QString::number(step));
    volume.start = request.start;
    volume.end = request.end;
    volume.stepSeconds = double(step);
    const quint64 generation = ++m_volumeGeneration;
    const qint64 startMs = request.start.toMSecsSinceEpoch();
    const qint64 endMs = request.end.toMSecsSinceEpoch();
    m_loki->queryRange(
        volume, this, [this, generation, startMs, endMs, step](const LokiReply &reply) {
            if (generation != m_volumeGeneration || !m_page)
                return;
            QList<LogVolumeSeries> bars;
            if (reply.ok()) {
                for (const Series &series : reply.result.series.series) {
                    LogVolumeSeries bar;
                    bar.level = int(LogText::levelFromWord(series.labels.value(u"level"_s)));
                    for (qsizetype i = 0; i < series.size(); ++i)
                        if (std::isfinite(series.values.at(i))
                            && series.times.at(i) >= startMs - step * 1000
                            && series.times.at(i) <= endMs + step * 1000)
                            bar.points.append(
                                {series.times.at(i) - step * 1000, series.values.at(i)});
                    bars.append(bar);
                }
            }
            // A failed volume query leaves the chart empty; the lines' own query says why.
            m_page->lokiView()->setVolume(bars, startMs, endMs, step * 1000);
        });
}

void LogsFeature::showLokiLines()
{
    // Oldest first, like the Stack tab (Loki sends lines grouped by stream).
    LogModel *model = m_lokiModel.get();
    QList<LogEntry> entries = m_lokiLogs->entries();
    QList<int> sourceIndex;
    for (const LogSource &source : m_lokiLogs->sources())
        sourceIndex.append(model->addSource(source));
    for (LogEntry &entry : entries)
        entry.source = sourceIndex.value(entry.source, -1);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const LogEntry &a, const LogEntry &b) { return a.timeNs < b.timeNs; });
    model->clear();
    model->append(std::move(entries));
    if (!m_page)
        return;
    LokiLogsView *view = m_page->lokiView();
    view->setRunning(false);
    const LokiResult &result = m_lokiLogs->result();
    if (result.type != LokiResult::Type::Streams && result.type != LokiResult::Type::None)
        view->showMessage(tr("This is a metric query: the Loki tab shows log lines; draw metric "
                             "queries on a dashboard"),
                          true);
    else if (!result.warnings.isEmpty())
        view->showMessage(result.warnings.join(u"; "_s), true);
    else
        view->showMessage({}, false);
    view->linesView()->scrollToBottom();
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
