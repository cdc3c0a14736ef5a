// SPDX-License-Identifier: GPL-3.0-or-later
// ConfigManager: first run, the never-touch-an-invalid-file rule, and following edits on disk.
#include "app/config/configloader.h"
#include "app/config/configmanager.h"
#include "app/config/paths.h"
#include "tests/support/fixtures.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

using namespace Stackscope;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QByteArray validYaml(const QByteArray &status)
{
    return "version: 1\nrefresh:\n  status: " + status + "\n";
}

const QByteArray kBrokenYaml = "version: 1\nrefresh:\n  status: soon\n";

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

/// What editors do: write a new file beside the old one and rename it over.
bool replaceFile(const QString &path, const QByteArray &bytes)
{
    const QString temporary = path + u".new"_s;
    return writeFile(temporary, bytes)
           && std::rename(QFile::encodeName(temporary).constData(),
                          QFile::encodeName(path).constData())
                  == 0;
}

QDateTime modified(const QString &path)
{
    return QFileInfo(path).fileTime(QFileDevice::FileModificationTime);
}

/// Backdates `path` so that any write, even within the same second, would show.
void backdate(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime(QDate(2020, 1, 1), QTime(12, 0)),
                             QFileDevice::FileModificationTime));
}

QStringList relativeFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

} // namespace

class TestConfigManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void firstRunWritesDefaultsAndStack();
    void existingFileIsNotRewritten();
    void invalidFileIsNeverTouched();
    void picksUpAnEdit();
    void picksUpAnAtomicReplace();
    void brokenEditKeepsLastGood();
    void badFirstLoadKeepsDefaultsUntilFixed();
    void deletionIsReported();
    void unchangedContentEmitsNothing();
    void installBundledStackCopiesOnce();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConfigManager::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_home.isValid());
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u"config"_s)));
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(u"data"_s)));
    QCOMPARE(Paths::configFile(), m_home.filePath(u"config/stackscope/config.yaml"_s));
    QCOMPARE(Paths::stackDir(), m_home.filePath(u"data/stackscope/stack"_s));
}

void TestConfigManager::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestConfigManager::firstRunWritesDefaultsAndStack()
{
    const QString file = Paths::configFile();
    QVERIFY(!QFileInfo::exists(file));
    QVERIFY(!QFileInfo::exists(Paths::stackDir()));

    ConfigManager manager(file);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);
    manager.start();

    QVERIFY(manager.wroteDefault());
    QCOMPARE(manager.path(), file);
    QCOMPARE(manager.stackDir(), Paths::stackDir());
    QVERIFY(QFileInfo(file).isFile());
    QCOMPARE(Stackscope::Test::readFile(file), defaultConfigText(Paths::stackDir()));
    QVERIFY(manager.problems().isEmpty());
    QCOMPARE(problemsSpy.count(), 0);

    const ConfigLoadResult written = loadConfigFile(file, Paths::stackDir());
    QVERIFY(written.ok());
    QVERIFY(written.config == defaultConfig(Paths::stackDir()));
    QVERIFY(manager.config() == defaultConfig(Paths::stackDir()));

    // The bundled stack is copied, file for file.
    QVERIFY(QFileInfo(Paths::stackDir()).isDir());
    QCOMPARE(relativeFiles(Paths::stackDir()), relativeFiles(u":/stack"_s));
    for (const QString &relative : relativeFiles(u":/stack"_s)) {
        const QString copy = Paths::stackDir() + u'/' + relative;
        QCOMPARE(Stackscope::Test::readFile(copy),
                 Stackscope::Test::readFile(u":/stack/"_s + relative));
        QVERIFY2(QFileInfo(copy).isWritable(), qPrintable(copy));
    }
}

void TestConfigManager::existingFileIsNotRewritten()
{
    const QString file = path(u"config.yaml"_s);
    const QByteArray bytes = validYaml("20s");
    QVERIFY(writeFile(file, bytes));
    backdate(file);
    const QDateTime before = modified(file);

    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QVERIFY(!manager.wroteDefault());
    QCOMPARE(manager.config().refresh.status, 20s);
    QVERIFY(QFileInfo::exists(
        path(u"stack/docker-compose.yml"_s))); // a missing stack is always put back
    QTest::qWait(300);
    QCOMPARE(Stackscope::Test::readFile(file), bytes);
    QCOMPARE(modified(file), before);
}

void TestConfigManager::invalidFileIsNeverTouched()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, kBrokenYaml));
    backdate(file);
    const QDateTime before = modified(file);

    ConfigManager manager(file, path(u"stack"_s));
    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);
    manager.start();

    QVERIFY(!manager.wroteDefault());
    QVERIFY(manager.config() == defaultConfig(path(u"stack"_s)));
    QCOMPARE(manager.problems().size(), 1);
    QCOMPARE(manager.problems().first().line, 3);
    QCOMPARE(manager.problems().first().column, 11);
    QCOMPARE(problemsSpy.count(), 1);
    QCOMPARE(configSpy.count(), 0);

    QTest::qWait(300); // past the debounce: nothing may happen later either
    QCOMPARE(Stackscope::Test::readFile(file), kBrokenYaml);
    QCOMPARE(modified(file), before);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList{u"config.yaml"_s});
}

