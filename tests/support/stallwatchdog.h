// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Stackscope::Test {

// Measures how long the GUI thread's event loop was kept from running. A precise timer on the
// thread that owns the watchdog ticks every `intervalMs`; the longest gap between two ticks, less
// the interval, is the worst stall. Only time spent in the event loop counts: run the code under
// test through the event loop (signals, QTest::qWait, QTRY_*), not by calling it between waits.
// QTest::qWait and QTRY_* sleep up to 10 ms between rounds of events, during which no timer fires:
// figures measured under them include that sleep (an upper bound); a QEventLoop with a QTimer
// quit (tests/load/loadsupport.h) does not add it.
class StallWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit StallWatchdog(int intervalMs = 5, QObject *parent = nullptr);

    void start();
    void stop();
    // Forgets what was measured so far (the timer keeps running if it was).
    void reset();

    // The longest stall seen, in milliseconds (0 when none).
    double worstStallMs() const;
    int ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    qint64 m_worstGapNs = 0;
    int m_intervalMs;
    int m_ticks = 0;
};

} // namespace Stackscope::Test
