// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/faults/faultharness.h"

#include "app/application.h"
#include "app/features/alertsfeature.h"
#include "app/features/metricsfeature.h"
#include "app/features/stackfeature.h"
#include "app/features/tracesfeature.h"
#include "ui/alerts/alertspage.h"
#include "ui/backendstatusbar.h"
#include "ui/mainwindow.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/stack/stackpage.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSaveFile>
#include <QTest>
#include <QTextDocumentFragment>

#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope::Test {

void isolateHome(const QString &home)
{
    for (const char *name :
         {"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        const QString dir = home + u'/' + QString::fromLatin1(name).toLower();
        QDir().mkpath(dir);
        qputenv(name, QFile::encodeName(dir));
    }
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/stackscope-faults");
}

double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts.at(1).toDouble() / 1024.0;
        }
    }
    return -1;
}

void reportFigures(const QString &scenario, const FaultWatchdog &watchdog, double recoveryMs)
{
    qInfo("fault %s: worst stall %.1f ms, recovery %.0f ms", qPrintable(scenario),
          watchdog.worstStallMs(), recoveryMs);
    qInfo("fault %s: own stall %.1f ms (without the time waiting for a CPU)", qPrintable(scenario),
          watchdog.worstOwnStallMs());
}

bool stallWithinBound(const FaultWatchdog &watchdog, QString *message)
{
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer makes the GUI thread's own work two to three times slower (the 100 MB
    // answer's case measured 68 ms there); the ci build asserts the 50 ms bound itself.
    constexpr double boundMs = 100.0;
#else
    constexpr double boundMs = 50.0;
#endif
    *message = u"worst GUI stall %1 ms, of which the thread's own %2 ms (bound %3 ms)"_s
                   .arg(watchdog.worstStallMs(), 0, 'f', 1)
                   .arg(watchdog.worstOwnStallMs(), 0, 'f', 1)
                   .arg(boundMs, 0, 'f', 0);
    return watchdog.worstOwnStallMs() <= boundMs;
}

FaultWatchdog::FaultWatchdog(QObject *parent)
    : QObject(parent)
    , m_raw(5)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    connect(&m_timer, &QTimer::timeout, this, &FaultWatchdog::tick);
    // Opened on the GUI thread: thread-self stays this thread's file.
    m_fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
}

