// SPDX-License-Identifier: GPL-3.0-or-later
// What the Alerts page and the notifications say while the real Alertmanager restarts or is down,
// against the real Prometheus (with external labels, as the bundled stack sets them) and the
// real Alertmanager on loopback. Each case fails without the fix it guards:
// - external labels: Prometheus' /api/v1/alerts omits them, so without them its alerts never
//   matched Alertmanager's (no value column, a pending row replaced by another when firing);
// - a restarted Alertmanager answers [] until Prometheus resends: one such answer used to drop
//   every "already notified" record, so every alert notified again (and "resolved" falsely);
// - a member that is down used to keep its last list in the merge forever.
#include "app/alerts/alertsservice.h"
#include "app/alerts/notificationpolicy.h"
#include "tests/alerts/alertstestenv.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

const Alert *findAlert(const QList<Alert> &alerts, const QString &name)
{
    for (const Alert &a : alerts) {
        if (a.name() == name)
            return &a;
    }
    return nullptr;
}

int firingCount(const QList<Alert> &alerts)
{
    return int(std::count_if(alerts.cbegin(), alerts.cend(),
                             [](const Alert &a) { return a.state == Alert::State::Firing; }));
}

QString describe(const AlertsSnapshot &s)
{
    QStringList lines;
    for (const Alert &a : s.alerts)
        lines << u"%1 %2 stale=%3 sources=%4 labels=%5"_s.arg(
            a.name(), a.state == Alert::State::Firing ? u"firing"_s : u"pending"_s,
            a.stale ? u"yes"_s : u"no"_s, a.sources.join(u','), labelsText(a.labels));
    return u"authoritative=%1 fallback=%2\n"_s.arg(s.authoritative).arg(s.prometheusFallback)
           + lines.join(u'\n');
}

} // namespace

class TestAlertsRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void prometheusAndAlertmanagerAgreeUnderExternalLabels();
    void restartedAlertmanagerSendsNothingNew();
    void downMemberDoesNotKeepResolvedAlerts();

private:
    AlertsSnapshot poll()
    {
        std::optional<AlertsSnapshot> snapshot;
        m_service->fetchOnce([&snapshot](const AlertsSnapshot &s) { snapshot = s; });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 10000);
        }();
        return snapshot.value_or(AlertsSnapshot{});
    }

    QNetworkAccessManager m_network;
    AlertStack m_stack;
    std::unique_ptr<AlertsService> m_service;
};

void TestAlertsRestart::initTestCase()
{
    m_stack.externalLabels = u"{cluster: lab, replica: a}"_s;
    // Prometheus resends firing alerts every 15 s here (1 min by default): a restarted
    // Alertmanager then answers [] for a while, as it does for users.
    m_stack.resendDelaySeconds = 15;
    if (!m_stack.start(false))
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s)
                                 && AlertStack::lists(m_stack.am1.get(), u"Flippable"_s),
                             40000);
    m_service = std::make_unique<AlertsService>(&m_network);
    m_service->applyConfig(m_stack.config());
}

void TestAlertsRestart::prometheusAndAlertmanagerAgreeUnderExternalLabels()
{
    const AlertsSnapshot s = poll();
    QVERIFY2(s.anyAnswered && s.complete, qPrintable(describe(s)));
    int always = 0;
    for (const Alert &a : s.alerts)
        always += a.name() == "AlwaysFiring"_L1;
    QCOMPARE(always, 1);
    const Alert *a = findAlert(s.alerts, u"AlwaysFiring"_s);
    QVERIFY(a);
    QCOMPARE(a->labels.value(u"cluster"_s), u"lab"_s);
    // One alert with both sources: Prometheus' value reaches Alertmanager's row.
    QVERIFY2(a->sources.size() == 2, qPrintable(describe(s)));
    QVERIFY2(!a->value.isEmpty(), qPrintable(describe(s)));
    QCOMPARE(a->fingerprint, labelsFingerprint(a->labels));
    // The pending alert, which only Prometheus knows, has the labels Alertmanager will see: when
    // it fires, its row is the same row.
    const Alert *pending = findAlert(s.alerts, u"StaysPending"_s);
    QVERIFY(pending);
    QCOMPARE(pending->labels.value(u"replica"_s), u"a"_s);
}

