// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/servicestatus.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

ServiceStatus::Condition ServiceStatus::condition() const
{
    if (!containerKnown)
        return Condition::Unknown;
    if (!hasContainer())
        return Condition::NotCreated;
    const QString &s = container.state;
    if (s == "running"_L1) {
        if (container.health == "healthy"_L1)
            return Condition::Healthy;
        if (container.health == "unhealthy"_L1)
            return Condition::Unhealthy;
        if (container.health == "starting"_L1)
            return Condition::Starting;
        return Condition::Running;
    }
    if (s == "restarting"_L1)
        return Condition::Starting;
    if (s == "exited"_L1 || s == "dead"_L1) {
        // 143 = ended by SIGTERM, as `docker stop` sends it: asked to stop, it stopped.
        const bool asked = container.stopRequested || container.exitCode == 143;
        return container.exitCode == 0 || asked ? Condition::Stopped : Condition::Exited;
    }
    return Condition::Stopped;
}

QString ServiceStatus::stateText() const
{
    if (!containerKnown)
        return QCoreApplication::translate("ServiceStatus", "unknown");
    if (!hasContainer())
        return QCoreApplication::translate("ServiceStatus", "not created");
    // Docker's words for a container's state; one Docker adds later shows as it is.
    static const QHash<QString, const char *> words = {
        {u"created"_s, QT_TRANSLATE_NOOP("ServiceStatus", "created")},
        {u"running"_s, QT_TRANSLATE_NOOP("ServiceStatus", "running")},
        {u"paused"_s, QT_TRANSLATE_NOOP("ServiceStatus", "paused")},
        {u"restarting"_s, QT_TRANSLATE_NOOP("ServiceStatus", "restarting")},
        {u"removing"_s, QT_TRANSLATE_NOOP("ServiceStatus", "removing")},
        {u"exited"_s, QT_TRANSLATE_NOOP("ServiceStatus", "exited")},
        {u"dead"_s, QT_TRANSLATE_NOOP("ServiceStatus", "dead")},
    };
    const char *word = words.value(container.state);
    const QString state
        = word ? QCoreApplication::translate("ServiceStatus", word) : container.state;
    if (container.state == "exited"_L1 || container.state == "dead"_L1)
        return u"%1 (%2)"_s.arg(state).arg(container.exitCode);
    return state;
}

QList<int> ServiceStatus::ports() const
{
    QList<int> ports = container.hostPorts;
    for (int p : spec.hostPorts) {
        if (!ports.contains(p))
            ports << p;
    }
    return ports;
}

QList<ServiceStatus> joinServices(const QList<ComposeService> &declared,
                                  const QList<ContainerInfo> &containers,
                                  const QList<ServiceStatus> &previous, bool containersKnown)
{
    QHash<QString, ContainerInfo> newest;
    QHash<QString, int> counts;
    QStringList undeclaredOrder;
    for (const ContainerInfo &c : containers) {
        counts[c.service] += 1;
        auto it = newest.find(c.service);
        if (it == newest.end() || c.created > it->created)
            newest.insert(c.service, c);
        const bool isDeclared
            = std::any_of(declared.begin(), declared.end(),
                          [&](const ComposeService &s) { return s.name == c.service; });
        if (!isDeclared && !undeclaredOrder.contains(c.service))
            undeclaredOrder << c.service;
    }
    QHash<QString, const ServiceStatus *> before;
    for (const ServiceStatus &s : previous)
        before.insert(s.service, &s);

    QList<ServiceStatus> rows;
    auto add = [&](const QString &name, bool isDeclared, const ComposeService &spec) {
        ServiceStatus row;
        row.service = name;
        row.declared = isDeclared;
        row.spec = spec;
        row.containerKnown = containersKnown;
        row.container = newest.value(name);
        row.containerCount = counts.value(name);
        if (const ServiceStatus *old = before.value(name);
            old && row.isRunning() && old->container.id == row.container.id) {
            row.cpuPercent = old->cpuPercent;
            row.memoryBytes = old->memoryBytes;
            row.memoryLimit = old->memoryLimit;
        }
        rows << row;
    };
    for (const ComposeService &s : declared)
        add(s.name, true, s);
    for (const QString &name : std::as_const(undeclaredOrder)) {
        ComposeService spec;
        spec.name = name;
        spec.image = newest.value(name).image;
        add(name, false, spec);
    }
    return rows;
}

} // namespace Stackscope
