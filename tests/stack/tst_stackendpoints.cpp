// SPDX-License-Identifier: GPL-3.0-or-later
// Endpoints found in a compose stack (issue 13, point 4): which services are Prometheus,
// Alertmanager, Jaeger, Grafana and Loki, where the host reaches each, and how they fill the
// endpoints the configuration file does not set. No Docker needed.
#include "app/compose/composefile.h"
#include "app/compose/stackendpoints.h"
#include "app/config/configeditor.h"
#include "app/config/configloader.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

using Kind = DiscoveredEndpoint::Kind;

namespace Stackscope {
inline char *toString(DiscoveredEndpoint::Kind kind)
{
    return qstrdup(endpointKindName(kind).toUtf8().constData());
}
inline char *toString(EndpointConfig::Origin origin)
{
    static const char *const names[] = {"Default", "File", "Stack"};
    return qstrdup(names[int(origin)]);
}
} // namespace Stackscope

namespace {

const QString kStackDir = u"/opt/stackscope-test/stack"_s;

/// A port range "8000-8010" (or one port) as first and last.
std::pair<int, int> range(const QString &text)
{
    const QStringList parts = text.split(u'-');
    const int first = parts.first().toInt();
    return {first, parts.size() > 1 ? parts.at(1).toInt() : first};
}

/// One entry of compose's short `ports:` syntax: "[IP:][HOST:]CONTAINER[/PROTOCOL]", with
/// ranges and a bracketed IPv6 address.
PublishedPort shortPort(QString spec)
{
    PublishedPort port;
    if (const qsizetype slash = spec.indexOf(u'/'); slash >= 0) {
        port.protocol = spec.mid(slash + 1);
        spec.truncate(slash);
    }
    if (spec.startsWith(u'[')) {
        const qsizetype close = spec.indexOf(u']');
        port.hostIp = spec.mid(1, close - 1);
        spec = spec.mid(close + 2);
    }
    QStringList parts = spec.split(u':');
    if (parts.size() == 3)
        port.hostIp = parts.takeFirst();
    std::tie(port.containerPort, port.containerPortEnd) = range(parts.takeLast());
    if (!parts.isEmpty() && !parts.first().isEmpty())
        std::tie(port.hostPort, port.hostPortEnd) = range(parts.first());
    return port;
}

ComposeService service(const QString &name, const QString &image, const QStringList &ports = {},
                       const QStringList &command = {}, const QString &networkMode = {})
{
    ComposeService s;
    s.name = name;
    s.image = image;
    for (const QString &spec : ports)
        s.ports.append(shortPort(spec));
    s.command = command;
    s.networkMode = networkMode;
    return s;
}

/// The services of a compose file, as Stackscope's own compose reader resolves them.
QList<ComposeService> loadCompose(const QByteArray &yaml)
{
    // The compose reader fills ports, command and network mode itself.
    const ComposeFile file = ComposeFile::parse(yaml, u"docker-compose.yml"_s);
    if (!file.ok())
        qWarning("%s", qPrintable(file.error));
    return file.services;
}

/// The ```yaml block of a seed document that declares services.
QByteArray seedCompose(const QString &prefix)
{
    const QDir seeds(Test::sharedPath(u"seeds"_s));
    const QStringList files = seeds.entryList({prefix + u"_*.txt"_s}, QDir::Files);
    if (files.isEmpty())
        return {};
    const QString markdown = QString::fromUtf8(Test::readFile(seeds.filePath(files.first())));
    static const QRegularExpression block(u"```ya?ml\\n(.*?)```"_s,
                                          QRegularExpression::DotMatchesEverythingOption);
    for (auto it = block.globalMatch(markdown); it.hasNext();) {
        const QString yaml = it.next().captured(1);
        if (yaml.contains(u"\nservices:"_s) || yaml.startsWith(u"services:"_s))
            return yaml.toUtf8();
    }
    return {};
}

const DiscoveredEndpoint *findService(const QList<DiscoveredEndpoint> &found, const QString &name)
{
    for (const DiscoveredEndpoint &e : found) {
        if (e.service == name)
            return &e;
    }
    return nullptr;
}

/// What a file with only `version: 1` means: every endpoint defaulted.
Config defaults()
{
    return parseConfig("version: 1\n", u"/somewhere"_s, kStackDir).config;
}

} // namespace

class TestStackEndpoints : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageForms_data();
    void imageForms();
    void serviceNameIsAWeakHint();
    void publishedPorts_data();
    void publishedPorts();
    void hostNetwork_data();
    void hostNetwork();
    void pathPrefix_data();
    void pathPrefix();
    void randomPort();
    void unreachable_data();
    void unreachable();
    void twoAlertmanagers();
    void loaderTellsFileFromDefault();
    void configurationWins();
    void defaultsWrittenOutGiveWay();
    void notInTheStack();
    void grafanaEnvironment();
    void grafanaEnvironmentInterpolated();
    void sourceText();
    void useTheseKeepsComments();
    void seed000();
    void seed002();
    void publicFiles_data();
    void publicFiles();
};

