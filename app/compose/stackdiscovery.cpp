// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stackdiscovery.h"
#include "app/compose/composeproject.h"

#include "app/docker/dockerclient.h"
#include "app/docker/dockerjson.h"
#include "models/common/offthread.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

struct Listing
{
    bool ok = false;
    QList<StackSummary> stacks;
};

} // namespace

StackDiscovery::StackDiscovery(QObject *parent)
    : QObject(parent)
    , m_client(new DockerClient(this))
{
    connect(m_client, &DockerClient::requestFinished, this, &StackDiscovery::requestFinished);
}

StackDiscovery::~StackDiscovery() = default;

void StackDiscovery::setEndpoint(const DockerEndpoint &endpoint)
{
    m_endpoint = endpoint;
    m_client->setEndpoint(endpoint);
}

QByteArray StackDiscovery::listPath()
{
    QJsonObject filters;
    filters.insert("label"_L1, QJsonArray{u"com.docker.compose.project"_s});
    return "/containers/json?all=1&filters="
           + QUrl::toPercentEncoding(
               QString::fromUtf8(QJsonDocument(filters).toJson(QJsonDocument::Compact)));
}

QString StackDiscovery::composeFileFor(const QString &fileOrFolder, QString *error)
{
    const QFileInfo info(fileOrFolder);
    if (!info.exists()) {
        *error = tr("%1 is not there (moved or deleted?).").arg(fileOrFolder);
        return {};
    }
    if (info.isFile()) {
        if (!info.isReadable()) {
            *error = tr("%1 cannot be read: check its permissions.").arg(fileOrFolder);
            return {};
        }
        return info.absoluteFilePath();
    }
    const QDir folder(info.absoluteFilePath());
    // The one lookup of the file compose reads in a folder (its override file is not needed
    // here: the configuration names the main file).
    if (const QStringList files = ComposeProject::filesInFolder(folder.absolutePath());
        !files.isEmpty())
        return files.first();
    *error = tr("%1 holds no compose file (compose.yaml, compose.yml, docker-compose.yaml or "
                "docker-compose.yml): choose the file itself.")
                 .arg(folder.absolutePath());
    return {};
}

StackSummary StackDiscovery::stackForComposeFile(const QString &composeFile,
                                                 const QList<StackSummary> &known)
{
    const QString file = QFileInfo(composeFile).absoluteFilePath();
    for (const StackSummary &s : known) {
        if (s.configFiles.contains(file))
            return s;
    }
    StackSummary s;
    s.workingDir = QFileInfo(file).absolutePath();
    s.configFiles = {file};
    // Compose's own rule for a project named after its folder.
    const QString folder = QFileInfo(s.workingDir).fileName().toLower();
    for (const QChar c : folder) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-')
            s.name += c;
    }
    while (!s.name.isEmpty() && !s.name.front().isLetterOrNumber())
        s.name.remove(0, 1);
    if (s.name.isEmpty())
        s.name = u"default"_s;
    return s;
}

void StackDiscovery::refresh()
{
    const quint64 generation = ++m_generation;
    m_busy = true;
    if (m_endpoint.host.isEmpty()) {
        fail(generation, tr("no Docker daemon is configured"),
             tr("Set stack.docker_host in the configuration, or DOCKER_HOST."));
        return;
    }
    if (m_endpoint.isUnix() && !QFileInfo::exists(m_endpoint.socketPath)) {
        const bool installed = !QStandardPaths::findExecutable(u"docker"_s).isEmpty()
                               || !QStandardPaths::findExecutable(u"dockerd"_s).isEmpty()
                               || !QStandardPaths::findExecutable(u"podman"_s).isEmpty();
        QString hint = installed ? tr("The Docker daemon is not running: start it (sudo "
                                      "systemctl start docker), or point stack.docker_host or "
                                      "DOCKER_HOST at the socket it listens on.")
                                 : tr("Docker is not installed: install Docker Engine (sudo apt "
                                      "install docker.io) or Docker Desktop, then start it.");
        if (m_endpoint.tried.size() > 1)
            hint += u' ' + tr("Also looked for %1.").arg(m_endpoint.tried.join(u", "_s));
        fail(generation, tr("no Docker socket at %1").arg(m_endpoint.socketPath), hint);
        return;
    }
    if (!m_client->apiVersion().isEmpty()) {
        list(generation);
        return;
    }
    // The first request negotiates the API version, as DockerWatcher does.
    m_client->ping(this, [this, generation](const HttpResponse &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            fail(generation, r.error.message, r.error.hint);
            return;
        }
        list(generation);
    });
}

void StackDiscovery::list(quint64 generation)
{
    m_client->get(listPath(), this, [this, generation](const HttpResponse &r) {
        if (generation != m_generation)
            return;
        if (!r.ok()) {
            fail(generation, r.error.message, r.error.hint);
            return;
        }
        const QByteArray body = r.body;
        OffThread::runIfLarge(
            body.size(), this,
            [body] {
                Listing listing;
                listing.stacks
                    = StackSummaries::group(DockerJson::parseStackContainers(body, &listing.ok));
                return listing;
            },
            [this, generation](const Listing &listing) {
                if (generation != m_generation)
                    return;
                if (!listing.ok) {
                    fail(generation, tr("the Docker daemon's container list is not JSON"),
                         tr("Is %1 a Docker daemon?").arg(m_endpoint.host));
                    return;
                }
                m_busy = false;
                Q_EMIT stacksListed(listing.stacks);
            });
    });
}

void StackDiscovery::fail(quint64 generation, const QString &message, const QString &hint)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    QString text
        = tr("Cannot list the stacks: %1 (the Docker daemon at %2, found through %3).")
              .arg(message, m_endpoint.isUnix() ? m_endpoint.socketPath : m_endpoint.host,
                   m_endpoint.source.isEmpty() ? tr("the configuration") : m_endpoint.source);
    if (!hint.isEmpty())
        text += u' ' + hint;
    Q_EMIT failed(text);
}

std::optional<QList<StackSummary>> StackDiscovery::listNow(const DockerEndpoint &endpoint,
                                                           QString *error)
{
    StackDiscovery discovery;
    discovery.setEndpoint(endpoint);
    std::optional<QList<StackSummary>> stacks;
    QEventLoop loop;
    connect(&discovery, &StackDiscovery::stacksListed, &loop,
            [&](const QList<StackSummary> &listed) {
                stacks = listed;
                loop.quit();
            });
    connect(&discovery, &StackDiscovery::failed, &loop, [&](const QString &message) {
        if (error)
            *error = message;
        loop.quit();
    });
    QTimer::singleShot(0, &discovery, &StackDiscovery::refresh);
    loop.exec();
    return stacks;
}

} // namespace Stackscope
