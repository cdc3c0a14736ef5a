// SPDX-License-Identifier: GPL-3.0-or-later
// The Stack page's longer CPU and memory history from cAdvisor through Prometheus: a REAL
// Prometheus (tests/support/serverprocess.h) scrapes, every second, a STAND-IN for cAdvisor (a
// loopback FaultServer, not cAdvisor) that serves cAdvisor-shaped metrics (names, HELP/TYPE
// text and the compose labels as cAdvisor exports them; tests/data/stack/cadvisor/SOURCES.md).
// CadvisorHistory asks Prometheus with range queries and the ServiceModel draws what it got;
// without cAdvisor, or when Prometheus has nothing for the project, the page keeps Stackscope's
// own samples and says so. With STACKSCOPE_SCREENSHOT_DIR set, it writes
// stack-cadvisor-history.png there.
#include "app/compose/cadvisorhistory.h"
#include "app/compose/stacksupervisor.h"
#include "app/features/stackfeature.h"
#include "models/stack/servicemodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/serverprocess.h"
#include "ui/stack/stackpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

/// One container as the stand-in reports it.
struct StandInContainer
{
    QString project;
    QString service;
    QString id;
    double cpuPerSecond = 0; ///< CPU seconds it uses per second (0.5 = 50 % of a core)
    double wobble = 0;       ///< a slow swing of the CPU use, so that the sparkline has a shape
    qint64 workingSet = -1;  ///< -1: cAdvisor reports no working set for it
    qint64 usage = 0;
};

/// The stand-in's exposition text at `seconds` since it started. The HELP and TYPE lines are
/// cAdvisor's own (metrics/testdata/prometheus_metrics); the labels are those cAdvisor puts on a
/// Docker container: its compose labels with the container_label_ prefix (dots turned into
/// underscores), cpu="total", id, image, name.
QByteArray exposition(const QList<StandInContainer> &containers, double seconds)
{
    QByteArray out;
    const auto labels = [](const StandInContainer &c, const QByteArray &extra) -> QByteArray {
        return "{" + extra + "container_label_com_docker_compose_project=\"" + c.project.toUtf8()
               + "\",container_label_com_docker_compose_service=\"" + c.service.toUtf8()
               + "\",id=\"/docker/" + c.id.toUtf8() + "\",image=\"example/" + c.service.toUtf8()
               + ":1\",name=\"" + c.project.toUtf8() + "-" + c.service.toUtf8() + "-1\"}";
    };
    out += "# HELP container_cpu_usage_seconds_total Cumulative cpu time consumed per cpu in "
           "seconds.\n# TYPE container_cpu_usage_seconds_total counter\n";
    for (const StandInContainer &c : containers) {
        // The integral of cpuPerSecond + wobble * sin(t / 8).
        const double used = c.cpuPerSecond * seconds + c.wobble * 8 * (1 - std::cos(seconds / 8));
        out += "container_cpu_usage_seconds_total" + labels(c, "cpu=\"total\",") + ' '
               + QByteArray::number(used, 'f', 6) + '\n';
    }
    out += "# HELP container_memory_usage_bytes Current memory usage in bytes.\n"
           "# TYPE container_memory_usage_bytes gauge\n";
    for (const StandInContainer &c : containers)
        out += "container_memory_usage_bytes" + labels(c, {}) + ' ' + QByteArray::number(c.usage)
               + '\n';
    out += "# HELP container_memory_working_set_bytes Current working set in bytes.\n"
           "# TYPE container_memory_working_set_bytes gauge\n";
    for (const StandInContainer &c : containers) {
        if (c.workingSet >= 0) {
            // Grows a little within each minute, as a cache warms and is trimmed again.
            const qint64 value = c.workingSet + qint64(std::fmod(seconds, 60)) * 256 * 1024;
            out += "container_memory_working_set_bytes" + labels(c, {}) + ' '
                   + QByteArray::number(value) + '\n';
        }
    }
    return out;
}

ComposeService declared(const QString &name)
{
    ComposeService s;
    s.name = name;
    s.image = u"example/"_s + name + u":1"_s;
    return s;
}

