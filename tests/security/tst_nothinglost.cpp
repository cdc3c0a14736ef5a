// SPDX-License-Identifier: GPL-3.0-or-later
// Nothing lost: every file Stackscope writes is replaced atomically (a new inode renamed over
// the old one: a reader holding the old file still reads it whole, a crash leaves one or the
// other), and a user's file that Stackscope cannot read is never overwritten: an invalid
// configuration (at start, replaced while running, under a settings save), a dangling symlink
// where the configuration should be, an unreadable notification state file (kept aside), an
// autostart entry the user wrote.
#include "app/alerts/notificationpolicy.h"
#include "app/config/configloader.h"
#include "app/config/configmanager.h"
#include "app/desktop/autostart.h"
#include "ui/settingsdialog.h"

#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

ino_t inodeOf(const QString &path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_ino;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

/// Files in `dir` that look like leftovers of an interrupted write (QSaveFile's temporaries).
QStringList leftovers(const QString &dir)
{
    QStringList out;
    for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden)) {
        if (name.contains(u".tmp"_s) || name.startsWith(u'.') || name.endsWith(u'~'))
            out << name;
    }
    return out;
}

const QByteArray invalidYaml = "version: 1\nrefresh: {alerts: banana\n  - [\n# the user's draft\n";

Alert firing(const QString &name)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, u"critical"_s}};
    a.annotations = {{u"summary"_s, name + u" fires"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    a.state = Alert::State::Firing;
    return a;
}

} // namespace

class TestNothingLost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstRunWritesTheDefaultAtomically();
    void invalidConfigurationIsNeverTouched();
    void configurationReplacedByInvalidWhileRunning();
    void danglingSymlinkIsNotReplaced();
    void settingsSaveIsValidatedAndAtomic();
    void settingsKeepAlertmanagerAuthAndTls();
    void notificationStateIsAtomicAndAnInvalidOneKept();
    void autostartKeepsTheUsersEntry();
};

void TestNothingLost::firstRunWritesTheDefaultAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config/stackscope/config.yaml"_s);
    const QString stack = dir.filePath(u"data/stack"_s);
    ConfigManager manager(path, stack);
    manager.start();
    QVERIFY(manager.wroteDefault());
    QCOMPARE(readAll(path), defaultConfigText(stack));
    QVERIFY(manager.problems().isEmpty());
    QCOMPARE(leftovers(QFileInfo(path).absolutePath()), QStringList());

    // A second start finds it and leaves it alone, byte for byte and inode for inode.
    const ino_t inode = inodeOf(path);
    QVERIFY(writeAll(path, readAll(path) + "# mine\n"));
    ConfigManager again(path, stack);
    again.start();
    QVERIFY(!again.wroteDefault());
    QCOMPARE(inodeOf(path), inode);
    QVERIFY(readAll(path).endsWith("# mine\n"));

    // The user's copy of the bundled stack is never replaced or topped up either.
    const QString compose = stack + u"/docker-compose.yml"_s;
    QVERIFY(QFile::exists(compose));
    QVERIFY(writeAll(compose, "services: {}\n# edited\n"));
    QVERIFY(QFile::remove(stack + u"/README.md"_s) || !QFile::exists(stack + u"/README.md"_s));
    const QStringList files = QDir(stack).entryList(QDir::Files);
    ConfigManager third(path, stack);
    third.start();
    QCOMPARE(readAll(compose), QByteArray("services: {}\n# edited\n"));
    QCOMPARE(QDir(stack).entryList(QDir::Files), files);
}

void TestNothingLost::invalidConfigurationIsNeverTouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.yaml"_s);
    QVERIFY(writeAll(path, invalidYaml));
    const ino_t inode = inodeOf(path);
    const QDateTime modified = QFileInfo(path).lastModified();
    ConfigManager manager(path, dir.filePath(u"stack"_s));
    manager.start();
    QVERIFY(!manager.wroteDefault());
    QVERIFY(!manager.problems().isEmpty()); // reported, with a line and column
    QVERIFY(manager.problems().first().line > 0);
    // A settings save on top of it is refused: the file cannot be edited safely.
    QList<ConfigProblem> problems;
    QString error;
    QVERIFY(!manager.saveEdits({{{u"refresh"_s, u"alerts"_s}, u"20s"_s}}, &problems, &error));
    QVERIFY(!problems.isEmpty() || !error.isEmpty());
    QTest::qWait(700); // past the reload debounce
    QCOMPARE(readAll(path), invalidYaml);
    QCOMPARE(inodeOf(path), inode);
    QCOMPARE(QFileInfo(path).lastModified(), modified);
}