void TestStackEndpoints::imageForms_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<int>("kind"); // -1: not recognised

    const auto row = [](const char *image, int kind) {
        QTest::newRow(image) << QString::fromUtf8(image) << kind;
    };
    const int prometheus = int(Kind::Prometheus), alertmanager = int(Kind::Alertmanager),
              jaeger = int(Kind::Jaeger), grafana = int(Kind::Grafana), loki = int(Kind::Loki);
    row("prom/prometheus", prometheus);
    row("prom/prometheus:v2.48.0", prometheus);
    row("docker.io/prom/prometheus:v3.13.1@sha256:3c42b892cf723fa54d2f262c37a0e1f80aa8c8dd",
        prometheus);
    row("quay.io/prometheus/prometheus:v2.45.0", prometheus);
    row("bitnami/prometheus:2", prometheus);
    row("ubuntu/prometheus:2-22.04_stable", prometheus);
    row("registry.example.com:5000/mirror/prometheus:latest", prometheus);
    row("localhost/prometheus:latest", prometheus);
    row("${REGISTRY:-docker.io}/prom/prometheus:${PROM_TAG}", prometheus);
    row("prom/alertmanager:v0.26.0", alertmanager);
    row("docker.io/prom/alertmanager:v0.33.1", alertmanager);
    row("quay.io/prometheus/alertmanager", alertmanager);
    row("bitnami/alertmanager:0.27.0", alertmanager);
    row("jaegertracing/all-in-one:1.51", jaeger);
    row("docker.1ms.run/jaegertracing/all-in-one:latest", jaeger);
    row("jaegertracing/jaeger:2.5.0", jaeger);
    row("jaegertracing/jaeger:${JAEGER_VERSION:-latest}", jaeger);
    row("jaegertracing/jaeger-query:1.60", jaeger);
    row("grafana/grafana:10.2.2", grafana);
    row("grafana/grafana-oss:latest", grafana);
    row("docker.io/grafana/grafana-oss:10.0.8", grafana);
    row("grafana/grafana-enterprise:11.0.0", grafana);
    row("bitnami/grafana", grafana);
    row("grafana/loki:2.8.0", loki);
    row("bitnami/grafana-loki:3", loki);
    // Not ours: exporters, agents and look-alikes.
    row("prom/node-exporter:v1.6.0", -1);
    row("prom/pushgateway", -1);
    row("grafana/promtail:2.8.0", -1);
    row("grafana/grafana-image-renderer", -1);
    row("grafana/tempo:latest", -1);
    row("jaegertracing/jaeger-collector:1.60", -1);
    row("jaegertracing/example-hotrod:latest", -1);
    row("otel/opentelemetry-collector-contrib:0.112.0", -1);
    row("ghcr.io/manugh/xg2g:latest", -1);
    row("ceph/ceph-grafana:6.6.2", -1);
    row("gcr.io/cadvisor/cadvisor:v0.47.0", -1);
    row("prometheus-redis-exporter", -1);
    row("all-in-one", -1);
}

void TestStackEndpoints::imageForms()
{
    QFETCH(QString, image);
    QFETCH(int, kind);
    const auto found = discoverEndpoints({service(u"svc"_s, image)});
    if (kind < 0) {
        QVERIFY2(found.isEmpty(), qPrintable(found.value(0).how));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().kind, Kind(kind));
    QCOMPARE(found.first().service, u"svc"_s);
    QVERIFY(!found.first().byServiceName);
}

void TestStackEndpoints::serviceNameIsAWeakHint()
{
    // A service built from a Dockerfile has no image: its name is all there is.
    const auto built = discoverEndpoints({service(u"prometheus"_s, {}, {u"9095:9090"_s}),
                                          service(u"my-grafana"_s, {}, {u"3001:3000"_s}),
                                          service(u"prometheus-redis-exporter"_s, {}),
                                          service(u"web"_s, {}, {u"8080:8080"_s})});
    QCOMPARE(built.size(), 2);
    QCOMPARE(built.at(0).kind, Kind::Prometheus);
    QVERIFY(built.at(0).byServiceName);
    QCOMPARE(built.at(0).url, QUrl(u"http://127.0.0.1:9095"_s));
    QVERIFY2(built.at(0).how.contains(u"service name"_s), qPrintable(built.at(0).how));
    QCOMPARE(built.at(1).kind, Kind::Grafana);

    // An image says more than a name: a service named "prometheus" running something else is not
    // Prometheus, and one running Grafana under another name is Grafana.
    QVERIFY(
        discoverEndpoints({service(u"prometheus"_s, u"ghcr.io/acme/metrics-proxy:1"_s)}).isEmpty());
    QCOMPARE(discoverEndpoints({service(u"dashboards"_s, u"grafana/grafana"_s)}).first().kind,
             Kind::Grafana);

    // Applied, an image-recognised Prometheus wins over a name-recognised one listed first.
    const auto both
        = discoverEndpoints({service(u"prometheus"_s, {}, {u"9095:9090"_s}),
                             service(u"metrics"_s, u"prom/prometheus"_s, {u"9096:9090"_s})});
    const Config config = applyDiscoveredEndpoints(defaults(), both);
    QCOMPARE(config.prometheus.url, QUrl(u"http://127.0.0.1:9096"_s));
}

