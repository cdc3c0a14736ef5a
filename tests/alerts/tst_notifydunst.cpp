// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications through the real dunst daemon (run by CTest inside run_in_session.sh
// --dunst: a private D-Bus session, Xvfb and dunst with a minimal configuration), asserted through
// dunstctl: one notification per firing alert, none again after a restart, one on resolve when
// enabled and none when not, and the markup test's annotation escaped.
#include "app/alerts/alertnotifications.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "tests/alerts/alertstestenv.h"

#include <QFileInfo>
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

namespace {

QByteArray dunstctl(const QStringList &arguments)
{
    QProcess p;
    p.start(u"dunstctl"_s, arguments);
    if (!p.waitForFinished(5000))
        return {};
    return p.readAllStandardOutput();
}

/// Every notification dunst has shown so far: those on screen are moved to the history first.
QList<QJsonObject> shown()
{
    dunstctl({u"close-all"_s});
    QTest::qWait(200);
    const QJsonDocument doc = QJsonDocument::fromJson(dunstctl({u"history"_s}));
    QList<QJsonObject> out;
    for (const QJsonValue group : doc.object().value("data"_L1).toArray()) {
        for (const QJsonValue n : group.toArray())
            out << n.toObject();
    }
    return out;
}

QString field(const QJsonObject &n, const char *name)
{
    return n.value(QLatin1String(name)).toObject().value("data"_L1).toString();
}

int countSummary(const QList<QJsonObject> &all, const QString &summary)
{
    int count = 0;
    for (const QJsonObject &n : all)
        count += field(n, "summary") == summary;
    return count;
}

} // namespace

class TestNotifyDunst : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void firingAlertsAreNotifiedOnce();
    void markupArrivesEscaped();
    void restartDoesNotNotifyAgain();
    void alertmanagerRestartNotifiesNothing();
    void resolveIsNotifiedWhenEnabled();
    void resolveIsSilentWhenDisabled();

private:
    void startStackscope(bool notifyResolved);
    void stopStackscope();
    void waitPolls(int count);

    AlertStack m_stack;
    QNetworkAccessManager m_network;
    QTemporaryDir m_stateDir;
    std::unique_ptr<AlertsService> m_service;
    std::unique_ptr<DesktopNotifier> m_notifier;
    std::unique_ptr<AlertNotifications> m_notifications;
};

