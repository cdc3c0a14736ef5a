// SPDX-License-Identifier: GPL-3.0-or-later
// "Stacks on this machine" without Docker: the compose labels of /containers/json (a real
// dockerd's answer), grouping into projects with their states and problems, the StacksModel's
// merges, and StackDiscovery against a loopback daemon that answers as dockerd does or fails.
#include "app/compose/stackdiscovery.h"
#include "app/docker/dockerjson.h"
#include "models/stack/stacksmodel.h"
#include "models/stack/stacksummary.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/support/freeport.h"
#include "tests/support/printers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::StackSummary::State)

namespace {

StackContainer container(const QString &project, const QString &service, const QString &state,
                         const QString &dir = u"/home/u/app"_s, qint64 created = 100)
{
    StackContainer c;
    c.project = project;
    c.service = service;
    c.state = state;
    c.workingDir = dir;
    c.configFiles = {u"docker-compose.yml"_s};
    c.name = project + u'_' + service + u"_1"_s;
    c.created = created;
    return c;
}

} // namespace

class TestStackDiscovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesARealDaemonAnswer();
    void parsesTwoProjects();
    void parseLabels();
    void parseNotJson_data();
    void parseNotJson();
    void state_data();
    void state();
    void servicesCountedByLabel();
    void oneOffRunsAreNoServices();
    void relativeAndAbsoluteComposeFiles();
    void containersFromAnotherFolder();
    void sortedByNameAndUnlabelledLeftOut();
    void modelMergesAndShows();
    void discoveryListsThroughTheApi();
    void discoveryFails_data();
    void discoveryFails();
    void newerRefreshDropsTheOlder();
};

void TestStackDiscovery::parsesARealDaemonAnswer()
{
    // dockerd 20.10's answer for a project started by docker-compose 1.29 in /tmp/sd/proj.
    bool ok = false;
    const QList<StackContainer> containers
        = DockerJson::parseStackContainers(Test::testData(u"stack/containers.json"_s), &ok);
    QVERIFY(ok);
    QCOMPARE(containers.size(), 3);
    QCOMPARE(containers.at(0).project, u"sst"_s);
    QCOMPARE(containers.at(0).name, u"sst_crash_1"_s);
    QCOMPARE(containers.at(0).workingDir, u"/tmp/sd/proj"_s);
    QCOMPARE(containers.at(0).configFiles, QStringList{u"docker-compose.yml"_s});
    QCOMPARE(containers.at(0).state, u"exited"_s);
    QVERIFY(!containers.at(0).oneOff);
    QVERIFY(containers.at(0).created > 0);

    const QList<StackSummary> stacks = StackSummaries::group(containers);
    QCOMPARE(stacks.size(), 1);
    const StackSummary &s = stacks.first();
    QCOMPARE(s.name, u"sst"_s);
    QCOMPARE(s.workingDir, u"/tmp/sd/proj"_s);
    QCOMPARE(s.configFiles, QStringList{u"/tmp/sd/proj/docker-compose.yml"_s});
    QCOMPARE(s.services, (QStringList{u"crash"_s, u"sick"_s, u"web"_s}));
    QCOMPARE(s.servicesRunning, 2);
    QCOMPARE(s.servicesTotal, 3);
    QCOMPARE(s.containers, 3);
    QCOMPARE(s.state, StackSummary::State::Partial);
    QVERIFY(s.problems.isEmpty());
}

void TestStackDiscovery::parsesTwoProjects()
{
    // dockerd 20.10's answer to StackDiscovery's query, saved by tst_stacksondocker: "shop"
    // runs, "blog" has its worker stopped; docker-compose 1.29 ran in each folder.
    bool ok = false;
    const QList<StackSummary> stacks = StackSummaries::group(
        DockerJson::parseStackContainers(Test::testData(u"stack/containers-projects.json"_s), &ok));
    QVERIFY(ok);
    QCOMPARE(stacks.size(), 2);
    const StackSummary &blog = stacks.at(0);
    QCOMPARE(blog.name, u"blog"_s);
    QCOMPARE(blog.state, StackSummary::State::Partial);
    QCOMPARE(blog.servicesRunning, 2);
    QCOMPARE(blog.servicesTotal, 3);
    QVERIFY(blog.workingDir.endsWith(u"/blog"_s));
    QCOMPARE(blog.configFiles, QStringList{blog.workingDir + u"/docker-compose.yml"_s});
    QCOMPARE(stacks.at(1).name, u"shop"_s);
    QCOMPARE(stacks.at(1).state, StackSummary::State::Running);
    QCOMPARE(stacks.at(1).services, (QStringList{u"db"_s, u"web"_s}));
}