void TestStackEndpoints::publishedPorts_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("ports");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("how");

    const QString prom = u"prom/prometheus:v2.48.0"_s;
    QTest::newRow("short HOST:CONTAINER")
        << prom << QStringList{u"9091:9090"_s} << QStringList{} << QUrl(u"http://127.0.0.1:9091"_s)
        << u"published 127.0.0.1:9091 → 9090"_s;
    QTest::newRow("same port") << prom << QStringList{u"9090:9090"_s} << QStringList{}
                               << QUrl(u"http://127.0.0.1:9090"_s)
                               << u"published 127.0.0.1:9090 → 9090"_s;
    QTest::newRow("other ports first")
        << prom << QStringList{u"8080:8080"_s, u"9090:9090/udp"_s, u"19090:9090/tcp"_s}
        << QStringList{} << QUrl(u"http://127.0.0.1:19090"_s)
        << u"published 127.0.0.1:19090 → 9090"_s;
    QTest::newRow("host ip 0.0.0.0")
        << prom << QStringList{u"0.0.0.0:9091:9090"_s} << QStringList{}
        << QUrl(u"http://127.0.0.1:9091"_s) << u"published 127.0.0.1:9091 → 9090"_s;
    QTest::newRow("host ip ::") << prom << QStringList{u"[::]:9091:9090"_s} << QStringList{}
                                << QUrl(u"http://127.0.0.1:9091"_s)
                                << u"published 127.0.0.1:9091 → 9090"_s;
    QTest::newRow("host ip loopback")
        << prom << QStringList{u"127.0.0.1:9091:9090"_s} << QStringList{}
        << QUrl(u"http://127.0.0.1:9091"_s) << u"published 127.0.0.1:9091 → 9090"_s;
    QTest::newRow("host ip specific")
        << prom << QStringList{u"192.168.1.5:9091:9090"_s} << QStringList{}
        << QUrl(u"http://192.168.1.5:9091"_s) << u"published 192.168.1.5:9091 → 9090"_s;
    QTest::newRow("host ip [::1]")
        << prom << QStringList{u"[::1]:9091:9090"_s} << QStringList{}
        << QUrl(u"http://[::1]:9091"_s) << u"published [::1]:9091 → 9090"_s;
    QTest::newRow("range, same offset")
        << prom << QStringList{u"19088-19092:9088-9092"_s} << QStringList{}
        << QUrl(u"http://127.0.0.1:19090"_s) << u"published 127.0.0.1:19090 → 9090"_s;
    QTest::newRow("range elsewhere, then the port")
        << prom << QStringList{u"8000-8010:8000-8010"_s, u"9095:9090"_s} << QStringList{}
        << QUrl(u"http://127.0.0.1:9095"_s) << u"published 127.0.0.1:9095 → 9090"_s;
    QTest::newRow("--web.listen-address=:9091")
        << prom << QStringList{u"9090:9090"_s, u"9092:9091"_s}
        << QStringList{u"--config.file=/etc/prometheus/prometheus.yml"_s,
                       u"--web.listen-address=:9091"_s}
        << QUrl(u"http://127.0.0.1:9092"_s)
        << u"published 127.0.0.1:9092 → 9091, --web.listen-address"_s;
    QTest::newRow("--web.listen-address=0.0.0.0:9091")
        << prom << QStringList{u"9091:9091"_s}
        << QStringList{u"--web.listen-address=0.0.0.0:9091"_s} << QUrl(u"http://127.0.0.1:9091"_s)
        << u"published 127.0.0.1:9091 → 9091, --web.listen-address"_s;
    QTest::newRow("--web.listen-address as two arguments")
        << prom << QStringList{u"9091:9091"_s}
        << QStringList{u"--web.listen-address"_s, u"0.0.0.0:9091"_s}
        << QUrl(u"http://127.0.0.1:9091"_s)
        << u"published 127.0.0.1:9091 → 9091, --web.listen-address"_s;
    QTest::newRow("alertmanager") << u"prom/alertmanager:v0.26.0"_s << QStringList{u"9093:9093"_s}
                                  << QStringList{} << QUrl(u"http://127.0.0.1:9093"_s)
                                  << u"published 127.0.0.1:9093 → 9093"_s;
    QTest::newRow("jaeger UI among its ports")
        << u"jaegertracing/all-in-one:1.51"_s
        << QStringList{u"5775:5775/udp"_s, u"6831:6831/udp"_s, u"5778:5778"_s, u"16686:16686"_s,
                       u"14268:14268"_s}
        << QStringList{} << QUrl(u"http://127.0.0.1:16686"_s)
        << u"published 127.0.0.1:16686 → 16686"_s;
    QTest::newRow("jaeger query port moved")
        << u"jaegertracing/jaeger-query:1.60"_s << QStringList{u"16000:16600"_s}
        << QStringList{u"--query.http-server.host-port=:16600"_s}
        << QUrl(u"http://127.0.0.1:16000"_s)
        << u"published 127.0.0.1:16000 → 16600, --query.http-server.host-port"_s;
    QTest::newRow("grafana") << u"grafana/grafana-oss"_s << QStringList{u"3003:3000"_s}
                             << QStringList{} << QUrl(u"http://127.0.0.1:3003"_s)
                             << u"published 127.0.0.1:3003 → 3000"_s;
    QTest::newRow("loki port moved")
        << u"grafana/loki:2.9.2"_s << QStringList{u"3101:3101"_s}
        << QStringList{u"-config.file=/etc/loki/loki.yaml"_s, u"-server.http-listen-port=3101"_s}
        << QUrl(u"http://127.0.0.1:3101"_s)
        << u"published 127.0.0.1:3101 → 3101, -server.http-listen-port"_s;
}

void TestStackEndpoints::publishedPorts()
{
    QFETCH(QString, image);
    QFETCH(QStringList, ports);
    QFETCH(QStringList, command);
    QFETCH(QUrl, url);
    QFETCH(QString, how);
    const auto found = discoverEndpoints({service(u"svc"_s, image, ports, command)});
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().problem.isEmpty(), qPrintable(found.first().problem));
    QCOMPARE(found.first().url, url);
    QCOMPARE(found.first().how, how);
}

void TestStackEndpoints::hostNetwork_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QString>("how");

    QTest::newRow("prometheus default")
        << u"prom/prometheus:v3.1.0"_s
        << QStringList{u"--config.file=/etc/prometheus/prometheus.yml"_s}
        << QUrl(u"http://127.0.0.1:9090"_s) << u"host network, default port 9090"_s;
    QTest::newRow("prometheus 127.0.0.1:9091")
        << u"prom/prometheus"_s << QStringList{u"--web.listen-address=127.0.0.1:9091"_s}
        << QUrl(u"http://127.0.0.1:9091"_s) << u"host network, --web.listen-address"_s;
    QTest::newRow("prometheus :9091")
        << u"prom/prometheus"_s << QStringList{u"--web.listen-address=:9091"_s}
        << QUrl(u"http://127.0.0.1:9091"_s) << u"host network, --web.listen-address"_s;
    QTest::newRow("prometheus [::1]:9091")
        << u"prom/prometheus"_s << QStringList{u"--web.listen-address=[::1]:9091"_s}
        << QUrl(u"http://[::1]:9091"_s) << u"host network, --web.listen-address"_s;
    QTest::newRow("prometheus 1.x single dash")
        << u"prom/prometheus:v1.8.2"_s << QStringList{u"-web.listen-address=:9099"_s}
        << QUrl(u"http://127.0.0.1:9099"_s) << u"host network, --web.listen-address"_s;
    QTest::newRow("last flag wins")
        << u"prom/prometheus"_s
        << QStringList{u"--web.listen-address=:9091"_s, u"--web.listen-address=:9092"_s}
        << QUrl(u"http://127.0.0.1:9092"_s) << u"host network, --web.listen-address"_s;
    QTest::newRow("alertmanager") << u"prom/alertmanager"_s
                                  << QStringList{u"--web.listen-address=0.0.0.0:9193"_s}
                                  << QUrl(u"http://127.0.0.1:9193"_s)
                                  << u"host network, --web.listen-address"_s;
    QTest::newRow("jaeger 1.x") << u"jaegertracing/all-in-one:1.57"_s
                                << QStringList{u"--query.http-server.host-port=127.0.0.1:16700"_s}
                                << QUrl(u"http://127.0.0.1:16700"_s)
                                << u"host network, --query.http-server.host-port"_s;
    QTest::newRow("jaeger 2.x --set")
        << u"jaegertracing/jaeger:2.5.0"_s
        << QStringList{u"--config"_s, u"/etc/jaeger/config.yaml"_s, u"--set"_s,
                       u"extensions.jaeger_query.http.endpoint=0.0.0.0:16777"_s}
        << QUrl(u"http://127.0.0.1:16777"_s)
        << u"host network, --set extensions.jaeger_query.http.endpoint"_s;
    QTest::newRow("jaeger 2.x config file only")
        << u"jaegertracing/jaeger:latest"_s
        << QStringList{u"--config"_s, u"/etc/jaeger/config.yaml"_s}
        << QUrl(u"http://127.0.0.1:16686"_s) << u"host network, default port 16686"_s;
    QTest::newRow("loki port") << u"grafana/loki:2.8.0"_s
                               << QStringList{u"-config.file=/etc/loki/local-config.yaml"_s,
                                              u"-server.http-listen-port=3110"_s}
                               << QUrl(u"http://127.0.0.1:3110"_s)
                               << u"host network, -server.http-listen-port"_s;
    QTest::newRow("grafana") << u"grafana/grafana-oss"_s << QStringList{}
                             << QUrl(u"http://127.0.0.1:3000"_s)
                             << u"host network, default port 3000"_s;
}

