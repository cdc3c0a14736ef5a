// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/faultserver.h"

#include <QList>
#include <QString>

#include <utility>

namespace Stackscope::Test {

/// A FaultServer handler that answers as Grafana Loki's HTTP API does (Loki is not packaged in
/// Debian; see tests/data/SOURCES.md for where each shape comes from): /ready ("ready"),
/// /loki/api/v1/labels and /label/{name}/values, /query_range and /query with the `streams`,
/// `matrix` and `vector` envelopes and `stats`; a query that does not parse is answered 400 with
/// Loki's plain-text parse error, an instant log query 400 too. Faults as Loki and its proxies
/// send them: 429 "too many outstanding requests", 504 with Loki's deadline text, 503, and an
/// HTML page with status 200.
struct FakeLoki
{
    using LabelSet = QList<std::pair<QString, QString>>;
    struct Stream
    {
        LabelSet labels;
        QList<std::pair<qint64, QByteArray>> lines; ///< nanoseconds, text (any order)
    };
    struct MetricSeries
    {
        LabelSet labels;
        QList<std::pair<double, QByteArray>> samples; ///< seconds, value as Loki writes it
    };
    enum class Fault { None, TooManyRequests, GatewayTimeout, Unavailable, HtmlPage };

    QList<Stream> streams;
    QList<MetricSeries> metric; ///< what every metric query answers
    Fault fault = Fault::None;  ///< applies to /loki/api/v1/* only

    FaultServer::Handler handler() const;

    /// Loki's answer to a LogQL expression its parser rejects.
    static FaultResponse parseError(int column, const QString &what);
};

} // namespace Stackscope::Test
