// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracecomparison.h"
#include "models/traces/tracesource.h"

#include <QObject>
#include <QString>

#include <array>

namespace Stackscope {

class JaegerClient;

/// Compares two traces: gets each side (in memory already, read from a file on a worker, or
/// fetched by ID through the Jaeger client, one after the other since the client answers only
/// its newest trace request), then merges them on a worker (TraceComparison::build) and emits
/// the result. Only the newest comparison asked for is delivered. Knows no widget.
class TraceComparer : public QObject
{
    Q_OBJECT
public:
    /// `client` fetches sides given by trace ID; it may be null when none is.
    explicit TraceComparer(JaegerClient *client, QObject *parent = nullptr);
    ~TraceComparer() override;

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void compare(const Stackscope::TraceSource &a, const Stackscope::TraceSource &b);

Q_SIGNALS:
    void comparisonReady(const Stackscope::TraceComparisonPtr &comparison, const QString &labelA,
                         const QString &labelB);
    void comparisonFailed(const QString &message);

private:
    struct Side
    {
        TraceSource source;
        TracePtr trace;
        bool done = false;
    };
    void load(int side);
    void fetchNextId();
    void sideLoaded(quint64 request, int side, TracePtr trace, const QString &error);
    void fail(int side, const QString &message);

    JaegerClient *m_client;
    std::array<Side, 2> m_sides;
    quint64 m_request = 0;
    bool m_busy = false;
    bool m_fetching = false;
};

} // namespace Stackscope
