// SPDX-License-Identifier: GPL-3.0-or-later
// The YAML configuration format: what valid files mean, and where and how broken ones are
// reported.
#include "app/config/configloader.h"
#include "app/config/configschema.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QTest>

using namespace Stackscope;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kStackDir = u"/opt/stackscope-test/stack"_s;

QString dataDir()
{
    return QString::fromUtf8(STACKSCOPE_TEST_DATA_DIR "/config");
}

QString dataFile(const QString &name)
{
    return dataDir() + u'/' + name;
}

QString formatProblems(const QList<ConfigProblem> &problems)
{
    QStringList lines;
    for (const ConfigProblem &problem : problems)
        lines.append(problem.format(u"config"_s));
    return lines.join(u'\n');
}

/// What a file with only `version: 1` means.
Config defaults()
{
    return defaultConfig(kStackDir);
}

/// An endpoint the file sets (so it wins over one found in the stack).
EndpointConfig endpoint(const QString &url, std::chrono::milliseconds timeout = 10s)
{
    EndpointConfig result;
    result.url = QUrl(url);
    result.timeout = timeout;
    result.origin = EndpointConfig::Origin::File;
    return result;
}

AuthConfig auth(AuthConfig::Type type, const QString &username, const QString &secretEnv)
{
    AuthConfig result;
    result.type = type;
    result.username = username;
    result.secretEnv = secretEnv;
    return result;
}

void compareEndpoint(const EndpointConfig &actual, const EndpointConfig &expected)
{
    QCOMPARE(actual.url, expected.url);
    QCOMPARE(actual.timeout.count(), expected.timeout.count());
    QCOMPARE(actual.auth.type, expected.auth.type);
    QCOMPARE(actual.auth.username, expected.auth.username);
    QCOMPARE(actual.auth.secretEnv, expected.auth.secretEnv);
    QCOMPARE(actual.caFile, expected.caFile);
    QCOMPARE(actual.insecureSkipVerify, expected.insecureSkipVerify);
    QCOMPARE(actual.cluster, expected.cluster);
    QCOMPARE(int(actual.origin), int(expected.origin));
}

/// Field by field, so that a failure names the field.
void compareConfig(const Config &actual, const Config &expected)
{
    QCOMPARE(actual.version, expected.version);
    QCOMPARE(actual.stack.composeFiles, expected.stack.composeFiles);
    QCOMPARE(actual.stack.project, expected.stack.project);
    QCOMPARE(actual.stack.envFile, expected.stack.envFile);
    QCOMPARE(actual.stack.profiles, expected.stack.profiles);
    QCOMPARE(actual.stack.composeCommand, expected.stack.composeCommand);
    QCOMPARE(actual.stack.dockerHost, expected.stack.dockerHost);
    compareEndpoint(actual.prometheus, expected.prometheus);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual.alertmanagers.size(), expected.alertmanagers.size());
    for (qsizetype i = 0; i < actual.alertmanagers.size(); ++i) {
        compareEndpoint(actual.alertmanagers.at(i), expected.alertmanagers.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    compareEndpoint(actual.jaeger, expected.jaeger);
    if (QTest::currentTestFailed())
        return;
    compareEndpoint(actual.grafana, expected.grafana);
    compareEndpoint(actual.loki, expected.loki);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(actual.refresh.status.count(), expected.refresh.status.count());
    QCOMPARE(actual.refresh.stack.count(), expected.refresh.stack.count());
    QCOMPARE(actual.refresh.metrics.count(), expected.refresh.metrics.count());
    QCOMPARE(actual.refresh.alerts.count(), expected.refresh.alerts.count());
    QCOMPARE(actual.refresh.traces.count(), expected.refresh.traces.count());
    QCOMPARE(actual.notifications.enabled, expected.notifications.enabled);
    QCOMPARE(actual.notifications.minSeverity, expected.notifications.minSeverity);
    QCOMPARE(actual.notifications.notifyResolved, expected.notifications.notifyResolved);
    QCOMPARE(actual.notifications.stormThreshold, expected.notifications.stormThreshold);
    QCOMPARE(actual.notifications.sound, expected.notifications.sound);
    QCOMPARE(actual.alerts.historyDays, expected.alerts.historyDays);
    QCOMPARE(actual.selfMetrics.enabled, expected.selfMetrics.enabled);
    QCOMPARE(actual.selfMetrics.listen, expected.selfMetrics.listen);
    QCOMPARE(actual.http.maxBodyBytes, expected.http.maxBodyBytes);
    QVERIFY2(actual == expected, "a field not compared above differs");
}

/// Parses `yaml` and expects exactly one problem containing `message` at `line`:`column`.
void expectOneProblem(const QByteArray &yaml, int line, int column, const QString &message)
{
    const ConfigLoadResult result = parseConfig(yaml, dataDir(), kStackDir);
    QCOMPARE(result.problems.size(), 1);
    const ConfigProblem &problem = result.problems.first();
    QVERIFY2(problem.message.contains(message), qPrintable(problem.message));
    QCOMPARE(problem.line, line);
    QCOMPARE(problem.column, column);
}

} // namespace

class TestConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validFiles_data();
    void validFiles();
    void brokenFiles_data();
    void brokenFiles();
    void defaultsAgree();
    void defaultTextIsTheBundledFile();
    void stackDirIsEscapedInDefaultText();
    void durations_data();
    void durations();
    void refreshNeedsOneSecond();
    void sizes_data();
    void sizes();
    void listen_data();
    void listen();
    void columnsCountCharacters();
    void severalDocuments();
    void aliasCyclesAndBlockScalars();
    void unreadableFile();
};

void TestConfigLoader::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestConfigLoader::validFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Config>("expected");

    QTest::newRow("default") << QString::fromUtf8(STACKSCOPE_SOURCE_DIR
                                                  "/resources/config/default.yaml")
                             << defaults();
    QTest::newRow("minimal") << dataFile(u"minimal.yaml"_s) << defaults();
    QTest::newRow("empty values") << dataFile(u"empty-values.yaml"_s) << defaults();

    {
        Config c = defaults();
        c.stack.composeFiles = {dataFile(u"compose/base.yml"_s), u"/srv/stack/override.yml"_s};
        c.stack.project = u"my-stack_2"_s;
        c.stack.envFile = dataFile(u"stack.env"_s);
        c.stack.profiles = {u"tracing"_s, u"logs"_s};
        c.stack.composeCommand = {u"docker-compose"_s};
        c.stack.dockerHost = u"unix:///run/user/1000/docker.sock"_s;
        c.prometheus = endpoint(u"https://prometheus.example.test:9443/prom"_s, 90s);
        c.prometheus.auth = auth(AuthConfig::Type::Bearer, {}, u"PROM_TOKEN"_s);
        c.prometheus.caFile = dataFile(u"ca.pem"_s);
        c.prometheus.insecureSkipVerify = true;
        c.alertmanagers = {endpoint(u"http://127.0.0.1:9193"_s, 2s)};
        c.jaeger = endpoint(u"http://[::1]:16687"_s, 500ms);
        c.grafana = endpoint(u"http://grafana.local:3001"_s);
        c.grafana.auth = auth(AuthConfig::Type::Basic, u"viewer"_s, u"GRAFANA_PASSWORD"_s);
        c.refresh.status = 2s;
        c.refresh.stack = 1s;
        c.refresh.metrics = 1min;
        c.refresh.alerts = 1h;
        c.refresh.traces = 24h;
        c.notifications.enabled = false;
        c.notifications.minSeverity = u"critical"_s;
        c.notifications.notifyResolved = true;
        c.notifications.stormThreshold = 12;
        c.notifications.sound = true;
        c.notifications.severity.label = u"priority"_s;
        c.notifications.severity.critical = {u"p1"_s, u"sev-a"_s};
        c.notifications.severity.info = {u"p5"_s};
        c.notifications.severity.withoutSeverity = 0;
        c.alerts.historyDays = 30;
        c.selfMetrics.enabled = false;
        c.selfMetrics.listen = u"[::1]:9555"_s;
        c.http.maxBodyBytes = 10'000'000;
        QTest::newRow("full") << dataFile(u"full.yaml"_s) << c;
    }
    {
        Config c = defaults();
        c.alertmanagers
            = {endpoint(u"http://127.0.0.1:9093"_s), endpoint(u"http://127.0.0.1:9094"_s, 3s)};
        QTest::newRow("ha pair") << dataFile(u"ha-pair.yaml"_s) << c;
    }
    {
        Config c = defaults();
        EndpointConfig a = endpoint(u"http://127.0.0.1:9093"_s);
        a.cluster = u"team-a"_s;
        EndpointConfig b = endpoint(u"http://127.0.0.1:9094"_s);
        b.cluster = u"team-a"_s;
        EndpointConfig other = endpoint(u"http://127.0.0.1:9095"_s);
        other.cluster = u"team-b"_s;
        c.alertmanagers = {a, b, other};
        QTest::newRow("two alertmanager clusters") << dataFile(u"two-clusters.yaml"_s) << c;
    }
    {
        Config c = defaults();
        c.alertmanagers = {endpoint(u"http://alertmanager.local:9093"_s)};
        QTest::newRow("single mapping alertmanagers")
            << dataFile(u"single-alertmanager.yaml"_s) << c;
    }
    {
        Config c = defaults();
        c.prometheus.auth = auth(AuthConfig::Type::Basic, u"admin"_s, u"PROM_PASSWORD"_s);
        c.prometheus.origin = EndpointConfig::Origin::File;
        QTest::newRow("basic auth") << dataFile(u"auth-basic.yaml"_s) << c;
    }
    {
        Config c = defaults();
        c.jaeger.auth = auth(AuthConfig::Type::Bearer, {}, u"JAEGER_TOKEN"_s);
        c.jaeger.origin = EndpointConfig::Origin::File;
        QTest::newRow("bearer auth") << dataFile(u"auth-bearer.yaml"_s) << c;
    }
    {
        Config c = defaults();
        c.stack.composeFiles = {
            dataFile(u"docker-compose.yml"_s),
            QDir::cleanPath(dataDir() + u"/../shared/extra.yml"_s),
            QDir::homePath() + u"/stacks/mine.yml"_s,
            kStackDir + u"/docker-compose.override.yml"_s,
        };
        c.stack.envFile = dataFile(u"env/.env"_s);
        QTest::newRow("relative compose paths") << dataFile(u"relative-paths.yaml"_s) << c;
    }
}