ContainerInfo running(const QString &service, const QString &id)
{
    ContainerInfo c;
    c.id = id;
    c.name = u"shop-"_s + service + u"-1"_s;
    c.service = service;
    c.image = u"example/"_s + service + u":1"_s;
    c.state = u"running"_s;
    c.created = 100;
    c.startedAt = QDateTime::currentDateTimeUtc().addSecs(-7200);
    return c;
}

} // namespace

class TestCadvisorHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recognisesCadvisor_data();
    void recognisesCadvisor();
    void queries();
    void historyFromPrometheus();
    void nothingForTheProject();
    void withoutCadvisorNothingIsAsked();
    void modelPrefersTheLongerHistory();
    void featureAsksTheStacksPrometheus();
    void screenshot();

private:
    ResourceHistories ask(CadvisorHistory &history);

    QNetworkAccessManager m_network;
    Test::FaultServer m_standIn;
    Test::PrometheusProcess m_prometheus;
    QElapsedTimer m_clock;
    QList<StandInContainer> m_containers;
};

void TestCadvisorHistory::initTestCase()
{
    // Project "shop": web at 50 % of a core and 64 MiB, db at 10 % and 128 MiB, cache with no
    // working set (its usage, 32 MiB, stands in); another project's web, which must not count.
    m_containers = {
        {u"shop"_s, u"web"_s, u"a1"_s, 0.5, 0.2, 64 << 20, 80 << 20},
        {u"shop"_s, u"db"_s, u"b2"_s, 0.1, 0.05, 128 << 20, 150 << 20},
        {u"shop"_s, u"cache"_s, u"c3"_s, 0.02, 0.01, -1, 32 << 20},
        {u"other"_s, u"web"_s, u"d4"_s, 2.0, 0, 1 << 30, 1 << 30},
    };
    m_clock.start();
    m_standIn.setHandler(
        [this](const Test::FaultRequest &request) -> std::optional<Test::FaultResponse> {
            if (request.path != "/metrics"_L1)
                return std::nullopt;
            Test::FaultResponse r = Test::FaultServer::text(
                exposition(m_containers, double(m_clock.elapsed()) / 1000.0 + 3600));
            return r;
        });
    QVERIFY(m_standIn.listen());
    m_prometheus.setConfig(u"global:\n"
                           u"  scrape_interval: 1s\n"
                           u"  scrape_timeout: 1s\n"
                           u"scrape_configs:\n"
                           u"  - job_name: cadvisor\n"
                           u"    static_configs:\n"
                           u"      - targets: ['127.0.0.1:%1']\n"_s.arg(m_standIn.port()));
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));
    // Enough scrapes for rate() over a few steps (Prometheus hands new targets to its scrape
    // loop about 5 s after it starts).
    const QString scrapes = u"/api/v1/query?query="_s
                            + QString::fromUtf8(QUrl::toPercentEncoding(
                                u"count_over_time(up{job=\"cadvisor\"}[1m]) >= 6"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_prometheus.fetch("GET", scrapes).body.contains("\"value\""), 30000);
}

void TestCadvisorHistory::cleanupTestCase()
{
    m_prometheus.stop();
}

void TestCadvisorHistory::recognisesCadvisor_data()
{
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("cadvisor");
    QTest::newRow("gcr.io") << u"gcr.io/cadvisor/cadvisor:v0.47.2"_s << u"monitor"_s << true;
    QTest::newRow("google") << u"google/cadvisor:latest"_s << u"c"_s << true;
    QTest::newRow("digest") << u"gcr.io/cadvisor/cadvisor@sha256:abc"_s << u"c"_s << true;
    QTest::newRow("re-packaged") << u"zcube/cadvisor"_s << u"c"_s << true;
    QTest::newRow("built, by name") << QString() << u"cadvisor"_s << true;
    QTest::newRow("node-exporter") << u"prom/node-exporter"_s << u"cadvisor-like"_s << false;
    QTest::newRow("image named otherwise") << u"example/cadvisor-proxy"_s << u"cadvisor"_s << false;
}

void TestCadvisorHistory::recognisesCadvisor()
{
    QFETCH(QString, image);
    QFETCH(QString, name);
    QFETCH(bool, cadvisor);
    ComposeService s;
    s.name = name;
    s.image = image;
    QCOMPARE(CadvisorHistory::runsCadvisor({declared(u"web"_s), s}), cadvisor);
}

