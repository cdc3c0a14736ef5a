// SPDX-License-Identifier: GPL-3.0-or-later
// The YAML building blocks under the configuration loader, on a small format of their own:
// YamlDocument (yaml-cpp's repairs, positions in characters) and YamlReader (typed values,
// unknown keys with a guess).
#include "app/config/yamldocument.h"
#include "app/config/yamlreader.h"

#include <QDir>
#include <QLocale>
#include <QTest>

using namespace Stackscope;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// What a small made-up format read: a service with a name, a mode, a port, a timeout, a size
/// limit, a home page, a data folder and tags.
struct Service
{
    QString name;
    QString mode = u"auto"_s;
    int port = 80;
    bool enabled = true;
    std::chrono::milliseconds timeout{5000};
    qint64 limit = 1024;
    QUrl home;
    QString data;
    QStringList tags;
};

template<typename T>
void assign(T &field, const std::optional<T> &value)
{
    if (value)
        field = *value;
}

/// Reads `yaml` as that format; problems as "LINE:COLUMN: message".
QStringList read(const QByteArray &yaml, Service *service = nullptr)
{
    Service ignored;
    Service &out = service ? *service : ignored;
    YamlDocument document(yaml);
    if (document.parse() && !document.documents().empty()) {
        YamlReader reader(&document);
        reader.setBaseDir(u"/base"_s);
        reader.setPathVariable(u"@DATA@"_s, u"/var/data"_s);
        reader.refuseKeys({u"password"_s}, u"'%1' is refused"_s);
        static const QRegularExpression name(u"^[a-z]+\\z"_s);
        reader.forEachKey(
            document.documents().front(), u"service"_s,
            YamlReader::Keys{
                {u"name"_s,
                 [&](const YamlEntry &e) {
                     assign(out.name, reader.readMatching(e, name, u"bad name '%1'"_s));
                 }},
                {u"mode"_s,
                 [&](const YamlEntry &e) {
                     assign(out.mode,
                            reader.readChoice(e, {u"auto"_s, u"manual"_s}, u"bad mode '%1'"_s));
                 }},
                {u"port"_s,
                 [&](const YamlEntry &e) {
                     assign(out.port, reader.readInt(e, 1, 9));
                 }},
                {u"enabled"_s,
                 [&](const YamlEntry &e) {
                     assign(out.enabled, reader.readBool(e));
                 }},
                {u"timeout"_s,
                 [&](const YamlEntry &e) {
                     assign(out.timeout, reader.readDuration(e, 1s, u"at least 1s"_s));
                 }},
                {u"limit"_s,
                 [&](const YamlEntry &e) {
                     assign(out.limit, reader.readSize(e, 1024, u"at least 1KiB"_s));
                 }},
                {u"home"_s,
                 [&](const YamlEntry &e) {
                     assign(out.home, reader.readUrl(e));
                 }},
                {u"data"_s,
                 [&](const YamlEntry &e) {
                     assign(out.data, reader.readPath(e));
                 }},
                {u"tags"_s,
                 [&](const YamlEntry &e) {
                     assign(out.tags, reader.readTextList(e));
                 }},
            });
    }
    QStringList problems;
    for (const ConfigProblem &p : document.problems())
        problems << u"%1:%2: %3"_s.arg(p.line).arg(p.column).arg(p.message);
    return problems;
}

} // namespace

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }
    void readsEveryType();
    void problems_data();
    void problems();
    void problemsComeInFileOrder();
    void closestKey_data();
    void closestKey();
    void sizes_data();
    void sizes();
    void documentRepairs_data();
    void documentRepairs();
};

