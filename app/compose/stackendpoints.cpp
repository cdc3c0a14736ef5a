// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stackendpoints.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QVariantList>
#include <QVariantMap>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

using Kind = DiscoveredEndpoint::Kind;

class StackEndpoints
{
    Q_DECLARE_TR_FUNCTIONS(StackEndpoints)

public:
    /// Recognised by its image, or (weaker) by its service name.
    struct Recognised
    {
        Kind kind;
        bool byName = false;
    };

    static std::optional<Recognised> recognise(const ComposeService &service);
    static DiscoveredEndpoint locate(const ComposeService &service, const Recognised &recognised,
                                     const QList<ComposeService> &services);
};

/// An image reference without registry, tag and digest, lowercased: "prom/prometheus" for
/// "docker.io/prom/prometheus:v2.48.0@sha256:…". `${VAR}` parts are skipped over so that an
/// uninterpolated tag ("jaegertracing/jaeger:${JAEGER_VERSION:-latest}") still parses.
QString repositoryPath(const QString &image)
{
    QString s = image.trimmed().toLower();
    if (const qsizetype at = s.indexOf(u'@'); at >= 0)
        s.truncate(at);
    // The tag is the first ':' after the last '/', both outside ${...}.
    int depth = 0;
    qsizetype lastSlash = -1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == u'$' && i + 1 < s.size() && s.at(i + 1) == u'{')
            ++depth;
        else if (s.at(i) == u'}' && depth > 0)
            --depth;
        else if (depth == 0 && s.at(i) == u'/')
            lastSlash = i;
    }
    depth = 0;
    for (qsizetype i = lastSlash + 1; i < s.size(); ++i) {
        if (s.at(i) == u'$' && i + 1 < s.size() && s.at(i + 1) == u'{') {
            ++depth;
        } else if (s.at(i) == u'}' && depth > 0) {
            --depth;
        } else if (depth == 0 && s.at(i) == u':') {
            s.truncate(i);
            break;
        }
    }
    QStringList parts = s.split(u'/', Qt::SkipEmptyParts);
    // A first part with a dot or a port, "localhost" or a variable names a registry.
    if (parts.size() > 1
        && (parts.first().contains(u'.') || parts.first().contains(u':')
            || parts.first() == "localhost"_L1 || parts.first().startsWith(u'$')))
        parts.removeFirst();
    return parts.join(u'/');
}

std::optional<Kind> kindOfImage(const QString &image)
{
    const QString path = repositoryPath(image);
    if (path.isEmpty())
        return std::nullopt;
    // Jaeger 1.x's all-in-one is the one name too generic to be known without its namespace.
    if (path == "jaegertracing/all-in-one"_L1)
        return Kind::Jaeger;
    // The official images (prom/prometheus, grafana/loki, jaegertracing/jaeger...), quay.io's
    // (prometheus/prometheus) and the re-packagings (bitnami/, ubuntu/, a company mirror) share
    // the last part of the name.
    static const QHash<QString, Kind> names{
        {u"prometheus"_s, Kind::Prometheus},
        {u"alertmanager"_s, Kind::Alertmanager},
        {u"prometheus-alertmanager"_s, Kind::Alertmanager},
        {u"jaeger"_s, Kind::Jaeger},
        {u"jaeger-query"_s, Kind::Jaeger},
        {u"jaeger-all-in-one"_s, Kind::Jaeger},
        {u"grafana"_s, Kind::Grafana},
        {u"grafana-oss"_s, Kind::Grafana},
        {u"grafana-enterprise"_s, Kind::Grafana},
        {u"loki"_s, Kind::Loki},
        {u"grafana-loki"_s, Kind::Loki},
    };
    const QString last = path.section(u'/', -1);
    if (const auto it = names.constFind(last); it != names.cend())
        return *it;
    return std::nullopt;
}

std::optional<Kind> kindOfName(const QString &name)
{
    static const QRegularExpression separators(u"[-_.]"_s);
    const QStringList tokens = name.toLower().split(separators, Qt::SkipEmptyParts);
    // "prometheus-redis-exporter" is an exporter, not Prometheus.
    if (tokens.contains("exporter"_L1) || tokens.contains("pushgateway"_L1))
        return std::nullopt;
    static const QList<std::pair<QString, Kind>> words{
        {u"prometheus"_s, Kind::Prometheus},
        {u"alertmanager"_s, Kind::Alertmanager},
        {u"jaeger"_s, Kind::Jaeger},
        {u"grafana"_s, Kind::Grafana},
        {u"loki"_s, Kind::Loki},
    };
    for (const auto &[word, kind] : words) {
        if (tokens.contains(word))
            return kind;
    }
    return std::nullopt;
}

