// SPDX-License-Identifier: GPL-3.0-or-later
// The seed stacks end to end, with real parts: compose stacks shaped like seeds 000 (xg2g),
// 001 (clipper), 003 (magacin) and 004 (camera) from tests/data/stack/seeds, run in one private
// dockerd from images made of Debian's own binaries (Prometheus, Alertmanager, the node,
// blackbox, Redis, PostgreSQL and Nginx exporters, redis-server, nginx, PostgreSQL 15:
// tests/stack/make-seed-images.sh). Grafana, Jaeger, Loki, cAdvisor, promtail and the seeds' own
// applications are STAND-INS there (busybox httpd answering their health and API endpoints),
// not the real products. Each stack is started outside Stackscope with docker-compose from its
// folder, then: the daemon knows the project, Stackscope opens it under its name with every
// service running (healthy where it has a healthcheck), finds its endpoints and the dashboards
// its Grafana provisions, the stack's Prometheus scrapes its exporters, stopping one exporter
// with the Stack page's button fires the seed's own rule in the stack's Alertmanager (and its
// webhook is notified once), and stopping and starting the stack with the page's buttons
// brings the same containers back; no second copy is ever made. Seed 002's external network:
// listed by the compose reader, and compose's refusal names it.
// Skips, saying why, where dockerd, docker-compose or busybox cannot run; a stack whose image
// cannot be made (a Debian package missing) is skipped with the package named.
#include "app/compose/composefile.h"
#include "app/compose/stackdiscovery.h"
#include "app/compose/stackendpoints.h"
#include "app/compose/stackprovisioning.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configloader.h"
#include "app/features/stackfeature.h"
#include "app/http/httpclient.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/prometheusclient.h"
#include "models/metrics/dashboard.h"
#include "models/stack/servicemodel.h"
#include "tests/stack/dockerdaemon.h"
#include "tests/support/freeport.h"
#include "ui/stack/stackpage.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString target = to + u'/' + QDir(from).relativeFilePath(it.filePath());
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(it.filePath(), target))
            return false;
    }
    return true;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// Polls `condition` (which may run nested event loops) until it holds or `timeoutMs` passed.
bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (condition())
            return true;
        QTest::qWait(250);
    }
    return condition();
}

/// GET on loopback, blocking in a nested event loop; the body, empty on failure.
QByteArray httpGet(QNetworkAccessManager &nam, const QUrl &url, int *status = nullptr)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(3000);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body
        = reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    reply->deleteLater();
    return body;
}

/// The webhook receiver the stacks' Alertmanagers notify (their e-mail, Slack and PagerDuty
/// receivers are webhooks here): keeps every POSTed body.
class WebhookSink : public QObject
{
public:
    WebhookSink()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto *buffer = new QByteArray;
                QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                    delete buffer;
                    socket->deleteLater();
                });
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    static const QRegularExpression lengthRe(
                        u"content-length:\\s*(\\d+)"_s, QRegularExpression::CaseInsensitiveOption);
                    const auto m = lengthRe.match(QString::fromLatin1(buffer->left(end)));
                    const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QByteArray path
                        = buffer->left(buffer->indexOf("\r\n")).split(' ').value(1);
                    bodies.append({QString::fromLatin1(path), buffer->mid(end + 4, length)});
                    buffer->clear();
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    /// Per receiver (the webhook's path): how many notifications had `alertname` firing for
    /// `job` (one notification may carry several alerts).
    QHash<QString, int> firingNotifications(const QString &alertname, const QString &job) const
    {
        QHash<QString, int> n;
        for (const auto &[path, body] : bodies) {
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            for (const QJsonValue &a : o.value("alerts"_L1).toArray()) {
                const QJsonObject labels = a.toObject().value("labels"_L1).toObject();
                if (a.toObject().value("status"_L1).toString() == "firing"_L1
                    && labels.value("alertname"_L1).toString() == alertname
                    && labels.value("job"_L1).toString() == job) {
                    ++n[path];
                    break;
                }
            }
        }
        return n;
    }
    QList<std::pair<QString, QByteArray>> bodies;

private:
    QTcpServer m_server;
};