void TestStackEndpoints::hostNetwork()
{
    QFETCH(QString, image);
    QFETCH(QStringList, command);
    QFETCH(QUrl, url);
    QFETCH(QString, how);
    // Published ports mean nothing with host networking (compose ignores them).
    const auto found = discoverEndpoints(
        {service(u"svc"_s, image, {u"1234:9090"_s, u"1235:16686"_s}, command, u"host"_s)});
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().problem.isEmpty(), qPrintable(found.first().problem));
    QCOMPARE(found.first().url, url);
    QCOMPARE(found.first().how, how);

    // The same through `network_mode: service:NAME`.
    const auto shared
        = discoverEndpoints({service(u"net"_s, u"busybox"_s, {}, {}, u"host"_s),
                             service(u"svc"_s, image, {}, command, u"service:net"_s)});
    QCOMPARE(shared.size(), 1);
    QCOMPARE(shared.first().url, url);
}

void TestStackEndpoints::pathPrefix_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QUrl>("url");

    QTest::newRow("route prefix") << u"prom/prometheus"_s
                                  << QStringList{u"--web.route-prefix=/prometheus"_s}
                                  << QUrl(u"http://127.0.0.1:9091/prometheus"_s);
    QTest::newRow("route prefix, slashes")
        << u"prom/prometheus"_s << QStringList{u"--web.route-prefix=prom/"_s}
        << QUrl(u"http://127.0.0.1:9091/prom"_s);
    QTest::newRow("external url")
        << u"prom/prometheus"_s
        << QStringList{u"--web.external-url=https://example.com/monitoring/prometheus/"_s}
        << QUrl(u"http://127.0.0.1:9091/monitoring/prometheus"_s);
    QTest::newRow("route prefix beats external url")
        << u"prom/prometheus"_s
        << QStringList{u"--web.external-url=http://example.com/prom"_s, u"--web.route-prefix=/"_s}
        << QUrl(u"http://127.0.0.1:9091"_s);
    QTest::newRow("external url without path")
        << u"prom/prometheus"_s << QStringList{u"--web.external-url=http://example.com:9090"_s}
        << QUrl(u"http://127.0.0.1:9091"_s);
    QTest::newRow("jaeger base path")
        << u"jaegertracing/all-in-one"_s << QStringList{u"--query.base-path=/jaeger"_s}
        << QUrl(u"http://127.0.0.1:9091/jaeger"_s);
}

void TestStackEndpoints::pathPrefix()
{
    QFETCH(QString, image);
    QFETCH(QStringList, command);
    QFETCH(QUrl, url);
    // Published on 9091 whatever the container port, so that only the path differs.
    const auto found
        = discoverEndpoints({service(u"svc"_s, image, {u"9091:9090"_s, u"9091:16686"_s}, command)});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().url, url);
}

void TestStackEndpoints::randomPort()
{
    // "9090" alone, "127.0.0.1::9090" and a host range for one port: Docker picks the host port
    // when the container starts, so the compose model cannot say it.
    for (const QString &spec : {u"9090"_s, u"127.0.0.1::9090"_s, u"9000-9010:9090"_s}) {
        const auto found
            = discoverEndpoints({service(u"prometheus"_s, u"prom/prometheus"_s, {spec})});
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().url.isEmpty(), qPrintable(spec));
        QVERIFY2(found.first().problem.contains(u"Docker picks"_s),
                 qPrintable(found.first().problem));
    }
    // A fixed port beside it is used.
    const auto fixed = discoverEndpoints(
        {service(u"prometheus"_s, u"prom/prometheus"_s, {u"9090"_s, u"9091:9090"_s})});
    QCOMPARE(fixed.first().url, QUrl(u"http://127.0.0.1:9091"_s));
    QVERIFY(fixed.first().problem.isEmpty());

    // An unreachable one fills nothing: the default stays.
    const auto random
        = discoverEndpoints({service(u"prometheus"_s, u"prom/prometheus"_s, {u"9090"_s})});
    const Config config = applyDiscoveredEndpoints(defaults(), random);
    QCOMPARE(config.prometheus.origin, EndpointConfig::Origin::Default);
    QCOMPARE(config.prometheus.url, QUrl(u"http://127.0.0.1:9091"_s));
}

