// SPDX-License-Identifier: GPL-3.0-or-later
// The alert, silence and rule models under QAbstractItemModelTester, their merge (never a
// reset), the Alerts page's filter proxy, the grouped view (AlertGroupModel), Alertmanager's
// fingerprint and the matcher parser.
#include "models/alerts/alertfilterproxy.h"
#include "models/alerts/alertgroupmodel.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

Alert alert(const QString &name, const QString &severity, const QString &instance = u"a"_s,
            Alert::State state = Alert::State::Firing)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, severity}, {u"instance"_s, instance}};
    a.annotations = {{u"summary"_s, name + u" summary"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.state = state;
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-120);
    return a;
}

} // namespace

class TestAlertModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alertModelMergesWithoutReset();
    void silenceAndRuleModels();
    void proxyOrdersBySeverityAndFilters();
    void fingerprintMatchesAlertmanager_data();
    void fingerprintMatchesAlertmanager();
    void matchers_data();
    void matchers();
    void valueUnits_data();
    void valueUnits();
    void matcherEvaluation_data();
    void matcherEvaluation();
    void previewListsWhatTheMatchersCatch();
    void silenceModelFlagsExpiringAndUntilResolved();
    void recentlyEndedSilence();
    void matcherSetFilters();
    void groupsByLabel();
    void groupsAsAlertmanager();
    void groupsByNameWithoutAlertmanager();
    void groupsFollowARefreshWithoutReset();
    void groupsTakeABigFilterChangeAsOneLayoutChange();
    void clusterKeepsAlertsApart();
};

void TestAlertModels::alertModelMergesWithoutReset()
{
    AlertModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const Alert a = alert(u"A"_s, u"critical"_s);
    const Alert b = alert(u"B"_s, u"warning"_s);
    const Alert c = alert(u"C"_s, u"info"_s);
    model.setAlerts({a, b, c});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1); // one block
    QCOMPARE(model.firingCount(), 3);
    QCOMPARE(model.highestFiringRank(), 3);

    model.setAlerts({a, b, c}); // same: no signal at all
    QCOMPARE(changed.size(), 0);
    QCOMPARE(inserted.size(), 1);

    // Re-sent by Prometheus: Alertmanager moves endsAt and updatedAt on, which no column shows.
    QList<Alert> resent{a, b, c};
    for (Alert &r : resent) {
        r.endsAt = r.startsAt.addSecs(3600);
        r.updatedAt = r.startsAt.addSecs(60);
    }
    model.setAlerts(resent);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.at(model.rowOf(a.fingerprint)).endsAt, resent.first().endsAt); // kept

    Alert b2 = b;
    b2.silenced = true;
    const Alert d = alert(u"D"_s, u"warning"_s);
    model.setAlerts({b2, c, d}); // a gone, b changed, d new
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(a.fingerprint), -1);
    QVERIFY(model.at(model.rowOf(b.fingerprint)).silenced);
    QCOMPARE(model.firingCount(), 2); // b is silenced
    QCOMPARE(model.highestFiringRank(), 2);
    QCOMPARE(model.index(model.rowOf(b.fingerprint), AlertModel::StateColumn).data().toString(),
             u"firing, silenced"_s);

    model.setAlerts({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.highestFiringRank(), -1);
    QCOMPARE(reset.size(), 0);

    // untrusted text is returned as it came: views show it with Qt::PlainText
    Alert m = alert(u"M"_s, u"warning"_s);
    m.annotations[u"summary"_s] = u"<b>bold</b><img src=\"http://127.0.0.1:1/x\">"_s;
    model.setAlerts({m});
    QCOMPARE(model.index(0, AlertModel::SummaryColumn).data().toString(),
             u"<b>bold</b><img src=\"http://127.0.0.1:1/x\">"_s);

    // Prometheus' value ("9.599999999999999e+01") is shown for people, and sorts as a number
    Alert v1 = alert(u"V1"_s, u"warning"_s);
    v1.value = u"9.599999999999999e+01"_s;
    Alert v2 = alert(u"V2"_s, u"warning"_s);
    v2.value = u"7e-02"_s;
    model.setAlerts({v1, v2});
    const QModelIndex value1 = model.index(model.rowOf(v1.fingerprint), AlertModel::ValueColumn);
    const QModelIndex value2 = model.index(model.rowOf(v2.fingerprint), AlertModel::ValueColumn);
    QCOMPARE(value1.data().toString(), u"96"_s);
    QCOMPARE(value1.data(Qt::ToolTipRole).toString(), u"96"_s);
    QCOMPARE(value2.data().toString(), u"0.07"_s);
    QVERIFY(value2.data(AlertModel::SortRole).toDouble()
            < value1.data(AlertModel::SortRole).toDouble());
}

