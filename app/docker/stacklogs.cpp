// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/stacklogs.h"

#include "app/docker/dockerclient.h"
#include "app/docker/dockerlogstream.h"
#include "models/logs/logmodel.h"

#include <QLocale>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// A first read is appended once the streams have been quiet this long, or after kLoadMaxMs.
constexpr qint64 kQuietMs = 300;
constexpr qint64 kLoadMaxMs = 3000;

QString clock(const QDateTime &t)
{
    return QLocale().toString(t.toLocalTime().time(), u"HH:mm:ss"_s);
}

} // namespace

StackLogs::StackLogs(LogModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_clock.start();
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &StackLogs::flush);
}

StackLogs::~StackLogs()
{
    closeAll();
}

void StackLogs::setClient(DockerClient *client)
{
    if (client == m_client)
        return;
    closeAll();
    m_client = client;
    // A new connection reads every container again, from its last line on (lastMs kept).
    for (Service &s : m_services)
        s.streamContainer.clear();
    if (m_started)
        for (const QString &name : std::as_const(m_order))
            reconcile(name);
}

void StackLogs::setServices(const QStringList &services)
{
    for (const QString &name : services) {
        if (!m_services.contains(name)) {
            m_services.insert(name, Service{});
            m_order.append(name);
        }
        // The stack's order gives each service its colour, the same on every run.
        m_model->addSource({name, {}});
    }
    // Services gone from the stack (and without a container) go from the status too.
    for (const QString &name : QStringList(m_order)) {
        Service &s = m_services[name];
        if (!services.contains(name) && s.container.id.isEmpty() && !s.stream) {
            setStatus(name, s, {}, false);
            m_services.remove(name);
            m_order.removeAll(name);
        }
    }
    if (m_started)
        for (const QString &name : std::as_const(m_order))
            reconcile(name);
}

void StackLogs::setContainers(const QList<ContainerInfo> &containers)
{
    QHash<QString, ContainerInfo> newest;
    for (const ContainerInfo &c : containers) {
        if (c.service.isEmpty())
            continue;
        auto it = newest.find(c.service);
        if (it == newest.end() || c.created > it->created
            || (c.created == it->created && c.isRunning()))
            newest.insert(c.service, c);
    }
    for (auto it = newest.cbegin(); it != newest.cend(); ++it) {
        if (!m_services.contains(it.key())) {
            m_services.insert(it.key(), Service{});
            m_order.append(it.key());
        }
    }
    for (const QString &name : std::as_const(m_order))
        m_services[name].container = newest.value(name);
    if (m_started)
        for (const QString &name : std::as_const(m_order))
            reconcile(name);
}

void StackLogs::setOptions(int tail, bool follow, const QDateTime &since, const QDateTime &until)
{
    m_tail = tail;
    m_follow = follow && !(until.isValid() && until < QDateTime::currentDateTime());
    m_since = since;
    m_until = until;
    closeAll();
    m_pending.clear();
    m_model->clear();
    for (Service &s : m_services) {
        s.lastMs = 0;
        s.streamContainer.clear();
        s.restarted = false;
        s.failure.clear();
    }
    if (m_started)
        for (const QString &name : std::as_const(m_order))
            reconcile(name);
}

void StackLogs::start()
{
    if (m_started)
        return;
    m_started = true;
    m_flushTimer.start();
    for (const QString &name : std::as_const(m_order))
        reconcile(name);
}

void StackLogs::stop()
{
    m_started = false;
    closeAll();
    flushNow();
    m_flushTimer.stop();
}

void StackLogs::closeAll()
{
    for (Service &s : m_services) {
        if (s.stream) {
            s.stream->disconnect(this);
            s.stream->deleteLater();
            s.stream = nullptr;
        }
    }
}

QString StackLogs::statusOf(const QString &service) const
{
    return m_services.value(service).status;
}

void StackLogs::reconcile(const QString &name)
{
    Service &s = m_services[name];
    const ContainerInfo &c = s.container;
    if (!m_client) {
        setStatus(name, s, tr("waiting for Docker"), true);
        return;
    }
    if (c.id.isEmpty()) {
        if (!s.stream)
            setStatus(name, s, tr("not running"), true);
        return;
    }
    if (s.stream) {
        if (s.streamContainer == c.id)
            return;
        // Recreated (compose up after a change): the new container from where the old one ended.
        s.stream->disconnect(this);
        s.stream->deleteLater();
        s.stream = nullptr;
    }
    const bool readBefore = !s.streamContainer.isEmpty();
    const bool newRun
        = !readBefore || s.streamContainer != c.id || s.streamStartedAt != c.startedAt;
    if (!newRun || (readBefore && (!m_follow || !c.isRunning()))) {
        // Read already for this run: nothing new until it starts again.
        if (!s.failure.isEmpty())
            setStatus(name, s, tr("the log stream failed: %1").arg(s.failure), true);
        else if (!c.isRunning() && c.finishedAt.isValid())
            setStatus(name, s,
                      tr("not running (stopped at %1, exit code %2)")
                          .arg(clock(c.finishedAt))
                          .arg(c.exitCode),
                      true);
        else if (m_follow || !c.isRunning())
            setStatus(name, s, tr("not running"), true);
        return;
    }
    s.restarted = readBefore;
    open(name, s);
}