void TestStackEndpoints::unreachable_data()
{
    QTest::addColumn<QStringList>("ports");
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("networkMode");
    QTest::addColumn<QString>("problem");

    QTest::newRow("not published") << QStringList{u"8080:8080"_s} << QStringList{} << QString()
                                   << u"its port 9090 is not published to the host"_s;
    QTest::newRow("udp only") << QStringList{u"9090:9090/udp"_s} << QStringList{} << QString()
                              << u"its port 9090 is not published to the host"_s;
    QTest::newRow("listen port moved away from the published one")
        << QStringList{u"9090:9090"_s} << QStringList{u"--web.listen-address=:9091"_s} << QString()
        << u"its port 9091 is not published to the host"_s;
    QTest::newRow("container loopback")
        << QStringList{u"9090:9090"_s} << QStringList{u"--web.listen-address=127.0.0.1:9090"_s}
        << QString() << u"listens on its container's loopback only"_s;
    QTest::newRow("network none") << QStringList{} << QStringList{} << u"none"_s << u"no network"_s;
    QTest::newRow("other container") << QStringList{u"9090:9090"_s} << QStringList{}
                                     << u"container:abc123"_s << u"another container's network"_s;
    QTest::newRow("missing service")
        << QStringList{} << QStringList{} << u"service:vpn"_s << u"service 'vpn'"_s;
}

void TestStackEndpoints::unreachable()
{
    QFETCH(QStringList, ports);
    QFETCH(QStringList, command);
    QFETCH(QString, networkMode);
    QFETCH(QString, problem);
    const auto found = discoverEndpoints(
        {service(u"prometheus"_s, u"prom/prometheus"_s, ports, command, networkMode)});
    QCOMPARE(found.size(), 1);
    QVERIFY(found.first().url.isEmpty());
    QVERIFY2(found.first().problem.contains(problem), qPrintable(found.first().problem));
}

void TestStackEndpoints::twoAlertmanagers()
{
    const QList<ComposeService> services{
        service(u"alertmanager-1"_s, u"prom/alertmanager:v0.26.0"_s, {u"9093:9093"_s}),
        service(u"prometheus"_s, u"prom/prometheus"_s, {u"9090:9090"_s}),
        service(u"alertmanager-2"_s, u"quay.io/prometheus/alertmanager"_s, {u"9094:9093"_s}),
        service(u"alertmanager-3"_s, u"prom/alertmanager"_s, {u"9093"_s}), // random: left out
    };
    const auto found = discoverEndpoints(services);
    QCOMPARE(found.size(), 4);
    QCOMPARE(found.at(0).service, u"alertmanager-1"_s);
    QCOMPARE(found.at(2).service, u"alertmanager-2"_s);
    QCOMPARE(found.at(2).url, QUrl(u"http://127.0.0.1:9094"_s));

    const Config config = applyDiscoveredEndpoints(defaults(), found);
    QCOMPARE(config.alertmanagers.size(), 2);
    QCOMPARE(config.alertmanagers.at(0).url, QUrl(u"http://127.0.0.1:9093"_s));
    QCOMPARE(config.alertmanagers.at(1).url, QUrl(u"http://127.0.0.1:9094"_s));
    QCOMPARE(config.alertmanagers.at(1).origin, EndpointConfig::Origin::Stack);
    QCOMPARE(endpointOriginText(config.alertmanagers.at(1)),
             u"from the stack: alertmanager-2 → 127.0.0.1:9094"_s);
    QCOMPARE(config.alertmanagers.at(1).timeout, defaults().alertmanagers.first().timeout);
}

void TestStackEndpoints::loaderTellsFileFromDefault()
{
    const auto parsed = parseConfig("version: 1\n"
                                    "endpoints:\n"
                                    "  prometheus:\n"
                                    "    url: http://10.0.0.2:9090\n"
                                    "  jaeger:\n"
                                    "    url: http://127.0.0.1:16686\n" // the default, written out
                                    "    timeout: 3s\n"                 // ...but not this
                                    "  grafana:\n"
                                    "    url: http://127.0.0.1:3000\n", // exactly the default
                                    u"/somewhere"_s, kStackDir);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed.config.prometheus.origin, EndpointConfig::Origin::File);
    QCOMPARE(parsed.config.jaeger.origin, EndpointConfig::Origin::File);
    QCOMPARE(parsed.config.grafana.origin, EndpointConfig::Origin::Default);
    QCOMPARE(parsed.config.alertmanagers.first().origin, EndpointConfig::Origin::Default);

    const auto listed = parseConfig("version: 1\nendpoints:\n  alertmanagers:\n"
                                    "    - url: http://127.0.0.1:9093\n"
                                    "    - url: http://127.0.0.1:9094\n",
                                    u"/somewhere"_s, kStackDir);
    QVERIFY(listed.ok());
    QCOMPARE(listed.config.alertmanagers.size(), 2);
    QCOMPARE(listed.config.alertmanagers.at(0).origin, EndpointConfig::Origin::File);

    // The first run's file writes every endpoint out with its default value.
    const Config firstRun = defaultConfig(kStackDir);
    QCOMPARE(firstRun.prometheus.origin, EndpointConfig::Origin::Default);
    QCOMPARE(firstRun.alertmanagers.first().origin, EndpointConfig::Origin::Default);
    QCOMPARE(firstRun.jaeger.origin, EndpointConfig::Origin::Default);
    QCOMPARE(firstRun.grafana.origin, EndpointConfig::Origin::Default);
}

void TestStackEndpoints::configurationWins()
{
    const auto parsed = parseConfig("version: 1\n"
                                    "endpoints:\n"
                                    "  prometheus:\n"
                                    "    url: http://10.0.0.2:9090\n"
                                    "  alertmanagers:\n"
                                    "    - url: http://10.0.0.3:9093\n",
                                    u"/somewhere"_s, kStackDir);
    QVERIFY(parsed.ok());
    const auto found = discoverEndpoints(
        {service(u"prometheus"_s, u"prom/prometheus"_s, {u"9091:9090"_s}),
         service(u"alertmanager"_s, u"prom/alertmanager"_s, {u"9093:9093"_s}),
         service(u"jaeger"_s, u"jaegertracing/all-in-one:1.51"_s, {u"16687:16686"_s})});
    const Config config = applyDiscoveredEndpoints(parsed.config, found);
    QCOMPARE(config.prometheus.url, QUrl(u"http://10.0.0.2:9090"_s));
    QCOMPARE(config.prometheus.origin, EndpointConfig::Origin::File);
    QCOMPARE(config.alertmanagers.size(), 1);
    QCOMPARE(config.alertmanagers.first().url, QUrl(u"http://10.0.0.3:9093"_s));
    QCOMPARE(endpointOriginText(config.alertmanagers.first()), u"set in the configuration"_s);
    // Jaeger was not set: the stack's fills it.
    QCOMPARE(config.jaeger.url, QUrl(u"http://127.0.0.1:16687"_s));
    QCOMPARE(config.jaeger.origin, EndpointConfig::Origin::Stack);
    // Grafana: neither set nor found, so the default.
    QCOMPARE(config.grafana.origin, EndpointConfig::Origin::Default);
    QCOMPARE(endpointOriginText(config.grafana), u"default"_s);

    // An empty list of Alertmanagers in the file means none, whatever the stack runs.
    const auto none
        = parseConfig("version: 1\nendpoints:\n  alertmanagers: []\n", u"/somewhere"_s, kStackDir);
    QVERIFY(none.ok());
    QVERIFY(applyDiscoveredEndpoints(none.config, found).alertmanagers.isEmpty());
}

