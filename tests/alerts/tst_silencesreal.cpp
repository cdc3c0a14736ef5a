// SPDX-License-Identifier: GPL-3.0-or-later
// Silences against the real Debian servers on loopback (an HA pair of Alertmanager 0.25 and
// Prometheus with the Flippable alert): edit, extend, replace and expire as the Silences tab asks
// for them, and "acknowledge until resolved": the silence is renewed while the alert fires and
// expired once it resolves, also when Stackscope was restarted in between (the state file).
#include "app/alerts/acknowledgements.h"
#include "app/alerts/alertsjson.h"
#include "app/alerts/alertsservice.h"
#include "tests/alerts/alertstestenv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

/// A copy: the lists searched are often temporaries.
std::optional<Alert> findAlert(const QList<Alert> &alerts, const QString &name)
{
    for (const Alert &a : alerts) {
        if (a.name() == name && a.state == Alert::State::Firing)
            return a;
    }
    return std::nullopt;
}

using Answer = std::pair<QStringList, QStringList>; // ids, errors

} // namespace

class TestSilencesReal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void editExtendReplaceAndExpire();
    void acknowledgeUntilResolvedRenewsThenExpires();
    void acknowledgementSurvivesARestart();
    void acknowledgementExpiredByHandIsForgotten();
    void acknowledgementFollowsAnEditedSilence();

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
    /// The silence as an Alertmanager has it now.
    std::optional<Silence> silence(AlertmanagerProcess *am, const QString &id)
    {
        const auto result = am->fetch("GET", u"/api/v2/silences"_s);
        QList<Silence> all;
        AlertsJson::parseAlertmanagerSilences(QJsonDocument::fromJson(result.body), &all);
        for (const Silence &s : std::as_const(all)) {
            if (s.id == id)
                return s;
        }
        return std::nullopt;
    }
    bool isExpired(const QString &id)
    {
        const std::optional<Silence> s = silence(m_stack.am1.get(), id);
        return s && s->state == Silence::State::Expired;
    }
    Alert flippable(AlertsService &service)
    {
        Alert out;
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(findAlert(poll(service).alerts, u"Flippable"_s), 20000);
        }();
        if (const std::optional<Alert> a = findAlert(poll(service).alerts, u"Flippable"_s))
            out = *a;
        return out;
    }
    void unflip()
    {
        m_stack.flip(true);
        QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
    }

    QNetworkAccessManager m_network;
    AlertStack m_stack;
    QTemporaryDir m_stateDir;
};

void TestSilencesReal::initTestCase()
{
    if (!m_stack.start())
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am2.get(), u"Flippable"_s), 20000);
}

void TestSilencesReal::editExtendReplaceAndExpire()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    const std::optional<Alert> a = findAlert(poll(service).alerts, u"AlwaysFiring"_s);
    QVERIFY(a);
    const Alert alert = *a;
    std::optional<Answer> answer;
    const auto record = [&answer](const QStringList &ids, const QStringList &errors) {
        answer = Answer{ids, errors};
    };
    service.silenceAlert(alert, std::chrono::hours(1), u"tester"_s, u"first"_s, record);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
    const QString id = answer->first.value(0);

    // The page edits what the poll gave it (with its start and sources).
    Silence polled;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Silence &s : poll(service).silences) {
                if (s.id == id)
                    polled = s;
            }
            return !polled.id.isEmpty();
        }(),
        10000);

    // Extend (+1 h) and a new comment and author: the same silence, changed in place.
    Silence extended = polled;
    extended.endsAt = polled.endsAt.addSecs(3600);
    extended.comment = u"second"_s;
    extended.createdBy = u"other"_s;
    answer.reset();
    service.updateSilence(extended, record);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
    QCOMPARE(answer->first, QStringList{id});
    for (AlertmanagerProcess *am : {m_stack.am1.get(), m_stack.am2.get()}) {
        QTRY_VERIFY_WITH_TIMEOUT(silence(am, id) && silence(am, id)->comment == "second"_L1,
                                 10000); // gossiped to the peer
        const Silence now = *silence(am, id);
        QCOMPARE(now.state, Silence::State::Active);
        QCOMPARE(now.createdBy, u"other"_s);
        QVERIFY(qAbs(now.endsAt.secsTo(extended.endsAt)) <= 1);
    }

    // New matchers: Alertmanager 0.25 expires the old silence and answers with a new id.
    Silence narrowed = extended;
    narrowed.matchers << SilenceMatcher{u"team"_s, u"o.*"_s, true, true};
    answer.reset();
    service.updateSilence(narrowed, record);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
    const QString replaced = answer->first.value(0);
    QVERIFY(!replaced.isEmpty());
    QVERIFY(replaced != id);
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(id), 10000);
    QVERIFY(silence(m_stack.am1.get(), replaced));
    QCOMPARE(silence(m_stack.am1.get(), replaced)->state, Silence::State::Active);
    QCOMPARE(silence(m_stack.am1.get(), replaced)->matchers, narrowed.matchers);
    // the alert is still silenced, by the new one (the regex matches team="ops")
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const std::optional<Alert> x = findAlert(poll(service).alerts, u"AlwaysFiring"_s);
            return x && x->silencedBy == QStringList{replaced};
        }(),
        15000);

    // An end in the past is Alertmanager's to refuse, with its own words.
    Silence past = *silence(m_stack.am1.get(), replaced);
    past.sources = {};
    past.endsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    answer.reset();
    service.updateSilence(past, record);
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY(answer->first.isEmpty());
    QVERIFY(!answer->second.isEmpty());

    std::optional<QStringList> expired;
    service.expireSilence(replaced, [&expired](const QStringList &errors) { expired = errors; });
    QTRY_VERIFY_WITH_TIMEOUT(expired.has_value(), 10000);
    QVERIFY2(expired->isEmpty(), qPrintable(expired->join(u'\n')));
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(replaced), 10000);
}