std::optional<StackEndpoints::Recognised> StackEndpoints::recognise(const ComposeService &service)
{
    if (!service.image.isEmpty()) {
        if (const auto kind = kindOfImage(service.image))
            return Recognised{*kind, false};
        return std::nullopt;
    }
    // No image: built from a Dockerfile, so only its name says what it is.
    if (const auto kind = kindOfName(service.name))
        return Recognised{*kind, true};
    return std::nullopt;
}

int defaultPort(Kind kind)
{
    switch (kind) {
    case Kind::Prometheus:
        return 9090;
    case Kind::Alertmanager:
        return 9093;
    case Kind::Jaeger:
        return 16686;
    case Kind::Grafana:
        return 3000;
    case Kind::Loki:
        return 3100;
    }
    return 0;
}

/// The values of a Go-style flag (`-name=v`, `--name=v`, `--name v`) among `args`, in order.
QStringList flagValues(const QStringList &args, const QString &name)
{
    QStringList values;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i).trimmed();
        if (!arg.startsWith(u'-'))
            continue;
        arg.remove(0, arg.startsWith("--"_L1) ? 2 : 1);
        if (arg == name) {
            if (i + 1 < args.size() && !args.at(i + 1).startsWith(u'-'))
                values << args.at(++i).trimmed();
        } else if (arg.startsWith(name + u'=')) {
            values << arg.mid(name.size() + 1);
        }
    }
    return values;
}

/// The last value of the flag (the one that counts), with the name it was given under.
struct Flag
{
    QString name;
    QString value;
};

std::optional<Flag> lastFlag(const QStringList &args, const QStringList &names)
{
    std::optional<Flag> found;
    for (const QString &name : names) {
        const QStringList values = flagValues(args, name);
        if (!values.isEmpty())
            found = Flag{u"--"_s + name, values.last()};
    }
    return found;
}

/// Jaeger 2.x sets its options with `--set key=value`.
std::optional<Flag> jaegerSetting(const QStringList &args, const QString &key)
{
    std::optional<Flag> found;
    for (const QString &value : flagValues(args, u"set"_s)) {
        if (value.startsWith(key + u'='))
            found = Flag{u"--set "_s + key, value.mid(key.size() + 1)};
    }
    return found;
}

struct Listen
{
    QString host; ///< empty = every address
    int port = 0; ///< 0 = the default
    QString flag; ///< the flag that said so, empty when nothing did
};

/// "host:port", ":port", "[::1]:port".
Listen parseAddress(const QString &address)
{
    Listen listen;
    const qsizetype colon = address.lastIndexOf(u':');
    if (colon < 0)
        return listen;
    listen.host = address.left(colon);
    if (listen.host.startsWith(u'[') && listen.host.endsWith(u']'))
        listen.host = listen.host.mid(1, listen.host.size() - 2);
    bool ok = false;
    const int port = address.mid(colon + 1).toInt(&ok);
    listen.port = ok && port > 0 && port < 65536 ? port : 0;
    return listen;
}

/// Where the backend listens inside its network namespace, as its command line (or for Grafana
/// its environment) says.
Listen listenOf(Kind kind, const QStringList &args, const QMap<QString, QString> &environment)
{
    Listen listen;
    std::optional<Flag> flag;
    switch (kind) {
    case Kind::Prometheus:
    case Kind::Alertmanager:
        flag = lastFlag(args, {u"web.listen-address"_s});
        break;
    case Kind::Jaeger:
        flag = lastFlag(args, {u"query.http-server.host-port"_s});
        if (!flag)
            flag = jaegerSetting(args, u"extensions.jaeger_query.http.endpoint"_s);
        if (!flag) {
            if (const auto port = lastFlag(args, {u"query.port"_s})) // before Jaeger 1.26
                flag = Flag{port->name, u":"_s + port->value};
        }
        break;
    case Kind::Loki: {
        const auto port = lastFlag(args, {u"server.http-listen-port"_s});
        const auto host = lastFlag(args, {u"server.http-listen-address"_s});
        if (port || host) {
            listen.host = host ? host->value : QString();
            listen.port = port ? port->value.toInt() : 0;
            // Loki's documentation writes its flags with one dash.
            listen.flag = (port ? port->name : host->name).mid(1);
        }
        return listen;
    }
    case Kind::Grafana: {
        // Set in grafana.ini (not read here) or, as compose files do, in the environment.
        const QString port = environment.value(u"GF_SERVER_HTTP_PORT"_s);
        const QString host = environment.value(u"GF_SERVER_HTTP_ADDR"_s);
        if (!port.isEmpty() || !host.isEmpty()) {
            listen.host = host;
            const int value = port.toInt();
            listen.port = value > 0 && value < 65536 ? value : 0;
            listen.flag = port.isEmpty() ? u"GF_SERVER_HTTP_ADDR"_s : u"GF_SERVER_HTTP_PORT"_s;
        }
        return listen;
    }
    }
    if (flag) {
        listen = parseAddress(flag->value);
        listen.flag = flag->name;
    }
    return listen;
}