void TestStackEndpoints::defaultsWrittenOutGiveWay()
{
    // A first-run file names the bundled stack's addresses; the user's own stack replaces them.
    const auto found
        = discoverEndpoints({service(u"prom"_s, u"prom/prometheus"_s, {u"9090:9090"_s}),
                             service(u"grafana"_s, u"grafana/grafana"_s, {u"3001:3000"_s})});
    const Config config = applyDiscoveredEndpoints(defaultConfig(kStackDir), found);
    QCOMPARE(config.prometheus.url, QUrl(u"http://127.0.0.1:9090"_s));
    QCOMPARE(config.grafana.url, QUrl(u"http://127.0.0.1:3001"_s));
    QCOMPARE(config.jaeger.url, QUrl(u"http://127.0.0.1:16686"_s));
    QCOMPARE(config.jaeger.origin, EndpointConfig::Origin::Default);
    QCOMPARE(config.alertmanagers.size(), 1); // none found: the default stays
}

void TestStackEndpoints::notInTheStack()
{
    // A stack of Prometheus and Grafana only: the default Jaeger and Alertmanager are not its.
    const auto found
        = discoverEndpoints({service(u"prom"_s, u"prom/prometheus"_s, {u"9090:9090"_s}),
                             service(u"grafana"_s, u"grafana/grafana"_s, {u"3001:3000"_s})});
    const Config known = applyDiscoveredEndpoints(defaultConfig(kStackDir), found, true);
    QVERIFY(known.jaeger.notInStack);
    QCOMPARE(endpointOriginText(known.jaeger), u"default (not in this stack)"_s);
    QVERIFY(known.alertmanagers.first().notInStack);
    QVERIFY(!known.prometheus.notInStack);
    QCOMPARE(known.prometheus.origin, EndpointConfig::Origin::Stack);

    // The stack's services not known yet (no file read): nothing is said about them.
    const Config unknown = applyDiscoveredEndpoints(defaultConfig(kStackDir), {}, false);
    QVERIFY(!unknown.jaeger.notInStack);
    QVERIFY(!unknown.alertmanagers.first().notInStack);

    // A Jaeger the stack runs but the host cannot reach: it is in the stack (its problem shows).
    const auto unreachable
        = discoverEndpoints({service(u"jaeger"_s, u"jaegertracing/all-in-one"_s, {}),
                             service(u"prom"_s, u"prom/prometheus"_s, {u"9090:9090"_s})});
    QVERIFY(
        !applyDiscoveredEndpoints(defaultConfig(kStackDir), unreachable, true).jaeger.notInStack);

    // Set in the file: the file's word stands.
    const auto parsed
        = parseConfig("version: 1\nendpoints:\n  jaeger:\n    url: http://10.0.0.4:16686\n",
                      u"/somewhere"_s, kStackDir);
    QVERIFY(parsed.ok());
    QVERIFY(!applyDiscoveredEndpoints(parsed.config, found, true).jaeger.notInStack);
}

void TestStackEndpoints::grafanaEnvironment()
{
    // Grafana's port and sub-path come from its environment, in either form compose allows.
    const QList<ComposeService> services = loadCompose(
        "services:\n"
        "  grafana:\n"
        "    image: grafana/grafana-oss:10.4.2\n"
        "    network_mode: host\n"
        "    environment:\n"
        "      - GF_SERVER_HTTP_PORT=3300\n"
        "      - GF_AUTH_ANONYMOUS_ENABLED\n"
        "  dashboards:\n"
        "    image: grafana/grafana:latest\n"
        "    ports: [\"127.0.0.1:3001:3400\"]\n"
        "    environment:\n"
        "      GF_SERVER_HTTP_PORT: \"3400\"\n"
        "      GF_SERVER_ROOT_URL: \"%(protocol)s://%(domain)s:%(http_port)s/grafana/\"\n"
        "      GF_SERVER_SERVE_FROM_SUB_PATH: \"true\"\n");
    QCOMPARE(services.size(), 2);
    QCOMPARE(services.at(0).environment.value(u"GF_SERVER_HTTP_PORT"_s), u"3300"_s);
    QVERIFY(services.at(0).environment.contains(u"GF_AUTH_ANONYMOUS_ENABLED"_s));
    const auto found = discoverEndpoints(services);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).url, QUrl(u"http://127.0.0.1:3300"_s));
    QCOMPARE(found.at(0).how, u"host network, GF_SERVER_HTTP_PORT"_s);
    // Published 3001 → 3400, the port the environment moved Grafana to; under /grafana.
    QCOMPARE(found.at(1).url, QUrl(u"http://127.0.0.1:3001/grafana"_s));
    QVERIFY2(found.at(1).problem.isEmpty(), qPrintable(found.at(1).problem));
}

