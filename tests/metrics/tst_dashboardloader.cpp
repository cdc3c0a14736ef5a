// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboards: the seed Grafana dashboards (from ../shared/seeds, extracted from their Markdown),
// the bundled stack's xg2g copy, rows (collapsed with nested panels), variables, legacy panel
// types, the bundled YAML dashboard, YAML errors, and the atomic save of an import.
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/dashboardstore.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QString seedPath(const QString &prefix)
{
    const QDir seeds(Test::sharedPath(u"seeds"_s));
    const QStringList matches = seeds.entryList({prefix + u"_*.txt"_s}, QDir::Files, QDir::Name);
    return matches.isEmpty() ? Test::sharedPath(u"seeds/"_s + prefix + u"_*.txt"_s)
                             : seeds.filePath(matches.first());
}

QByteArray seedDashboard(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return DashboardLoader::extractJsonBlock(QString::fromUtf8(file.readAll()), u"\"dashboard\""_s);
}

QStringList exprs(const Panel &panel)
{
    QStringList out;
    for (const PanelQuery &q : panel.queries)
        out << q.expr;
    return out;
}

} // namespace

class TestDashboardLoader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void xg2gSeed();
    void codeAgentSeed();
    void bundledXg2gCopy();
    void rowsAndVariables();
    void bundledYaml();
    void prometheusAnnotations();
    void multiValueVariables();
    void yamlErrors_data();
    void yamlErrors();
    void notADashboard_data();
    void notADashboard();
    void importSavesAtomically();
    void safeUid_data();
    void safeUid();
    void fuzzRegressions_data();
    void fuzzRegressions();
    void importKeepsForeignFile();
    void publicDashboardsUsePrometheus_data();
    void publicDashboardsUsePrometheus();
    void foreignDatasources();
    void exemplarFlag();
};

void TestDashboardLoader::xg2gSeed()
{
    const QString path = seedPath(u"000"_s);
    STACKSCOPE_REQUIRE_SHARED(path);
    const QByteArray json = seedDashboard(path);
    QVERIFY2(!json.isEmpty(), "no ```json block with a dashboard in the 000 seed");
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.title, u"xg2g Production Overview"_s);
    QCOMPARE(d.uid, u"xg2g-overview"_s);
    QCOMPARE(d.panels.size(), 5);
    QCOMPARE(d.dataPanelCount(), 5);
    QVERIFY(d.panels.at(0).type == Panel::Type::TimeSeries);
    QCOMPARE(d.panels.at(0).sourceType, u"graph"_s);
    QCOMPARE(exprs(d.panels.at(0)),
             (QStringList{u"rate(xg2g_openwebif_request_success_total[5m])"_s,
                          u"rate(xg2g_openwebif_request_failures_total[5m])"_s}));
    QCOMPARE(d.panels.at(0).queries.at(1).legendFormat, u"Failures"_s);
    QCOMPARE(d.panels.at(1).queries.at(0).legendFormat, u"{{ mode }}"_s);
    QCOMPARE(exprs(d.panels.at(2)), QStringList{u"rate(xg2g_ratelimit_exceeded_total[5m])"_s});
    QVERIFY(d.panels.at(3).type == Panel::Type::Gauge);
    QCOMPARE(d.panels.at(3).unit, u"percent"_s);
    QCOMPARE(d.panels.at(3).min.value_or(-1), 0.0);
    QCOMPARE(d.panels.at(3).max.value_or(-1), 100.0);
    QVERIFY(d.panels.at(4).type == Panel::Type::Stat);
    QCOMPARE(exprs(d.panels.at(4)), QStringList{u"xg2g_circuit_breaker_state"_s});
    QVERIFY(d.panels.at(4).grid == (GridPos{18, 8, 6, 8}));
    QVERIFY(d.warnings.isEmpty());
}