void TestYamlReader::readsEveryType()
{
    Service s;
    const QStringList problems
        = read("name: web\nmode: MANUAL\nport: 8\nenabled: False\ntimeout: 1m30s\nlimit: 2KiB\n"
               "home: https://example.test/x\ndata: '@DATA@/web'\ntags: [a, b]\n",
               &s);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(s.name, u"web"_s);
    QCOMPARE(s.mode, u"manual"_s); // the choice as listed
    QCOMPARE(s.port, 8);
    QCOMPARE(s.enabled, false);
    QCOMPARE(s.timeout.count(), 90'000);
    QCOMPARE(s.limit, 2048);
    QCOMPARE(s.home, QUrl(u"https://example.test/x"_s));
    QCOMPARE(s.data, u"/var/data/web"_s);
    QCOMPARE(s.tags, (QStringList{u"a"_s, u"b"_s}));

    // Relative paths against the base folder, `~` against $HOME; an empty value keeps the
    // default.
    QVERIFY(read("data: sub/../dir\nport:\n", &s).isEmpty());
    QCOMPARE(s.data, u"/base/dir"_s);
    QCOMPARE(s.port, 8);
    QVERIFY(read("data: ~/x\n", &s).isEmpty());
    QCOMPARE(s.data, QDir::homePath() + u"/x"_s);
}

void TestYamlReader::problems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("problem");

    QTest::newRow("unknown key with a guess")
        << QByteArray("prt: 3\n")
        << u"1:1: unknown key 'prt' in 'service' (did you mean 'port'?)"_s;
    QTest::newRow("unknown key, nothing close")
        << QByteArray("colour: red\n") << u"1:1: unknown key 'colour' in 'service'"_s;
    QTest::newRow("refused key, any case")
        << QByteArray("Password: x\n") << u"1:1: 'Password' is refused"_s;
    QTest::newRow("repeated key")
        << QByteArray("port: 2\nport: 3\n")
        << u"2:1: duplicate key 'port' in 'service' (first given on line 1)"_s;
    QTest::newRow("key not a name")
        << QByteArray("[a]: 1\n") << u"1:1: a key must be a plain name, not a list"_s;
    QTest::newRow("no match") << QByteArray("name: Web\n") << u"1:7: bad name 'Web'"_s;
    QTest::newRow("not a choice") << QByteArray("mode: fast\n") << u"1:7: bad mode 'fast'"_s;
    QTest::newRow("text, not a list")
        << QByteArray("name: [a]\n") << u"1:7: 'name' must be text, not a list"_s;
    QTest::newRow("out of range") << QByteArray("port: 10\n")
                                  << u"1:7: 'port' must be between 1 and 9, not 10"_s;
    QTest::newRow("not a number") << QByteArray("port: x\n")
                                  << u"1:7: 'port' must be a whole number, not 'x'"_s;
    QTest::newRow("not a flag") << QByteArray("enabled: yes\n")
                                << u"1:10: 'enabled' must be true or false, not 'yes'"_s;
    QTest::newRow("duration without unit")
        << QByteArray("timeout: 10\n")
        << u"1:10: 'timeout' must be a duration such as 10s, not '10': a duration needs a unit, "
           "e.g. 10s"_s;
    QTest::newRow("duration too short")
        << QByteArray("timeout: 10ms\n") << u"1:10: 'timeout' must be at least 1s, not '10ms'"_s;
    QTest::newRow("duration too long")
        << QByteArray("timeout: 25d\n") << u"1:10: 'timeout' is too long: at most 24d ('25d')"_s;
    QTest::newRow("size without unit")
        << QByteArray("limit: 4096\n")
        << u"1:8: 'limit' must be a size such as 64MiB, not '4096': a size needs a unit (B, KiB, "
           "MiB, GiB, KB, MB or GB)"_s;
    QTest::newRow("size too small")
        << QByteArray("limit: 1000B\n") << u"1:8: 'limit' must be at least 1KiB, not '1000B'"_s;
    QTest::newRow("url without scheme")
        << QByteArray("home: example.test\n")
        << u"1:7: 'home' must be an absolute http or https URL with a host, such as "
           "http://127.0.0.1:9090, not 'example.test'"_s;
    QTest::newRow("url with password")
        << QByteArray("home: http://u:p@example.test\n")
        << u"1:7: 'home' must not contain a user name or password: secrets are not stored in the "
           "file; use 'auth' with 'secret_env'"_s;
    QTest::newRow("empty list item")
        << QByteArray("tags: [a, '']\n")
        << u"1:11: each item of 'tags' must be non-empty text, not ''"_s;
    QTest::newRow("list, not text")
        << QByteArray("tags: a\n")
        << u"1:7: expected a list for 'tags', such as [\"a\", \"b\"], not 'a'"_s;
    QTest::newRow("columns count characters")
        << QByteArray("tags: [\xc3\xa9\xc3\xa9, '']\n")
        << u"1:12: each item of 'tags' must be non-empty text, not ''"_s;
}

void TestYamlReader::problems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, problem);
    QCOMPARE(read(yaml), QStringList{problem});
}

