// SPDX-License-Identifier: GPL-3.0-or-later
// Who is told what: once per firing (fingerprint and startsAt), resolves when enabled, minimum
// severity, mute, storm grouping; the notified state persisted and reloaded; and the fallback
// when no notification server is on the bus.
#include "app/alerts/acknowledgements.h"
#include "app/alerts/desktopnotifier.h"
#include "app/alerts/notificationpolicy.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

Alert inCluster(Alert a, const QString &cluster)
{
    a.cluster = cluster;
    a.sources = {u"alertmanager 127.0.0.1:9093"_s};
    return a;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(contents) == contents.size();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
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
    void oncePerCluster();
    void prometheusStandsForEveryCluster();
    void clustersPersistAndOldFilesReadAsUnnamed();
    void notifiedStateLoad_data();
    void notifiedStateLoad();
    void acknowledgedStateLoad_data();
    void acknowledgedStateLoad();
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

void TestNotificationPolicy::oncePerCluster()
{
    // The same alert (one fingerprint) firing in two Alertmanager clusters is told once in each.
    NotificationPolicy policy;
    NotifiedState state;
    const Alert a = inCluster(alert(u"A"_s, u"critical"_s), u"team-a"_s);
    const Alert b = inCluster(alert(u"A"_s, u"critical"_s), u"team-b"_s);
    QCOMPARE(a.fingerprint, b.fingerprint);
    QCOMPARE(policy.evaluate({a}, &state).size(), 1);
    QCOMPARE(policy.evaluate({a, b}, &state).size(), 1); // team-b's copy is new
    QCOMPARE(state.size(), 2);
    QVERIFY(state.contains(a.key(), a.startsAt));
    QVERIFY(state.contains(b.key(), b.startsAt));
    QVERIFY(policy.evaluate({a, b}, &state).isEmpty());
    // team-b's copy resolves: that one, not team-a's, is resolved
    NotificationConfig config;
    config.notifyResolved = true;
    policy.setConfig(config);
    const QList<AlertNotification> notes = policy.evaluate({a}, &state);
    QCOMPARE(summaries(notes), QStringList{u"Resolved: A"_s});
    QCOMPARE(notes.first().alert.cluster, u"team-b"_s);
    QVERIFY(state.contains(a.key()));
    QVERIFY(!state.contains(b.key()));
}

void TestNotificationPolicy::prometheusStandsForEveryCluster()
{
    // While no Alertmanager answers (a restart), the firing alerts are Prometheus' own, without a
    // cluster: a clustered record of the same firing is not notified again, nor resolved.
    NotificationConfig config;
    config.notifyResolved = true;
    NotificationPolicy policy;
    policy.setConfig(config);
    NotifiedState state;
    const Alert clustered = inCluster(alert(u"A"_s, u"critical"_s), u"team-a"_s);
    QCOMPARE(policy.evaluate({clustered}, &state).size(), 1);
    Alert fromPrometheus = alert(u"A"_s, u"critical"_s);
    fromPrometheus.sources = {u"prometheus"_s};
    QVERIFY(policy.evaluate({fromPrometheus}, &state, nullptr, true).isEmpty());
    QVERIFY(state.contains(clustered.key()));
    // An Alertmanager of the unnamed cluster is a cluster of its own: its copy is new.
    const Alert unnamed = inCluster(alert(u"A"_s, u"critical"_s), QString());
    QCOMPARE(policy.evaluate({clustered, unnamed}, &state).size(), 1);
}

void TestNotificationPolicy::clustersPersistAndOldFilesReadAsUnnamed()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notified.json"_s);
    NotificationPolicy policy;
    const Alert a = inCluster(alert(u"A"_s, u"critical"_s), u"team-a"_s);
    const Alert b = inCluster(alert(u"A"_s, u"critical"_s), u"team-b"_s);
    {
        NotifiedState state(path);
        QCOMPARE(policy.evaluate({a, b}, &state).size(), 2);
        QVERIFY(state.save());
    }
    NotifiedState reread(path);
    QVERIFY(reread.load());
    QCOMPARE(reread.size(), 2);
    QVERIFY(reread.contains(a.key(), a.startsAt));
    QVERIFY(reread.contains(b.key(), b.startsAt));
    QCOMPARE(reread.alert(b.key()).cluster, u"team-b"_s);
    QVERIFY(policy.evaluate({a, b}, &reread).isEmpty());

    // A file of the version before clusters: bare fingerprints, read as the unnamed cluster's.
    const Alert old = alert(u"Old"_s, u"critical"_s);
    QVERIFY(writeFile(path, u"{\"version\": 1, \"notified\": [{\"fingerprint\": \"%1\", "
                            "\"startsAt\": \"%2\", \"labels\": {\"alertname\": \"Old\", "
                            "\"severity\": \"critical\"}, \"summary\": \"s\"}]}"_s
                                .arg(old.fingerprint, old.startsAt.toString(Qt::ISODateWithMs))
                                .toUtf8()));
    NotifiedState previous(path);
    QVERIFY(previous.load());
    QCOMPARE(previous.keys(), QStringList{old.fingerprint});
    QVERIFY(previous.alert(old.fingerprint).cluster.isEmpty());
    QVERIFY(policy.evaluate({inCluster(old, QString())}, &previous).isEmpty()); // not again
    QVERIFY(
        policy.evaluate({inCluster(old, QString()), inCluster(old, u"team-a"_s)}, &previous).size()
        == 1); // a named cluster's copy is another alert
}

