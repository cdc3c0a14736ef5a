// SPDX-License-Identifier: GPL-3.0-or-later
// The Alertmanager API v2 and Prometheus alert clients and the merging service against the real
// Debian servers on loopback: an HA pair of Alertmanagers and Prometheus with a rule file.
#include "app/alerts/alertmanagerclient.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/notificationpolicy.h"
#include "models/alerts/alertmodel.h"
#include "tests/alerts/alertstestenv.h"
#include "tests/support/faultserver.h"

#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

template<typename T>
T waitFor(std::function<void(std::function<void(const T &)>)> start, int timeoutMs = 10000)
{
    std::optional<T> result;
    start([&result](const T &value) { result = value; });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), timeoutMs);
    }();
    return result.value_or(T{});
}

const Alert *findAlert(const QList<Alert> &alerts, const QString &name)
{
    for (const Alert &a : alerts) {
        if (a.name() == name)
            return &a;
    }
    return nullptr;
}

} // namespace

class TestAlertsReal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mergesTheHaPairByFingerprint();
    void groupsComeFromAlertmanagerOnceForThePair();
    void twoClustersKeepTheSameAlertApart();
    void pendingComesFromPrometheus();
    void filtersGroupsAndStatus();
    void rulesCarryStateAndDuration();
    void silenceIsCreatedOncePerClusterAndExpired();
    void unknownSilenceIsNotFound();
    void resolvesWhenTheValueFlips();
    void oneAlertmanagerDownIsToleratedAndShown();
    void badAnswersGiveClearMessages();
    void fetchFiringAlertsOnce();

private:
    AlertsSnapshot poll(AlertsService &service)
    {
        std::optional<AlertsSnapshot> snapshot;
        service.fetchOnce([&snapshot](const AlertsSnapshot &s) { snapshot = s; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
        }();
        return snapshot.value_or(AlertsSnapshot{});
    }

    QNetworkAccessManager m_network;
    AlertStack m_stack;
};

void TestAlertsReal::initTestCase()
{
    if (!m_stack.start())
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am2.get(), u"Flippable"_s), 20000);
}

void TestAlertsReal::mergesTheHaPairByFingerprint()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    const AlertsSnapshot s = poll(service);
    QVERIFY(s.anyAnswered);
    QVERIFY(s.complete);
    int count = 0;
    for (const Alert &a : s.alerts)
        count += a.name() == "AlwaysFiring"_L1;
    QCOMPARE(count, 1); // both Alertmanagers list it: shown once
    const Alert *a = findAlert(s.alerts, u"AlwaysFiring"_s);
    QVERIFY(a);
    QCOMPARE(a->state, Alert::State::Firing);
    QCOMPARE(a->severity(), u"critical"_s);
    QCOMPARE(a->summary(), markupSummary()); // raw text, escaped only where shown
    QCOMPARE(a->sources.size(), 3);          // both Alertmanagers and Prometheus (same fingerprint)
    QVERIFY(a->sources.contains(u"alertmanager 127.0.0.1:%1"_s.arg(m_stack.am1->port())));
    QVERIFY(a->sources.contains(u"alertmanager 127.0.0.1:%1"_s.arg(m_stack.am2->port())));
    QCOMPARE(a->fingerprint, labelsFingerprint(a->labels));
    QCOMPARE(a->value, u"1e+00"_s);
    QCOMPARE(a->expression(), u"vector(1)"_s); // from generatorURL
    QVERIFY(a->startsAt.isValid());
    QVERIFY(!a->silenced);
    // and the model shows exactly what was merged
    QCOMPARE(service.alertModel()->rowCount(), 0);
    service.refreshNow();
}

void TestAlertsReal::groupsComeFromAlertmanagerOnceForThePair()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    AlertsSnapshot s;
    // both members list AlwaysFiring's group (group_by alertname, the "null" receiver)
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            s = poll(service);
            return std::count_if(s.groups.cbegin(), s.groups.cend(),
                                 [](const AlertGroupInfo &g) {
                                     return g.labels.value(u"alertname"_s) == "AlwaysFiring"_L1;
                                 })
                   >= 1;
        }(),
        20000);
    QStringList keys;
    for (const AlertGroupInfo &g : std::as_const(s.groups))
        keys << g.key();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size()); // no duplicates
    const AlertGroupInfo *group = nullptr;
    for (const AlertGroupInfo &g : std::as_const(s.groups)) {
        if (g.labels.value(u"alertname"_s) == "AlwaysFiring"_L1)
            group = &g;
    }
    QVERIFY(group);
    QCOMPARE(group->receiver, u"null"_s);
    QCOMPARE(group->labels, (LabelSet{{u"alertname"_s, u"AlwaysFiring"_s}}));
    const Alert *a = findAlert(s.alerts, u"AlwaysFiring"_s);
    QVERIFY(a);
    QCOMPARE(group->alertKeys, QStringList{a->key()}); // listed by both members, kept once
}

