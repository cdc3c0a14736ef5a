// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/composeservice.h"
#include "models/stack/containerinfo.h"

#include <QList>
#include <QMetaType>
#include <QObject>

namespace Stackscope {

/// One row of the services table: a compose service joined with its newest container (by the
/// com.docker.compose.service label), plus the last resource sample of that container.
struct ServiceStatus
{
    Q_GADGET
public:
    /// What the row says at a glance, in the order of severity used for sorting and colour.
    enum class Condition {
        Unknown,
        NotCreated,
        Stopped,
        Exited,
        Starting,
        Running,
        Healthy,
        Unhealthy
    };
    Q_ENUM(Condition)

    QString service;
    bool declared = false; ///< in the compose files (else a container whose service was removed)
    ComposeService spec;
    ContainerInfo container; ///< id empty when there is none
    /// False while the daemon has not listed the containers (not reachable yet, or down): then
    /// a service without a container is Unknown, not NotCreated.
    bool containerKnown = true;
    int containerCount = 0;
    double cpuPercent = -1;  ///< 100 % = one core; -1 unknown
    qint64 memoryBytes = -1; ///< usage minus inactive file cache; -1 unknown
    qint64 memoryLimit = -1;

    bool hasContainer() const { return !container.id.isEmpty(); }
    bool isRunning() const { return container.isRunning(); }
    /// Running, and healthy when it has a healthcheck.
    bool isGood() const
    {
        return isRunning()
               && (container.health.isEmpty() || container.health == QLatin1StringView("healthy"));
    }
    Condition condition() const;
    /// "running", "exited (3)", "not created"...
    QString stateText() const;
    /// http://127.0.0.1:PORT links of the service's web UI.
    QList<int> ports() const;

    friend bool operator==(const ServiceStatus &, const ServiceStatus &) = default;
};

/// Joins the declared services with the project's containers: one row per declared service (in
/// file order), then one per container whose service is not declared. The newest container of
/// a service wins; the resource samples of `previous` rows are kept for the same container.
/// `containersKnown` false (the daemon has not answered) makes every row Unknown.
QList<ServiceStatus> joinServices(const QList<ComposeService> &declared,
                                  const QList<ContainerInfo> &containers,
                                  const QList<ServiceStatus> &previous = {},
                                  bool containersKnown = true);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ServiceStatus)
