// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop notifier against notification servers that differ from the usual one, over a real
// D-Bus session (dbus-run-session by CTest) with the test-side server in a child process:
// - one that shows three action buttons (GNOME Shell, by its GetServerInformation name): every
//   action Stackscope offers there arrives, and each one does what it says when invoked;
// - a slow one, whose Notify answers after 2 s: the GUI thread never waits for it, and no
//   notification is lost, doubled or reordered.
#include "app/alerts/desktopnotifier.h"
#include "app/alerts/notificationpolicy.h"
#include "tests/alerts/fakenotificationserver.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingReply>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

const QString service = u"org.freedesktop.Notifications"_s;

Alert alert(const QString &name, const QString &severity)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, severity}};
    a.annotations = {{u"summary"_s, name + u" needs a look"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    return a;
}

/// Records the longest time the event loop did not turn, ticking every 5 ms.
class StallWatch : public QObject
{
public:
    StallWatch()
    {
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this,
                [this] { m_worst = std::max(m_worst, m_since.restart()); });
        m_since.start();
        m_timer.start();
    }
    qint64 worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_since;
    qint64 m_worst = 0;
};

} // namespace

class TestNotifyServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void threeButtonServerGetsEveryActionItShows();
    void slowServerNeitherBlocksNorLosesNorReorders();

private:
    bool startServer(const QStringList &options)
    {
        m_server.setProgram(QCoreApplication::applicationFilePath());
        m_server.setArguments(QStringList{u"--serve-notifications"_s} + options);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForStarted(5000))
            return false;
        QElapsedTimer waited;
        waited.start();
        while (!QDBusConnection::sessionBus().interface()->isServiceRegistered(service)) {
            if (waited.elapsed() > 5000)
                return false;
            QTest::qWait(20);
        }
        return true;
    }
    QJsonArray calls()
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
            service, u"/org/freedesktop/Notifications"_s, service, u"RecordedCalls"_s);
        QDBusPendingReply<QString> reply = QDBusConnection::sessionBus().asyncCall(m);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(reply.isFinished(), 5000);
        }();
        return QJsonDocument::fromJson(reply.value().toUtf8()).array();
    }
    void invoke(uint id, const QString &key)
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
            service, u"/org/freedesktop/Notifications"_s, service, u"InvokeAction"_s);
        m << id << key;
        QDBusConnection::sessionBus().asyncCall(m);
    }

    QProcess m_server;
};

void TestNotifyServers::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        || !QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus: run through CTest (dbus-run-session)");
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(service))
        QSKIP("a notification server already runs on this bus: use a private dbus-run-session");
}

void TestNotifyServers::cleanup()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate(); // our own child, by pid
        if (!m_server.waitForFinished(3000))
            m_server.kill();
        m_server.waitForFinished(3000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        !QDBusConnection::sessionBus().interface()->isServiceRegistered(service), 5000);
}

void TestNotifyServers::threeButtonServerGetsEveryActionItShows()
{
    QVERIFY(startServer({u"--server-name"_s, u"gnome-shell"_s}));
    DesktopNotifier notifier;
    QVERIFY(notifier.serverAvailable());
    const Alert a = alert(u"DiskFull"_s, u"critical"_s);
    notifier.notify(NotificationPolicy::firingNotification(a));
    QTRY_COMPARE_WITH_TIMEOUT(notifier.openNotifications().size(), 1, 5000);
    QCOMPARE(notifier.serverName(), u"gnome-shell"_s);
    const QJsonArray all = calls();
    QCOMPARE(all.size(), 1);
    const QJsonObject call = all.first().toObject();
    const uint id = uint(call.value("id"_L1).toInteger());
    // Three buttons (Open, Open traces, Silence 1 h) and the click on the notification itself
    // ("default"): all four arrive, in pairs of key and label. "Acknowledge", a fourth button,
    // would be dropped by this server, so it is not offered.
    const QStringList actions = call.value("actions"_L1).toVariant().toStringList();
    QCOMPARE(actions, (QStringList{u"default"_s, u"Open"_s, u"open"_s, u"Open"_s, u"traces"_s,
                                   u"Open traces"_s, u"silence-1h"_s, u"Silence 1 h"_s}));
    qInfo("a three-button server gets %d actions: %s", int(actions.size() / 2),
          qPrintable(actions.join(u',')));

    // Each one, invoked, asks for what it says, about this alert.
    QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
    QSignalSpy traces(&notifier, &DesktopNotifier::tracesRequested);
    QSignalSpy silence(&notifier, &DesktopNotifier::silenceRequested);
    QSignalSpy acknowledge(&notifier, &DesktopNotifier::acknowledgeRequested);
    invoke(id, u"default"_s);
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
    invoke(id, u"open"_s);
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 2, 5000);
    QCOMPARE(open.at(0).first().toString(), a.fingerprint);
    QCOMPARE(open.at(1).first().toString(), a.fingerprint);
    invoke(id, u"traces"_s);
    QTRY_COMPARE_WITH_TIMEOUT(traces.size(), 1, 5000);
    QCOMPARE(traces.first().first().value<Alert>().fingerprint, a.fingerprint);
    invoke(id, u"silence-1h"_s);
    QTRY_COMPARE_WITH_TIMEOUT(silence.size(), 1, 5000);
    QCOMPARE(silence.first().first().value<Alert>().labels, a.labels);
    QTest::qWait(200);
    QCOMPARE(open.size(), 2); // each action once, nothing else
    QCOMPARE(traces.size(), 1);
    QCOMPARE(silence.size(), 1);
    QCOMPARE(acknowledge.size(), 0);

    // The usual server (any other name) shows every action: there "Acknowledge" is offered.
    QCOMPARE(DesktopNotifier::maxActionButtons(u"gnome-shell"_s), 3);
    QCOMPARE(DesktopNotifier::maxActionButtons(u"dunst"_s), -1);
}