/// The path the UI and API live under: Prometheus' and Alertmanager's --web.route-prefix (by
/// default the path of --web.external-url), Jaeger's base path. "" or "/prom".
QString pathPrefix(Kind kind, const QStringList &args, const QMap<QString, QString> &environment)
{
    QString path;
    switch (kind) {
    case Kind::Prometheus:
    case Kind::Alertmanager:
        if (const auto prefix = lastFlag(args, {u"web.route-prefix"_s}))
            path = prefix->value;
        else if (const auto external = lastFlag(args, {u"web.external-url"_s}))
            path = QUrl(external->value).path();
        break;
    case Kind::Jaeger:
        if (const auto base = lastFlag(args, {u"query.base-path"_s}))
            path = base->value;
        else if (const auto setting = jaegerSetting(args, u"extensions.jaeger_query.base_path"_s))
            path = setting->value;
        break;
    case Kind::Grafana: {
        // Grafana serves under its root URL's path only when told to serve from a sub-path.
        const QString sub = environment.value(u"GF_SERVER_SERVE_FROM_SUB_PATH"_s).toLower();
        if (sub == "true"_L1 || sub == "1"_L1) {
            // The path of "%(protocol)s://%(domain)s:%(http_port)s/grafana/": Grafana expands
            // the placeholders, which QUrl cannot parse, and the path has none of them.
            const QString root = environment.value(u"GF_SERVER_ROOT_URL"_s);
            const qsizetype scheme = root.indexOf("://"_L1);
            const qsizetype slash = root.indexOf(u'/', scheme < 0 ? 0 : scheme + 3);
            path = slash < 0 ? QString() : root.mid(slash).section(u'?', 0, 0).section(u'#', 0, 0);
        }
        break;
    }
    case Kind::Loki:
        break;
    }
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.isEmpty() && !path.startsWith(u'/'))
        path.prepend(u'/');
    return path;
}

/// The address the host reaches a listener on: every address → loopback.
QString hostAddress(const QString &bound)
{
    QString host = bound;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.isEmpty() || host == "0.0.0.0"_L1 || host == "::"_L1)
        return u"127.0.0.1"_s;
    return host;
}

QUrl httpUrl(const QString &host, int port, const QString &path)
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(host);
    url.setPort(port);
    if (!path.isEmpty())
        url.setPath(path);
    return url;
}

bool isLoopback(const QString &host)
{
    return host == "127.0.0.1"_L1 || host == "localhost"_L1 || host == "::1"_L1;
}

