// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/stallwatchdog.h"

#include <algorithm>

namespace Stackscope::Test {

StallWatchdog::StallWatchdog(int intervalMs, QObject *parent)
    : QObject(parent)
    , m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallWatchdog::tick);
}

void StallWatchdog::start()
{
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void StallWatchdog::stop()
{
    tick();
    m_timer.stop();
}

void StallWatchdog::reset()
{
    m_worstGapNs = 0;
    m_ticks = 0;
    m_lastNs = m_clock.isValid() ? m_clock.nsecsElapsed() : -1;
}

void StallWatchdog::tick()
{
    if (!m_clock.isValid())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastNs >= 0)
        m_worstGapNs = std::max(m_worstGapNs, now - m_lastNs);
    m_lastNs = now;
    ++m_ticks;
}

double StallWatchdog::worstStallMs() const
{
    const double gapMs = double(m_worstGapNs) / 1e6;
    return std::max(0.0, gapMs - m_intervalMs);
}

} // namespace Stackscope::Test