/// The dashboards the stack's Grafana provisions, followed by Stackscope (findStackDashboards,
/// as the Metrics page lists them "from the stack") and read with its DashboardLoader.
QList<Dashboard> provisionedDashboards(const QList<ComposeService> &services, QStringList *problems)
{
    const StackDashboards found = findStackDashboards(services);
    *problems << found.notes;
    QList<Dashboard> dashboards;
    for (const ProvisionedDashboard &p : found.dashboards) {
        Dashboard d;
        QString error;
        if (DashboardLoader::fromFile(p.hostPath, &d, &error))
            dashboards << d;
        else
            *problems << p.hostPath + u": "_s + error;
    }
    return dashboards;
}

} // namespace

class TestSeedStacks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedStack_data();
    void seedStack();
    void externalNetworkMissing();

private:
    QStringList projectContainers(const QString &project, bool all = true) const
    {
        // The daemon's own label filter: the IDs, to see that nothing is created twice.
        QString out;
        QStringList args = {u"ps"_s, u"-q"_s, u"--no-trunc"_s, u"--filter"_s,
                            u"label=com.docker.compose.project="_s + project};
        if (all)
            args.insert(1, u"-a"_s);
        m_daemon.run(m_docker, args, &out);
        QStringList ids = out.split(u'\n', Qt::SkipEmptyParts);
        ids.sort();
        return ids;
    }
    /// Clicks one of the Stack page's buttons (by objectName: "stopService", "startStack" ...;
    /// a service's buttons act on the selected row) and waits for the compose run it starts.
    static ComposeRunner::Result click(StackPage &page, StackSupervisor &s, const QString &button,
                                       const QString &service = {})
    {
        ComposeRunner::Result r;
        r.failedToStart = true;
        if (!service.isEmpty())
            page.selectService(service);
        auto *b = page.findChild<QPushButton *>(button);
        if (!b || !b->isEnabled()) {
            r.error = button + (b ? u" is disabled"_s : u" is not on the page"_s);
            return r;
        }
        QSignalSpy finished(&s, &StackSupervisor::composeFinished);
        QTest::mouseClick(b, Qt::LeftButton);
        if (!s.isComposeRunning() && finished.isEmpty()) {
            r.error = button + u" started no compose run"_s;
            return r;
        }
        if (finished.isEmpty() && !finished.wait(180000)) {
            r.error = u"compose did not finish within 180 s"_s;
            return r;
        }
        return finished.first().first().value<ComposeRunner::Result>();
    }
    static QString rowsText(const StackSupervisor &s)
    {
        QStringList lines;
        for (const ComposeService &service : s.declaredServices()) {
            const ServiceStatus *row = s.model()->service(service.name);
            lines << service.name + u": "_s + (row ? row->stateText() : u"(no row)"_s)
                         + (row && !row->container.health.isEmpty()
                                ? u" ["_s + row->container.health + u']'
                                : QString());
        }
        return lines.join(u"; "_s);
    }

    DockerDaemon m_daemon;
    QTemporaryDir m_dir;
    QString m_compose;
    QString m_docker;
    QStringList m_missingImages; ///< "tag: why" for images that could not be made
    QNetworkAccessManager m_nam;
};

