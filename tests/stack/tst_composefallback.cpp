// SPDX-License-Identifier: GPL-3.0-or-later
// The compose-file fallback parser (ComposeFile, DotEnv) against compose v2's rules: interpolation,
// .env, COMPOSE_FILE and COMPOSE_PROFILES, merge keys, extends, include (multi-folder projects in
// a temporary folder: docker-compose 1.29 has no include to compare with), ports, volumes,
// commands, several files, errors; on real public compose files; and, where docker-compose 1.29
// resolves a file offline, against its `config` output. No docker daemon is needed.
#include "app/compose/composefile.h"
#include "app/compose/dotenv.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;
using namespace Stackscope;

using Pairs = QList<std::pair<QString, QString>>;
Q_DECLARE_METATYPE(Pairs)

namespace {

QString publicDir(const QString &name)
{
    return Test::testDataDir() + u"/stack/public/"_s + name;
}

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    f.write(text);
}

/// A clean environment (the test's own must not leak in) with `vars` added.
QProcessEnvironment env(const QStringList &vars = {})
{
    QProcessEnvironment e;
    e.insert(u"HOME"_s, u"/home/tester"_s);
    for (const QString &v : vars)
        e.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
    return e;
}

ComposeFile resolveIn(const QString &dir, const QStringList &files, const QStringList &vars = {},
                      const QStringList &profiles = {}, const QString &envFile = {})
{
    ComposeInputs in;
    for (const QString &f : files)
        in.files << QDir(dir).filePath(f);
    in.environment = env(vars);
    in.profiles = profiles;
    in.envFile = envFile;
    in.workingDirectory = dir;
    return ComposeFile::resolve(in);
}

const ComposeService *service(const ComposeFile &f, const QString &name)
{
    for (const ComposeService &s : f.allServices) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList mountSources(const ComposeService *s)
{
    QStringList out;
    for (const ServiceMount &m : s ? s->mounts : QList<ServiceMount>())
        out << m.source;
    return out;
}

QStringList names(const QList<ComposeService> &services)
{
    QStringList out;
    for (const ComposeService &s : services)
        out << s.name;
    return out;
}

PublishedPort port(const QString &ip, int host, int hostEnd, int target, int targetEnd,
                   const QString &protocol = u"tcp"_s)
{
    PublishedPort p;
    p.hostIp = ip;
    p.hostPort = host;
    p.hostPortEnd = hostEnd;
    p.containerPort = target;
    p.containerPortEnd = targetEnd;
    p.protocol = protocol;
    return p;
}

/// "ip:published:target/protocol" for each single port (ranges expanded), docker-compose 1.29's
/// unit, sorted.
QStringList portUnits(const QList<PublishedPort> &ports)
{
    QStringList out;
    for (const PublishedPort &p : ports) {
        for (int i = 0; i <= p.containerPortEnd - p.containerPort; ++i) {
            const int host = p.hostPort > 0 ? p.hostPort + i : 0;
            out << u"%1:%2:%3/%4"_s.arg(p.hostIp, host > 0 ? QString::number(host) : QString())
                       .arg(p.containerPort + i)
                       .arg(p.protocol);
        }
    }
    out.sort();
    return out;
}

QString docker_compose()
{
    return QStandardPaths::findExecutable(u"docker-compose"_s);
}

/// Image and port units of every service as `docker-compose -f FILE config` (1.29) resolves
/// them; empty with `error` set when it refuses.
QHash<QString, std::pair<QString, QStringList>>
composeConfig(const QString &dir, const QString &file, const QStringList &vars, QString *error)
{
    QHash<QString, std::pair<QString, QStringList>> out;
    QProcess p;
    QProcessEnvironment e = env(vars);
    e.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    p.setProcessEnvironment(e);
    p.setWorkingDirectory(dir);
    p.start(docker_compose(), {u"-f"_s, file, u"config"_s});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QString::fromUtf8(p.readAllStandardError());
        return out;
    }
    const YAML::Node root = YAML::Load(p.readAllStandardOutput().toStdString());
    for (const auto &kv : root["services"]) {
        const YAML::Node s = kv.second;
        QStringList units;
        if (s["ports"]) {
            for (const YAML::Node &port : s["ports"]) {
                if (port.IsScalar()) { // "127.0.0.1:8081:81/tcp", how 1.29 prints a host IP
                    const QString spec = QString::fromStdString(port.Scalar());
                    const QString proto = spec.section(u'/', 1);
                    const QStringList parts = spec.section(u'/', 0, 0).split(u':');
                    units << u"%1:%2:%3/%4"_s.arg(parts.mid(0, parts.size() - 2).join(u':'),
                                                  parts.value(parts.size() - 2), parts.last(),
                                                  proto.isEmpty() ? u"tcp"_s : proto);
                    continue;
                }
                auto text = [&](const char *key) {
                    return port[key] ? QString::fromStdString(port[key].as<std::string>())
                                     : QString();
                };
                units << u"%1:%2:%3/%4"_s.arg(text("host_ip"), text("published"), text("target"),
                                              port["protocol"] ? text("protocol") : u"tcp"_s);
            }
        }
        units.sort();
        out.insert(
            QString::fromStdString(kv.first.as<std::string>()),
            {s["image"] ? QString::fromStdString(s["image"].as<std::string>()) : QString(), units});
    }
    return out;
}

/// The first ```yaml block of a seed document that declares services.
QByteArray composeBlock(const QByteArray &markdown)
{
    const QList<QByteArray> lines = markdown.split('\n');
    QByteArray block;
    bool inside = false;
    for (const QByteArray &line : lines) {
        if (!inside && line.startsWith("```yaml")) {
            inside = true;
            block.clear();
        } else if (inside && line.startsWith("```")) {
            inside = false;
            if (block.contains("\nservices:"))
                return block;
        } else if (inside) {
            block += line + '\n';
        }
    }
    return {};
}

} // namespace

class TestComposeFallback : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void interpolation_data();
    void interpolation();
    void interpolationInFiles();
    void requiredVariableError();
    void dotenv_data();
    void dotenv();
    void dotenvLoad();
    void environmentPrecedence();
    void composeFileAndProfiles();
    void mergeKeys();
    void extendsSameFile();
    void extendsOtherFile();
    void extendsCycle();
    void topLevel();
    void ports_data();
    void ports();
    void volumes();
    void command_data();
    void command();
    void severalFiles();
    void includeShortForm();
    void includeLongForm();
    void includeNested();
    void includeExtends();
    void includeConflict();
    void includeCycle();
    void includeErrors_data();
    void includeErrors();
    void errors_data();
    void errors();
    void hostile_data();
    void hostile();
    void publicAirflow();
    void publicIris();
    void publicOtelDemo();
    void publicWhoami();
    void seeds();
    void againstDockerCompose_data();
    void againstDockerCompose();
};

void TestComposeFallback::interpolation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("unset");

    // Environment of every row: SET=value, EMPTY set to "", UNSET not set.
    const QStringList none;
    QTest::newRow("plain") << u"no variables"_s << u"no variables"_s << QString() << none;
    QTest::newRow("$VAR") << u"a $SET b"_s << u"a value b"_s << QString() << none;
    QTest::newRow("$VAR stops at a dot") << u"$SET.x"_s << u"value.x"_s << QString() << none;
    QTest::newRow("${VAR}") << u"${SET}x"_s << u"valuex"_s << QString() << none;
    QTest::newRow("unset is empty, noted")
        << u"[${UNSET}]"_s << u"[]"_s << QString() << QStringList{u"UNSET"_s};
    QTest::newRow("$$ literal") << u"$$SET $${SET}"_s << u"$SET ${SET}"_s << QString() << none;
    QTest::newRow("lone $ stays") << u"cost $5 and $ and $-"_s << u"cost $5 and $ and $-"_s
                                  << QString() << none;
    QTest::newRow(":- unset") << u"${UNSET:-def}"_s << u"def"_s << QString() << none;
    QTest::newRow(":- empty") << u"${EMPTY:-def}"_s << u"def"_s << QString() << none;
    QTest::newRow(":- set") << u"${SET:-def}"_s << u"value"_s << QString() << none;
    QTest::newRow("- unset") << u"${UNSET-def}"_s << u"def"_s << QString() << none;
    QTest::newRow("- empty") << u"${EMPTY-def}"_s << QString() << QString() << none;
    QTest::newRow(":- empty default") << u"${UNSET:-}"_s << QString() << QString() << none;
    QTest::newRow("default with colons")
        << u"${UNSET:-http://h:80/x}"_s << u"http://h:80/x"_s << QString() << none;
    QTest::newRow(":+ set") << u"${SET:+alt}"_s << u"alt"_s << QString() << none;
    QTest::newRow(":+ empty") << u"${EMPTY:+alt}"_s << QString() << QString() << none;
    QTest::newRow(":+ unset") << u"${UNSET:+alt}"_s << QString() << QString() << none;
    QTest::newRow("+ empty") << u"${EMPTY+alt}"_s << u"alt"_s << QString() << none;
    QTest::newRow("+ unset") << u"${UNSET+alt}"_s << QString() << QString() << none;
    QTest::newRow("nested defaults")
        << u"${UNSET:-${ALSO_UNSET:-x}}"_s << u"x"_s << QString() << QStringList{};
    QTest::newRow("nested default taken")
        << u"${UNSET:-${SET}}/y"_s << u"value/y"_s << QString() << none;
    QTest::newRow("two in a row") << u"${SET:-a}${UNSET:-b}$SET"_s << u"valuebvalue"_s << QString()
                                  << none;
    QTest::newRow(":? set") << u"${SET:?need it}"_s << u"value"_s << QString() << none;
    QTest::newRow(":? empty") << u"${EMPTY:?need it}"_s << QString()
                              << u"required variable EMPTY is missing a value: need it"_s << none;
    QTest::newRow("? empty is fine") << u"${EMPTY?need it}"_s << QString() << QString() << none;
    QTest::newRow("? unset") << u"${UNSET?}"_s << QString()
                             << u"required variable UNSET is missing a value"_s << none;
    QTest::newRow("message interpolated")
        << u"${UNSET:?set it in ${SET}}"_s << QString()
        << u"required variable UNSET is missing a value: set it in value"_s << none;
    QTest::newRow("unclosed") << u"${SET"_s << QString() << u"invalid interpolation format"_s
                              << none;
    QTest::newRow("bad name") << u"${1X}"_s << QString() << u"invalid interpolation format"_s
                              << none;
    QTest::newRow("empty braces") << u"${}"_s << QString() << u"invalid interpolation format"_s
                                  << none;
    QTest::newRow("unknown operator")
        << u"${SET:x}"_s << QString() << u"invalid interpolation format"_s << none;
}