FaultWatchdog::~FaultWatchdog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 FaultWatchdog::runQueueWaitNs() const
{
    if (m_fd < 0)
        return 0;
    char buffer[128];
    const ssize_t n = ::pread(m_fd, buffer, sizeof buffer - 1, 0);
    if (n <= 0)
        return 0;
    buffer[n] = 0;
    // "<ns on the CPU> <ns waiting on a run queue> <time slices>"
    const QList<QByteArray> fields = QByteArray(buffer).simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

void FaultWatchdog::start()
{
    m_raw.start();
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_lastWaitNs = runQueueWaitNs();
    m_timer.start();
}

void FaultWatchdog::stop()
{
    m_raw.stop();
    tick();
    m_timer.stop();
}

void FaultWatchdog::reset()
{
    m_raw.reset();
    m_worstOwnNs = 0;
    m_lastNs = m_clock.isValid() ? m_clock.nsecsElapsed() : -1;
    m_lastWaitNs = runQueueWaitNs();
}

void FaultWatchdog::tick()
{
    if (!m_clock.isValid())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 wait = runQueueWaitNs();
    if (m_lastNs >= 0) {
        const qint64 own = (now - m_lastNs) - (wait - m_lastWaitNs);
        m_worstOwnNs = std::max(m_worstOwnNs, own);
        // STACKSCOPE_STALL_LOG=1 prints each long gap with its end on CLOCK_MONOTONIC, to be
        // matched with `perf record -k mono` samples of the GUI thread.
        static const bool log = qEnvironmentVariableIntValue("STACKSCOPE_STALL_LOG") == 1;
        if (log && own > 40'000'000) {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            qInfo("stall: own %.1f ms ending at %ld.%06ld", double(own) / 1e6, long(ts.tv_sec),
                  long(ts.tv_nsec / 1000));
        }
    }
    m_lastNs = now;
    m_lastWaitNs = wait;
}

double FaultWatchdog::worstOwnStallMs() const
{
    return std::max(0.0, double(m_worstOwnNs) / 1e6 - 5.0);
}

AppHarness::AppHarness(const QString &home)
    : m_configPath(home + u"/stackscope.yaml"_s)
{}

AppHarness::~AppHarness()
{
    stop();
}

bool AppHarness::writeConfig(const QString &yaml)
{
    QSaveFile file(m_configPath);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(yaml.toUtf8());
    return file.commit();
}

void AppHarness::start()
{
    m_app = std::make_unique<Application>(m_configPath);
    m_app->start();
    window()->resize(1400, 900);
    QVERIFY(QTest::qWaitForWindowExposed(window()));
}

void AppHarness::stop()
{
    m_app.reset();
}

MainWindow *AppHarness::window() const
{
    return m_app ? m_app->window() : nullptr;
}

MetricsPage *AppHarness::metricsPage() const
{
    auto *f = m_app ? qobject_cast<MetricsFeature *>(m_app->feature(u"metrics"_s)) : nullptr;
    return f ? f->page() : nullptr;
}

AlertsPage *AppHarness::alertsPage() const
{
    auto *f = m_app ? qobject_cast<AlertsFeature *>(m_app->feature(u"alerts"_s)) : nullptr;
    return f ? f->page() : nullptr;
}

TracesPage *AppHarness::tracesPage() const
{
    auto *f = m_app ? qobject_cast<TracesFeature *>(m_app->feature(u"traces"_s)) : nullptr;
    return f ? f->page() : nullptr;
}

StackPage *AppHarness::stackPage() const
{
    auto *f = m_app ? qobject_cast<StackFeature *>(m_app->feature(u"stack"_s)) : nullptr;
    return f ? f->page() : nullptr;
}

QString AppHarness::backendText(const QString &id) const
{
    if (!window())
        return {};
    const QLabel *label = window()->backendStatusBar()->indicator(id);
    if (!label)
        return {};
    return QTextDocumentFragment::fromHtml(label->toolTip()).toPlainText();
}

bool AppHarness::backendUp(const QString &id) const
{
    return backendText(id).contains(u": reachable"_s);
}

bool AppHarness::backendDown(const QString &id) const
{
    return backendText(id).contains(u": unreachable"_s);
}

QStringList AppHarness::panelStatuses() const
{
    QStringList out;
    if (MetricsPage *page = metricsPage()) {
        const QList<PanelWidget *> panels = page->panelWidgets();
        for (const PanelWidget *panel : panels) {
            // The label elides; its tooltip keeps the whole error.
            QString text = panel->statusText();
            if (text == u"no data"_s || text == u"warning"_s) {
                out << text;
                continue;
            }
            const QList<QLabel *> labels = panel->findChildren<QLabel *>();
            for (const QLabel *label : labels) {
                if (!text.isEmpty() && label->text() == text && !label->toolTip().isEmpty()) {
                    text = label->toolTip();
                    break;
                }
            }
            out << text;
        }
    }
    return out;
}

QString AppHarness::panelError() const
{
    const QStringList statuses = panelStatuses();
    for (const QString &s : statuses) {
        if (!s.isEmpty() && s != u"no data"_s && s != u"warning"_s)
            return s;
    }
    return {};
}

QString AppHarness::alertsStatus() const
{
    AlertsPage *page = alertsPage();
    return page ? page->statusText() : QString();
}

QString AppHarness::tracesStatus() const
{
    TracesPage *page = tracesPage();
    return page ? page->search()->status()->text() : QString();
}

bool AppHarness::tracesHasServices() const
{
    TracesPage *page = tracesPage();
    if (!page)
        return false;
    const QComboBox *box = page->search()->serviceBox();
    return box && box->count() > 0;
}

} // namespace Stackscope::Test