void TestConfigLoader::validFiles()
{
    QFETCH(QString, file);
    QFETCH(Config, expected);

    const ConfigLoadResult result = loadConfigFile(file, kStackDir);
    QVERIFY2(result.ok(), qPrintable(formatProblems(result.problems)));
    compareConfig(result.config, expected);
}

void TestConfigLoader::brokenFiles_data()
{
    QTest::addColumn<QString>("file");
    // Each expected problem as "LINE:COLUMN:part of the message", in file order.
    QTest::addColumn<QStringList>("expected");

    auto row = [](const char *name, const QString &file, const QStringList &expected) {
        QTest::newRow(name) << dataFile(file) << expected;
    };
    row("typo at top level", u"typo-top-level.yaml"_s,
        {u"2:1:unknown key 'endpoint' (did you mean 'endpoints'?)"_s});
    row("typo nested", u"typo-nested.yaml"_s,
        {u"3:3:unknown key 'promethus' in 'endpoints' (did you mean 'prometheus'?)"_s});
    row("wrong type: duration", u"wrong-type-duration.yaml"_s,
        {u"5:14:'timeout' must be a duration such as 10s, not 'fast'"_s});
    row("wrong type: bool", u"wrong-type-bool.yaml"_s, {u"3:12:'enabled' must be true or false"_s});
    row("wrong type: list", u"wrong-type-list.yaml"_s, {u"3:18:expected a list"_s});
    row("wrong type: mapping", u"wrong-type-mapping.yaml"_s, {u"2:10:expected a mapping"_s});
    // `cluster` is an Alertmanager's key only, and a plain name
    row("cluster elsewhere and misspelt", u"bad-cluster.yaml"_s,
        {u"5:5:unknown key 'cluster' in 'endpoints.prometheus'"_s,
         u"8:16:'cluster' must be a name of letters, digits, '_', '.' and '-', not 'team a'"_s});
    row("bad url", u"bad-url.yaml"_s,
        {u"4:10:'url' must be an absolute http or https URL with a host"_s});
    row("url with password", u"url-with-password.yaml"_s,
        {u"4:10:must not contain a user name or password"_s});
    row("bad duration", u"bad-duration.yaml"_s,
        {u"4:12:'metrics' must be a duration such as 10s, not '5m1h'"_s});
    row("plain integer duration", u"plain-integer-duration.yaml"_s,
        {u"3:11:a duration needs a unit, e.g. 10s"_s});
    row("refresh below 1s", u"short-interval.yaml"_s, {u"3:10:'stack' must be at least 1s"_s});
    row("missing version", u"missing-version.yaml"_s, {u"2:1:missing 'version: 1'"_s});
    row("version 2", u"version-2.yaml"_s,
        {u"1:10:this file is for a newer Stackscope (version 2); this build reads version 1"_s});
    row("tab", u"tab.yaml"_s, {u"3:1:a tab is used for indentation"_s});
    row("syntax error", u"syntax-error.yaml"_s, {u"4:14:YAML syntax error"_s});
    row("unterminated quote", u"unterminated-quote.yaml"_s,
        {u"3:12:unterminated string: the closing \" is missing"_s});
    row("unclosed bracket", u"unclosed-bracket.yaml"_s, {u"3:13:this '[' has no matching ']'"_s});
    row("password in file", u"password-in-file.yaml"_s,
        {u"6:13:basic auth needs 'secret_env'"_s,
         u"8:7:'password': secrets are not stored in the file; name the environment variable"_s});
    row("basic auth without username", u"basic-without-username.yaml"_s,
        {u"5:13:basic auth needs a 'username'"_s});
    row("bearer auth without secret_env", u"bearer-without-secret-env.yaml"_s,
        {u"4:18:bearer auth needs 'secret_env'"_s});
    row("unknown auth type", u"unknown-auth-type.yaml"_s,
        {u"5:13:'type' must be basic, bearer or none, not 'digest'"_s});
    row("bad project name", u"bad-project.yaml"_s,
        {u"3:12:'project' must be a compose project name"_s});
    row("bad severity", u"bad-severity.yaml"_s,
        {u"3:17:'min_severity' must be info, warning or critical, not 'urgent'"_s,
         u"4:19:'severity_label' must be a label name"_s,
         u"5:21:'without_severity' must be none, info, warning or critical, not 'sometimes'"_s,
         u"7:5:unknown key 'critcal' in 'notifications.severity_levels' (did you mean "
         "'critical'?)"_s});
    row("bad stacks", u"bad-stacks.yaml"_s,
        {u"5:5:two stacks are called 'shop': give one a 'name'"_s,
         u"7:5:each stack needs 'compose_files'"_s, u"9:5:each stack needs 'compose_files', not"_s,
         u"11:5:unknown key 'projct' in 'stacks' (did you mean 'project'?)"_s});
    row("history_days out of range", u"bad-history-days.yaml"_s,
        {u"3:17:'history_days' must be between 1 and 366"_s});
    row("bad listen", u"bad-listen.yaml"_s, {u"3:11:'listen' must be host:port"_s});
    row("size without unit", u"bad-max-body.yaml"_s, {u"3:13:a size needs a unit"_s});
    row("missing ca_file", u"missing-ca-file.yaml"_s,
        {u"4:14:'ca_file' names a file that does not exist"_s});
    row("duplicate key", u"duplicate-key.yaml"_s,
        {u"4:3:duplicate key 'status' in 'refresh' (first given on line 3)"_s});
    row("empty file", u"empty.yaml"_s, {u"1:1:the file is empty"_s});
    // Found by the fuzzer (tests/fuzz): yaml-cpp 0.7's LoadAll looped forever on a lone ','.
    QTest::newRow("lone comma (fuzz regression)") << QString::fromUtf8(
        STACKSCOPE_SOURCE_DIR "/tests/fuzz/regressions/config_yaml/lone-comma.yaml")
                                                  << QStringList{u"1:1:YAML syntax error"_s};
    QTest::newRow("comma after a comment (fuzz regression)")
        << QString::fromUtf8(STACKSCOPE_SOURCE_DIR
                             "/tests/fuzz/regressions/config_yaml/"
                             "timeout-cb866908857d3cc78d667efc6c5f7fb785d0c480")
        << QStringList{u"2:1:YAML syntax error"_s};
    row("list, not a mapping", u"list.yaml"_s,
        {u"1:1:expected a mapping (lines of 'key: value') at the top level, not a list"_s});
    row("several problems", u"several-problems.yaml"_s,
        {
            u"3:12:'project' must be a compose project name"_s,
            u"4:18:expected a list for 'compose_files'"_s,
            u"6:3:unknown key 'promethus' in 'endpoints' (did you mean 'prometheus'?)"_s,
            u"9:10:'url' must be an absolute http or https URL"_s,
            u"10:14:'timeout' must be longer than 0s"_s,
            u"12:11:a duration needs a unit"_s,
            u"14:12:'enabled' must be true or false, not 'yes please'"_s,
            u"15:20:'storm_threshold' must be between 1 and 10000"_s,
            u"16:1:unknown key 'colour'"_s,
        });
}

