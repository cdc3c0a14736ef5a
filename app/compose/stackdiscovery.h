// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/docker/dockerendpoint.h"
#include "models/stack/stacksummary.h"

#include <QList>
#include <QObject>

#include <optional>

namespace Stackscope {

class DockerClient;
struct RequestRecord;

/// "Stacks on this machine": lists every compose project the Docker daemon knows, from all
/// containers' compose labels (running or not), once per refresh(). Each refresh ends in exactly
/// one stacksListed() or failed(); a refresh asked while one is under way makes the earlier one
/// stale (its answer is dropped). Large answers are parsed and grouped off the GUI thread.
class StackDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit StackDiscovery(QObject *parent = nullptr);
    ~StackDiscovery() override;

    void setEndpoint(const DockerEndpoint &endpoint);
    const DockerEndpoint &endpoint() const { return m_endpoint; }
    DockerClient *client() const { return m_client; }
    bool isBusy() const { return m_busy; }

    /// Lists the stacks now.
    void refresh();

    /// The query sent: /containers/json?all=1&filters={"label":["com.docker.compose.project"]}.
    static QByteArray listPath();
    /// Lists once and waits (for the headless modes): the stacks, or nothing with `error` set.
    static std::optional<QList<StackSummary>> listNow(const DockerEndpoint &endpoint,
                                                      QString *error);

    /// The compose file `fileOrFolder` names: the file itself, or in a folder the first of
    /// compose.yaml, compose.yml, docker-compose.yaml, docker-compose.yml (compose's own order).
    /// Empty with `error` (a sentence naming the path and what to do) when there is none.
    static QString composeFileFor(const QString &fileOrFolder, QString *error);
    /// What "open this compose file" opens: the known project made from that file when there is
    /// one (so that the running containers are found), else a project named after the file's
    /// folder as compose names it (lowercase; letters, digits, '_' and '-').
    static StackSummary stackForComposeFile(const QString &composeFile,
                                            const QList<StackSummary> &known);

Q_SIGNALS:
    /// The projects, sorted by name (empty: Docker runs but knows no compose project).
    void stacksListed(const QList<Stackscope::StackSummary> &stacks);
    /// Docker could not be reached or answered badly: one or two sentences, with which daemon
    /// was asked (socket or address, and how it was found) and what to do.
    void failed(const QString &message);
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    void list(quint64 generation);
    void fail(quint64 generation, const QString &message, const QString &hint);

    DockerEndpoint m_endpoint;
    DockerClient *m_client;
    quint64 m_generation = 0;
    bool m_busy = false;
};

} // namespace Stackscope