void TestAlertModels::silenceAndRuleModels()
{
    SilenceModel silences;
    QAbstractItemModelTester t1(&silences, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Silence s;
    s.id = u"s1"_s;
    s.matchers = {{u"alertname"_s, u"A"_s, false, true}};
    s.createdBy = u"ana"_s;
    Silence e = s;
    e.id = u"s2"_s;
    e.state = Silence::State::Expired;
    silences.setSilences({s, e});
    QCOMPARE(silences.rowCount(), 2);
    QCOMPARE(silences.index(0, SilenceModel::MatchersColumn).data().toString(),
             u"alertname=\"A\""_s);
    QCOMPARE(silences.index(1, SilenceModel::StateColumn).data().toString(), u"expired"_s);
    silences.setSilences({e});
    QCOMPARE(silences.rowCount(), 1);
    QCOMPARE(silences.index(0, 0).data(SilenceModel::IdRole).toString(), u"s2"_s);

    RuleModel rules;
    QAbstractItemModelTester t2(&rules, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Rule r;
    r.group = u"g"_s;
    r.name = u"AlwaysFiring"_s;
    r.query = u"vector(1)"_s;
    r.state = u"firing"_s;
    r.health = u"ok"_s;
    Rule rec = r;
    rec.alerting = false;
    rec.name = u"job:up"_s;
    rules.setRules({r, rec});
    QCOMPARE(rules.rowCount(), 2);
    QCOMPARE(rules.index(1, RuleModel::StateColumn).data().toString(), u"recording"_s);
    r.state = u"inactive"_s;
    rules.setRules({r, rec});
    QCOMPARE(rules.index(0, RuleModel::StateColumn).data().toString(), u"inactive"_s);

    // `for:` as Prometheus writes it, and the rule's labels and annotations on hover
    r.durationSeconds = 604800;
    r.labels = {{u"severity"_s, u"critical"_s}, {u"team"_s, u"ops"_s}};
    r.annotations = {{u"summary"_s, u"CPU at {{ $value }}"_s}};
    rules.setRules({r, rec});
    QCOMPARE(rules.index(0, RuleModel::ForColumn).data().toString(), u"1w"_s);
    r.durationSeconds = 5400;
    rules.setRules({r, rec});
    QCOMPARE(rules.index(0, RuleModel::ForColumn).data().toString(), u"1h30m"_s);
    QCOMPARE(rules.index(1, RuleModel::ForColumn).data().toString(), QString()); // recording
    const QString tip = rules.index(0, RuleModel::NameColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"severity=critical"_s) && tip.contains(u"team=ops"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"summary: CPU at {{ $value }}"_s), qPrintable(tip));
}

void TestAlertModels::proxyOrdersBySeverityAndFilters()
{
    AlertModel model;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAlerts({alert(u"Zeta"_s, u"info"_s), alert(u"Beta"_s, u"warning"_s),
                     alert(u"Alpha"_s, u"warning"_s, u"b"_s, Alert::State::Pending),
                     alert(u"Omega"_s, u"critical"_s), alert(u"Alpha"_s, u"warning"_s)});
    const auto names = [&proxy] {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, AlertModel::NameColumn).data().toString();
        return out;
    };
    // severity, then firing before pending, then name
    QCOMPARE(names(), (QStringList{u"Omega"_s, u"Alpha"_s, u"Beta"_s, u"Alpha"_s, u"Zeta"_s}));
    proxy.setMinimumSeverity(2);
    QCOMPARE(names(), (QStringList{u"Omega"_s, u"Alpha"_s, u"Beta"_s, u"Alpha"_s}));
    proxy.setShowPending(false);
    QCOMPARE(names(), (QStringList{u"Omega"_s, u"Alpha"_s, u"Beta"_s}));
    proxy.setShowPending(true);
    QVERIFY(proxy.setLabelFilter(u"instance=b"_s));
    QCOMPARE(names(), QStringList{u"Alpha"_s});
    QVERIFY(proxy.setLabelFilter(u"instance!=b severity=warning"_s));
    QCOMPARE(names(), (QStringList{u"Alpha"_s, u"Beta"_s}));
    QVERIFY(!proxy.setLabelFilter(u"=nonsense"_s)); // kept the previous filter
    QCOMPARE(names(), (QStringList{u"Alpha"_s, u"Beta"_s}));
    QVERIFY(proxy.setLabelFilter(QString()));
    proxy.setTextFilter(u"OMEGA summ"_s);
    QCOMPARE(names(), QStringList{u"Omega"_s});
    proxy.setTextFilter(QString());
    // a change in the source re-sorts
    model.setAlerts({alert(u"Zeta"_s, u"critical"_s), alert(u"Omega"_s, u"critical"_s)});
    QCOMPARE(names(), (QStringList{u"Omega"_s, u"Zeta"_s}));
}

void TestAlertModels::fingerprintMatchesAlertmanager_data()
{
    QTest::addColumn<LabelSet>("labels");
    QTest::addColumn<QString>("fingerprint");
    // Fingerprints Alertmanager 0.25 gave these label sets (tst_alertsreal checks it live too).
    QTest::newRow("empty") << LabelSet() << u"cbf29ce484222325"_s;
    QTest::newRow("flippable") << LabelSet{{u"alertname"_s, u"Flippable"_s},
                                           {u"severity"_s, u"warning"_s}}
                               << u"68e1646e4631e67e"_s;
}

void TestAlertModels::fingerprintMatchesAlertmanager()
{
    QFETCH(LabelSet, labels);
    QFETCH(QString, fingerprint);
    QCOMPARE(labelsFingerprint(labels), fingerprint);
}