void TestConfigLoader::brokenFiles()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);

    const ConfigLoadResult result = loadConfigFile(file, kStackDir);
    QVERIFY(!result.ok());
    const QString actual = formatProblems(result.problems);
    QVERIFY2(result.problems.size() == expected.size(), qPrintable(actual));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QStringList parts = expected.at(i).split(u':');
        const ConfigProblem &problem = result.problems.at(i);
        const QString message = parts.mid(2).join(u':');
        QVERIFY2(problem.message.contains(message), qPrintable(actual));
        QCOMPARE(problem.line, parts.at(0).toInt());
        QCOMPARE(problem.column, parts.at(1).toInt());
    }
}

void TestConfigLoader::defaultsAgree()
{
    // The code's defaults (Config's member initializers and configDefaults()) are the only
    // source: a key left out means them, and the bundled default file must write out the same.
    const Config code = configDefaults(kStackDir);
    const ConfigLoadResult minimal = parseConfig("version: 1\n", u"/somewhere"_s, kStackDir);
    QVERIFY(minimal.ok());
    compareConfig(minimal.config, code);
    if (QTest::currentTestFailed())
        return;
    const ConfigLoadResult bundled
        = parseConfig(defaultConfigText(kStackDir), kStackDir, kStackDir);
    QVERIFY2(bundled.ok(), qPrintable(formatProblems(bundled.problems)));
    compareConfig(bundled.config, code); // a failure here: default.yaml and the code disagree
    if (QTest::currentTestFailed())
        return;
    compareConfig(defaultConfig(kStackDir), code);
    if (QTest::currentTestFailed())
        return;

    const Config config = defaultConfig(kStackDir);
    QCOMPARE(config.stack.composeFiles, QStringList{kStackDir + u"/docker-compose.yml"_s});
    QCOMPARE(config.prometheus.url, QUrl(u"http://127.0.0.1:9091"_s));
    QCOMPARE(config.alertmanagers.size(), 1);
    QCOMPARE(config.alertmanagers.first().url, QUrl(u"http://127.0.0.1:9093"_s));
    QCOMPARE(config.jaeger.url, QUrl(u"http://127.0.0.1:16686"_s));
    QCOMPARE(config.grafana.url, QUrl(u"http://127.0.0.1:3000"_s));
    QCOMPARE(config.http.maxBodyBytes, qint64(64) * 1024 * 1024);
}