void TestDashboardLoader::codeAgentSeed()
{
    const QString path = seedPath(u"002"_s);
    STACKSCOPE_REQUIRE_SHARED(path);
    const QByteArray json = seedDashboard(path);
    QVERIFY2(!json.isEmpty(), "no ```json block with a dashboard in the 002 seed");
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.title, u"Code Agent MVP - Production Dashboard"_s);
    QCOMPARE(d.uid, u"code-agent-mvp-production-dashboard"_s);
    QCOMPARE(d.panels.size(), 5);
    QVERIFY(d.panels.at(0).type == Panel::Type::Stat);
    QCOMPARE(exprs(d.panels.at(0)),
             QStringList{u"up{job=~\"gateway|orchestrator|adapter|llm-patch\"}"_s});
    QCOMPARE(
        exprs(d.panels.at(2)),
        QStringList{u"histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m]))"_s});
    QCOMPARE(
        exprs(d.panels.at(4)),
        QStringList{u"rate(container_cpu_usage_seconds_total{name=~\"agent-.*\"}[5m]) * 100"_s});
    // No gridPos in this seed: laid out two per row.
    QVERIFY(d.panels.at(0).grid == (GridPos{0, 0, 12, 8}));
    QVERIFY(d.panels.at(1).grid == (GridPos{12, 0, 12, 8}));
    QVERIFY(d.panels.at(4).grid == (GridPos{0, 16, 12, 8}));
}

void TestDashboardLoader::bundledXg2gCopy()
{
    Dashboard d;
    QString error;
    QVERIFY2(
        DashboardLoader::fromFile(QStringLiteral(STACKSCOPE_SOURCE_DIR)
                                      + u"/resources/stack/grafana/dashboards/xg2g-overview.json"_s,
                                  &d, &error),
        qPrintable(error));
    QCOMPARE(d.uid, u"xg2g-overview"_s);
    QCOMPARE(d.dataPanelCount(), 5);
}

void TestDashboardLoader::rowsAndVariables()
{
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/grafana-rows.json"_s, &d,
                                       &error),
             qPrintable(error));
    QCOMPARE(d.uid, u"rows-test-1"_s);
    // Two rows, four top-level panels, two nested in the collapsed row: nothing dropped.
    QCOMPARE(d.panels.size(), 8);
    QCOMPARE(d.dataPanelCount(), 6);
    QStringList titles;
    for (const Panel &p : d.panels)
        titles << p.title;
    QCOMPARE(titles, (QStringList{u"Overview"_s, u"Up by job"_s, u"Old stat"_s, u"Pie"_s,
                                  u"Details"_s, u"Bars"_s, u"Table"_s, u"Range"_s}));
    QVERIFY(d.panels.at(4).type == Panel::Type::Row);
    QVERIFY(d.panels.at(4).collapsed);
    // Types, units, thresholds.
    const Panel &up = d.panels.at(1);
    QCOMPARE(up.unit, u"percentunit"_s);
    QCOMPARE(up.interval, u"30s"_s);
    QCOMPARE(up.queries.size(), 1); // the hidden query is not run
    QCOMPARE(up.thresholds.size(), 2);
    QVERIFY(std::isinf(up.thresholds.at(0).value));
    QCOMPARE(up.thresholds.at(1).value, 0.5);
    QCOMPARE(up.thresholds.at(1).color, grafanaColor(u"red"_s));
    const Panel &old = d.panels.at(2);
    QVERIFY(old.type == Panel::Type::Stat);
    QCOMPARE(old.unit, u"bytes"_s);
    QCOMPARE(old.thresholds.size(), 3);
    QCOMPARE(old.thresholds.at(2).value, 80.0);
    QVERIFY(d.panels.at(3).type == Panel::Type::PieChart);
    QCOMPARE(d.panels.at(3).sourceType, u"piechart"_s);
    QVERIFY(d.panels.at(5).type == Panel::Type::BarGauge); // no longer a round gauge
    QVERIFY(d.panels.at(6).type == Panel::Type::Table);
    QVERIFY(d.panels.at(6).queries.at(0).instant);
    QCOMPARE(d.panels.at(7).unit, u"s"_s);
    // Variables: query (label_values), custom, interval, datasource.
    QCOMPARE(d.variables.size(), 4);
    QVERIFY(d.variables.at(0).kind == DashboardVariable::Kind::Query);
    QCOMPARE(d.variables.at(0).query, u"label_values(up, job)"_s);
    QCOMPARE(d.variables.at(0).current, QStringList{u"$__all"_s});
    QVERIFY(d.variables.at(0).multi);
    QCOMPARE(d.variables.at(1).options, (QStringList{u"idle"_s, u"user"_s, u"system"_s}));
    QCOMPARE(d.variables.at(1).current, QStringList{u"user"_s});
    QVERIFY(d.variables.at(2).kind == DashboardVariable::Kind::Interval);
    QCOMPARE(d.variables.at(2).current, QStringList{u"5m"_s});
    // The datasource variable names the configured Prometheus: hidden, no warning; and the
    // pie chart is drawn now, not a placeholder.
    QVERIFY(d.variables.at(3).kind == DashboardVariable::Kind::Constant);
    QCOMPARE(d.variables.at(3).current, QStringList{u"Prometheus"_s});
    QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.join(u'\n')));
}