void TestAlertModels::matchers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: an error
    QTest::newRow("equal") << u"alertname=\"A\""_s << u"alertname=\"A\""_s;
    QTest::newRow("unquoted") << u"job=api"_s << u"job=\"api\""_s;
    QTest::newRow("all four") << u"a=\"1\", b!=\"2\", c=~\"x.*\", d!~\"y|z\""_s
                              << u"a=\"1\", b!=\"2\", c=~\"x.*\", d!~\"y|z\""_s;
    QTest::newRow("comma inside quotes") << u"a=\"x, y\""_s << u"a=\"x, y\""_s;
    QTest::newRow("escaped quote") << u"a=\"say \\\"hi\\\"\""_s << u"a=\"say \\\"hi\\\"\""_s;
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no operator") << u"alertname"_s << QString();
    QTest::newRow("bad name") << u"1x=\"a\""_s << QString();
    QTest::newRow("braces") << u"{alertname=\"A\", job=~\"node.*\"}"_s
                            << u"alertname=\"A\", job=~\"node.*\""_s;
    QTest::newRow("braces and spaces") << u"  { a = b }  "_s << u"a=\"b\""_s;
    QTest::newRow("space separated")
        << u"instance!=b severity=warning"_s << u"instance!=\"b\", severity=\"warning\""_s;
    QTest::newRow("trailing comma") << u"a=\"1\","_s << u"a=\"1\""_s;
    QTest::newRow("unclosed brace") << u"{a=\"1\""_s << QString();
    QTest::newRow("stray word") << u"a=b c"_s << QString();
    QTest::newRow("unclosed quote") << u"a=\"x"_s << QString();
}

void TestAlertModels::matchers()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    QList<SilenceMatcher> matchers;
    const QString error = parseMatchers(text, &matchers);
    if (normalised.isEmpty()) {
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Silence s;
    s.matchers = matchers;
    QCOMPARE(s.matchersText(), normalised);
    // and what is shown parses back to the same matchers
    QList<SilenceMatcher> again;
    QVERIFY(parseMatchers(normalised, &again).isEmpty());
    QCOMPARE(again, matchers);
}

void TestAlertModels::valueUnits_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("annotation");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("shown");
    // seed 003's GPU rule, and the forms of the Prometheus documentation and mixins
    QTest::newRow("percent after the value")
        << u"description"_s << u"GPU {{ $labels.device }} at {{ $value }}%"_s << u"9.1234e+01"_s
        << u"percent"_s << u"91.23 %"_s;
    QTest::newRow("percent after a space")
        << u"summary"_s << u"at {{ $value }} %"_s << u"91"_s << u"percent"_s << u"91 %"_s;
    QTest::newRow("printf") << u"summary"_s << u"{{ printf \"%.1f\" $value }}% used"_s << u"7e-02"_s
                            << u"percent"_s << u"0.07 %"_s;
    QTest::newRow("humanizePercentage")
        << u"description"_s << u"{{ $value | humanizePercentage }} of the disk"_s << u"0.912"_s
        << u"percentunit"_s << u"91.2 %"_s;
    QTest::newRow("humanize1024") << u"summary"_s << u"{{ $value | humanize1024 }}B left"_s
                                  << u"1.610612736e+09"_s << u"bytes"_s << u"1.5 GiB"_s;
    QTest::newRow("humanizeDuration")
        << u"summary"_s << u"late by {{ $value | humanizeDuration }}"_s << u"90"_s << u"s"_s
        << u"1.5 min"_s;
    QTest::newRow("explicit unit")
        << u"unit"_s << u"bytes"_s << u"2048"_s << u"bytes"_s << u"2 KiB"_s;
    QTest::newRow("explicit percent sign")
        << u"unit"_s << u"%"_s << u"97"_s << u"percent"_s << u"97 %"_s;
    QTest::newRow("a rate says nothing")
        << u"description"_s << u"{{ $value }} errors per second (5m average)"_s << u"9.7e+01"_s
        << QString() << u"97"_s;
    QTest::newRow("percent not after the value")
        << u"summary"_s << u"{{ $value }} requests, 5% of them failed"_s << u"12"_s << QString()
        << u"12"_s;
    QTest::newRow("humanize (SI) keeps the number")
        << u"summary"_s << u"{{ $value | humanize }}"_s << u"1234"_s << QString() << u"1234"_s;
    QTest::newRow("not a number") << u"summary"_s << u"{{ $value }}%"_s << u"abc"_s << u"percent"_s
                                  << u"abc"_s;
}

void TestAlertModels::valueUnits()
{
    QFETCH(QString, key);
    QFETCH(QString, annotation);
    QFETCH(QString, value);
    QFETCH(QString, unit);
    QFETCH(QString, shown);
    const LabelSet templates{{u"summary"_s, u"Something is wrong"_s}, {key, annotation}};
    QCOMPARE(valueUnitOf(templates), unit);
    Alert a;
    a.value = value;
    a.valueUnit = unit;
    QCOMPARE(a.valueText(), shown);
}

