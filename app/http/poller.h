// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace Stackscope {

/// Runs one poll task again and again without overlap: the next run is scheduled only when the
/// last one has reported its outcome. While the task fails the delay doubles up to a ceiling;
/// when the failure was the server being absent (refused, timeout) and a watch address is set,
/// a cheap TCP connect is tried every `probeInterval`, and the task runs at once when the port
/// accepts again, so a backend that returns is noticed within a second, not after the back-off.
/// A source that is not a TCP port (the Docker daemon's unix socket) gives a watch check instead.
/// A run may also hold a long-lived connection (an event stream) and report only when it ends.
class Poller : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = true;
        bool serverAbsent = false; ///< refused / not found / timed out: worth watching the port
    };
    /// The task calls `report` exactly once per run (calls after stop() or a newer run are
    /// ignored).
    using Report = std::function<void(Outcome)>;
    using Task = std::function<void(Report)>;

    explicit Poller(QObject *parent = nullptr);

    void setTask(Task task) { m_task = std::move(task); }
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }
    void setMaxBackoff(std::chrono::milliseconds ceiling) { m_maxBackoff = ceiling; }
    void setProbeInterval(std::chrono::milliseconds interval) { m_probeInterval = interval; }
    /// Where to watch for the server's return; an empty host turns watching off.
    void setWatchAddress(const QString &host, quint16 port);
    /// Instead of a TCP address: a cheap synchronous check, true when the server is back (a unix
    /// socket file exists again). Tried every `probeInterval` after a serverAbsent outcome; an
    /// empty check turns it off.
    void setWatchCheck(std::function<bool()> check);

    void start();
    void stop();
    /// Runs the task now; if a run is under way, runs again as soon as it ends.
    void pollNow();
    /// A run that holds a connection open (a stream) says it got through: the failure count
    /// restarts, so when the connection ends the back-off starts again from the shortest delay.
    void reportAlive();

    bool isActive() const { return m_active; }
    bool isRunning() const { return m_running; }
    int consecutiveFailures() const { return m_failures; }
    /// The delay before the next run as last scheduled.
    std::chrono::milliseconds currentDelay() const { return m_currentDelay; }

Q_SIGNALS:
    void cycleStarted();
    void cycleFinished(bool ok);

private:
    void run();
    void finished(quint64 generation, Outcome outcome);
    void schedule(std::chrono::milliseconds delay);
    void probe();
    void stopWatching();

    Task m_task;
    std::chrono::milliseconds m_interval{10000};
    std::chrono::milliseconds m_maxBackoff{60000};
    std::chrono::milliseconds m_probeInterval{1000};
    std::chrono::milliseconds m_currentDelay{0};
    QTimer m_timer;
    QTimer m_probeTimer;
    QTcpSocket *m_probeSocket = nullptr;
    std::function<bool()> m_watchCheck;
    QString m_watchHost;
    quint16 m_watchPort = 0;
    quint64 m_generation = 0;
    int m_failures = 0;
    bool m_active = false;
    bool m_running = false;
    bool m_again = false;
};

} // namespace Stackscope
