// SPDX-License-Identifier: GPL-3.0-or-later
// Who is told what: once per firing (fingerprint and startsAt), resolves when enabled, minimum
// severity, mute, storm grouping; the notified state persisted and reloaded; and the fallback
// when no notification server is on the bus.
#include "app/alerts/desktopnotifier.h"
#include "app/alerts/notificationpolicy.h"

#include <QDBusConnection>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

Alert alert(const QString &name, const QString &severity, int minutesAgo = 5)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, severity}};
    a.annotations = {{u"summary"_s, name + u" is <b>bad</b>"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime(QDate(2026, 11, 21), QTime(6, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    return a;
}

QStringList summaries(const QList<AlertNotification> &notes)
{
    QStringList out;
    for (const AlertNotification &n : notes)
        out << n.summary;
    return out;
}

} // namespace

class TestNotificationPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notifiesOncePerFiring();
    void resolvedOnlyWhenEnabled();
    void minimumSeveritySuppressedAndPending();
    void mutedRecordsButSendsNothing();
    void severityScaleLetsEveryAlertNotify();
    void stormBecomesOneSummary();
    void stateIsPersistedAndReloaded();
    void brokenStateFileStartsAfresh();
    void fallbackWithoutNotificationServer();
};

void TestNotificationPolicy::notifiesOncePerFiring()
{
    NotificationPolicy policy;
    NotifiedState state;
    const Alert a = alert(u"A"_s, u"critical"_s);
    bool changed = false;
    QList<AlertNotification> notes = policy.evaluate({a}, &state, &changed);
    QCOMPARE(summaries(notes), QStringList{u"A (critical)"_s});
    QCOMPARE(notes.first().body, u"A is <b>bad</b>"_s); // plain: the notifier escapes
    QCOMPARE(notes.first().urgency, 2);
    QVERIFY(changed);
    notes = policy.evaluate({a}, &state, &changed);
    QVERIFY(notes.isEmpty());
    QVERIFY(!changed);
    // The same fingerprint firing again (a new startsAt) is a new firing.
    Alert again = a;
    again.startsAt = a.startsAt.addSecs(600);
    QCOMPARE(policy.evaluate({again}, &state).size(), 1);
}

void TestNotificationPolicy::resolvedOnlyWhenEnabled()
{
    NotificationPolicy policy;
    NotifiedState state;
    const Alert a = alert(u"A"_s, u"warning"_s);
    policy.evaluate({a}, &state);
    bool changed = false;
    QVERIFY(policy.evaluate({}, &state, &changed).isEmpty()); // disabled by default
    QVERIFY(changed);
    QCOMPARE(state.size(), 0);

    NotificationConfig c;
    c.notifyResolved = true;
    policy.setConfig(c);
    policy.evaluate({a}, &state);
    const QList<AlertNotification> notes = policy.evaluate({}, &state);
    QCOMPARE(summaries(notes), QStringList{u"Resolved: A"_s});
    QCOMPARE(notes.first().kind, AlertNotification::Kind::Resolved);
    QCOMPARE(notes.first().alert.fingerprint, a.fingerprint);
    QVERIFY(policy.evaluate({}, &state).isEmpty()); // once
}

void TestNotificationPolicy::minimumSeveritySuppressedAndPending()
{
    NotificationPolicy policy; // minimum: warning
    NotifiedState state;
    Alert silenced = alert(u"S"_s, u"critical"_s);
    silenced.silenced = true;
    Alert pending = alert(u"P"_s, u"critical"_s);
    pending.state = Alert::State::Pending;
    const QList<AlertNotification> notes
        = policy.evaluate({alert(u"I"_s, u"info"_s), alert(u"N"_s, QString()), silenced, pending,
                           alert(u"W"_s, u"warning"_s)},
                          &state);
    // An alert without a severity counts as a warning by default: it notifies too.
    QCOMPARE(summaries(notes), (QStringList{u"N (no severity)"_s, u"W (warning)"_s}));
    NotificationConfig c;
    c.minSeverity = u"info"_s;
    policy.setConfig(c);
    QCOMPARE(summaries(policy.evaluate({alert(u"I"_s, u"info"_s)}, &state)),
             QStringList{u"I (info)"_s});
}

void TestNotificationPolicy::severityScaleLetsEveryAlertNotify()
{
    // Severities as teams write them: each ranks as a level and can notify.
    NotificationConfig c;
    c.minSeverity = u"critical"_s;
    NotificationPolicy policy;
    policy.setConfig(c);
    NotifiedState state;
    const QStringList critical{u"major"_s, u"page"_s, u"P1"_s, u"P2"_s, u"error"_s, u"High"_s};
    QList<Alert> alerts;
    for (const QString &severity : critical)
        alerts << alert(u"C-"_s + severity, severity);
    alerts << alert(u"minor"_s, u"minor"_s) << alert(u"p3"_s, u"P3"_s) << alert(u"P5"_s, u"P5"_s);
    c.stormThreshold = 100;
    policy.setConfig(c);
    QCOMPARE(policy.evaluate(alerts, &state).size(), critical.size());

    // A team's own words, carried by another label; alerts without it never notify.
    NotificationConfig own;
    own.minSeverity = u"warning"_s;
    own.severity.label = u"priority"_s;
    own.severity.critical = {u"sev-a"_s};
    own.severity.warning = {u"sev-b"_s};
    own.severity.withoutSeverity = 0;
    policy.setConfig(own);
    NotifiedState fresh;
    Alert a = alert(u"A"_s, u"critical"_s); // "severity" is not the label any more
    Alert b = alert(u"B"_s, QString());
    b.labels.insert(u"priority"_s, u"SEV-B"_s);
    b.fingerprint = labelsFingerprint(b.labels);
    Alert x = alert(u"X"_s, QString());
    x.labels.insert(u"priority"_s, u"whatever"_s);
    x.fingerprint = labelsFingerprint(x.labels);
    QCOMPARE(summaries(policy.evaluate({a, b, x}, &fresh)), QStringList{u"B (SEV-B)"_s});
}

void TestNotificationPolicy::mutedRecordsButSendsNothing()
{
    NotificationPolicy policy;
    NotifiedState state;
    policy.setMuted(true);
    QVERIFY(policy.evaluate({alert(u"A"_s, u"critical"_s)}, &state).isEmpty());
    QCOMPARE(state.size(), 1);
    policy.setMuted(false); // unmuting does not replay what fired meanwhile
    QVERIFY(policy.evaluate({alert(u"A"_s, u"critical"_s)}, &state).isEmpty());
    NotificationConfig off;
    off.enabled = false;
    policy.setConfig(off);
    QVERIFY(policy.evaluate({alert(u"B"_s, u"critical"_s)}, &state).isEmpty());
}

void TestNotificationPolicy::stormBecomesOneSummary()
{
    NotificationPolicy policy;
    NotificationConfig c;
    c.stormThreshold = 3;
    policy.setConfig(c);
    NotifiedState state;
    QList<Alert> many;
    for (int i = 0; i < 8; ++i)
        many << alert(u"Storm%1"_s.arg(i), i == 6 ? u"critical"_s : u"warning"_s);
    const QList<AlertNotification> notes = policy.evaluate(many, &state);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().kind, AlertNotification::Kind::Storm);
    QCOMPARE(notes.first().summary, u"8 new alerts firing"_s);
    QVERIFY(notes.first().body.startsWith(u"Storm6 (critical)"_s)); // the worst first
    QVERIFY(notes.first().body.contains(u"and 3 more"_s));
    QCOMPARE(notes.first().urgency, 2);
    QCOMPARE(state.size(), 8);
    // exactly the threshold: one each
    NotifiedState fresh;
    QCOMPARE(policy.evaluate(many.mid(0, 3), &fresh).size(), 3);
}