void TestDashboardLoader::multiValueVariables()
{
    // Grafana: several selected values, a regex, a custom All value; a single-value variable
    // keeps one value even when the file lists more.
    QFile file(QStringLiteral(STACKSCOPE_TEST_DATA_DIR) + u"/metrics/grafana-multi.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray json = file.readAll();
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.variables.size(), 3);
    QCOMPARE(d.variables.at(0).current, (QStringList{u"a"_s, u"b.c"_s}));
    QVERIFY(d.variables.at(0).multi);
    QCOMPARE(d.variables.at(1).current, QStringList{u"$__all"_s});
    QCOMPARE(d.variables.at(1).allValue, u".*"_s);
    QCOMPARE(d.variables.at(1).regex, u"/instance=\"([^\"]+)\"/"_s);
    QCOMPARE(d.variables.at(2).current, QStringList{u"y"_s});
    // The YAML form: `multi`, a list as the default, `regex`, `all_value`.
    const QByteArray yaml
        = "title: y\n"
          "variables:\n"
          "  - {name: inst, type: custom, options: [a, b, c], multi: true,\n"
          "     default: [a, c]}\n"
          "  - {name: m, type: query, query: 'metrics(^go_)', regex: '/go_(.*)/',\n"
          "     include_all: true, all_value: '.+', default: $__all}\n"
          "panels: []\n";
    QVERIFY2(DashboardLoader::fromYaml(yaml, &d, &error), qPrintable(error));
    QCOMPARE(d.variables.size(), 2);
    QVERIFY(d.variables.at(0).multi);
    QCOMPARE(d.variables.at(0).current, (QStringList{u"a"_s, u"c"_s}));
    QCOMPARE(d.variables.at(1).query, u"metrics(^go_)"_s);
    QCOMPARE(d.variables.at(1).regex, u"/go_(.*)/"_s);
    QCOMPARE(d.variables.at(1).allValue, u".+"_s);
    QCOMPARE(d.variables.at(1).current, QStringList{u"$__all"_s});
}