void TestStackDiscovery::parseLabels()
{
    // Compose v2's shape: absolute files joined with ',', a one-off run, a container of no
    // project at all.
    const QByteArray body = R"([
      {"Id":"a1","Names":["/shop-web-1"],"State":"running","Created":1700000000,
       "Labels":{"com.docker.compose.project":"shop",
                 "com.docker.compose.project.working_dir":"/srv/shop",
                 "com.docker.compose.project.config_files":"/srv/shop/compose.yaml,/srv/shop/compose.override.yaml",
                 "com.docker.compose.service":"web","com.docker.compose.oneoff":"False"}},
      {"Id":"a2","Names":["/shop-web-run-1"],"State":"exited","Created":1700000100,
       "Labels":{"com.docker.compose.project":"shop","com.docker.compose.service":"web",
                 "com.docker.compose.oneoff":"True"}},
      {"Id":"a3","Names":["/lonely"],"State":"running","Labels":{}},
      {"Id":"a4","Names":["/odd"],"State":"running","Labels":null}
    ])";
    bool ok = false;
    const QList<StackContainer> c = DockerJson::parseStackContainers(body, &ok);
    QVERIFY(ok);
    QCOMPARE(c.size(), 2);
    QCOMPARE(c.at(0).configFiles,
             (QStringList{u"/srv/shop/compose.yaml"_s, u"/srv/shop/compose.override.yaml"_s}));
    QCOMPARE(c.at(0).created, 1700000000);
    QVERIFY(!c.at(0).oneOff);
    QVERIFY(c.at(1).oneOff);
    QCOMPARE(c.at(1).name, u"shop-web-run-1"_s);
}

void TestStackDiscovery::parseNotJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html>bad gateway</html>");
    QTest::newRow("an object") << QByteArray(R"({"message":"page not found"})");
    QTest::newRow("cut short") << QByteArray(R"([{"Id":"a","Labels":{"com.docker.comp)");
}

void TestStackDiscovery::parseNotJson()
{
    QFETCH(QByteArray, body);
    bool ok = true;
    QVERIFY(DockerJson::parseStackContainers(body, &ok).isEmpty());
    QVERIFY(!ok);
}

void TestStackDiscovery::state_data()
{
    QTest::addColumn<QStringList>("states"); // of the services a, b, c in turn
    QTest::addColumn<StackSummary::State>("expected");
    QTest::addColumn<int>("running");
    QTest::newRow("all running") << QStringList{u"running"_s, u"running"_s}
                                 << StackSummary::State::Running << 2;
    QTest::newRow("one exited") << QStringList{u"running"_s, u"exited"_s}
                                << StackSummary::State::Partial << 1;
    QTest::newRow("all exited") << QStringList{u"exited"_s, u"exited"_s}
                                << StackSummary::State::Stopped << 0;
    QTest::newRow("created only") << QStringList{u"created"_s} << StackSummary::State::Stopped << 0;
    QTest::newRow("paused is not running")
        << QStringList{u"paused"_s, u"running"_s} << StackSummary::State::Partial << 1;
    QTest::newRow("restarting is not running")
        << QStringList{u"restarting"_s} << StackSummary::State::Stopped << 0;
}