void TestComposeFallback::interpolation()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    QFETCH(QStringList, unset);
    const DotEnv::Lookup lookup = [](const QString &name) -> std::optional<QString> {
        if (name == u"SET"_s)
            return u"value"_s;
        if (name == u"EMPTY"_s)
            return QString();
        return std::nullopt;
    };
    QString out, problem;
    QStringList noted;
    const bool ok = DotEnv::interpolate(text, lookup, &out, &problem, &noted);
    if (!error.isEmpty()) {
        QVERIFY(!ok);
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        return;
    }
    QVERIFY2(ok, qPrintable(problem));
    QCOMPARE(out, expected);
    if (!unset.isEmpty())
        QCOMPARE(noted, unset);
}

void TestComposeFallback::interpolationInFiles()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s),
          "name: ${PROJECT:-demo}\n"
          "x-base: &base\n"
          "  image: ${REGISTRY}/app:${TAG:-latest}\n"
          "services:\n"
          "  ${NOT_A_KEY}:\n"
          "    <<: *base\n"
          "    container_name: c-$$HOME\n"
          "    ports: [\"${PORT:-8080}:80\"]\n"
          "    labels: {stackscope.url: \"http://127.0.0.1:${PORT:-8080}/\"}\n");
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s}, {u"REGISTRY=r.io"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.name, u"demo"_s);
    QCOMPARE(names(f.services), QStringList{u"${NOT_A_KEY}"_s}); // keys are not interpolated
    const ComposeService &s = f.services.first();
    QCOMPARE(s.image, u"r.io/app:latest"_s);
    QCOMPARE(s.containerName, u"c-$HOME"_s);
    QCOMPARE(s.hostPorts, QList<int>{8080});
    QCOMPARE(s.url, u"http://127.0.0.1:8080/"_s);
    QVERIFY(f.warnings.isEmpty());

    const ComposeFile g
        = resolveIn(dir.path(), {u"compose.yaml"_s}, {u"TAG=1.2"_s, u"PORT=9000"_s});
    QVERIFY2(g.ok(), qPrintable(g.error));
    QCOMPARE(g.services.first().image, u"/app:1.2"_s);
    QCOMPARE(g.services.first().hostPorts, QList<int>{9000});
    // compose's own warning, once per variable.
    QCOMPARE(g.warnings,
             QStringList{u"The \"REGISTRY\" variable is not set. Defaulting to a blank string."_s});
}

void TestComposeFallback::requiredVariableError()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s), "services:\n"
                                           "  db:\n"
                                           "    image: postgres\n"
                                           "    volumes:\n"
                                           "      - ${DATA_DIR:?set the data folder in .env}:/d\n");
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"compose.yaml"_s) + u":5:9: "_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"required variable DATA_DIR is missing a value: set the data folder "
                              "in .env"_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"services.db.volumes"_s), qPrintable(f.error));
    QVERIFY2(f.error.contains(u"set DATA_DIR"_s), qPrintable(f.error));
    QVERIFY(f.services.isEmpty());

    write(dir.filePath(u".env"_s), "DATA_DIR=./data\n");
    const ComposeFile g = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY2(g.ok(), qPrintable(g.error));
    QCOMPARE(g.services.first().mounts.first().source, dir.filePath(u"data"_s));
}

void TestComposeFallback::dotenv_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Pairs>("expected");
    QTest::addColumn<QString>("error");

    using P = std::pair<QString, QString>;
    QTest::newRow("basic, comments, blank lines")
        << QByteArray("# comment\n\nA=1\n  B = two  \n#C=3\n")
        << Pairs{P{u"A"_s, u"1"_s}, P{u"B"_s, u"two"_s}} << QString();
    QTest::newRow("export prefix") << QByteArray("export A=1\nexport\tB=2\n")
                                   << Pairs{P{u"A"_s, u"1"_s}, P{u"B"_s, u"2"_s}} << QString();
    QTest::newRow("inline comment needs a space")
        << QByteArray("A=x #comment\nB=x#not\n") << Pairs{P{u"A"_s, u"x"_s}, P{u"B"_s, u"x#not"_s}}
        << QString();
    QTest::newRow("single quotes are literal")
        << QByteArray("A='$HOME ${X} \\n # no comment'\n")
        << Pairs{P{u"A"_s, u"$HOME ${X} \\n # no comment"_s}} << QString();
    QTest::newRow("double quotes escape")
        << QByteArray("A=\"line1\\nline2 \\\"q\\\" \\$X \\\\n\"\n")
        << Pairs{P{u"A"_s, u"line1\nline2 \"q\" $X \\n"_s}} << QString();
    QTest::newRow("double quotes span lines")
        << QByteArray("A=\"one\ntwo\"\nB=3\n") << Pairs{P{u"A"_s, u"one\ntwo"_s}, P{u"B"_s, u"3"_s}}
        << QString();
    QTest::newRow("interpolation from earlier lines and environment")
        << QByteArray("PORT=80\nADDR=web:${PORT}\nQ=\"${ENVVAR}-${NOPE:-d}\"\nS='${PORT}'\n")
        << Pairs{P{u"PORT"_s, u"80"_s}, P{u"ADDR"_s, u"web:80"_s}, P{u"Q"_s, u"fromenv-d"_s},
                 P{u"S"_s, u"${PORT}"_s}}
        << QString();
    QTest::newRow("environment wins inside .env")
        << QByteArray("ENVVAR=mine\nX=${ENVVAR}\n")
        << Pairs{P{u"ENVVAR"_s, u"mine"_s}, P{u"X"_s, u"fromenv"_s}} << QString();
    QTest::newRow("empty value") << QByteArray("A=\nB=\"\"\n")
                                 << Pairs{P{u"A"_s, QString()}, P{u"B"_s, QString()}} << QString();
    QTest::newRow("yaml style and bare key from environment")
        << QByteArray("A: 1\nENVVAR\nMISSING\n")
        << Pairs{P{u"A"_s, u"1"_s}, P{u"ENVVAR"_s, u"fromenv"_s}} << QString();
    QTest::newRow("crlf and bom") << QByteArray("\xef\xbb\xbf"
                                                "A=1\r\nB=2\r\n")
                                  << Pairs{P{u"A"_s, u"1"_s}, P{u"B"_s, u"2"_s}} << QString();
    QTest::newRow("repeated key kept in order")
        << QByteArray("A=1\nA=2\n") << Pairs{P{u"A"_s, u"1"_s}, P{u"A"_s, u"2"_s}} << QString();
    QTest::newRow("no trailing newline")
        << QByteArray("A=1") << Pairs{P{u"A"_s, u"1"_s}} << QString();
    QTest::newRow("bad character") << QByteArray("A=1\nB$=2\n") << Pairs{P{u"A"_s, u"1"_s}}
                                   << u"line 2: unexpected character \"$\""_s;
    QTest::newRow("space in key") << QByteArray("MY KEY=1\n") << Pairs{}
                                  << u"line 1: key cannot contain a space"_s;
    QTest::newRow("unterminated quote")
        << QByteArray("A=1\n\nB=\"open\n") << Pairs{P{u"A"_s, u"1"_s}}
        << u"line 3: unterminated quoted value"_s;
    QTest::newRow("required in .env")
        << QByteArray("A=${NOPE:?tell me}\n") << Pairs{} << u"line 1: required variable NOPE"_s;
}

void TestComposeFallback::dotenv()
{
    QFETCH(QByteArray, text);
    QFETCH(Pairs, expected);
    QFETCH(QString, error);
    QProcessEnvironment e;
    e.insert(u"ENVVAR"_s, u"fromenv"_s);
    QStringList errors;
    const Pairs got = DotEnv::parse(text, e, &errors);
    QCOMPARE(got, expected);
    if (error.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    } else {
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(error), qPrintable(errors.first()));
    }
}

void TestComposeFallback::dotenvLoad()
{
    QTemporaryDir dir;
    write(dir.filePath(u"ok.env"_s), "COMPOSE_PROJECT_NAME=shop\nX=1\nX=2\n");
    QString error;
    const QHash<QString, QString> vars = DotEnv::load(dir.filePath(u"ok.env"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(vars.value(u"COMPOSE_PROJECT_NAME"_s), u"shop"_s);
    QCOMPARE(vars.value(u"X"_s), u"2"_s); // the last one wins

    write(dir.filePath(u"bad.env"_s), "A=1\nB C=2\n");
    QVERIFY(DotEnv::load(dir.filePath(u"bad.env"_s), &error).isEmpty());
    QCOMPARE(error, dir.filePath(u"bad.env"_s) + u":2: key cannot contain a space"_s);
    QVERIFY(DotEnv::load(dir.filePath(u"missing.env"_s), &error).isEmpty());
    QVERIFY2(error.startsWith(dir.filePath(u"missing.env"_s) + u": "_s), qPrintable(error));
    QVERIFY(DotEnv::load(dir.path(), &error).isEmpty());
    QVERIFY2(error.contains(u"not a regular file"_s), qPrintable(error));
}

void TestComposeFallback::environmentPrecedence()
{
    QTemporaryDir dir;
    write(dir.filePath(u"app/compose.yaml"_s),
          "services:\n  web:\n    image: \"${IMAGE}:${TAG}\"\n");
    write(dir.filePath(u"app/.env"_s), "IMAGE=from-dotenv\nTAG=1\n");
    write(dir.filePath(u"other.env"_s), "IMAGE=from-envfile\n");
    // .env in the first file's folder, not the working folder.
    ComposeFile f = resolveIn(dir.path(), {u"app/compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().image, u"from-dotenv:1"_s);
    QVERIFY(f.sources.contains(dir.filePath(u"app/.env"_s)));
    // The environment wins over .env.
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s}, {u"TAG=2"_s});
    QCOMPARE(f.services.first().image, u"from-dotenv:2"_s);
    // An explicit env file replaces .env (TAG is no longer set).
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s}, {}, {}, dir.filePath(u"other.env"_s));
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().image, u"from-envfile:"_s);
    QVERIFY(f.warnings.first().contains(u"\"TAG\""_s));
    // A missing explicit env file is an error that names it.
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s}, {}, {}, dir.filePath(u"nope.env"_s));
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"nope.env"_s) + u":0:0:"_s), qPrintable(f.error));
    // A broken .env is an error at its line.
    write(dir.filePath(u"app/.env"_s), "IMAGE=x\nTAG=\"open\n");
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"app/.env"_s) + u":2:1:"_s), qPrintable(f.error));
}

