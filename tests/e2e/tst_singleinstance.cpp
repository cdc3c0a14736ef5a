// SPDX-License-Identifier: GPL-3.0-or-later
//
// One window per user and configuration: a second launch hands its command line to the first.
#include "app/desktop/singleinstance.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using Stackscope::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_runtime;

    static void write(const QString &path, const QByteArray &contents)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }

    QProcessEnvironment appEnvironment(const QString &home) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home);
        env.insert(u"XDG_RUNTIME_DIR"_s, m_runtime.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"STACKSCOPE_REPORT_FIRST_PAINT"_s, u"1"_s);
        return env;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_runtime.isValid());
        QFile::setPermissions(m_runtime.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                                    | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toLocal8Bit());
    }

    void secondHandsOverToFirst()
    {
        SingleInstance first(u"/tmp/a/config.yaml"_s);
        QVERIFY(first.claimOrForward({u"stackscope"_s}));
        QSignalSpy activated(&first, &SingleInstance::activated);

        // The second launch blocks while it hands over, as a real second process would: run it on
        // another thread so that the first can answer on this one.
        std::atomic<int> result{-1};
        std::thread second([&result] {
            SingleInstance other(u"/tmp/a/config.yaml"_s);
            result = other.claimOrForward({u"stackscope"_s, u"--open-trace"_s, u"/x/trace.json"_s})
                         ? 1
                         : 0;
        });
        QTRY_COMPARE_WITH_TIMEOUT(activated.count(), 1, 5000);
        second.join();
        QCOMPARE(result.load(), 0);
        QCOMPARE(activated.at(0).at(0).toStringList(),
                 (QStringList{u"stackscope"_s, u"--open-trace"_s, u"/x/trace.json"_s}));
    }

    void otherConfigurationIsAnotherInstance()
    {
        QVERIFY(SingleInstance::serverNameFor(u"/tmp/a/config.yaml"_s)
                != SingleInstance::serverNameFor(u"/tmp/b/config.yaml"_s));
        QVERIFY(
            SingleInstance::serverNameFor(u"/tmp/a/config.yaml"_s).startsWith(m_runtime.path()));
    }

    void staleSocketIsReplaced()
    {
        const QString config = u"/tmp/stale/config.yaml"_s;
        write(SingleInstance::serverNameFor(config),
              ""); // what a crash leaves: a file, nobody behind it
        SingleInstance instance(config);
        QVERIFY(instance.claimOrForward({u"stackscope"_s}));
    }

    void realSecondLaunchHandsOverAndExits()
    {
        QTemporaryDir home;
        const QString config = home.filePath(u"config.yaml"_s);
        write(config, "version: 1\nself_metrics:\n  enabled: false\n");

        QProcess first;
        first.setProcessEnvironment(appEnvironment(home.path()));
        first.start(QStringLiteral(STACKSCOPE_BINARY), {u"--config"_s, config});
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += first.readAllStandardOutput()).contains("first paint"),
                                 10000);

        QProcess second;
        second.setProcessEnvironment(appEnvironment(home.path()));
        second.start(QStringLiteral(STACKSCOPE_BINARY),
                     {u"--config"_s, config, u"--open-trace"_s, home.filePath(u"trace.json"_s)});
        QVERIFY(second.waitForFinished(5000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(second.readAllStandardOutput().contains("handed over to the running window"));

        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT(
            (err += first.readAllStandardError()).contains("activated by a second launch"), 5000);
        QVERIFY2(err.contains("--open-trace"), err.constData());
        QCOMPARE(first.state(), QProcess::Running);

        // Another configuration is another Stackscope: it opens its own window.
        QTemporaryDir otherHome;
        const QString otherConfig = otherHome.filePath(u"config.yaml"_s);
        write(otherConfig, "version: 1\nself_metrics:\n  enabled: false\n");
        QProcess third;
        third.setProcessEnvironment(appEnvironment(otherHome.path()));
        third.start(QStringLiteral(STACKSCOPE_BINARY), {u"--config"_s, otherConfig});
        QByteArray thirdOut;
        QTRY_VERIFY_WITH_TIMEOUT(
            (thirdOut += third.readAllStandardOutput()).contains("first paint"), 10000);

        for (QProcess *p : {&first, &third}) {
            p->terminate();
            QVERIFY(p->waitForFinished(5000));
        }
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
