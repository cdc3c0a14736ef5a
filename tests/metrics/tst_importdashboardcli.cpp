// SPDX-License-Identifier: GPL-3.0-or-later
// `stackscope --import-dashboard FILE` (headless): saves the dashboard next to the configuration
// and says what it imported; a file that is not a dashboard exits 1 with the reason.
#include "tests/support/fixtures.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestImportDashboardCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importsNextToConfig_data();
    void importsNextToConfig();
    void rejectsNonDashboard();

private:
    int run(const QStringList &arguments, const QString &home, QByteArray *out, QByteArray *err);
};

int TestImportDashboardCli::run(const QStringList &arguments, const QString &home, QByteArray *out,
                                QByteArray *err)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    env.remove(u"DISPLAY"_s);
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(STACKSCOPE_BINARY), arguments);
    if (!process.waitForFinished(20000))
        return -1;
    *out = process.readAllStandardOutput();
    *err = process.readAllStandardError();
    return process.exitCode();
}

void TestImportDashboardCli::importsNextToConfig_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("panels");
    QTest::newRow("plain-form-bundled-xg2g")
        << QStringLiteral(STACKSCOPE_SOURCE_DIR)
               + u"/resources/stack/grafana/dashboards/xg2g-overview.json"_s
        << u"xg2g-overview"_s << u"5 panels"_s;
    QTest::newRow("api-form-with-rows")
        << Stackscope::Test::testDataDir() + u"/metrics/grafana-rows.json"_s << u"rows-test-1"_s
        << u"6 panels, 4 variables"_s;
}

void TestImportDashboardCli::importsNextToConfig()
{
    QFETCH(QString, file);
    QFETCH(QString, uid);
    QFETCH(QString, panels);
    QTemporaryDir home;
    const QString config = home.filePath(u"conf/config.yaml"_s);
    QByteArray out, err;
    QCOMPARE(run({u"--config"_s, config, u"--import-dashboard"_s, file}, home.path(), &out, &err),
             0);
    QVERIFY2(out.contains(panels.toUtf8()), out.constData());
    const QString saved = home.filePath(u"conf/dashboards/"_s + uid + u".json"_s);
    QVERIFY2(QFile::exists(saved), qPrintable(saved));
    QVERIFY(out.contains(saved.toUtf8()));
}

void TestImportDashboardCli::rejectsNonDashboard()
{
    QTemporaryDir home;
    const QString config = home.filePath(u"config.yaml"_s);
    QByteArray out, err;
    QCOMPARE(run({u"--config"_s, config, u"--import-dashboard"_s,
                  Stackscope::Test::testDataDir() + u"/metrics/targets.json"_s},
                 home.path(), &out, &err),
             1);
    QVERIFY2(err.contains("not a Grafana dashboard"), err.constData());
    QCOMPARE(run({u"--config"_s, config, u"--import-dashboard"_s, home.filePath(u"none.json"_s)},
                 home.path(), &out, &err),
             1);
    QVERIFY2(err.contains("cannot read"), err.constData());
    QVERIFY(!QFile::exists(home.filePath(u"dashboards"_s)));
}

QTEST_GUILESS_MAIN(TestImportDashboardCli)
#include "tst_importdashboardcli.moc"