void TestComposeFallback::composeFileAndProfiles()
{
    QTemporaryDir dir;
    write(dir.filePath(u"base.yml"_s), "services:\n"
                                       "  web: {image: web}\n"
                                       "  debug: {image: busybox, profiles: [debug]}\n"
                                       "  trace: {image: jaeger, profiles: [tracing, all]}\n");
    write(dir.filePath(u"local.yml"_s), "services:\n  web: {image: web-local}\n");
    // COMPOSE_FILE and COMPOSE_PROFILES from .env in the working folder.
    write(dir.filePath(u".env"_s), "COMPOSE_FILE=base.yml:local.yml\nCOMPOSE_PROFILES=debug\n");
    ComposeFile f = resolveIn(dir.path(), {});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().image, u"web-local"_s);
    QCOMPARE(names(f.services), (QStringList{u"web"_s, u"debug"_s}));
    QCOMPARE(names(f.allServices), (QStringList{u"web"_s, u"debug"_s, u"trace"_s}));
    QCOMPARE(f.activeProfiles, QStringList{u"debug"_s});
    // The environment wins over .env; profiles are comma separated.
    f = resolveIn(dir.path(), {},
                  {u"COMPOSE_FILE=base.yml"_s, u"COMPOSE_PROFILES=tracing, debug"_s});
    QCOMPARE(f.services.first().image, u"web"_s);
    QCOMPARE(names(f.services), (QStringList{u"web"_s, u"debug"_s, u"trace"_s}));
    QCOMPARE(f.activeProfiles, (QStringList{u"tracing"_s, u"debug"_s}));
    // Explicit files and profiles win over both.
    f = resolveIn(dir.path(), {u"base.yml"_s}, {}, {u"all"_s});
    QCOMPARE(names(f.services), (QStringList{u"web"_s, u"trace"_s}));
    f = resolveIn(dir.path(), {u"base.yml"_s}, {}, {u"*"_s});
    QCOMPARE(f.services.size(), 3);
    // Without any, compose.yaml and its override in the working folder.
    QFile::remove(dir.filePath(u".env"_s));
    write(dir.filePath(u"compose.yaml"_s), "services:\n  a: {image: one}\n");
    write(dir.filePath(u"compose.override.yaml"_s), "services:\n  a: {image: two}\n");
    f = resolveIn(dir.path(), {});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().image, u"two"_s);
    // load() keeps every service: its callers filter with active().
    f = ComposeFile::load({dir.filePath(u"base.yml"_s)});
    QCOMPARE(f.services.size(), 3);
}

void TestComposeFallback::mergeKeys()
{
    const QByteArray yaml = "x-a: &a\n"
                            "  image: a\n"
                            "  container_name: from-a\n"
                            "  ports: [\"1000:1000\"]\n"
                            "  labels: &labels\n"
                            "    stackscope.url: http://a/\n"
                            "x-b: &b\n"
                            "  image: b\n"
                            "  network_mode: host\n"
                            "  command: from-b\n"
                            "services:\n"
                            "  one:\n"
                            "    <<: *a\n"
                            "    image: explicit\n"
                            "  two:\n"
                            "    <<: [*b, *a]\n"
                            "  three:\n"
                            "    <<: [*a, *b]\n"
                            "    labels:\n"
                            "      <<: *labels\n"
                            "      other: x\n"
                            "  four:\n"
                            "    image: deep\n"
                            "    healthcheck:\n"
                            "      <<: {test: [\"NONE\"]}\n"
                            "  quoted:\n"
                            "    \"<<\": not a merge\n"
                            "    image: q\n";
    const ComposeFile f = ComposeFile::parse(yaml, u"m.yml"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    const ComposeService *one = service(f, u"one"_s);
    QCOMPARE(one->image, u"explicit"_s); // explicit keys win
    QCOMPARE(one->containerName, u"from-a"_s);
    QCOMPARE(one->hostPorts, QList<int>{1000});
    const ComposeService *two = service(f, u"two"_s);
    QCOMPARE(two->image, u"b"_s); // earlier in the list wins
    QCOMPARE(two->networkMode, u"host"_s);
    QCOMPARE(two->containerName, u"from-a"_s);
    QCOMPARE(two->command, QStringList{u"from-b"_s});
    const ComposeService *three = service(f, u"three"_s);
    QCOMPARE(three->image, u"a"_s);
    QCOMPARE(three->url, u"http://a/"_s); // at any depth
    QCOMPARE(service(f, u"four"_s)->hasHealthcheck, false);
    QCOMPARE(service(f, u"quoted"_s)->image, u"q"_s);

    const ComposeFile bad
        = ComposeFile::parse("x: &s scalar\nservices:\n  a:\n    <<: *s\n", u"m.yml"_s);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.startsWith(u"m.yml:4:"_s), qPrintable(bad.error));
    QVERIFY2(bad.error.contains(u"merge key"_s), qPrintable(bad.error));
}

void TestComposeFallback::extendsSameFile()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s), "services:\n"
                                           "  base:\n"
                                           "    image: base:${TAG:-1}\n"
                                           "    command: [\"serve\", \"--base\"]\n"
                                           "    ports: [\"8080:80\", \"9000:9000\"]\n"
                                           "    volumes: [\"./a:/a\", \"./b:/b:ro\"]\n"
                                           "    labels: [stackscope.url=http://base/]\n"
                                           "    environment: {A: 1}\n"
                                           "  mid:\n"
                                           "    extends: base\n"
                                           "    ports: [\"8080:80\", \"8081:81\"]\n"
                                           "    volumes: [\"./c:/b\"]\n"
                                           "  web:\n"
                                           "    extends: {service: mid}\n"
                                           "    image: web\n"
                                           "    command: run\n"
                                           "    labels: {other: y}\n");
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    const ComposeService *web = service(f, u"web"_s);
    QVERIFY(web);
    QCOMPARE(web->image, u"web"_s);                // scalars override
    QCOMPARE(web->command, QStringList{u"run"_s}); // command replaces, not appends
    // ports appended, the duplicate dropped; volumes merged by target (later wins, same place).
    QCOMPARE(web->hostPorts, (QList<int>{8080, 9000, 8081}));
    QCOMPARE(web->mounts.size(), 2);
    QCOMPARE(web->mounts.at(1).source, dir.filePath(u"c"_s));
    QCOMPARE(web->mounts.at(1).target, u"/b"_s);
    QCOMPARE(web->mounts.at(1).readOnly, false);
    QCOMPARE(web->url, u"http://base/"_s); // labels merged, list and map forms
    QCOMPARE(service(f, u"mid"_s)->image, u"base:1"_s);
    QCOMPARE(service(f, u"base"_s)->command, (QStringList{u"serve"_s, u"--base"_s}));

    write(dir.filePath(u"missing.yaml"_s), "services:\n  a:\n    extends: nope\n");
    const ComposeFile g = resolveIn(dir.path(), {u"missing.yaml"_s});
    QVERIFY(!g.ok());
    QVERIFY2(g.error.contains(u":3:14: cannot extend service a: service nope not found"_s),
             qPrintable(g.error));
}

void TestComposeFallback::extendsOtherFile()
{
    QTemporaryDir dir;
    write(dir.filePath(u"project/compose.yaml"_s),
          "services:\n"
          "  api:\n"
          "    extends: {file: ../common/services.yml, service: app}\n"
          "    volumes: [\"./local:/local\"]\n"
          "    environment: [MODE=api]\n");
    write(dir.filePath(u"common/services.yml"_s),
          "services:\n"
          "  root:\n"
          "    image: ${IMAGE:-root}\n"
          "    volumes: [\"./shared:/shared:ro\", {type: bind, source: conf, target: /conf}]\n"
          "  app:\n"
          "    extends: {file: more/deeper.yml, service: deep}\n"
          "    ports: [\"127.0.0.1:5000:5000\"]\n");
    write(dir.filePath(u"common/more/deeper.yml"_s),
          "services:\n  deep:\n    extends: {file: ../services.yml, service: root}\n"
          "    entrypoint: [\"/init\"]\n"
          "    volumes: [\"./deep:/deep\"]\n");
    const ComposeFile f = resolveIn(dir.path(), {u"project/compose.yaml"_s}, {u"IMAGE=img"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services), QStringList{u"api"_s}); // extended services are not part of it
    const ComposeService &api = f.services.first();
    QCOMPARE(api.image, u"img"_s);
    QCOMPARE(api.entrypoint, QStringList{u"/init"_s});
    QCOMPARE(api.ports, QList<PublishedPort>{port(u"127.0.0.1"_s, 5000, 5000, 5000, 5000)});
    // Relative paths of an extended file are relative to that file.
    QStringList sources;
    for (const ServiceMount &m : api.mounts)
        sources << m.source;
    QCOMPARE(sources,
             (QStringList{dir.filePath(u"common/shared"_s), dir.filePath(u"common/conf"_s),
                          dir.filePath(u"common/more/deep"_s), dir.filePath(u"project/local"_s)}));
    QVERIFY(f.sources.contains(dir.filePath(u"common/more/deeper.yml"_s)));

    write(dir.filePath(u"project/broken.yaml"_s),
          "services:\n  api:\n    extends: {file: nowhere.yml, service: app}\n");
    const ComposeFile g = resolveIn(dir.path(), {u"project/broken.yaml"_s});
    QVERIFY(!g.ok());
    QVERIFY2(g.error.startsWith(dir.filePath(u"project/broken.yaml"_s) + u":3:14: "_s),
             qPrintable(g.error));
    QVERIFY2(g.error.contains(u"nowhere.yml"_s), qPrintable(g.error));
}