// The two state files share their read side (StateFile::read): a missing file is an empty
// state; a file that cannot be opened, is no JSON or has another version is reported and read
// as empty; only notified.json sets such a file aside (its loss would notify everything again).
void TestNotificationPolicy::notifiedStateLoad_data()
{
    QTest::addColumn<QByteArray>("contents"); // "-" for no file, "!" for one that cannot be read
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("entries");
    QTest::addColumn<bool>("setAside");
    const Alert a = alert(u"A"_s, u"critical"_s);
    QTest::newRow("missing file") << QByteArray("-") << true << 0 << false;
    QTest::newRow("unreadable file") << QByteArray("!") << false << 0 << false;
    QTest::newRow("garbage") << QByteArray("\x00\xffnot json {") << false << 0 << true;
    QTest::newRow("truncated") << QByteArray("{\"version\": 1, \"notified\": [") << false << 0
                               << true;
    QTest::newRow("wrong version")
        << QByteArray("{\"version\": 2, \"notified\": []}") << false << 0 << true;
    QTest::newRow("an array") << QByteArray("[1, 2]") << false << 0 << true;
    QTest::newRow("good file")
        << u"{\"version\": 1, \"notified\": [{\"fingerprint\": \"%1\", \"startsAt\": "
           "\"%2\", \"labels\": {\"alertname\": \"A\"}, \"summary\": \"s\"}]}"_s
               .arg(a.fingerprint, a.startsAt.toString(Qt::ISODateWithMs))
               .toUtf8()
        << true << 1 << false;
}

void TestNotificationPolicy::notifiedStateLoad()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, ok);
    QFETCH(int, entries);
    QFETCH(bool, setAside);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"notified.json"_s);
    // Unreadable: a folder where the file should be (permissions do not stop root, CI's user).
    if (contents == "!")
        QVERIFY(QDir().mkpath(path));
    else if (contents != "-")
        QVERIFY(writeFile(path, contents));
    NotifiedState state(path);
    state.insert(alert(u"Before"_s, u"critical"_s)); // load replaces what was there
    QString error;
    QCOMPARE(state.load(&error), ok);
    QCOMPARE(state.size(), entries);
    QCOMPARE(error.isEmpty(), ok);
    if (contents == "!")
        QVERIFY2(error.startsWith(u"cannot read "_s), qPrintable(error));
    const QStringList files = filesIn(dir.path());
    if (setAside) {
        QVERIFY2(error.contains(u"kept it as"_s), qPrintable(error));
        QCOMPARE(files.size(), 1);
        QVERIFY(files.first().startsWith(u"notified.json.invalid-"_s));
        QFile kept(dir.filePath(files.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), contents); // byte for byte
    } else {
        QCOMPARE(files, contents == "-" || contents == "!" ? QStringList()
                                                           : QStringList{u"notified.json"_s});
        QCOMPARE(QFileInfo::exists(path), contents != "-"); // left where it was
    }
}

void TestNotificationPolicy::acknowledgedStateLoad_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("entries");
    QTest::newRow("missing file") << QByteArray("-") << true << 0;
    QTest::newRow("unreadable file") << QByteArray("!") << false << 0;
    QTest::newRow("garbage") << QByteArray("\x00\xffnot json {") << false << 0;
    QTest::newRow("wrong version")
        << QByteArray("{\"version\": 2, \"acknowledged\": []}") << false << 0;
    QTest::newRow("good file") << QByteArray(
        "{\"version\": 1, \"acknowledged\": [{\"silenceId\": \"s-1\", "
        "\"alertName\": \"A\", \"fingerprint\": \"f\", \"createdAt\": "
        "\"2026-11-21T06:00:00.000Z\", \"endsAt\": \"2026-11-22T06:00:00.000Z\", "
        "\"matchers\": [{\"name\": \"alertname\", \"value\": \"A\", "
        "\"isRegex\": false, \"isEqual\": true}]}, {\"silenceId\": \"\"}]}")
                               << true << 1; // the entry without a silence is dropped
}

void TestNotificationPolicy::acknowledgedStateLoad()
{
    QFETCH(QByteArray, contents);
    QFETCH(bool, ok);
    QFETCH(int, entries);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"acknowledged.json"_s);
    // Unreadable: a folder where the file should be (permissions do not stop root, CI's user).
    if (contents == "!")
        QVERIFY(QDir().mkpath(path));
    else if (contents != "-")
        QVERIFY(writeFile(path, contents));
    AcknowledgedState state(path);
    state.entries << Acknowledgement{u"before"_s, {}, {}, {}, {}, {}};
    QString error;
    QCOMPARE(state.load(&error), ok);
    QCOMPARE(state.entries.size(), entries);
    QCOMPARE(error.isEmpty(), ok);
    if (entries == 1) {
        const Acknowledgement &a = state.entries.first();
        QCOMPARE(a.silenceId, u"s-1"_s);
        QCOMPARE(a.matchers, (QList<SilenceMatcher>{{u"alertname"_s, u"A"_s, false, true}}));
        QCOMPARE(a.endsAt, QDateTime(QDate(2026, 11, 22), QTime(6, 0), Qt::UTC));
    }
    if (contents == "!")
        QVERIFY2(error.startsWith(u"cannot read "_s), qPrintable(error));
    if (!ok && contents != "!")
        QVERIFY2(error.contains(u"not a state file of acknowledgements"_s), qPrintable(error));
    // Left in place, never set aside: its silences end on their own within a day.
    QCOMPARE(filesIn(dir.path()), contents == "-" || contents == "!"
                                      ? QStringList()
                                      : QStringList{u"acknowledged.json"_s});
    QCOMPARE(QFileInfo::exists(path), contents != "-");
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