void TestAlertModels::matcherEvaluation_data()
{
    // Alertmanager 0.25's labels.Matcher: the regex anchored as ^(?:re)$, an absent label read as
    // "", != and !~ the negations.
    QTest::addColumn<QString>("matcher");
    QTest::addColumn<bool>("matches"); // against job="api-7", env="prod", no "team"
    QTest::newRow("= equal") << u"job=\"api-7\""_s << true;
    QTest::newRow("= other") << u"job=\"api\""_s << false;
    QTest::newRow("= is case sensitive") << u"env=\"Prod\""_s << false;
    QTest::newRow("= empty and absent") << u"team=\"\""_s << true;
    QTest::newRow("= empty and present") << u"env=\"\""_s << false;
    QTest::newRow("!= other") << u"job!=\"api\""_s << true;
    QTest::newRow("!= equal") << u"job!=\"api-7\""_s << false;
    QTest::newRow("!= absent") << u"team!=\"ops\""_s << true;
    QTest::newRow("!= empty and absent") << u"team!=\"\""_s << false;
    QTest::newRow("=~ whole value") << u"job=~\"api-[0-9]+\""_s << true;
    QTest::newRow("=~ anchored at the end") << u"job=~\"api\""_s << false;
    QTest::newRow("=~ anchored at the start") << u"job=~\"pi-7\""_s << false;
    QTest::newRow("=~ alternation inside the anchors") << u"job=~\"web|api-7\""_s << true;
    QTest::newRow("=~ alternation is grouped") << u"job=~\"api|web\""_s << false;
    QTest::newRow("=~ .* and absent") << u"team=~\".*\""_s << true;
    QTest::newRow("=~ .+ and absent") << u"team=~\".+\""_s << false;
    QTest::newRow("=~ invalid regex catches nothing") << u"job=~\"api(\""_s << false;
    QTest::newRow("!~ whole value") << u"job!~\"api-.*\""_s << false;
    QTest::newRow("!~ substring only") << u"job!~\"api\""_s << true;
    QTest::newRow("!~ absent") << u"team!~\"ops\""_s << true;
    QTest::newRow("!~ empty and absent") << u"team!~\"\""_s << false;
    QTest::newRow("all of several") << u"job=~\"api.*\", env=\"prod\""_s << true;
    QTest::newRow("one of several fails") << u"job=~\"api.*\", env=\"dev\""_s << false;
}

void TestAlertModels::matcherEvaluation()
{
    QFETCH(QString, matcher);
    QFETCH(bool, matches);
    QList<SilenceMatcher> matchers;
    QVERIFY(parseMatchers(matcher, &matchers).isEmpty());
    const LabelSet labels{{u"job"_s, u"api-7"_s}, {u"env"_s, u"prod"_s}};
    QCOMPARE(Silence::matchesAll(matchers, labels), matches);
    Silence s;
    s.matchers = matchers;
    QCOMPARE(s.matches(labels), matches);
}

void TestAlertModels::previewListsWhatTheMatchersCatch()
{
    const auto make = [](const QString &name, const QString &instance) {
        Alert a;
        a.labels = {{u"alertname"_s, name}, {u"instance"_s, instance}};
        a.fingerprint = labelsFingerprint(a.labels);
        return a;
    };
    const QList<Alert> alerts{make(u"Down"_s, u"web-1"_s), make(u"Down"_s, u"web-2"_s),
                              make(u"Down"_s, u"db-1"_s), make(u"Slow"_s, u"web-1"_s)};
    QList<SilenceMatcher> matchers;
    QVERIFY(parseMatchers(u"alertname=Down, instance=~\"web-.*\""_s, &matchers).isEmpty());
    const QList<Alert> caught = alertsMatching(matchers, alerts);
    QCOMPARE(caught.size(), 2);
    QCOMPARE(caught.at(0).labels.value(u"instance"_s), u"web-1"_s);
    QCOMPARE(caught.at(1).labels.value(u"instance"_s), u"web-2"_s);
    QVERIFY(alertsMatching({}, alerts).isEmpty()); // no matchers: Alertmanager refuses it
}

void TestAlertModels::silenceModelFlagsExpiringAndUntilResolved()
{
    SilenceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now = QDateTime::fromString(u"2026-12-07T10:00:00Z"_s, Qt::ISODate);
    model.setNow(now);
    Silence soon;
    soon.id = u"soon"_s;
    soon.matchers = {{u"alertname"_s, u"A"_s, false, true}};
    soon.startsAt = now.addSecs(-3600);
    soon.endsAt = now.addSecs(10 * 60);
    Silence later = soon;
    later.id = u"later"_s;
    later.endsAt = now.addSecs(16 * 60);
    Silence expired = soon;
    expired.id = u"expired"_s;
    expired.endsAt = now.addSecs(-60);
    expired.state = Silence::State::Expired;
    model.setSilences({soon, later, expired});
    const auto ends = [&model](int row) {
        return model.index(row, SilenceModel::EndsColumn);
    };
    QVERIFY(ends(0).data(SilenceModel::ExpiresSoonRole).toBool());
    QVERIFY(ends(0).data(Qt::ForegroundRole).isValid());
    QVERIFY(ends(0).data(Qt::DecorationRole).isValid());
    QVERIFY(!ends(1).data(Qt::DecorationRole).isValid());
    QVERIFY(ends(0).data(Qt::ToolTipRole).toString().contains(u"in 10 min"_s));
    QVERIFY(!ends(1).data(SilenceModel::ExpiresSoonRole).toBool());
    QVERIFY(!ends(1).data(Qt::ForegroundRole).isValid());
    QVERIFY(!ends(2).data(SilenceModel::ExpiresSoonRole).toBool()); // over, not ending soon
    QCOMPARE(model.expiringSoonCount(), 1);
    // the clock moves on: "later" ends soon too
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setNow(now.addSecs(2 * 60));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.expiringSoonCount(), 2);

    const QModelIndex state = model.index(1, SilenceModel::StateColumn);
    QCOMPARE(state.data().toString(), u"active"_s);
    model.setUntilResolved({u"later"_s});
    QCOMPARE(state.data().toString(), u"active, until resolved"_s);
    QVERIFY(state.data(SilenceModel::UntilResolvedRole).toBool());
    QVERIFY(!model.index(0, 0).data(SilenceModel::UntilResolvedRole).toBool());
}

