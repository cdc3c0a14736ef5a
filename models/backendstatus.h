// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace Stackscope {

/// Reachability of one backend (Docker, Prometheus, an Alertmanager, Jaeger) as the status bar
/// shows it. A plain value: it crosses signals and is merged into BackendStatusModel by `id`.
struct BackendStatus
{
    Q_GADGET
public:
    enum class State {
        Unknown,  ///< not checked yet
        Up,       ///< answered as the API it should be
        Down,     ///< did not answer, or answered wrongly; `reason` says how
        Disabled, ///< not configured
    };
    Q_ENUM(State)

    QString id;          ///< stable key: "docker", "prometheus", "alertmanager-0", "jaeger"
    QString displayName; ///< "Prometheus", "Alertmanager 2"
    QString endpoint;    ///< what was asked: "http://127.0.0.1:9091", "unix:///var/run/docker.sock"
    /// Where the endpoint comes from: "set in the configuration", "from the stack: prometheus →
    /// 127.0.0.1:9091", "default" (endpointOriginText()); empty for Docker.
    QString origin;
    State state = State::Unknown;
    QString reason;      ///< why it is down, in words a person understands; empty when up
    QString hint;        ///< what the person can do about it, when known
    QString version;     ///< server version when known
    QDateTime since;     ///< when `state` last changed
    QDateTime lastCheck; ///< when it was last asked
    qint64 latencyMs = -1;

    /// Same state, reason and version: nothing a person would see changed.
    bool sameAs(const BackendStatus &other) const
    {
        return id == other.id && displayName == other.displayName && endpoint == other.endpoint
               && origin == other.origin && state == other.state && reason == other.reason
               && hint == other.hint && version == other.version;
    }
};

QString stateText(BackendStatus::State state);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::BackendStatus)