void TestSilencesReal::acknowledgeUntilResolvedRenewsThenExpires()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    Acknowledgements acks(&service);
    const QString path = m_stateDir.filePath(u"renew/acknowledged.json"_s);
    acks.setStatePath(path);
    // A one-minute silence renewed when less than 55 s are left: renewed within seconds.
    acks.setTiming(std::chrono::seconds(60), std::chrono::seconds(55));
    service.start();
    const Alert alert = flippable(service);
    QVERIFY(!alert.fingerprint.isEmpty());

    QSignalSpy saved(&acks, &Acknowledgements::stateSaved);
    std::optional<Answer> answer;
    acks.acknowledge(alert, [&answer](const QStringList &ids, const QStringList &errors) {
        answer = Answer{ids, errors};
    });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
    QCOMPARE(answer->first.size(), 1); // one HA cluster: one silence
    const QString id = answer->first.first();
    QCOMPARE(acks.silenceIds(), QStringList{id});
    std::optional<Silence> s = silence(m_stack.am2.get(), id);
    QTRY_VERIFY_WITH_TIMEOUT((s = silence(m_stack.am2.get(), id)).has_value(), 10000);
    QCOMPARE(s->matchers, Silence::exactMatchers(alert.labels));
    QCOMPARE(s->comment, Acknowledgements::comment());
    const QDateTime firstEnd = s->endsAt;
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 5000);
    QVERIFY(QFile(path).exists());
    QVERIFY(QFile(path).open(QIODevice::ReadOnly));

    // While it fires the silence is pushed out, and stays the same silence.
    QTRY_VERIFY_WITH_TIMEOUT(
        silence(m_stack.am1.get(), id).value_or(Silence()).endsAt > firstEnd.addSecs(2), 15000);
    QCOMPARE(silence(m_stack.am1.get(), id)->state, Silence::State::Active);
    QCOMPARE(acks.silenceIds(), QStringList{id});
    // and the alert is silenced by it
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const std::optional<Alert> x = findAlert(service.lastSnapshot().alerts, u"Flippable"_s);
            return x && x->silencedBy.contains(id);
        }(),
        10000);

    // Resolved: Stackscope expires the silence itself.
    QSignalSpy released(&acks, &Acknowledgements::released);
    QVERIFY(m_stack.flip(false));
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(id), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(released.size(), 1, 5000);
    QCOMPARE(released.first().first().toString(), id);
    QVERIFY(acks.silenceIds().isEmpty());
    // and the state file says so
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            AcknowledgedState state(path);
            return state.load() && state.entries.isEmpty();
        }(),
        5000);
    service.stop();
    unflip();
}

void TestSilencesReal::acknowledgementSurvivesARestart()
{
    const QString path = m_stateDir.filePath(u"restart/acknowledged.json"_s);
    QString id;
    {
        AlertsService service(&m_network);
        service.applyConfig(m_stack.config());
        Acknowledgements acks(&service);
        acks.setStatePath(path);
        service.start();
        const Alert alert = flippable(service);
        QSignalSpy saved(&acks, &Acknowledgements::stateSaved);
        std::optional<Answer> answer;
        acks.acknowledge(alert, [&answer](const QStringList &ids, const QStringList &errors) {
            answer = Answer{ids, errors};
        });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
        id = answer->first.value(0);
        QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 5000);
        QCOMPARE(saved.first().first().toString(), QString());
        service.stop();
    } // Stackscope quits
    AcknowledgedState onDisk(path);
    QVERIFY(onDisk.load());
    QCOMPARE(onDisk.entries.size(), 1);
    QCOMPARE(onDisk.entries.first().silenceId, id);
    QCOMPARE(onDisk.entries.first().alertName, u"Flippable"_s);
    const std::optional<Silence> before = silence(m_stack.am1.get(), id);
    QVERIFY(before);
    // The default lifetime is a day: long enough to outlast a restart.
    QVERIFY(before->endsAt > QDateTime::currentDateTimeUtc().addSecs(23 * 3600));

    // The alert resolves while Stackscope is not running: nobody expires the silence yet.
    QVERIFY(m_stack.flip(false));
    QTRY_VERIFY_WITH_TIMEOUT(!AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 30000);
    QCOMPARE(silence(m_stack.am1.get(), id)->state, Silence::State::Active);

    // Started again with the same state: it remembers and expires the silence.
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    Acknowledgements acks(&service);
    acks.setStatePath(path);
    QSignalSpy changed(&acks, &Acknowledgements::changed);
    service.start();
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QCOMPARE(changed.first().first().toStringList(), QStringList{id}); // loaded
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(id), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(acks.silenceIds().isEmpty(), 5000);
    service.stop();
    unflip();
}

