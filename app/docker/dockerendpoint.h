// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// Where the Docker daemon is, found the way the docker CLI finds it.
struct DockerEndpoint
{
    QString host;   ///< "unix:///var/run/docker.sock" or "tcp://host:2376"
    QString source; ///< how it was found: "DOCKER_HOST", "context 'rootless'", "default socket"...
    QString socketPath; ///< for unix:// hosts
    bool tls = false;   ///< tcp:// with DOCKER_TLS_VERIFY or a context that says so
    QString certPath;   ///< DOCKER_CERT_PATH for TLS
    QStringList tried;  ///< sockets looked for, for the message when none is there

    bool isUnix() const { return host.startsWith(QLatin1StringView("unix://")); }
};

/// Resolves the daemon's address: the configured `docker_host`, then DOCKER_HOST, DOCKER_CONTEXT,
/// the current context of ~/.docker/config.json (its endpoint in
/// ~/.docker/contexts/meta/*/meta.json), then /var/run/docker.sock; when that is absent, rootless
/// ($XDG_RUNTIME_DIR/docker.sock), Docker Desktop (~/.docker/desktop/docker.sock) and Podman's
/// sockets. `env` and `home` are injectable for tests.
DockerEndpoint resolveDockerEndpoint(const QString &configured,
                                     const QProcessEnvironment &env
                                     = QProcessEnvironment::systemEnvironment(),
                                     const QString &home = {});

} // namespace Stackscope