void TestComposeFallback::extendsCycle()
{
    QTemporaryDir dir;
    write(dir.filePath(u"a.yml"_s), "services:\n"
                                    "  web:\n"
                                    "    extends: {file: b.yml, service: base}\n");
    write(dir.filePath(u"b.yml"_s), "services:\n"
                                    "  base:\n"
                                    "    extends: {file: a.yml, service: web}\n");
    const ComposeFile f = resolveIn(dir.path(), {u"a.yml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.contains(u"circular extends: web (a.yml) → base (b.yml) → web (a.yml)"_s),
             qPrintable(f.error));
    const ComposeFile self = ComposeFile::parse("services:\n  a: {extends: a}\n", u"s.yml"_s);
    QVERIFY(!self.ok());
    QVERIFY2(self.error.startsWith(u"s.yml:2:"_s), qPrintable(self.error));
    QVERIFY2(self.error.contains(u"circular extends"_s), qPrintable(self.error));
}

void TestComposeFallback::topLevel()
{
    // Several YAML documents in one file merge in order, errors at the file's own line.
    const ComposeFile docs = ComposeFile::parse("# comment\n---\nservices:\n  a: {image: one}\n"
                                                "--- \nservices:\n  a: {image: two}\n"
                                                "  b: {image: b}\n",
                                                u"d.yml"_s);
    QVERIFY2(docs.ok(), qPrintable(docs.error));
    QCOMPARE(names(docs.services), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(docs.services.first().image, u"two"_s);
    const ComposeFile second
        = ComposeFile::parse("services: {a: {}}\n---\nservices:\n  b: [unclosed\n", u"d.yml"_s);
    QVERIFY(!second.ok());
    QVERIFY2(second.error.startsWith(u"d.yml:5:1: "_s), qPrintable(second.error));

    const ComposeFile f = ComposeFile::parse("name: shop-${NOPE:-dev}\n"
                                             "services: {a: {image: x}}\n"
                                             "networks:\n"
                                             "  plain: {}\n"
                                             "  proxy: {external: true}\n"
                                             "  named: {external: true, name: traefik_net}\n"
                                             "  legacy: {external: {name: old_net}}\n"
                                             "  notext: {external: false}\n"
                                             "  nulled:\n",
                                             u"t.yml"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.name, u"shop-dev"_s);
    QCOMPARE(f.externalNetworks, (QStringList{u"proxy"_s, u"traefik_net"_s, u"old_net"_s}));
}

void TestComposeFallback::ports_data()
{
    QTest::addColumn<QByteArray>("item");
    QTest::addColumn<QList<PublishedPort>>("expected");
    QTest::addColumn<QList<int>>("hostPorts");
    QTest::addColumn<QString>("error");

    using L = QList<PublishedPort>;
    const QString any;
    QTest::newRow("80") << QByteArray("\"80\"") << L{port(any, 0, 0, 80, 80)} << QList<int>{}
                        << QString();
    QTest::newRow("int 80") << QByteArray("80") << L{port(any, 0, 0, 80, 80)} << QList<int>{}
                            << QString();
    QTest::newRow("8080:80") << QByteArray("\"8080:80\"") << L{port(any, 8080, 8080, 80, 80)}
                             << QList<int>{8080} << QString();
    QTest::newRow("unquoted 8080:80") << QByteArray("8080:80") << L{port(any, 8080, 8080, 80, 80)}
                                      << QList<int>{8080} << QString();
    QTest::newRow("host ip") << QByteArray("\"127.0.0.1:8080:80\"")
                             << L{port(u"127.0.0.1"_s, 8080, 8080, 80, 80)} << QList<int>{8080}
                             << QString();
    QTest::newRow("ranges") << QByteArray("\"8080-8082:80-82\"") << L{port(any, 8080, 8082, 80, 82)}
                            << QList<int>{8080} << QString();
    QTest::newRow("host range, one target")
        << QByteArray("\"9000-9005:80\"") << L{port(any, 9000, 9005, 80, 80)} << QList<int>{9000}
        << QString();
    QTest::newRow("ip, random host port")
        << QByteArray("\"127.0.0.1::80\"") << L{port(u"127.0.0.1"_s, 0, 0, 80, 80)} << QList<int>{}
        << QString();
    QTest::newRow("ipv6") << QByteArray("\"[::1]:8080:80\"")
                          << L{port(u"::1"_s, 8080, 8080, 80, 80)} << QList<int>{8080} << QString();
    QTest::newRow("udp") << QByteArray("\"53:53/udp\"") << L{port(any, 53, 53, 53, 53, u"udp"_s)}
                         << QList<int>{53} << QString();
    QTest::newRow("long") << QByteArray("{target: 80, published: 8081, host_ip: 0.0.0.0, "
                                        "protocol: tcp, mode: host}")
                          << L{port(u"0.0.0.0"_s, 8081, 8081, 80, 80)} << QList<int>{8081}
                          << QString();
    QTest::newRow("long, published string range")
        << QByteArray("{target: 80, published: \"8080-8081\"}") << L{port(any, 8080, 8081, 80, 80)}
        << QList<int>{8080} << QString();
    QTest::newRow("long, no published")
        << QByteArray("{target: 9090, protocol: UDP}") << L{port(any, 0, 0, 9090, 9090, u"udp"_s)}
        << QList<int>{} << QString();
    QTest::newRow("ranges of different length")
        << QByteArray("\"8080-8081:80-83\"") << L{} << QList<int>{} << u"differ in length"_s;
    QTest::newRow("bad port") << QByteArray("\"8080:http\"") << L{} << QList<int>{}
                              << u"invalid container port"_s;
    QTest::newRow("bad ip") << QByteArray("\"localhost:8080:80\"") << L{} << QList<int>{}
                            << u"invalid IP address localhost"_s;
    QTest::newRow("bad protocol") << QByteArray("\"80/icmp\"") << L{} << QList<int>{}
                                  << u"invalid protocol"_s;
    QTest::newRow("long without target")
        << QByteArray("{published: 80}") << L{} << QList<int>{} << u"a port needs a 'target'"_s;
}

void TestComposeFallback::ports()
{
    QFETCH(QByteArray, item);
    QFETCH(QList<PublishedPort>, expected);
    QFETCH(QList<int>, hostPorts);
    QFETCH(QString, error);
    const ComposeFile f = ComposeFile::parse(
        "services:\n  a:\n    image: x\n    ports:\n      - " + item + "\n", u"p.yml"_s);
    if (!error.isEmpty()) {
        QVERIFY(!f.ok());
        QVERIFY2(f.error.startsWith(u"p.yml:5:9: "_s), qPrintable(f.error));
        QVERIFY2(f.error.contains(error), qPrintable(f.error));
        return;
    }
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().ports, expected);
    QCOMPARE(f.services.first().hostPorts, hostPorts);
}

void TestComposeFallback::volumes()
{
    QTemporaryDir dir;
    write(dir.filePath(u"sub/compose.yaml"_s),
          "services:\n"
          "  a:\n"
          "    image: x\n"
          "    volumes:\n"
          "      - ./data:/data:ro\n"
          "      - db:/var/lib/db\n"
          "      - /abs/path:/x:rw,z\n"
          "      - ~/cfg:/cfg\n"
          "      - ../up/./there/:/up\n"
          "      - /anonymous\n"
          "      - type: bind\n"
          "        source: ./long\n"
          "        target: /long\n"
          "        read_only: true\n"
          "      - {type: volume, source: named, target: /named}\n"
          "      - {type: tmpfs, target: /tmp}\n");
    const ComposeFile f = resolveIn(dir.path(), {u"sub/compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    auto mount = [](const QString &source, const QString &target, bool bind, bool ro) {
        ServiceMount m;
        m.source = source;
        m.target = target;
        m.bind = bind;
        m.readOnly = ro;
        return m;
    };
    const QList<ServiceMount> expected{
        mount(dir.filePath(u"sub/data"_s), u"/data"_s, true, true),
        mount(u"db"_s, u"/var/lib/db"_s, false, false),
        mount(u"/abs/path"_s, u"/x"_s, true, false),
        mount(u"/home/tester/cfg"_s, u"/cfg"_s, true, false),
        mount(dir.filePath(u"up/there"_s), u"/up"_s, true, false),
        mount(QString(), u"/anonymous"_s, false, false),
        mount(dir.filePath(u"sub/long"_s), u"/long"_s, true, true),
        mount(u"named"_s, u"/named"_s, false, false),
        mount(QString(), u"/tmp"_s, false, false),
    };
    QCOMPARE(f.services.first().mounts, expected);

    const ComposeFile bad
        = ComposeFile::parse("services:\n  a:\n    volumes: [\"a:b:c:d\"]\n", u"v.yml"_s);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.startsWith(u"v.yml:3:15: "_s), qPrintable(bad.error));
    QVERIFY2(bad.error.contains(u"too many colons"_s), qPrintable(bad.error));
}

void TestComposeFallback::command_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("ok");

    QTest::newRow("words") << u"celery  worker\t-l info"_s
                           << QStringList{u"celery"_s, u"worker"_s, u"-l"_s, u"info"_s} << true;
    QTest::newRow("double quotes") << u"sh -c \"echo 'hi' there\""_s
                                   << QStringList{u"sh"_s, u"-c"_s, u"echo 'hi' there"_s} << true;
    QTest::newRow("single quotes keep backslashes")
        << u"echo 'a\\nb'"_s << QStringList{u"echo"_s, u"a\\nb"_s} << true;
    QTest::newRow("backslash escapes")
        << u"echo a\\ b \"q\\\"x\""_s << QStringList{u"echo"_s, u"a b"_s, u"q\"x"_s} << true;
    QTest::newRow("empty quoted argument")
        << u"run \"\" ''"_s << QStringList{u"run"_s, QString(), QString()} << true;
    QTest::newRow("joined quotes") << u"--opt=\"a b\"c"_s << QStringList{u"--opt=a bc"_s} << true;
    QTest::newRow("no expansion") << u"echo $HOME ${X}"_s
                                  << QStringList{u"echo"_s, u"$HOME"_s, u"${X}"_s} << true;
    QTest::newRow("stops at an operator, as compose")
        << u"a b && c"_s << QStringList{u"a"_s, u"b"_s} << true;
    QTest::newRow("quoted operator")
        << u"sh -c 'a && b'"_s << QStringList{u"sh"_s, u"-c"_s, u"a && b"_s} << true;
    QTest::newRow("empty") << QString() << QStringList{} << true;
    QTest::newRow("unclosed") << u"echo \"open"_s << QStringList{} << false;
}

void TestComposeFallback::command()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(bool, ok);
    QStringList args;
    QCOMPARE(ComposeFile::splitCommand(text, &args), ok);
    if (ok)
        QCOMPARE(args, expected);

    const ComposeFile f = ComposeFile::parse(
        "services:\n  a:\n    command: [\"x y\", 1]\n    entrypoint: \"/bin/sh -c\"\n", u"c.yml"_s);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().command, (QStringList{u"x y"_s, u"1"_s}));
    QCOMPARE(f.services.first().entrypoint, (QStringList{u"/bin/sh"_s, u"-c"_s}));
}

