// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/http/poller.h"

#include <QTcpSocket>

#include <algorithm>

namespace Stackscope {

Poller::Poller(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Poller::run);
    connect(&m_probeTimer, &QTimer::timeout, this, &Poller::probe);
}

void Poller::setInterval(std::chrono::milliseconds interval)
{
    if (m_interval == interval)
        return;
    m_interval = interval;
    // A shorter interval takes effect now, not after the old, longer wait.
    if (m_active && !m_running && m_failures == 0 && m_timer.isActive()
        && std::chrono::milliseconds(m_timer.remainingTime()) > interval)
        schedule(interval);
}

void Poller::setWatchAddress(const QString &host, quint16 port)
{
    m_watchHost = host;
    m_watchPort = port;
    if (host.isEmpty() && !m_watchCheck)
        stopWatching();
}

void Poller::setWatchCheck(std::function<bool()> check)
{
    m_watchCheck = std::move(check);
    if (!m_watchCheck && m_watchHost.isEmpty())
        stopWatching();
}

void Poller::start()
{
    if (m_active)
        return;
    m_active = true;
    m_failures = 0;
    run();
}

void Poller::stop()
{
    m_active = false;
    m_running = false;
    m_again = false;
    ++m_generation; // a run still under way reports into the void
    m_timer.stop();
    stopWatching();
}

void Poller::pollNow()
{
    if (!m_active)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    run();
}

void Poller::reportAlive()
{
    if (m_running)
        m_failures = 0;
}

void Poller::run()
{
    if (!m_active || !m_task)
        return;
    m_timer.stop();
    stopWatching();
    m_running = true;
    m_again = false;
    const quint64 generation = ++m_generation;
    Q_EMIT cycleStarted();
    m_task([this, generation](Outcome outcome) { finished(generation, outcome); });
}

void Poller::finished(quint64 generation, Outcome outcome)
{
    if (generation != m_generation || !m_running)
        return;
    m_running = false;
    m_failures = outcome.ok ? 0 : m_failures + 1;
    Q_EMIT cycleFinished(outcome.ok);
    if (!m_active)
        return;
    if (m_again) {
        // Asynchronously, so that a task reporting synchronously cannot recurse without bound.
        schedule(std::chrono::milliseconds(0));
        return;
    }
    if (outcome.ok) {
        schedule(m_interval);
        return;
    }
    // Back off: interval / 2, interval, 2 × interval ... capped, but never slower than the
    // interval itself when that is already longer than the ceiling.
    const auto base
        = std::max<std::chrono::milliseconds>(m_interval / 2, std::chrono::milliseconds(10));
    const int exponent = std::min(m_failures - 1, 16);
    const auto backoff = std::min<std::chrono::milliseconds>(base * (1ll << exponent),
                                                             std::max(m_maxBackoff, m_interval));
    schedule(backoff);
    if (outcome.serverAbsent && (m_watchCheck || (!m_watchHost.isEmpty() && m_watchPort != 0)))
        m_probeTimer.start(m_probeInterval);
}

void Poller::schedule(std::chrono::milliseconds delay)
{
    m_currentDelay = delay;
    m_timer.start(delay);
}

void Poller::probe()
{
    if (m_watchCheck) {
        if (m_active && !m_running && m_watchCheck())
            run();
        return;
    }
    if (m_probeSocket)
        return; // the last connect attempt is still under way
    m_probeSocket = new QTcpSocket(this);
    QTcpSocket *socket = m_probeSocket;
    const quint64 generation = m_generation;
    connect(socket, &QTcpSocket::connected, this, [this, socket, generation] {
        socket->abort();
        socket->deleteLater();
        if (m_probeSocket == socket)
            m_probeSocket = nullptr;
        if (generation == m_generation && m_active && !m_running)
            run();
    });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] {
        socket->deleteLater();
        if (m_probeSocket == socket)
            m_probeSocket = nullptr;
    });
    socket->connectToHost(m_watchHost, m_watchPort);
}

void Poller::stopWatching()
{
    m_probeTimer.stop();
    if (m_probeSocket) {
        m_probeSocket->disconnect(this);
        m_probeSocket->abort();
        m_probeSocket->deleteLater();
        m_probeSocket = nullptr;
    }
}

} // namespace Stackscope