void TestAlertsReal::twoClustersKeepTheSameAlertApart()
{
    // A second team's Alertmanager, not part of the pair's cluster, receives an alert with the
    // very labels (so the very fingerprint) of the pair's AlwaysFiring.
    Test::AlertmanagerProcess other;
    if (!other.start())
        QSKIP(qPrintable(u"a third Alertmanager did not start: "_s + other.errorString()));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray body
        = u"[{\"labels\":{\"alertname\":\"AlwaysFiring\",\"severity\":"
          "\"critical\",\"team\":\"ops\"},\"annotations\":{\"summary\":"
          "\"team b's copy\"},\"startsAt\":\"%1\",\"endsAt\":\"%2\"}]"_s
              .arg(now.toString(Qt::ISODateWithMs), now.addSecs(600).toString(Qt::ISODateWithMs))
              .toUtf8();
    QCOMPARE(other.fetch("POST", u"/api/v2/alerts"_s, body, "application/json").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(&other, u"AlwaysFiring"_s), 10000);

    Config config = m_stack.config();
    for (EndpointConfig &e : config.alertmanagers)
        e.cluster = u"team-a"_s; // the HA pair
    EndpointConfig b;
    b.url = other.url();
    b.cluster = u"team-b"_s;
    config.alertmanagers << b;
    AlertsService service(&m_network);
    service.applyConfig(config);
    AlertsSnapshot s;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            s = poll(service);
            return s.complete && s.groups.size() >= 2;
        }(),
        20000);
    QList<Alert> copies;
    for (const Alert &a : std::as_const(s.alerts)) {
        if (a.name() == "AlwaysFiring"_L1)
            copies << a;
    }
    QCOMPARE(copies.size(), 2); // one per cluster, the pair's merged without a duplicate
    std::sort(copies.begin(), copies.end(),
              [](const Alert &x, const Alert &y) { return x.cluster < y.cluster; });
    QCOMPARE(copies.at(0).fingerprint, copies.at(1).fingerprint);
    QCOMPARE(copies.at(0).cluster, u"team-a"_s);
    QCOMPARE(copies.at(1).cluster, u"team-b"_s);
    const QString pairA = u"alertmanager 127.0.0.1:%1"_s.arg(m_stack.am1->port());
    const QString pairB = u"alertmanager 127.0.0.1:%1"_s.arg(m_stack.am2->port());
    const QString third = u"alertmanager 127.0.0.1:%1"_s.arg(other.port());
    QVERIFY(copies.at(0).sources.contains(pairA) && copies.at(0).sources.contains(pairB));
    QVERIFY(!copies.at(0).sources.contains(third));
    QVERIFY(copies.at(1).sources.contains(third));
    QVERIFY(!copies.at(1).sources.contains(pairA) && !copies.at(1).sources.contains(pairB));
    QCOMPARE(copies.at(1).summary(), u"team b's copy"_s);
    QCOMPARE(copies.at(0).summary(), markupSummary());
    // the polling service's model has both rows, told apart by key, the cluster in its column
    service.start();
    QTRY_VERIFY_WITH_TIMEOUT(service.alertModel()->rowOf(copies.at(0).key()) >= 0
                                 && service.alertModel()->rowOf(copies.at(1).key()) >= 0,
                             10000);
    service.stop();
    for (const Alert &copy : std::as_const(copies)) {
        const int row = service.alertModel()->rowOf(copy.key());
        QVERIFY(row >= 0);
        QCOMPARE(service.alertModel()->index(row, AlertModel::ClusterColumn).data().toString(),
                 copy.cluster);
    }
    // the groups: AlwaysFiring's group once per cluster
    QStringList clusters;
    for (const AlertGroupInfo &g : std::as_const(s.groups)) {
        if (g.labels.value(u"alertname"_s) == "AlwaysFiring"_L1)
            clusters << g.cluster;
    }
    clusters.sort();
    QCOMPARE(clusters, (QStringList{u"team-a"_s, u"team-b"_s}));

    // Notified once per cluster: the same fingerprint in two clusters is two alerts.
    NotificationPolicy policy;
    NotifiedState notified;
    QStringList notifiedClusters;
    for (const AlertNotification &n : policy.evaluate(s.alerts, &notified, nullptr, true)) {
        if (n.alert.name() == "AlwaysFiring"_L1)
            notifiedClusters << n.alert.cluster;
    }
    notifiedClusters.sort();
    QCOMPARE(notifiedClusters, (QStringList{u"team-a"_s, u"team-b"_s}));
    QVERIFY(policy.evaluate(s.alerts, &notified, nullptr, true).isEmpty()); // and only once

    // A silence made from an alert lands in that alert's cluster only.
    const auto silenceIn = [&](const std::optional<QString> &target) {
        Silence silence;
        silence.matchers = Silence::exactMatchers(copies.at(0).labels);
        silence.startsAt = QDateTime::currentDateTimeUtc();
        silence.endsAt = silence.startsAt.addSecs(600);
        silence.createdBy = u"tester"_s;
        silence.comment = u"cluster test"_s;
        silence.targetCluster = target;
        return waitFor<std::pair<QStringList, QStringList>>([&](auto done) {
            service.createSilence(silence,
                                  [done](const QStringList &ids, const QStringList &errors) {
                                      done({ids, errors});
                                  });
        });
    };
    const auto holds = [](AlertmanagerProcess *am, const QString &id) {
        return am->fetch("GET", u"/api/v2/silence/"_s + id).status == 200;
    };
    QStringList created;
    std::optional<std::pair<QStringList, QStringList>> ofB;
    service.silenceAlert(copies.at(1), std::chrono::minutes(10), u"tester"_s, u"team b's"_s,
                         [&ofB](const QStringList &ids, const QStringList &errors) {
                             ofB = {ids, errors};
                         });
    QTRY_VERIFY_WITH_TIMEOUT(ofB.has_value(), 10000);
    QVERIFY2(ofB->second.isEmpty(), qPrintable(ofB->second.join(u'\n')));
    QCOMPARE(ofB->first.size(), 1);
    created << ofB->first;
    QVERIFY(holds(&other, ofB->first.first()));
    QVERIFY(!holds(m_stack.am1.get(), ofB->first.first()));
    QVERIFY(!holds(m_stack.am2.get(), ofB->first.first()));
    // team-a's copy: once in the pair (gossiped to its peer), not in team-b's Alertmanager
    const auto ofA = silenceIn(Silence::targetClusterOf(copies.at(0)));
    QVERIFY2(ofA.second.isEmpty(), qPrintable(ofA.second.join(u'\n')));
    QCOMPARE(ofA.first.size(), 1);
    created << ofA.first;
    QTRY_VERIFY_WITH_TIMEOUT(holds(m_stack.am2.get(), ofA.first.first()), 10000);
    QVERIFY(holds(m_stack.am1.get(), ofA.first.first()));
    QVERIFY(!holds(&other, ofA.first.first()));
    // Typed in the matcher box (no alert): once in every cluster, as before.
    const auto everywhere = silenceIn(std::nullopt);
    QVERIFY2(everywhere.second.isEmpty(), qPrintable(everywhere.second.join(u'\n')));
    QCOMPARE(everywhere.first.size(), 2);
    created << everywhere.first;
    QCOMPARE(
        int(holds(&other, everywhere.first.at(0))) + int(holds(&other, everywhere.first.at(1))), 1);
    // A cluster that is not configured is refused, not sent anywhere.
    const auto nowhere = silenceIn(u"team-c"_s);
    QVERIFY(nowhere.first.isEmpty());
    QCOMPARE(nowhere.second.size(), 1);
    for (const QString &id : std::as_const(created)) {
        const QStringList errors = waitFor<QStringList>([&](auto done) {
            service.expireSilence(id, [done](const QStringList &e) { done(e); });
        });
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    }
    other.stop();
}