void TestConfigLoader::defaultTextIsTheBundledFile()
{
    QFile source(QString::fromUtf8(STACKSCOPE_SOURCE_DIR "/resources/config/default.yaml"));
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray text = defaultConfigText(kStackDir);
    QCOMPARE(text, source.readAll().replace("@STACK_DIR@", kStackDir.toUtf8()));
    QVERIFY(text.startsWith("# Stackscope configuration."));
    QVERIFY(!text.contains("@STACK_DIR@"));
}

void TestConfigLoader::stackDirIsEscapedInDefaultText()
{
    const QString odd = u"/tmp/a \"quoted\" \\ dir"_s;
    const ConfigLoadResult result = parseConfig(defaultConfigText(odd), odd, odd);
    QVERIFY2(result.ok(), qPrintable(formatProblems(result.problems)));
    QCOMPARE(result.config.stack.composeFiles, QStringList{odd + u"/docker-compose.yml"_s});
}

void TestConfigLoader::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds"); // -1 = rejected

    QTest::newRow("500ms") << u"500ms"_s << qint64(500);
    QTest::newRow("10s") << u"10s"_s << qint64(10'000);
    QTest::newRow("5m") << u"5m"_s << qint64(300'000);
    QTest::newRow("1h") << u"1h"_s << qint64(3'600'000);
    QTest::newRow("1h30m") << u"1h30m"_s << qint64(5'400'000);
    QTest::newRow("1m30s500ms") << u"1m30s500ms"_s << qint64(90'500);
    QTest::newRow("1.5s") << u"1.5s"_s << qint64(1'500);
    QTest::newRow("1d") << u"1d"_s << qint64(86'400'000);
    QTest::newRow("2w") << u"2w"_s << qint64(14 * 86'400'000ll);
    QTest::newRow("plain integer") << u"10"_s << qint64(-1);
    QTest::newRow("word") << u"fast"_s << qint64(-1);
    QTest::newRow("wrong order") << u"5m1h"_s << qint64(-1);
    QTest::newRow("repeated unit") << u"1h1h"_s << qint64(-1);
    QTest::newRow("negative") << u"-1s"_s << qint64(-1);
    QTest::newRow("space") << u"10 s"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"10sec"_s << qint64(-1);
    QTest::newRow("zero") << u"0s"_s << qint64(-1);
    QTest::newRow("beyond a timer's range") << u"25d"_s << qint64(-1);
}

void TestConfigLoader::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);

    const QByteArray yaml
        = "version: 1\nendpoints:\n  prometheus:\n    timeout: \"" + text.toUtf8() + "\"\n";
    const ConfigLoadResult result = parseConfig(yaml, dataDir(), kStackDir);
    if (milliseconds < 0) {
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().line, 4);
        QCOMPARE(result.problems.first().column, 14);
        QVERIFY2(result.problems.first().message.startsWith(u"'timeout' "_s),
                 qPrintable(result.problems.first().message));
    } else {
        QVERIFY2(result.ok(), qPrintable(formatProblems(result.problems)));
        QCOMPARE(qint64(result.config.prometheus.timeout.count()), milliseconds);
    }
}

