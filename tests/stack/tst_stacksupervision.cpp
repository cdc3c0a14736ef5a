// SPDX-License-Identifier: GPL-3.0-or-later
// The Stack page against a real, private dockerd and the real docker-compose: click Start, see
// healthy / exited (3) / unhealthy, follow events without polling, restart a service, read its
// logs, `--status`, a failing compose run, Stop, and a daemon restart. Skips, saying why, where
// dockerd cannot start.
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configloader.h"
#include "app/docker/dockerclient.h"
#include "app/features/stackfeature.h"
#include "models/stack/servicemodel.h"
#include "tests/stack/dockerdaemon.h"
#include "tests/support/freeport.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/logview.h"
#include "ui/stack/stackpage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {
constexpr auto Image = "stackscope-test/busybox:1";
constexpr auto Project = "sstest";
} // namespace

class TestStackSupervision : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connectsAndListsDeclaredServices();
    void startStackShowsHealthyExitedUnhealthy();
    void healthTooltipShowsCheckOutput();
    void eventsUpdateTheTableWithoutPolling();
    void restartOneService();
    void logsView();
    void statusCommand();
    void failedComposeRunShowsExitCode();
    void stopStack();
    void daemonRestartReconnects();

private:
    const ServiceStatus *row(const QString &service) const
    {
        return m_supervisor->model()->service(service);
    }
    bool condition(const QString &service, ServiceStatus::Condition c) const
    {
        const ServiceStatus *s = row(service);
        return s && s->condition() == c;
    }
    void select(const QString &service) { m_page->selectService(service); }
    /// The page's buttons by objectName, as a user finds them by their place.
    QPushButton *button(const QString &name) const
    {
        return m_page->findChild<QPushButton *>(name);
    }
    bool waitIdle(int ms = 60000)
    {
        return QTest::qWaitFor([this] { return !m_supervisor->isComposeRunning(); }, ms);
    }
    QString writeConfig(const QString &composeFile, const QString &name);

    DockerDaemon m_daemon;
    QTemporaryDir m_dir;
    QString m_composeFile;
    Config m_config;
    std::unique_ptr<StackFeature> m_feature;
    std::unique_ptr<StackPage> m_pageOwner;
    StackPage *m_page = nullptr;
    StackSupervisor *m_supervisor = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_listRequests = 0;
};

QString TestStackSupervision::writeConfig(const QString &composeFile, const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    const quint16 deadPort = Test::freeLoopbackPort();
    f.write(u"version: 1\n"
            "stack:\n"
            "  compose_files: [\"%1\"]\n"
            "  project: %2\n"
            "  docker_host: \"%3\"\n"
            "endpoints:\n"
            "  prometheus: {url: \"http://127.0.0.1:%4\", timeout: 2s}\n"
            "  alertmanagers: []\n"
            "  jaeger: {url: \"http://127.0.0.1:%4\", timeout: 2s}\n"
            "self_metrics: {enabled: false}\n"_s
                .arg(composeFile, QLatin1StringView(Project), m_daemon.host())
                .arg(deadPort)
                .toUtf8());
    return path;
}