void TestAlertsReal::pendingComesFromPrometheus()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    const AlertsSnapshot s = poll(service);
    const Alert *p = findAlert(s.alerts, u"StaysPending"_s);
    QVERIFY(p);
    QCOMPARE(p->state, Alert::State::Pending);
    QCOMPARE(p->sources, QStringList{u"prometheus 127.0.0.1:%1"_s.arg(m_stack.prometheus->port())});
    QCOMPARE(p->expression(), u"vector(0.912)"_s); // from the rule
    // The rule prints its value with humanizePercentage: so does the page.
    QCOMPARE(p->valueUnit, u"percentunit"_s);
    QCOMPARE(p->valueText(), u"91.2 %"_s);
    QVERIFY(!AlertStack::lists(m_stack.am1.get(), u"StaysPending"_s));
}

void TestAlertsReal::filtersGroupsAndStatus()
{
    HttpClient http(u"alertmanager"_s, &m_network);
    EndpointConfig e;
    e.url = m_stack.am1->url();
    http.setEndpoint(e);
    AlertmanagerClient client(&http);
    AlertmanagerClient::AlertsQuery query;
    query.filter << u"alertname=\"AlwaysFiring\""_s << u"severity=~\"crit.*\""_s;
    using Result = std::pair<QList<Alert>, HttpError>;
    const Result filtered = waitFor<Result>([&](auto done) {
        client.fetchAlerts(query, this, [done](const QList<Alert> &a, const HttpError &e) {
            done({a, e});
        });
    });
    QVERIFY2(!filtered.second.isError(), qPrintable(filtered.second.message));
    QCOMPARE(filtered.first.size(), 1);
    QCOMPARE(filtered.first.first().name(), u"AlwaysFiring"_s);

    query = {};
    query.active = false; // only silenced/inhibited/unprocessed: none here
    const Result inactive = waitFor<Result>([&](auto done) {
        client.fetchAlerts(query, this, [done](const QList<Alert> &a, const HttpError &e) {
            done({a, e});
        });
    });
    QVERIFY(!inactive.second.isError());
    QCOMPARE(inactive.first.size(), 0);

    using Groups = std::pair<QList<AlertGroup>, HttpError>;
    const Groups groups = waitFor<Groups>([&](auto done) {
        client.fetchAlertGroups(this, [done](const QList<AlertGroup> &g, const HttpError &e) {
            done({g, e});
        });
    });
    QVERIFY(!groups.second.isError());
    QStringList names;
    for (const AlertGroup &g : groups.first)
        names << g.labels.value(u"alertname"_s);
    QVERIFY2(names.contains(u"AlwaysFiring"_s), qPrintable(names.join(u',')));

    using Status = std::pair<AlertmanagerStatus, HttpError>;
    const auto status = [&] {
        return waitFor<Status>([&](auto done) {
            client.fetchStatus(this, [done](const AlertmanagerStatus &s, const HttpError &e) {
                done({s, e});
            });
        });
    };
    const Status first = status();
    QVERIFY(!first.second.isError());
    QVERIFY(first.first.version.startsWith(u"0."_s));
    QVERIFY(!first.first.peerName.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(status().first.peerNames.size(), 2, 10000); // the HA pair
}

void TestAlertsReal::rulesCarryStateAndDuration()
{
    HttpClient http(u"prometheus"_s, &m_network);
    EndpointConfig e;
    e.url = m_stack.prometheus->url();
    http.setEndpoint(e);
    PrometheusAlertsClient client(&http);
    using Result = std::pair<QList<Rule>, HttpError>;
    const Result r = waitFor<Result>([&](auto done) {
        client.fetchRules(this, [done](const QList<Rule> &rules, const HttpError &e) {
            done({rules, e});
        });
    });
    QVERIFY(!r.second.isError());
    QCOMPARE(r.first.size(), 3); // two groups
    QHash<QString, Rule> byName;
    for (const Rule &rule : r.first)
        byName.insert(rule.name, rule);
    QCOMPARE(byName.value(u"AlwaysFiring"_s).state, u"firing"_s);
    QCOMPARE(byName.value(u"StaysPending"_s).state, u"pending"_s);
    QCOMPARE(byName.value(u"StaysPending"_s).durationSeconds, 3600.0);
    QCOMPARE(byName.value(u"AlwaysFiring"_s).health, u"ok"_s);
    QVERIFY(byName.value(u"AlwaysFiring"_s).lastEvaluation.isValid());
    QCOMPARE(byName.value(u"AlwaysFiring"_s).group, u"stackscope-alerts-test"_s);
    QCOMPARE(byName.value(u"Flippable"_s).group, u"stackscope-alerts-flip"_s);
}

void TestAlertsReal::silenceIsCreatedOncePerClusterAndExpired()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    const AlertsSnapshot s = poll(service);
    const Alert *a = findAlert(s.alerts, u"AlwaysFiring"_s);
    QVERIFY(a);
    const Alert alert = *a;

    std::optional<std::pair<QStringList, QStringList>> created;
    service.silenceAlert(alert, std::chrono::hours(1), u"tester"_s, u"test silence"_s,
                         [&created](const QStringList &ids, const QStringList &errors) {
                             created = {ids, errors};
                         });
    QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), 10000);
    QVERIFY2(created->second.isEmpty(), qPrintable(created->second.join(u'\n')));
    QCOMPARE(created->first.size(), 1); // one cluster: created once, gossiped to the peer
    const QString id = created->first.first();

    // Both Alertmanagers hold exactly this silence, and the alert is silenced in the merge.
    QTRY_VERIFY_WITH_TIMEOUT(m_stack.am2->fetch("GET", u"/api/v2/silence/"_s + id).status == 200,
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const AlertsSnapshot now = poll(service);
            const Alert *x = findAlert(now.alerts, u"AlwaysFiring"_s);
            if (!x || !x->silenced || !x->silencedBy.contains(id))
                return false;
            for (const Silence &sil : now.silences) {
                if (sil.id == id)
                    return sil.sources.size() == 2 && sil.state == Silence::State::Active
                           && sil.createdBy == "tester"_L1
                           && sil.matchers == Silence::exactMatchers(alert.labels);
            }
            return false;
        }(),
        15000);

    std::optional<QStringList> expired;
    service.expireSilence(id, [&expired](const QStringList &errors) { expired = errors; });
    QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 10000);
    QVERIFY2(expired->isEmpty(), qPrintable(expired->join(u'\n')));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_stack.am2->fetch("GET", u"/api/v2/silence/"_s + id).body.contains("\"expired\""), 10000);
}