void TestSeedStacks::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_compose = QStandardPaths::findExecutable(u"docker-compose"_s);
    if (m_compose.isEmpty())
        QSKIP("docker-compose is not installed (Debian package docker-compose)");
    m_docker = QStandardPaths::findExecutable(u"docker"_s);
    if (m_docker.isEmpty())
        QSKIP("the docker CLI is not installed (Debian package docker.io)");
    if (QStandardPaths::findExecutable(u"busybox"_s).isEmpty())
        QSKIP("busybox is not installed (Debian package busybox-static)");

    // The images are slow to import with vfs: keep the daemon's data root (and the tarballs)
    // between runs. A second run at the same time gets a temporary data root.
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty())
        cache = QDir::homePath() + u"/.cache"_s;
    cache += u"/stackscope-tests"_s;
    QElapsedTimer setup;
    setup.start();
    QString why;
    m_daemon.setPersistentDataRoot(cache + u"/dockerd-seeds"_s);
    if (!m_daemon.start(&why)) {
        qInfo("persistent data root not used: %s", qPrintable(why));
        m_daemon.setPersistentDataRoot({});
        if (!m_daemon.start(&why))
            QSKIP(qPrintable(u"cannot start a private dockerd: "_s + why));
    }
    // What an interrupted run left: this daemon is ours alone.
    QString out;
    m_daemon.run(m_docker, {u"ps"_s, u"-aq"_s}, &out);
    const QStringList stale = out.split(u'\n', Qt::SkipEmptyParts);
    if (!stale.isEmpty())
        m_daemon.run(m_docker, QStringList{u"rm"_s, u"-f"_s} + stale, nullptr, 120000);
    m_daemon.run(m_docker, {u"network"_s, u"prune"_s, u"-f"_s});
    m_daemon.run(m_docker, {u"volume"_s, u"prune"_s, u"-f"_s});

    const int code
        = m_daemon.run(u"bash"_s,
                       {QStringLiteral(STACKSCOPE_SOURCE_DIR "/tests/stack/make-seed-images.sh"),
                        m_docker, cache + u"/images"_s},
                       &out, 900000);
    QVERIFY2(code == 0, qPrintable(out));
    int made = 0;
    for (const QString &line : out.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u"skipped "_s))
            m_missingImages << line.mid(8);
        else if (line.startsWith(u"built "_s) || line.startsWith(u"cached "_s))
            ++made;
    }
    qInfo("seed images ready in %.1f s (%d imported, %s): daemon data root %s",
          setup.elapsed() / 1000.0, made, made ? "cold" : "warm", qPrintable(m_daemon.dataRoot()));
    if (!m_missingImages.isEmpty())
        qInfo("images not made: %s", qPrintable(m_missingImages.join(u"; "_s)));
}

void TestSeedStacks::cleanupTestCase()
{
    m_daemon.stop();
}

void TestSeedStacks::seedStack_data()
{
    QTest::addColumn<QString>("folder");       // tests/data/stack/seeds/<folder>, the project
    QTest::addColumn<QString>("exporter");     // the service the test stops
    QTest::addColumn<QString>("job");          // its Prometheus job
    QTest::addColumn<QString>("alert");        // the seed's rule that fires when it is down
    QTest::addColumn<QString>("panelQuery");   // a panel of the seed's dashboard: has data
    QTest::addColumn<QStringList>("backends"); // endpoints found: "Kind=PORT_VARIABLE"

    // Seed 000: the application itself is the target (ServiceDown: up{job="xg2g"} == 0).
    QTest::newRow("000 xg2g") << u"xg2g"_s << u"xg2g"_s << u"xg2g"_s << u"ServiceDown"_s
                              << u"xg2g_active_streams_by_mode"_s
                              << QStringList{u"Prometheus=PROMETHEUS_PORT"_s,
                                             u"Alertmanager=ALERTMANAGER_PORT"_s,
                                             u"Jaeger=JAEGER_PORT"_s, u"Grafana=GRAFANA_PORT"_s};
    QTest::newRow("001 clipper") << u"clipper"_s << u"node-exporter"_s << u"node-exporter"_s
                                 << u"ServiceDown"_s << u"redis_memory_used_bytes"_s
                                 << QStringList{u"Prometheus=PROMETHEUS_PORT"_s,
                                                u"Alertmanager=ALERTMANAGER_PORT"_s,
                                                u"Loki=LOKI_PORT"_s, u"Grafana=GRAFANA_PORT"_s};
    QTest::newRow("003 magacin")
        << u"magacin"_s << u"node-exporter"_s << u"node"_s << u"ServiceDown"_s
        << u"100 * (node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes) / node_memory_MemTotal_bytes"_s
        << QStringList{u"Prometheus=PROMETHEUS_PORT"_s, u"Alertmanager=ALERTMANAGER_PORT"_s,
                       u"Grafana=GRAFANA_PORT"_s};
    QTest::newRow("004 camera") << u"camera"_s << u"node-exporter"_s << u"node-exporter"_s
                                << u"ServiceDown"_s << u"sum(up)"_s
                                << QStringList{u"Prometheus=PROMETHEUS_PORT"_s,
                                               u"Alertmanager=ALERTMANAGER_PORT"_s,
                                               u"Jaeger=JAEGER_PORT"_s, u"Loki=LOKI_PORT"_s,
                                               u"Grafana=GRAFANA_PORT"_s};
}