void TestNotifyServers::slowServerNeitherBlocksNorLosesNorReorders()
{
    constexpr int delayMs = 2000;
    QVERIFY(startServer({u"--notify-delay-ms"_s, QString::number(delayMs)}));
    DesktopNotifier notifier;
    QSignalSpy notified(&notifier, &DesktopNotifier::notified);
    StallWatch watch;
    // Five notifications in a row, as one poll with five new alerts sends them.
    QStringList sent;
    QElapsedTimer handOver;
    handOver.start();
    for (int i = 0; i < 5; ++i) {
        const Alert a = alert(u"Alert%1"_s.arg(i), i % 2 ? u"warning"_s : u"critical"_s);
        const AlertNotification n = NotificationPolicy::firingNotification(a);
        sent << n.summary;
        notifier.notify(n);
    }
    const qint64 handOverMs = handOver.elapsed();
    QVERIFY2(handOverMs < 100, qPrintable(u"notify() took %1 ms"_s.arg(handOverMs)));

    // The server has them all at once, in order, each once, before any answer came back.
    QElapsedTimer arrived;
    arrived.start();
    QTRY_COMPARE_WITH_TIMEOUT(calls().size(), 5, 5000);
    const qint64 arrivedMs = arrived.elapsed();
    QStringList received;
    for (const QJsonValue v : calls())
        received << v.toObject().value("summary"_L1).toString();
    QCOMPARE(received, sent);
    if (arrivedMs < delayMs / 2) // (a machine too loaded to ask within 1 s cannot tell)
        QCOMPARE(notifier.openNotifications().size(), 0); // no answer yet: the server is slow
    // The answers come after the delay; then the actions of each notification work.
    QTRY_COMPARE_WITH_TIMEOUT(notifier.openNotifications().size(), 5, 3 * delayMs + 2000);
    const qint64 answeredMs = handOver.elapsed();
    QVERIFY2(answeredMs >= delayMs - 100, qPrintable(QString::number(answeredMs)));
    QCOMPARE(notified.size(), 5);
    QTest::qWait(300);
    QCOMPARE(calls().size(), 5); // not sent again while waiting
    QCOMPARE(notifier.openNotifications().size(), 5);
    QSignalSpy open(&notifier, &DesktopNotifier::openRequested);
    const QJsonArray all = calls();
    invoke(uint(all.at(3).toObject().value("id"_L1).toInteger()), u"open"_s);
    QTRY_COMPARE_WITH_TIMEOUT(open.size(), 1, 5000);
    QCOMPARE(open.first().first().toString(), alert(u"Alert3"_s, u"warning"_s).fingerprint);
    // The GUI thread turned all along: no wait for the server's 2 s.
    QVERIFY2(watch.worstMs() < 500, qPrintable(u"stalled %1 ms"_s.arg(watch.worstMs())));
    qInfo("slow server (%d ms): notify() x5 took %lld ms; all 5 at the server after %lld ms, in "
          "order; answered after %lld ms; longest GUI stall %lld ms",
          delayMs, handOverMs, arrivedMs, answeredMs, watch.worstMs());
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--serve-notifications") == 0)
            return runFakeNotificationServer(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestNotifyServers test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifyservers.moc"
