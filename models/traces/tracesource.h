// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/trace.h"

#include <QFileInfo>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// Where one side of a comparison comes from: a trace already in memory (the open one, a
/// search result with its spans), a trace ID to fetch from Jaeger, or a file to read. The page
/// states it; the feature's core loads it.
struct TraceSource
{
    TracePtr trace;   ///< set: use it as it is
    QString traceId;  ///< else: fetch it by ID
    QString filePath; ///< else: read this file

    static TraceSource of(TracePtr trace)
    {
        TraceSource s;
        s.traceId = trace ? trace->traceId : QString();
        s.trace = std::move(trace);
        return s;
    }
    static TraceSource ofId(const QString &traceId)
    {
        TraceSource s;
        s.traceId = traceId;
        return s;
    }
    static TraceSource ofFile(const QString &path)
    {
        TraceSource s;
        s.filePath = path;
        return s;
    }
    /// A search result: its spans when the search returned them, else its ID.
    static TraceSource of(const TraceSummary &summary)
    {
        if (summary.trace)
            return of(summary.trace);
        return ofId(summary.traceId);
    }
    bool isEmpty() const { return !trace && traceId.isEmpty() && filePath.isEmpty(); }
    /// For people: the file's name or the trace ID.
    QString label() const { return !filePath.isEmpty() ? QFileInfo(filePath).fileName() : traceId; }
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::TraceSource)