void TestStackSupervision::initTestCase()
{
    QString why;
    if (!m_daemon.start(&why))
        QSKIP(qPrintable(u"cannot start a private dockerd: "_s + why));
    QElapsedTimer clock;
    clock.start();
    if (!m_daemon.importBusybox(QLatin1StringView(Image), &why))
        QSKIP(qPrintable(u"cannot make the test image: "_s + why));
    qInfo("dockerd up and image imported in %lld ms", clock.elapsed());
    if (QStandardPaths::findExecutable(u"docker-compose"_s).isEmpty()
        && m_daemon.run(u"docker"_s, {u"compose"_s, u"version"_s}) != 0)
        QSKIP("neither docker-compose nor the docker compose plugin is installed");

    QVERIFY(m_dir.isValid());
    m_composeFile = m_dir.filePath(u"docker-compose.yml"_s);
    QVERIFY(QFile::copy(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/docker-compose.yml"),
                        m_composeFile));
    const ConfigLoadResult loaded = loadConfigFile(writeConfig(m_composeFile, u"config.yaml"_s));
    QVERIFY2(loaded.ok(), qPrintable(loaded.problems.value(0).message));
    m_config = loaded.config;
    m_config.refresh.stack = std::chrono::milliseconds(2000);

    m_feature = std::make_unique<StackFeature>(AppContext{});
    m_pageOwner.reset(static_cast<StackPage *>(m_feature->createPage()));
    m_page = m_pageOwner.get();
    m_supervisor = m_feature->supervisor();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_supervisor->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    connect(m_supervisor, &StackSupervisor::requestFinished, this, [this](const RequestRecord &r) {
        if (r.endpoint == "/containers/json"_L1)
            ++m_listRequests;
    });
    m_feature->applyConfig(m_config);
    m_page->resize(1200, 800);
    m_page->show();
    m_feature->start();
}

void TestStackSupervision::cleanupTestCase()
{
    if (m_daemon.isRunning() && !m_composeFile.isEmpty())
        m_daemon.run(u"docker-compose"_s, {u"-p"_s, QLatin1StringView(Project), u"-f"_s,
                                           m_composeFile, u"down"_s, u"-t"_s, u"0"_s});
    m_tester.reset();
    m_pageOwner.reset();
    m_feature.reset();
    m_daemon.stop();
}

void TestStackSupervision::connectsAndListsDeclaredServices()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_supervisor->hasSnapshot(), 10000);
    QCOMPARE(m_supervisor->connection(), StackSupervisor::Connection::Connected);
    QVERIFY(!m_supervisor->client()->apiVersion().isEmpty()); // negotiated, not pinned
    QCOMPARE(m_supervisor->model()->rowCount(), 3);
    for (const QString &s : {u"web"_s, u"crash"_s, u"sick"_s})
        QVERIFY(condition(s, ServiceStatus::Condition::NotCreated));
    QVERIFY(button(u"startStack"_s)->isEnabled());
    QVERIFY(!button(u"stopStack"_s)->isEnabled());
    QVERIFY(!button(u"restartStack"_s)->isEnabled());
    QVERIFY(m_page->bannerText().isEmpty());
    QVERIFY(m_page->findChild<QLabel *>(u"daemonInfo"_s)->text().contains(m_daemon.socketPath()));
    QTRY_VERIFY(m_page->findChild<QLabel *>(u"composeInfo"_s)->text().contains(u"compose"_s));
    QVERIFY(m_supervisor->composeCommand().isValid());
}

