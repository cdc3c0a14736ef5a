// SPDX-License-Identifier: GPL-3.0-or-later
// Dashboard variables in text (models/metrics/variableformat.*) and in PromQL
// (QueryTime::interpolate): Grafana's advanced format options with the examples of its
// documentation ("Advanced variable format options": servers = ['test1', 'test2']), titles
// as Grafana shows them, ${__field.labels.x} in legends, and real dashboards' titles.
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/querytime.h"
#include "models/metrics/series.h"
#include "models/metrics/variableformat.h"
#include "tests/support/fixtures.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

DashboardVariable variable(const QString &name, const QStringList &current,
                           const QStringList &options = {}, const QString &allValue = {})
{
    DashboardVariable v;
    v.kind = DashboardVariable::Kind::Custom;
    v.name = name;
    v.current = current;
    v.options = options.isEmpty() ? current : options;
    v.multi = current.size() > 1 || current.contains(u"$__all"_s);
    v.includeAll = current.contains(u"$__all"_s);
    v.allValue = allValue;
    return v;
}

} // namespace

class TestVariableFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formats_data();
    void formats();
    void promqlWithFormats_data();
    void promqlWithFormats();
    void titles_data();
    void titles();
    void fieldLabelsInLegends();
    void realDashboardTitles();
};

void TestVariableFormat::formats_data()
{
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const QStringList servers{u"test1"_s, u"test2"_s};
    QTest::newRow("csv") << servers << u"csv"_s << u"test1,test2"_s;
    QTest::newRow("distributed") << servers << u"distributed"_s << u"test1,servers=test2"_s;
    QTest::newRow("doublequote") << servers << u"doublequote"_s << u"\"test1\",\"test2\""_s;
    QTest::newRow("glob") << servers << u"glob"_s << u"{test1,test2}"_s;
    QTest::newRow("json") << servers << u"json"_s << u"[\"test1\",\"test2\"]"_s;
    QTest::newRow("lucene") << servers << u"lucene"_s << u"(\"test1\" OR \"test2\")"_s;
    QTest::newRow("percentencode") << servers << u"percentencode"_s << u"%7Btest1%2Ctest2%7D"_s;
    QTest::newRow("pipe") << servers << u"pipe"_s << u"test1|test2"_s;
    QTest::newRow("raw") << QStringList{u"test.1"_s, u"test2"_s} << u"raw"_s << u"{test.1,test2}"_s;
    QTest::newRow("regex") << QStringList{u"test.1"_s, u"test2"_s} << u"regex"_s
                           << u"(test\\.1|test2)"_s;
    QTest::newRow("singlequote") << servers << u"singlequote"_s << u"'test1','test2'"_s;
    QTest::newRow("sqlstring") << QStringList{u"test'1"_s, u"test2"_s} << u"sqlstring"_s
                               << u"'test''1','test2'"_s;
    QTest::newRow("text") << servers << u"text"_s << u"test1 + test2"_s;
    QTest::newRow("queryparam") << servers << u"queryparam"_s
                                << u"var-servers=test1&var-servers=test2"_s;
    QTest::newRow("unknown is glob") << servers << u"nonsense"_s << u"{test1,test2}"_s;
    QTest::newRow("one value, regex") << QStringList{u"a.b"_s} << u"regex"_s << u"a\\.b"_s;
    QTest::newRow("one value, glob") << QStringList{u"a"_s} << u"glob"_s << u"a"_s;
    QTest::newRow("one value, json") << QStringList{u"a\"b"_s} << u"json"_s << u"[\"a\\\"b\"]"_s;
}

void TestVariableFormat::formats()
{
    QFETCH(QStringList, values);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(VariableFormat::format(values, format, u"servers"_s), expected);
}

void TestVariableFormat::promqlWithFormats_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain, multi: PromQL regex")
        << u"up{job=~\"$job\"}"_s << u"up{job=~\"(api|db)\"}"_s;
    QTest::newRow("${job}") << u"up{job=~\"${job}\"}"_s << u"up{job=~\"(api|db)\"}"_s;
    QTest::newRow("${job:csv}") << u"count_values(\"${job:csv}\", up)"_s
                                << u"count_values(\"api,db\", up)"_s;
    QTest::newRow("${job:pipe}") << u"up{job=~\"${job:pipe}\"}"_s << u"up{job=~\"api|db\"}"_s;
    QTest::newRow("${job:regex}") << u"up{job=~\"${job:regex}\"}"_s << u"up{job=~\"(api|db)\"}"_s;
    QTest::newRow("[[job:json]]") << u"[[job:json]]"_s << u"[\"api\",\"db\"]"_s;
    QTest::newRow("${DS_PROMETHEUS} constant") << u"${DS_PROMETHEUS}"_s << u"Prometheus"_s;
    QTest::newRow("All with a custom value stays as it is")
        << u"up{instance=~\"${instance:csv}\"}"_s << u"up{instance=~\".+\"}"_s;
    QTest::newRow("All without one: every option") << u"${node:glob}"_s << u"{n1,n2,n3}"_s;
    QTest::newRow("unknown stays") << u"${nothere:csv}"_s << u"${nothere:csv}"_s;
}