void TestConfigLoader::refreshNeedsOneSecond()
{
    expectOneProblem("version: 1\nrefresh:\n  traces: 999ms\n", 3, 11,
                     u"'traces' must be at least 1s, not '999ms'"_s);
    QVERIFY(parseConfig("version: 1\nrefresh:\n  traces: 1s\n", dataDir(), kStackDir).ok());
}

void TestConfigLoader::sizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes"); // -1 = rejected

    QTest::newRow("64MiB") << u"64MiB"_s << qint64(64 * 1024 * 1024);
    QTest::newRow("512KiB") << u"512KiB"_s << qint64(512 * 1024);
    QTest::newRow("1GiB") << u"1GiB"_s << qint64(1024 * 1024 * 1024);
    QTest::newRow("10MB") << u"10MB"_s << qint64(10'000'000);
    QTest::newRow("2KB") << u"2KB"_s << qint64(2'000);
    QTest::newRow("1GB") << u"1GB"_s << qint64(1'000'000'000);
    QTest::newRow("4096B") << u"4096B"_s << qint64(4096);
    QTest::newRow("with a space") << u"8 MiB"_s << qint64(8 * 1024 * 1024);
    QTest::newRow("no unit") << u"65536"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"3TB"_s << qint64(-1);
    QTest::newRow("too small") << u"100B"_s << qint64(-1);
    QTest::newRow("word") << u"big"_s << qint64(-1);
}

void TestConfigLoader::sizes()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);

    const QByteArray yaml = "version: 1\nhttp:\n  max_body: " + text.toUtf8() + "\n";
    const ConfigLoadResult result = parseConfig(yaml, dataDir(), kStackDir);
    if (bytes < 0) {
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().line, 3);
        QCOMPARE(result.problems.first().column, 13);
    } else {
        QVERIFY2(result.ok(), qPrintable(formatProblems(result.problems)));
        QCOMPARE(result.config.http.maxBodyBytes, bytes);
    }
}