void StackLogs::open(const QString &name, Service &s)
{
    const ContainerInfo &c = s.container;
    const bool follow = m_follow && c.isRunning();
    // After a restart or a recreate: everything since the last line read, so nothing repeats.
    const bool resume = s.lastMs > 0;
    auto *stream = new DockerLogStream(m_client, c.id, c.tty, resume ? -1 : m_tail, follow, this);
    const qint64 since = resume              ? s.lastMs + 1
                         : m_since.isValid() ? m_since.toMSecsSinceEpoch()
                                             : 0;
    stream->setRange(since, m_until.isValid() ? m_until.toMSecsSinceEpoch() : 0);
    s.stream = stream;
    s.streamContainer = c.id;
    s.streamStartedAt = c.startedAt;
    s.failure.clear();
    connect(stream, &DockerLogStream::lines, this,
            [this, name](const QList<LogLine> &lines) { onLines(name, lines); });
    connect(stream, &DockerLogStream::ended, this,
            [this, name, stream](const HttpError &error) { onEnded(name, stream, error); });
    // A resumed stream (after a restart) is held as a first read is: its first lines come after
    // the event, an inspect and a round trip, later than the reorder window, and would otherwise
    // land after newer lines of the other services.
    if (m_loadStartMs < 0)
        m_loadStartMs = m_clock.elapsed();
    stream->start();
    if (!follow)
        setStatus(name, s, c.isRunning() ? QString() : tr("not running"), !c.isRunning());
    else if (s.restarted && c.startedAt.isValid())
        setStatus(name, s, tr("restarted at %1, following").arg(clock(c.startedAt)), false);
    else
        setStatus(name, s, tr("following"), false);
}

void StackLogs::onLines(const QString &name, const QList<LogLine> &lines)
{
    Service &s = m_services[name];
    const int source = m_model->addSource({name, {}});
    const qint64 now = m_clock.elapsed();
    m_lastArrivalMs = now;
    for (const LogLine &line : lines) {
        const qint64 t = line.timestamp.isValid() ? line.timestamp.toMSecsSinceEpoch() : 0;
        s.lastMs = std::max(s.lastMs, t);
        m_pending.append({now, t, m_arrivals++, source, line});
    }
    // A first read of "all" lines from several services must not pile up beyond what the model
    // keeps while it waits for the streams to go quiet.
    if (m_pending.size() > m_model->cap())
        flushNow();
}

void StackLogs::onEnded(const QString &name, DockerLogStream *stream, const HttpError &error)
{
    Service &s = m_services[name];
    if (s.stream != stream)
        return;
    stream->deleteLater();
    s.stream = nullptr;
    if (error.isError())
        s.failure = error.message;
    // Restarted meanwhile (its new start is known already): follow it on at once.
    reconcile(name);
}

void StackLogs::setStatus(const QString &name, Service &s, const QString &text, bool problem)
{
    if (s.status == text && s.problem == problem)
        return;
    s.status = text;
    s.problem = problem;
    Q_EMIT serviceStatusChanged(name, text, problem);
}

void StackLogs::flush()
{
    if (m_pending.isEmpty()) {
        if (m_loadStartMs >= 0 && m_clock.elapsed() - m_loadStartMs > kLoadMaxMs)
            m_loadStartMs = -1;
        return;
    }
    const qint64 now = m_clock.elapsed();
    if (m_loadStartMs >= 0) {
        if (now - m_lastArrivalMs < kQuietMs && now - m_loadStartMs < kLoadMaxMs)
            return;
        m_loadStartMs = -1;
        flushNow();
        return;
    }
    const qint64 cutoff = now - m_windowMs;
    if (m_pending.first().arrivedMs > cutoff)
        return;
    // The lines that waited long enough, and every line no later than the latest of them.
    qint64 upTo = std::numeric_limits<qint64>::min();
    for (const Pending &p : std::as_const(m_pending))
        if (p.arrivedMs <= cutoff)
            upTo = std::max(upTo, p.timeMs);
    QList<Pending> ready;
    QList<Pending> waiting;
    for (Pending &p : m_pending)
        (p.arrivedMs <= cutoff || p.timeMs <= upTo ? ready : waiting).append(std::move(p));
    m_pending = std::move(waiting);
    std::stable_sort(ready.begin(), ready.end(),
                     [](const Pending &a, const Pending &b) { return a.timeMs < b.timeMs; });
    QList<LogEntry> entries;
    entries.reserve(ready.size());
    for (const Pending &p : std::as_const(ready))
        entries.append(
            {p.timeMs * 1000000, p.line.text, p.source, LogLevel::Unknown, quint8(p.line.stream)});
    m_model->append(std::move(entries));
}

void StackLogs::flushNow()
{
    if (m_pending.isEmpty())
        return;
    std::stable_sort(m_pending.begin(), m_pending.end(),
                     [](const Pending &a, const Pending &b) { return a.timeMs < b.timeMs; });
    QList<LogEntry> entries;
    entries.reserve(m_pending.size());
    for (const Pending &p : std::as_const(m_pending))
        entries.append(
            {p.timeMs * 1000000, p.line.text, p.source, LogLevel::Unknown, quint8(p.line.stream)});
    m_pending.clear();
    m_model->append(std::move(entries));
}

} // namespace Stackscope