void TestStackDiscovery::state()
{
    QFETCH(QStringList, states);
    QFETCH(StackSummary::State, expected);
    QFETCH(int, running);
    QList<StackContainer> containers;
    for (qsizetype i = 0; i < states.size(); ++i)
        containers << container(u"p"_s, QString(QChar(char16_t(u'a' + i))), states.at(i));
    const QList<StackSummary> stacks = StackSummaries::group(containers);
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks.first().state, expected);
    QCOMPARE(stacks.first().servicesRunning, running);
    QCOMPARE(stacks.first().servicesTotal, states.size());
}

void TestStackDiscovery::servicesCountedByLabel()
{
    // `--scale worker=3` with one replica down: the service runs, it counts once.
    const QList<StackContainer> containers{
        container(u"p"_s, u"worker"_s, u"running"_s), container(u"p"_s, u"worker"_s, u"exited"_s),
        container(u"p"_s, u"worker"_s, u"running"_s), container(u"p"_s, u"db"_s, u"exited"_s)};
    const StackSummary s = StackSummaries::group(containers).value(0);
    QCOMPARE(s.services, (QStringList{u"db"_s, u"worker"_s}));
    QCOMPARE(s.servicesTotal, 2);
    QCOMPARE(s.servicesRunning, 1);
    QCOMPARE(s.containers, 4);
    QCOMPARE(s.state, StackSummary::State::Partial);
}

void TestStackDiscovery::oneOffRunsAreNoServices()
{
    StackContainer run = container(u"p"_s, u"migrate"_s, u"running"_s);
    run.oneOff = true;
    const StackSummary s
        = StackSummaries::group({container(u"p"_s, u"web"_s, u"exited"_s), run}).value(0);
    QCOMPARE(s.services, QStringList{u"web"_s});
    QCOMPARE(s.state, StackSummary::State::Stopped);
    QCOMPARE(s.containers, 2);
}

void TestStackDiscovery::relativeAndAbsoluteComposeFiles()
{
    StackContainer c = container(u"p"_s, u"web"_s, u"running"_s, u"/srv/app"_s);
    c.configFiles = {u"docker-compose.yml"_s, u"../shared/extra.yml"_s, u"/etc/app/ops.yml"_s};
    const StackSummary s = StackSummaries::group({c}).value(0);
    QCOMPARE(s.configFiles, (QStringList{u"/srv/app/docker-compose.yml"_s,
                                         u"/srv/shared/extra.yml"_s, u"/etc/app/ops.yml"_s}));
}

void TestStackDiscovery::containersFromAnotherFolder()
{
    // Two checkouts both called "app": compose takes them for one project.
    StackContainer other = container(u"app"_s, u"web"_s, u"running"_s, u"/home/u/old/app"_s, 50);
    other.configFiles = {u"compose.yaml"_s};
    const QList<StackContainer> containers{
        container(u"app"_s, u"web"_s, u"exited"_s, u"/home/u/app"_s, 100),
        container(u"app"_s, u"db"_s, u"running"_s, u"/home/u/app"_s, 100), other};
    const StackSummary s = StackSummaries::group(containers).value(0);
    QCOMPARE(s.workingDir, u"/home/u/app"_s); // where most containers were made
    QCOMPARE(s.configFiles, QStringList{u"/home/u/app/docker-compose.yml"_s});
    QCOMPARE(s.problems.size(), 1);
    QVERIFY2(s.problems.first().contains(u"/home/u/old/app"_s), qPrintable(s.problems.first()));
    QVERIFY(s.problems.first().contains(u"compose -p"_s));
    QCOMPARE(s.servicesRunning, 2);

    // A tie goes to the newest folder.
    const StackSummary tie
        = StackSummaries::group({container(u"t"_s, u"a"_s, u"running"_s, u"/one"_s, 10),
                                 container(u"t"_s, u"a"_s, u"running"_s, u"/two"_s, 20)})
              .value(0);
    QCOMPARE(tie.workingDir, u"/two"_s);
    QCOMPARE(tie.problems.size(), 1);
}

