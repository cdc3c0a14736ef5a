// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Stackscope::Test {

/// Writes large, realistic Jaeger v1 traces for tests and benchmarks: many services with their
/// processes, a span tree 10 to 30 levels deep with fan-out, tags of every type, logs, errors,
/// and children inside their parents' time. Deterministic for a seed.
struct TraceGenerator
{
    int spans = 1000;
    int services = 24;
    int maxDepth = 24; ///< between 10 and 30
    quint32 seed = 1;
    double errorRate = 0.01;
    double logRate = 0.2;
    qint64 startUs = 1700000000000000;
    QString traceId = QStringLiteral("5af7183fb1d4cf5f3f1e2d3c4b5a6978");
    // Variants of one trace, for comparisons: the same tree and times for the same seed, except
    // that the spans of `slowService` last `slowFactor` times as long (rounded down, at least
    // 1 µs), and the spans of operation `renameOperation` are named `renamedTo`.
    QString slowService;
    double slowFactor = 1.0;
    /// With `slowService`: every parent lasts at least until its (slowed) children end, as a
    /// caller that waits for its calls does, so that a regression shows on the path above it.
    bool stretchParents = false;
    QString renameOperation;
    QString renamedTo;

    /// One trace object (no envelope), with SIMDJSON padding room in the buffer's capacity.
    QByteArray traceJson() const;
    /// traceJson() of a generator with these settings (the rest as default).
    static QByteArray json(int spans, quint32 seed, const QString &traceId, double errorRate = 0.01)
    {
        TraceGenerator g;
        g.spans = spans;
        g.seed = seed;
        g.traceId = traceId;
        g.errorRate = errorRate;
        return g.traceJson();
    }
    /// The `data` envelope of /api/traces/{id} around traceJson().
    QByteArray envelopeJson() const;
    /// The span count at each depth is not returned; the deepest level reached is.
    int depthReached() const { return m_depthReached; }

private:
    mutable int m_depthReached = 0;
};

} // namespace Stackscope::Test
