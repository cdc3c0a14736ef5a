// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/tracecomparer.h"
#include "models/common/offthread.h"

#include "app/jaeger/jaegerclient.h"
#include "app/jaeger/traceparser.h"

#include <QCoreApplication>

namespace Stackscope {

namespace {

struct FileResult
{
    TracePtr trace;
    QString error;
};

FileResult loadTraceFile(const QString &path)
{
    FileResult result;
    const QByteArray json = readTraceFile(path, &result.error);
    if (!result.error.isEmpty())
        return result;
    const TraceParseResult parsed = parseTraces(json);
    if (!parsed.ok())
        result.error = parsed.error;
    else if (parsed.traces.isEmpty())
        result.error
            = QCoreApplication::translate("Stackscope::TraceComparer", "the file holds no trace");
    else
        result.trace = parsed.traces.first();
    return result;
}

} // namespace

TraceComparer::TraceComparer(JaegerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    qRegisterMetaType<TraceComparisonPtr>();
    qRegisterMetaType<TraceSource>();
}

TraceComparer::~TraceComparer() = default;

void TraceComparer::compare(const TraceSource &a, const TraceSource &b)
{
    ++m_request;
    m_busy = true;
    m_fetching = false;
    m_sides = {Side{a, {}, false}, Side{b, {}, false}};
    for (int side = 0; side < 2 && m_busy; ++side)
        load(side);
    fetchNextId();
}

void TraceComparer::load(int side)
{
    const TraceSource &source = m_sides[size_t(side)].source;
    const quint64 request = m_request;
    if (source.trace) {
        sideLoaded(request, side, source.trace, {});
    } else if (!source.filePath.isEmpty()) {
        const QString path = source.filePath;
        OffThread::run(
            this, [path] { return loadTraceFile(path); },
            [this, request, side](FileResult result) {
                sideLoaded(request, side, result.trace, result.error);
            });
    } else if (source.traceId.isEmpty()) {
        fail(side, tr("no trace chosen"));
    }
    // A trace ID waits for fetchNextId().
}

void TraceComparer::fetchNextId()
{
    if (m_fetching || !m_busy)
        return;
    for (int side = 0; side < 2; ++side) {
        Side &s = m_sides[size_t(side)];
        if (s.done || s.source.trace || !s.source.filePath.isEmpty() || s.source.traceId.isEmpty())
            continue;
        if (!m_client)
            return fail(side, tr("no Jaeger to fetch it from"));
        m_fetching = true;
        const quint64 request = m_request;
        m_client->trace(s.source.traceId, this,
                        [this, request, side](const TraceLayoutPtr &layout, const QStringList &,
                                              const HttpError &error, const QString &readError) {
                            if (request != m_request)
                                return;
                            m_fetching = false;
                            if (error.isError())
                                sideLoaded(request, side, {}, error.message);
                            else
                                sideLoaded(request, side, layout ? layout->trace : TracePtr(),
                                           readError);
                            fetchNextId();
                        });
        return;
    }
}

void TraceComparer::sideLoaded(quint64 request, int side, TracePtr trace, const QString &error)
{
    if (request != m_request || !m_busy)
        return;
    if (!error.isEmpty() || !trace)
        return fail(side, error.isEmpty() ? tr("no trace") : error);
    m_sides[size_t(side)].trace = std::move(trace);
    m_sides[size_t(side)].done = true;
    if (!m_sides[0].done || !m_sides[1].done)
        return;
    const QString labelA = m_sides[0].source.label();
    const QString labelB = m_sides[1].source.label();
    OffThread::run(
        this, [a = m_sides[0].trace, b = m_sides[1].trace] { return TraceComparison::build(a, b); },
        [this, request, labelA, labelB](TraceComparisonPtr comparison) {
            if (request != m_request)
                return;
            m_busy = false;
            Q_EMIT comparisonReady(comparison, labelA, labelB);
        });
}

void TraceComparer::fail(int side, const QString &message)
{
    const QString label = m_sides[size_t(side)].source.label();
    m_busy = false;
    m_sides = {};
    Q_EMIT comparisonFailed(side == 0
                                ? tr("Trace A (%1) could not be loaded: %2").arg(label, message)
                                : tr("Trace B (%1) could not be loaded: %2").arg(label, message));
}

} // namespace Stackscope