void TestStackDiscovery::sortedByNameAndUnlabelledLeftOut()
{
    const QList<StackSummary> stacks = StackSummaries::group(
        {container(u"zeta"_s, u"a"_s, u"running"_s), container(u""_s, u"a"_s, u"running"_s),
         container(u"alpha"_s, u"a"_s, u"exited"_s), container(u"mid"_s, u"a"_s, u"running"_s)});
    QCOMPARE(stacks.size(), 3);
    QCOMPARE(stacks.at(0).name, u"alpha"_s);
    QCOMPARE(stacks.at(1).name, u"mid"_s);
    QCOMPARE(stacks.at(2).name, u"zeta"_s);
    QVERIFY(StackSummaries::group({}).isEmpty());
    QCOMPARE(StackSummaries::stateName(StackSummary::State::Partial), u"partial"_s);
}

void TestStackDiscovery::modelMergesAndShows()
{
    StacksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.setStacks(StackSummaries::group({container(u"a"_s, u"web"_s, u"running"_s),
                                           container(u"b"_s, u"web"_s, u"exited"_s),
                                           container(u"b"_s, u"db"_s, u"running"_s)}));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(StacksModel::ColumnCount));
    const QModelIndex bState = model.index(1, StacksModel::State);
    QCOMPARE(bState.data().toString(), u"partly running"_s);
    QCOMPARE(bState.data(StacksModel::StateRole).toInt(), int(StackSummary::State::Partial));
    QCOMPARE(bState.data(Qt::DecorationRole).value<QColor>(),
             model.index(1, StacksModel::State).data(Qt::ForegroundRole).value<QBrush>().color());
    QCOMPARE(model.index(1, StacksModel::Services).data().toString(), u"1 of 2"_s);
    QCOMPARE(model.index(1, StacksModel::Services).data(Qt::ToolTipRole).toString(), u"db, web"_s);
    QCOMPARE(model.index(0, StacksModel::ComposeFiles).data().toString(), u"docker-compose.yml"_s);
    QCOMPARE(model.index(0, StacksModel::ComposeFiles).data(Qt::ToolTipRole).toString(),
             u"/home/u/app/docker-compose.yml"_s);
    QCOMPARE(
        model.index(0, StacksModel::Name).data(StacksModel::SummaryRole).value<StackSummary>().name,
        u"a"_s);
    QCOMPARE(model.headerData(StacksModel::Folder, Qt::Horizontal).toString(), u"Folder"_s);

    // A refresh: b is fully up now, a is gone, c is new. Merged, never reset.
    inserted.clear();
    model.setStacks(StackSummaries::group({container(u"b"_s, u"web"_s, u"running"_s),
                                           container(u"b"_s, u"db"_s, u"running"_s),
                                           container(u"c"_s, u"x"_s, u"exited"_s)}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(changed.size() >= 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.at(0).name, u"b"_s);
    QCOMPARE(model.at(0).state, StackSummary::State::Running);
    QCOMPARE(model.at(1).name, u"c"_s);
    QVERIFY(model.stack(u"c"_s));
    QVERIFY(!model.stack(u"a"_s));

    // The same list again: nothing changes.
    changed.clear();
    model.setStacks(model.stacks());
    QCOMPARE(changed.size(), 0);
}

namespace {

/// A loopback "daemon" answering /_ping with its API version and the container list.
void serveDaemon(Test::FaultServer &server, const Test::FaultResponse &list)
{
    server.setRoute("GET", u"/_ping"_s,
                    Test::FaultServer::text("OK").withHeader("Api-Version", "1.41"));
    server.setRoute("GET", u"/v1.41/containers/json"_s, list);
}

DockerEndpoint tcpEndpoint(quint16 port)
{
    DockerEndpoint e;
    e.host = u"tcp://127.0.0.1:%1"_s.arg(port);
    e.source = u"DOCKER_HOST"_s;
    return e;
}

} // namespace

void TestStackDiscovery::discoveryListsThroughTheApi()
{
    Test::FaultServer server;
    QVERIFY(server.listen());
    serveDaemon(server, Test::FaultServer::file(Test::testDataDir() + u"/stack/containers.json"_s));
    StackDiscovery discovery;
    discovery.setEndpoint(tcpEndpoint(server.port()));
    QSignalSpy listed(&discovery, &StackDiscovery::stacksListed);
    QSignalSpy failed(&discovery, &StackDiscovery::failed);
    discovery.refresh();
    QVERIFY(discovery.isBusy());
    QTRY_COMPARE(listed.size(), 1);
    QVERIFY(failed.isEmpty());
    QVERIFY(!discovery.isBusy());
    const auto stacks = listed.first().first().value<QList<StackSummary>>();
    QCOMPARE(stacks.size(), 1);
    QCOMPARE(stacks.first().name, u"sst"_s);
    QCOMPARE(stacks.first().state, StackSummary::State::Partial);

    // Every container, stopped ones too, of any compose project: all=1 and the label filter.
    const Test::FaultRequest request = server.requests().last();
    QCOMPARE(request.path, u"/v1.41/containers/json"_s);
    QCOMPARE(request.query.queryItemValue(u"all"_s), u"1"_s);
    QCOMPARE(request.query.queryItemValue(u"filters"_s, QUrl::FullyDecoded),
             u"{\"label\":[\"com.docker.compose.project\"]}"_s);

    // A second refresh does not negotiate again.
    server.clearRequests();
    discovery.refresh();
    QTRY_COMPARE(listed.size(), 2);
    QCOMPARE(server.requests().size(), 1);
}

void TestStackDiscovery::discoveryFails_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("expected"); // parts of the message
    QTest::newRow("no socket") << u"socket"_s
                               << QStringList{u"no Docker socket at"_s, u"/d.sock"_s,
                                              u"DOCKER_HOST"_s};
    QTest::newRow("refused") << u"refused"_s << QStringList{u"127.0.0.1"_s, u"DOCKER_HOST"_s};
    QTest::newRow("not json") << u"html"_s << QStringList{u"not JSON"_s};
    QTest::newRow("500") << u"500"_s << QStringList{u"500"_s};
}