void TestAlertsReal::unknownSilenceIsNotFound()
{
    HttpClient http(u"alertmanager"_s, &m_network);
    EndpointConfig e;
    e.url = m_stack.am1->url();
    http.setEndpoint(e);
    AlertmanagerClient client(&http);
    std::optional<HttpError> error;
    client.expireSilence(u"00000000-0000-0000-0000-000000000000"_s, this,
                         [&error](const HttpError &e) { error = e; });
    QTRY_VERIFY_WITH_TIMEOUT(error.has_value(), 10000);
    QVERIFY(error->isError());
    QVERIFY2(AlertmanagerClient::isNotFound(*error),
             qPrintable(u"%1 %2"_s.arg(error->httpStatus).arg(error->detail)));

    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    std::optional<QStringList> errors;
    service.expireSilence(u"00000000-0000-0000-0000-000000000000"_s,
                          [&errors](const QStringList &e) { errors = e; });
    QTRY_VERIFY_WITH_TIMEOUT(errors.has_value(), 10000);
    QCOMPARE(errors->size(), 1);
    QVERIFY(errors->first().contains("no Alertmanager knows"_L1));
}

void TestAlertsReal::resolvesWhenTheValueFlips()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    QVERIFY(findAlert(poll(service).alerts, u"Flippable"_s));
    QVERIFY2(m_stack.flip(false), qPrintable(m_stack.prometheus->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!findAlert(poll(service).alerts, u"Flippable"_s), 20000);
    QVERIFY(findAlert(poll(service).alerts, u"AlwaysFiring"_s));
    QVERIFY(m_stack.flip(true));
    QTRY_VERIFY_WITH_TIMEOUT(findAlert(poll(service).alerts, u"Flippable"_s), 20000);
}