void TestDashboardLoader::prometheusAnnotations()
{
    // Grafana's built-in annotation (its own alerts) and a Loki one have no PromQL to run; a
    // Prometheus one (by type, or by the default datasource) is kept, disabled or not.
    const QByteArray json = R"({"uid":"a","title":"A","panels":[],"annotations":{"list":[
        {"builtIn":1,"datasource":{"type":"grafana","uid":"-- Grafana --"},"enable":true,
         "name":"Annotations & Alerts","type":"dashboard"},
        {"datasource":{"type":"prometheus","uid":"p"},"enable":true,"name":"Firing",
         "expr":"ALERTS{alertstate=\"firing\"}"},
        {"datasource":"Loki","enable":true,"name":"Deploys","expr":"{app=\"x\"}"},
        {"enable":false,"name":"Restarts","expr":"changes(process_start_time_seconds[1m]) > 0"}]}})";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.annotations.size(), 2);
    QCOMPARE(d.annotations.at(0).name, u"Firing"_s);
    QCOMPARE(d.annotations.at(0).expr, u"ALERTS{alertstate=\"firing\"}"_s);
    QVERIFY(d.annotations.at(0).enabled);
    QCOMPARE(d.annotations.at(1).name, u"Restarts"_s);
    QVERIFY(!d.annotations.at(1).enabled);
}

