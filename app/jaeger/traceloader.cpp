// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/traceloader.h"
#include "models/common/offthread.h"

#include "app/jaeger/traceparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

struct TraceLoader::OpenResult
{
    QString source;
    QString error;
    QStringList warnings;
    TraceLayoutPtr layout;
    QList<TraceSummary> choices; ///< several traces in a file: the user picks one
    Timing timing;
};

TraceLoader::TraceLoader(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<TraceLayoutPtr>();
}

TraceLoader::~TraceLoader() = default;

quint64 TraceLoader::openJson(QByteArray json, const QString &source, const QString &traceId)
{
    const quint64 generation = ++m_openGeneration;
    m_openPending = true;
    OffThread::run(
        this,
        [json = std::move(json), source, traceId]() mutable {
            auto result = std::make_shared<OpenResult>();
            result->source = source;
            QElapsedTimer timer;
            timer.start();
            TraceParseResult parsed = parseTraces(json);
            json = QByteArray(); // free the bytes before the layout allocates
            result->timing.parseMs = timer.restart();
            if (!parsed.ok()) {
                result->error = parsed.error;
                return result;
            }
            if (parsed.traces.isEmpty()) {
                result->error = !parsed.serverErrors.isEmpty()
                                    ? QCoreApplication::translate("TraceLoader", "Jaeger says: %1")
                                          .arg(parsed.serverErrors.join(u"; "_s))
                                    : QCoreApplication::translate("TraceLoader",
                                                                  "the document holds no trace");
                return result;
            }
            TracePtr chosen = parsed.traces.first();
            for (const TracePtr &t : std::as_const(parsed.traces)) {
                if (!traceId.isEmpty() && t->traceId.compare(traceId, Qt::CaseInsensitive) == 0)
                    chosen = t;
            }
            if (parsed.traces.size() > 1)
                result->warnings.append(
                    QCoreApplication::translate("TraceLoader",
                                                "the document holds %1 traces; showing %2")
                        .arg(parsed.traces.size())
                        .arg(chosen->traceId));
            result->warnings += chosen->warnings;
            result->layout = TraceLayout::build(chosen);
            result->timing.layoutMs = timer.elapsed();
            return result;
        },
        [this, generation](std::shared_ptr<OpenResult> result) {
            deliverOpen(generation, result);
        });
    return generation;
}

quint64 TraceLoader::openFile(const QString &path)
{
    const quint64 generation = ++m_openGeneration;
    m_openPending = true;
    OffThread::run(
        this,
        [path]() {
            auto result = std::make_shared<OpenResult>();
            result->source = QFileInfo(path).fileName();
            QElapsedTimer timer;
            timer.start();
            QString readError;
            QByteArray json = readTraceFile(path, &readError);
            if (!readError.isEmpty()) {
                result->error = QCoreApplication::translate("TraceLoader", "cannot read %1: %2")
                                    .arg(path, readError);
                return result;
            }
            result->timing.readMs = timer.restart();
            TraceParseResult parsed = parseTraces(json);
            json = QByteArray();
            result->timing.parseMs = timer.restart();
            if (!parsed.ok()) {
                result->error = parsed.error;
                return result;
            }
            if (parsed.traces.isEmpty()) {
                result->error
                    = QCoreApplication::translate("TraceLoader", "the file holds no trace");
                return result;
            }
            if (parsed.traces.size() > 1) {
                for (const TracePtr &trace : std::as_const(parsed.traces))
                    result->choices.append(TraceSummary::of(trace));
                return result;
            }
            result->warnings += parsed.traces.first()->warnings;
            result->layout = TraceLayout::build(parsed.traces.first());
            result->timing.layoutMs = timer.elapsed();
            return result;
        },
        [this, generation](std::shared_ptr<OpenResult> result) {
            deliverOpen(generation, result);
        });
    return generation;
}

quint64 TraceLoader::openTrace(TracePtr trace, const QString &source)
{
    const quint64 generation = ++m_openGeneration;
    m_openPending = true;
    OffThread::run(
        this,
        [trace, source]() {
            auto result = std::make_shared<OpenResult>();
            result->source = source;
            QElapsedTimer timer;
            timer.start();
            result->warnings = trace->warnings;
            result->layout = TraceLayout::build(trace);
            result->timing.layoutMs = timer.elapsed();
            return result;
        },
        [this, generation](std::shared_ptr<OpenResult> result) {
            deliverOpen(generation, result);
        });
    return generation;
}

void TraceLoader::deliverOpen(quint64 generation, const std::shared_ptr<OpenResult> &result)
{
    if (generation != m_openGeneration)
        return; // a newer trace was asked for meanwhile
    m_openPending = false;
    m_timing = result->timing;
    if (!result->error.isEmpty())
        Q_EMIT openFailed(result->source, result->error);
    else if (!result->choices.isEmpty())
        Q_EMIT tracesToPick(result->source, result->choices);
    else
        Q_EMIT traceReady(result->layout, result->source, result->warnings);
}

quint64 TraceLoader::searchJson(QByteArray json)
{
    const quint64 generation = ++m_searchGeneration;
    struct SearchResult
    {
        QString error;
        QList<TraceSummary> summaries;
    };
    OffThread::run(
        this,
        [json = std::move(json)]() {
            auto result = std::make_shared<SearchResult>();
            const TraceParseResult parsed = parseTraces(json);
            if (!parsed.ok()) {
                result->error = parsed.error;
            } else if (!parsed.serverErrors.isEmpty() && parsed.traces.isEmpty()) {
                result->error = QCoreApplication::translate("TraceLoader", "Jaeger says: %1")
                                    .arg(parsed.serverErrors.join(u"; "_s));
            } else {
                for (const TracePtr &trace : parsed.traces)
                    result->summaries.append(TraceSummary::of(trace));
            }
            return result;
        },
        [this, generation](std::shared_ptr<SearchResult> result) {
            if (generation != m_searchGeneration)
                return;
            if (!result->error.isEmpty())
                Q_EMIT searchFailed(result->error);
            else
                Q_EMIT searchReady(result->summaries);
        });
    return generation;
}

} // namespace Stackscope
