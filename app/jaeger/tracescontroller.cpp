// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/tracescontroller.h"

#include "app/http/poller.h"
#include "app/jaeger/jaegerclient.h"
#include "app/jaeger/traceloader.h"
#include "app/jaeger/traceparser.h"

#include <QFileInfo>
#include <QSaveFile>

namespace Stackscope {

TracesController::TracesController(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_client(new JaegerClient(network, this))
    , m_loader(new TraceLoader(this))
    , m_servicesPoller(new Poller(this))
{
    qRegisterMetaType<TraceOpenFailure>();
    m_servicesPoller->setTask([this](Poller::Report report) {
        pollServices([report](bool ok, bool absent) { report({ok, absent}); });
    });
    connect(
        m_loader, &TraceLoader::traceReady, this,
        [this](const TraceLayoutPtr &layout, const QString &source, const QStringList &warnings) {
            if (m_loaderRequest == m_openRequest)
                deliverTrace(layout, source, warnings);
        });
    connect(m_loader, &TraceLoader::tracesToPick, this,
            [this](const QString &source, const QList<TraceSummary> &traces) {
                if (m_loaderRequest == m_openRequest)
                    Q_EMIT tracesToPick(source, traces);
            });
    connect(m_loader, &TraceLoader::openFailed, this,
            [this](const QString &source, const QString &message) {
                if (m_loaderRequest == m_openRequest)
                    Q_EMIT traceOpenFailed({TraceOpenFailure::Stage::Read, source, message});
            });
}

TracesController::~TracesController() = default;

void TracesController::applyConfig(const Config &config)
{
    m_client->setEndpoint(config.jaeger);
    m_client->http()->setMaxBodyBytes(config.http.maxBodyBytes);
    m_servicesPoller->setInterval(config.refresh.traces);
    m_servicesPoller->setWatchAddress(config.jaeger.url.host(),
                                      quint16(config.jaeger.url.port(16686)));
    if (m_started)
        m_servicesPoller->pollNow();
}

void TracesController::start()
{
    m_started = true;
    m_servicesPoller->start();
}

void TracesController::refreshServices()
{
    m_servicesPoller->pollNow();
}

void TracesController::pollServices(std::function<void(bool, bool)> report)
{
    m_client->services(this, [this, report](const QStringList &names, const HttpError &error) {
        m_servicesError = error;
        if (error.isError())
            Q_EMIT servicesFailed(error);
        else
            Q_EMIT servicesAvailable(names);
        report(!error.isError(), error.isConnectionLevel());
    });
}

void TracesController::loadOperations(const QString &service)
{
    m_client->operations(service, this,
                         [this, service](const QStringList &names, const HttpError &error) {
                             if (error.isError())
                                 Q_EMIT operationsFailed(service, error);
                             else
                                 Q_EMIT operationsAvailable(service, names);
                         });
}

void TracesController::search(const TraceQuery &query)
{
    m_client->search(query, this,
                     [this](const QList<TraceSummary> &results, const HttpError &error) {
                         if (error.isError())
                             Q_EMIT searchFailed(error);
                         else
                             Q_EMIT searchResultsAvailable(results);
                     });
}

void TracesController::openSummary(const TraceSummary &summary)
{
    if (!summary.trace)
        return openTraceId(summary.traceId);
    m_loaderRequest = ++m_openRequest;
    m_loader->openTrace(summary.trace, summary.traceId);
}

void TracesController::openTraceId(const QString &traceId)
{
    const quint64 request = ++m_openRequest;
    m_client->trace(
        traceId, this,
        [this, request, traceId](const TraceLayoutPtr &layout, const QStringList &warnings,
                                 const HttpError &error, const QString &readError) {
            if (request != m_openRequest)
                return;
            if (error.isError())
                Q_EMIT traceOpenFailed({TraceOpenFailure::Stage::Fetch, traceId, error.message});
            else if (!readError.isEmpty())
                Q_EMIT traceOpenFailed({TraceOpenFailure::Stage::Read, traceId, readError});
            else
                deliverTrace(layout, traceId, warnings);
        });
}

QString TracesController::fileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tr("there is no such file");
    if (info.isDir())
        return tr("it is a folder, not a file");
    if (!info.isFile())
        return tr("it is not a regular file");
    if (!info.isReadable())
        return tr("it cannot be read (permissions)");
    return {};
}

bool TracesController::openFile(const QString &path)
{
    if (!fileProblem(path).isEmpty())
        return false;
    m_loaderRequest = ++m_openRequest;
    m_loader->openFile(path);
    return true;
}

void TracesController::deliverTrace(const TraceLayoutPtr &layout, const QString &source,
                                    const QStringList &warnings)
{
    m_current = layout;
    Q_EMIT traceOpened(layout, source, warnings);
}

bool TracesController::saveTrace(const QString &path, QString *error) const
{
    if (!m_current)
        return false;
    QSaveFile file(path);
    const QByteArray json = toJaegerJson(*m_current->trace);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Stackscope