void TestNothingLost::configurationReplacedByInvalidWhileRunning()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.yaml"_s);
    const QString stack = dir.filePath(u"stack"_s);
    QByteArray good = defaultConfigText(stack);
    good.replace("alerts: 15s", "alerts: 7s");
    QVERIFY(writeAll(path, good));
    ConfigManager manager(path, stack);
    manager.start();
    QVERIFY(manager.problems().isEmpty());
    QCOMPARE(manager.config().refresh.alerts, std::chrono::milliseconds(7000));

    QSignalSpy problemsChanged(&manager, &ConfigManager::problemsChanged);
    QVERIFY(writeAll(path, invalidYaml)); // the way an editor that truncates saves
    QTRY_VERIFY_WITH_TIMEOUT(!manager.problems().isEmpty(), 5000);
    QCOMPARE(manager.config().refresh.alerts, std::chrono::milliseconds(7000)); // last good kept
    QTest::qWait(700);
    QCOMPARE(readAll(path), invalidYaml); // and the file as the user left it
}

void TestNothingLost::danglingSymlinkIsNotReplaced()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(u"dotfiles/stackscope.yaml"_s); // not there (yet)
    const QString path = dir.filePath(u"config/config.yaml"_s);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QVERIFY(QFile::link(target, path));
    ConfigManager manager(path, dir.filePath(u"stack"_s));
    manager.start();
    QVERIFY(!manager.wroteDefault());
    QVERIFY(QFileInfo(path).isSymLink()); // still the user's link
    QCOMPARE(QFileInfo(path).symLinkTarget(), target);
    QVERIFY(!QFile::exists(target));
}

void TestNothingLost::settingsSaveIsValidatedAndAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.yaml"_s);
    const QString stack = dir.filePath(u"stack"_s);
    QByteArray original = defaultConfigText(stack) + "# a comment of mine\n";
    QVERIFY(writeAll(path, original));
    ConfigManager manager(path, stack);
    manager.start();
    QVERIFY(manager.problems().isEmpty());

    // An edit that would make the file invalid is refused and the file is untouched.
    QList<ConfigProblem> problems;
    QString error;
    const ino_t before = inodeOf(path);
    QVERIFY(!manager.saveEdits({{{u"refresh"_s, u"alerts"_s}, u"banana"_s}}, &problems, &error));
    QVERIFY(!problems.isEmpty());
    QCOMPARE(readAll(path), original);
    QCOMPARE(inodeOf(path), before);

    // A valid one replaces the file by rename: whoever had the old one open still reads it.
    QFile held(path);
    QVERIFY(held.open(QIODevice::ReadOnly));
    problems.clear();
    QVERIFY2(manager.saveEdits({{{u"refresh"_s, u"alerts"_s}, u"20s"_s}}, &problems, &error),
             qPrintable(error));
    QVERIFY(inodeOf(path) != before);
    QCOMPARE(held.readAll(), original);
    const QByteArray saved = readAll(path);
    QVERIFY(saved.contains("alerts: 20s"));
    QVERIFY(saved.contains("# a comment of mine")); // comments stay
    QCOMPARE(leftovers(dir.path()), QStringList());
}