void TestSilencesReal::acknowledgementExpiredByHandIsForgotten()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    Acknowledgements acks(&service);
    acks.setStatePath(m_stateDir.filePath(u"by-hand/acknowledged.json"_s));
    service.start();
    const Alert alert = flippable(service);
    std::optional<Answer> answer;
    acks.acknowledge(alert, [&answer](const QStringList &ids, const QStringList &errors) {
        answer = Answer{ids, errors};
    });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QCOMPARE(answer->first.size(), 1);
    const QString id = answer->first.first();
    // Someone expires it in the Silences tab while the alert still fires: Stackscope lets go
    // instead of keeping (or renewing) a silence the person ended.
    QSignalSpy released(&acks, &Acknowledgements::released);
    QTRY_VERIFY_WITH_TIMEOUT(silence(m_stack.am2.get(), id).has_value(), 10000); // gossiped
    QCOMPARE(m_stack.am2->fetch("DELETE", u"/api/v2/silence/"_s + id).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(acks.silenceIds().isEmpty(), 10000);
    QCOMPARE(released.size(), 0); // not "resolved": the alert fires
    QVERIFY(findAlert(poll(service).alerts, u"Flippable"_s));
    QTest::qWait(1500);
    QVERIFY(isExpired(id));
    service.stop();
}

void TestSilencesReal::acknowledgementFollowsAnEditedSilence()
{
    AlertsService service(&m_network);
    service.applyConfig(m_stack.config());
    Acknowledgements acks(&service);
    const QString path = m_stateDir.filePath(u"edited/acknowledged.json"_s);
    acks.setStatePath(path);
    service.start();
    const Alert alert = flippable(service);
    std::optional<Answer> answer;
    acks.acknowledge(alert, [&answer](const QStringList &ids, const QStringList &errors) {
        answer = Answer{ids, errors};
    });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QCOMPARE(answer->first.size(), 1);
    const QString id = answer->first.first();

    // The user edits the acknowledged silence in the Silences tab: a matcher more, which
    // Alertmanager 0.25 answers by expiring it and making a new silence.
    Silence polled;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Silence &s : service.lastSnapshot().silences) {
                if (s.id == id)
                    polled = s;
            }
            return !polled.id.isEmpty();
        }(),
        10000);
    Silence edited = polled;
    edited.matchers << SilenceMatcher{u"severity"_s, u"warn.*"_s, true, true};
    answer.reset();
    QElapsedTimer followed;
    followed.start();
    service.updateSilence(edited, [&answer](const QStringList &ids, const QStringList &errors) {
        answer = Answer{ids, errors};
    });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
    QVERIFY2(answer->second.isEmpty(), qPrintable(answer->second.join(u'\n')));
    const QString replaced = answer->first.value(0);
    QVERIFY(!replaced.isEmpty() && replaced != id);
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(id), 10000);
    // The acknowledgement holds the new silence, with its matchers, and keeps holding it while
    // polls list the old one as expired (before, that read as "expired elsewhere": let go).
    QCOMPARE(acks.silenceIds(), QStringList{replaced});
    QCOMPARE(acks.entries().first().matchers, edited.matchers);
    QSignalSpy updated(&service, &AlertsService::updated);
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= 4, 15000);
    QCOMPARE(acks.silenceIds(), QStringList{replaced});
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            AcknowledgedState state(path);
            return state.load() && state.entries.size() == 1
                   && state.entries.first().silenceId == replaced;
        }(),
        5000);
    qInfo("followed to the new id; %d polls later still held (%lld ms)", int(updated.size()),
          followed.elapsed());

    // The alert resolves: Stackscope expires the new silence, as it would have the old one.
    QSignalSpy released(&acks, &Acknowledgements::released);
    QVERIFY(m_stack.flip(false));
    QTRY_VERIFY_WITH_TIMEOUT(isExpired(replaced), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(released.size(), 1, 5000);
    QCOMPARE(released.first().first().toString(), replaced);
    QVERIFY(acks.silenceIds().isEmpty());
    service.stop();
    unflip();
}

QTEST_GUILESS_MAIN(TestSilencesReal)
#include "tst_silencesreal.moc"