void TestStackEndpoints::grafanaEnvironmentInterpolated()
{
    // As the seed stacks write it: the port is a variable of the project's .env, the address a
    // default; list and mapping form. Discovery sees the values after interpolation.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &name, const QByteArray &text) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    };
    write(u".env"_s, "GRAFANA_PORT=13000\nGRAFANA_ADDR=127.0.0.2\n");
    write(u"compose.yaml"_s, "services:\n"
                             "  grafana:\n"
                             "    image: grafana/grafana:10.2.2\n"
                             "    network_mode: host\n"
                             "    environment:\n"
                             "      - GF_SERVER_HTTP_PORT=${GRAFANA_PORT}\n"
                             "      - GF_SECURITY_ADMIN_PASSWORD=${GRAFANA_PASSWORD:-admin}\n"
                             "  grafana-addr:\n"
                             "    image: grafana/grafana-oss\n"
                             "    network_mode: host\n"
                             "    environment:\n"
                             "      GF_SERVER_HTTP_ADDR: ${GRAFANA_ADDR}\n"
                             "      GF_SERVER_HTTP_PORT: ${GRAFANA_OTHER_PORT:-3500}\n"
                             "  grafana-loopback:\n"
                             "    image: grafana/grafana\n"
                             "    ports: [\"3002:3000\"]\n"
                             "    environment:\n"
                             "      GF_SERVER_HTTP_ADDR: ${LOOPBACK:-127.0.0.1}\n");
    ComposeInputs inputs;
    inputs.workingDirectory = dir.path();
    inputs.environment = QProcessEnvironment(); // nothing from the shell running the test
    const ComposeFile file = ComposeFile::resolve(inputs);
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.services.size(), 3);
    QCOMPARE(file.services.at(0).environment.value(u"GF_SERVER_HTTP_PORT"_s), u"13000"_s);

    const auto found = discoverEndpoints(file.services);
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).url, QUrl(u"http://127.0.0.1:13000"_s));
    QCOMPARE(found.at(0).how, u"host network, GF_SERVER_HTTP_PORT"_s);
    // The address and the port, the port from a default.
    QCOMPARE(found.at(1).url, QUrl(u"http://127.0.0.2:3500"_s));
    // Bound to the container's loopback: no published port reaches it, and discovery says so.
    QVERIFY(found.at(2).url.isEmpty());
    QVERIFY2(found.at(2).problem.contains(u"GF_SERVER_HTTP_ADDR 127.0.0.1:3000"_s),
             qPrintable(found.at(2).problem));
}

void TestStackEndpoints::sourceText()
{
    const auto found = discoverEndpoints(
        {service(u"prometheus"_s, u"prom/prometheus"_s, {u"9091:9090"_s},
                 {u"--web.route-prefix=/prom"_s}),
         service(u"tracing"_s, u"jaegertracing/jaeger:2.5.0"_s, {u"[::1]:16686:16686"_s}),
         service(u"logs"_s, u"grafana/loki"_s, {u"3100:3100"_s})});
    const Config config = applyDiscoveredEndpoints(defaults(), found);
    QCOMPARE(endpointOriginText(config.prometheus),
             u"from the stack: prometheus → 127.0.0.1:9091/prom"_s);
    QCOMPARE(endpointOriginText(config.jaeger), u"from the stack: tracing → [::1]:16686"_s);
    QCOMPARE(config.jaeger.url, QUrl(u"http://[::1]:16686"_s));
    QCOMPARE(found.at(2).kind, Kind::Loki);
    QCOMPARE(found.at(2).url, QUrl(u"http://127.0.0.1:3100"_s));
    QCOMPARE(endpointOriginText(config.loki), u"from the stack: logs → 127.0.0.1:3100"_s);

    // Applying twice, or to an already effective configuration, changes nothing more.
    QCOMPARE(applyDiscoveredEndpoints(config, found), config);
    // Nothing found, nothing changed.
    QCOMPARE(applyDiscoveredEndpoints(defaults(), {}), defaults());
}

void TestStackEndpoints::useTheseKeepsComments()
{
    const QByteArray file = "# my settings\n"
                            "version: 1\n"
                            "endpoints:\n"
                            "  # the shared Prometheus\n"
                            "  prometheus:\n"
                            "    url: http://10.0.0.2:9090  # do not change\n"
                            "  alertmanagers:\n"
                            "    - url: http://127.0.0.1:9093\n"
                            "  jaeger:\n"
                            "    url: http://127.0.0.1:16686\n"
                            "refresh:\n"
                            "  status: 5s # often\n";
    const auto parsed = parseConfig(file, u"/somewhere"_s, kStackDir);
    QVERIFY(parsed.ok());
    const auto found = discoverEndpoints(
        {service(u"prometheus"_s, u"prom/prometheus"_s, {u"9091:9090"_s}),
         service(u"am-a"_s, u"prom/alertmanager"_s, {u"19093:9093"_s}),
         service(u"am-b"_s, u"prom/alertmanager"_s, {u"19094:9093"_s}),
         service(u"jaeger"_s, u"jaegertracing/all-in-one"_s, {u"16687:16686"_s}),
         service(u"grafana"_s, u"grafana/grafana"_s, {u"3001:3000"_s})});
    const QList<ConfigEdit> edits = discoveredEndpointEdits(parsed.config, found);
    QCOMPARE(edits.size(), 3); // Prometheus is the user's
    ConfigEditor editor(file);
    QVERIFY2(editor.apply(edits), qPrintable(editor.errorString()));
    const QByteArray written = editor.text();
    QVERIFY(written.contains("# my settings\n"));
    QVERIFY(written.contains("  # the shared Prometheus\n"));
    QVERIFY(written.contains("    url: http://10.0.0.2:9090  # do not change\n"));
    QVERIFY(written.contains("  status: 5s # often\n"));

    // Read back, the file now sets what the stack gave.
    const auto reread = parseConfig(written, u"/somewhere"_s, kStackDir);
    QVERIFY(reread.ok());
    QCOMPARE(reread.config.prometheus.url, QUrl(u"http://10.0.0.2:9090"_s));
    QCOMPARE(reread.config.alertmanagers.size(), 2);
    QCOMPARE(reread.config.alertmanagers.at(1).url, QUrl(u"http://127.0.0.1:19094"_s));
    QCOMPARE(reread.config.alertmanagers.at(1).origin, EndpointConfig::Origin::File);
    QCOMPARE(reread.config.jaeger.url, QUrl(u"http://127.0.0.1:16687"_s));
    QCOMPARE(reread.config.grafana.url, QUrl(u"http://127.0.0.1:3001"_s));
    QCOMPARE(reread.config.grafana.origin, EndpointConfig::Origin::File);
    // Nothing left to write.
    QVERIFY(discoveredEndpointEdits(reread.config, found).isEmpty());
}