void TestStackSupervision::startStackShowsHealthyExitedUnhealthy()
{
    QVERIFY(m_supervisor->hasSnapshot());
    QTest::mouseClick(button(u"startStack"_s), Qt::LeftButton);
    // Disabled while the run is under way.
    QVERIFY(m_supervisor->isComposeRunning());
    QVERIFY(!button(u"startStack"_s)->isEnabled());
    QVERIFY(!button(u"stopStack"_s)->isEnabled());
    QVERIFY(m_page->progressPanel()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(condition(u"web"_s, ServiceStatus::Condition::Healthy)
                                 && condition(u"crash"_s, ServiceStatus::Condition::Exited)
                                 && condition(u"sick"_s, ServiceStatus::Condition::Unhealthy),
                             45000);
    QVERIFY(waitIdle());
    QCOMPARE(row(u"crash"_s)->container.exitCode, 3);
    const int crashRow = m_supervisor->model()->rowOf(u"crash"_s);
    QCOMPARE(m_supervisor->model()->index(crashRow, ServiceModel::State).data().toString(),
             u"exited (3)"_s);
    QVERIFY2(m_page->progressPanel()->outputText().contains(u"sstest"_s),
             qPrintable(m_page->progressPanel()->outputText()));
    QVERIFY(m_page->progressPanel()->resultText().contains(u"Done"_s));
    QVERIFY(button(u"stopStack"_s)->isEnabled());
    QVERIFY(button(u"restartStack"_s)->isEnabled());
    QVERIFY(button(u"startStack"_s)->isEnabled()); // crash is not running
    QVERIFY(m_page->summaryText().contains(u"1 healthy"_s));
    QVERIFY(m_page->summaryText().contains(u"1 unhealthy"_s));
    QVERIFY(!m_supervisor->allGood());
    // Stats arrive for running containers only.
    QTRY_VERIFY_WITH_TIMEOUT(row(u"web"_s)->memoryBytes > 0, 15000);
    QCOMPARE(row(u"crash"_s)->memoryBytes, qint64(-1));
    // ...and go into the service's history of the last hour, which the sparklines draw.
    auto history = [this](const QString &service) {
        return m_supervisor->model()
            ->index(m_supervisor->model()->rowOf(service), ServiceModel::Memory)
            .data(ServiceModel::MemoryHistoryRole)
            .value<SampleHistory>();
    };
    QVERIFY(history(u"web"_s).last() > 0);
    QVERIFY(history(u"crash"_s).isEmpty());
}

void TestStackSupervision::healthTooltipShowsCheckOutput()
{
    const int sickRow = m_supervisor->model()->rowOf(u"sick"_s);
    QTRY_VERIFY(m_supervisor->model()
                    ->index(sickRow, ServiceModel::Health)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"backend not ready"_s));
}

