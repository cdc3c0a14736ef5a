// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/loki/lokilogs.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

LokiLogs::LokiLogs(LokiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void LokiLogs::run(const LokiQuery &query)
{
    const quint64 generation = ++m_generation;
    m_running = true;
    m_client->queryRange(query, this, [this, generation](const LokiReply &reply) {
        if (generation != m_generation)
            return; // a newer query overtook this one
        m_running = false;
        if (!reply.ok()) {
            m_errorText = reply.error.hint.isEmpty()
                              ? reply.error.message
                              : reply.error.message + u". "_s + reply.error.hint;
            Q_EMIT failed(m_errorText);
            return;
        }
        m_errorText.clear();
        m_result = reply.result;
        Q_EMIT linesChanged();
    });
}

} // namespace Stackscope
