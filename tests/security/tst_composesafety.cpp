// SPDX-License-Identifier: GPL-3.0-or-later
// No command line is built through a shell, and compose never receives a project or service name
// that breaks the Compose specification's rules: `--privileged`, `-f`, `a;rm -rf /` and `$(x)` are
// refused, with a message naming them, before any process starts. The runner's argument list is
// handed to the program as it is (a real /bin/echo shows shell syntax literally, and a canary
// file that a shell would create stays absent). A scan of the sources finds no shell call.
#include "app/compose/composecommand.h"
#include "app/compose/composerunner.h"
#include "app/compose/stacksupervisor.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

StackConfig stackNamed(const QString &project)
{
    StackConfig stack;
    stack.project = project;
    stack.composeFiles = {u"/tmp/stack/docker-compose.yml"_s};
    return stack;
}

ComposeCommand echoCommand()
{
    ComposeCommand c = ComposeCommand::configured({u"/bin/echo"_s, u"compose"_s});
    c.version = u"2.27.0"_s;
    return c;
}

} // namespace

class TestComposeSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void projectNames_data();
    void projectNames();
    void serviceNames_data();
    void serviceNames();
    void argumentListsAreChecked();
    void runnerRefusesHostileService_data();
    void runnerRefusesHostileService();
    void runnerRefusesHostileProject();
    void argumentsReachTheProgramLiterally();
    void supervisorRefusesHostileServiceNames();
    void sourcesCallNoShell();
};

void TestComposeSafety::projectNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"stackscope"_s << true;
    QTest::newRow("digits dash underscore") << u"0my-stack_2"_s << true;
    QTest::newRow("uppercase") << u"Stack"_s << false;
    QTest::newRow("option") << u"--privileged"_s << false;
    QTest::newRow("short option") << u"-f"_s << false;
    QTest::newRow("leading dash") << u"-stack"_s << false;
    QTest::newRow("leading underscore") << u"_stack"_s << false;
    QTest::newRow("semicolon") << u"a;rm -rf /"_s << false;
    QTest::newRow("command substitution") << u"$(x)"_s << false;
    QTest::newRow("backticks") << u"a`id`"_s << false;
    QTest::newRow("dot") << u"a.b"_s << false;
    QTest::newRow("slash") << u"../x"_s << false;
    QTest::newRow("newline") << u"a\nb"_s << false;
    QTest::newRow("trailing newline") << u"ab\n"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestComposeSafety::projectNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ComposeCommand::isValidProjectName(name), valid);
    const QString problem = ComposeCommand::namesProblem(stackNamed(name));
    if (valid || name.isEmpty()) {
        QCOMPARE(problem, QString()); // an empty project means none (compose picks one)
    } else {
        QVERIFY2(problem.contains(name) && problem.contains(u"project"_s), qPrintable(problem));
        QVERIFY(problem.contains(u"refused"_s));
    }
}

void TestComposeSafety::serviceNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << u"web"_s << true;
    QTest::newRow("mixed case dot") << u"Web.api_v2-x"_s << true;
    QTest::newRow("digit first") << u"9lives"_s << true;
    QTest::newRow("privileged") << u"--privileged"_s << false;
    QTest::newRow("short option") << u"-f"_s << false;
    QTest::newRow("semicolon") << u"a;rm -rf /"_s << false;
    QTest::newRow("command substitution") << u"$(x)"_s << false;
    QTest::newRow("space") << u"a b"_s << false;
    QTest::newRow("leading dot") << u".hidden"_s << false;
    QTest::newRow("pipe") << u"a|b"_s << false;
    QTest::newRow("newline") << u"web\n"_s << false;
    QTest::newRow("unicode") << u"w\u00e9b"_s << false;
}

void TestComposeSafety::serviceNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(ComposeCommand::isValidServiceName(name), valid);
    const QString problem = ComposeCommand::namesProblem(stackNamed(u"ok"_s), name);
    QCOMPARE(problem.isEmpty(), valid);
    if (!valid)
        QVERIFY2(problem.contains(name) && problem.contains(u"service"_s), qPrintable(problem));
}

