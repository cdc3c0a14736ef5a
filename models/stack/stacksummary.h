// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// One container of some compose project, as /containers/json lists it: only what its compose
/// labels and its state say (com.docker.compose.project, .project.working_dir,
/// .project.config_files, .service, .oneoff).
struct StackContainer
{
    QString name;            ///< without the leading '/'
    QString project;         ///< com.docker.compose.project
    QString workingDir;      ///< com.docker.compose.project.working_dir
    QStringList configFiles; ///< .project.config_files split at ','; relative ones as written
    QString service;         ///< com.docker.compose.service
    QString state;           ///< created, running, paused, restarting, exited, dead...
    bool oneOff = false;     ///< made by `compose run`: not one of the project's services
    qint64 created = 0;      ///< seconds since the epoch

    bool isRunning() const { return state == QLatin1StringView("running"); }

    friend bool operator==(const StackContainer &, const StackContainer &) = default;
};

/// One compose project the Docker daemon knows, whatever started it and wherever its files are:
/// what "Stacks on this machine" lists and `stackscope --stacks` prints.
struct StackSummary
{
    Q_GADGET
public:
    enum class State {
        Running, ///< every service has a running container
        Partial, ///< some do
        Stopped, ///< none does (containers created or exited)
    };
    Q_ENUM(State)

    QString name;            ///< the compose project name
    QString workingDir;      ///< the folder compose ran in
    QStringList configFiles; ///< absolute paths (relative labels resolved against workingDir)
    QStringList services;    ///< distinct service names, sorted
    int servicesRunning = 0; ///< services with at least one running container
    int servicesTotal = 0;
    int containers = 0; ///< every container of the project, one-off runs included
    State state = State::Stopped;
    /// What would go wrong when opening it, in sentences (containers made from another folder).
    QStringList problems;

    friend bool operator==(const StackSummary &, const StackSummary &) = default;
};

namespace StackSummaries {

/// Groups containers into one summary per project, sorted by name. Containers without a project
/// label are left out. A service runs when any of its (non one-off) containers runs. When the
/// containers of one project were made from different folders, the folder of the most (then the
/// newest) containers is the project's, and a problem says so.
QList<StackSummary> group(const QList<StackContainer> &containers);

/// The state as a stable English word for scripts: "running", "partial", "stopped".
QString stateName(StackSummary::State state);
/// The state for people (translated).
QString stateText(StackSummary::State state);

} // namespace StackSummaries

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::StackSummary)
