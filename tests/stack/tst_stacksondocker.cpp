// SPDX-License-Identifier: GPL-3.0-or-later
// "Stacks on this machine" end to end: two compose projects started outside Stackscope with the
// real docker-compose, each from a folder of its own, one partly stopped, on a private dockerd;
// then `stackscope --stacks [--json]` (the binary) and StackDiscovery list them as they are, and
// the window's "Stacks on this machine" opens one onto its running containers (no second copy).
// Skips, saying why, where dockerd or docker-compose cannot run.
#include "app/compose/stackdiscovery.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configmanager.h"
#include "app/docker/dockerendpoint.h"
#include "app/features/stackfeature.h"
#include "models/stack/servicemodel.h"
#include "models/stack/stacksmodel.h"
#include "tests/stack/dockerdaemon.h"
#include "ui/stack/stacksdialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QByteArray composeFile(const QStringList &services)
{
    QByteArray yaml = "version: \"2.4\"\nservices:\n";
    for (const QString &s : services)
        yaml += "  " + s.toUtf8()
                + ":\n    image: stackscope-test/busybox:1\n    network_mode: host\n"
                  "    command: [\"sleep\", \"3600\"]\n";
    return yaml;
}

} // namespace

class TestStacksOnDocker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jsonListsBothProjects();
    void tableListsBothProjects();
    void configuredDockerHostWins();
    void discoveryAgreesWithTheBinary();
    void unreachableDaemonExitsOne();
    void windowOpensAListedProject();

private:
    /// docker-compose in `folder`, as a person runs it there; returns the exit code.
    int compose(const QString &folder, const QStringList &args, QString *output = nullptr);
    /// Runs the binary with `args`; HOME is an empty folder so that no configuration is found.
    int stackscope(const QStringList &args, const QProcessEnvironment &env, QByteArray *out,
                   QByteArray *err);
    QString folder(const QString &name) const { return m_dir.filePath(name); }

    DockerDaemon m_daemon;
    QString m_compose;
    QTemporaryDir m_dir;
    QStringList m_started;
};

