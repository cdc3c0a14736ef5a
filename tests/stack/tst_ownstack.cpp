// SPDX-License-Identifier: GPL-3.0-or-later
// A user's own compose project, started outside Stackscope with docker-compose in its folder
// `myapp` (tests/data/stack/myapp: image from .env, defaults, merge keys, `$$`, a profile), then
// opened in Stackscope against a private dockerd: the project is named as compose names it (an
// earlier version's `project: stackscope` does not pin it), the running services are seen as
// running, compose itself resolves the model, "Start" creates no second copy, `--status --stack`
// reports on it without a configuration, and while Docker cannot be reached the states are
// unknown. Skips, saying why, where dockerd or docker-compose cannot run.
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configloader.h"
#include "models/stack/servicemodel.h"
#include "tests/stack/dockerdaemon.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {
constexpr auto Image = "stackscope-test/busybox:1";

bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        it.next();
        if (!QFile::copy(it.filePath(), to + u'/' + it.fileName()))
            return false;
    }
    return true;
}
} // namespace

class TestOwnStack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void projectNamedAsComposeNamesIt();
    void composeResolvesTheModel();
    void legacyDefaultDoesNotPinTheProject();
    void startCreatesNoSecondCopy();
    void statusWithStackFolder();
    void statesUnknownWhileDockerIsUnreachable();
    void containerNameHeldByAnotherProject();
    void missingExternalNetworkIsOfferedForCreation();

private:
    Config configFor(const QString &project = {}) const
    {
        Config c = defaultConfig(m_dir.filePath(u"bundled"_s));
        c.stack.composeFiles = {m_composeFile};
        c.stack.project = project;
        c.stack.dockerHost = m_daemon.host();
        c.refresh.stack = std::chrono::milliseconds(2000);
        return c;
    }
    QStringList containerIds() const
    {
        QString out;
        m_daemon.run(u"docker"_s, {u"ps"_s, u"-aq"_s, u"--no-trunc"_s}, &out);
        QStringList ids = out.split(u'\n', Qt::SkipEmptyParts);
        ids.sort();
        return ids;
    }
    static const ServiceStatus *row(const StackSupervisor &s, const QString &service)
    {
        return s.model()->service(service);
    }

    DockerDaemon m_daemon;
    QTemporaryDir m_dir;
    QString m_projectDir;
    QString m_composeFile;
    QString m_compose;
};