void TestNotificationPolicy::stateIsPersistedAndReloaded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"state/stackscope/notified.json"_s);
    NotificationPolicy policy;
    const Alert a = alert(u"A"_s, u"critical"_s);
    {
        NotifiedState state(path);
        QVERIFY(state.load()); // missing: empty, not an error
        QCOMPARE(policy.evaluate({a}, &state).size(), 1);
        QString error;
        QVERIFY2(state.save(&error), qPrintable(error));
    }
    QVERIFY(QFile::exists(path));
    QVERIFY(!QFile::exists(path + u".tmp"_s));
    NotifiedState restarted(path);
    QVERIFY(restarted.load());
    QVERIFY(restarted.contains(a.fingerprint, a.startsAt));
    QVERIFY(policy.evaluate({a}, &restarted).isEmpty()); // a restart does not notify again
    QCOMPARE(restarted.alert(a.fingerprint).name(), u"A"_s);
}

void TestNotificationPolicy::brokenStateFileStartsAfresh()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notified.json"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"notified\": [");
    f.close();
    NotifiedState state(path);
    QString error;
    QVERIFY(!state.load(&error));
    QVERIFY(error.contains("starting afresh"_L1));
    QCOMPARE(state.size(), 0);
}

void TestNotificationPolicy::fallbackWithoutNotificationServer()
{
    // A connection to no bus at all: nobody owns org.freedesktop.Notifications.
    DesktopNotifier notifier(QDBusConnection(u"stackscope-no-bus"_s));
    QVERIFY(!notifier.serverAvailable());
    QStringList shown;
    notifier.setFallback([&shown](const QString &summary, const QString &body, int urgency) {
        shown << u"%1|%2|%3"_s.arg(summary, body).arg(urgency);
    });
    QSignalSpy notified(&notifier, &DesktopNotifier::notified);
    notifier.notify(NotificationPolicy::firingNotification(alert(u"A"_s, u"critical"_s)));
    QCOMPARE(shown, QStringList{u"A (critical)|A is <b>bad</b>|2"_s});
    QCOMPARE(notified.size(), 1);
    QCOMPARE(notified.first().at(1).toBool(), false);
}

QTEST_GUILESS_MAIN(TestNotificationPolicy)
#include "tst_notificationpolicy.moc"