void TestYamlReader::problemsComeInFileOrder()
{
    // Reported as found (a key's handler may report before an earlier key), listed by position.
    YamlDocument document("a: 1\nb: 2\n");
    QVERIFY(document.parse());
    document.addProblem(document.documents().front()["b"].Mark(), u"second"_s);
    document.addProblem(YAML::Mark::null_mark(), u"nowhere"_s);
    document.addProblem(document.documents().front()["a"].Mark(), u"first"_s);
    const QList<ConfigProblem> problems = document.problems();
    QCOMPARE(problems.size(), 3);
    QCOMPARE(problems.at(0).message, u"nowhere"_s);
    QCOMPARE(problems.at(0).line, 0);
    QCOMPARE(problems.at(1).message, u"first"_s);
    QCOMPARE(problems.at(1).line, 1);
    QCOMPARE(problems.at(1).column, 4);
    QCOMPARE(problems.at(2).message, u"second"_s);
    QCOMPARE(problems.at(2).line, 2);
}

void TestYamlReader::closestKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("guess");
    QTest::newRow("one letter off, short key") << u"uri"_s << u"url"_s;
    QTest::newRow("two off, short key") << u"xyl"_s << QString();
    QTest::newRow("case is not a typo") << u"TimeOut"_s << u"timeout"_s;
    QTest::newRow("two off, medium key") << u"timeuot"_s << u"timeout"_s;
    QTest::newRow("three off, long key") << u"endpointzzz"_s << u"endpoints"_s;
    QTest::newRow("four off, long key") << u"endpointzzzz"_s << QString();
    QTest::newRow("nothing near") << u"colour"_s << QString();
}

void TestYamlReader::closestKey()
{
    QFETCH(QString, key);
    QFETCH(QString, guess);
    QCOMPARE(YamlReader::closestKey(key, {u"url"_s, u"timeout"_s, u"endpoints"_s}), guess);
}

void TestYamlReader::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1 refused, -2 refused for a missing unit
    QTest::newRow("64MiB") << u"64MiB"_s << qint64(64) * 1024 * 1024;
    QTest::newRow("lowercase") << u"1kib"_s << qint64(1024);
    QTest::newRow("decimal") << u"1.5KB"_s << qint64(1500);
    QTest::newRow("space") << u" 8 GB "_s << qint64(8'000'000'000);
    QTest::newRow("bytes") << u"10B"_s << qint64(10);
    QTest::newRow("no unit") << u"10"_s << qint64(-2);
    QTest::newRow("terabytes") << u"1TB"_s << qint64(-1);
    QTest::newRow("negative") << u"-1B"_s << qint64(-1);
    QTest::newRow("too large") << u"99999999999GiB"_s << qint64(-1);
}

void TestYamlReader::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    bool needsUnit = true;
    const auto size = YamlReader::parseSize(text, &needsUnit);
    QCOMPARE(size.value_or(-1), bytes < 0 ? -1 : bytes);
    QCOMPARE(needsUnit, bytes == -2);
}

void TestYamlReader::documentRepairs_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("problem");
    QTest::newRow("tab in the indentation")
        << QByteArray("a:\n\tb: 1\n") << u"2:1: a tab is used for indentation"_s;
    QTest::newRow("unclosed bracket")
        << QByteArray("a: 1\nb: [1, 2\n") << u"2:4: YAML syntax error"_s;
    QTest::newRow("unterminated quote")
        << QByteArray("a: \"x\nb: 1\n")
        << u"1:4: unterminated string: the closing \" is missing on this line"_s;
    QTest::newRow("lone comma (yaml-cpp 0.7 loops forever)")
        << QByteArray(",") << u"1:1: YAML syntax error"_s;
    QTest::newRow("byte-order mark is not a column") << QByteArray("\xEF\xBB\xBF"
                                                                   "a: \"x\n")
                                                     << u"1:4: unterminated string"_s;
}

void TestYamlReader::documentRepairs()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, problem);
    YamlDocument document(yaml);
    QVERIFY(!document.parse());
    QVERIFY(document.documents().empty());
    const QList<ConfigProblem> problems = document.problems();
    QCOMPARE(problems.size(), 1);
    const QString actual = u"%1:%2: %3"_s.arg(problems.first().line)
                               .arg(problems.first().column)
                               .arg(problems.first().message);
    QVERIFY2(actual.startsWith(problem), qPrintable(actual));
}

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yamlreader.moc"