void TestAlertModels::recentlyEndedSilence()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const LabelSet labels{{u"alertname"_s, u"A"_s}, {u"job"_s, u"api"_s}};
    Silence old;
    old.id = u"old"_s;
    old.matchers = {{u"alertname"_s, u"A"_s, false, true}};
    old.startsAt = now.addSecs(-7200);
    old.endsAt = now.addSecs(-50 * 60);
    old.state = Silence::State::Expired;
    Silence recent = old;
    recent.id = u"recent"_s;
    recent.endsAt = now.addSecs(-10 * 60);
    recent.createdBy = u"ana"_s;
    Silence other = recent;
    other.id = u"other"_s;
    other.matchers = {{u"alertname"_s, u"B"_s, false, true}};
    other.endsAt = now.addSecs(-60);
    Silence ancient = old;
    ancient.id = u"ancient"_s;
    ancient.endsAt = now.addSecs(-2 * 3600);

    std::optional<Silence> was
        = Stackscope::recentlyEndedSilence({old, recent, other, ancient}, labels, now);
    QVERIFY(was);
    QCOMPARE(was->id, u"recent"_s); // the last that ended, of those that match
    QVERIFY(!Stackscope::recentlyEndedSilence({ancient}, labels, now)); // over an hour ago
    // an active one covers it: it did not fire again
    Silence active = old;
    active.id = u"active"_s;
    active.endsAt = now.addSecs(600);
    active.state = Silence::State::Active;
    QVERIFY(!Stackscope::recentlyEndedSilence({recent, active}, labels, now));
}

void TestAlertModels::matcherSetFilters()
{
    MatcherSet set;
    QVERIFY(set.parse(QString()).isEmpty());
    QVERIFY(set.isEmpty());
    const LabelSet labels{{u"alertname"_s, u"DiskFull"_s}, {u"instance"_s, u"ab"_s}};
    QVERIFY(set.matches(labels));
    // a regex must match the whole value, as in Alertmanager
    QVERIFY(set.parse(u"instance=~\"a\""_s).isEmpty());
    QVERIFY(!set.matches(labels));
    QVERIFY(set.parse(u"instance=~\"a.\""_s).isEmpty());
    QVERIFY(set.matches(labels));
    QVERIFY(set.parse(u"{instance!~\"a.\"}"_s).isEmpty());
    QVERIFY(!set.matches(labels));
    // an absent label is the empty string
    QVERIFY(set.parse(u"team=\"\""_s).isEmpty());
    QVERIFY(set.matches(labels));
    QVERIFY(set.parse(u"team!=\"\""_s).isEmpty());
    QVERIFY(!set.matches(labels));
    // SilenceMatcher::matches() says the same, one matcher at a time
    QVERIFY((SilenceMatcher{u"instance"_s, u"a|ab"_s, true, true}).matches(labels));
    QVERIFY(!(SilenceMatcher{u"instance"_s, u"a"_s, true, true}).matches(labels));
    // a regex that does not compile is an error that names the matcher; the set is kept
    QVERIFY(set.parse(u"alertname=\"DiskFull\""_s).isEmpty());
    const QString error = set.parse(u"job=~\"(unclosed\""_s);
    QVERIFY2(error.contains(u"job=~"_s) && error.contains(u"regular expression"_s),
             qPrintable(error));
    QCOMPARE(set.matchers().size(), 1);
    QCOMPARE(set.matchers().first().name, u"alertname"_s);

    // the proxy: regex and negative regex, and what is wrong, in words
    AlertModel model;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.setAlerts({alert(u"A"_s, u"critical"_s, u"web-1"_s),
                     alert(u"B"_s, u"warning"_s, u"web-2"_s), alert(u"C"_s, u"info"_s, u"db-1"_s)});
    QVERIFY(proxy.setMatcherFilter(u"{instance=~\"web-.*\", severity!~\"warn.*\"}"_s).isEmpty());
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, AlertModel::NameColumn).data().toString(), u"A"_s);
    QVERIFY(!proxy.setMatcherFilter(u"instance=~\"[\""_s).isEmpty());
    QCOMPARE(proxy.rowCount(), 1); // the last good filter stays
    QVERIFY(proxy.setMatcherFilter(u"{}"_s).isEmpty());
    QCOMPARE(proxy.rowCount(), 3);
}

namespace {

Alert labelled(const QString &name, const QString &job, const QString &instance)
{
    Alert a = alert(name, u"warning"_s, instance);
    a.labels.insert(u"job"_s, job);
    a.fingerprint = labelsFingerprint(a.labels);
    return a;
}

/// "title: key, key | title: key" of the model's two levels, in order.
QString tree(const AlertGroupModel &model)
{
    QStringList groups;
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QStringList names;
        for (int r = 0; r < model.rowCount(group); ++r)
            names << model.index(r, AlertModel::LabelsColumn, group)
                         .data()
                         .toString()
                         .section(u", "_s, 1, 1); // instance=...
        groups << group.data(AlertGroupModel::GroupKeyRole).toString() + u": "_s
                      + names.join(u", "_s);
    }
    return groups.join(u" | "_s);
}

} // namespace

