// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"
#include "models/config/configedit.h"
#include "models/stack/composeservice.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Stackscope {

/// A backend recognised in a compose stack, and where the host reaches it.
struct DiscoveredEndpoint
{
    enum class Kind { Prometheus, Alertmanager, Jaeger, Grafana, Loki };

    Kind kind = Kind::Prometheus;
    QString service; ///< the compose service's name
    QUrl url;        ///< empty when it cannot be reached from the host; `problem` says why
    /// How it was found, for a tooltip: "published 127.0.0.1:9091 → 9090",
    /// "host network, --web.listen-address".
    QString how;
    QString problem;            ///< recognised but not reachable from the host: why, in words
    bool byServiceName = false; ///< no image: recognised by its name only, a weaker hint

    friend bool operator==(const DiscoveredEndpoint &, const DiscoveredEndpoint &) = default;
};

/// "Prometheus", "Alertmanager"...: the product's name, not translated.
QString endpointKindName(DiscoveredEndpoint::Kind kind);

/// What `service` is, by its image (as discoverEndpoints() recognises it), else, for a service
/// without an image, by its name; nothing when it is none of the five. `byName` (optional) is
/// set when only the name said so.
std::optional<DiscoveredEndpoint::Kind> recogniseService(const ComposeService &service,
                                                         bool *byName = nullptr);

/// The value of a Go-style flag (`-name=v`, `--name=v`, `--name v`) as the program takes it:
/// the last one among `args`; empty when it is not given.
QString lastFlagValue(const QStringList &args, const QString &name);

/// Recognises Prometheus, Alertmanager, Jaeger (1.x all-in-one or query, 2.x), Grafana and Loki
/// among `services` (as compose resolves them: image, ports, command, network mode) and works out
/// where each listens from the host: a published port that maps to its HTTP port (as its listen
/// flag changes it), or with host networking its listen flag, else its default port. The image
/// decides (registry, tag and digest aside; official names, quay.io, ghcr.io and re-packagings
/// such as bitnami/prometheus); a service without an image (built locally) is recognised by its
/// name. One entry per recognised service, in service order. Pure: no I/O.
QList<DiscoveredEndpoint> discoverEndpoints(const QList<ComposeService> &services);

/// The effective configuration: `config` with the endpoints its file does not set (origin
/// Default) taken from `found` (the first reachable of each kind; every reachable Alertmanager),
/// each marked Origin::Stack with "service → host:port". An endpoint set in the file always
/// wins; a file's empty Alertmanager list ("alertmanagers: []") too. Loki has no endpoint in the
/// configuration and is left out. Apply it to the configuration as the loader read it (an
/// endpoint already taken from the stack is replaced by a newer find, never reset).
/// `stackKnown` says that `found` comes from a stack whose services are known: a default endpoint
/// of a kind the stack does not run at all is then marked `notInStack`.
Config applyDiscoveredEndpoints(const Config &config, const QList<DiscoveredEndpoint> &found,
                                bool stackKnown = false);

/// "Use these": the changes that write the endpoints applyDiscoveredEndpoints() took from the
/// stack into the configuration file (ConfigEditor keeps the user's comments). Empty when the
/// stack gives nothing the file does not already set.
QList<ConfigEdit> discoveredEndpointEdits(const Config &config,
                                          const QList<DiscoveredEndpoint> &found);

} // namespace Stackscope