DiscoveredEndpoint StackEndpoints::locate(const ComposeService &service,
                                          const Recognised &recognised,
                                          const QList<ComposeService> &services)
{
    DiscoveredEndpoint found;
    found.kind = recognised.kind;
    found.service = service.name;
    const QStringList args = service.entrypoint + service.command;
    const Listen listen = listenOf(recognised.kind, args, service.environment);
    const int port = listen.port > 0 ? listen.port : defaultPort(recognised.kind);
    const QString path = pathPrefix(recognised.kind, args, service.environment);
    const auto finish = [&](DiscoveredEndpoint endpoint) {
        if (recognised.byName && endpoint.how.isEmpty())
            endpoint.how = tr("recognised by its service name (it has no image)");
        else if (recognised.byName)
            endpoint.how
                = tr("%1; recognised by its service name (it has no image)").arg(endpoint.how);
        return endpoint;
    };

    // `network_mode: service:NAME` publishes through that service's ports.
    const ComposeService *network = &service;
    QString sharedWith;
    if (service.networkMode.startsWith("service:"_L1)) {
        sharedWith = service.networkMode.mid(8);
        network = nullptr;
        for (const ComposeService &other : services) {
            if (other.name == sharedWith)
                network = &other;
        }
        if (!network) {
            found.problem = tr("it uses the network of service '%1', which the stack does not "
                               "declare")
                                .arg(sharedWith);
            return finish(found);
        }
    }

    if (network->networkMode == "host"_L1) {
        found.url = httpUrl(hostAddress(listen.host), port, path);
        found.how = listen.flag.isEmpty() ? tr("host network, default port %1").arg(port)
                                          : tr("host network, %1").arg(listen.flag);
        if (!sharedWith.isEmpty())
            found.how += u", "_s + tr("through service '%1'").arg(sharedWith);
        return finish(found);
    }
    if (network->networkMode == "none"_L1) {
        found.problem = tr("it has no network (network_mode: none)");
        return finish(found);
    }
    if (network->networkMode.startsWith("container:"_L1)) {
        found.problem = tr("it uses another container's network (%1), whose published ports "
                           "are not in the stack")
                            .arg(network->networkMode);
        return finish(found);
    }
    if (!listen.flag.isEmpty() && isLoopback(listen.host)) {
        found.problem = tr("it listens on its container's loopback only (%1 %2:%3), which no "
                           "published port reaches")
                            .arg(listen.flag, listen.host)
                            .arg(port);
        return finish(found);
    }

    bool random = false;
    for (const PublishedPort &published : network->ports) {
        if (!published.protocol.isEmpty()
            && published.protocol.compare("tcp"_L1, Qt::CaseInsensitive))
            continue;
        const int first = published.containerPort;
        const int last = std::max(published.containerPort, published.containerPortEnd);
        if (first <= 0 || port < first || port > last)
            continue;
        const int hostFirst = published.hostPort;
        const int hostLast = std::max(published.hostPort, published.hostPortEnd);
        // A single container port on a host range gets whichever port Docker finds free.
        if (hostFirst <= 0 || (first == last && hostLast > hostFirst)) {
            random = true;
            continue;
        }
        const int hostPort = hostFirst + (port - first);
        if (hostPort > hostLast)
            continue;
        found.url = httpUrl(hostAddress(published.hostIp), hostPort, path);
        found.how = tr("published %1 → %2").arg(found.url.authority(), QString::number(port));
        if (!listen.flag.isEmpty())
            found.how += u", "_s + listen.flag;
        if (!sharedWith.isEmpty())
            found.how += u", "_s + tr("through service '%1'").arg(sharedWith);
        return finish(found);
    }
    found.problem = random ? tr("its port %1 is published on a host port that Docker picks when "
                                "it starts; publish it on a fixed port (\"%2:%1\")")
                                 .arg(port)
                                 .arg(port)
                           : tr("its port %1 is not published to the host").arg(port);
    return finish(found);
}

/// The first reachable endpoint of `kind`, preferring those recognised by their image.
const DiscoveredEndpoint *bestOf(Kind kind, const QList<DiscoveredEndpoint> &found)
{
    const DiscoveredEndpoint *byName = nullptr;
    for (const DiscoveredEndpoint &endpoint : found) {
        if (endpoint.kind != kind || endpoint.url.isEmpty())
            continue;
        if (!endpoint.byServiceName)
            return &endpoint;
        if (!byName)
            byName = &endpoint;
    }
    return byName;
}

/// "prometheus → 127.0.0.1:9091"
QString discoveredAs(const DiscoveredEndpoint &endpoint)
{
    return endpoint.service + u" \u2192 "_s + endpoint.url.authority() + endpoint.url.path();
}

bool replaceable(const EndpointConfig &endpoint)
{
    return endpoint.origin != EndpointConfig::Origin::File;
}

void take(EndpointConfig &into, const DiscoveredEndpoint &endpoint)
{
    into.url = endpoint.url;
    into.origin = EndpointConfig::Origin::Stack;
    into.discoveredAs = discoveredAs(endpoint);
}

} // namespace

std::optional<DiscoveredEndpoint::Kind> recogniseService(const ComposeService &service,
                                                         bool *byName)
{
    const auto recognised = StackEndpoints::recognise(service);
    if (byName)
        *byName = recognised && recognised->byName;
    if (!recognised)
        return std::nullopt;
    return recognised->kind;
}

QString lastFlagValue(const QStringList &args, const QString &name)
{
    const QStringList values = flagValues(args, name);
    return values.isEmpty() ? QString() : values.last();
}