void TestComposeSafety::argumentListsAreChecked()
{
    const ComposeCommand c = echoCommand();
    const StackConfig stack = stackNamed(u"stack"_s);
    for (auto action :
         {ComposeCommand::Action::Up, ComposeCommand::Action::Stop, ComposeCommand::Action::Start,
          ComposeCommand::Action::Restart, ComposeCommand::Action::Down}) {
        QCOMPARE(ComposeCommand::argumentsProblem(c.arguments(stack, action)), QString());
        QCOMPARE(ComposeCommand::argumentsProblem(c.arguments(stack, action, u"web"_s)), QString());
        if (action != ComposeCommand::Action::Down) {
            const QString p
                = ComposeCommand::argumentsProblem(c.arguments(stack, action, u"--privileged"_s));
            QVERIFY2(p.contains(u"--privileged"_s), qPrintable(p));
        }
    }
    // A compose file or profile may be called anything: only names are names.
    StackConfig odd = stack;
    odd.composeFiles = {u"/tmp/a;b $(c)/up"_s};
    odd.profiles = {u"restart"_s};
    QCOMPARE(ComposeCommand::argumentsProblem(c.arguments(odd, ComposeCommand::Action::Up)),
             QString());
    QVERIFY(!ComposeCommand::argumentsProblem(
                 c.arguments(stackNamed(u"$(x)"_s), ComposeCommand::Action::Up))
                 .isEmpty());
    QVERIFY(!ComposeCommand::argumentsProblem({u"-p"_s}).isEmpty());
    QVERIFY(!ComposeCommand::argumentsProblem({u"-p"_s, QString(), u"up"_s}).isEmpty());
}

void TestComposeSafety::runnerRefusesHostileService_data()
{
    QTest::addColumn<QString>("service");
    QTest::newRow("privileged") << u"--privileged"_s;
    QTest::newRow("file option") << u"-f"_s;
    QTest::newRow("semicolon") << u"a;touch @CANARY@"_s;
    QTest::newRow("substitution") << u"$(touch @CANARY@)"_s;
}

void TestComposeSafety::runnerRefusesHostileService()
{
    QFETCH(QString, service);
    QTemporaryDir dir;
    const QString canary = dir.filePath(u"canary"_s);
    service.replace(u"@CANARY@"_s, canary);
    const ComposeCommand c = echoCommand();
    ComposeRunner runner;
    QSignalSpy started(&runner, &ComposeRunner::started);
    QSignalSpy finished(&runner, &ComposeRunner::finished);
    QVERIFY(!runner.run(
        c.program, c.arguments(stackNamed(u"stack"_s), ComposeCommand::Action::Restart, service),
        u"restart "_s + service));
    QCOMPARE(started.size(), 0); // no process
    QVERIFY(!runner.isRunning());
    QCOMPARE(finished.size(), 1);
    const auto r = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY(r.failedToStart);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(service) && r.error.contains(u"refused"_s), qPrintable(r.error));
    QTest::qWait(100);
    QVERIFY(!QFile::exists(canary));
}

void TestComposeSafety::runnerRefusesHostileProject()
{
    const ComposeCommand c = echoCommand();
    ComposeRunner runner;
    QSignalSpy started(&runner, &ComposeRunner::started);
    QSignalSpy finished(&runner, &ComposeRunner::finished);
    QVERIFY(!runner.run(c.program, c.arguments(stackNamed(u"-f"_s), ComposeCommand::Action::Up),
                        u"up"_s));
    QCOMPARE(started.size(), 0);
    QCOMPARE(finished.size(), 1);
    const auto r = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY2(r.error.contains(u"'-f'"_s) && r.error.contains(u"project"_s), qPrintable(r.error));
}