void TestSeedStacks::seedStack()
{
    QFETCH(QString, folder);
    QFETCH(QString, exporter);
    QFETCH(QString, job);
    QFETCH(QString, alert);
    QFETCH(QString, panelQuery);
    QFETCH(QStringList, backends);
    QElapsedTimer timer;
    timer.start();

    // The stack's folder, named like the project, with free loopback ports in its .env.
    const QString source = QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/seeds/") + folder;
    const QString dir = m_dir.filePath(folder);
    QVERIFY(copyTree(source, dir));
    const QString composeFile = dir + u"/docker-compose.yml"_s;
    const QByteArray composeText = readAll(composeFile);
    for (const QString &missing : std::as_const(m_missingImages)) {
        if (composeText.contains(missing.section(u':', 0, 1).toUtf8()))
            QSKIP(qPrintable(u"no image: "_s + missing));
    }
    WebhookSink webhook;
    QVERIFY(webhook.listen());
    QHash<QString, QString> env;
    QByteArray dotenv;
    for (const QByteArray &line : readAll(dir + u"/.env"_s).split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (line.startsWith('#') || eq < 0) {
            dotenv += line + '\n';
            continue;
        }
        const QString key = QString::fromUtf8(line.left(eq));
        QString value = QString::fromUtf8(line.mid(eq + 1));
        if (key == "WEBHOOK_PORT"_L1)
            value = QString::number(webhook.port());
        else if (key.endsWith("_PORT"_L1))
            value = QString::number(Test::freeLoopbackPort());
        env.insert(key, value);
        dotenv += key.toUtf8() + '=' + value.toUtf8() + '\n';
    }
    QVERIFY(writeAll(dir + u"/.env"_s, dotenv.trimmed() + '\n'));
    // Prometheus, Alertmanager and nginx do not read .env: fill their ${...} in the copy.
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    static const QRegularExpression varRe(u"\\$\\{(\\w+)\\}"_s);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path == composeFile || (!path.endsWith(u".yml"_s) && !path.endsWith(u".conf"_s)))
            continue;
        QString text = QString::fromUtf8(readAll(path));
        QString filled;
        qsizetype last = 0;
        for (auto m = varRe.globalMatch(text); m.hasNext();) {
            const auto match = m.next();
            filled += text.mid(last, match.capturedStart() - last)
                      + env.value(match.captured(1), match.captured(0));
            last = match.capturedEnd();
        }
        filled += text.mid(last);
        QVERIFY(writeAll(path, filled.toUtf8()));
    }
    const auto port = [&](const QString &variable) {
        return env.value(variable).toInt();
    };

    // Started outside Stackscope, as its user starts it: in its folder, no -p.
    QString output;
    int code = m_daemon.run(m_compose, {u"-f"_s, composeFile, u"up"_s, u"-d"_s}, &output, 300000);
    auto down = qScopeGuard([&] {
        m_daemon.run(m_compose, {u"-f"_s, composeFile, u"down"_s, u"-v"_s, u"-t"_s, u"2"_s},
                     nullptr, 180000);
    });
    QVERIFY2(code == 0, qPrintable(output));
    qInfo("%s: up -d in %.1f s", qPrintable(folder), timer.elapsed() / 1000.0);

    // The daemon knows the project by the folder's name.
    const QStringList ids = projectContainers(folder);
    const QList<ComposeService> declared = ComposeFile::load({composeFile}).services;
    QCOMPARE(ids.size(), declared.size());
    // ... and "Stacks on this machine" lists it, running, with its folder and compose file.
    {
        StackDiscovery discovery;
        discovery.setEndpoint(resolveDockerEndpoint(m_daemon.host()));
        QSignalSpy listed(&discovery, &StackDiscovery::stacksListed);
        discovery.refresh();
        QVERIFY(listed.wait(20000));
        const auto stacks = listed.first().first().value<QList<StackSummary>>();
        const auto it = std::find_if(stacks.begin(), stacks.end(),
                                     [&](const StackSummary &st) { return st.name == folder; });
        QVERIFY2(it != stacks.end(), qPrintable(folder));
        QCOMPARE(it->state, StackSummary::State::Running);
        QCOMPARE(it->servicesTotal, int(declared.size()));
        QCOMPARE(QDir(it->workingDir).canonicalPath(), QFileInfo(composeFile).canonicalPath());
        QVERIFY2(it->problems.isEmpty(), qPrintable(it->problems.join(u'\n')));
    }

    // Opened in Stackscope: its name, every service running (healthy where it has a check).
    StackFeature feature{AppContext{}};
    std::unique_ptr<StackPage> page(static_cast<StackPage *>(feature.createPage()));
    StackSupervisor &s = *feature.supervisor();
    Config config = defaultConfig(m_dir.filePath(u"bundled"_s));
    config.stack.composeFiles = {composeFile};
    config.stack.dockerHost = m_daemon.host();
    config.refresh.stack = std::chrono::milliseconds(1000);
    feature.applyConfig(config);
    page->resize(1200, 800);
    page->show();
    QCOMPARE(s.project().name, folder);
    feature.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(s.isModelResolved(), 60000);
    QVERIFY2(s.composeFileError().isEmpty(), qPrintable(s.composeFileError()));
    QCOMPARE(s.declaredServices().size(), declared.size());
    QVERIFY2(waitFor([&] { return s.allGood(); }, 90000), qPrintable(rowsText(s)));
    qInfo("%s: %s", qPrintable(folder), qPrintable(rowsText(s)));

    // Endpoints found in the stack, at the ports of its .env.
    const QList<DiscoveredEndpoint> found = discoverEndpoints(s.declaredServices());
    for (const QString &backend : std::as_const(backends)) {
        const QString kind = backend.section(u'=', 0, 0);
        const QString variable = backend.section(u'=', 1);
        const auto match = std::find_if(found.cbegin(), found.cend(), [&](const auto &e) {
            return endpointKindName(e.kind) == kind;
        });
        QVERIFY2(match != found.cend(), qPrintable(kind + u" not discovered"_s));
        if (!variable.isEmpty()) {
            QVERIFY2(match->url.port() == port(variable),
                     qPrintable(u"%1: %2 (%3), expected port %4"_s.arg(
                         kind, match->url.toString(), match->how, env.value(variable))));
        }
        // With host networking the port is the service's own listen setting (Grafana's
        // GF_SERVER_HTTP_PORT=${GRAFANA_PORT}, interpolated from the seed's .env): something
        // answers there, the stand-in's /api/health for Grafana.
        if (kind == "Grafana"_L1) {
            int status = 0;
            httpGet(m_nam, match->url.resolved(QUrl(u"api/health"_s)), &status);
            QVERIFY2(status == 200, qPrintable(u"%1/api/health: HTTP %2"_s.arg(
                                        match->url.toString(), QString::number(status))));
        }
        qInfo("%s: %s %s → %s (%s)", qPrintable(folder), qPrintable(kind),
              qPrintable(match->service), qPrintable(match->url.toString()),
              qPrintable(match->how));
    }

    // The stack's own Prometheus scrapes the exporter; a panel of the seed's dashboard has data.
    const QUrl prometheus = Test::loopbackUrl(port(u"PROMETHEUS_PORT"_s));
    const auto query = [&](const QString &promql) {
        QUrl url = prometheus.resolved(QUrl(u"/api/v1/query"_s));
        url.setQuery(u"query="_s + QString::fromUtf8(QUrl::toPercentEncoding(promql)));
        return QJsonDocument::fromJson(httpGet(m_nam, url))
            .object()
            .value("data"_L1)
            .toObject()
            .value("result"_L1)
            .toArray();
    };
    const QString upQuery = u"up{job=\"%1\"}"_s.arg(job);
    QVERIFY2(waitFor(
                 [&] {
                     const QJsonArray r = query(upQuery);
                     return !r.isEmpty()
                            && r.first().toObject().value("value"_L1).toArray().at(1).toString()
                                   == "1"_L1;
                 },
                 30000),
             qPrintable(upQuery + u" is not 1"_s));

    // The seed's Grafana dashboard, followed from the Grafana service's provisioning mount and
    // read by Stackscope's DashboardLoader; its panels draw data from the stack's Prometheus
    // through Stackscope's PrometheusClient.
    const auto grafana = std::find_if(found.cbegin(), found.cend(), [](const auto &e) {
        return e.kind == DiscoveredEndpoint::Kind::Grafana;
    });
    QVERIFY(grafana != found.cend());
    QStringList problems;
    const QList<Dashboard> dashboards = provisionedDashboards(s.declaredServices(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(!dashboards.isEmpty(), "no dashboard provisioned from the stack's files");
    HttpClient http(u"prometheus"_s, &m_nam);
    EndpointConfig endpoint;
    endpoint.url = prometheus;
    http.setEndpoint(endpoint);
    PrometheusClient client(&http);
    const auto panelHasData = [&](const QString &expr) {
        // Shared with the callback: an answer after the timeout finds it still alive.
        auto answer = std::make_shared<std::optional<bool>>();
        client.query(expr, QDateTime(), this, [answer](const QueryReply &reply) {
            *answer = reply.ok() && !reply.result.series.isEmpty();
        });
        QElapsedTimer t;
        t.start();
        while (!answer->has_value() && t.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 100);
        return answer->value_or(false);
    };
    bool seedPanelSeen = false;
    for (const Dashboard &d : dashboards) {
        QStringList drawing;
        int panels = 0;
        for (const Panel &panel : d.panels) {
            if (panel.type == Panel::Type::Row)
                continue;
            ++panels;
            bool has = false;
            for (const PanelQuery &q : panel.queries) {
                if (q.expr == panelQuery) {
                    seedPanelSeen = true;
                    QVERIFY2(waitFor([&] { return panelHasData(q.expr); }, 30000),
                             qPrintable(d.title + u" / "_s + panel.title + u": no data"_s));
                }
                has = has || panelHasData(q.expr);
            }
            if (has)
                drawing << panel.title;
        }
        qInfo("%s: dashboard \"%s\" from the stack: %lld of %d panels draw data (%s)",
              qPrintable(folder), qPrintable(d.title), qsizetype(drawing.size()), panels,
              qPrintable(drawing.join(u", "_s)));
    }
    QVERIFY2(seedPanelSeen,
             qPrintable(panelQuery + u" is in no panel of the stack's dashboards"_s));

    // One exporter stopped with the page's "Stop" for its row: the seed's rule fires in the
    // stack's Alertmanager and its receiver is notified once.
    ComposeRunner::Result result = click(*page, s, u"stopService"_s, exporter);
    QVERIFY2(result.ok(), qPrintable(result.error + result.lastLines.join(u'\n')));
    QTRY_VERIFY_WITH_TIMEOUT(
        s.model()->service(exporter)->condition() != ServiceStatus::Condition::Running, 20000);
    const QUrl alerts = Test::loopbackUrl(port(u"ALERTMANAGER_PORT"_s), u"/api/v2/alerts"_s);
    const auto firing = [&] {
        for (const QJsonValue &a : QJsonDocument::fromJson(httpGet(m_nam, alerts)).array()) {
            const QJsonObject labels = a.toObject().value("labels"_L1).toObject();
            if (labels.value("alertname"_L1).toString() == alert
                && labels.value("job"_L1).toString() == job
                && a.toObject().value("status"_L1).toObject().value("state"_L1).toString()
                       == "active"_L1)
                return true;
        }
        return false;
    };
    QElapsedTimer alertTimer;
    alertTimer.start();
    QVERIFY2(waitFor(firing, 60000), qPrintable(alert + u" for job "_s + job + u" never fired"_s));
    qInfo("%s: %s{job=%s} active in Alertmanager %.1f s after the stop", qPrintable(folder),
          qPrintable(alert), qPrintable(job), alertTimer.elapsed() / 1000.0);
    QTRY_VERIFY_WITH_TIMEOUT(!webhook.firingNotifications(alert, job).isEmpty(), 20000);
    QTest::qWait(3000); // several group intervals: no repeat
    const QHash<QString, int> notified = webhook.firingNotifications(alert, job);
    for (auto n = notified.cbegin(); n != notified.cend(); ++n) {
        QVERIFY2(n.value() == 1, qPrintable(u"%1 notified %2 times"_s.arg(n.key()).arg(n.value())));
        qInfo("%s: receiver %s notified once", qPrintable(folder), qPrintable(n.key()));
    }
    result = click(*page, s, u"startService"_s, exporter);
    QVERIFY2(result.ok(), qPrintable(result.error + result.lastLines.join(u'\n')));

    QVERIFY2(waitFor([&] { return s.allGood(); }, 90000), qPrintable(rowsText(s)));

    // The whole stack stopped and started by button: the same containers come back.
    result = click(*page, s, u"stopStack"_s);
    QVERIFY2(result.ok(), qPrintable(result.error + result.lastLines.join(u'\n')));
    QVERIFY2(waitFor(
                 [&] {
                     for (const ComposeService &service : s.declaredServices()) {
                         if (s.model()->service(service.name)->isRunning())
                             return false;
                     }
                     return true;
                 },
                 30000),
             qPrintable(rowsText(s)));
    QVERIFY(projectContainers(folder, false).isEmpty());
    QVERIFY(!page->findChild<QPushButton *>(u"stopStack"_s)->isEnabled());
    // "Start stack" (compose up) on the stopped project starts its containers, no new ones.
    result = click(*page, s, u"startStack"_s);
    QVERIFY2(result.ok(), qPrintable(result.error + result.lastLines.join(u'\n')));
    QVERIFY2(waitFor([&] { return s.allGood(); }, 90000), qPrintable(rowsText(s)));
    QCOMPARE(projectContainers(folder), ids);
    QVERIFY(!page->findChild<QPushButton *>(u"startStack"_s)->isEnabled()); // all running

    // "Restart stack" on the running project: the same containers, started again.
    result = click(*page, s, u"restartStack"_s);
    QVERIFY2(result.ok(), qPrintable(result.error + result.lastLines.join(u'\n')));
    QVERIFY2(waitFor([&] { return s.allGood(); }, 90000), qPrintable(rowsText(s)));
    QCOMPARE(projectContainers(folder), ids);
    QCOMPARE(s.project().name, folder);
    qInfo("%s: done in %.1f s", qPrintable(folder), timer.elapsed() / 1000.0);
}

void TestSeedStacks::externalNetworkMissing()
{
    // Seed 002 (docker-compose.monitoring.yml): every service on the external network
    // `code-agent`, which does not exist here.
    const QString dir = m_dir.filePath(u"agent"_s);
    QVERIFY(copyTree(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/seeds/agent"), dir));
    const QString composeFile = dir + u"/docker-compose.yml"_s;
    const ComposeFile file = ComposeFile::load({composeFile});
    QVERIFY2(file.ok(), qPrintable(file.error));
    QCOMPARE(file.externalNetworks, QStringList{u"code-agent"_s});

    StackFeature feature{AppContext{}};
    std::unique_ptr<StackPage> page(static_cast<StackPage *>(feature.createPage()));
    StackSupervisor &s = *feature.supervisor();
    Config config = defaultConfig(m_dir.filePath(u"bundled"_s));
    config.stack.composeFiles = {composeFile};
    config.stack.dockerHost = m_daemon.host();
    feature.applyConfig(config);
    page->resize(1200, 800);
    page->show();
    QCOMPARE(s.project().name, u"agent"_s);
    feature.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 20000);
    auto down = qScopeGuard([&] {
        m_daemon.run(m_compose, {u"-f"_s, composeFile, u"down"_s, u"-t"_s, u"0"_s});
        m_daemon.run(m_docker, {u"network"_s, u"rm"_s, u"code-agent"_s});
    });
    const ComposeRunner::Result result = click(*page, s, u"startStack"_s);
    QVERIFY2(!result.ok(), "compose up succeeded without the external network");
    // Stackscope asks the daemon before `up` and refuses with the network's name; compose is
    // not run, so nothing half-made is left behind.
    const QString message = result.error + u'\n' + result.lastLines.join(u'\n');
    QVERIFY2(message.contains(u"code-agent"_s), qPrintable(message));
    QVERIFY(projectContainers(u"agent"_s).isEmpty());
    qInfo("agent: refused with: %s", qPrintable(result.error));

    // The page names the network and offers to create it; its button does, in this daemon.
    QTRY_COMPARE(page->missingNetworks(), QStringList{u"code-agent"_s});
    auto *create = page->findChild<QPushButton *>(u"createNetwork"_s);
    QVERIFY(create);
    QTRY_VERIFY(create->isVisible()); // a layout shows its new widgets from the event loop
    QVERIFY2(create->text().contains(u"code-agent"_s), qPrintable(create->text()));
    QTest::mouseClick(create, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page->missingNetworks().isEmpty(), 20000);
    QString out;
    m_daemon.run(m_docker, {u"network"_s, u"ls"_s, u"--format"_s, u"{{.Name}}"_s}, &out);
    QVERIFY2(out.split(u'\n').contains(u"code-agent"_s), qPrintable(out));
    qInfo("agent: network code-agent created from the page");
}

QTEST_MAIN(TestSeedStacks)
#include "tst_seedstacks.moc"
