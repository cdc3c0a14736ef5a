// SPDX-License-Identifier: GPL-3.0-or-later
// The project name as compose chooses it (configured, COMPOSE_PROJECT_NAME from the environment
// then the env file, top-level `name:`, the folder), the bundled stack and the default an earlier
// version wrote, compose's normalisation, profiles from COMPOSE_PROFILES, and the files compose
// reads in a folder. No Docker needed.
#include "app/compose/composeproject.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestComposeProject : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalizeName_data();
    void normalizeName();
    void precedence_data();
    void precedence();
    void legacyDefaultOnlyPinsTheBundledStack();
    void unusableNameIsAProblem();
    void profilesFromComposeProfiles();
    void envFilePath();
    void filesInFolder();
};

void TestComposeProject::normalizeName_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    // compose-go's NormalizeProjectName: lowercase, keep [a-z0-9_-], trim leading '_' and '-'.
    QTest::newRow("folder") << u"myapp"_s << u"myapp"_s;
    QTest::newRow("upper") << u"MyApp"_s << u"myapp"_s;
    QTest::newRow("dots and spaces") << u"my.app v2"_s << u"myappv2"_s;
    QTest::newRow("leading dash") << u"-_web"_s << u"web"_s;
    QTest::newRow("inner dash kept") << u"web-app_1"_s << u"web-app_1"_s;
    QTest::newRow("non-ascii dropped") << u"caf\u00e9"_s << u"caf"_s;
    QTest::newRow("nothing left") << u"..."_s << QString();
}

void TestComposeProject::normalizeName()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    QCOMPARE(ComposeProject::normalizeName(raw), expected);
}

void TestComposeProject::precedence_data()
{
    QTest::addColumn<QString>("configured");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("envFile");
    QTest::addColumn<QString>("topLevelName");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("sourceContains");
    QTest::newRow("folder") << QString() << QString() << QString() << QString() << u"my-app"_s
                            << u"folder"_s;
    QTest::newRow("name: wins over folder")
        << QString() << QString() << QString() << u"Shop"_s << u"shop"_s << u"'name:'"_s;
    QTest::newRow(".env wins over name:")
        << QString() << QString() << u"FromDotEnv"_s << u"shop"_s << u"fromdotenv"_s << u".env"_s;
    QTest::newRow("environment wins over .env") << QString() << u"fromenv"_s << u"fromdotenv"_s
                                                << u"shop"_s << u"fromenv"_s << u"environment"_s;
    QTest::newRow("configuration wins") << u"mine"_s << u"fromenv"_s << u"fromdotenv"_s << u"shop"_s
                                        << u"mine"_s << u"configuration"_s;
}

void TestComposeProject::precedence()
{
    QFETCH(QString, configured);
    QFETCH(QString, environment);
    QFETCH(QString, envFile);
    QFETCH(QString, topLevelName);
    QFETCH(QString, expected);
    QFETCH(QString, sourceContains);
    StackConfig stack;
    stack.composeFiles = {u"/home/me/My-App/compose.yaml"_s};
    stack.project = configured;
    QProcessEnvironment env;
    if (!environment.isEmpty())
        env.insert(u"COMPOSE_PROJECT_NAME"_s, environment);
    QHash<QString, QString> vars;
    if (!envFile.isEmpty())
        vars.insert(u"COMPOSE_PROJECT_NAME"_s, envFile);
    const ComposeProject p
        = ComposeProject::resolve(stack, env, vars, topLevelName, u"/home/me/.local/share/s"_s);
    QVERIFY2(p.ok(), qPrintable(p.problem));
    QCOMPARE(p.name, expected);
    QCOMPARE(p.stack.project, expected); // what every compose call gets as -p
    QVERIFY2(p.nameSource.contains(sourceContains), qPrintable(p.nameSource));
    QCOMPARE(p.directory, u"/home/me/My-App"_s);
}