void TestComposeFallback::severalFiles()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s),
          "name: base\n"
          "services:\n"
          "  web:\n"
          "    image: web:1\n"
          "    command: [serve]\n"
          "    ports: [\"8080:80\"]\n"
          "    volumes: [\"./a:/a\"]\n"
          "    labels: {stackscope.url: http://one/}\n"
          "  db: {image: pg, command: [run], ports: [\"5432:5432\"]}\n");
    write(dir.filePath(u"override/compose.override.yaml"_s),
          "name: override\n"
          "services:\n"
          "  web:\n"
          "    image: web:2\n"
          "    command: debug --verbose\n"
          "    ports: [\"8080:80\", \"9229:9229\"]\n"
          "    volumes: [\"./b:/a:ro\"]\n"
          "    labels: [stackscope.url=http://two/]\n"
          "    network_mode: host\n"
          "  db:\n"
          "    command: !reset []\n"
          "    ports: !override [\"6000:5432\"]\n"
          "  cache: {image: redis}\n");
    const ComposeFile f
        = resolveIn(dir.path(), {u"compose.yaml"_s, u"override/compose.override.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.name, u"override"_s);
    QCOMPARE(names(f.services), (QStringList{u"web"_s, u"db"_s, u"cache"_s}));
    const ComposeService &web = f.services.first();
    QCOMPARE(web.image, u"web:2"_s);
    QCOMPARE(web.command, (QStringList{u"debug"_s, u"--verbose"_s}));
    QCOMPARE(web.hostPorts, (QList<int>{8080, 9229}));
    QCOMPARE(web.ports.size(), 2);
    QCOMPARE(web.networkMode, u"host"_s);
    QCOMPARE(web.url, u"http://two/"_s);
    // Relative paths of every -f file are relative to the project folder (the first file's).
    QCOMPARE(web.mounts.size(), 1);
    QCOMPARE(web.mounts.first().source, dir.filePath(u"b"_s));
    QCOMPARE(web.mounts.first().readOnly, true);
    // compose v2.24's tags: !reset removes, !override replaces instead of appending.
    QVERIFY(f.services.at(1).command.isEmpty());
    QCOMPARE(f.services.at(1).hostPorts, QList<int>{6000});
    QCOMPARE(f.sources, (QStringList{dir.filePath(u"compose.yaml"_s),
                                     dir.filePath(u"override/compose.override.yaml"_s)}));
}

void TestComposeFallback::includeShortForm()
{
    // An app with its database in a folder of its own, as the compose docs split one.
    QTemporaryDir dir;
    write(dir.filePath(u"app/compose.yaml"_s),
          "include:\n"
          "  - ../db/compose.yaml\n"
          "services:\n"
          "  web:\n"
          "    image: nginx:1.25\n"
          "    ports: [\"8080:80\"]\n"
          "    volumes: [\"./html:/usr/share/nginx/html:ro\"]\n"
          "    depends_on: [db]\n");
    write(dir.filePath(u"db/compose.yaml"_s),
          "services:\n"
          "  db:\n"
          "    image: postgres:${PG_VERSION:-15}\n"
          "    env_file: db.env\n"
          "    volumes:\n"
          "      - ./init:/docker-entrypoint-initdb.d:ro\n"
          "      - pgdata:/var/lib/postgresql/data\n"
          "      - {type: bind, source: ./conf, target: /etc/postgresql}\n"
          "volumes:\n"
          "  pgdata: {}\n"
          "networks:\n"
          "  back: {external: true, name: shared_back}\n");
    write(dir.filePath(u"db/.env"_s), "PG_VERSION=16\n");
    ComposeFile f = resolveIn(dir.path(), {u"app/compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services), (QStringList{u"web"_s, u"db"_s}));
    QVERIFY(f.warnings.isEmpty());
    // The included file's own .env fills its variables.
    QCOMPARE(service(f, u"db"_s)->image, u"postgres:16"_s);
    // Relative paths: the including file's against its folder, the included one's against its.
    QCOMPARE(mountSources(service(f, u"web"_s)), QStringList{dir.filePath(u"app/html"_s)});
    QCOMPARE(mountSources(service(f, u"db"_s)),
             (QStringList{dir.filePath(u"db/init"_s), u"pgdata"_s, dir.filePath(u"db/conf"_s)}));
    QCOMPARE(f.externalNetworks, QStringList{u"shared_back"_s});
    // The watcher reloads on a change of the included file or of its .env.
    QCOMPARE(f.sources,
             (QStringList{dir.filePath(u"app/compose.yaml"_s), dir.filePath(u"db/.env"_s),
                          dir.filePath(u"db/compose.yaml"_s)}));

    // The including project's variables win: the environment, then its own .env.
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s}, {u"PG_VERSION=17"_s});
    QCOMPARE(service(f, u"db"_s)->image, u"postgres:17"_s);
    write(dir.filePath(u"app/.env"_s), "PG_VERSION=14\n");
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(service(f, u"db"_s)->image, u"postgres:14"_s);
    // Without its .env the default applies.
    QVERIFY(QFile::remove(dir.filePath(u"app/.env"_s)));
    QVERIFY(QFile::remove(dir.filePath(u"db/.env"_s)));
    f = resolveIn(dir.path(), {u"app/compose.yaml"_s});
    QCOMPARE(service(f, u"db"_s)->image, u"postgres:15"_s);
    QVERIFY(!f.sources.contains(dir.filePath(u"db/.env"_s)));
}

void TestComposeFallback::includeLongForm()
{
    QTemporaryDir dir;
    write(dir.filePath(u"stack/compose.yaml"_s),
          "name: shop\n"
          "include:\n"
          "  - path: ../modules/monitoring/compose.yaml\n"
          "    project_directory: ../modules\n"
          "    env_file: [../config/monitoring.env, ../config/local.env]\n"
          "  - path:\n"
          "      - ../modules/cache/compose.yaml\n"
          "      - ../modules/cache/compose.override.yaml\n"
          "    env_file: ../config/cache.env\n"
          "services:\n"
          "  app: {image: shop/app}\n");
    write(dir.filePath(u"modules/monitoring/compose.yaml"_s),
          "name: ignored\n"
          "services:\n"
          "  prometheus:\n"
          "    image: prom/prometheus:${PROM_TAG}\n"
          "    ports: [\"${PROM_PORT:-9090}:9090\"]\n"
          "    volumes: [\"./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro\"]\n");
    // project_directory's .env is not read when env_file names the files.
    write(dir.filePath(u"modules/.env"_s), "PROM_TAG=wrong\n");
    write(dir.filePath(u"config/monitoring.env"_s), "PROM_TAG=v2.53.0\nPROM_PORT=9091\n");
    write(dir.filePath(u"config/local.env"_s), "PROM_PORT=9092\n");
    write(dir.filePath(u"modules/cache/compose.yaml"_s),
          "services:\n"
          "  redis:\n"
          "    image: redis:${REDIS_TAG}\n"
          "    ports: [\"6379:6379\"]\n"
          "    volumes: [\"./redis.conf:/usr/local/etc/redis/redis.conf\"]\n");
    write(dir.filePath(u"modules/cache/compose.override.yaml"_s),
          "services:\n  redis:\n    command: [redis-server, /usr/local/etc/redis/redis.conf]\n");
    write(dir.filePath(u"config/cache.env"_s), "REDIS_TAG=7.2\n");
    const ComposeFile f = resolveIn(dir.path(), {u"stack/compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.name, u"shop"_s); // an included file's name is not the project's
    QCOMPARE(names(f.services), (QStringList{u"app"_s, u"prometheus"_s, u"redis"_s}));
    const ComposeService *prometheus = service(f, u"prometheus"_s);
    QCOMPARE(prometheus->image, u"prom/prometheus:v2.53.0"_s);
    QCOMPARE(prometheus->hostPorts, QList<int>{9092}); // the later env file wins
    QCOMPARE(mountSources(prometheus),
             QStringList{dir.filePath(u"modules/monitoring/prometheus.yml"_s)});
    // Several paths merge as several -f files, relative to the first one's folder.
    const ComposeService *redis = service(f, u"redis"_s);
    QCOMPARE(redis->image, u"redis:7.2"_s);
    QCOMPARE(redis->command.size(), 2);
    QCOMPARE(mountSources(redis), QStringList{dir.filePath(u"modules/cache/redis.conf"_s)});
    for (const QString &file : {u"modules/monitoring/compose.yaml"_s, u"config/monitoring.env"_s,
                                u"config/local.env"_s, u"modules/cache/compose.yaml"_s,
                                u"modules/cache/compose.override.yaml"_s, u"config/cache.env"_s})
        QVERIFY2(f.sources.contains(dir.filePath(file)), qPrintable(file));
    QVERIFY(!f.sources.contains(dir.filePath(u"modules/.env"_s)));
}

void TestComposeFallback::includeNested()
{
    // root includes the api and the shared database; the api includes the database too (a
    // diamond: the same definitions twice are no conflict) and a worker that includes its queue.
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s),
          "include:\n  - services/api/compose.yaml\n  - shared/db.yaml\n"
          "services:\n  proxy: {image: traefik:v3}\n");
    write(dir.filePath(u"services/api/compose.yaml"_s),
          "include:\n  - ../../shared/db.yaml\n  - worker/compose.yaml\n"
          "services:\n  api:\n    build: .\n    volumes: [\"./src:/app/src\"]\n");
    write(dir.filePath(u"services/api/worker/compose.yaml"_s),
          "include: [queue/compose.yaml]\n"
          "services:\n  worker:\n    image: worker:${TAG:-dev}\n"
          "    volumes: [\"../src:/app/src:ro\"]\n");
    write(dir.filePath(u"services/api/worker/queue/compose.yaml"_s),
          "services:\n  queue:\n    image: rabbitmq:3\n    volumes: "
          "[\"./data:/var/lib/rabbitmq\"]\n");
    write(dir.filePath(u"shared/db.yaml"_s), "services:\n  db:\n    image: postgres:16\n    "
                                             "volumes: [\"./pg:/var/lib/postgresql/data\"]\n");
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s}, {u"TAG=1.4"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services),
             (QStringList{u"proxy"_s, u"api"_s, u"db"_s, u"worker"_s, u"queue"_s}));
    QCOMPARE(mountSources(service(f, u"api"_s)), QStringList{dir.filePath(u"services/api/src"_s)});
    QCOMPARE(service(f, u"worker"_s)->image, u"worker:1.4"_s);
    QCOMPARE(mountSources(service(f, u"worker"_s)),
             QStringList{dir.filePath(u"services/api/src"_s)});
    QCOMPARE(mountSources(service(f, u"queue"_s)),
             QStringList{dir.filePath(u"services/api/worker/queue/data"_s)});
    QCOMPARE(mountSources(service(f, u"db"_s)), QStringList{dir.filePath(u"shared/pg"_s)});
    QVERIFY(f.sources.contains(dir.filePath(u"services/api/worker/queue/compose.yaml"_s)));
}

