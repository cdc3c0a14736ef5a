// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the load benchmarks share: printing figures, and running a step of the benchmark from the
// event loop so that the StallWatchdog sees the time it takes (code run between two waits of the
// benchmark itself would count as a stall of the GUI thread, which it is).

#include "tests/support/benchfigures.h"
#include "tests/support/stallwatchdog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QString>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include <sys/resource.h>
#include <time.h>

namespace Stackscope::Load {

using namespace Qt::StringLiterals;

using Bench::figure;
using Bench::say;

/// Beside the StallWatchdog: how much CPU the GUI thread itself used between two ticks of a
/// 5 ms timer, at worst. On a loaded machine a wall-clock gap also holds the time the thread
/// waited for a CPU; this figure is the work the thread did, which is what the code under test
/// can change. Context for the watchdog's figure, not a replacement.
class CpuStallProbe
{
public:
    CpuStallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_last = threadCpuNs();
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    void reset()
    {
        m_worstNs = 0;
        m_last = threadCpuNs();
        resetGap();
    }
    double worstMs() const { return double(m_worstNs) / 1e6; }

private:
    static qint64 threadCpuNs()
    {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
    }
    struct Usage
    {
        qint64 wallNs = 0;
        long voluntary = 0;   ///< the thread blocked (I/O, a lock, a wait)
        long involuntary = 0; ///< the scheduler took the CPU away
        long majorFaults = 0; ///< pages read from disk
    };
    static Usage usage()
    {
        rusage ru{};
        getrusage(RUSAGE_THREAD, &ru);
        timespec ts{};
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return {qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec, ru.ru_nvcsw, ru.ru_nivcsw,
                ru.ru_majflt};
    }
    void tick()
    {
        const qint64 now = threadCpuNs();
        m_worstNs = std::max(m_worstNs, now - m_last);
        m_last = now;
        const Usage u = usage();
        if (m_lastUsage.wallNs > 0 && u.wallNs - m_lastUsage.wallNs > m_worstGap.wallNs) {
            m_worstGap = {u.wallNs - m_lastUsage.wallNs, u.voluntary - m_lastUsage.voluntary,
                          u.involuntary - m_lastUsage.involuntary,
                          u.majorFaults - m_lastUsage.majorFaults};
        }
        m_lastUsage = u;
    }
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worstNs = 0;
    Usage m_lastUsage;
    Usage m_worstGap;

public:
    /// What happened to the thread in the longest wall-clock gap between two ticks.
    QString worstGapCause() const
    {
        return u"%1 ms: %2 blocking waits, %3 preemptions, %4 major page faults"_s
            .arg(double(m_worstGap.wallNs) / 1e6, 0, 'f', 1)
            .arg(m_worstGap.voluntary)
            .arg(m_worstGap.involuntary)
            .arg(m_worstGap.majorFaults);
    }
    void resetGap()
    {
        m_worstGap = {};
        m_lastUsage = usage();
    }
};

/// The machine's load average over the last minute (context for stall figures).
inline double loadAverage()
{
    double load[1] = {0};
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}

/// The StallWatchdog and the CpuStallProbe together, over phases of a benchmark.
class StallMeter
{
public:
    void start()
    {
        m_watchdog.start();
        m_cpu.start();
    }
    /// Ends a phase: prints `# <what>: worst stall X ms (GUI thread busy Y ms)`, starts the next.
    double endPhase(const QString &what)
    {
        const double wall = m_watchdog.worstStallMs();
        const double cpu = m_cpu.worstMs();
        m_worst = std::max(m_worst, wall);
        m_worstCpu = std::max(m_worstCpu, cpu);
        say(u"# %1: worst stall %2 ms (GUI thread's own CPU in the worst tick gap %3 ms; the "
            "longest gap %4; load average %5)"_s.arg(what)
                .arg(wall, 0, 'f', 1)
                .arg(cpu, 0, 'f', 1)
                .arg(m_cpu.worstGapCause())
                .arg(loadAverage(), 0, 'f', 1));
        m_watchdog.reset();
        m_cpu.reset();
        return wall;
    }
    void stop()
    {
        m_watchdog.stop();
        m_cpu.stop();
    }
    double worstMs() const { return m_worst; }
    double worstCpuMs() const { return m_worstCpu; }

private:
    Test::StallWatchdog m_watchdog;
    CpuStallProbe m_cpu;
    double m_worst = 0;
    double m_worstCpu = 0;
};

/// Runs the event loop for `ms` milliseconds. Not QTest::qWait(): that sleeps up to 10 ms
/// between two rounds of events, during which no timer (the watchdog's included) can fire, so
/// every wait would show as a stall of 10 ms or more (much more on a loaded machine).
inline void pump(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

/// Runs the event loop until `done` holds (checked every 5 ms); the elapsed time in ms, -1 on
/// timeout.
inline double waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    if (done())
        return 0;
    QEventLoop loop;
    bool ok = false;
    QTimer check;
    check.setTimerType(Qt::PreciseTimer);
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done()) {
            ok = true;
            loop.quit();
        } else if (clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    check.start();
    loop.exec();
    return ok ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

/// Runs `step` from the event loop, then keeps the loop running for `settleMs` (repaints,
/// model signals, network answers all happen in there).
inline void inLoop(const std::function<void()> &step, int settleMs = 200)
{
    QTimer::singleShot(0, qApp, step);
    pump(std::max(1, settleMs));
}

} // namespace Stackscope::Load