void TestAlertsReal::oneAlertmanagerDownIsToleratedAndShown()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    QSignalSpy updated(&service, &AlertsService::updated);
    service.start();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1, 10000);
    QCOMPARE(service.alertModel()->rowCount(), service.lastSnapshot().alerts.size());
    const int rows = service.alertModel()->rowCount();
    QStringList names;
    for (const Alert &a : service.lastSnapshot().alerts)
        names << a.name() + u'/' + a.sources.join(u'+');
    if (rows < 3) {
        qWarning() << m_stack.am1->fetch("GET", u"/api/v2/alerts"_s).body;
        qWarning() << m_stack.prometheus->fetch("GET", u"/api/v1/alerts"_s).body;
    }
    QVERIFY2(rows >= 3, qPrintable(names.join(u", "_s)));

    m_stack.am2->stop();
    updated.clear();
    service.refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 1, 10000);
    const AlertsSnapshot s = service.lastSnapshot();
    QVERIFY(s.anyAnswered);
    QVERIFY(!s.complete);
    bool sawDown = false;
    for (const AlertSourceState &src : s.sources) {
        if (src.name.endsWith(QString::number(m_stack.am2->port()))) {
            QVERIFY(!src.ok);
            QVERIFY2(src.message.contains("refused"_L1), qPrintable(src.message));
            sawDown = true;
        }
    }
    QVERIFY(sawDown);
    QCOMPARE(service.alertModel()->rowCount(), rows); // nothing lost
    QVERIFY(findAlert(s.alerts, u"AlwaysFiring"_s));
    QVERIFY(m_stack.am2->restart());
}

