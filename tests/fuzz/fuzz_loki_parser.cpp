// SPDX-License-Identifier: GPL-3.0-or-later
// Loki HTTP API bodies: query answers (streams, matrix, vector) and label lists, then what a view
// does with the lines (sources by index, visible text) and a chart with the series.
#include "app/loki/lokiparser.h"
#include "models/common/format.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const QByteArray body = Fuzz::bytes(data, size);
    QString problem;
    LokiResult result;
    if (LokiParser::parseQuery(body, &result, &problem)) {
        for (const LogEntry &entry : std::as_const(result.entries)) {
            // Every line points into its own answer's source table.
            if (entry.source < 0 || entry.source >= result.sources.size())
                __builtin_trap();
            Fuzz::keep(Format::visible(entry.text));
        }
        Fuzz::keep(result.series.pointCount());
        for (const Series &s : std::as_const(result.series.series))
            Fuzz::keep(formatLegend(u"{{level}}"_s, s.labels));
    }
    QStringList values;
    LokiParser::parseStringList(body, &values, &problem);
    return 0;
}