void TestStackEndpoints::seed000()
{
    STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"seeds"_s));
    const QByteArray yaml = seedCompose(u"000"_s);
    QVERIFY2(!yaml.isEmpty(), "seed 000 embeds docker-compose.production.yml");
    const QList<ComposeService> services = loadCompose(yaml);
    QCOMPARE(services.size(), 5);
    // As the seed writes it: `prometheus` publishes "9091:9090", `alertmanager` runs with
    // `--config.file` and `--storage.path`; ComposeFile::parse's host ports agree.
    QCOMPARE(services.at(1).ports, QList<PublishedPort>{shortPort(u"9091:9090"_s)});
    QCOMPARE(services.at(1).hostPorts, QList<int>{9091});
    QCOMPARE(services.at(4).command,
             (QStringList{u"--config.file=/etc/alertmanager/alertmanager.yml"_s,
                          u"--storage.path=/alertmanager"_s}));

    const auto found = discoverEndpoints(services);
    // xg2g publishes 9090 too, but it is no Prometheus.
    QCOMPARE(found.size(), 4);
    QVERIFY(!findService(found, u"xg2g"_s));
    const struct
    {
        QString service;
        Kind kind;
        QString url;
        QString how;
    } expected[] = {
        {u"prometheus"_s, Kind::Prometheus, u"http://127.0.0.1:9091"_s,
         u"published 127.0.0.1:9091 → 9090"_s},
        {u"grafana"_s, Kind::Grafana, u"http://127.0.0.1:3000"_s,
         u"published 127.0.0.1:3000 → 3000"_s},
        {u"jaeger"_s, Kind::Jaeger, u"http://127.0.0.1:16686"_s,
         u"published 127.0.0.1:16686 → 16686"_s},
        {u"alertmanager"_s, Kind::Alertmanager, u"http://127.0.0.1:9093"_s,
         u"published 127.0.0.1:9093 → 9093"_s},
    };
    for (qsizetype i = 0; i < found.size(); ++i) {
        QCOMPARE(found.at(i).service, expected[i].service);
        QCOMPARE(found.at(i).kind, expected[i].kind);
        QCOMPARE(found.at(i).url, QUrl(expected[i].url));
        QCOMPARE(found.at(i).how, expected[i].how);
    }
    const Config config = applyDiscoveredEndpoints(defaultConfig(kStackDir), found);
    QCOMPARE(endpointOriginText(config.prometheus),
             u"from the stack: prometheus → 127.0.0.1:9091"_s);
    QCOMPARE(endpointOriginText(config.alertmanagers.first()),
             u"from the stack: alertmanager → 127.0.0.1:9093"_s);
    QCOMPARE(config.jaeger.origin, EndpointConfig::Origin::Stack);
    QCOMPARE(config.grafana.origin, EndpointConfig::Origin::Stack);
}

void TestStackEndpoints::seed002()
{
    STACKSCOPE_REQUIRE_SHARED(Test::sharedPath(u"seeds"_s));
    const QByteArray yaml = seedCompose(u"002"_s);
    QVERIFY2(!yaml.isEmpty(), "seed 002 embeds docker-compose.monitoring.yml");
    const QList<ComposeService> services = loadCompose(yaml);
    QCOMPARE(services.size(), 6);
    // `loki` runs `command: -config.file=/etc/loki/local-config.yaml`, a string.
    QCOMPARE(services.at(2).command, QStringList{u"-config.file=/etc/loki/local-config.yaml"_s});

    const auto found = discoverEndpoints(services);
    // promtail, node-exporter and cadvisor are not backends of ours.
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.at(0).kind, Kind::Prometheus);
    QCOMPARE(found.at(0).url, QUrl(u"http://127.0.0.1:9090"_s));
    QCOMPARE(found.at(1).kind, Kind::Grafana);
    QCOMPARE(found.at(1).url, QUrl(u"http://127.0.0.1:3000"_s));
    QCOMPARE(found.at(2).kind, Kind::Loki);
    QCOMPARE(found.at(2).service, u"loki"_s);
    QCOMPARE(found.at(2).url, QUrl(u"http://127.0.0.1:3100"_s));

    // No Alertmanager or Jaeger in this stack: those stay as they were.
    const Config config = applyDiscoveredEndpoints(defaultConfig(kStackDir), found);
    QCOMPARE(endpointOriginText(config.prometheus),
             u"from the stack: prometheus → 127.0.0.1:9090"_s);
    QCOMPARE(config.alertmanagers.first().origin, EndpointConfig::Origin::Default);
    QCOMPARE(config.jaeger.origin, EndpointConfig::Origin::Default);
}

void TestStackEndpoints::publicFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected"); // "service kind url"

    QTest::newRow("jaeger 2.x monitor") << u"jaeger-monitor-v2.yml"_s
                                        << QStringList{
                                               u"jaeger Jaeger http://127.0.0.1:16686"_s,
                                               u"prometheus Prometheus http://127.0.0.1:9090"_s,
                                               u"grafana Grafana http://127.0.0.1:3000"_s,
                                           };
    QTest::newRow("jaeger 1.x monitor") << u"jaeger-monitor-v1.yml"_s
                                        << QStringList{
                                               u"jaeger Jaeger http://127.0.0.1:16686"_s,
                                               u"prometheus Prometheus http://127.0.0.1:9090"_s,
                                           };
    QTest::newRow("vegasbrianc/prometheus")
        << u"vegasbrianc-prometheus.yml"_s
        << QStringList{
               u"prometheus Prometheus http://127.0.0.1:9090"_s,
               u"alertmanager Alertmanager http://127.0.0.1:9093"_s,
               u"grafana Grafana http://127.0.0.1:3000"_s,
           };
}

void TestStackEndpoints::publicFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const QByteArray yaml = Test::testData(u"stack/public-endpoints/"_s + file);
    QVERIFY(!yaml.isEmpty());
    const auto found = discoverEndpoints(loadCompose(yaml));
    QStringList actual;
    for (const DiscoveredEndpoint &e : found) {
        QVERIFY2(e.problem.isEmpty(), qPrintable(e.problem));
        actual << u"%1 %2 %3"_s.arg(e.service, endpointKindName(e.kind), e.url.toString());
    }
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestStackEndpoints)
#include "tst_stackendpoints.moc"