void TestStackSupervision::eventsUpdateTheTableWithoutPolling()
{
    QVERIFY(condition(u"web"_s, ServiceStatus::Condition::Healthy));
    QVERIFY(waitIdle());
    QTest::qWait(300); // let the last list of the compose run settle
    const int listsBefore = m_listRequests;
    const QString id = row(u"web"_s)->container.id;
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(m_daemon.request("POST", "/containers/" + id.toLatin1() + "/kill"), 204);
    QTRY_VERIFY_WITH_TIMEOUT(row(u"web"_s)->container.state == "exited"_L1, 5000);
    const qint64 ms = clock.elapsed();
    QVERIFY2(ms < 1500, qPrintable(u"the table took %1 ms to show the kill"_s.arg(ms)));
    QCOMPARE(m_listRequests, listsBefore); // from the event stream, not from a poll
    QCOMPARE(row(u"web"_s)->container.exitCode, 137);

    // Per-service Start brings it back.
    select(u"web"_s);
    QVERIFY(button(u"startService"_s)->isEnabled());
    QVERIFY(!button(u"stopService"_s)->isEnabled());
    QTest::mouseClick(button(u"startService"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(condition(u"web"_s, ServiceStatus::Condition::Healthy), 30000);
    QVERIFY(waitIdle());
    QVERIFY(button(u"stopService"_s)->isEnabled());
}

void TestStackSupervision::restartOneService()
{
    select(u"sick"_s);
    QCOMPARE(m_page->selectedService(), u"sick"_s);
    QVERIFY(button(u"restartService"_s)->isEnabled());
    const QDateTime before = row(u"sick"_s)->container.startedAt;
    QVERIFY(before.isValid());
    QTest::mouseClick(button(u"restartService"_s), Qt::LeftButton);
    QVERIFY(!button(u"restartService"_s)->isEnabled());
    QVERIFY(waitIdle());
    QVERIFY2(m_page->progressPanel()->resultText().contains(u"Done"_s),
             qPrintable(m_page->progressPanel()->resultText()));
    QTRY_VERIFY_WITH_TIMEOUT(
        row(u"sick"_s)->container.startedAt > before && row(u"sick"_s)->isRunning(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(condition(u"sick"_s, ServiceStatus::Condition::Unhealthy), 15000);
}

void TestStackSupervision::logsView()
{
    select(u"web"_s);
    QVERIFY(button(u"serviceLogs"_s)->isEnabled());
    LogView *view = m_page->logView();
    view->setTimestamps(false);
    QTest::mouseClick(button(u"serviceLogs"_s), Qt::LeftButton);
    QCOMPARE(view->service(), u"web"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->visibleText().contains(u"tick"_s), 10000);
    QVERIFY(view->visibleText().contains(u"web starting"_s));
    // Following: new lines keep coming.
    const int size = view->buffer().size();
    QTRY_VERIFY_WITH_TIMEOUT(view->buffer().size() > size + 1, 10000);

    view->setSearchText(u"TICK"_s); // case-insensitive
    QVERIFY(view->matchCount() > 0);
    view->setFilterEnabled(true);
    const QStringList shown = view->visibleText().split(u'\n');
    QVERIFY(!shown.isEmpty());
    for (const QString &line : shown)
        QVERIFY2(line.contains(u"tick"_s), qPrintable(line));
    QVERIFY(!view->visibleText().contains(u"web starting"_s));
    view->setFilterEnabled(false);
    view->setSearchText({});

    view->setTimestamps(true);
    QVERIFY(view->visibleText().startsWith(u"20"_s)); // 2026-...
    view->copyToClipboard();
    QCOMPARE(QApplication::clipboard()->text(), view->visibleText());

    view->setLineCap(100);
    QTRY_VERIFY(view->buffer().size() <= 100);
    QVERIFY(view->textView()->document()->blockCount() <= 101);

    // Tail without follow: exactly the last N lines.
    view->setFollow(false);
    view->setTail(3);
    Q_EMIT view->reloadRequested(u"web"_s, 3, false);
    QTRY_COMPARE(view->buffer().size(), 3);
    QTest::qWait(1500);
    QCOMPARE(view->buffer().size(), 3);

    // Another page links here (Feature::show): the page shows the logs through its own API.
    select(u"crash"_s);
    m_page->showOutputTab();
    m_feature->show(StackRequest{u"web"_s});
    QCOMPARE(m_page->selectedService(), u"web"_s);
    QCOMPARE(m_page->findChild<QTabWidget *>(u"stackTabs"_s)->currentWidget(), view);
    QCOMPARE(view->service(), u"web"_s);
    QTRY_VERIFY_WITH_TIMEOUT(view->visibleText().contains(u"tick"_s), 10000);
}

void TestStackSupervision::statusCommand()
{
    const QString config = writeConfig(m_composeFile, u"status.yaml"_s);
    {
        CommandLine cl;
        cl.process({u"stackscope"_s, u"--status"_s, u"--config"_s, config});
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        const int code = runStatus(cl, out, err);
        out.flush();
        QCOMPARE(code, 1); // crash exited, sick unhealthy
        for (const QString &expected :
             {u"web"_s, u"healthy"_s, u"exited (3)"_s, u"unhealthy"_s, u"Backends:"_s,
              u"Prometheus"_s, u"down"_s, u"Firing alerts:"_s})
            QVERIFY2(outText.contains(expected), qPrintable(outText));
    }
    {
        CommandLine cl;
        cl.process({u"stackscope"_s, u"--status"_s, u"--json"_s, u"--config"_s, config});
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runStatus(cl, out, err), 1);
        out.flush();
        const QJsonObject root = QJsonDocument::fromJson(outText.toUtf8()).object();
        QCOMPARE(root.value("ok"_L1).toBool(true), false);
        QVERIFY(root.value("docker"_L1).toObject().value("connected"_L1).toBool());
        QVERIFY(root.value("firingAlerts"_L1).isArray());
        const QJsonArray services = root.value("services"_L1).toArray();
        QCOMPARE(services.size(), 3);
        QCOMPARE(services.at(1).toObject().value("exitCode"_L1).toInt(), 3);
        QVERIFY(!root.value("backends"_L1).toArray().isEmpty());
    }
    {
        // A project whose only declared service is healthy: exit 0.
        const QString onlyWeb = m_dir.filePath(u"only-web.yml"_s);
        QFile f(onlyWeb);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("services:\n  web:\n    image: stackscope-test/busybox:1\n");
        f.close();
        CommandLine cl;
        cl.process({u"stackscope"_s, u"--status"_s, u"--config"_s,
                    writeConfig(onlyWeb, u"only-web.yaml"_s)});
        QString outText, errText;
        QTextStream out(&outText), err(&errText);
        QCOMPARE(runStatus(cl, out, err), 0);
    }
}

void TestStackSupervision::failedComposeRunShowsExitCode()
{
    Config broken = m_config;
    const QString file = m_dir.filePath(u"broken.yml"_s);
    QVERIFY(
        QFile::copy(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/broken-compose.yml"), file));
    broken.stack.composeFiles = {file};
    m_feature->applyConfig(broken);
    auto *problem = m_page->findChild<QLabel *>(u"composeFileProblem"_s);
    QVERIFY(problem->isVisibleTo(m_page));
    QVERIFY(problem->text().contains(u"broken.yml:4"_s));
    QCOMPARE(m_supervisor->model()->rowCount(), 3); // the last good list stays
    QVERIFY(button(u"startStack"_s)->isEnabled());
    QTest::mouseClick(button(u"startStack"_s), Qt::LeftButton);
    QVERIFY(waitIdle());
    const QString result = m_page->progressPanel()->resultText();
    QVERIFY2(result.contains(u"Failed"_s) && result.contains(u"exited with code 1"_s),
             qPrintable(result));
    QVERIFY2(result.split(u'\n').size() > 1, qPrintable(result)); // the last lines follow
    m_feature->applyConfig(m_config);
    QVERIFY(!problem->isVisibleTo(m_page));
}

void TestStackSupervision::stopStack()
{
    QVERIFY(button(u"stopStack"_s)->isEnabled());
    QTest::mouseClick(button(u"stopStack"_s), Qt::LeftButton);
    QVERIFY(!button(u"stopStack"_s)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!row(u"web"_s)->isRunning() && !row(u"sick"_s)->isRunning(), 30000);
    QVERIFY(waitIdle());
    // Stopped on request, whatever their programs answered the signal with (a shell as PID 1
    // ignores SIGTERM and is killed: 137): grey "stopped", not red. The crash stays a crash.
    for (const QString &s : {u"web"_s, u"sick"_s})
        QVERIFY2(condition(s, ServiceStatus::Condition::Stopped),
                 qPrintable(s + u": "_s + row(s)->stateText()));
    QVERIFY2(condition(u"crash"_s, ServiceStatus::Condition::Exited),
             qPrintable(row(u"crash"_s)->stateText()));
    QVERIFY(!button(u"stopStack"_s)->isEnabled());
    QVERIFY(!button(u"restartStack"_s)->isEnabled());
    QVERIFY(button(u"startStack"_s)->isEnabled());
}

void TestStackSupervision::daemonRestartReconnects()
{
    m_daemon.stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_supervisor->connection() == StackSupervisor::Connection::Failed,
                             5000);
    QTRY_VERIFY(!m_page->bannerText().isEmpty());
    QVERIFY(!button(u"startStack"_s)->isEnabled());
    QCOMPARE(m_supervisor->model()->rowCount(), 3); // the last known state stays on screen
    QString why;
    QVERIFY2(m_daemon.start(&why), qPrintable(why));
    QTRY_VERIFY_WITH_TIMEOUT(m_supervisor->connection() == StackSupervisor::Connection::Connected
                                 && m_supervisor->hasSnapshot(),
                             15000);
    QTRY_VERIFY(m_page->bannerText().isEmpty());
    QVERIFY(button(u"startStack"_s)->isEnabled());
    QVERIFY(row(u"web"_s)->hasContainer());
}

QTEST_MAIN(TestStackSupervision)
#include "tst_stacksupervision.moc"
