// SPDX-License-Identifier: GPL-3.0-or-later
// Bad compose input, as ComposeController meets it: a file that is missing, a folder, empty,
// not YAML, or valid YAML that compose itself rejects. Each gets a message that names the file
// and says what is wrong; the last good service list stays; nothing is written. Compose's own
// `config` runs for real (docker-compose 1.29 resolves files without a daemon); the checks that
// need it skip, saying so, where it is missing.
#include "app/compose/composecontroller.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QStringList names(const QList<ComposeService> &services)
{
    QStringList out;
    for (const ComposeService &s : services)
        out << s.name;
    return out;
}

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

} // namespace

class TestComposeErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badFiles_data();
    void badFiles();
    void lastGoodListStays();
    void includedFileReloads();
    void composeRejectsWhatStackscopeReads();
    void composeAcceptsAndResolves();

private:
    ComposeController *controllerFor(const QString &file, QObject *parent,
                                     bool withCompose = false);

    QTemporaryDir m_dir;
    bool m_haveCompose = false;
};

void TestComposeErrors::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_haveCompose = !QStandardPaths::findExecutable(u"docker-compose"_s).isEmpty();
}

ComposeController *TestComposeErrors::controllerFor(const QString &file, QObject *parent,
                                                    bool withCompose)
{
    auto *c = new ComposeController(parent);
    StackConfig stack;
    stack.composeFiles = {file};
    if (withCompose)
        stack.composeCommand = {u"docker-compose"_s};
    else
        stack.composeCommand = {m_dir.filePath(u"no-compose-here"_s)}; // fallback only
    DockerEndpoint endpoint;
    endpoint.host = u"unix:///nonexistent.sock"_s;
    c->setConfig(stack, endpoint);
    return c;
}

void TestComposeErrors::badFiles_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("text"); // empty name: no file at all
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing") << u"missing/compose.yaml"_s << QByteArray() << u"missing"_s;
    QTest::newRow("empty") << u"empty/compose.yaml"_s << QByteArray("") << u"compose.yaml"_s;
    QTest::newRow("not yaml") << u"broken/compose.yaml"_s
                              << QByteArray("services:\n  web: [image: x\n") << u"compose.yaml:"_s;
    QTest::newRow("no services") << u"list/compose.yaml"_s << QByteArray("- a\n- b\n")
                                 << u"compose.yaml:1:1"_s;
    QTest::newRow("required variable") << u"required/compose.yaml"_s
                                       << QByteArray("services:\n  web:\n    image: "
                                                     "\"${NOT_SET_ANYWHERE:?set the image}\"\n")
                                       << u"NOT_SET_ANYWHERE"_s;
}

void TestComposeErrors::badFiles()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (qstrcmp(QTest::currentDataTag(), "missing") != 0)
        QVERIFY(write(path, text));
    QObject owner;
    ComposeController *c = controllerFor(path, &owner);
    const QString error = c->composeFileError();
    QVERIFY2(!error.isEmpty(), qPrintable(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(QFileInfo(path).fileName()) || error.contains(path), qPrintable(error));
    QVERIFY(c->activeServices().isEmpty());
}

void TestComposeErrors::lastGoodListStays()
{
    const QString path = m_dir.filePath(u"good/compose.yaml"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(write(path, "services:\n  web: {image: nginx}\n  db: {image: postgres}\n"));
    QObject owner;
    ComposeController *c = controllerFor(path, &owner);
    QVERIFY2(c->composeFileError().isEmpty(), qPrintable(c->composeFileError()));
    QCOMPARE(names(c->activeServices()), (QStringList{u"web"_s, u"db"_s}));
    QCOMPARE(c->project().name, u"good"_s);

    QSignalSpy changed(c, &ComposeController::composeFileChanged);
    QVERIFY(write(path, "services:\n  web: {image: nginx\n")); // an editor's half-saved file
    QVERIFY(changed.wait(5000));
    QVERIFY(!c->composeFileError().isEmpty());
    QCOMPARE(names(c->activeServices()), (QStringList{u"web"_s, u"db"_s})); // kept on screen
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("services:\n  web: {image: nginx\n")); // never rewritten

    changed.clear();
    QVERIFY(write(path, "services:\n  web: {image: nginx}\n"));
    QVERIFY(changed.wait(5000));
    QVERIFY(c->composeFileError().isEmpty());
    QCOMPARE(names(c->activeServices()), QStringList{u"web"_s});
}

