// SPDX-License-Identifier: GPL-3.0-or-later
//
// The installed-style binary from the outside: the headless modes need no display, and a first
// launch with an empty home writes the default configuration and serves self-metrics.
#include "tests/support/freeport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCli : public QObject
{
    Q_OBJECT

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /// Runs the binary with no display at all: headless modes must not need one.
    static Run run(const QStringList &arguments, const QString &home = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        if (!home.isEmpty()) {
            env.insert(u"HOME"_s, home);
            env.remove(u"XDG_CONFIG_HOME"_s);
            env.remove(u"XDG_DATA_HOME"_s);
        }
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(STACKSCOPE_BINARY), arguments);
        Run r;
        if (!process.waitForFinished(15000)) {
            process.kill();
            process.waitForFinished();
            return r;
        }
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        r.out = QString::fromUtf8(process.readAllStandardOutput());
        r.err = QString::fromUtf8(process.readAllStandardError());
        return r;
    }

    static QByteArray digest(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    static void write(const QString &path, const QByteArray &contents)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }

private Q_SLOTS:
    void versionAndHelp()
    {
        Run r = run({u"--version"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), u"stackscope " STACKSCOPE_VERSION ""_s);

        r = run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const QString &option :
             {u"--config <FILE>"_s, u"--validate-config <FILE>"_s, u"--version"_s, u"--help"_s})
            QVERIFY2(r.out.contains(option), qPrintable(r.out));
    }

    void helpFollowsTheSystemLanguage()
    {
        // LC_ALL wins over LANG (CTest pins it to C.UTF-8): set both, as a German desktop does.
        const QByteArray lcAll = qgetenv("LC_ALL");
        const QByteArray lang = qgetenv("LANG");
        qputenv("LC_ALL", "de_DE.UTF-8");
        qputenv("LANG", "de_DE.UTF-8");
        const Run r = run({u"--help"_s});
        qputenv("LC_ALL", lcAll);
        qputenv("LANG", lang);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"FILE prüfen und beenden"_s), qPrintable(r.out));
    }

    void validateConfigAcceptsTheDefault()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.yaml"_s);
        write(path, "version: 1\nendpoints:\n  prometheus:\n    url: http://127.0.0.1:9091\n");
        const Run r = run({u"--validate-config"_s, path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    }

    void validateConfigReportsTypoWithLineAndColumn()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"config.yaml"_s);
        const QByteArray text
            = "version: 1\nendpoints:\n  promethues:\n    url: http://127.0.0.1:9091\n"
              "refresh:\n  status: soon\n";
        write(path, text);
        const QDateTime before = QFileInfo(path).lastModified();
        const QByteArray sum = digest(path);

        const Run r = run({u"--validate-config"_s, path});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.err.trimmed().split(u'\n');
        QVERIFY2(lines.size() >= 2, qPrintable(r.err));
        QVERIFY2(lines.at(0).startsWith(path + u":3:3: "_s), qPrintable(r.err));
        QVERIFY2(lines.at(0).contains(u"promethues"_s), qPrintable(r.err));
        QVERIFY2(r.err.contains(path + u":6:11: "_s), qPrintable(r.err));
        QCOMPARE(digest(path), sum);
        QCOMPARE(QFileInfo(path).lastModified(), before);
    }

    void validateConfigOnMissingFileFails()
    {
        const Run r = run({u"--validate-config"_s, u"/nonexistent/config.yaml"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"/nonexistent/config.yaml:"_s), qPrintable(r.err));
    }

    void firstLaunchWritesDefaultsAndServesMetrics()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        // The default listens on 127.0.0.1:9465; a config with a free port keeps the test
        // independent of whatever else runs here (the launch test under Xvfb uses the default).
        const quint16 port = Stackscope::Test::freeLoopbackPort();
        const QString configPath = home.filePath(u"custom.yaml"_s);
        write(configPath,
              "version: 1\nself_metrics:\n  listen: 127.0.0.1:" + QByteArray::number(port) + "\n");

        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.remove(u"XDG_CONFIG_HOME"_s);
        env.remove(u"XDG_DATA_HOME"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"STACKSCOPE_REPORT_FIRST_PAINT"_s, u"1"_s);
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(STACKSCOPE_BINARY), {u"--config"_s, configPath});
        QVERIFY(app.waitForStarted());
        QByteArray output; // QTRY evaluates its expression more than once: accumulate
        QTRY_VERIFY_WITH_TIMEOUT((output += app.readAllStandardOutput()).contains("first paint"),
                                 10000);

        // The bundled stack is copied for the user to edit.
        QVERIFY(QFileInfo::exists(
            home.filePath(u".local/share/stackscope/stack/docker-compose.yml"_s)));

        QNetworkAccessManager network;
        QNetworkReply *reply
            = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(port))));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 5000);
        const QByteArray metrics = reply->readAll();
        QVERIFY2(metrics.contains("stackscope_build_info"), metrics.constData());
        delete reply;
        // The backends have been asked by now (they are all absent here).
        const auto pollsCounted = [&network, port] {
            QNetworkReply *r
                = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(port))));
            (void)QTest::qWaitFor([r] { return r->isFinished(); }, 5000);
            const bool ok
                = r->readAll().contains("stackscope_poll_cycles_total{backend=\"prometheus\"");
            delete r;
            return ok;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pollsCounted(), 10000);

        app.terminate();
        QVERIFY(app.waitForFinished(5000));
    }

    void firstLaunchWithDefaultLocationWritesTheDefaultConfig()
    {
        QTemporaryDir home;
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.remove(u"XDG_CONFIG_HOME"_s);
        env.remove(u"XDG_DATA_HOME"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"STACKSCOPE_REPORT_FIRST_PAINT"_s, u"exit"_s);
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(STACKSCOPE_BINARY), QStringList{});
        QVERIFY(app.waitForFinished(15000));
        QCOMPARE(app.exitCode(), 0);
        const QString config = home.filePath(u".config/stackscope/config.yaml"_s);
        QVERIFY(QFileInfo::exists(config));
        QFile f(config);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("url: http://127.0.0.1:9091"));
        QVERIFY(text.contains(
            home.filePath(u".local/share/stackscope/stack/docker-compose.yml"_s).toUtf8()));
        // And the written default validates.
        QCOMPARE(run({u"--validate-config"_s, config}).exitCode, 0);
    }

    void invalidConfigIsKeptAndTheWindowStillOpens()
    {
        QTemporaryDir home;
        const QString configPath = home.filePath(u"broken.yaml"_s);
        const QByteArray broken = "version: 1\nendpoints: [unterminated\n";
        write(configPath, broken);
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"STACKSCOPE_REPORT_FIRST_PAINT"_s, u"exit"_s);
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(STACKSCOPE_BINARY), {u"--config"_s, configPath});
        QVERIFY(app.waitForFinished(15000));
        QCOMPARE(app.exitCode(), 0);
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), broken);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
