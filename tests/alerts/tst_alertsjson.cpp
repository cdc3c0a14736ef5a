// SPDX-License-Identifier: GPL-3.0-or-later
// The Alertmanager API v2 and Prometheus /api/v1 parsers, row by row: real bodies from
// tests/data/alerts and broken ones.
#include "app/alerts/alertsjson.h"
#include "app/alerts/alertsservice.h"
#include "tests/support/fixtures.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QJsonDocument fixture(const QString &name)
{
    return QJsonDocument::fromJson(Stackscope::Test::testData(u"alerts/"_s + name));
}

QJsonDocument inlineJson(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text));
}

/// Parses `doc` as `kind`; returns the error text and the number of items parsed.
std::pair<QString, int> parse(const QString &kind, const QJsonDocument &doc)
{
    if (kind == "am_alerts"_L1) {
        QList<Alert> out;
        const QString e = AlertsJson::parseAlertmanagerAlerts(doc, &out);
        return {e, int(out.size())};
    }
    if (kind == "am_groups"_L1) {
        QList<AlertGroup> out;
        const QString e = AlertsJson::parseAlertmanagerGroups(doc, &out);
        return {e, int(out.size())};
    }
    if (kind == "am_silences"_L1) {
        QList<Silence> out;
        const QString e = AlertsJson::parseAlertmanagerSilences(doc, &out);
        return {e, int(out.size())};
    }
    if (kind == "am_status"_L1) {
        AlertmanagerStatus out;
        const QString e = AlertsJson::parseAlertmanagerStatus(doc, &out);
        return {e, int(out.peerNames.size())};
    }
    if (kind == "prom_alerts"_L1) {
        QList<Alert> out;
        const QString e = AlertsJson::parsePrometheusAlerts(doc, &out);
        return {e, int(out.size())};
    }
    QList<Rule> out;
    const QString e = AlertsJson::parsePrometheusRules(doc, &out);
    return {e, int(out.size())};
}

} // namespace

class TestAlertsJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsers_data();
    void parsers();
    void alertmanagerAlertFields();
    void silenceFieldsAndVersions();
    void prometheusAlertsAndRules();
    void times_data();
    void times();
    void silenceBodyRoundTrip();
    void groupsOfAnHaPairMergeOnce();
    void clustersStayApart();
};

void TestAlertsJson::parsers_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonDocument>("doc");
    QTest::addColumn<QString>("error"); // a substring; empty = success
    QTest::addColumn<int>("count");

    QTest::newRow("am alerts 0.25")
        << u"am_alerts"_s << fixture(u"am_alerts.json"_s) << QString() << 2;
    QTest::newRow("am alerts empty") << u"am_alerts"_s << inlineJson("[]") << QString() << 0;
    QTest::newRow("am alerts object")
        << u"am_alerts"_s << inlineJson("{\"error\":\"x\"}") << u"not a JSON array"_s << 0;
    QTest::newRow("am alert without labels")
        << u"am_alerts"_s << inlineJson("[{\"fingerprint\":\"1\"}]") << u"no labels"_s << 0;
    QTest::newRow("am alert not an object")
        << u"am_alerts"_s << inlineJson("[1]") << u"not a JSON object"_s << 0;
    QTest::newRow("am groups") << u"am_groups"_s << fixture(u"am_groups.json"_s) << QString() << 1;
    QTest::newRow("am groups object")
        << u"am_groups"_s << inlineJson("{}") << u"not a JSON array"_s << 0;
    QTest::newRow("am silences") << u"am_silences"_s << fixture(u"am_silences.json"_s) << QString()
                                 << 3;
    QTest::newRow("am silence without id")
        << u"am_silences"_s << inlineJson("[{\"comment\":\"x\"}]") << u"no id"_s << 0;
    QTest::newRow("am status HA") << u"am_status"_s << fixture(u"am_status.json"_s) << QString()
                                  << 2;
    QTest::newRow("am status array")
        << u"am_status"_s << inlineJson("[]") << u"not a JSON object"_s << 0;
    QTest::newRow("prom alerts") << u"prom_alerts"_s << fixture(u"prom_alerts.json"_s) << QString()
                                 << 2;
    QTest::newRow("prom alerts error")
        << u"prom_alerts"_s << inlineJson("{\"status\":\"error\",\"error\":\"boom\"}") << u"boom"_s
        << 0;
    QTest::newRow("prom alerts no array")
        << u"prom_alerts"_s << inlineJson("{\"status\":\"success\",\"data\":{}}")
        << u"no alerts array"_s << 0;
    QTest::newRow("prom rules") << u"prom_rules"_s << fixture(u"prom_rules.json"_s) << QString()
                                << 2;
    QTest::newRow("prom rules no groups")
        << u"prom_rules"_s << inlineJson("{\"status\":\"success\",\"data\":{}}")
        << u"no groups array"_s << 0;
    QTest::newRow("prom rules array")
        << u"prom_rules"_s << inlineJson("[]") << u"not a JSON object"_s << 0;
}