void TestCadvisorHistory::queries()
{

    // Prometheus itself checks them: both parse, the project is quoted.
    for (const QString &q : {CadvisorHistory::cpuQuery(u"my\"app"_s, u"2m"_s),
                             CadvisorHistory::memoryQuery(u"my\"app"_s)}) {
        const auto r = m_prometheus.fetch(
            "GET", u"/api/v1/query?query="_s + QString::fromUtf8(QUrl::toPercentEncoding(q)));
        QVERIFY2(r.status == 200, qPrintable(q + u": "_s + QString::fromUtf8(r.body)));
    }
}

ResourceHistories TestCadvisorHistory::ask(CadvisorHistory &history)
{
    QSignalSpy changed(&history, &CadvisorHistory::historyChanged);
    history.refresh();
    if (!changed.wait(10000))
        return {};
    return changed.last().first().value<ResourceHistories>();
}

void TestCadvisorHistory::historyFromPrometheus()
{
    CadvisorHistory history(&m_network);
    EndpointConfig prometheus;
    prometheus.url = m_prometheus.url();
    history.setSource(prometheus, u"shop"_s, true);
    history.setRange(std::chrono::seconds(60), std::chrono::seconds(1));
    QVERIFY(history.isActive());
    QSignalSpy failed(&history, &CadvisorHistory::failed);
    const ResourceHistories h = ask(history);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

    // Every service of the project, none of the other project's.
    QCOMPARE(QStringList(h.cpu.keys()).size(), 3);
    QVERIFY(h.cpu.contains(u"web"_s) && h.cpu.contains(u"db"_s) && h.cpu.contains(u"cache"_s));
    QVERIFY(h.memory.contains(u"cache"_s));
    QCOMPARE(h.memory.size(), 3);
    QVERIFY2(h.cpu.value(u"web"_s).size() >= 3,
             qPrintable(QString::number(h.cpu.value(u"web"_s).size())));
    // Percent of one core: web 50 % ± its swing, db 10 % ± its swing (never 200 %: the other
    // project's web is left out).
    const double web = h.cpu.value(u"web"_s).last();
    const double db = h.cpu.value(u"db"_s).last();
    QVERIFY2(web > 25 && web < 75, qPrintable(QString::number(web)));
    QVERIFY2(db > 3 && db < 17, qPrintable(QString::number(db)));
    // Memory in bytes: the working set (64 MiB and growing), and the usage where there is none.
    const double webMemory = h.memory.value(u"web"_s).last();
    QVERIFY2(webMemory >= 64 << 20 && webMemory < 128 << 20,
             qPrintable(QString::number(webMemory)));
    QCOMPARE(h.memory.value(u"cache"_s).last(), double(32 << 20));
    // The samples lie in the asked range, and the source says where they came from.
    QVERIFY(h.toMsecs - h.fromMsecs == 60 * 1000);
    QVERIFY(h.cpu.value(u"web"_s).at(0).msecs >= h.fromMsecs);
    QCOMPARE(h.source, u"Prometheus (cAdvisor), last 1 min"_s);
}

void TestCadvisorHistory::nothingForTheProject()
{
    // Prometheus answers, but cAdvisor has no container of this project: an empty history.
    CadvisorHistory history(&m_network);
    EndpointConfig prometheus;
    prometheus.url = m_prometheus.url();
    history.setSource(prometheus, u"elsewhere"_s, true);
    history.setRange(std::chrono::seconds(60), std::chrono::seconds(1));
    const ResourceHistories h = ask(history);
    QVERIFY(h.isEmpty());

    // Prometheus down: said, and empty.
    EndpointConfig down;
    down.url = QUrl(u"http://127.0.0.1:1"_s);
    history.setSource(down, u"shop"_s, true);
    QSignalSpy failed(&history, &CadvisorHistory::failed);
    QVERIFY(ask(history).isEmpty());
    QCOMPARE(failed.size(), 1);
}