void TestNotifyDunst::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("STACKSCOPE_DUNST_LOG"))
        QSKIP("not inside run_in_session.sh --dunst: run through CTest");
    QVERIFY(!dunstctl({u"count"_s, u"history"_s}).isEmpty());
    // Prometheus resends firing alerts every 15 s (1 min by default): a restarted Alertmanager
    // answers [] for that long, as it does for users. Changes (new, resolved) are sent at once.
    m_stack.resendDelaySeconds = 15;
    if (!m_stack.start(false))
        QSKIP(qPrintable(u"the real servers did not start: "_s + m_stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
}

void TestNotifyDunst::cleanup()
{
    stopStackscope();
}

void TestNotifyDunst::startStackscope(bool notifyResolved)
{
    m_service = std::make_unique<AlertsService>(&m_network);
    m_notifier = std::make_unique<DesktopNotifier>();
    m_notifications = std::make_unique<AlertNotifications>(m_service.get(), m_notifier.get());
    m_notifications->setStatePath(m_stateDir.filePath(u"stackscope/notified.json"_s));
    NotificationConfig n;
    n.minSeverity = u"warning"_s;
    n.notifyResolved = notifyResolved;
    m_notifications->setConfig(n);
    m_service->applyConfig(m_stack.config(std::chrono::milliseconds(500)));
    m_service->start();
}

void TestNotifyDunst::stopStackscope()
{
    m_notifications.reset();
    m_notifier.reset();
    m_service.reset();
}

void TestNotifyDunst::waitPolls(int count)
{
    QSignalSpy updated(m_service.get(), &AlertsService::updated);
    QTRY_VERIFY_WITH_TIMEOUT(updated.size() >= count, 15000);
    QTest::qWait(300); // let dunst receive what the last poll sent
}

void TestNotifyDunst::firingAlertsAreNotifiedOnce()
{
    startStackscope(false);
    QVERIFY(m_notifier->serverAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(m_notifier->capabilities().contains(u"actions"_s), 15000);
    waitPolls(6); // three seconds of polls: each alert still notified once
    const QList<QJsonObject> all = shown();
    QCOMPARE(countSummary(all, u"AlwaysFiring (critical)"_s), 1);
    QCOMPARE(countSummary(all, u"Flippable (warning)"_s), 1);
    QCOMPARE(countSummary(all, u"StaysPending (warning)"_s), 0); // pending: not yet
    QCOMPARE(all.size(), 2);
    QVERIFY(QFileInfo::exists(m_stateDir.filePath(u"stackscope/notified.json"_s)));
}

void TestNotifyDunst::markupArrivesEscaped()
{
    const QList<QJsonObject> all = shown();
    QJsonObject firing;
    for (const QJsonObject &n : all) {
        if (field(n, "summary") == "AlwaysFiring (critical)"_L1)
            firing = n;
    }
    QVERIFY(!firing.isEmpty());
    const QString body = field(firing, "body");
    // dunst keeps the body as received: the tags are escaped text, never markup it would render.
    QCOMPARE(body, markupSummary().toHtmlEscaped());
    QVERIFY(!body.contains("<b>"_L1));
    QVERIFY(!body.contains("<img"_L1));
    QVERIFY(!body.contains("<a "_L1));
    QCOMPARE(field(firing, "appname"), u"Stackscope"_s);
    QCOMPARE(field(firing, "category"), u"alert"_s);
}

void TestNotifyDunst::restartDoesNotNotifyAgain()
{
    const int before = int(shown().size());
    startStackscope(false); // a new process would read the same state file
    waitPolls(4);
    QCOMPARE(int(shown().size()), before);
}

void TestNotifyDunst::alertmanagerRestartNotifiesNothing()
{
    // notify_resolved on: a false "Resolved" would reach dunst too.
    startStackscope(true);
    waitPolls(2);
    const int before = int(shown().size());
    const qint64 oldPid = m_stack.am1->pid();
    m_stack.am1->kill(); // by its PID, as a crash
    QVERIFY2(m_stack.am1->restart(), qPrintable(m_stack.am1->errorString()));
    QVERIFY(m_stack.am1->pid() != oldPid);
    // Poll through the restarted Alertmanager's empty memory until it lists both alerts again.
    QSignalSpy updated(m_service.get(), &AlertsService::updated);
    int emptyPolls = 0;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 45000
           && !(AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s)
                && AlertStack::lists(m_stack.am1.get(), u"Flippable"_s))) {
        const qsizetype seen = updated.size();
        QTRY_VERIFY_WITH_TIMEOUT(updated.size() > seen, 15000);
        emptyPolls += !AlertStack::lists(m_stack.am1.get(), u"AlwaysFiring"_s);
    }
    waitPolls(3);
    qInfo("%d polls saw the restarted Alertmanager's empty memory; back after %lld ms", emptyPolls,
          clock.elapsed());
    QVERIFY2(emptyPolls > 0, "no poll saw the restarted Alertmanager's empty memory");
    const QList<QJsonObject> all = shown();
    QStringList what;
    for (qsizetype i = before; i < all.size(); ++i)
        what << field(all.at(i), "summary");
    QVERIFY2(all.size() == before, qPrintable(u"dunst received: "_s + what.join(u"; "_s)));
}

void TestNotifyDunst::resolveIsNotifiedWhenEnabled()
{
    startStackscope(true);
    waitPolls(2);
    const int before = int(shown().size());
    QVERIFY(m_stack.flip(false));
    QTRY_VERIFY_WITH_TIMEOUT(!AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
    waitPolls(3);
    const QList<QJsonObject> all = shown();
    QCOMPARE(int(all.size()), before + 1);
    QCOMPARE(countSummary(all, u"Resolved: Flippable"_s), 1);
}

void TestNotifyDunst::resolveIsSilentWhenDisabled()
{
    // Fires again (a new startsAt): notified once more; resolves again: nothing this time.
    startStackscope(false);
    const int before = int(shown().size());
    QVERIFY(m_stack.flip(true));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
    waitPolls(3);
    QList<QJsonObject> all = shown();
    QCOMPARE(int(all.size()), before + 1);
    QCOMPARE(countSummary(all, u"Flippable (warning)"_s), 2);
    QVERIFY(m_stack.flip(false));
    QTRY_VERIFY_WITH_TIMEOUT(!AlertStack::lists(m_stack.am1.get(), u"Flippable"_s), 20000);
    waitPolls(3);
    all = shown();
    QCOMPARE(int(all.size()), before + 1);
    QCOMPARE(countSummary(all, u"Resolved: Flippable"_s), 1);
}

QTEST_GUILESS_MAIN(TestNotifyDunst)
#include "tst_notifydunst.moc"