void TestAlertsJson::parsers()
{
    QFETCH(QString, kind);
    QFETCH(QJsonDocument, doc);
    QFETCH(QString, error);
    QFETCH(int, count);
    const auto [e, n] = parse(kind, doc);
    if (error.isEmpty())
        QVERIFY2(e.isEmpty(), qPrintable(e));
    else
        QVERIFY2(e.contains(error), qPrintable(e));
    QCOMPARE(n, count);
}

void TestAlertsJson::alertmanagerAlertFields()
{
    QList<Alert> alerts;
    QVERIFY(AlertsJson::parseAlertmanagerAlerts(fixture(u"am_alerts.json"_s), &alerts).isEmpty());
    const Alert &a = alerts.at(0);
    QCOMPARE(a.fingerprint, u"0a1b2c3d4e5f6789"_s);
    QCOMPARE(a.name(), u"HighErrorRate"_s);
    QCOMPARE(a.severity(), u"critical"_s);
    QCOMPARE(a.summary(), u"Disk <b>bold</b>"_s);
    QCOMPARE(a.runbookUrl(), u"https://runbooks.example/disk"_s);
    QCOMPARE(a.expression(), u"rate(http_errors_total[5m]) > 0.5"_s);
    QCOMPARE(a.startsAt, QDateTime(QDate(2026, 11, 21), QTime(6, 3, 39, 745), Qt::UTC));
    QVERIFY(!a.silenced);
    QCOMPARE(a.state, Alert::State::Firing);
    const Alert &q = alerts.at(1);
    QVERIFY(q.silenced);
    QVERIFY(q.inhibited);
    QCOMPARE(q.silencedBy, QStringList{u"abcd-ef"_s});
    QCOMPARE(q.receivers, (QStringList{u"team-a"_s, u"team-b"_s}));
    QVERIFY(q.expression().isEmpty());
}

void TestAlertsJson::silenceFieldsAndVersions()
{
    QList<Silence> s;
    QVERIFY(AlertsJson::parseAlertmanagerSilences(fixture(u"am_silences.json"_s), &s).isEmpty());
    QCOMPARE(s.at(0).state, Silence::State::Active);
    QCOMPARE(s.at(0).matchers.size(), 2);
    QCOMPARE(s.at(0).matchers.at(1).isEqual, false);
    QCOMPARE(s.at(0).matchers.at(1).isRegex, true);
    QCOMPARE(s.at(0).matchersText(), u"alertname=\"HighErrorRate\", job!~\"api|web\""_s);
    QCOMPARE(s.at(0).createdBy, u"ana"_s);
    QCOMPARE(s.at(1).state, Silence::State::Expired);
    QCOMPARE(s.at(1).matchers.at(0).isEqual, true); // before 0.22 there was no isEqual
    QCOMPARE(s.at(2).state, Silence::State::Pending);

    AlertmanagerStatus status;
    QVERIFY(AlertsJson::parseAlertmanagerStatus(fixture(u"am_status.json"_s), &status).isEmpty());
    QCOMPARE(status.version, u"0.25.0"_s);
    QCOMPARE(status.peerName, u"01HZZPEER1"_s);
    QCOMPARE(status.clusterStatus, u"ready"_s);
}