void TestAlertModels::groupsByLabel()
{
    AlertModel alerts;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&alerts);
    AlertGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModels(&alerts, &proxy);
    groups.setGrouping(AlertGroupModel::Grouping::Label, u"job"_s);
    Alert silenced = labelled(u"Down"_s, u"db"_s, u"d2"_s);
    silenced.silenced = true;
    silenced.silencedBy = {u"s1"_s};
    Alert pending = labelled(u"Slow"_s, u"db"_s, u"d3"_s);
    pending.state = Alert::State::Pending;
    Alert inhibited = labelled(u"Slow"_s, u"web"_s, u"w2"_s);
    inhibited.inhibited = true;
    Alert nojob = alert(u"Lonely"_s, u"critical"_s, u"x"_s);
    alerts.setAlerts({labelled(u"Down"_s, u"web"_s, u"w1"_s), labelled(u"Down"_s, u"db"_s, u"d1"_s),
                      silenced, pending, inhibited, nojob});
    groups.sync();
    QCOMPARE(groups.rowCount(), 3);
    const QModelIndex db = groups.indexOfGroup(u"db"_s);
    const QModelIndex web = groups.indexOfGroup(u"web"_s);
    QVERIFY(db.isValid() && web.isValid());
    QCOMPARE(groups.rowCount(db), 3); // d1, d2 (silenced), d3 (pending)
    QCOMPARE(groups.rowCount(web), 2);
    const AlertGroupModel::Counts dbCounts = groups.counts(db);
    QCOMPARE(dbCounts.total, 3);
    QCOMPARE(dbCounts.firing, 1);
    QCOMPARE(dbCounts.silenced, 1);
    QCOMPARE(dbCounts.pending, 1);
    QCOMPARE(groups.counts(web).inhibited, 1);
    QCOMPARE(db.data().toString(), u"job=\"db\" — 3 alerts: 1 firing · 1 pending · 1 silenced"_s);
    QVERIFY(db.data(AlertGroupModel::IsGroupRole).toBool());
    // the alert without the label is in a group of its own, last although it is critical;
    // the others by their worst firing severity, then title
    QCOMPARE(groups.index(0, 0), db); // 1 firing warning; web's firing alert is inhibited
    const QModelIndex last = groups.index(2, 0);
    QCOMPARE(last.data().toString(), u"without job — 1 alert: 1 firing"_s);
    QCOMPARE(groups.rowCount(last), 1);
    // an alert row is the AlertModel's row
    const QModelIndex d1 = groups.index(0, AlertModel::NameColumn, db);
    QCOMPARE(d1.data().toString(), u"Down"_s);
    QCOMPARE(d1.parent(), db);
    QVERIFY(!d1.data(AlertGroupModel::IsGroupRole).toBool());
    QCOMPARE(groups.indexOfAlert(nojob.key()).data(AlertModel::FingerprintRole).toString(),
             nojob.fingerprint);
    // the filter acts on the groups: a group whose alerts are all filtered away goes at once
    QVERIFY(proxy.setMatcherFilter(u"job=\"web\""_s).isEmpty());
    QCOMPARE(groups.rowCount(), 1);
    QCOMPARE(groups.index(0, 0).data(AlertGroupModel::GroupKeyRole).toString(), u"web"_s);
    QVERIFY(proxy.setMatcherFilter(QString()).isEmpty());
    groups.sync();
    QCOMPARE(groups.rowCount(), 3);
    // by another label
    groups.setGrouping(AlertGroupModel::Grouping::Label, u"alertname"_s);
    QCOMPARE(groups.rowCount(), 3);
    QCOMPARE(groups.rowCount(groups.indexOfGroup(u"Down"_s)), 3);
}

void TestAlertModels::groupsAsAlertmanager()
{
    AlertModel alerts;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&alerts);
    AlertGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModels(&alerts, &proxy);
    QCOMPARE(groups.grouping(), AlertGroupModel::Grouping::Alertmanager);
    const Alert a = labelled(u"Down"_s, u"web"_s, u"w1"_s);
    const Alert b = labelled(u"Down"_s, u"db"_s, u"d1"_s);
    Alert p = labelled(u"Slow"_s, u"db"_s, u"d2"_s);
    p.state = Alert::State::Pending; // pending: Alertmanager has not got it
    alerts.setAlerts({a, b, p});
    AlertGroupInfo team{u"team-a"_s, {{u"alertname"_s, u"Down"_s}}, {}, {a.key(), b.key()}};
    // routed on to a second receiver too (`continue: true`): in both groups
    AlertGroupInfo pager{u"pager"_s, {{u"job"_s, u"web"_s}}, {}, {a.key()}};
    groups.setAlertmanagerGroups({team, pager});
    groups.sync();
    QCOMPARE(groups.rowCount(), 3);
    const QModelIndex teamIndex = groups.indexOfGroup(team.key());
    const QModelIndex pagerIndex = groups.indexOfGroup(pager.key());
    QCOMPARE(groups.rowCount(teamIndex), 2);
    QCOMPARE(groups.rowCount(pagerIndex), 1);
    QVERIFY2(teamIndex.data().toString().startsWith(u"receiver team-a · alertname=\"Down\""_s),
             qPrintable(teamIndex.data().toString()));
    // the pending alert is in the catch-all group, which comes last
    const QModelIndex last = groups.index(groups.rowCount() - 1, 0);
    QCOMPARE(groups.rowCount(last), 1);
    QCOMPARE(groups.index(0, AlertModel::NameColumn, last).data().toString(), u"Slow"_s);
    QCOMPARE(groups.counts(last).pending, 1);
    // the groups change with the next poll: merged, not reset
    QSignalSpy reset(&groups, &QAbstractItemModel::modelReset);
    groups.setAlertmanagerGroups({team});
    groups.sync();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(groups.rowCount(), 2);
    QVERIFY(!groups.indexOfGroup(pager.key()).isValid());
}

