// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httperror.h"
#include "models/stack/containerinfo.h"
#include "models/stack/logline.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

namespace Stackscope {

class DockerClient;
class DockerLogStream;
class LogModel;
struct LogEntry;

/// The logs of every service of a stack, together, as `docker compose logs` gives them: one
/// DockerLogStream per service's (newest) container, their lines merged in timestamp order into a
/// LogModel. Lines are held for a short reorder window after they arrive, so that lines of two
/// containers written at the same moment but read a little apart still interleave by time; the
/// first read of each container's history is held until the streams have been quiet for a
/// moment (at most 3 s), so that the histories interleave too. Containers that restart, are
/// recreated or appear (setContainers(), from the daemon's events) are followed on from the
/// last line read; a service without a running container says so (serviceStatusChanged()).
class StackLogs : public QObject
{
    Q_OBJECT
public:
    explicit StackLogs(LogModel *model, QObject *parent = nullptr);
    ~StackLogs() override;

    void setClient(DockerClient *client);
    /// The stack's services (declared or with a container): those without a container say so.
    void setServices(const QStringList &services);
    /// The project's containers as the daemon last reported them: streams are opened, reopened
    /// after a restart, or moved to a recreated container.
    void setContainers(const QList<ContainerInfo> &containers);
    /// Reads again with these options (the model is cleared): the last `tail` lines of each
    /// container (-1: all) within [since, until] (invalid: open), then with `follow` the new ones.
    void setOptions(int tail, bool follow, const QDateTime &since, const QDateTime &until);
    /// How long a line waits for earlier lines of other services (250 ms by default).
    void setReorderWindow(int ms) { m_windowMs = ms; }
    /// Starts reading (and reconciles with the containers known); stop() closes every stream.
    void start();
    void stop();
    bool isStarted() const { return m_started; }

    /// The service's status as shown ("following", "not running"...), empty when none.
    QString statusOf(const QString &service) const;
    /// Lines received but still in the reorder window.
    int pendingCount() const { return int(m_pending.size()); }
    /// Appends what waits now, whatever the window (tests, and before a new read).
    void flushNow();

Q_SIGNALS:
    void serviceStatusChanged(const QString &service, const QString &text, bool problem);

private:
    struct Service
    {
        ContainerInfo container; ///< the newest container; id empty when none
        DockerLogStream *stream = nullptr;
        QString streamContainer;   ///< the container the stream (or the last one) read
        QDateTime streamStartedAt; ///< that container's start when the stream was opened
        qint64 lastMs = 0;         ///< the time of the last line read from this service
        bool restarted = false;    ///< a stream was reopened after the container restarted
        QString failure;           ///< the last stream's error
        QString status;
        bool problem = false;
    };

    void reconcile(const QString &name);
    void open(const QString &name, Service &service);
    void closeAll();
    void onLines(const QString &name, const QList<LogLine> &lines);
    void onEnded(const QString &name, DockerLogStream *stream, const HttpError &error);
    void setStatus(const QString &name, Service &service, const QString &text, bool problem);
    void flush();

    LogModel *m_model;
    QPointer<DockerClient> m_client;
    QHash<QString, Service> m_services;
    QStringList m_order; ///< services in the order first seen
    int m_tail = 500;
    bool m_follow = true;
    QDateTime m_since;
    QDateTime m_until;
    bool m_started = false;

    struct Pending
    {
        qint64 arrivedMs;
        qint64 timeMs;
        qint64 order; ///< arrival order: ties keep it
        int source;
        LogLine line;
    };
    QList<Pending> m_pending;
    qint64 m_arrivals = 0;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    qint64 m_loadStartMs = -1; ///< a first read is under way since then (-1: none)
    qint64 m_lastArrivalMs = 0;
    int m_windowMs = 250;
};

} // namespace Stackscope
