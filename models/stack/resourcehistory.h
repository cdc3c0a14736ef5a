// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/samplehistory.h"

#include <QHash>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// A longer CPU and memory history of a stack's services than Stackscope's own samples, from
/// another source (cAdvisor's series in Prometheus), by compose service name, over
/// [fromMsecs, toMsecs]. CPU in percent of one core, memory in bytes, as the Stack page shows
/// its own samples. `source` says where it came from, in words for the page ("Prometheus
/// (cAdvisor), last 6 h"). Empty when the source has nothing for the stack.
struct ResourceHistories
{
    QHash<QString, SampleHistory> cpu;
    QHash<QString, SampleHistory> memory;
    qint64 fromMsecs = 0;
    qint64 toMsecs = 0;
    QString source;

    bool isEmpty() const { return cpu.isEmpty() && memory.isEmpty(); }
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ResourceHistories)