void TestAlertModels::groupsByNameWithoutAlertmanager()
{
    // Prometheus alone: nobody forms groups, so the default grouping is by alert name (and says
    // so), not one catch-all group of everything.
    AlertModel alerts;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&alerts);
    AlertGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModels(&alerts, &proxy);
    QCOMPARE(groups.grouping(), AlertGroupModel::Grouping::Alertmanager);
    Alert p = labelled(u"Slow"_s, u"db"_s, u"d2"_s);
    p.state = Alert::State::Pending;
    alerts.setAlerts(
        {labelled(u"Down"_s, u"web"_s, u"w1"_s), labelled(u"Down"_s, u"db"_s, u"d1"_s), p});
    groups.sync();
    QCOMPARE(groups.rowCount(), 1); // with an Alertmanager: not routed yet, the catch-all
    groups.setWithoutAlertmanager(true);
    QCOMPARE(groups.rowCount(), 2);
    QCOMPARE(tree(groups), u"alertname\x1f"
                           "Down: instance=w1, instance=d1 | "
                           "alertname\x1f"
                           "Slow: instance=d2"_s);
    QCOMPARE(groups.index(0, 0).data().toString(),
             u"alertname=\"Down\" · by alert name: no Alertmanager groups them — 2 alerts: 2 "
             "firing"_s);
    QVERIFY(groups.index(1, 0).data().toString().contains(u"no Alertmanager groups them"_s));
    // a new alert of a known name joins its group; a new name is a new group
    alerts.setAlerts({labelled(u"Down"_s, u"web"_s, u"w1"_s), labelled(u"Down"_s, u"db"_s, u"d1"_s),
                      labelled(u"Down"_s, u"db"_s, u"d3"_s), p,
                      labelled(u"Full"_s, u"db"_s, u"d4"_s)});
    groups.sync();
    QCOMPARE(groups.rowCount(), 3);
    QCOMPARE(groups.rowCount(groups.indexOfGroup(u"alertname\x1f"
                                                 "Down"_s)),
             3);
    // a label picked by the user still wins
    groups.setGrouping(AlertGroupModel::Grouping::Label, u"job"_s);
    QCOMPARE(groups.rowCount(), 2);
    groups.setGrouping(AlertGroupModel::Grouping::Alertmanager);
    groups.setWithoutAlertmanager(false);
    QCOMPARE(groups.rowCount(), 1);
}