void TestDashboardLoader::bundledYaml()
{
    QStringList problems;
    const QList<Dashboard> all = DashboardStore::loadAll(QString(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(all.size(), 1);
    const Dashboard &d = all.first();
    QCOMPARE(d.uid, u"stackscope-overview"_s);
    QVERIFY(d.source.isEmpty());
    QCOMPARE(d.dataPanelCount(), 14);
    QCOMPARE(d.variables.size(), 1);
    QCOMPARE(d.variables.first().query, u"label_values(up, job)"_s);
    QVERIFY(d.panels.at(0).type == Panel::Type::Stat);
    QCOMPARE(d.panels.at(0).thresholds.size(), 2);
    QCOMPARE(d.panels.at(3).unit, u"bytes"_s);
    QCOMPARE(d.panels.at(3).queries.at(0).legendFormat, u"{{job}}"_s);
    QVERIFY(d.panels.at(5).type == Panel::Type::Gauge);
    QVERIFY(d.panels.at(10).type == Panel::Type::Table);
    QVERIFY(d.panels.at(10).queries.at(0).instant);
}

void TestDashboardLoader::yamlErrors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");
    QTest::newRow("broken-syntax") << QByteArray("title: x\npanels: [\n") << u"line 3"_s;
    QTest::newRow("not-a-map") << QByteArray("- a\n- b\n") << u"mapping"_s;
    QTest::newRow("panels-not-list") << QByteArray("title: x\npanels: 3\n") << u"must be a list"_s;
    QTest::newRow("panel-without-query")
        << QByteArray("title: x\npanels:\n  - title: A\n    type: stat\n")
        << u"line 3, column 5: panel \"A\" has no expr"_s;
    QTest::newRow("bad-number") << QByteArray(
        "panels:\n  - title: A\n    expr: up\n    min: lots\n")
                                << u"line 4"_s;
}

void TestDashboardLoader::yamlErrors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    Dashboard d;
    QString message;
    QVERIFY(!DashboardLoader::fromYaml(yaml, &d, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestDashboardLoader::notADashboard_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not-json") << QByteArray("{\"dashboard\": ") << u"not JSON"_s;
    QTest::newRow("no-panels") << QByteArray("{\"title\": \"x\"}") << u"neither"_s;
    QTest::newRow("html") << QByteArray("<html></html>") << u"not JSON"_s;
}

void TestDashboardLoader::notADashboard()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    Dashboard d;
    QString message;
    QVERIFY(!DashboardLoader::fromGrafanaJson(json, &d, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestDashboardLoader::safeUid_data()
{
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << u"my_dash-1"_s << u"t"_s << u"my_dash-1"_s;
    // A lone surrogate once made the filter (a regular expression) not match at all, which let
    // the '/' and '..' through (found by tests/fuzz/fuzz_dashboard_json).
    QTest::newRow("lone surrogate then traversal")
        << QString(QChar(0xD800)) + u"../../x"_s << u"t"_s << u"x"_s;
    QTest::newRow("low surrogate in the title")
        << QString() << QString(QChar(0xDC00)) + u"/etc/passwd"_s << u"etc-passwd"_s;
    QTest::newRow("only dashes: the title") << u"--"_s << u"t"_s << u"t"_s;
    QTest::newRow("nothing usable") << u"../"_s << u"/"_s << u"dashboard"_s;
    QTest::newRow("runs become one dash") << u"a / b..c"_s << u"t"_s << u"a-b-c"_s;
    QTest::newRow("at most 80") << QString(100, u'u') << u"t"_s << QString(80, u'u');
}

void TestDashboardLoader::safeUid()
{
    QFETCH(QString, uid);
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(DashboardLoader::safeUid(uid, title), expected);
}

void TestDashboardLoader::fuzzRegressions_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("uid");
    QTest::newRow("uid traversal") << u"lone-surrogate-uid-traversal.json"_s << u"tmp-evil"_s;
    QTest::newRow("title traversal") << u"lone-surrogate-title.json"_s << u"etc-passwd"_s;
    QTest::newRow("uid with space and slash")
        << u"crash-afcfa44d29d6b469654c6aa5bb871770e4ac4f1b"_s << u"rows-test-1"_s;
}

// The fuzzer's inputs, loaded as a Grafana import: the uid (the file name the import saves to)
// has no '/' and no "..".
void TestDashboardLoader::fuzzRegressions()
{
    QFETCH(QString, file);
    QFETCH(QString, uid);
    const QByteArray json = Test::readFile(
        QStringLiteral(STACKSCOPE_SOURCE_DIR "/tests/fuzz/regressions/dashboard_json/") + file);
    QVERIFY(!json.isEmpty());
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.uid, uid);
    QVERIFY(!d.uid.contains(u'/'));
    QVERIFY(!d.uid.contains(u".."_s));
}

void TestDashboardLoader::importSavesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(u"dashboards"_s);
    Dashboard d;
    QString saved;
    QString error;
    QVERIFY2(DashboardStore::importGrafana(Test::testDataDir() + u"/metrics/grafana-rows.json"_s,
                                           target, &d, &saved, &error),
             qPrintable(error));
    QCOMPARE(saved, target + u"/rows-test-1.json"_s);
    // Saved in the plain form, readable again, listed after the bundled one.
    const QByteArray written = Test::readFile(saved);
    QVERIFY(!written.contains("\"dashboard\":"));
    QStringList problems;
    const QList<Dashboard> all = DashboardStore::loadAll(target, &problems);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(1).uid, u"rows-test-1"_s);
    QCOMPARE(all.at(1).source, saved);
    QCOMPARE(all.at(1).panels.size(), d.panels.size());
    // Importing again replaces, a broken file is reported and loses nothing.
    QVERIFY(DashboardStore::importGrafana(saved, target, &d, &saved, &error));
    QFile broken(target + u"/broken.yaml"_s);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("panels: [");
    broken.close();
    problems.clear();
    QCOMPARE(DashboardStore::loadAll(target, &problems).size(), 2);
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(u"broken.yaml"_s));
    QVERIFY(!DashboardStore::importGrafana(dir.filePath(u"missing.json"_s), target, &d, &saved,
                                           &error));
    QVERIFY(error.contains(u"cannot read"_s));
}