void TestAlertsReal::badAnswersGiveClearMessages()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setRoute("GET", u"/api/v2/alerts"_s, FaultServer::html("<html>Grafana</html>"));
    server.setRoute("GET", u"/api/v2/silences"_s,
                    FaultServer::json("\"failed to load silences: boom\"", 500));
    server.setRoute("GET", u"/api/v1/alerts"_s, FaultServer::json("{\"status\":\"success\""));
    server.setRoute("GET", u"/api/v1/rules"_s, FaultServer::json("[1,2]"));
    HttpClient http(u"alertmanager"_s, &m_network);
    EndpointConfig e;
    e.url = server.url();
    http.setEndpoint(e);
    AlertmanagerClient client(&http);
    using A = std::pair<QList<Alert>, HttpError>;
    const A html = waitFor<A>([&](auto done) {
        client.fetchAlerts({}, this, [done](const QList<Alert> &a, const HttpError &e) {
            done({a, e});
        });
    });
    QCOMPARE(html.second.kind, HttpError::Kind::UnexpectedBody);
    QVERIFY2(html.second.message.contains("HTML"_L1), qPrintable(html.second.message));
    using S = std::pair<QList<Silence>, HttpError>;
    const S bare = waitFor<S>([&](auto done) {
        client.fetchSilences(this, [done](const QList<Silence> &s, const HttpError &e) {
            done({s, e});
        });
    });
    QCOMPARE(bare.second.kind, HttpError::Kind::HttpStatus);
    QCOMPARE(bare.second.httpStatus, 500);
    QCOMPARE(bare.second.detail, u"failed to load silences: boom"_s);

    HttpClient promHttp(u"prometheus"_s, &m_network);
    promHttp.setEndpoint(e);
    PrometheusAlertsClient prom(&promHttp);
    const A truncated = waitFor<A>([&](auto done) {
        prom.fetchAlerts(this, [done](const QList<Alert> &a, const HttpError &e) { done({a, e}); });
    });
    QVERIFY(truncated.second.isError());
    using R = std::pair<QList<Rule>, HttpError>;
    const R wrong = waitFor<R>([&](auto done) {
        prom.fetchRules(this, [done](const QList<Rule> &r, const HttpError &e) { done({r, e}); });
    });
    QCOMPARE(wrong.second.kind, HttpError::Kind::UnexpectedBody);
    QVERIFY2(wrong.second.message.contains("not a JSON object"_L1),
             qPrintable(wrong.second.message));
}

void TestAlertsReal::fetchFiringAlertsOnce()
{
    std::optional<FiringAlertsResult> result;
    QObject context;
    fetchFiringAlerts(m_stack.config(), &m_network, &context,
                      [&result](const FiringAlertsResult &r) { result = r; });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 10000);
    QVERIFY2(result->errors.isEmpty(), qPrintable(result->errors.join(u'\n')));
    QStringList names;
    for (const Alert &a : result->firing)
        names << a.name();
    QVERIFY2(result->firing.size() >= 2, qPrintable(names.join(u", "_s)));
    QCOMPARE(result->firing.first().name(), u"AlwaysFiring"_s); // critical first
    for (const Alert &a : result->firing)
        QCOMPARE(a.state, Alert::State::Firing);
}

QTEST_GUILESS_MAIN(TestAlertsReal)
#include "tst_alertsreal.moc"
