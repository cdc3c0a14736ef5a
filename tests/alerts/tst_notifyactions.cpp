// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications and their actions over a real D-Bus session (run inside
// dbus-run-session by CTest) against a test-side notification service in a child process:
// "Silence 1 h" must create the silence, for exactly the alert's labels, in both Alertmanagers of
// an HA pair; "Open" asks for that alert; "Acknowledge" silences it until it resolves; the body
// reaches the server escaped.
#include "app/alerts/acknowledgements.h"
#include "app/alerts/alertnotifications.h"
#include "app/alerts/alertsjson.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "tests/alerts/alertstestenv.h"
#include "tests/alerts/fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QDBusPendingReply>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

class TestNotifyActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firingAlertIsNotifiedWithActionsAndEscapedBody();
    void silenceOneHourSilencesInBothAlertmanagers();
    void openAsksForThatAlert();
    void acknowledgeSilencesUntilResolved();

private:
    QJsonArray calls()
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
            u"org.freedesktop.Notifications"_s, u"/org/freedesktop/Notifications"_s,
            u"org.freedesktop.Notifications"_s, u"RecordedCalls"_s);
        QDBusPendingReply<QString> reply = QDBusConnection::sessionBus().asyncCall(m);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(reply.isFinished(), 5000);
        }();
        return QJsonDocument::fromJson(reply.value().toUtf8()).array();
    }
    QJsonObject callFor(const QString &summary)
    {
        const QJsonArray all = calls();
        for (const QJsonValue v : all) {
            if (v.toObject().value("summary"_L1).toString() == summary)
                return v.toObject();
        }
        return {};
    }
    void invoke(uint id, const QString &key)
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
            u"org.freedesktop.Notifications"_s, u"/org/freedesktop/Notifications"_s,
            u"org.freedesktop.Notifications"_s, u"InvokeAction"_s);
        m << id << key;
        QDBusConnection::sessionBus().asyncCall(m);
    }
    QList<Silence> silences(AlertmanagerProcess *am)
    {
        const auto result = am->fetch("GET", u"/api/v2/silences"_s);
        QList<Silence> out;
        AlertsJson::parseAlertmanagerSilences(QJsonDocument::fromJson(result.body), &out);
        return out;
    }

    QProcess m_server;
    AlertStack m_stack;
    QNetworkAccessManager m_network;
    QTemporaryDir m_stateDir;
    std::unique_ptr<AlertsService> m_service;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<AlertNotifications> m_notifications;
    std::unique_ptr<Acknowledgements> m_acknowledgements;
    Alert m_alert;
    uint m_id = 0;
};

void TestNotifyActions::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        || !QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus: run through CTest (dbus-run-session)");
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(
            u"org.freedesktop.Notifications"_s))
        QSKIP("a notification server already runs on this bus: use a private dbus-run-session");
    m_server.setProgram(QCoreApplication::applicationFilePath());
    m_server.setArguments({u"--serve-notifications"_s});
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start();
    QVERIFY(m_server.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::sessionBus().interface()->isServiceRegistered(
                                 u"org.freedesktop.Notifications"_s),
                             5000);
    if (!m_stack.start())
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s), 20000);

    m_service = std::make_unique<AlertsService>(&m_network);
    m_notifier = std::make_unique<DesktopNotifier>();
    m_notifier->setSound(true); // notifications.sound
    m_notifications = std::make_unique<AlertNotifications>(m_service.get(), m_notifier.get());
    m_notifications->setStatePath(m_stateDir.filePath(u"notified.json"_s));
    m_acknowledgements = std::make_unique<Acknowledgements>(m_service.get(), m_notifier.get());
    m_acknowledgements->setStatePath(m_stateDir.filePath(u"acknowledged.json"_s));
    NotificationConfig n;
    n.minSeverity = u"critical"_s; // only AlwaysFiring
    m_notifications->setConfig(n);
    m_service->applyConfig(m_stack.config());
    m_service->start();
}

