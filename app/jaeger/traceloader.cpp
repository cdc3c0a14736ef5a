// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/jaeger/traceloader.h"
#include "models/common/offthread.h"

#include "app/jaeger/traceparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Asks Linux to back a large buffer with 2 MiB pages where it can: a 640 MB trace file costs
/// 160,000 page faults in 4 KiB pages, and in a virtual machine each costs microseconds. Only
/// advice: nothing changes where transparent huge pages are off.
void adviseHugePages(char *data, size_t size)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    constexpr uintptr_t huge = 2 * 1024 * 1024;
    if (size < 4 * huge)
        return;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + huge - 1) & ~(huge - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + size) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(size);
#endif
}

} // namespace

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
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                result->error = QCoreApplication::translate("TraceLoader", "cannot read %1: %2")
                                    .arg(path, file.errorString());
                return result;
            }
            // Read straight into a buffer with room for the parser's padding: QFile::read(n)
            // would allocate a second buffer of the file's size and a padded copy a third (at
            // 1,000,000 spans, 640 MB each, and their page faults cost more than the reading).
            QByteArray json;
            json.reserve(qsizetype(file.size()) + 64);
            adviseHugePages(json.data(), size_t(json.capacity()));
            json.resize(qsizetype(file.size()));
            const qint64 got = file.read(json.data(), json.size());
            json.resize(qsizetype(std::max<qint64>(0, got)));
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
