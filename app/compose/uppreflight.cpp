// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/uppreflight.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stackscope {

UpPreflight UpPreflight::check(const QString &project, const QList<ComposeService> &services,
                               const QStringList &externalNetworks,
                               const QList<StackContainer> &containers, const QStringList &networks)
{
    UpPreflight result;
    for (const ComposeService &service : services) {
        if (service.containerName.isEmpty())
            continue;
        for (const StackContainer &c : containers) {
            if (c.name != service.containerName)
                continue;
            if (c.project == project && c.service == service.name)
                break; // this project's own container: compose reuses or recreates it
            if (c.project.isEmpty()) {
                result.problems << QCoreApplication::translate(
                                       "Stackscope::UpPreflight",
                                       "Service %1 wants the container name '%2', which a "
                                       "container not made by compose already has. Remove or "
                                       "rename that container (docker rm %2), or change "
                                       "container_name in the compose file.")
                                       .arg(service.name, c.name);
            } else {
                result.problems
                    << QCoreApplication::translate(
                           "Stackscope::UpPreflight",
                           "Service %1 wants the container name '%2', which service %3 of "
                           "the project '%4' (in %5) already has. Stop that project first, "
                           "or change container_name in one of the two compose files.")
                           .arg(service.name, c.name, c.service, c.project,
                                c.workingDir.isEmpty() ? u"?"_s : c.workingDir);
            }
            break;
        }
    }
    for (const QString &network : externalNetworks) {
        if (networks.contains(network))
            continue;
        result.missingNetworks << network;
        result.problems << QCoreApplication::translate(
                               "Stackscope::UpPreflight",
                               "The compose file uses the network '%1' as external, and it does "
                               "not exist. Create it (docker network create %1), then start "
                               "the stack.")
                               .arg(network);
    }
    return result;
}

QStringList UpPreflight::networkNames(const QByteArray &body)
{
    QStringList names;
    const QJsonArray array = QJsonDocument::fromJson(body).array();
    for (const QJsonValue &v : array)
        names << v.toObject().value("Name"_L1).toString();
    return names;
}

} // namespace Stackscope