void TestConfigManager::picksUpAnEdit()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, validYaml("20s")));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QCOMPARE(manager.config().refresh.status, 20s);

    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);
    QVERIFY(writeFile(file, validYaml("30s")));
    QTRY_COMPARE(configSpy.count(), 1);
    QCOMPARE(configSpy.first().first().value<Config>().refresh.status, 30s);
    QCOMPARE(manager.config().refresh.status, 30s);
    QCOMPARE(problemsSpy.count(), 0);

    QVERIFY(writeFile(file, validYaml("40s")));
    QTRY_COMPARE(configSpy.count(), 2);
    QCOMPARE(manager.config().refresh.status, 40s);
}

void TestConfigManager::picksUpAnAtomicReplace()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, validYaml("20s")));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);

    QVERIFY(replaceFile(file, validYaml("30s")));
    QTRY_COMPARE(configSpy.count(), 1);
    QCOMPARE(manager.config().refresh.status, 30s);

    // The rename ended the watch on the old file; the new one must be watched again.
    QVERIFY(replaceFile(file, validYaml("40s")));
    QTRY_COMPARE(configSpy.count(), 2);
    QCOMPARE(manager.config().refresh.status, 40s);
    QVERIFY(writeFile(file, validYaml("50s")));
    QTRY_COMPARE(configSpy.count(), 3);
    QCOMPARE(manager.config().refresh.status, 50s);
}

void TestConfigManager::brokenEditKeepsLastGood()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, validYaml("20s")));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);

    QVERIFY(writeFile(file, kBrokenYaml));
    QTRY_COMPARE(problemsSpy.count(), 1);
    const auto reported = problemsSpy.first().first().value<QList<ConfigProblem>>();
    QCOMPARE(reported.size(), 1);
    QCOMPARE(reported.first().line, 3);
    QCOMPARE(manager.problems(), reported);
    QCOMPARE(manager.config().refresh.status, 20s);
    QCOMPARE(configSpy.count(), 0);
    QCOMPARE(Stackscope::Test::readFile(file), kBrokenYaml);

    QVERIFY(writeFile(file, validYaml("25s")));
    QTRY_COMPARE(problemsSpy.count(), 2);
    QVERIFY(problemsSpy.at(1).first().value<QList<ConfigProblem>>().isEmpty());
    QVERIFY(manager.problems().isEmpty());
    QTRY_COMPARE(configSpy.count(), 1);
    QCOMPARE(manager.config().refresh.status, 25s);
}

void TestConfigManager::badFirstLoadKeepsDefaultsUntilFixed()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, "version: 1\nstack: [oops\n"));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QVERIFY(!manager.problems().isEmpty());
    QVERIFY(manager.config() == defaultConfig(path(u"stack"_s)));

    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    // Fixed to exactly the defaults: the problems go, but the configuration did not change.
    QVERIFY(writeFile(file, "version: 1\n"));
    QTRY_VERIFY(manager.problems().isEmpty());
    QCOMPARE(configSpy.count(), 0);
}

void TestConfigManager::deletionIsReported()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, validYaml("20s")));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);

    QVERIFY(QFile::remove(file));
    QTRY_COMPARE(problemsSpy.count(), 1);
    QCOMPARE(manager.problems().size(), 1);
    QVERIFY(manager.problems().first().message.contains(u"the file was removed"_s));
    QCOMPARE(manager.config().refresh.status, 20s);
    QCOMPARE(configSpy.count(), 0);
    QVERIFY(!QFileInfo::exists(file)); // not written back

    // Putting it back is seen through the folder.
    QVERIFY(writeFile(file, validYaml("35s")));
    QTRY_COMPARE(configSpy.count(), 1);
    QCOMPARE(manager.config().refresh.status, 35s);
    QTRY_VERIFY(manager.problems().isEmpty());
}

void TestConfigManager::unchangedContentEmitsNothing()
{
    const QString file = path(u"config.yaml"_s);
    QVERIFY(writeFile(file, validYaml("20s")));
    ConfigManager manager(file, path(u"stack"_s));
    manager.start();
    QSignalSpy configSpy(&manager, &ConfigManager::configChanged);
    QSignalSpy problemsSpy(&manager, &ConfigManager::problemsChanged);

    QVERIFY(writeFile(file, validYaml("20s")));
    QVERIFY(writeFile(file, "# the same settings, reworded\n" + validYaml("20000ms")));
    QTest::qWait(600);
    QCOMPARE(configSpy.count(), 0);
    QCOMPARE(problemsSpy.count(), 0);
}

void TestConfigManager::installBundledStackCopiesOnce()
{
    const QString target = path(u"a/b/stack"_s);
    QString error;
    QVERIFY2(installBundledStack(target, &error), qPrintable(error));
    QVERIFY(QFileInfo(target).isDir());
    QCOMPARE(relativeFiles(target), relativeFiles(u":/stack"_s));
    // No leftovers of the staging folder.
    QCOMPARE(QDir(path(u"a/b"_s)).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"stack"_s});

    // An existing folder is the user's: nothing is added, nothing replaced.
    const QString mine = path(u"mine"_s);
    QVERIFY(QDir().mkpath(mine));
    QVERIFY(writeFile(mine + u"/docker-compose.yml"_s, "services: {}\n"));
    QVERIFY2(installBundledStack(mine, &error), qPrintable(error));
    QCOMPARE(relativeFiles(mine), QStringList{u"docker-compose.yml"_s});
    QCOMPARE(Stackscope::Test::readFile(mine + u"/docker-compose.yml"_s),
             QByteArray("services: {}\n"));
}

QTEST_GUILESS_MAIN(TestConfigManager)
#include "tst_configmanager.moc"