void TestCadvisorHistory::withoutCadvisorNothingIsAsked()
{
    Test::FaultServer prometheus;
    QVERIFY(prometheus.listen());
    CadvisorHistory history(&m_network);
    EndpointConfig endpoint;
    endpoint.url = prometheus.url();
    history.setSource(endpoint, u"shop"_s, false);
    QVERIFY(!history.isActive());
    QVERIFY(ask(history).isEmpty());
    QTest::qWait(200);
    QVERIFY(prometheus.requests().isEmpty());
}

void TestCadvisorHistory::modelPrefersTheLongerHistory()
{
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ServiceStatus web;
    web.service = u"web"_s;
    web.spec = declared(u"web"_s);
    web.container = running(u"web"_s, u"a1"_s);
    ServiceStatus db;
    db.service = u"db"_s;
    db.spec = declared(u"db"_s);
    db.container = running(u"db"_s, u"b2"_s);
    model.setServices({web, db});
    model.updateStats(u"a1"_s, 12.5, 10 << 20, 1 << 30);
    model.updateStats(u"b2"_s, 3.0, 20 << 20, 1 << 30);
    const QModelIndex webCpu = model.index(0, ServiceModel::Cpu);
    QCOMPARE(model.data(webCpu, ServiceModel::CpuHistoryRole).value<SampleHistory>().last(), 12.5);
    QVERIFY(model.historySource().contains(u"own samples"_s));

    CadvisorHistory history(&m_network);
    EndpointConfig prometheus;
    prometheus.url = m_prometheus.url();
    history.setSource(prometheus, u"shop"_s, true);
    history.setRange(std::chrono::seconds(120), std::chrono::seconds(1));
    const ResourceHistories h = ask(history);
    QVERIFY(!h.isEmpty());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLongHistory(h);
    QVERIFY(!changed.isEmpty());
    // The row draws Prometheus' history over its range, and says where it came from.
    const auto drawn = model.data(webCpu, ServiceModel::CpuHistoryRole).value<SampleHistory>();
    QCOMPARE(drawn.size(), h.cpu.value(u"web"_s).size());
    QVERIFY(drawn.last() > 25);
    const auto window
        = model.data(webCpu, ServiceModel::HistoryWindowRole).value<SampleHistory::Window>();
    QCOMPARE(window.fromMsecs, h.fromMsecs);
    QCOMPARE(model.data(webCpu, ServiceModel::HistorySourceRole).toString(), h.source);
    QVERIFY2(
        model.data(webCpu, Qt::ToolTipRole).toString().contains(u"From Prometheus (cAdvisor)"_s),
        qPrintable(model.data(webCpu, Qt::ToolTipRole).toString()));
    QCOMPARE(model.historySource(), h.source);

    // Prometheus has nothing any more: back to Stackscope's own samples.
    model.setLongHistory({});
    QCOMPARE(model.data(webCpu, ServiceModel::CpuHistoryRole).value<SampleHistory>().last(), 12.5);
    QVERIFY(
        model.data(webCpu, ServiceModel::HistorySourceRole).toString().contains(u"own samples"_s));
}

