// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// One published port of a service, as compose resolves `ports:` (short or long syntax).
struct PublishedPort
{
    QString hostIp;           ///< empty = every address of the host
    int hostPort = 0;         ///< 0 = a random port the daemon picks (unknown until it runs)
    int hostPortEnd = 0;      ///< last port of a range ("8080-8082:80-82"); = hostPort otherwise
    int containerPort = 0;    ///< the target port inside the container
    int containerPortEnd = 0; ///< last target port of a range; = containerPort otherwise
    QString protocol = QStringLiteral("tcp");

    friend bool operator==(const PublishedPort &, const PublishedPort &) = default;
};

/// A bind mount or named volume of a service, as compose resolves `volumes:`.
struct ServiceMount
{
    QString source; ///< absolute host path for a bind mount, the volume's name otherwise
    QString target; ///< the path inside the container
    bool bind = false;
    bool readOnly = false;

    friend bool operator==(const ServiceMount &, const ServiceMount &) = default;
};

/// One service as the compose files declare it, so that services without a container are
/// listed too.
struct ComposeService
{
    QString name;
    QString image;        ///< empty when the service is built
    QList<int> hostPorts; ///< published host ports ("8080:80" gives 8080), in file order
    QList<PublishedPort> ports;
    QStringList command;    ///< `command:` as a list (a string is split as compose splits it)
    QStringList entrypoint; ///< `entrypoint:` as a list
    QString networkMode;    ///< `network_mode:` ("host", "service:db"…), empty = the default
    QString containerName;  ///< `container_name:`, empty = compose names the container
    QList<ServiceMount> mounts;
    /// `environment:` (either form) as the files set it; a name without a value (taken from the
    /// shell by compose) has an empty one. Compose's own answer has `env_file:` folded in.
    QMap<QString, QString> environment;
    QString url;          ///< label `stackscope.url`, when the service names its web UI
    QStringList profiles; ///< empty = always active
    bool hasHealthcheck = false;

    friend bool operator==(const ComposeService &, const ComposeService &) = default;
};

} // namespace Stackscope