void TestComposeErrors::includedFileReloads()
{
    // The watcher follows the included file and its .env as it follows an extended one.
    const QString path = m_dir.filePath(u"including/app/compose.yaml"_s);
    const QString included = m_dir.filePath(u"including/db/compose.yaml"_s);
    const QString dotenv = m_dir.filePath(u"including/db/.env"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QDir().mkpath(QFileInfo(included).absolutePath());
    QVERIFY(write(path, "include: [../db/compose.yaml]\nservices:\n  web: {image: nginx}\n"));
    QVERIFY(write(included, "services:\n  db: {image: \"postgres:${PG:-15}\"}\n"));
    QVERIFY(write(dotenv, "PG=16\n"));
    QObject owner;
    ComposeController *c = controllerFor(path, &owner);
    QVERIFY2(c->composeFileError().isEmpty(), qPrintable(c->composeFileError()));
    QCOMPARE(names(c->activeServices()), (QStringList{u"web"_s, u"db"_s}));
    QCOMPARE(c->activeServices().last().image, u"postgres:16"_s);

    QSignalSpy changed(c, &ComposeController::composeFileChanged);
    QVERIFY(write(included, "services:\n  db: {image: \"postgres:${PG:-15}\"}\n"
                            "  cache: {image: redis}\n"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(names(c->activeServices()), (QStringList{u"web"_s, u"db"_s, u"cache"_s}));

    changed.clear();
    QVERIFY(write(dotenv, "PG=17\n"));
    QVERIFY(changed.wait(5000));
    QCOMPARE(c->activeServices().at(1).image, u"postgres:17"_s);

    changed.clear();
    QVERIFY(write(included, "services:\n  web: {image: httpd}\n")); // a conflict
    QVERIFY(changed.wait(5000));
    const QString error = c->composeFileError();
    QVERIFY2(error.contains(u"services.web conflicts with imported resource"_s), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestComposeErrors::composeRejectsWhatStackscopeReads()
{
    if (!m_haveCompose)
        QSKIP("docker-compose is not installed");
    // YAML that Stackscope reads, but compose refuses: an option compose does not know.
    const QString path = m_dir.filePath(u"rejected/docker-compose.yml"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(write(path, "version: \"2.4\"\nservices:\n  web:\n    image: nginx\n"
                        "    restart_when: sometimes\n"));
    QObject owner;
    ComposeController *c = controllerFor(path, &owner, true);
    QCOMPARE(names(c->activeServices()), QStringList{u"web"_s}); // Stackscope's reading, at once
    QSignalSpy resolved(c, &ComposeController::modelResolved);
    c->detectCompose();
    QVERIFY(resolved.count() > 0 || resolved.wait(30000));
    const QString error = c->composeFileError();
    QVERIFY2(error.contains(u"restart_when"_s), qPrintable(error)); // compose's own words
    QCOMPARE(names(c->activeServices()), QStringList{u"web"_s});    // still listed
    QVERIFY(!c->modelSource().contains(u"resolved by"_s));
}

void TestComposeErrors::composeAcceptsAndResolves()
{
    if (!m_haveCompose)
        QSKIP("docker-compose is not installed");
    const QString path = m_dir.filePath(u"Shop.App/docker-compose.yml"_s);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY(write(path, "version: \"2.4\"\nx-base: &base\n  image: \"${IMG:-nginx}:1\"\n"
                        "services:\n  web:\n    <<: *base\n    ports: [\"${PORT:-8080}:80\"]\n"));
    QVERIFY(write(QFileInfo(path).absolutePath() + u"/.env"_s, "PORT=9999\n"));
    QObject owner;
    ComposeController *c = controllerFor(path, &owner, true);
    QCOMPARE(c->project().name, u"shopapp"_s); // the folder, normalised as compose does
    QSignalSpy resolved(c, &ComposeController::modelResolved);
    c->detectCompose();
    QVERIFY(resolved.count() > 0 || resolved.wait(30000));
    QVERIFY2(c->composeFileError().isEmpty(), qPrintable(c->composeFileError()));
    QVERIFY2(c->modelSource().contains(u"docker-compose"_s), qPrintable(c->modelSource()));
    const QList<ComposeService> services = c->activeServices();
    QCOMPARE(services.size(), 1);
    QCOMPARE(services.first().image, u"nginx:1"_s);
    QCOMPARE(services.first().hostPorts, QList<int>{9999});
}

QTEST_GUILESS_MAIN(TestComposeErrors)
#include "tst_composeerrors.moc"
