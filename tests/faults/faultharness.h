// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/support/stallwatchdog.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <QScopeGuard>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace Stackscope {
class AlertsPage;
class Application;
class MainWindow;
class MetricsPage;
class StackPage;
class TracesPage;
} // namespace Stackscope

/// Waits for `condition` running the event loop; on time-out prints `what` whole (QTest cuts long
/// messages) and fails.
#define WAIT_OR_FAIL(condition, timeoutMs, what)                                                   \
    do {                                                                                           \
        if (!QTest::qWaitFor([&]() -> bool { return (condition); }, (timeoutMs))) {                \
            qWarning("%s", qPrintable(what));                                                      \
            QFAIL("timed out waiting for " #condition);                                            \
        }                                                                                          \
    } while (false)

namespace Stackscope::Test {

/// Waits until `done()` holds, in the event loop only. QTRY_* and QTest::qWaitFor sleep 10 ms
/// between their checks; while docker-compose runs on the 2-core machine such a sleep came back
/// about 100 ms late, which the watchdog counted as the application's stall (composeRunFails:
/// 96-105 ms in 5 of 6 runs, 2.5-5.7 ms with this). The application never sleeps, so a stall
/// measurement around a compose run must not either.
inline bool waitInEventLoop(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0)
            return false;
        QEventLoop loop;
        QTimer::singleShot(int(std::min<qint64>(left, 20)), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

/// The bound on the GUI thread's worst stall that every fault scenario asserts.
inline constexpr double MaxStallMs = 50.0;

/// The whole application as main() builds it, on a configuration file the test writes, with the
/// XDG folders (settings, state, dashboards) in a temporary directory so nothing of the user's is
/// read or written. Widget texts are read from the real widgets.
class AppHarness
{
public:
    /// `home` is where the XDG folders go (a test may share one across harnesses).
    explicit AppHarness(const QString &home);
    ~AppHarness();

    QString configPath() const { return m_configPath; }
    /// Writes the configuration file atomically (a new file renamed over the old one).
    bool writeConfig(const QString &yaml);
    /// Builds the Application on configPath(), starts it and shows the window (features start
    /// after its first paint).
    void start();
    void stop();

    Application *app() const { return m_app.get(); }
    MainWindow *window() const;
    MetricsPage *metricsPage() const;
    AlertsPage *alertsPage() const;
    TracesPage *tracesPage() const;
    StackPage *stackPage() const;

    /// The status bar indicator's tooltip of backend `id` as plain text ("Prometheus:
    /// unreachable\nEndpoint: ...\nReason: ..."), empty when there is no such indicator.
    QString backendText(const QString &id) const;
    /// The indicator says "<name>: reachable" / "<name>: unreachable".
    bool backendUp(const QString &id) const;
    bool backendDown(const QString &id) const;

    /// Every dashboard panel's status joined by "\n" (empty lines for panels that are fine).
    QStringList panelStatuses() const;
    /// The first panel status that is an error (not empty, not "no data"), empty when none.
    QString panelError() const;
    QString alertsStatus() const;
    QString tracesStatus() const;
    bool tracesHasServices() const;

private:
    QString m_configPath;
    std::unique_ptr<Application> m_app;
};

/// StallWatchdog (the raw figure: the longest gap between two ticks of the GUI thread's event
/// loop) plus the same gaps less the time the thread spent waiting for a CPU, read from the
/// kernel's run-queue accounting (/proc/thread-self/schedstat). What remains is the thread's own
/// stall, running the application's code or blocked in a call: a machine loaded by other work
/// (fuzzers, compilers, a few hundred containers) does not count against the application.
class FaultWatchdog : public QObject
{
    Q_OBJECT
public:
    explicit FaultWatchdog(QObject *parent = nullptr);
    ~FaultWatchdog() override;

    void start();
    void stop();
    void reset();
    /// Runs the test's own blocking work (a file the test writes as an editor would, a link it
    /// makes) with the watchdog paused: the test shares the GUI thread, and a write that waits
    /// for a busy disk is not the application's stall.
    template<typename Work>
    auto excluding(Work &&work)
    {
        stop();
        auto restart = qScopeGuard([this] { start(); });
        return work();
    }
    /// StallWatchdog::worstStallMs(): the raw worst gap less the interval.
    double worstStallMs() const { return m_raw.worstStallMs(); }
    /// The worst gap less the interval and less the time spent waiting for a CPU (equals the raw
    /// figure where the kernel does not account run-queue waits).
    double worstOwnStallMs() const;

private:
    void tick();
    qint64 runQueueWaitNs() const;

    StallWatchdog m_raw;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_fd = -1;
    qint64 m_lastNs = -1;
    qint64 m_lastWaitNs = 0;
    qint64 m_worstOwnNs = 0;
};

/// Sets XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME, XDG_CACHE_HOME under `home` and points
/// D-Bus nowhere (notifications fall back to the tray without a session bus).
void isolateHome(const QString &home);

/// Resident set size of this process in MiB (VmRSS), -1 if unknown.
double residentMiB();

/// Prints the figures of one scenario in the form the coordinator quotes, and the own stall.
void reportFigures(const QString &scenario, const FaultWatchdog &watchdog, double recoveryMs);
/// The 50 ms bound on the GUI thread's own stall; the message gives both figures.
bool stallWithinBound(const FaultWatchdog &watchdog, QString *message);

} // namespace Stackscope::Test