void TestAlertsJson::prometheusAlertsAndRules()
{
    QList<Alert> alerts;
    QVERIFY(AlertsJson::parsePrometheusAlerts(fixture(u"prom_alerts.json"_s), &alerts).isEmpty());
    QCOMPARE(alerts.at(0).state, Alert::State::Pending);
    QCOMPARE(alerts.at(0).value, u"2e+00"_s);
    QCOMPARE(alerts.at(0).fingerprint, labelsFingerprint(alerts.at(0).labels));
    QCOMPARE(alerts.at(1).state, Alert::State::Firing);

    QList<Rule> rules;
    QVERIFY(AlertsJson::parsePrometheusRules(fixture(u"prom_rules.json"_s), &rules).isEmpty());
    QCOMPARE(rules.at(0).name, u"StaysPending"_s);
    QVERIFY(rules.at(0).alerting);
    QCOMPARE(rules.at(0).durationSeconds, 3600.0);
    QCOMPARE(rules.at(0).activeAlerts, 1);
    QCOMPARE(rules.at(0).group, u"g1"_s);
    QVERIFY(!rules.at(1).alerting);
    QCOMPARE(rules.at(1).health, u"err"_s);
    QCOMPARE(rules.at(1).lastError, u"many-to-many matching not allowed"_s);
}

void TestAlertsJson::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("msecs"); // -1: invalid
    QTest::newRow("nanoseconds") << u"2026-11-21T06:04:04.347654268Z"_s << qint64(1795241044347);
    QTest::newRow("milliseconds") << u"2026-11-21T06:04:04.347Z"_s << qint64(1795241044347);
    QTest::newRow("whole seconds") << u"2026-11-21T06:04:04Z"_s << qint64(1795241044000);
    QTest::newRow("offset") << u"2026-11-21T07:04:04.5+01:00"_s << qint64(1795241044500);
    QTest::newRow("go zero time") << u"0001-01-01T00:00:00Z"_s << qint64(-1);
    QTest::newRow("empty") << QString() << qint64(-1);
    QTest::newRow("garbage") << u"yesterday"_s << qint64(-1);
}

void TestAlertsJson::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, msecs);
    const QDateTime t = AlertsJson::parseTime(text);
    if (msecs < 0)
        QVERIFY(!t.isValid());
    else
        QCOMPARE(t.toMSecsSinceEpoch(), msecs);
}

void TestAlertsJson::silenceBodyRoundTrip()
{
    Silence s;
    s.matchers = {{u"alertname"_s, u"A\"b"_s, false, true}, {u"job"_s, u"x.*"_s, true, false}};
    s.startsAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    s.endsAt = s.startsAt.addSecs(3600);
    s.createdBy = u"me"_s;
    s.comment = u"why"_s;
    const QJsonObject o = QJsonDocument::fromJson(AlertsJson::silenceBody(s)).object();
    QCOMPARE(o.value("createdBy"_L1).toString(), u"me"_s);
    QCOMPARE(o.value("startsAt"_L1).toString(), u"2026-01-02T03:04:05.000Z"_s);
    QVERIFY(!o.contains("id"_L1));
    QList<Silence> back;
    QJsonObject withId = o;
    withId.insert("id"_L1, u"x"_s);
    QVERIFY(
        AlertsJson::parseAlertmanagerSilences(QJsonDocument(QJsonArray{withId}), &back).isEmpty());
    QCOMPARE(back.at(0).matchers, s.matchers);
    QCOMPARE(back.at(0).endsAt, s.endsAt);
}