void TestNotifyActions::cleanupTestCase()
{
    m_acknowledgements.reset();
    m_notifications.reset();
    m_notifier.reset();
    m_service.reset();
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate(); // our own child, by pid
        if (!m_server.waitForFinished(3000))
            m_server.kill();
    }
}

void TestNotifyActions::firingAlertIsNotifiedWithActionsAndEscapedBody()
{
    const QString summary = u"AlwaysFiring (critical)"_s;
    QTRY_VERIFY_WITH_TIMEOUT(!callFor(summary).isEmpty(), 15000);
    const QJsonObject call = callFor(summary);
    m_id = uint(call.value("id"_L1).toInteger());
    QCOMPARE(call.value("app"_L1).toString(), u"Stackscope"_s);
    // The server reads markup: the rule author's tags arrive as text, not as markup.
    QCOMPARE(call.value("body"_L1).toString(), markupSummary().toHtmlEscaped());
    QVERIFY(!call.value("body"_L1).toString().contains("<b>"_L1));
    QVERIFY(!call.value("body"_L1).toString().contains("<img"_L1));
    QCOMPARE(call.value("urgency"_L1).toInt(), 2);
    QCOMPARE(call.value("urgencyType"_L1).toString(), u"uchar"_s); // the spec's byte
    // The installed desktop file's id, not a name of our own ("stackscope" had no such file).
    QCOMPARE(call.value("desktopEntry"_L1).toString(), u"io.github.stackscope.Stackscope"_s);
    QCOMPARE(call.value("soundName"_L1).toString(), u"dialog-error"_s); // the theme's, critical
    const QStringList actions = call.value("actions"_L1).toVariant().toStringList();
    QVERIFY2(actions.contains(u"silence-1h"_s) && actions.contains(u"Silence 1 h"_s),
             qPrintable(actions.join(u',')));
    QVERIFY(actions.contains(u"open"_s) && actions.contains(u"Open"_s));
    QVERIFY(actions.contains(u"traces"_s) && actions.contains(u"Open traces"_s));
    // The fake server (like dunst) shows every action: the fourth button, "Acknowledge", is there.
    QCOMPARE(m_notifier->serverName(), u"fake-notifications"_s);
    QVERIFY(actions.contains(u"acknowledge"_s) && actions.contains(u"Acknowledge"_s));
    QCOMPARE(actions.size(), 2 * 5); // default, open, traces, silence, acknowledge
    QCOMPARE(DesktopNotifier::maxActionButtons(u"gnome-shell"_s), 3); // it would drop the fourth
    // Exactly one, although the poll runs every second.
    QTest::qWait(2500);
    int count = 0;
    for (const QJsonValue v : calls())
        count += v.toObject().value("summary"_L1).toString() == summary;
    QCOMPARE(count, 1);
    for (const Alert &a : m_service->lastSnapshot().alerts) {
        if (a.name() == "AlwaysFiring"_L1)
            m_alert = a;
    }
    QVERIFY(!m_alert.fingerprint.isEmpty());
}

void TestNotifyActions::silenceOneHourSilencesInBothAlertmanagers()
{
    QVERIFY(m_id != 0);
    QSignalSpy finished(m_notifications.get(), &AlertNotifications::silenceFinished);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    invoke(m_id, u"silence-1h"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY2(finished.first().at(2).toStringList().isEmpty(),
             qPrintable(finished.first().at(2).toStringList().join(u'\n')));
    const QString id = finished.first().at(1).toStringList().value(0);
    QVERIFY(!id.isEmpty());

    for (AlertmanagerProcess *am : {m_stack.am1.get(), m_stack.am2.get()}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Silence &s : silences(am)) {
                    if (s.id == id)
                        return true;
                }
                return false;
            }(),
            10000);
        int active = 0;
        for (const Silence &s : silences(am)) {
            if (s.state != Silence::State::Active)
                continue;
            ++active;
            QCOMPARE(s.id, id);
            QCOMPARE(s.matchers, Silence::exactMatchers(m_alert.labels));
            QVERIFY(s.endsAt >= before.addSecs(3600 - 5));
            QVERIFY(s.endsAt <= QDateTime::currentDateTimeUtc().addSecs(3600 + 5));
        }
        QCOMPARE(active, 1); // created once, gossiped: not twice
    }
    // and the next poll shows the alert silenced
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const Alert &a : m_service->lastSnapshot().alerts) {
                if (a.fingerprint == m_alert.fingerprint)
                    return a.silenced;
            }
            return false;
        }(),
        10000);
}

