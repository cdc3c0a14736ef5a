// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Stackscope {

/// Parses and lays out traces on worker threads and hands the results to the GUI thread.
/// Each kind of request (open, search) has its own generation: starting a newer one makes the
/// older one stale, and a stale result is dropped instead of delivered. Results go to this
/// object's signals only while it lives (a destroyed loader receives nothing).
class TraceLoader : public QObject
{
    Q_OBJECT
public:
    struct Timing
    {
        qint64 readMs = 0;
        qint64 parseMs = 0;
        qint64 layoutMs = 0;
    };

    explicit TraceLoader(QObject *parent = nullptr);
    ~TraceLoader() override;

    /// Parses a trace document and lays out its first trace (or the one with `traceId`).
    quint64 openJson(QByteArray json, const QString &source, const QString &traceId = {});
    /// Reads a file on the worker and parses it; a file with one trace is laid out
    /// (traceReady), a file with several (newline-delimited OTLP, Zipkin, an envelope) lists them
    /// to pick one (tracesToPick: summaries that hold their parsed trace).
    quint64 openFile(const QString &path);
    /// Lays out a trace that is already parsed (from search results).
    quint64 openTrace(TracePtr trace, const QString &source);
    /// Parses a search response into summaries.
    quint64 searchJson(QByteArray json);

    bool isOpening() const { return m_openPending; }
    const Timing &lastTiming() const { return m_timing; }

Q_SIGNALS:
    void traceReady(const Stackscope::TraceLayoutPtr &layout, const QString &source,
                    const QStringList &warnings);
    void openFailed(const QString &source, const QString &message);
    void tracesToPick(const QString &source, const QList<Stackscope::TraceSummary> &traces);
    void searchReady(const QList<Stackscope::TraceSummary> &results);
    void searchFailed(const QString &message);

private:
    struct OpenResult;
    void deliverOpen(quint64 generation, const std::shared_ptr<OpenResult> &result);

    std::atomic<quint64> m_openGeneration{0};
    std::atomic<quint64> m_searchGeneration{0};
    bool m_openPending = false;
    Timing m_timing;
};

} // namespace Stackscope