void TestStackDiscovery::discoveryFails()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, expected);
    Test::FaultServer server;
    QVERIFY(server.listen());
    QTemporaryDir dir;
    DockerEndpoint endpoint = tcpEndpoint(server.port());
    if (kind == "socket"_L1) {
        endpoint.host = u"unix://"_s + dir.filePath(u"d.sock"_s);
        endpoint.socketPath = dir.filePath(u"d.sock"_s);
    } else if (kind == "refused"_L1) {
        endpoint = tcpEndpoint(Test::freeLoopbackPort());
    } else if (kind == "html"_L1) {
        serveDaemon(server, Test::FaultServer::json("<html>proxy</html>"));
    } else {
        serveDaemon(server, Test::FaultServer::json(R"({"message":"boom"})", 500));
    }
    StackDiscovery discovery;
    discovery.setEndpoint(endpoint);
    QSignalSpy listed(&discovery, &StackDiscovery::stacksListed);
    QSignalSpy failed(&discovery, &StackDiscovery::failed);
    discovery.refresh();
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(listed.isEmpty());
    QVERIFY(!discovery.isBusy());
    const QString message = failed.first().first().toString();
    for (const QString &part : std::as_const(expected))
        QVERIFY2(message.contains(part), qPrintable(message));
}

void TestStackDiscovery::newerRefreshDropsTheOlder()
{
    Test::FaultServer server;
    QVERIFY(server.listen());
    Test::FaultResponse slow
        = Test::FaultServer::file(Test::testDataDir() + u"/stack/containers.json"_s);
    slow.delayMs = 300;
    serveDaemon(server, slow);
    StackDiscovery discovery;
    discovery.setEndpoint(tcpEndpoint(server.port()));
    QSignalSpy listed(&discovery, &StackDiscovery::stacksListed);
    discovery.refresh();
    discovery.refresh();
    QTRY_COMPARE(listed.size(), 1);
    QTest::qWait(500);
    QCOMPARE(listed.size(), 1); // exactly one answer for the two asks
}

QTEST_GUILESS_MAIN(TestStackDiscovery)
#include "tst_stackdiscovery.moc"