void TestNotifyActions::openAsksForThatAlert()
{
    QVERIFY(m_id != 0);
    QSignalSpy open(m_notifier.get(), &DesktopNotifier::openRequested);
    invoke(m_id, u"open"_s);
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
    QCOMPARE(open.first().first().toString(), m_alert.fingerprint);
    invoke(9999, u"open"_s); // another application's notification: ignored
    QTest::qWait(300);
    QCOMPARE(open.size(), 1);

    // "Open traces": that alert, for the Traces page.
    QSignalSpy traces(m_notifier.get(), &DesktopNotifier::tracesRequested);
    invoke(m_id, u"traces"_s);
    QTRY_COMPARE_WITH_TIMEOUT(traces.size(), 1, 5000);
    QCOMPARE(traces.first().first().value<Alert>().fingerprint, m_alert.fingerprint);
}

void TestNotifyActions::acknowledgeSilencesUntilResolved()
{
    QVERIFY(m_id != 0);
    QSignalSpy acknowledged(m_acknowledgements.get(), &Acknowledgements::acknowledged);
    QSignalSpy saved(m_acknowledgements.get(), &Acknowledgements::stateSaved);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    invoke(m_id, u"acknowledge"_s);
    QTRY_COMPARE_WITH_TIMEOUT(acknowledged.size(), 1, 15000);
    QCOMPARE(acknowledged.first().at(0).value<Alert>().fingerprint, m_alert.fingerprint);
    QVERIFY2(acknowledged.first().at(2).toStringList().isEmpty(),
             qPrintable(acknowledged.first().at(2).toStringList().join(u'\n')));
    const QStringList ids = acknowledged.first().at(1).toStringList();
    QCOMPARE(ids.size(), 1);
    QCOMPARE(m_acknowledgements->silenceIds(), ids);
    // In both Alertmanagers: exactly the alert's labels, for a day, saying what it is.
    for (AlertmanagerProcess *am : {m_stack.am1.get(), m_stack.am2.get()}) {
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Silence &s : silences(am)) {
                    if (s.id == ids.first())
                        return true;
                }
                return false;
            }(),
            10000);
        for (const Silence &s : silences(am)) {
            if (s.id != ids.first())
                continue;
            QCOMPARE(s.state, Silence::State::Active);
            QCOMPARE(s.matchers, Silence::exactMatchers(m_alert.labels));
            QCOMPARE(s.comment, Acknowledgements::comment());
            QVERIFY(s.endsAt >= before.addSecs(24 * 3600 - 5));
        }
    }
    // remembered on disk for the next start
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty(), 5000);
    AcknowledgedState state(m_stateDir.filePath(u"acknowledged.json"_s));
    QVERIFY(state.load());
    QCOMPARE(state.entries.size(), 1);
    QCOMPARE(state.entries.first().silenceId, ids.first());
    QCOMPARE(state.entries.first().fingerprint, m_alert.fingerprint);
    // It still fires: the next polls keep the silence.
    QTest::qWait(2500);
    QCOMPARE(m_acknowledgements->silenceIds(), ids);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--serve-notifications") == 0)
            return runFakeNotificationServer(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestNotifyActions test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifyactions.moc"