void TestVariableFormat::promqlWithFormats()
{
    QFETCH(QString, expr);
    QFETCH(QString, expected);
    const QList<DashboardVariable> variables{
        variable(u"job"_s, {u"api"_s, u"db"_s}),
        variable(u"DS_PROMETHEUS"_s, {u"Prometheus"_s}),
        variable(u"instance"_s, {u"$__all"_s}, {u"a:1"_s, u"b:2"_s}, u".+"_s),
        variable(u"node"_s, {u"$__all"_s}, {u"n1"_s, u"n2"_s, u"n3"_s}),
    };
    QMap<QString, QString> texts;
    QMap<QString, QStringList> selected;
    for (const DashboardVariable &v : variables) {
        texts.insert(v.name, QueryTime::variableText(v.current, v.options, v.multi, v.allValue));
        selected.insert(v.name, VariableFormat::selectedValues(v));
    }
    QCOMPARE(QueryTime::interpolate(expr, texts, 15, 3600, 15, selected), expected);
}

void TestVariableFormat::titles_data()
{
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected");
    QTest::newRow("$var") << u"$host System Overview"_s << u"web-1 System Overview"_s;
    QTest::newRow("${var}") << u"CPU ${host}s"_s << u"CPU web-1s"_s;
    QTest::newRow("[[var]]") << u"Disk [[host]]"_s << u"Disk web-1"_s;
    QTest::newRow("multi") << u"Jobs: $job"_s << u"Jobs: api + db"_s;
    QTest::newRow("All") << u"Nodes: $node"_s << u"Nodes: All"_s;
    QTest::newRow("${var:csv}") << u"Jobs ${job:csv}"_s << u"Jobs api,db"_s;
    QTest::newRow("${DS_…}") << u"Source: ${DS_PROMETHEUS}"_s << u"Source: Prometheus"_s;
    QTest::newRow("not a variable") << u"Costs in $USD"_s << u"Costs in $USD"_s;
    QTest::newRow("no variable at all") << u"Load"_s << u"Load"_s;
}

void TestVariableFormat::titles()
{
    QFETCH(QString, title);
    QFETCH(QString, expected);
    const QList<DashboardVariable> variables{
        variable(u"host"_s, {u"web-1"_s}),
        variable(u"job"_s, {u"api"_s, u"db"_s}),
        variable(u"node"_s, {u"$__all"_s}, {u"n1"_s, u"n2"_s}),
        variable(u"DS_PROMETHEUS"_s, {u"Prometheus"_s}),
    };
    QCOMPARE(VariableFormat::displayText(title, variables), expected);
}

void TestVariableFormat::fieldLabelsInLegends()
{
    const Labels labels{{u"__name__"_s, u"up"_s}, {u"job"_s, u"api"_s}, {u"instance"_s, u"a:1"_s}};
    QCOMPARE(
        formatLegend(VariableFormat::legendPlaceholders(u"${__field.labels.job} on {{instance}}"_s),
                     labels),
        u"api on a:1"_s);
    QCOMPARE(
        VariableFormat::legendPlaceholders(u"${__field.labels.job}/${__field.labels.instance}"_s),
        u"{{job}}/{{instance}}"_s);
    // A legend that is the variable's value.
    const QString legend
        = VariableFormat::displayText(u"$host: {{job}}"_s, {variable(u"host"_s, {u"web-1"_s})});
    QCOMPARE(formatLegend(legend, labels), u"web-1: api"_s);
}

void TestVariableFormat::realDashboardTitles()
{
    // Ceph's host dashboard (tests/data/metrics/public) titles rows and panels with $ceph_hosts.
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/public/host-details.json"_s,
                                       &d, &error),
             qPrintable(error));
    QList<DashboardVariable> variables = d.variables;
    bool found = false;
    for (DashboardVariable &v : variables) {
        if (v.name == "ceph_hosts"_L1) {
            v.current = QStringList{u"osd-3"_s};
            found = true;
        }
    }
    QVERIFY(found);
    QStringList titles;
    for (const Panel &p : std::as_const(d.panels))
        titles << VariableFormat::displayText(p.title, variables);
    QVERIFY2(titles.contains(u"osd-3 System Overview"_s), qPrintable(titles.join(u" | "_s)));
    QVERIFY2(titles.contains(u"osd-3 Disk IOPS"_s), qPrintable(titles.join(u" | "_s)));
    for (const QString &t : std::as_const(titles))
        QVERIFY2(!t.contains(u"$ceph_hosts"_s), qPrintable(t));
}

QTEST_GUILESS_MAIN(TestVariableFormat)
#include "tst_variableformat.moc"