void TestConfigLoader::listen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    QTest::newRow("ipv4") << u"127.0.0.1:9465"_s << true;
    QTest::newRow("name") << u"localhost:1"_s << true;
    QTest::newRow("ipv6") << u"[::1]:9465"_s << true;
    QTest::newRow("highest port") << u"0.0.0.0:65535"_s << true;
    QTest::newRow("port 0") << u"127.0.0.1:0"_s << false;
    QTest::newRow("port too high") << u"127.0.0.1:65536"_s << false;
    QTest::newRow("no port") << u"127.0.0.1"_s << false;
    QTest::newRow("no host") << u":9465"_s << false;
    QTest::newRow("bare ipv6") << u"::1:9465"_s << false;
}

void TestConfigLoader::listen()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);

    const QByteArray yaml = "version: 1\nself_metrics:\n  listen: \"" + text.toUtf8() + "\"\n";
    const ConfigLoadResult result = parseConfig(yaml, dataDir(), kStackDir);
    QCOMPARE(result.ok(), valid);
    if (valid)
        QCOMPARE(result.config.selfMetrics.listen, text);
    else
        QCOMPARE(result.problems.first().column, 11);
}

void TestConfigLoader::columnsCountCharacters()
{
    // yaml-cpp counts bytes; editors count characters.
    expectOneProblem("version: 1\nstack: {\"\xc3\xa9\xc3\xa9\": x}\n", 2, 9,
                     u"unknown key '\u00e9\u00e9' in 'stack'"_s);
    expectOneProblem("version: 1\nstack: {env_file: \"\xc3\xa9\xc3\xa9\", f\xc3\xb6\xc3\xb6: 1}\n",
                     2, 25, u"unknown key 'f\u00f6\u00f6' in 'stack'"_s);
}

void TestConfigLoader::severalDocuments()
{
    expectOneProblem("version: 1\n---\nversion: 1\n", 3, 1, u"only one YAML document"_s);
}

void TestConfigLoader::aliasCyclesAndBlockScalars()
{
    // An alias may refer to its own mapping: the walk over the tree must still end.
    expectOneProblem("version: 1\nx: &a {b: *a, c: [*a, *a]}\n", 2, 1, u"unknown key 'x'"_s);
    // Anchors and aliases are otherwise fine.
    const ConfigLoadResult aliased = parseConfig(
        "version: 1\nrefresh:\n  metrics: &often 30s\n  alerts: *often\n", dataDir(), kStackDir);
    QVERIFY2(aliased.ok(), qPrintable(formatProblems(aliased.problems)));
    QCOMPARE(aliased.config.refresh.alerts.count(), 30'000);
    // `$` would match before the newline a block scalar ends with.
    expectOneProblem("version: 1\nstack:\n  project: |\n    mine\n", 3, 12,
                     u"'project' must be a compose project name"_s);
}

void TestConfigLoader::unreadableFile()
{
    const ConfigLoadResult result = loadConfigFile(dataFile(u"does-not-exist.yaml"_s), kStackDir);
    QCOMPARE(result.problems.size(), 1);
    QCOMPARE(result.problems.first().line, 0);
    QCOMPARE(result.problems.first().column, 0);
    QVERIFY(result.problems.first().message.startsWith(u"cannot read the file"_s));
}

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "tst_configloader.moc"