void TestComposeProject::legacyDefaultOnlyPinsTheBundledStack()
{
    const QString bundledDir = u"/home/me/.local/share/stackscope/stack"_s;
    StackConfig stack;
    stack.project = u"stackscope"_s; // what every earlier version wrote into the file
    stack.composeFiles = {u"/home/me/myapp/docker-compose.yml"_s};
    ComposeProject p = ComposeProject::resolve(stack, {}, {}, {}, bundledDir);
    QCOMPARE(p.name, u"myapp"_s);
    QVERIFY(p.nameSource.contains(u"folder"_s));

    stack.composeFiles = {bundledDir + u"/docker-compose.yml"_s};
    p = ComposeProject::resolve(stack, {}, {}, {}, bundledDir);
    QCOMPARE(p.name, u"stackscope"_s);
    stack.project.clear(); // the new default: the bundled stack is still "stackscope"
    p = ComposeProject::resolve(stack, {}, {}, {}, bundledDir);
    QCOMPARE(p.name, u"stackscope"_s);
    QVERIFY(p.nameSource.contains(u"bundled"_s));
    // A folder merely named like the bundled one is not it.
    stack.composeFiles = {bundledDir + u"-copy/docker-compose.yml"_s};
    p = ComposeProject::resolve(stack, {}, {}, {}, bundledDir);
    QCOMPARE(p.name, u"stack-copy"_s);
}

void TestComposeProject::unusableNameIsAProblem()
{
    StackConfig stack;
    stack.composeFiles = {u"/srv/.../compose.yaml"_s};
    ComposeProject p = ComposeProject::resolve(stack, {}, {}, {}, {});
    QVERIFY(!p.ok());
    QVERIFY(p.name.isEmpty());
    QVERIFY(p.stack.project.isEmpty());
    QVERIFY2(p.problem.contains(u"'project'"_s), qPrintable(p.problem));

    stack.composeFiles.clear();
    p = ComposeProject::resolve(stack, {}, {}, {}, {});
    QVERIFY(!p.ok());
    QVERIFY2(p.problem.contains(u"compose_files"_s), qPrintable(p.problem));
}

void TestComposeProject::profilesFromComposeProfiles()
{
    StackConfig stack;
    stack.composeFiles = {u"/srv/app/compose.yaml"_s};
    QHash<QString, QString> vars{{u"COMPOSE_PROFILES"_s, u"debug, tracing"_s}};
    ComposeProject p = ComposeProject::resolve(stack, {}, vars, {}, {});
    QCOMPARE(p.stack.profiles, (QStringList{u"debug"_s, u"tracing"_s}));

    QProcessEnvironment env;
    env.insert(u"COMPOSE_PROFILES"_s, u"metrics"_s);
    p = ComposeProject::resolve(stack, env, vars, {}, {});
    QCOMPARE(p.stack.profiles, QStringList{u"metrics"_s});

    stack.profiles = {u"configured"_s};
    p = ComposeProject::resolve(stack, env, vars, {}, {});
    QCOMPARE(p.stack.profiles, QStringList{u"configured"_s});
}

void TestComposeProject::envFilePath()
{
    StackConfig stack;
    stack.composeFiles = {u"/srv/app/compose.yaml"_s, u"/srv/other/extra.yaml"_s};
    QCOMPARE(ComposeProject::envFilePath(stack), u"/srv/app/.env"_s);
    stack.envFile = u"/etc/app.env"_s;
    QCOMPARE(ComposeProject::envFilePath(stack), u"/etc/app.env"_s);
}

void TestComposeProject::filesInFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto touch = [&](const QString &name) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
    };
    QVERIFY(ComposeProject::filesInFolder(dir.path()).isEmpty());
    touch(u"docker-compose.yml"_s);
    QCOMPARE(ComposeProject::filesInFolder(dir.path()),
             QStringList{dir.filePath(u"docker-compose.yml"_s)});
    touch(u"docker-compose.override.yml"_s);
    QCOMPARE(ComposeProject::filesInFolder(dir.path()),
             (QStringList{dir.filePath(u"docker-compose.yml"_s),
                          dir.filePath(u"docker-compose.override.yml"_s)}));
    touch(u"compose.yaml"_s); // compose prefers the newer name
    QCOMPARE(ComposeProject::filesInFolder(dir.path()),
             QStringList{dir.filePath(u"compose.yaml"_s)});
    QDir().mkdir(dir.filePath(u"compose.yml"_s)); // a folder by that name is not a file
    QCOMPARE(ComposeProject::filesInFolder(dir.path()).first(), dir.filePath(u"compose.yaml"_s));
}

QTEST_GUILESS_MAIN(TestComposeProject)
#include "tst_composeproject.moc"
