// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/http/poller.h"
#include "tests/support/faultserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Stackscope::Poller;

class TestPoller : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void neverOverlaps()
    {
        QObject scope; // the delayed reports die with this test, not with the test object
        Poller poller;
        poller.setInterval(5ms);
        int running = 0;
        int maxRunning = 0;
        int runs = 0;
        poller.setTask([&](Poller::Report report) {
            ++running;
            ++runs;
            maxRunning = std::max(maxRunning, running);
            // Each run takes 30 ms, six times the interval.
            QTimer::singleShot(30, &scope, [&running, report] {
                --running;
                report({});
            });
        });
        poller.start();
        poller.pollNow(); // while a run is under way: must queue, not overlap
        QTRY_VERIFY_WITH_TIMEOUT(runs >= 5, 3000);
        poller.stop();
        QCOMPARE(maxRunning, 1);
    }

    void pollNowDuringRunRunsAgainRightAfter()
    {
        Poller poller;
        poller.setInterval(10s);
        int runs = 0;
        Poller::Report pending;
        poller.setTask([&](Poller::Report report) {
            ++runs;
            pending = report;
        });
        poller.start();
        QCOMPARE(runs, 1);
        poller.pollNow();
        QCOMPARE(runs, 1);
        pending({});
        QTRY_COMPARE_WITH_TIMEOUT(runs, 2, 500); // not after the 10 s interval
    }

    void backsOffWhileFailingAndResetsOnSuccess()
    {
        Poller poller;
        poller.setInterval(40ms);
        poller.setMaxBackoff(200ms);
        bool fail = true;
        QList<qint64> gaps;
        QElapsedTimer clock;
        clock.start();
        qint64 last = -1;
        poller.setTask([&](Poller::Report report) {
            const qint64 now = clock.elapsed();
            if (last >= 0)
                gaps.append(now - last);
            last = now;
            report({!fail, false});
        });
        poller.start();
        QTRY_VERIFY_WITH_TIMEOUT(poller.consecutiveFailures() >= 6, 5000);
        // 20, 40, 80, 160, 200 (capped), 200 ...
        QCOMPARE(poller.currentDelay(), 200ms);
        QVERIFY2(gaps.size() >= 5, qPrintable(QString::number(gaps.size())));
        for (int i = 1; i < 4; ++i)
            QVERIFY2(gaps.at(i) >= gaps.at(i - 1), "the delay grows while failing");
        fail = false;
        QTRY_COMPARE_WITH_TIMEOUT(poller.consecutiveFailures(), 0, 2000);
        QCOMPARE(poller.currentDelay(), 40ms);
        poller.stop();
    }

    void lateReportAfterStopIsIgnored()
    {
        Poller poller;
        poller.setInterval(10ms);
        Poller::Report pending;
        QSignalSpy finished(&poller, &Poller::cycleFinished);
        poller.setTask([&](Poller::Report report) { pending = report; });
        poller.start();
        poller.stop();
        pending({});
        QCOMPARE(finished.count(), 0);
        QVERIFY(!poller.isRunning());
    }

    void retriesPromptlyWhenThePortAcceptsAgain()
    {
        Stackscope::Test::FaultServer server;
        QVERIFY(server.listen());
        const quint16 port = server.port();
        server.close();

        Poller poller;
        poller.setInterval(20s); // back-off alone would wait 10 s and more
        poller.setProbeInterval(100ms);
        poller.setWatchAddress(u"127.0.0.1"_s, port);
        bool serverUp = false;
        int runs = 0;
        poller.setTask([&](Poller::Report report) {
            ++runs;
            report({serverUp, !serverUp});
        });
        poller.start();
        QCOMPARE(runs, 1);
        QTest::qWait(300);
        QCOMPARE(runs, 1); // a closed port does not trigger runs

        QElapsedTimer clock;
        clock.start();
        QVERIFY(server.listen(port));
        serverUp = true;
        QTRY_COMPARE_WITH_TIMEOUT(runs, 2, 2000);
        qInfo("noticed the port's return after %lld ms", clock.elapsed());
        QCOMPARE(poller.consecutiveFailures(), 0);
        QCOMPARE(poller.currentDelay(), 20s);
        poller.stop();
    }

    void retriesPromptlyWhenTheWatchCheckPasses()
    {
        // A source that is no TCP port (the Docker daemon's unix socket): a check function.
        Poller poller;
        poller.setInterval(20s);
        poller.setProbeInterval(50ms);
        bool serverUp = false;
        int checks = 0;
        poller.setWatchCheck([&] {
            ++checks;
            return serverUp;
        });
        int runs = 0;
        poller.setTask([&](Poller::Report report) {
            ++runs;
            report({serverUp, !serverUp});
        });
        poller.start();
        QCOMPARE(runs, 1);
        QTRY_VERIFY_WITH_TIMEOUT(checks >= 3, 2000);
        QCOMPARE(runs, 1); // a failing check does not trigger runs

        serverUp = true;
        QTRY_COMPARE_WITH_TIMEOUT(runs, 2, 1000);
        QCOMPARE(poller.consecutiveFailures(), 0);
        QCOMPARE(poller.currentDelay(), 20s);
        const int checksWhileUp = checks;
        QTest::qWait(200);
        QCOMPARE(checks, checksWhileUp); // no more checks once the server is back
        poller.stop();
    }

    void noWatchCheckWhenTheServerAnswersWithAnError()
    {
        Poller poller;
        poller.setInterval(20s);
        poller.setProbeInterval(20ms);
        int checks = 0;
        poller.setWatchCheck([&] {
            ++checks;
            return true;
        });
        int runs = 0;
        poller.setTask([&](Poller::Report report) {
            ++runs;
            report({false, false}); // failed, but the server is there: back off only
        });
        poller.start();
        QTest::qWait(200);
        QCOMPARE(runs, 1);
        QCOMPARE(checks, 0);
        poller.stop();
    }

    void reportAliveRestartsTheBackoffOfALongRun()
    {
        // A run that holds a stream: it failed twice, then got through, then the stream ended.
        Poller poller;
        poller.setInterval(1000ms);
        poller.setMaxBackoff(5000ms);
        int runs = 0;
        Poller::Report pending;
        poller.setTask([&](Poller::Report report) {
            ++runs;
            pending = report;
        });
        poller.start();
        pending({false, false});
        QCOMPARE(poller.currentDelay(), 500ms);
        poller.pollNow();
        QCOMPARE(runs, 2);
        pending({false, false});
        QCOMPARE(poller.consecutiveFailures(), 2);
        QCOMPARE(poller.currentDelay(), 1000ms);
        poller.pollNow();
        QCOMPARE(runs, 3);
        poller.reportAlive(); // the stream's headers arrived
        QCOMPARE(poller.consecutiveFailures(), 0);
        pending({false, false}); // ... and later it ended
        QCOMPARE(poller.consecutiveFailures(), 1);
        QCOMPARE(poller.currentDelay(), 500ms); // the shortest delay, not 2 s
        poller.stop();
        poller.reportAlive(); // outside a run: nothing
        QCOMPARE(poller.consecutiveFailures(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPoller)
#include "tst_poller.moc"