int TestStacksOnDocker::compose(const QString &dir, const QStringList &args, QString *output)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(m_daemon.environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(m_compose, args);
    if (!p.waitForFinished(120000))
        return -1;
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

int TestStacksOnDocker::stackscope(const QStringList &args, const QProcessEnvironment &env,
                                   QByteArray *out, QByteArray *err)
{
    QProcess p;
    QProcessEnvironment e = env;
    e.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    e.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/.config"_s));
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(STACKSCOPE_BINARY), args);
    if (!p.waitForFinished(60000))
        return -1;
    *out = p.readAllStandardOutput();
    *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestStacksOnDocker::initTestCase()
{
    QString why;
    if (!m_daemon.startForCompose(&m_compose, &why))
        QSKIP(qPrintable(why));
    QVERIFY(m_dir.isValid());
    QDir().mkpath(m_dir.filePath(u"home"_s));
    // "shop" runs both services; "blog" is partly stopped (its worker stopped).
    const QList<QPair<QString, QStringList>> projects{
        {u"shop"_s, {u"web"_s, u"db"_s}}, {u"blog"_s, {u"web"_s, u"worker"_s, u"cache"_s}}};
    for (const auto &[name, services] : projects) {
        QVERIFY(QDir().mkpath(folder(name)));
        QFile f(folder(name) + u"/docker-compose.yml"_s);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(composeFile(services));
        f.close();
        QString out;
        QVERIFY2(compose(folder(name), {u"up"_s, u"-d"_s}, &out) == 0, qPrintable(out));
        m_started << name;
    }
    QString out;
    QVERIFY2(compose(folder(u"blog"_s), {u"stop"_s, u"-t"_s, u"0"_s, u"worker"_s}, &out) == 0,
             qPrintable(out));
}

void TestStacksOnDocker::cleanupTestCase()
{
    for (const QString &name : std::as_const(m_started))
        compose(folder(name), {u"down"_s, u"-t"_s, u"0"_s});
    m_daemon.stop();
}

void TestStacksOnDocker::jsonListsBothProjects()
{
    QProcessEnvironment env = m_daemon.environment(); // DOCKER_HOST points at the daemon
    QByteArray out, err;
    QCOMPARE(stackscope({u"--stacks"_s, u"--json"_s}, env, &out, &err), 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
    QVERIFY2(doc.isArray(), out.constData());
    const QJsonArray stacks = doc.array();
    QCOMPARE(stacks.size(), 2);
    const QJsonObject blog = stacks.at(0).toObject(); // sorted by name
    const QJsonObject shop = stacks.at(1).toObject();
    QCOMPARE(blog.value("name"_L1).toString(), u"blog"_s);
    QCOMPARE(blog.value("state"_L1).toString(), u"partial"_s);
    QCOMPARE(blog.value("servicesRunning"_L1).toInt(), 2);
    QCOMPARE(blog.value("servicesTotal"_L1).toInt(), 3);
    QCOMPARE(blog.value("services"_L1).toArray(),
             QJsonArray::fromStringList({u"cache"_s, u"web"_s, u"worker"_s}));
    QCOMPARE(blog.value("folder"_L1).toString(), folder(u"blog"_s));
    QCOMPARE(blog.value("composeFiles"_L1).toArray(),
             QJsonArray::fromStringList({folder(u"blog"_s) + u"/docker-compose.yml"_s}));
    QVERIFY(blog.value("problems"_L1).toArray().isEmpty());
    QCOMPARE(shop.value("name"_L1).toString(), u"shop"_s);
    QCOMPARE(shop.value("state"_L1).toString(), u"running"_s);
    QCOMPARE(shop.value("servicesRunning"_L1).toInt(), 2);
    QCOMPARE(shop.value("servicesTotal"_L1).toInt(), 2);
    QCOMPARE(shop.value("containers"_L1).toInt(), 2);
    QCOMPARE(shop.value("folder"_L1).toString(), folder(u"shop"_s));
}

void TestStacksOnDocker::tableListsBothProjects()
{
    QByteArray out, err;
    QCOMPARE(stackscope({u"--stacks"_s}, m_daemon.environment(), &out, &err), 0);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith("NAME"), out.constData());
    QVERIFY(lines.at(0).contains("COMPOSE FILES"));
    QVERIFY2(lines.at(1).startsWith("blog ") && lines.at(1).contains("partly running")
                 && lines.at(1).contains(" 2/3 ")
                 && lines.at(1).contains(folder(u"blog"_s).toUtf8())
                 && lines.at(1).endsWith("docker-compose.yml"),
             lines.at(1).constData());
    QVERIFY2(lines.at(2).startsWith("shop ") && lines.at(2).contains("running")
                 && lines.at(2).contains(" 2/2 "),
             lines.at(2).constData());
}

void TestStacksOnDocker::configuredDockerHostWins()
{
    // The configuration's stack.docker_host, as --status uses it; DOCKER_HOST points elsewhere.
    const QString config = m_dir.filePath(u"config.yaml"_s);
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(u"version: 1\nstack:\n  docker_host: \"%1\"\n"_s.arg(m_daemon.host()).toUtf8());
    f.close();
    QProcessEnvironment env = m_daemon.environment();
    env.insert(u"DOCKER_HOST"_s, u"unix:///nonexistent/docker.sock"_s);
    QByteArray out, err;
    QCOMPARE(stackscope({u"--stacks"_s, u"--json"_s, u"--config"_s, config}, env, &out, &err), 0);
    QCOMPARE(QJsonDocument::fromJson(out).array().size(), 2);
}

void TestStacksOnDocker::discoveryAgreesWithTheBinary()
{
    StackDiscovery discovery;
    discovery.setEndpoint(resolveDockerEndpoint(m_daemon.host()));
    QSignalSpy listed(&discovery, &StackDiscovery::stacksListed);
    discovery.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, 15000);
    const auto stacks = listed.first().first().value<QList<StackSummary>>();
    QCOMPARE(stacks.size(), 2);
    QCOMPARE(stacks.at(0).state, StackSummary::State::Partial);
    QCOMPARE(stacks.at(1).state, StackSummary::State::Running);
    if (qEnvironmentVariableIsSet("STACKSCOPE_SAVE_CONTAINERS")) {
        // To refresh the fixture tests/data/stack/containers-projects.json.
        QByteArray body;
        m_daemon.request("GET", StackDiscovery::listPath(), &body);
        QFile out(qEnvironmentVariable("STACKSCOPE_SAVE_CONTAINERS"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(body); // as sent: HTTP/1.1 chunks around the JSON
    }
}

void TestStacksOnDocker::unreachableDaemonExitsOne()
{
    QProcessEnvironment env = m_daemon.environment();
    env.insert(u"DOCKER_HOST"_s, u"unix://"_s + m_dir.filePath(u"absent.sock"_s));
    QByteArray out, err;
    QCOMPARE(stackscope({u"--stacks"_s, u"--json"_s}, env, &out, &err), 1);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.contains("no Docker socket at") && err.contains("absent.sock")
                 && err.contains("DOCKER_HOST"),
             err.constData());
}

void TestStacksOnDocker::windowOpensAListedProject()
{
    QStandardPaths::setTestModeEnabled(true); // Recent stacks go to a test QSettings
    // The configuration as a new user has it: the bundled project, and the private daemon.
    const QString configPath = m_dir.filePath(u"window.yaml"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(
        u"# mine\nversion: 1\nstack:\n  compose_files: [\"%1\"]\n  project: stackscope\n"
        "  docker_host: \"%2\"\n"_s
            .arg(QStringLiteral(STACKSCOPE_SOURCE_DIR "/tests/data/stack/docker-compose.yml"),
                 m_daemon.host())
            .toUtf8());
    config.close();
    ConfigManager manager(configPath, m_dir.filePath(u"bundled"_s));
    manager.start();
    StackFeature feature(AppContext{nullptr, &manager, nullptr, nullptr, nullptr});
    std::unique_ptr<QWidget> page(feature.createPage());
    connect(&manager, &ConfigManager::configChanged, &feature, &StackFeature::applyConfig);
    feature.applyConfig(manager.config());
    feature.start();

    feature.showStacks();
    StacksDialog *dialog = feature.stacksDialog();
    QVERIFY(dialog && dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(feature.stacksModel()->rowCount(), 2, 15000);
    QCOMPARE(dialog->shownState(), u"table"_s);
    QByteArray before;
    QCOMPARE(m_daemon.request("GET", "/containers/json?all=1", &before), 200);

    // Double click "shop": the configuration now names it, the page shows its running services.
    dialog->selectStack(u"shop"_s);
    QTableView *table = dialog->table();
    const QPoint at = table->visualRect(table->currentIndex()).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(manager.config().stack.project, u"shop"_s);
    QCOMPARE(manager.config().stack.composeFiles,
             QStringList{folder(u"shop"_s) + u"/docker-compose.yml"_s});
    QVERIFY(!dialog->isVisible());
    StackSupervisor *supervisor = feature.supervisor();
    QTRY_VERIFY_WITH_TIMEOUT(supervisor->hasSnapshot() && supervisor->model()->rowCount() == 2
                                 && supervisor->model()->service(u"web"_s)
                                 && supervisor->model()->service(u"web"_s)->isRunning()
                                 && supervisor->model()->service(u"db"_s)
                                 && supervisor->model()->service(u"db"_s)->isRunning(),
                             15000);
    QVERIFY(supervisor->allGood());
    // Nothing was created: the same containers as before.
    QByteArray after;
    QCOMPARE(m_daemon.request("GET", "/containers/json?all=1", &after), 200);
    QCOMPARE(after.count("\"Id\""), before.count("\"Id\""));
    QFile edited(configPath);
    QVERIFY(edited.open(QIODevice::ReadOnly));
    QVERIFY(edited.readAll().startsWith("# mine\n"));
    QCOMPARE(StackFeature::recentStacks().value(0).name, u"shop"_s);
}

QTEST_MAIN(TestStacksOnDocker)
#include "tst_stacksondocker.moc"
