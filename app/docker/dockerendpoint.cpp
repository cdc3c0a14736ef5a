// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerendpoint.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

DockerEndpoint fromHost(const QString &host, const QString &source, const QProcessEnvironment &env)
{
    DockerEndpoint e;
    e.host = host;
    e.source = source;
    if (e.isUnix())
        e.socketPath = host.mid(7);
    e.tls = !env.value(u"DOCKER_TLS_VERIFY"_s).isEmpty()
            && env.value(u"DOCKER_TLS_VERIFY"_s) != "0"_L1;
    e.certPath = env.value(u"DOCKER_CERT_PATH"_s);
    return e;
}

} // namespace

DockerEndpoint resolveDockerEndpoint(const QString &configured, const QProcessEnvironment &env,
                                     const QString &homeDir)
{
    if (!configured.isEmpty())
        return fromHost(configured,
                        QCoreApplication::translate("Stackscope::DockerEndpoint",
                                                    "configuration (stack.docker_host)"),
                        env);
    const QString dockerHost = env.value(u"DOCKER_HOST"_s);
    if (!dockerHost.isEmpty())
        return fromHost(dockerHost, u"DOCKER_HOST"_s, env);

    const QString home = homeDir.isEmpty() ? QDir::homePath() : homeDir;
    const QString configDir = env.value(u"DOCKER_CONFIG"_s, home + u"/.docker"_s);
    QString context = env.value(u"DOCKER_CONTEXT"_s);
    QString contextSource = u"DOCKER_CONTEXT"_s;
    if (context.isEmpty()) {
        context
            = readJsonObject(configDir + u"/config.json"_s).value("currentContext"_L1).toString();
        contextSource
            = QCoreApplication::translate("Stackscope::DockerEndpoint", "current context");
    }
    if (!context.isEmpty() && context != "default"_L1) {
        // The CLI stores a context under the SHA-256 of its name.
        const QByteArray digest
            = QCryptographicHash::hash(context.toUtf8(), QCryptographicHash::Sha256).toHex();
        const QJsonObject meta = readJsonObject(configDir + u"/contexts/meta/"_s
                                                + QString::fromLatin1(digest) + u"/meta.json"_s);
        const QJsonObject docker
            = meta.value("Endpoints"_L1).toObject().value("docker"_L1).toObject();
        const QString host = docker.value("Host"_L1).toString();
        if (!host.isEmpty()) {
            DockerEndpoint e = fromHost(host, u"%1 '%2'"_s.arg(contextSource, context), env);
            // A context keeps its TLS material beside its metadata, under the same digest.
            const QString tlsDir
                = configDir + u"/contexts/tls/"_s + QString::fromLatin1(digest) + u"/docker"_s;
            if (!e.isUnix() && QFileInfo::exists(tlsDir + u"/ca.pem"_s)) {
                e.tls = true;
                e.certPath = tlsDir;
            }
            return e;
        }
    }

    const QString runtimeDir = env.value(u"XDG_RUNTIME_DIR"_s);
    struct Candidate
    {
        QString path;
        QString source;
    };
    QList<Candidate> candidates{
        {u"/var/run/docker.sock"_s,
         QCoreApplication::translate("Stackscope::DockerEndpoint", "default socket")}};
    if (!runtimeDir.isEmpty())
        candidates.append(
            {runtimeDir + u"/docker.sock"_s,
             QCoreApplication::translate("Stackscope::DockerEndpoint", "rootless Docker")});
    candidates.append({home + u"/.docker/desktop/docker.sock"_s, u"Docker Desktop"_s});
    if (!runtimeDir.isEmpty())
        candidates.append({runtimeDir + u"/podman/podman.sock"_s, u"Podman (rootless)"_s});
    candidates.append({u"/run/podman/podman.sock"_s, u"Podman"_s});

    QStringList tried;
    for (const Candidate &c : std::as_const(candidates)) {
        tried.append(c.path);
        if (QFileInfo(c.path).exists()) {
            DockerEndpoint e = fromHost(u"unix://"_s + c.path, c.source, env);
            e.tried = tried;
            return e;
        }
    }
    DockerEndpoint e = fromHost(
        u"unix:///var/run/docker.sock"_s,
        QCoreApplication::translate("Stackscope::DockerEndpoint", "default socket"), env);
    e.tried = tried;
    return e;
}

} // namespace Stackscope