void TestComposeFallback::includeExtends()
{
    // An included file extends a file relative to its project directory, and its own
    // services extend each other before they are imported.
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s),
          "include:\n  - path: lib/compose.yaml\n    project_directory: lib/base\n"
          "services:\n  main: {image: main}\n");
    write(dir.filePath(u"lib/compose.yaml"_s), "services:\n"
                                               "  web:\n"
                                               "    extends: {file: common.yaml, service: base}\n"
                                               "    volumes: [\"./site:/site\"]\n"
                                               "  web2:\n"
                                               "    extends: web\n"
                                               "    ports: [\"8081:80\"]\n");
    write(dir.filePath(u"lib/base/common.yaml"_s),
          "services:\n  base:\n    image: httpd:2.4\n    volumes: [\"./conf:/conf:ro\"]\n");
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services), (QStringList{u"main"_s, u"web"_s, u"web2"_s}));
    QCOMPARE(service(f, u"web2"_s)->image, u"httpd:2.4"_s);
    QCOMPARE(service(f, u"web2"_s)->hostPorts, QList<int>{8081});
    QCOMPARE(mountSources(service(f, u"web"_s)),
             (QStringList{dir.filePath(u"lib/base/conf"_s), dir.filePath(u"lib/base/site"_s)}));
    QVERIFY(f.sources.contains(dir.filePath(u"lib/base/common.yaml"_s)));
}

void TestComposeFallback::includeConflict()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s), "include:\n"
                                           "  - redis/compose.yaml\n"
                                           "services:\n"
                                           "  app: {image: app}\n"
                                           "  cache:\n"
                                           "    image: redis:6\n");
    write(dir.filePath(u"redis/compose.yaml"_s), "services:\n"
                                                 "  cache:\n"
                                                 "    image: redis:7\n");
    ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"compose.yaml"_s) + u":6:5: "_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"services.cache conflicts with imported resource"_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(dir.filePath(u"redis/compose.yaml"_s) + u" (line 3)"_s),
             qPrintable(f.error));
    QVERIFY(f.services.isEmpty());

    // Networks and volumes too; the same definition on both sides is no conflict.
    write(dir.filePath(u"compose.yaml"_s), "include: [redis/compose.yaml]\n"
                                           "services:\n  app: {image: app, networks: [back]}\n"
                                           "networks:\n  back: {driver: bridge}\n");
    write(dir.filePath(u"redis/compose.yaml"_s),
          "services:\n  cache: {image: redis:7, networks: [back]}\n"
          "networks:\n  back:\n    driver: bridge\n");
    f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    write(dir.filePath(u"redis/compose.yaml"_s),
          "services:\n  cache: {image: redis:7}\nnetworks:\n  back: {driver: overlay}\n");
    f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"compose.yaml"_s) + u":5:9: "_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"networks.back conflicts with imported resource"_s),
             qPrintable(f.error));

    // Two includes declaring one service differently conflict as well.
    write(dir.filePath(u"compose.yaml"_s),
          "include: [redis/compose.yaml, other/compose.yaml]\nservices: {}\n");
    write(dir.filePath(u"redis/compose.yaml"_s), "services:\n  cache: {image: redis:7}\n");
    write(dir.filePath(u"other/compose.yaml"_s), "services:\n  cache: {image: valkey:8}\n");
    f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"redis/compose.yaml"_s) + u":2:10: "_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(dir.filePath(u"other/compose.yaml"_s)), qPrintable(f.error));

    // Thousands of services included twice: names are looked up, not scanned for.
    QByteArray many = "services:\n";
    for (int i = 0; i < 20000; ++i)
        many += "  s" + QByteArray::number(i) + ": {image: x}\n";
    write(dir.filePath(u"many/compose.yaml"_s), many);
    write(dir.filePath(u"compose.yaml"_s),
          "include: [many/compose.yaml, many/compose.yaml]\nservices: {}\n");
    f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.size(), 20000);
}

void TestComposeFallback::includeCycle()
{
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s),
          "include:\n  - a/compose.yaml\nservices:\n  root: {image: r}\n");
    write(dir.filePath(u"a/compose.yaml"_s),
          "include:\n  - ../b/compose.yaml\nservices:\n  a: {image: a}\n");
    write(dir.filePath(u"b/compose.yaml"_s),
          "include:\n  - path: ../a/compose.yaml\nservices:\n  b: {image: b}\n");
    ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"b/compose.yaml"_s) + u":2:11: "_s),
             qPrintable(f.error));
    QVERIFY2(f.error.contains(u"include cycle: compose.yaml → a/compose.yaml → b/compose.yaml → "
                              "a/compose.yaml"_s),
             qPrintable(f.error));

    // A file including itself.
    write(dir.filePath(u"self.yaml"_s), "include: [self.yaml]\nservices: {s: {image: s}}\n");
    f = resolveIn(dir.path(), {u"self.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"self.yaml"_s) + u":1:11: "_s), qPrintable(f.error));
    QVERIFY2(f.error.contains(u"include cycle: self.yaml → self.yaml"_s), qPrintable(f.error));
    // A cycle through a symbolic link has a new path each round: it ends in an error (the
    // system's limit of links in a path, or ours of the depth).
    write(dir.filePath(u"linked/compose.yaml"_s), "include: [loop/compose.yaml]\nservices: {}\n");
    QVERIFY(QFile::link(u"."_s, dir.filePath(u"linked/loop"_s)));
    f = resolveIn(dir.path(), {u"linked/compose.yaml"_s});
    QVERIFY(!f.ok());
    for (int i = 0; i < 70; ++i)
        write(dir.filePath(u"deep/%1.yaml"_s.arg(i)),
              u"include: [%1.yaml]\nservices: {s%1: {image: x}}\n"_s.arg(i + 1).toUtf8());
    write(dir.filePath(u"deep/70.yaml"_s), "services: {last: {image: x}}\n");
    f = resolveIn(dir.path(), {u"deep/0.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(u"deep/64.yaml:1:11: "_s)), qPrintable(f.error));
    QVERIFY2(f.error.contains(u"nested more than 64 deep"_s), qPrintable(f.error));
    // Each file including the next one twice: 2^12 loads, stopped at 256.
    for (int i = 0; i < 12; ++i)
        write(dir.filePath(u"twice/%1.yaml"_s.arg(i)),
              u"include: [%1.yaml, %1.yaml]\nservices: {s%1: {image: x}}\n"_s.arg(i + 1).toUtf8());
    write(dir.filePath(u"twice/12.yaml"_s), "services: {last: {image: x}}\n");
    f = resolveIn(dir.path(), {u"twice/0.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.contains(u"more than 256 included files"_s), qPrintable(f.error));
    // parse() with a relative name (the fuzz target's) finds it too, whatever is on disk.
    const ComposeFile text
        = ComposeFile::parse("include: [compose.yml]\nservices: {}\n", u"compose.yml"_s);
    QVERIFY2(text.error.startsWith(u"compose.yml:1:11: "_s), qPrintable(text.error));
    QVERIFY2(text.error.contains(u"include cycle: compose.yml → compose.yml"_s),
             qPrintable(text.error));
}

void TestComposeFallback::includeErrors_data()
{
    QTest::addColumn<QByteArray>("compose");  // compose.yaml
    QTest::addColumn<QByteArray>("included"); // lib/compose.yaml, unless empty
    QTest::addColumn<QString>("where");       // the error's FILE:LINE:COLUMN after the folder
    QTest::addColumn<QString>("message");

    QTest::newRow("missing file") << QByteArray("services: {a: {}}\ninclude:\n  - lib/nope.yaml\n")
                                  << QByteArray() << u"compose.yaml:3:5: "_s
                                  << u"lib/nope.yaml does not exist; check the path in 'include'"_s;
    QTest::newRow("missing file, long form")
        << QByteArray("include:\n  - path: [lib/compose.yaml, lib/gone.yaml]\nservices: {}\n")
        << QByteArray("services: {b: {}}\n") << u"compose.yaml:2:30: "_s
        << u"lib/gone.yaml does not exist"_s;
    QTest::newRow("missing env_file")
        << QByteArray("include:\n  - path: lib/compose.yaml\n    env_file: lib/none.env\n"
                      "services: {}\n")
        << QByteArray("services: {b: {}}\n") << u"compose.yaml:2:5: "_s
        << u"the env file does not exist"_s;
    QTest::newRow("a folder") << QByteArray("include: [lib]\nservices: {}\n")
                              << QByteArray("services: {b: {}}\n") << u"compose.yaml:1:11: "_s
                              << u"cannot include"_s;
    QTest::newRow("not a list") << QByteArray("include: lib/compose.yaml\nservices: {}\n")
                                << QByteArray("services: {b: {}}\n") << u"compose.yaml:1:10: "_s
                                << u"'include' is a list"_s;
    QTest::newRow("no path") << QByteArray("include:\n  - env_file: .env\nservices: {}\n")
                             << QByteArray() << u"compose.yaml:2:5: "_s << u"needs the 'path'"_s;
    QTest::newRow("unknown key") << QByteArray(
        "include:\n  - path: lib/compose.yaml\n    paths: x\nservices: {}\n")
                                 << QByteArray("services: {b: {}}\n") << u"compose.yaml:3:12: "_s
                                 << u"unknown key 'paths'"_s;
    QTest::newRow("invalid yaml in the included file")
        << QByteArray("include: [lib/compose.yaml]\nservices: {}\n")
        << QByteArray("services:\n  b: [unclosed\n") << u"lib/compose.yaml:3:1: "_s
        << u"invalid YAML"_s;
    QTest::newRow("required variable in the included file")
        << QByteArray("include: [lib/compose.yaml]\nservices: {}\n")
        << QByteArray("services:\n  b:\n    image: ${B_IMAGE:?set it}\n")
        << u"lib/compose.yaml:3:12: "_s << u"required variable B_IMAGE"_s;
    QTest::newRow("included services not a map")
        << QByteArray("include: [lib/compose.yaml]\nservices: {}\n")
        << QByteArray("services: [b]\n") << u"lib/compose.yaml:1:11: "_s
        << u"'services' must be a mapping"_s;
}

void TestComposeFallback::includeErrors()
{
    QFETCH(QByteArray, compose);
    QFETCH(QByteArray, included);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QTemporaryDir dir;
    write(dir.filePath(u"compose.yaml"_s), compose);
    if (!included.isEmpty())
        write(dir.filePath(u"lib/compose.yaml"_s), included);
    const ComposeFile f = resolveIn(dir.path(), {u"compose.yaml"_s});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(where)), qPrintable(f.error));
    QVERIFY2(f.error.contains(message), qPrintable(f.error));
    QVERIFY(f.services.isEmpty());
}

void TestComposeFallback::errors_data()
{
    QTest::addColumn<QString>("file");       // created under a temporary folder unless empty
    QTest::addColumn<QByteArray>("content"); // "<dir>" makes a folder
    QTest::addColumn<QString>("where");      // the error's FILE:LINE:COLUMN after the folder
    QTest::addColumn<QString>("message");

    QTest::newRow("missing file") << u"absent.yml"_s << QByteArray() << u"absent.yml:0:0: "_s
                                  << u"does not exist"_s;
    QTest::newRow("a folder") << u"folder"_s << QByteArray("<dir>") << u"folder:0:0: "_s
                              << u"this is a folder, not a compose file"_s;
    QTest::newRow("empty file") << u"empty.yml"_s << QByteArray("") << u"empty.yml:1:1: "_s
                                << u"the file is empty"_s;
    QTest::newRow("comments only") << u"comments.yml"_s << QByteArray("# nothing\n")
                                   << u"comments.yml:1:1: "_s << u"the file is empty"_s;
    QTest::newRow("invalid yaml") << u"bad.yml"_s << QByteArray("services:\n  a: [unclosed\n")
                                  << u"bad.yml:3:1: "_s << u"invalid YAML"_s;
    QTest::newRow("tab indentation") << u"tab.yml"_s << QByteArray("services:\n\ta: {}\n")
                                     << u"tab.yml:2:3: "_s << u"invalid YAML"_s;
    QTest::newRow("duplicate key")
        << u"dup.yml"_s << QByteArray("services:\n  a: {image: x}\n  a: {image: y}\n")
        << u"dup.yml:3:3: "_s << u"defined twice"_s;
    QTest::newRow("not a map") << u"list.yml"_s << QByteArray("- a\n") << u"list.yml:1:1: "_s
                               << u"not a compose file"_s;
    QTest::newRow("no services") << u"none.yml"_s << QByteArray("volumes: {}\n")
                                 << u"none.yml:1:1: "_s << u"no 'services' map"_s;
    QTest::newRow("required variable")
        << u"req.yml"_s << QByteArray("services:\n  a:\n    image: \"${IMG:?name the image}\"\n")
        << u"req.yml:3:12: "_s << u"required variable IMG is missing a value: name the image"_s;
    QTest::newRow("invalid interpolation")
        << u"interp.yml"_s << QByteArray("services:\n  a:\n    image: ${IMG\n")
        << u"interp.yml:3:12: "_s << u"invalid interpolation format"_s;
    QTest::newRow("service not a map") << u"svc.yml"_s << QByteArray("services:\n  a: [1]\n")
                                       << u"svc.yml:2:6: "_s << u"must be a mapping"_s;
    QTest::newRow("unclosed command quote")
        << u"cmd.yml"_s << QByteArray("services:\n  a:\n    command: sh -c \"x\n")
        << u"cmd.yml:3:14: "_s << u"unclosed quote"_s;
}

void TestComposeFallback::errors()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, where);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    if (content == "<dir>")
        QVERIFY(QDir().mkpath(path));
    else if (!file.startsWith(u"absent"_s))
        write(path, content);
    const ComposeFile f = resolveIn(dir.path(), {file});
    QVERIFY(!f.ok());
    QVERIFY2(f.error.startsWith(dir.filePath(where)), qPrintable(f.error));
    QVERIFY2(f.error.contains(message), qPrintable(f.error));
    QVERIFY(f.services.isEmpty());
}

void TestComposeFallback::hostile_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message");

    QByteArray laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c)
        laughs += QByteArray(1, c) + ": &" + QByteArray(1, c) + " [*" + QByteArray(1, char(c - 1))
                  + ", *" + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                  + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                  + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                  + QByteArray(1, char(c - 1)) + ", *" + QByteArray(1, char(c - 1)) + ", *"
                  + QByteArray(1, char(c - 1)) + "]\n";
    QTest::newRow("billion laughs") << laughs + "services: {}\n" << u"aliases are expanded"_s;
    QByteArray nested = "services:\n  a:\n    image: \"";
    for (int i = 0; i < 200; ++i)
        nested += "${A:-";
    nested += "x" + QByteArray(200, '}') + "\"\n";
    QTest::newRow("nested interpolation") << nested << u"nested more than"_s;
    QTest::newRow("extends chain of itself")
        << QByteArray("services:\n  a: {extends: b}\n  b: {extends: a}\n") << u"circular extends"_s;
    QByteArray chain = "services:\n";
    for (int i = 0; i < 1200; ++i)
        chain += "  s" + QByteArray::number(i) + ": {extends: s" + QByteArray::number(i + 1)
                 + ", ports: [\"" + QByteArray::number(1000 + i) + ":80\"]}\n";
    chain += "  s1200: {image: x}\n";
    QTest::newRow("long extends chain") << chain << u"more than 1000 extends"_s;
    // yaml-cpp 0.7's LoadAll never returns on this; the fallback reads documents one by one.
    QTest::newRow("stray comma") << QByteArray("services: {}\n, USA.\n") << u"h.yml:2:"_s;
    QTest::newRow("extends /dev/zero")
        << QByteArray("services:\n  a: {extends: {file: /dev/zero, service: x}}\n")
        << u"/dev/zero"_s;
}

