// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/containerinfo.h"
#include "models/stack/stacksummary.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Stackscope {

/// The Docker Engine API's answers, read into value types. Every reader accepts what the daemon
/// may leave out and never throws; a malformed answer gives an empty or absent result.
namespace DockerJson {

/// /containers/json: the containers of one compose project (label com.docker.compose.service).
/// `ok` is false when the body is not a JSON array.
QList<ContainerInfo> parseContainerList(const QByteArray &body, bool *ok = nullptr);

/// /containers/json?all=1 filtered by the label com.docker.compose.project: the containers of
/// every compose project, with their compose labels. `ok` is false when the body is not a JSON
/// array.
/// With `keepUnlabelled`, containers of no compose project come too (project empty).
QList<StackContainer> parseStackContainers(const QByteArray &body, bool *ok = nullptr,
                                           bool keepUnlabelled = false);

/// /containers/{id}/json completes a container: state, health and its last output, exit code,
/// start and finish times, restarts, TTY. False when the body is not a JSON object.
bool applyInspect(ContainerInfo &container, const QByteArray &body);

/// One message of /events.
struct Event
{
    QString type;   ///< "container", "network"...
    QString action; ///< "start", "die", "health_status: healthy", "destroy"...
    QString id;
    QString service;   ///< com.docker.compose.service of the actor
    QString project;   ///< com.docker.compose.project of the actor
    int exitCode = -1; ///< of a "die" event
    qint64 timeNano = 0;
};
std::optional<Event> parseEvent(const QByteArray &json);

/// One /containers/{id}/stats sample, computed the way the docker CLI does.
struct Stats
{
    double cpuPercent = -1;  ///< 100 % is one core; -1 when there is no previous sample
    qint64 memoryBytes = -1; ///< usage minus inactive file cache
    qint64 memoryLimit = -1;
};
std::optional<Stats> parseStats(const QByteArray &json);

/// RFC 3339 with nanoseconds as Docker writes it ("2024-01-02T03:04:05.123456789Z"); the zero
/// time "0001-01-01T00:00:00Z" gives an invalid QDateTime.
QDateTime parseTime(const QString &text);

} // namespace DockerJson

} // namespace Stackscope