void TestCadvisorHistory::featureAsksTheStacksPrometheus()
{
    // The whole path as the application runs it: a stack "shop" that runs cAdvisor, its
    // Prometheus configured; the Stack page's model gets the history (6 h at 1 min steps,
    // of which Prometheus has the last seconds) and the page says where it came from.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"shop"_s);
    QVERIFY(QDir().mkpath(folder));
    QFile compose(folder + u"/compose.yaml"_s);
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("services:\n"
                  "  web: {image: example/web:1}\n"
                  "  db: {image: example/db:1}\n"
                  "  cadvisor: {image: gcr.io/cadvisor/cadvisor:v0.47.2}\n");
    compose.close();
    Config config;
    config.stack.composeFiles = {compose.fileName()};
    config.stack.dockerHost = u"unix://"_s + dir.filePath(u"no-docker.sock"_s);
    config.prometheus.url = m_prometheus.url();
    StackFeature feature(AppContext{&m_network, nullptr, nullptr, nullptr, nullptr});
    std::unique_ptr<QWidget> widget(feature.createPage());
    feature.applyConfig(config);
    QSignalSpy changed(feature.cadvisorHistory(), &CadvisorHistory::historyChanged);
    feature.start();
    QCOMPARE(feature.supervisor()->project().name, u"shop"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!feature.supervisor()->model()->longHistory().isEmpty(), 20000);
    const ResourceHistories &h = feature.supervisor()->model()->longHistory();
    QCOMPARE(h.toMsecs - h.fromMsecs, qint64(6 * 3600 * 1000));
    QVERIFY(h.memory.contains(u"web"_s));
    QCOMPARE(feature.page()->historySourceText(),
             u"CPU and memory: Prometheus (cAdvisor), last 6 h"_s);

    // Without cAdvisor in the stack: Prometheus is not asked, the own samples are shown.
    QVERIFY(compose.open(QIODevice::WriteOnly | QIODevice::Truncate));
    compose.write("services:\n  web: {image: example/web:1}\n");
    compose.close();
    config.stack.project = u"shop"_s;
    feature.applyConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(feature.supervisor()->model()->longHistory().isEmpty(), 20000);
    QVERIFY(feature.page()->historySourceText().contains(u"own samples"_s));
    // Compose's own reading ends before the feature goes (no process is left behind).
    QTRY_VERIFY_WITH_TIMEOUT(feature.supervisor()->isModelResolved(), 30000);
}

void TestCadvisorHistory::screenshot()
{
    // The Stack page of project "shop" with the history Prometheus has of its services.
    const QString dir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    ServiceModel model;
    StackPage page(&model);
    QVERIFY(page.historySourceText().contains(u"own samples"_s));
    QList<ServiceStatus> services;
    for (const auto &[name, id] :
         {std::pair{u"web"_s, u"a1"_s}, {u"db"_s, u"b2"_s}, {u"cache"_s, u"c3"_s}}) {
        ServiceStatus s;
        s.service = name;
        s.spec = declared(name);
        s.container = running(name, id);
        s.declared = true;
        services << s;
    }
    model.setServices(services);
    model.updateStats(u"a1"_s, 48.0, 70 << 20, 1 << 30);
    model.updateStats(u"b2"_s, 9.5, 140 << 20, 1 << 30);
    model.updateStats(u"c3"_s, 2.0, 32 << 20, 1 << 30);

    // For the picture, a minute of scrapes, so that the sparklines span their width.
    if (!dir.isEmpty()) {
        const QString scrapes = u"/api/v1/query?query="_s
                                + QString::fromUtf8(QUrl::toPercentEncoding(
                                    u"count_over_time(up{job=\"cadvisor\"}[2m]) >= 62"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_prometheus.fetch("GET", scrapes).body.contains("\"value\""),
                                 90000);
    }
    CadvisorHistory history(&m_network);
    EndpointConfig prometheus;
    prometheus.url = m_prometheus.url();
    history.setSource(prometheus, u"shop"_s, true);
    history.setRange(std::chrono::seconds(60), std::chrono::seconds(1));
    connect(&history, &CadvisorHistory::historyChanged, &model, &ServiceModel::setLongHistory);
    QVERIFY(!ask(history).isEmpty());
    QCOMPARE(page.historySourceText(), u"CPU and memory: Prometheus (cAdvisor), last 1 min"_s);

    if (dir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save stack-cadvisor-history.png");
    page.setProjectInfo(u"shop"_s, u"the folder /home/ada/shop"_s,
                        {u"/home/ada/shop/compose.yaml"_s}, u"resolved by docker-compose 1.29.2"_s);
    page.setDaemonInfo(u"unix:///var/run/docker.sock"_s, u"the default"_s,
                       u"Docker/20.10.24 (linux), API 1.41"_s);
    page.setComposeInfo(u"docker-compose 1.29.2"_s);
    page.setConnected(true);
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.selectService(u"web"_s);
    QTest::qWait(100);
    const QImage image = page.grab().toImage();
    QDir().mkpath(dir);
    const QString file = dir + u"/stack-cadvisor-history.png"_s;
    QVERIFY(image.save(file));
    qInfo("wrote %s", qPrintable(file));
}

QTEST_MAIN(TestCadvisorHistory)
#include "tst_cadvisorhistory.moc"