void TestAlertsRestart::restartedAlertmanagerSendsNothingNew()
{
    NotificationConfig config;
    config.minSeverity = u"info"_s;
    config.notifyResolved = true; // a false "Resolved" would show too
    NotificationPolicy policy;
    policy.setConfig(config);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    NotifiedState state(dir.filePath(u"notified.json"_s));

    const AlertsSnapshot before = poll();
    QVERIFY2(before.authoritative && firingCount(before.alerts) == 2, qPrintable(describe(before)));
    const QList<AlertNotification> first
        = policy.evaluate(before.alerts, &state, nullptr, before.authoritative);
    QCOMPARE(first.size(), 2);

    const qint64 oldPid = m_stack.am1->pid();
    m_stack.am1->kill(); // by its PID, as a crash
    QVERIFY2(m_stack.am1->restart(), qPrintable(m_stack.am1->errorString()));
    QVERIFY(m_stack.am1->pid() != oldPid);

    // Poll as the page does until the restarted Alertmanager lists both again, and a bit more.
    QList<AlertNotification> sent;
    int emptyAnswers = 0;
    int shownFiringWhileEmpty = 2;
    QElapsedTimer clock;
    clock.start();
    int afterBack = 0;
    while (clock.elapsed() < 45000 && afterBack < 3) {
        const AlertsSnapshot s = poll();
        const bool amEmpty = !AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s);
        if (amEmpty && s.anyAnswered) {
            ++emptyAnswers;
            shownFiringWhileEmpty = std::min(shownFiringWhileEmpty, firingCount(s.alerts));
        } else if (!amEmpty) {
            ++afterBack;
        }
        if (s.anyAnswered)
            sent += policy.evaluate(s.alerts, &state, nullptr, s.authoritative);
        QTest::qWait(500);
    }
    qInfo("%d polls while the restarted Alertmanager's memory was empty; back after %lld ms",
          emptyAnswers, clock.elapsed());
    QVERIFY2(afterBack >= 3, "the restarted Alertmanager never listed the alerts again");
    QVERIFY2(emptyAnswers > 0, "no poll saw the restarted Alertmanager's empty memory");
    // Prometheus stood in: the page never said "0 firing".
    QCOMPARE(shownFiringWhileEmpty, 2);
    QStringList what;
    for (const AlertNotification &n : std::as_const(sent))
        what << n.summary;
    QVERIFY2(sent.isEmpty(), qPrintable(what.join(u"; "_s)));
    QCOMPARE(state.size(), 2);
}

void TestAlertsRestart::downMemberDoesNotKeepResolvedAlerts()
{
    AlertsSnapshot s = poll();
    QVERIFY2(findAlert(s.alerts, u"Flippable"_s), qPrintable(describe(s)));
    m_stack.am1->kill();
    s = poll();
    QVERIFY2(!s.complete && s.prometheusFallback, qPrintable(describe(s)));
    const Alert *flippable = findAlert(s.alerts, u"Flippable"_s);
    QVERIFY2(flippable, qPrintable(describe(s)));

    // It resolves while the only Alertmanager is down: Prometheus says so, and the page follows.
    m_stack.flip(false);
    QTRY_VERIFY_WITH_TIMEOUT(!findAlert(poll().alerts, u"Flippable"_s), 20000);
    s = poll();
    const Alert *always = findAlert(s.alerts, u"AlwaysFiring"_s);
    QVERIFY2(always && always->state == Alert::State::Firing && !always->stale,
             qPrintable(describe(s)));
    m_stack.flip(true);
    QVERIFY2(m_stack.am1->restart(), qPrintable(m_stack.am1->errorString()));
}

QTEST_GUILESS_MAIN(TestAlertsRestart)
#include "tst_alertsrestart.moc"
