// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/loki/lokiclient.h"

#include <QObject>

namespace Stackscope {

/// Runs log queries against Loki for a view and keeps the last good answer: a view is given
/// sources() and entries() (the LogSource table and the LogEntry list every log view shares) and
/// listens to linesChanged(); a failed query (a LogQL error, 429, a timeout, an HTML page)
/// emits failed() with a sentence and leaves the lines as they were. Only the newest query
/// answers: one that a newer query overtook is dropped.
class LokiLogs : public QObject
{
    Q_OBJECT
public:
    explicit LokiLogs(LokiClient *client, QObject *parent = nullptr);

    void run(const LokiQuery &query);
    bool isRunning() const { return m_running; }

    const QList<LogSource> &sources() const { return m_result.sources; }
    const QList<LogEntry> &entries() const { return m_result.entries; }
    const LokiResult &result() const { return m_result; }
    /// Why the last query failed; empty after a success.
    QString errorText() const { return m_errorText; }

Q_SIGNALS:
    void linesChanged();
    void failed(const QString &message);

private:
    LokiClient *m_client;
    LokiResult m_result;
    QString m_errorText;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Stackscope