QString endpointKindName(DiscoveredEndpoint::Kind kind)
{
    switch (kind) {
    case Kind::Prometheus:
        return u"Prometheus"_s;
    case Kind::Alertmanager:
        return u"Alertmanager"_s;
    case Kind::Jaeger:
        return u"Jaeger"_s;
    case Kind::Grafana:
        return u"Grafana"_s;
    case Kind::Loki:
        return u"Loki"_s;
    }
    return {};
}

QList<DiscoveredEndpoint> discoverEndpoints(const QList<ComposeService> &services)
{
    QList<DiscoveredEndpoint> found;
    for (const ComposeService &service : services) {
        const auto recognised = StackEndpoints::recognise(service);
        if (!recognised)
            continue;
        DiscoveredEndpoint endpoint = StackEndpoints::locate(service, *recognised, services);
        endpoint.byServiceName = recognised->byName;
        found.append(endpoint);
    }
    return found;
}

Config applyDiscoveredEndpoints(const Config &config, const QList<DiscoveredEndpoint> &found,
                                bool stackKnown)
{
    Config result = config;
    const auto runs = [&found](Kind kind) {
        return std::any_of(found.cbegin(), found.cend(),
                           [kind](const DiscoveredEndpoint &e) { return e.kind == kind; });
    };
    const auto fill = [&](EndpointConfig &into, Kind kind) {
        if (!replaceable(into))
            return;
        if (const DiscoveredEndpoint *endpoint = bestOf(kind, found))
            take(into, *endpoint);
        else if (into.origin == EndpointConfig::Origin::Default)
            into.notInStack = stackKnown && !runs(kind);
    };
    fill(result.prometheus, Kind::Prometheus);
    fill(result.jaeger, Kind::Jaeger);
    fill(result.grafana, Kind::Grafana);
    fill(result.loki, Kind::Loki);

    // The Alertmanagers go as one list (an HA pair is two services): all from the file, or all
    // from the stack. An empty list is the file's (the defaults hold one).
    const bool fileSetsThem
        = result.alertmanagers.isEmpty()
          || std::any_of(result.alertmanagers.cbegin(), result.alertmanagers.cend(),
                         [](const EndpointConfig &e) { return !replaceable(e); });
    if (!fileSetsThem) {
        const EndpointConfig base = result.alertmanagers.first();
        QList<EndpointConfig> alertmanagers;
        for (const bool byName : {false, true}) {
            for (const DiscoveredEndpoint &endpoint : found) {
                if (endpoint.kind != Kind::Alertmanager || endpoint.url.isEmpty()
                    || endpoint.byServiceName != byName)
                    continue;
                EndpointConfig alertmanager = base;
                take(alertmanager, endpoint);
                alertmanagers.append(alertmanager);
            }
            if (!alertmanagers.isEmpty())
                break; // a service's name is only a hint when no image says more
        }
        if (!alertmanagers.isEmpty()) {
            result.alertmanagers = alertmanagers;
        } else {
            for (EndpointConfig &alertmanager : result.alertmanagers) {
                if (alertmanager.origin == EndpointConfig::Origin::Default)
                    alertmanager.notInStack = stackKnown && !runs(Kind::Alertmanager);
            }
        }
    }
    return result;
}

QList<ConfigEdit> discoveredEndpointEdits(const Config &config,
                                          const QList<DiscoveredEndpoint> &found)
{
    const Config effective = applyDiscoveredEndpoints(config, found);
    QList<ConfigEdit> edits;
    const auto edit = [&edits](const EndpointConfig &endpoint, const QString &key) {
        if (endpoint.origin == EndpointConfig::Origin::Stack)
            edits.append({{u"endpoints"_s, key, u"url"_s}, endpoint.url.toString()});
    };
    edit(effective.prometheus, u"prometheus"_s);
    if (!effective.alertmanagers.isEmpty()
        && effective.alertmanagers.first().origin == EndpointConfig::Origin::Stack) {
        QVariantList list;
        for (const EndpointConfig &alertmanager : effective.alertmanagers)
            list.append(QVariantMap{{u"url"_s, alertmanager.url.toString()}});
        edits.append({{u"endpoints"_s, u"alertmanagers"_s}, list});
    }
    edit(effective.jaeger, u"jaeger"_s);
    edit(effective.grafana, u"grafana"_s);
    edit(effective.loki, u"loki"_s);
    return edits;
}

} // namespace Stackscope