void TestNothingLost::settingsKeepAlertmanagerAuthAndTls()
{
    // Editing the list of Alertmanagers in the settings must not drop what the user configured
    // for the ones that stay (the list is written anew).
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config.yaml"_s);
    const QString ca = dir.filePath(u"ca.pem"_s);
    QVERIFY(writeAll(ca, "not read here\n"));
    const QByteArray text = "version: 1\n"
                            "endpoints:\n"
                            "  alertmanagers:\n"
                            "    - url: http://127.0.0.1:9093\n"
                            "    - url: https://127.0.0.1:9094\n"
                            "      timeout: 3s\n"
                            "      auth: {type: basic, username: me, secret_env: AM_PASSWORD}\n"
                            "      ca_file: "
                            + QFile::encodeName(ca)
                            + "\n"
                              "      insecure_skip_verify: true\n"
                              "      cluster: team-b\n";
    QVERIFY(writeAll(path, text));
    ConfigManager manager(path, dir.filePath(u"stack"_s));
    manager.start();
    QVERIFY2(manager.problems().isEmpty(), qPrintable(manager.problems().value(0).message));
    const EndpointConfig second = manager.config().alertmanagers.value(1);
    QCOMPARE(second.auth.secretEnv, u"AM_PASSWORD"_s);
    QCOMPARE(second.cluster, u"team-b"_s);

    SettingsDialog dialog(manager.config(), false);
    auto *list = dialog.findChild<QPlainTextEdit *>();
    QVERIFY(list);
    QVERIFY(list->toPlainText().contains(u"9093"_s));
    list->setPlainText(u"http://127.0.0.1:9095\nhttps://127.0.0.1:9094\n"_s);
    QList<ConfigProblem> problems;
    QString error;
    QVERIFY2(
        manager.saveEdits(dialog.edits(), &problems, &error),
        qPrintable(error + problems.value(0).message + u'\n' + QString::fromUtf8(readAll(path))));
    QCOMPARE(manager.config().alertmanagers.size(), 2);
    QCOMPARE(manager.config().alertmanagers.at(0).url, QUrl(u"http://127.0.0.1:9095"_s));
    const EndpointConfig kept = manager.config().alertmanagers.at(1);
    QCOMPARE(kept.url, second.url);
    QCOMPARE(kept.timeout, second.timeout);
    QCOMPARE(kept.auth, second.auth);
    QCOMPARE(kept.caFile, second.caFile);
    QCOMPARE(kept.insecureSkipVerify, true);
    QCOMPARE(kept.cluster, u"team-b"_s); // which Alertmanager cluster it belongs to
    QVERIFY(manager.config().alertmanagers.at(0).cluster.isEmpty());
}

void TestNothingLost::notificationStateIsAtomicAndAnInvalidOneKept()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/stackscope/notified.json"_s);
    NotifiedState state(path);
    QVERIFY(state.load()); // missing: empty, no error
    state.insert(firing(u"A"_s));
    QVERIFY(state.save());
    const QByteArray first = readAll(path);
    QVERIFY(first.contains("\"A\""));
    QFile held(path);
    QVERIFY(held.open(QIODevice::ReadOnly));
    const ino_t inode = inodeOf(path);
    state.insert(firing(u"B"_s));
    QVERIFY(state.save());
    QVERIFY(inodeOf(path) != inode); // renamed over, not rewritten in place
    QCOMPARE(held.readAll(), first);
    QCOMPARE(leftovers(QFileInfo(path).absolutePath()), QStringList());

    NotifiedState reread(path);
    QVERIFY(reread.load());
    QCOMPARE(reread.size(), 2);
    QVERIFY(reread.contains(firing(u"A"_s).fingerprint));

    // A file it cannot read (a newer version's, a hand edit) is kept aside, never overwritten.
    const QByteArray foreign = "{\"version\": 2, \"notified\": \"something newer\"}";
    QVERIFY(writeAll(path, foreign));
    NotifiedState broken(path);
    QString error;
    QVERIFY(!broken.load(&error));
    QVERIFY2(error.contains(u"kept"_s), qPrintable(error));
    QStringList kept;
    for (const QString &name : QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files)) {
        if (name.startsWith(u"notified.json.invalid"_s))
            kept << name;
    }
    QCOMPARE(kept.size(), 1);
    QCOMPARE(readAll(QFileInfo(path).absolutePath() + u'/' + kept.first()), foreign);
    broken.insert(firing(u"C"_s));
    QVERIFY(broken.save());
    QCOMPARE(readAll(QFileInfo(path).absolutePath() + u'/' + kept.first()), foreign);
}

void TestNothingLost::autostartKeepsTheUsersEntry()
{
    QTemporaryDir dir;
    const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir.path()));
    const QString path = Autostart::entryPath();
    QVERIFY2(path.startsWith(dir.path()), qPrintable(path));

    QString error;
    QVERIFY(!Autostart::isEnabled());
    QVERIFY2(Autostart::setEnabled(true, &error), qPrintable(error));
    QVERIFY(readAll(path).contains("Exec=stackscope --minimized"));
    QCOMPARE(leftovers(QFileInfo(path).absolutePath()), QStringList());

    const QByteArray mine = "[Desktop Entry]\nType=Application\nName=Stackscope\n"
                            "Exec=stackscope --minimized --config /home/me/work.yaml\n";
    QVERIFY(writeAll(path, mine));
    QVERIFY(Autostart::isEnabled());
    QVERIFY(Autostart::setEnabled(true, &error));
    QCOMPARE(readAll(path), mine);

    if (saved.isNull())
        qunsetenv("XDG_CONFIG_HOME");
    else
        qputenv("XDG_CONFIG_HOME", saved);
}

QTEST_MAIN(TestNothingLost)
#include "tst_nothinglost.moc"
