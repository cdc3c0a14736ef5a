// SPDX-License-Identifier: GPL-3.0-or-later
// `stackscope --validate-config`: output format, exit codes, and that it never writes the file.
#include "app/config/validateconfig.h"
#include "models/config/config.h"
#include "tests/support/fixtures.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace Stackscope;
using namespace Qt::StringLiterals;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(bytes) == bytes.size();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run validate(const QString &path)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = runValidateConfig(path, out, err);
    out.flush();
    err.flush();
    return run;
}

const QByteArray kBroken = "version: 1\n"
                           "endpoints:\n"
                           "  promethus:\n"
                           "    url: http://127.0.0.1:9091\n"
                           "refresh:\n"
                           "  status: 10\n";

} // namespace

class TestValidateConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validFile();
    void invalidFile();
    void pathIsPrintedAsGiven();
    void missingFile();
    void problemFormat();

private:
    QTemporaryDir m_dir;
};

void TestValidateConfig::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_dir.isValid());
}

void TestValidateConfig::validFile()
{
    const QString path = m_dir.filePath(u"valid.yaml"_s);
    const QByteArray bytes = "version: 1\nrefresh:\n  status: 20s\n";
    QVERIFY(writeFile(path, bytes));

    const Run run = validate(path);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, path + u": OK\n"_s);
    QCOMPARE(run.err, QString());
    QCOMPARE(Stackscope::Test::readFile(path), bytes);
}

void TestValidateConfig::invalidFile()
{
    const QString path = m_dir.filePath(u"broken.yaml"_s);
    QVERIFY(writeFile(path, kBroken));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const QDateTime past(QDate(2020, 1, 1), QTime(12, 0));
    QVERIFY(file.setFileTime(past, QFileDevice::FileModificationTime));
    file.close();

    const Run run = validate(path);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), path
                              + u":3:3: unknown key 'promethus' in 'endpoints' (did you mean "
                                "'prometheus'?)"_s);
    QCOMPARE(lines.at(1), path
                              + u":6:11: 'status' must be a duration such as 10s, not '10': a "
                                "duration needs a unit, e.g. 10s"_s);
    QVERIFY(run.err.endsWith(u'\n'));

    QCOMPARE(Stackscope::Test::readFile(path), kBroken);
    QCOMPARE(QFileInfo(path).fileTime(QFileDevice::FileModificationTime), past);
}

void TestValidateConfig::pathIsPrintedAsGiven()
{
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(m_dir.path()));
    QVERIFY(writeFile(u"relative.yaml"_s, "version: 1\n"));
    QVERIFY(writeFile(u"relative-broken.yaml"_s, kBroken));

    const Run good = validate(u"relative.yaml"_s);
    const Run bad = validate(u"./relative-broken.yaml"_s);
    QVERIFY(QDir::setCurrent(previous));

    QCOMPARE(good.exitCode, 0);
    QCOMPARE(good.out, u"relative.yaml: OK\n"_s);
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.startsWith(u"./relative-broken.yaml:3:3: unknown key"_s), qPrintable(bad.err));
}

void TestValidateConfig::missingFile()
{
    const QString path = m_dir.filePath(u"missing.yaml"_s);
    const Run run = validate(path);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.startsWith(path + u": cannot read the file"_s), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(path));
}

void TestValidateConfig::problemFormat()
{
    QCOMPARE((ConfigProblem{3, 12, u"bad"_s}).format(u"a.yaml"_s), u"a.yaml:3:12: bad"_s);
    QCOMPARE((ConfigProblem{7, 0, u"bad"_s}).format(u"a.yaml"_s), u"a.yaml:7: bad"_s);
    QCOMPARE((ConfigProblem{0, 0, u"unreadable"_s}).format(u"/x/a.yaml"_s),
             u"/x/a.yaml: unreadable"_s);
}

QTEST_GUILESS_MAIN(TestValidateConfig)
#include "tst_validateconfig.moc"
