// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Stackscope {

/// One container of the compose project as the Docker Engine API reports it
/// (/containers/json, completed by /containers/{id}/json).
struct ContainerInfo
{
    QString id;
    QString name;    ///< without the leading '/'
    QString service; ///< label com.docker.compose.service
    QString image;
    QString state;        ///< created, running, paused, restarting, removing, exited, dead
    QString health;       ///< empty (no healthcheck), starting, healthy, unhealthy
    QString healthOutput; ///< output of the last healthcheck run
    int healthFailingStreak = 0;
    int exitCode = 0;
    int restartCount = 0;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<int> hostPorts;
    bool tty = false;
    bool inspected = false; ///< the detail of /containers/{id}/json is in
    qint64 created = 0;     ///< seconds since the epoch, to prefer the newest of a service
    /// Someone stopped it (a `kill` or `stop` event since it last started): its exit code is the
    /// program's answer to the signal, not a crash.
    bool stopRequested = false;

    bool isRunning() const { return state == QLatin1StringView("running"); }

    friend bool operator==(const ContainerInfo &, const ContainerInfo &) = default;
};

} // namespace Stackscope