void TestAlertsJson::groupsOfAnHaPairMergeOnce()
{
    // Both members of one cluster answer /api/v2/alerts/groups with the same group; one of them
    // has an alert the other has not received yet.
    const QByteArray body = R"([{"labels":{"alertname":"DiskFull"},"receiver":{"name":"team-a"},
        "alerts":[{"labels":{"alertname":"DiskFull","instance":"a"},"fingerprint":"f1",
                   "startsAt":"2026-01-01T00:00:00Z","status":{"state":"active"}}]},
        {"labels":{},"receiver":{"name":"default"},"alerts":[]}])";
    const QByteArray later = R"([{"labels":{"alertname":"DiskFull"},"receiver":{"name":"team-a"},
        "alerts":[{"labels":{"alertname":"DiskFull","instance":"a"},"fingerprint":"f1"},
                  {"labels":{"alertname":"DiskFull","instance":"b"},"fingerprint":"f2"}]}])";
    QList<AlertGroup> first;
    QList<AlertGroup> second;
    QVERIFY(AlertsJson::parseAlertmanagerGroups(inlineJson(body.constData()), &first).isEmpty());
    QVERIFY(AlertsJson::parseAlertmanagerGroups(inlineJson(later.constData()), &second).isEmpty());
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).receiver, u"team-a"_s);
    QCOMPARE(first.at(0).labels, (LabelSet{{u"alertname"_s, u"DiskFull"_s}}));
    QCOMPARE(first.at(0).fingerprints, QStringList{u"f1"_s});
    QCOMPARE(second.at(0).fingerprints, (QStringList{u"f1"_s, u"f2"_s}));
    const QList<AlertGroupInfo> merged = AlertsService::mergeGroups(
        {AlertsService::groupInfos(first, {}), AlertsService::groupInfos(second, {})});
    QCOMPARE(merged.size(), 2); // team-a once, default once
    QCOMPARE(merged.at(0).receiver, u"team-a"_s);
    QCOMPARE(merged.at(0).alertKeys, (QStringList{u"f1"_s, u"f2"_s})); // f1 once
    QCOMPARE(merged.at(1).receiver, u"default"_s);
    QVERIFY(merged.at(1).alertKeys.isEmpty());
}

void TestAlertsJson::clustersStayApart()
{
    Alert a;
    a.labels = {{u"alertname"_s, u"DiskFull"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    const auto from = [&a](const QString &source, const QString &cluster) {
        Alert copy = a;
        copy.sources = {source};
        copy.cluster = cluster;
        return copy;
    };
    // team-a is an HA pair, team-b one Alertmanager: the same alert (same fingerprint) in both
    Alert prometheus = a;
    prometheus.value = u"97"_s;
    prometheus.sources = {u"prometheus"_s};
    const QList<Alert> merged = AlertsService::mergeAlerts({{from(u"am1"_s, u"team-a"_s)},
                                                            {from(u"am2"_s, u"team-a"_s)},
                                                            {from(u"am3"_s, u"team-b"_s)}},
                                                           {prometheus}, false);
    QCOMPARE(merged.size(), 2);
    QCOMPARE(merged.at(0).cluster, u"team-a"_s);
    QCOMPARE(merged.at(0).sources, (QStringList{u"am1"_s, u"am2"_s, u"prometheus"_s}));
    QCOMPARE(merged.at(1).cluster, u"team-b"_s);
    QCOMPARE(merged.at(1).sources, (QStringList{u"am3"_s, u"prometheus"_s}));
    // Prometheus' value reaches both clusters' rows
    QCOMPARE(merged.at(0).value, u"97"_s);
    QCOMPARE(merged.at(1).value, u"97"_s);
    // without cluster names (one HA cluster) it is one row, as before
    QCOMPARE(
        AlertsService::mergeAlerts({{from(u"am1"_s, {})}, {from(u"am2"_s, {})}}, {}, false).size(),
        1);
    // the groups name their cluster and qualify the alerts' keys
    AlertGroup g;
    g.receiver = u"team-b-pager"_s;
    g.fingerprints = {a.fingerprint};
    const QList<AlertGroupInfo> infos = AlertsService::groupInfos({g}, u"team-b"_s);
    QCOMPARE(infos.at(0).alertKeys, QStringList{a.fingerprint + u"@team-b"_s});
    QVERIFY(infos.at(0).title().startsWith(u"cluster team-b · receiver team-b-pager"_s));
}

QTEST_GUILESS_MAIN(TestAlertsJson)
#include "tst_alertsjson.moc"