void TestOwnStack::initTestCase()
{
    QString why;
    if (!m_daemon.startForCompose(&m_compose, &why))
        QSKIP(qPrintable(why));
    QVERIFY(m_dir.isValid());
    m_projectDir = m_dir.filePath(u"myapp"_s);
    QVERIFY(copyFolder(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/myapp"), m_projectDir));
    m_composeFile = m_projectDir + u"/docker-compose.yml"_s;
    // Started the way the user started it: in its folder, with no -p.
    QString output;
    const int code = m_daemon.run(m_compose, {u"-f"_s, m_composeFile, u"up"_s, u"-d"_s}, &output);
    QVERIFY2(code == 0, qPrintable(output));
}

void TestOwnStack::cleanupTestCase()
{
    if (m_daemon.isRunning() && !m_composeFile.isEmpty())
        m_daemon.run(m_compose, {u"-f"_s, m_composeFile, u"down"_s, u"-t"_s, u"0"_s});
    m_daemon.stop();
}

void TestOwnStack::projectNamedAsComposeNamesIt()
{
    StackSupervisor s;
    s.setConfig(configFor());
    QCOMPARE(s.project().name, u"myapp"_s);
    QVERIFY2(s.project().nameSource.contains(m_projectDir), qPrintable(s.project().nameSource));
    s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    for (const QString &service : {u"web"_s, u"worker"_s}) {
        const ServiceStatus *r = row(s, service);
        QVERIFY2(r, qPrintable(service));
        QCOMPARE(r->condition(), ServiceStatus::Condition::Running);
        QCOMPARE(r->spec.image, QLatin1StringView(Image)); // from .env, before compose answers
    }
    QVERIFY2(!row(s, u"debug"_s), "a service of an inactive profile is not listed");
    QVERIFY(s.allGood());
}

void TestOwnStack::composeResolvesTheModel()
{
    StackSupervisor s;
    s.setConfig(configFor());
    s.start();
    s.detectComposeInBackground();
    QTRY_VERIFY_WITH_TIMEOUT(s.isModelResolved(), 30000);
    QVERIFY2(s.composeFileError().isEmpty(), qPrintable(s.composeFileError()));
    QVERIFY2(s.modelSource().contains(u"docker-compose"_s), qPrintable(s.modelSource()));
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    const ServiceStatus *web = row(s, u"web"_s);
    QVERIFY(web);
    QCOMPARE(web->spec.image, QLatin1StringView(Image));
    QCOMPARE(web->spec.url, u"http://127.0.0.1:18082/"_s); // WEB_PORT from .env
    QCOMPARE(web->spec.networkMode, u"host"_s);            // through the merge key
    QVERIFY2(web->spec.command.join(u' ').contains(u"$${HOSTNAME:-host}"_s) == false,
             qPrintable(web->spec.command.join(u' ')));
    QVERIFY2(web->spec.command.join(u' ').contains(u"${HOSTNAME:-host}"_s),
             qPrintable(web->spec.command.join(u' ')));
    QCOMPARE(row(s, u"web"_s)->condition(), ServiceStatus::Condition::Running);
}

void TestOwnStack::legacyDefaultDoesNotPinTheProject()
{
    StackSupervisor s;
    s.setConfig(configFor(u"stackscope"_s));
    QCOMPARE(s.project().name, u"myapp"_s);
    s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    QCOMPARE(row(s, u"web"_s)->condition(), ServiceStatus::Condition::Running);
}

void TestOwnStack::startCreatesNoSecondCopy()
{
    const QStringList before = containerIds();
    QCOMPARE(before.size(), 2);
    StackSupervisor s;
    s.setConfig(configFor());
    s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    QSignalSpy finished(&s, &StackSupervisor::composeFinished);
    QVERIFY(s.runCompose(ComposeCommand::Action::Up));
    QVERIFY(finished.wait(90000));
    const auto result = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY2(result.ok(), qPrintable(result.lastLines.join(u'\n')));
    QCOMPARE(containerIds(), before); // the same two containers, no second project
}

void TestOwnStack::statusWithStackFolder()
{
    // A configuration that names only the daemon: the stack comes from --stack.
    const QString config = m_dir.filePath(u"status.yaml"_s);
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(u"version: 1\nstack:\n  docker_host: \"%1\"\nendpoints:\n  alertmanagers: []\n"
            "self_metrics: {enabled: false}\n"_s.arg(m_daemon.host())
                .toUtf8());
    f.close();
    const QByteArray configBefore = [&] {
        QFile r(config);
        return r.open(QIODevice::ReadOnly) ? r.readAll() : QByteArray();
    }();
    CommandLine cl;
    cl.process({u"stackscope"_s, u"--status"_s, u"--json"_s, u"--config"_s, config, u"--stack"_s,
                m_projectDir});
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    runStatus(cl, out, err);
    out.flush();
    const QJsonObject root = QJsonDocument::fromJson(outText.toUtf8()).object();
    QCOMPARE(root.value("project"_L1).toString(), u"myapp"_s);
    QCOMPARE(root.value("composeFiles"_L1).toArray().first().toString(), m_composeFile);
    const QJsonArray services = root.value("services"_L1).toArray();
    QCOMPARE(services.size(), 2);
    for (const QJsonValue &v : services)
        QCOMPARE(v.toObject().value("state"_L1).toString(), u"running"_s);
    QFile r(config);
    QVERIFY(r.open(QIODevice::ReadOnly));
    QCOMPARE(r.readAll(), configBefore); // the configuration is not touched

    // By the name Docker knows it under: the files come from its containers' labels.
    {
        CommandLine byName;
        byName.process({u"stackscope"_s, u"--status"_s, u"--json"_s, u"--config"_s, config,
                        u"--stack"_s, u"myapp"_s});
        QString o, e;
        QTextStream o2(&o), e2(&e);
        runStatus(byName, o2, e2);
        o2.flush();
        const QJsonObject named = QJsonDocument::fromJson(o.toUtf8()).object();
        QCOMPARE(named.value("project"_L1).toString(), u"myapp"_s);
        QCOMPARE(QFileInfo(named.value("composeFiles"_L1).toArray().first().toString())
                     .canonicalFilePath(),
                 QFileInfo(m_composeFile).canonicalFilePath());
        QCOMPARE(named.value("services"_L1).toArray().size(), 2);
    }

    // A folder without a compose file, and a name nothing has: a clear message, exit 2.
    for (const QString &bad : {m_dir.filePath(u"bundled"_s), m_dir.filePath(u"nothing"_s)}) {
        QDir().mkpath(m_dir.filePath(u"bundled"_s));
        CommandLine again;
        again.process({u"stackscope"_s, u"--status"_s, u"--config"_s, config, u"--stack"_s, bad});
        QString o, e;
        QTextStream o2(&o), e2(&e);
        QCOMPARE(runStatus(again, o2, e2), 2);
        e2.flush();
        QVERIFY2(e.contains(bad), qPrintable(e));
    }
}

void TestOwnStack::statesUnknownWhileDockerIsUnreachable()
{
    Config c = configFor();
    c.stack.dockerHost = u"unix://"_s + m_dir.filePath(u"no-such.sock"_s);
    StackSupervisor s;
    s.setConfig(c);
    s.start();
    QTRY_COMPARE_WITH_TIMEOUT(s.connection(), StackSupervisor::Connection::Failed, 10000);
    QCOMPARE(s.model()->rowCount(), 2);
    for (const QString &service : {u"web"_s, u"worker"_s}) {
        QCOMPARE(row(s, service)->condition(), ServiceStatus::Condition::Unknown);
        QCOMPARE(row(s, service)->stateText(), u"unknown"_s);
    }
}

namespace {
QString writeProject(const QString &folder, const QByteArray &compose)
{
    QDir().mkpath(folder);
    QFile f(folder + u"/docker-compose.yml"_s);
    if (!f.open(QIODevice::WriteOnly) || f.write(compose) != compose.size())
        return {};
    return f.fileName();
}
} // namespace

void TestOwnStack::containerNameHeldByAnotherProject()
{
    // Two projects of the user claim the container name "shared-db": one runs.
    const QString holder = writeProject(
        m_dir.filePath(u"holder"_s),
        "version: \"2.4\"\nservices:\n  db:\n    image: stackscope-test/busybox:1\n"
        "    container_name: shared-db\n    network_mode: host\n    command: [sleep, \"3600\"]\n");
    QString output;
    QVERIFY2(m_daemon.run(m_compose, {u"-f"_s, holder, u"up"_s, u"-d"_s}, &output) == 0,
             qPrintable(output));
    auto down = qScopeGuard([&] {
        m_daemon.run(m_compose, {u"-f"_s, holder, u"down"_s, u"-t"_s, u"0"_s});
    });
    const QString mine = writeProject(
        m_dir.filePath(u"claimer"_s),
        "version: \"2.4\"\nservices:\n  database:\n    image: stackscope-test/busybox:1\n"
        "    container_name: shared-db\n    network_mode: host\n    command: [sleep, \"3600\"]\n");
    const QStringList before = containerIds();

    Config c = configFor();
    c.stack.composeFiles = {mine};
    StackSupervisor s;
    s.setConfig(c);
    s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    QSignalSpy refused(&s, &StackSupervisor::upRefused);
    QSignalSpy finished(&s, &StackSupervisor::composeFinished);
    QVERIFY(s.runCompose(ComposeCommand::Action::Up));
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY(!result.ok());
    QCOMPARE(refused.size(), 1);
    for (const QString &expected : {u"database"_s, u"shared-db"_s, u"holder"_s})
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
    QCOMPARE(containerIds(), before); // nothing created, nothing of the holder touched
}

void TestOwnStack::missingExternalNetworkIsOfferedForCreation()
{
    const QString network = u"stackscope-test-ext"_s;
    m_daemon.run(u"docker"_s, {u"network"_s, u"rm"_s, network});
    const QString file = writeProject(
        m_dir.filePath(u"agent"_s),
        "version: \"2.4\"\nservices:\n  agent:\n    image: stackscope-test/busybox:1\n"
        "    command: [sleep, \"3600\"]\n    networks: [code-agent]\n"
        "networks:\n  code-agent:\n    external: true\n    name: stackscope-test-ext\n");
    const QStringList before = containerIds();
    Config c = configFor();
    c.stack.composeFiles = {file};
    StackSupervisor s;
    s.setConfig(c);
    s.start();
    QTRY_VERIFY_WITH_TIMEOUT(s.hasSnapshot(), 15000);
    QSignalSpy refused(&s, &StackSupervisor::upRefused);
    QSignalSpy finished(&s, &StackSupervisor::composeFinished);
    QVERIFY(s.runCompose(ComposeCommand::Action::Up));
    QVERIFY(finished.wait(30000));
    QCOMPARE(refused.size(), 1);
    const auto preflight = refused.first().first().value<UpPreflight>();
    QCOMPARE(preflight.missingNetworks, QStringList{network});
    const auto result = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY2(result.error.contains(network), qPrintable(result.error));
    QCOMPARE(containerIds(), before);

    // The page's offer: create it through the daemon.
    QSignalSpy created(&s, &StackSupervisor::networkCreated);
    s.createNetwork(network);
    QVERIFY(created.wait(15000));
    const QString error = created.first().at(1).toString();
    if (!error.isEmpty())
        QSKIP(qPrintable(u"this private dockerd (--bridge=none) cannot create a network: "_s
                         + error));
    QString out;
    m_daemon.run(u"docker"_s, {u"network"_s, u"ls"_s, u"--format"_s, u"{{.Name}}"_s}, &out);
    QVERIFY2(out.split(u'\n').contains(network), qPrintable(out));
    m_daemon.run(u"docker"_s, {u"network"_s, u"rm"_s, network});
}

QTEST_GUILESS_MAIN(TestOwnStack)
#include "tst_ownstack.moc"