void TestDashboardLoader::importKeepsForeignFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(u"dashboards"_s);
    QVERIFY(QDir().mkpath(target));
    const QString source = Test::testDataDir() + u"/metrics/grafana-rows.json"_s;
    const QString path = target + u"/rows-test-1.json"_s; // the dashboard's uid
    // Something else under that name (not a dashboard): refused, its bytes untouched.
    const QByteArray foreign = "{\"notes\": \"mine, not a dashboard\"}\n";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(foreign);
    }
    Dashboard d;
    QString saved;
    QString error;
    QVERIFY(!DashboardStore::importGrafana(source, target, &d, &saved, &error));
    QVERIFY2(error.contains(u"not a dashboard Stackscope can read"_s), qPrintable(error));
    QVERIFY2(error.contains(u"not replaced"_s), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
    QCOMPARE(Test::readFile(path), foreign);
    // Not JSON at all: the same.
    const QByteArray garbage = "panels: [ not json";
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
    }
    QVERIFY(!DashboardStore::importGrafana(source, target, &d, &saved, &error));
    QCOMPARE(Test::readFile(path), garbage);
    // No file: imported, nothing said about replacing.
    QVERIFY(QFile::remove(path));
    QVERIFY2(DashboardStore::importGrafana(source, target, &d, &saved, &error), qPrintable(error));
    QCOMPARE(saved, path);
    QVERIFY(!d.warnings.join(u'\n').contains(u"replaced"_s));
    // An earlier import (a dashboard): replaced, and the import says so.
    QVERIFY2(DashboardStore::importGrafana(source, target, &d, &saved, &error), qPrintable(error));
    QVERIFY(!d.warnings.isEmpty());
    QVERIFY2(d.warnings.first().contains(u"replaced"_s), qPrintable(d.warnings.first()));
    QVERIFY(d.warnings.first().contains(path));
}

void TestDashboardLoader::publicDashboardsUsePrometheus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("panels");
    QTest::newRow("${DS_PROMETHEUS} from __inputs") << u"redis-exporter.json"_s << 13;
    QTest::newRow("${DS_PROMETHEUS}, schema 12") << u"redis-exporter-0.3x.json"_s << 12;
    QTest::newRow("$server datasource variable") << u"elasticsearch-exporter.json"_s << 28;
    QTest::newRow("$datasource variable") << u"host-details.json"_s << 14;
    QTest::newRow("$datasource, seven variables") << u"radosgw-overview.json"_s << 12;
}

void TestDashboardLoader::publicDashboardsUsePrometheus()
{
    // Real dashboards (tests/data/metrics/public) name their Prometheus through __inputs or a
    // datasource variable: both are the configured server, without a warning or a variable box.
    QFETCH(QString, file);
    QFETCH(int, panels);
    Dashboard d;
    QString error;
    QVERIFY2(
        DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/public/"_s + file, &d, &error),
        qPrintable(error));
    QCOMPARE(d.panels.size(), panels);
    for (const QString &w : std::as_const(d.warnings))
        QVERIFY2(!w.contains(u"datasource"_s) && !w.contains(u"not supported"_s), qPrintable(w));
    int queried = 0;
    for (const Panel &p : std::as_const(d.panels)) {
        QVERIFY2(p.foreignDatasource.isEmpty(), qPrintable(p.title));
        queried += p.queries.isEmpty() ? 0 : 1;
    }
    QVERIFY(queried > 0);
    for (const DashboardVariable &v : std::as_const(d.variables))
        QVERIFY2(v.kind != DashboardVariable::Kind::Unsupported, qPrintable(v.name));
}

