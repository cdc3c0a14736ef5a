// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/severityscale.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>

namespace Stackscope {

/// How a request to a backend authenticates. The secret itself is never in the file: only the
/// name of the environment variable that holds it.
struct AuthConfig
{
    enum class Type { None, Basic, Bearer };
    Type type = Type::None;
    QString username;  ///< basic auth only
    QString secretEnv; ///< name of the environment variable holding the password or token

    friend bool operator==(const AuthConfig &, const AuthConfig &) = default;
};

/// One HTTP backend (Prometheus, one Alertmanager, Jaeger, Grafana, Loki).
struct EndpointConfig
{
    /// Where `url` comes from. An endpoint the user's file sets always wins over one found in the
    /// stack; the defaults give way to it.
    enum class Origin {
        Default, ///< not in the file, or in it exactly as the first run wrote the default out
        File,    ///< set in the configuration file
        Stack,   ///< found in the compose stack (applyDiscoveredEndpoints())
    };

    QUrl url;
    AuthConfig auth;
    QString caFile;                  ///< PEM bundle added to the trusted CAs; empty = system CAs
    bool insecureSkipVerify = false; ///< off by default; on only when the user says so
    std::chrono::milliseconds timeout{10000};
    Origin origin = Origin::Default; ///< filled by the loader and by applyDiscoveredEndpoints()
    QString discoveredAs;            ///< Origin::Stack only: "prometheus → 127.0.0.1:9091"
    /// Origin::Default only: the stack's services are known and none of them is this backend, so
    /// nothing answering at the default address is expected, not an error.
    bool notInStack = false;
    /// Alertmanagers only: the name of the HA cluster it belongs to (`cluster:`). Members with
    /// the same name, or all without one, are one cluster whose alerts merge; alerts of
    /// different clusters stay apart (and show the name) even when their fingerprints agree.
    QString cluster;

    friend bool operator==(const EndpointConfig &, const EndpointConfig &) = default;
};

/// Where an endpoint comes from, in words for the status bar: "set in the configuration",
/// "from the stack: prometheus → 127.0.0.1:9091" or "default".
QString endpointOriginText(const EndpointConfig &endpoint);

/// The docker compose project Stackscope supervises.
struct StackConfig
{
    QStringList composeFiles; ///< absolute paths (relative ones are resolved against the config
                              ///< file's folder)
    /// Empty = as compose names it (COMPOSE_PROJECT_NAME, the file's `name:`, the folder);
    /// the bundled stack is `stackscope`.
    QString project;
    QString envFile; ///< absolute path or empty
    QStringList profiles;
    QStringList composeCommand; ///< empty = detect (`docker compose`, else `docker-compose`)
    QString dockerHost;         ///< empty = find the daemon the way the docker CLI does

    friend bool operator==(const StackConfig &, const StackConfig &) = default;
};

/// One entry of `stacks:`: a stack the user keeps in the configuration and switches to.
struct NamedStack
{
    QString name; ///< `name`, else the project, else the first compose file's folder
    StackConfig stack;

    friend bool operator==(const NamedStack &, const NamedStack &) = default;
};

struct RefreshConfig
{
    std::chrono::milliseconds status{10000};  ///< backend reachability
    std::chrono::milliseconds stack{5000};    ///< container stats
    std::chrono::milliseconds metrics{15000}; ///< dashboards
    std::chrono::milliseconds alerts{15000};
    std::chrono::milliseconds traces{60000}; ///< Jaeger service list

    friend bool operator==(const RefreshConfig &, const RefreshConfig &) = default;
};

struct NotificationConfig
{
    bool enabled = true;
    QString minSeverity = QStringLiteral("warning"); ///< info, warning or critical
    bool notifyResolved = false;
    int stormThreshold = 5; ///< more new alerts than this in one poll become one summary
    /// Asks the notification server to play the theme's alert sound (the `sound-name` hint).
    bool sound = false;
    SeverityScale severity; ///< which label carries the severity and what its values mean

    friend bool operator==(const NotificationConfig &, const NotificationConfig &) = default;
};

/// What the Alerts page keeps of its own.
struct AlertsConfig
{
    int historyDays = 7; ///< how long the alert history keeps a closed firing period

    friend bool operator==(const AlertsConfig &, const AlertsConfig &) = default;
};

struct SelfMetricsConfig
{
    bool enabled = true;
    QString listen = QStringLiteral("127.0.0.1:9465"); ///< host:port of the /metrics exposer

    friend bool operator==(const SelfMetricsConfig &, const SelfMetricsConfig &) = default;
};

struct HttpConfig
{
    qint64 maxBodyBytes = 64ll * 1024 * 1024; ///< a larger response is cut off and reported

    friend bool operator==(const HttpConfig &, const HttpConfig &) = default;
};

/// The whole configuration file (`version: 1`), as plain values.
struct Config
{
    int version = 1;
    StackConfig stack;        ///< the stack shown now
    QList<NamedStack> stacks; ///< `stacks:`, for the switcher (File ▸ Stacks)
    EndpointConfig prometheus;
    QList<EndpointConfig> alertmanagers; ///< several for an HA pair; may be empty
    EndpointConfig jaeger;
    EndpointConfig grafana;
    EndpointConfig loki;
    RefreshConfig refresh;
    NotificationConfig notifications;
    AlertsConfig alerts;
    SelfMetricsConfig selfMetrics;
    HttpConfig http;

    friend bool operator==(const Config &, const Config &) = default;
};

/// One problem found in a configuration file. Line and column are 1-based; 0 when unknown.
struct ConfigProblem
{
    int line = 0;
    int column = 0;
    QString message;

    /// `FILE:LINE:COLUMN: message`, the form compilers use, so editors can jump to it.
    QString format(const QString &fileName) const;

    friend bool operator==(const ConfigProblem &, const ConfigProblem &) = default;
};

} // namespace Stackscope

// Declared here, once, so that every module can queue these through signals and QVariant.
Q_DECLARE_METATYPE(Stackscope::Config)
Q_DECLARE_METATYPE(Stackscope::ConfigProblem)