void TestComposeFallback::hostile()
{
    // Fuzzed input must end in an error, never a crash, a hang or a huge allocation.
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    const ComposeFile f = ComposeFile::parse(yaml, u"h.yml"_s);
    QVERIFY(!f.ok());
    QVERIFY2(f.error.contains(message), qPrintable(f.error));
}

void TestComposeFallback::publicAirflow()
{
    const QString dir = publicDir(u"airflow"_s);
    ComposeFile f = resolveIn(dir, {u"docker-compose.yaml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.allServices),
             (QStringList{u"postgres"_s, u"redis"_s, u"airflow-webserver"_s, u"airflow-scheduler"_s,
                          u"airflow-worker"_s, u"airflow-triggerer"_s, u"airflow-init"_s,
                          u"airflow-cli"_s, u"flower"_s}));
    QCOMPARE(f.services.size(), 7); // airflow-cli (debug) and flower (flower) are not active
    // Merge keys bring the image, volumes and user of x-airflow-common.
    const ComposeService *web = service(f, u"airflow-webserver"_s);
    QCOMPARE(web->image, u"apache/airflow:|version|"_s);
    QCOMPARE(web->command, QStringList{u"webserver"_s});
    QCOMPARE(web->hostPorts, QList<int>{8080});
    QCOMPARE(web->mounts.size(), 4);
    QCOMPARE(web->mounts.first().source, dir + u"/dags"_s);
    QCOMPARE(web->mounts.first().target, u"/opt/airflow/dags"_s);
    QVERIFY(web->mounts.first().bind);
    QCOMPARE(service(f, u"airflow-worker"_s)->command, (QStringList{u"celery"_s, u"worker"_s}));
    // The service's own volumes win over the merged ones.
    const ComposeService *init = service(f, u"airflow-init"_s);
    QCOMPARE(init->entrypoint, QStringList{u"/bin/bash"_s});
    QCOMPARE(init->mounts.size(), 1);
    QCOMPARE(init->mounts.first().source, dir);
    QCOMPARE(init->command.size(), 2);
    QVERIFY(init->command.at(1).contains(u"mem_available=$(($(getconf _PHYS_PAGES)"_s)); // $$
    QVERIFY(init->command.at(1).contains(u"chown -R \":0\" /sources"_s)); // unset AIRFLOW_UID
    QCOMPARE(
        f.warnings,
        QStringList{u"The \"AIRFLOW_UID\" variable is not set. Defaulting to a blank string."_s});
    QCOMPARE(service(f, u"flower"_s)->hostPorts, QList<int>{5555});
    QCOMPARE(service(f, u"flower"_s)->profiles, QStringList{u"flower"_s});

    f = resolveIn(dir, {u"docker-compose.yaml"_s},
                  {u"AIRFLOW_UID=1000"_s, u"AIRFLOW_IMAGE_NAME=my/airflow:2"_s,
                   u"AIRFLOW_PROJ_DIR=/srv/airflow"_s},
                  {u"flower"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QVERIFY(f.warnings.isEmpty());
    QCOMPARE(f.services.size(), 8);
    QCOMPARE(service(f, u"flower"_s)->image, u"my/airflow:2"_s);
    QCOMPARE(service(f, u"flower"_s)->mounts.first().source, u"/srv/airflow/dags"_s);
}

void TestComposeFallback::publicIris()
{
    const QString dir = publicDir(u"iris-web"_s);
    ComposeFile f = resolveIn(dir, {u"docker-compose.yml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services),
             (QStringList{u"rabbitmq"_s, u"db"_s, u"app"_s, u"worker"_s, u"nginx"_s}));
    // The base file's settings, the image from .env (APP_IMAGE_TAG=latest).
    const ComposeService *app = service(f, u"app"_s);
    QCOMPARE(app->image, u"ghcr.io/dfir-iris/iriswebapp_app:latest"_s);
    QCOMPARE(app->containerName, u"iriswebapp_app"_s);
    QCOMPARE(app->command, (QStringList{u"nohup"_s, u"./iris-entrypoint.sh"_s, u"iriswebapp"_s}));
    QCOMPARE(app->mounts.size(), 6);
    QCOMPARE(app->mounts.at(0).source, dir + u"/certificates/rootCA/irisRootCACert.pem"_s);
    QVERIFY(app->mounts.at(0).readOnly);
    QCOMPARE(app->mounts.at(1).source, dir + u"/certificates"_s);
    QCOMPARE(app->mounts.at(3).source, u"iris-downloads"_s);
    QVERIFY(!app->mounts.at(3).bind);
    QCOMPARE(service(f, u"rabbitmq"_s)->image, u"rabbitmq:3-management-alpine"_s);
    QCOMPARE(service(f, u"db"_s)->image, u"ghcr.io/dfir-iris/iriswebapp_db:latest"_s);
    const ComposeService *nginx = service(f, u"nginx"_s);
    QCOMPARE(nginx->image, u"ghcr.io/dfir-iris/iriswebapp_nginx:latest"_s);
    QCOMPARE(nginx->ports, QList<PublishedPort>{port(QString(), 443, 443, 443, 443)});
    QCOMPARE(service(f, u"worker"_s)->command.last(), u"iris-worker"_s);
    QVERIFY(f.warnings.isEmpty());
    QVERIFY(f.externalNetworks.isEmpty()); // named, not external
    QVERIFY(f.sources.contains(dir + u"/docker-compose.base.yml"_s));

    // The environment wins over .env; without .env the file's defaults apply.
    f = resolveIn(dir, {u"docker-compose.yml"_s}, {u"INTERFACE_HTTPS_PORT=8443"_s});
    QCOMPARE(service(f, u"nginx"_s)->hostPorts, QList<int>{8443});
    QTemporaryDir empty;
    write(empty.filePath(u"empty.env"_s), "# nothing\n");
    f = resolveIn(dir, {u"docker-compose.yml"_s}, {}, {}, empty.filePath(u"empty.env"_s));
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(service(f, u"app"_s)->image, u"ghcr.io/dfir-iris/iriswebapp_app:v2.4.19"_s);
}

void TestComposeFallback::publicOtelDemo()
{
    const QString dir = publicDir(u"otel-demo"_s);
    ComposeFile f = resolveIn(dir, {u"docker-compose.yml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.allServices.size(), 20);
    QCOMPARE(f.services.size(), 18); // frontendTests and integrationTests are in "tests"
    QVERIFY(f.warnings.isEmpty());
    QCOMPARE(service(f, u"adservice"_s)->image, u"ghcr.io/open-telemetry/demo:v0.3.4-adservice"_s);
    QCOMPARE(service(f, u"adservice"_s)->ports,
             QList<PublishedPort>{port(QString(), 0, 0, 9555, 9555)});
    QVERIFY(service(f, u"adservice"_s)->hostPorts.isEmpty());
    QCOMPARE(service(f, u"frontend"_s)->hostPorts, QList<int>{8080});
    QCOMPARE(service(f, u"featureflagservice"_s)->hostPorts, QList<int>{8081});
    QCOMPARE(service(f, u"featureflagservice"_s)->ports.size(), 2);
    QCOMPARE(service(f, u"otelcol"_s)->command,
             (QStringList{u"--config=/etc/otelcol-config.yml"_s,
                          u"--config=/etc/otelcol-config-extras.yml"_s}));
    QCOMPARE(service(f, u"grafana"_s)->mounts.at(1).source, dir + u"/src/grafana/provisioning"_s);
    QCOMPARE(service(f, u"ffs_postgres"_s)->containerName, u"postgres"_s);

    f = resolveIn(dir, {u"docker-compose.yml"_s},
                  {u"COMPOSE_PROFILES=tests"_s, u"IMAGE_VERSION=v9"_s});
    QCOMPARE(f.services.size(), 20);
    QCOMPARE(service(f, u"integrationTests"_s)->image,
             u"ghcr.io/open-telemetry/demo:v9-integrationTests"_s);
}

void TestComposeFallback::publicWhoami()
{
    const QString dir = publicDir(u"redriva-whoami"_s);
    ComposeFile f = resolveIn(dir, {u"docker-compose.yml"_s},
                              {u"APP_NAME=whoami"_s, u"APP_DOMAIN=example.org"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.externalNetworks, QStringList{u"proxy"_s});
    QCOMPARE(f.services.first().containerName, u"whoami"_s);
    QVERIFY(f.warnings.isEmpty());
    f = resolveIn(dir, {u"docker-compose.yml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.first().containerName, QString());
    QCOMPARE(f.warnings.size(), 2); // APP_NAME and APP_DOMAIN, once each
}

void TestComposeFallback::seeds()
{
    const QString path = Test::sharedPath(u"seeds/000_5090ea0f0391a0d2.txt"_s);
    STACKSCOPE_REQUIRE_SHARED(path);
    const QByteArray yaml = composeBlock(Test::readFile(path));
    QVERIFY(!yaml.isEmpty());
    QTemporaryDir dir;
    write(dir.filePath(u"docker-compose.production.yml"_s), yaml);
    ComposeFile f = resolveIn(dir.path(), {u"docker-compose.production.yml"_s});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(names(f.services), (QStringList{u"xg2g"_s, u"prometheus"_s, u"grafana"_s, u"jaeger"_s,
                                             u"alertmanager"_s}));
    QCOMPARE(service(f, u"xg2g"_s)->hostPorts, (QList<int>{8080, 1900, 9090}));
    QCOMPARE(service(f, u"xg2g"_s)->ports.at(1).protocol, u"udp"_s);
    QCOMPARE(service(f, u"prometheus"_s)->command.size(), 5);
    QCOMPARE(service(f, u"grafana"_s)->mounts.first().source,
             dir.filePath(u"deploy/monitoring/grafana/provisioning"_s));
    QVERIFY(service(f, u"grafana"_s)->mounts.first().readOnly);
    QVERIFY(f.warnings.isEmpty()); // ${GRAFANA_PASSWORD:-xg2g-admin} has a default
    // Every seed with a compose block parses without an error.
    const QStringList seeds = QDir(Test::sharedPath(u"seeds"_s)).entryList({u"*.txt"_s});
    for (const QString &name : seeds) {
        const QByteArray block = composeBlock(Test::readFile(Test::sharedPath(u"seeds/"_s + name)));
        if (block.isEmpty())
            continue;
        const ComposeFile g = ComposeFile::parse(block, name);
        QVERIFY2(g.ok(), qPrintable(name + u": "_s + g.error));
    }
}

void TestComposeFallback::againstDockerCompose_data()
{
    QTest::addColumn<QString>("folder"); // under tests/data/stack/public, or empty
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("yaml"); // used when folder is empty
    QTest::addColumn<QStringList>("vars");
    QTest::addColumn<QStringList>("mkdirs"); // build contexts docker-compose 1.29 wants to see

    QTest::newRow("airflow") << u"airflow"_s << u"docker-compose.yaml"_s << QByteArray()
                             << QStringList{u"AIRFLOW_UID=50000"_s} << QStringList{};
    QTest::newRow("airflow, environment")
        << u"airflow"_s << u"docker-compose.yaml"_s << QByteArray()
        << QStringList{u"AIRFLOW_IMAGE_NAME=x/y:1"_s, u"AIRFLOW_PROJ_DIR=/srv"_s} << QStringList{};
    QTest::newRow("otel-demo") << u"otel-demo"_s << u"docker-compose.yml"_s << QByteArray()
                               << QStringList{}
                               << QStringList{u"src/currencyservice"_s, u"src/emailservice"_s,
                                              u"src/featureflagservice"_s};
    QTest::newRow("otel-demo, environment over .env")
        << u"otel-demo"_s << u"docker-compose.yml"_s << QByteArray()
        << QStringList{u"FRONTEND_PORT=18080"_s, u"IMAGE_NAME=mirror/demo"_s}
        << QStringList{u"src/currencyservice"_s, u"src/emailservice"_s,
                       u"src/featureflagservice"_s};
    QTest::newRow("whoami") << u"redriva-whoami"_s << u"docker-compose.yml"_s << QByteArray()
                            << QStringList{u"APP_NAME=w"_s} << QStringList{};
    QTest::newRow("port syntaxes")
        << QString() << u"compose.yaml"_s
        << QByteArray("services:\n"
                      "  a:\n"
                      "    image: \"${REG:-docker.io}/a:${TAG-1}\"\n"
                      "    ports:\n"
                      "      - \"80\"\n"
                      "      - 8080:80\n"
                      "      - \"127.0.0.1:8081:81\"\n"
                      "      - \"127.0.0.1::82\"\n"
                      "      - \"9000-9002:90-92\"\n"
                      "      - \"53:53/udp\"\n"
                      "      - {target: 7000, published: 7001}\n"
                      "      - {target: 7002, published: \"7003\", protocol: udp}\n"
                      "  b:\n"
                      "    image: \"${B_IMAGE:?}\"\n")
        << QStringList{u"TAG="_s, u"B_IMAGE=b:2"_s} << QStringList{};
    QTest::newRow("merge keys and several defaults")
        << QString() << u"compose.yaml"_s
        << QByteArray("x-p: &p\n  ports: [\"${P1:-1000}:1000\"]\n  image: img-${SUFFIX-none}\n"
                      "x-q: &q\n  image: q\n"
                      "services:\n  a:\n    <<: [*p, *q]\n  b:\n    <<: [*q, *p]\n"
                      "  c:\n    <<: *p\n    image: own\n")
        << QStringList{u"SUFFIX="_s} << QStringList{};
}

void TestComposeFallback::againstDockerCompose()
{
    if (docker_compose().isEmpty())
        QSKIP("docker-compose is not installed: no reference to compare with");
    QFETCH(QString, folder);
    QFETCH(QString, file);
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, vars);
    QFETCH(QStringList, mkdirs);
    QTemporaryDir dir;
    if (!folder.isEmpty()) {
        const QDir source(publicDir(folder));
        for (const QString &name : source.entryList(QDir::Files | QDir::Hidden))
            QVERIFY(QFile::copy(source.filePath(name), dir.filePath(name)));
    } else {
        write(dir.filePath(file), yaml);
    }
    for (const QString &d : mkdirs)
        QVERIFY(QDir().mkpath(dir.filePath(d)));

    QString error;
    const auto reference = composeConfig(dir.path(), file, vars, &error);
    QVERIFY2(!reference.isEmpty(), qPrintable(u"docker-compose config failed: "_s + error));
    const ComposeFile f = resolveIn(dir.path(), {file}, vars);
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.allServices.size(), reference.size());
    for (const ComposeService &s : f.allServices) {
        QVERIFY2(reference.contains(s.name), qPrintable(s.name));
        QCOMPARE(s.image, reference.value(s.name).first);
        QCOMPARE(portUnits(s.ports), reference.value(s.name).second);
    }
}

QTEST_GUILESS_MAIN(TestComposeFallback)
#include "tst_composefallback.moc"
