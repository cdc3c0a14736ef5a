// SPDX-License-Identifier: GPL-3.0-or-later
// The body of /events (and of /containers/{id}/stats): newline-separated JSON messages, split
// into lines the way DockerWatcher::onEventData does, each read by DockerJson::parseEvent (and
// parseStats, which reads the stats stream's lines); then what the watcher derives from an
// event (start time from timeNano, the health status from the action).
#include "app/docker/dockerjson.h"
#include "tests/fuzz/fuzzcommon.h"

#include <QDateTime>

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const QByteArray buffer = Fuzz::bytes(data, size);
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = buffer.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        if (const auto event = DockerJson::parseEvent(line)) {
            Fuzz::keep(QDateTime::fromMSecsSinceEpoch(event->timeNano / 1000000, Qt::UTC));
            if (event->action.startsWith("health_status: "_L1))
                Fuzz::keep(event->action.mid(15));
            Fuzz::keep(std::max(0, event->exitCode));
        }
        if (const auto stats = DockerJson::parseStats(line))
            Fuzz::keep(stats->cpuPercent);
    }
    return 0;
}