void TestComposeSafety::argumentsReachTheProgramLiterally()
{
    // The compose file path is the user's (any characters); through a shell it would run.
    QTemporaryDir dir;
    const QString canary = dir.filePath(u"canary"_s);
    StackConfig stack = stackNamed(u"stack"_s);
    const QString file = u"/tmp/x;touch "_s + canary + u" $(touch "_s + canary + u") `touch "_s
                         + canary + u"` '\" > "_s + canary;
    stack.composeFiles = {file};
    const ComposeCommand c = echoCommand();
    ComposeRunner runner;
    QSignalSpy finished(&runner, &ComposeRunner::finished);
    QSignalSpy output(&runner, &ComposeRunner::outputLine);
    QVERIFY(runner.run(c.program, c.arguments(stack, ComposeCommand::Action::Up, u"web"_s),
                       u"up web"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    const auto r = finished.first().first().value<ComposeRunner::Result>();
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(output.size(), 1);
    QCOMPARE(output.first().first().toString(),
             u"compose -p stack -f "_s + file + u" up -d --wait --no-deps web"_s);
    QVERIFY(!QFile::exists(canary));
}

void TestComposeSafety::supervisorRefusesHostileServiceNames()
{
    // The whole path a button takes: the stack's supervisor, its compose command and runner.
    QTemporaryDir dir;
    const QString canary = dir.filePath(u"canary"_s);
    QFile compose(dir.filePath(u"docker-compose.yml"_s));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("services:\n  web:\n    image: busybox\n");
    compose.close();
    Config config;
    config.stack.composeFiles = {compose.fileName()};
    config.stack.project = u"stack"_s;
    config.stack.composeCommand = {u"/bin/echo"_s, u"compose"_s};
    config.stack.dockerHost = u"unix://"_s + dir.filePath(u"none.sock"_s);
    StackSupervisor supervisor;
    supervisor.setConfig(config);
    QSignalSpy started(&supervisor, &StackSupervisor::composeStarted);
    QSignalSpy finished(&supervisor, &StackSupervisor::composeFinished);
    for (const QString &service : QStringList{u"--privileged"_s, u"-f"_s, u"a;touch "_s + canary,
                                              u"$(touch "_s + canary + u')'}) {
        finished.clear();
        supervisor.runCompose(ComposeCommand::Action::Restart, service);
        // The first run waits for compose to be detected (in the background).
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const auto r = finished.first().first().value<ComposeRunner::Result>();
        QVERIFY(r.failedToStart);
        QVERIFY2(r.error.contains(service), qPrintable(r.error));
    }
    QCOMPARE(started.size(), 0);
    // A valid name runs (here: echo), so the refusals above are about the names.
    finished.clear();
    QVERIFY(supervisor.runCompose(ComposeCommand::Action::Restart, u"web"_s));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QVERIFY(finished.first().first().value<ComposeRunner::Result>().ok());
    QCOMPARE(started.size(), 1);
    QVERIFY(!QFile::exists(canary));
}

void TestComposeSafety::sourcesCallNoShell()
{
    // Every process Stackscope starts is QProcess::start(program, arguments): no shell, no
    // single-string command line.
    const QList<QPair<QRegularExpression, QString>> banned = {
        {QRegularExpression(u"(^|[^A-Za-z0-9_:.])(std::)?system\\s*\\("_s), u"system()"_s},
        {QRegularExpression(u"\\bpopen\\s*\\("_s), u"popen()"_s},
        {QRegularExpression(u"\\bexec[lv]p?e?\\s*\\("_s), u"exec*()"_s},
        {QRegularExpression(u"startCommand\\s*\\("_s), u"QProcess::startCommand"_s},
        {QRegularExpression(u"startDetached\\s*\\(\\s*[^,()]*\\)"_s),
         u"startDetached(command line)"_s},
        {QRegularExpression(u"\"/bin/(ba|da)?sh\"|u\"(ba|da)?sh\"_s|\"-c\""_s), u"a shell"_s},
    };
    QStringList found;
    int files = 0;
    for (const QString &folder : {u"app"_s, u"ui"_s, u"models"_s}) {
        QDirIterator it(QStringLiteral(STACKSCOPE_SOURCE_DIR) + u'/' + folder,
                        {u"*.cpp"_s, u"*.h"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            ++files;
            int lineNo = 0;
            for (const QByteArray &raw : f.readAll().split('\n')) {
                ++lineNo;
                const QString line = QString::fromUtf8(raw).trimmed();
                if (line.startsWith(u"//"_s))
                    continue;
                for (const auto &[re, what] : banned) {
                    if (re.match(line).hasMatch())
                        found << u"%1:%2: %3: %4"_s.arg(f.fileName()).arg(lineNo).arg(what, line);
                }
            }
        }
    }
    QVERIFY2(files > 50, "the sources were not found");
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
}

QTEST_MAIN(TestComposeSafety)
#include "tst_composesafety.moc"