void TestAlertModels::groupsFollowARefreshWithoutReset()
{
    AlertModel alerts;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&alerts);
    AlertGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModels(&alerts, &proxy);
    groups.setGrouping(AlertGroupModel::Grouping::Label, u"job"_s);
    alerts.setAlerts({labelled(u"A"_s, u"web"_s, u"w1"_s), labelled(u"B"_s, u"web"_s, u"w2"_s),
                      labelled(u"A"_s, u"db"_s, u"d1"_s)});
    groups.sync();
    QCOMPARE(tree(groups), u"db: instance=d1 | web: instance=w1, instance=w2"_s);
    const QPersistentModelIndex w2(groups.indexOfAlert(labelled(u"B"_s, u"web"_s, u"w2"_s).key()));
    const QPersistentModelIndex web(groups.indexOfGroup(u"web"_s));
    QSignalSpy reset(&groups, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&groups, &QAbstractItemModel::dataChanged);
    // w1 resolves, d1 turns critical (its group goes first), a new group appears; the data
    // change arrives without a structural one (an Alertmanager resend)
    Alert d1 = labelled(u"A"_s, u"db"_s, u"d1"_s);
    d1.labels[u"severity"_s] = u"critical"_s; // a new alert, as its labels changed
    d1.fingerprint = labelsFingerprint(d1.labels);
    alerts.setAlerts(
        {labelled(u"B"_s, u"web"_s, u"w2"_s), d1, labelled(u"C"_s, u"api"_s, u"a1"_s)});
    // the alerts that went left at once: no row shows a resolved alert
    QCOMPARE(groups.rowCount(web), 1);
    QTRY_COMPARE(tree(groups), u"db: instance=d1 | api: instance=a1 | web: instance=w2"_s);
    QCOMPARE(reset.size(), 0);
    QVERIFY(w2.isValid());
    QCOMPARE(w2.sibling(w2.row(), AlertModel::NameColumn).data().toString(), u"B"_s);
    QCOMPARE(web.data(AlertGroupModel::GroupKeyRole).toString(), u"web"_s);
    QCOMPARE(w2.parent(), QModelIndex(web));
    // an update of an alert's data announces its group's rows
    Alert b = labelled(u"B"_s, u"web"_s, u"w2"_s);
    b.annotations[u"summary"_s] = u"changed"_s;
    changed.clear();
    alerts.setAlerts({b, d1, labelled(u"C"_s, u"api"_s, u"a1"_s)});
    groups.sync();
    bool announced = false;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const QModelIndex topLeft = args.at(0).value<QModelIndex>();
        const QModelIndex bottomRight = args.at(1).value<QModelIndex>();
        announced = announced
                    || (topLeft.parent() == QModelIndex(web) && topLeft.row() <= w2.row()
                        && bottomRight.row() >= w2.row());
    }
    QVERIFY(announced);
    QCOMPARE(w2.sibling(w2.row(), AlertModel::SummaryColumn).data().toString(), u"changed"_s);
    // the view's sort order is the order inside the groups: w3 ("A") joins at the end of its
    // group and moves before w2 ("B") in one layout change, the persistent index following
    alerts.setAlerts(
        {b, d1, labelled(u"C"_s, u"api"_s, u"a1"_s), labelled(u"A"_s, u"web"_s, u"w3"_s)});
    groups.sort(AlertModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(tree(groups), u"db: instance=d1 | api: instance=a1 | web: instance=w3, instance=w2"_s);
    QCOMPARE(w2.row(), 1);
    QCOMPARE(w2.sibling(w2.row(), AlertModel::NameColumn).data().toString(), u"B"_s);
    groups.sort(AlertModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(tree(groups), u"db: instance=d1 | api: instance=a1 | web: instance=w2, instance=w3"_s);
    QCOMPARE(w2.row(), 0);
    QCOMPARE(reset.size(), 0);
}

void TestAlertModels::clusterKeepsAlertsApart()
{
    AlertModel alerts;
    QAbstractItemModelTester tester(&alerts,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    Alert a = alert(u"Down"_s, u"critical"_s);
    a.cluster = u"team-a"_s;
    Alert b = a;
    b.cluster = u"team-b"_s;
    QCOMPARE(a.fingerprint, b.fingerprint);
    QVERIFY(a.key() != b.key());
    QCOMPARE(a.key(), a.fingerprint + u"@team-a"_s);
    alerts.setAlerts({a, b});
    QCOMPARE(alerts.rowCount(), 2);
    QCOMPARE(alerts.index(1, AlertModel::ClusterColumn).data().toString(), u"team-b"_s);
    QCOMPARE(alerts.index(1, 0).data(AlertModel::FingerprintRole).toString(), b.key());
    QVERIFY(alerts.hasClusters());
    QCOMPARE(alerts.rowOfKeyOrFingerprint(b.key()), 1);
    QCOMPARE(alerts.rowOfKeyOrFingerprint(a.fingerprint), 0); // a notification knows only that
    QCOMPARE(alerts.rowOfKeyOrFingerprint(u"nope"_s), -1);
    Alert plain = alert(u"Other"_s, u"info"_s);
    QCOMPARE(plain.key(), plain.fingerprint);
}

void TestAlertModels::groupsTakeABigFilterChangeAsOneLayoutChange()
{
    // 200 alerts in 10 groups by job, even and odd instances alternating in each, and a group
    // of odd ones only; a text filter keeps the even ones: about 100 scattered runs, which the
    // grouped view takes as one layout change rather than 100 removals.
    AlertModel alerts;
    AlertFilterProxy proxy;
    proxy.setSourceModel(&alerts);
    AlertGroupModel groups;
    QAbstractItemModelTester tester(&groups,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    groups.setSourceModels(&alerts, &proxy);
    groups.setGrouping(AlertGroupModel::Grouping::Label, u"job"_s);
    QList<Alert> list;
    for (int i = 0; i < 200; ++i)
        list << labelled(u"A"_s, u"job%1"_s.arg(i / 2 % 10),
                         u"%1-%2"_s.arg(i % 2 ? u"odd"_s : u"even"_s).arg(i));
    for (int i = 0; i < 3; ++i)
        list << labelled(u"A"_s, u"lonely"_s, u"odd-lonely-%1"_s.arg(i));
    alerts.setAlerts(list);
    groups.sync();
    QCOMPARE(groups.rowCount(), 11);
    const QPersistentModelIndex stays(groups.indexOfAlert(list.at(4).key()));  // even, job2
    const QPersistentModelIndex leaves(groups.indexOfAlert(list.at(5).key())); // odd, job2
    const QPersistentModelIndex job2(groups.indexOfGroup(u"job2"_s));
    const QPersistentModelIndex lonely(groups.indexOfGroup(u"lonely"_s));
    QVERIFY(stays.isValid() && leaves.isValid() && job2.isValid() && lonely.isValid());
    QCOMPARE(groups.rowCount(job2), 20);
    QSignalSpy removed(&groups, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layout(&groups, &QAbstractItemModel::layoutChanged);
    proxy.setTextFilter(u"even"_s);
    // at once (the proxy's layout change is merged in the same turn), as one layout change
    QCOMPARE(groups.rowCount(), 10);
    QCOMPARE(removed.size(), 0);
    QVERIFY(layout.size() >= 1);
    QVERIFY(!leaves.isValid());
    QVERIFY(!lonely.isValid());
    QVERIFY(stays.isValid());
    QCOMPARE(stays.data(AlertModel::FingerprintRole).toString(), list.at(4).key());
    QCOMPARE(stays.parent(), QModelIndex(job2));
    QCOMPARE(groups.rowCount(job2), 10);
    QCOMPARE(groups.counts(job2).total, 10);
    // a small change still takes row signals: one alert resolves
    const QString gone = list.takeAt(4).key();
    alerts.setAlerts(list);
    groups.sync();
    QVERIFY(!stays.isValid());
    QVERIFY(!groups.indexOfAlert(gone).isValid());
    QCOMPARE(groups.rowCount(job2), 9);
    QVERIFY(removed.size() >= 1);
    // and the filter cleared brings the odd ones back
    proxy.setTextFilter(QString());
    QCOMPARE(groups.rowCount(), 11);
    QCOMPARE(groups.rowCount(job2), 19);
}

// QGuiApplication: the group rows have a bold font, the silence model decorates with icons
QTEST_MAIN(TestAlertModels)
#include "tst_alertmodels.moc"