void TestDashboardLoader::foreignDatasources()
{
    // Written for this test: panels of Loki (by a datasource variable, by an object) and of
    // Elasticsearch (by name), a mixed panel with one PromQL query, and a Prometheus one.
    const QByteArray json = R"json({"title": "mixed sources",
        "__inputs": [{"name": "DS_LOGS", "type": "datasource", "pluginId": "loki"},
                     {"name": "DS_PROM", "type": "datasource", "pluginId": "prometheus"}],
        "templating": {"list": [{"name": "logs", "type": "datasource", "query": "loki"}]},
        "panels": [
          {"type": "timeseries", "title": "by variable", "datasource": "$logs",
           "targets": [{"expr": "rate({job=\"x\"}[1m])", "refId": "A"}]},
          {"type": "logs", "title": "by object", "datasource": {"type": "loki", "uid": "abc"},
           "targets": [{"expr": "{job=\"x\"}", "refId": "A"}]},
          {"type": "table", "title": "by name", "datasource": "Elasticsearch",
           "targets": [{"query": "*", "refId": "A"}]},
          {"type": "timeseries", "title": "by input", "datasource": "${DS_LOGS}",
           "targets": [{"expr": "{a=\"b\"}", "refId": "A"}]},
          {"type": "timeseries", "title": "mixed", "datasource": "-- Mixed --",
           "targets": [{"expr": "up", "refId": "A", "datasource": {"type": "prometheus", "uid": "p"}},
                       {"expr": "{a=\"b\"}", "refId": "B", "datasource": {"type": "loki", "uid": "l"}}]},
          {"type": "timeseries", "title": "prometheus", "datasource": "${DS_PROM}",
           "targets": [{"expr": "up", "refId": "A"}]}
        ]})json";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.size(), 6);
    // Loki's panels are queried, as LogQL to Loki; Elasticsearch's are not queried at all.
    for (int i : {0, 1, 3}) {
        QVERIFY(d.panels.at(i).foreignDatasource.isEmpty());
        QCOMPARE(d.panels.at(i).queries.size(), 1);
        QCOMPARE(d.panels.at(i).queries.at(0).datasource, u"loki"_s);
    }
    QCOMPARE(d.panels.at(1).type, Panel::Type::Logs);
    QCOMPARE(d.panels.at(2).foreignDatasource, u"elasticsearch"_s);
    QVERIFY(d.panels.at(2).queries.isEmpty());
    QVERIFY(d.panels.at(4).foreignDatasource.isEmpty());
    QCOMPARE(d.panels.at(4).queries.size(), 2);
    QCOMPARE(d.panels.at(4).queries.at(0).expr, u"up"_s);
    QVERIFY(d.panels.at(4).queries.at(0).datasource.isEmpty());
    QCOMPARE(d.panels.at(4).queries.at(1).datasource, u"loki"_s);
    QVERIFY(d.panels.at(5).foreignDatasource.isEmpty());
    QCOMPARE(d.panels.at(5).queries.size(), 1);
    // The panel that is not queried is named once in the notes, with its datasource.
    QCOMPARE(d.warnings.size(), 1);
    QVERIFY(d.warnings.at(0).contains(u"by name"_s)
            && d.warnings.at(0).contains(u"elasticsearch"_s));
}

void TestDashboardLoader::exemplarFlag()
{
    // Grafana's per-query "exemplar", and the same key in YAML; off unless set.
    const QByteArray json = R"json({"title":"e","panels":[{"type":"timeseries","title":"t",
        "targets":[{"refId":"A","expr":"rate(a[1m])","exemplar":true},
                   {"refId":"B","expr":"rate(b[1m])","exemplar":false},
                   {"refId":"C","expr":"rate(c[1m])"}]}]})json";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.size(), 1);
    QCOMPARE(d.panels.at(0).queries.size(), 3);
    QVERIFY(d.panels.at(0).queries.at(0).exemplar);
    QVERIFY(!d.panels.at(0).queries.at(1).exemplar);
    QVERIFY(!d.panels.at(0).queries.at(2).exemplar);
    const QByteArray yaml = "title: e\n"
                            "panels:\n"
                            "  - title: t\n"
                            "    type: timeseries\n"
                            "    queries:\n"
                            "      - expr: rate(a[1m])\n"
                            "        exemplar: true\n"
                            "      - expr: rate(b[1m])\n";
    Dashboard y;
    QVERIFY2(DashboardLoader::fromYaml(yaml, &y, &error), qPrintable(error));
    QCOMPARE(y.panels.at(0).queries.size(), 2);
    QVERIFY(y.panels.at(0).queries.at(0).exemplar);
    QVERIFY(!y.panels.at(0).queries.at(1).exemplar);
}

QTEST_GUILESS_MAIN(TestDashboardLoader)

#include "tst_dashboardloader.moc"
