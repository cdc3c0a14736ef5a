// SPDX-License-Identifier: GPL-3.0-or-later
// The alert history (AlertHistory): firing periods from AlertsService snapshots, never cut or
// doubled by a non-authoritative answer, a stale list, an Alertmanager restart or Stackscope
// started again; pruned by age and bounded; written atomically and read back. Its item model
// under QAbstractItemModelTester. Then against the real stack (AlertStack): the Flippable alert
// resolved and fired again makes a closed and an open period.
#include "app/alerts/alerthistory.h"
#include "app/alerts/alertsservice.h"
#include "models/alerts/alerthistorymodel.h"
#include "tests/alerts/alertstestenv.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);

Alert firing(const QString &name, const QDateTime &startsAt, const QString &instance = u"a"_s)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, u"warning"_s}, {u"instance"_s, instance}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = startsAt;
    a.state = Alert::State::Firing;
    return a;
}

AlertsSnapshot snapshot(const QList<Alert> &alerts, bool authoritative = true)
{
    AlertsSnapshot s;
    s.alerts = alerts;
    s.anyAnswered = true;
    s.complete = authoritative;
    s.authoritative = authoritative;
    return s;
}

/// A history whose file is read (absent) before it returns.
std::unique_ptr<AlertHistory> loadedHistory(const QString &path)
{
    auto history = std::make_unique<AlertHistory>();
    QSignalSpy loaded(history.get(), &AlertHistory::loaded);
    history->setPath(path);
    if (!history->isLoaded())
        loaded.wait(5000);
    return history;
}

} // namespace

class TestAlertHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensAtStartsAtAndClosesOnAuthoritativeAbsence();
    void nonAuthoritativeAbsenceClosesNothing();
    void staleAlertKeepsButNeverOpens();
    void sameStartAgainReopensInsteadOfDoubling();
    void newFiringIsANewPeriodAndCounts();
    void silencedIsRemembered();
    void prunesByAgeAndBound();
    void savesAtomicallyAndLoadsOpenPeriods();
    void snapshotsBeforeLoadAreKept();
    void brokenFileIsReportedNotTrusted();
    void modelPassesTesterAndShowsFiring();
    void recordOf2000AlertsIsCheap();
    void realStackFlippableMakesTwoPeriods();
    void realAlertmanagerRestartCutsNothing();

private:
    QTemporaryDir m_dir;
};

void TestAlertHistory::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestAlertHistory::opensAtStartsAtAndClosesOnAuthoritativeAbsence()
{
    auto h = loadedHistory(m_dir.filePath(u"open-close.json"_s));
    const Alert a = firing(u"DiskFull"_s, t0.addSecs(-30));
    QVERIFY(h->record(snapshot({a}), t0));
    QCOMPARE(h->periods().size(), 1);
    QCOMPARE(h->periods().at(0).from, t0.addSecs(-30)); // when it started, not when seen
    QVERIFY(h->periods().at(0).isOpen());
    QVERIFY(!h->record(snapshot({a}), t0.addSecs(15))); // still firing: nothing new
    QCOMPARE(h->periods().at(0).seen, t0.addSecs(15));
    QVERIFY(h->record(snapshot({}), t0.addSecs(30)));
    QCOMPARE(h->periods().size(), 1);
    // Seen by the poll before: it ended between the two, as the page showed it.
    QCOMPARE(h->periods().at(0).to, t0.addSecs(30));
    // A pending alert is not firing: it opens nothing.
    Alert pending = firing(u"Slow"_s, t0);
    pending.state = Alert::State::Pending;
    QVERIFY(!h->record(snapshot({pending}), t0.addSecs(45)));
    QCOMPARE(h->periods().size(), 1);
}

void TestAlertHistory::nonAuthoritativeAbsenceClosesNothing()
{
    // Alertmanager restarted: its memory is empty until Prometheus resends, and the snapshot says
    // it is not authoritative. A poll nobody answered says nothing either.
    auto h = loadedHistory(m_dir.filePath(u"restart.json"_s));
    const Alert a = firing(u"DiskFull"_s, t0.addSecs(-30));
    h->record(snapshot({a}), t0);
    QVERIFY(!h->record(snapshot({}, false), t0.addSecs(15)));
    AlertsSnapshot nobody;
    QVERIFY(!h->record(nobody, t0.addSecs(30)));
    QVERIFY(h->periods().at(0).isOpen());
    // Prometheus resent it: the same period goes on.
    QVERIFY(!h->record(snapshot({a}), t0.addSecs(45)));
    QCOMPARE(h->periods().size(), 1);
    QVERIFY(h->periods().at(0).isOpen());
    QCOMPARE(h->periods().at(0).from, t0.addSecs(-30));
}

void TestAlertHistory::staleAlertKeepsButNeverOpens()
{
    auto h = loadedHistory(m_dir.filePath(u"stale.json"_s));
    const Alert a = firing(u"DiskFull"_s, t0.addSecs(-30));
    h->record(snapshot({a}), t0);
    Alert stale = a;
    stale.stale = true;
    // A down member's last list, in an authoritative snapshot: kept open, not seen.
    QVERIFY(!h->record(snapshot({stale}), t0.addSecs(15)));
    QVERIFY(h->periods().at(0).isOpen());
    QCOMPARE(h->periods().at(0).seen, t0);
    Alert other = firing(u"CpuHot"_s, t0.addSecs(-5));
    other.stale = true;
    QVERIFY(!h->record(snapshot({stale, other}), t0.addSecs(30)));
    QCOMPARE(h->periods().size(), 1);
    // Gone for good: it ends where it was last seen, not at this poll.
    QVERIFY(h->record(snapshot({}), t0.addSecs(45)));
    QCOMPARE(h->periods().at(0).to, t0);
}

void TestAlertHistory::sameStartAgainReopensInsteadOfDoubling()
{
    auto h = loadedHistory(m_dir.filePath(u"reopen.json"_s));
    const Alert a = firing(u"DiskFull"_s, t0.addSecs(-30));
    h->record(snapshot({a}), t0);
    h->record(snapshot({}), t0.addSecs(15)); // an answer that looked authoritative, wrongly
    QVERIFY(!h->periods().at(0).isOpen());
    QVERIFY(h->record(snapshot({a}), t0.addSecs(30))); // its source still counts from t0-30
    QCOMPARE(h->periods().size(), 1);
    QVERIFY(h->periods().at(0).isOpen());
    QCOMPARE(h->model()->rowCount(), 1);
}

void TestAlertHistory::newFiringIsANewPeriodAndCounts()
{
    auto h = loadedHistory(m_dir.filePath(u"twice.json"_s));
    h->record(snapshot({firing(u"DiskFull"_s, t0)}), t0);
    h->record(snapshot({}), t0.addSecs(60));
    h->record(snapshot({firing(u"DiskFull"_s, t0.addSecs(120)),
                        firing(u"DiskFull"_s, t0.addSecs(120), u"b"_s)}),
              t0.addSecs(125));
    QCOMPARE(h->periods().size(), 3);
    const QString fp = firing(u"DiskFull"_s, t0).fingerprint;
    QCOMPARE(h->model()->countOf(fp), 2);
    QCOMPARE(h->model()->countOf(firing(u"DiskFull"_s, t0, u"b"_s).fingerprint), 1);
}

void TestAlertHistory::silencedIsRemembered()
{
    auto h = loadedHistory(m_dir.filePath(u"silenced.json"_s));
    Alert a = firing(u"DiskFull"_s, t0);
    h->record(snapshot({a}), t0);
    QVERIFY(!h->periods().at(0).silenced);
    a.silenced = true;
    QVERIFY(h->record(snapshot({a}), t0.addSecs(15)));
    a.silenced = false; // the silence expired: it was still silenced during the period
    h->record(snapshot({a}), t0.addSecs(30));
    QVERIFY(h->periods().at(0).silenced);
}

void TestAlertHistory::prunesByAgeAndBound()
{
    auto h = loadedHistory(m_dir.filePath(u"prune.json"_s));
    h->setKeepDays(2);
    const Alert old = firing(u"Old"_s, t0);
    h->record(snapshot({old}), t0);
    h->record(snapshot({}), t0.addSecs(60));
    const Alert open = firing(u"StillFiring"_s, t0);
    h->record(snapshot({open}), t0.addSecs(120));
    QCOMPARE(h->periods().size(), 2);
    // Two days after Old ended it goes; the open one stays however old it is.
    h->record(snapshot({open}), t0.addDays(2).addSecs(30));
    QCOMPARE(h->periods().size(), 2);
    h->record(snapshot({open}), t0.addDays(2).addSecs(61));
    QCOMPARE(h->periods().size(), 1);
    QCOMPARE(h->periods().at(0).name, u"StillFiring"_s);

    // Bounded: maxPeriods at most, the earliest ended go first.
    const QDateTime base = t0.addDays(3);
    QList<Alert> many;
    for (int i = 0; i < AlertHistory::maxPeriods + 5; ++i)
        many << firing(u"Flap"_s, base, QString::number(i));
    h->record(snapshot(many + QList<Alert>{open}), base);
    QCOMPARE(h->periods().size(), AlertHistory::maxPeriods + 6); // open ones are never dropped
    h->record(snapshot({open}), base.addSecs(10));
    QCOMPARE(h->periods().size(), AlertHistory::maxPeriods);
}

void TestAlertHistory::savesAtomicallyAndLoadsOpenPeriods()
{
    const QString path = m_dir.filePath(u"state/stackscope/alert-history.json"_s);
    const Alert a = firing(u"DiskFull"_s, t0.addSecs(-30));
    const Alert b = firing(u"CpuHot"_s, t0.addSecs(-10));
    {
        auto h = loadedHistory(path);
        QSignalSpy saved(h.get(), &AlertHistory::saved);
        h->record(snapshot({a, b}), t0);
        h->record(snapshot({a}), t0.addSecs(15)); // b ends
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 5000);
        QVERIFY(saved.last().at(0).toString().isEmpty());
    }
    // Only the file itself: QSaveFile wrote a temporary file and renamed it.
    QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
             QStringList{u"alert-history.json"_s});
    // Stackscope started again a minute later, a is still firing: the same period goes on.
    auto h = loadedHistory(path);
    QCOMPARE(h->periods().size(), 2);
    QCOMPARE(h->model()->rowCount(), 2);
    QVERIFY(!h->record(snapshot({a}), t0.addSecs(75)));
    QCOMPARE(h->periods().size(), 2);
    int open = 0;
    for (const AlertPeriod &p : h->periods())
        open += p.isOpen();
    QCOMPARE(open, 1);
    QCOMPARE(h->periods().at(0).labels, a.labels);
    QCOMPARE(h->periods().at(0).from, a.startsAt);
}

void TestAlertHistory::snapshotsBeforeLoadAreKept()
{
    const QString path = m_dir.filePath(u"early.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    AlertPeriod closed;
    closed.fingerprint = u"0123456789abcdef"_s;
    closed.labels = {{u"alertname"_s, u"Earlier"_s}};
    closed.from = t0.addSecs(-3600);
    closed.to = t0.addSecs(-3000);
    closed.seen = closed.to;
    file.write(AlertHistory::toJson({closed}));
    file.close();
    AlertHistory h;
    QSignalSpy loaded(&h, &AlertHistory::loaded);
    h.setPath(path);
    // The first poll can come before the file is read: it is applied after it, not lost.
    QVERIFY(!h.record(snapshot({firing(u"DiskFull"_s, t0)}), t0));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(h.periods().size(), 2);
    QCOMPARE(h.periods().at(0).name, u"Earlier"_s);
    QCOMPARE(h.periods().at(1).name, u"DiskFull"_s);
    QCOMPARE(h.model()->rowCount(), 2);
}

void TestAlertHistory::brokenFileIsReportedNotTrusted()
{
    QList<AlertPeriod> periods;
    QString error;
    QVERIFY(!AlertHistory::fromJson("{\"version\": 2, \"periods\": []}", &periods, &error));
    QVERIFY(error.contains("version 1"_L1));
    QVERIFY(!AlertHistory::fromJson("not json", &periods, &error));
    // A damaged entry is skipped, the rest kept.
    QVERIFY(AlertHistory::fromJson(
        "{\"version\":1,\"periods\":[{\"labels\":{}},{\"fingerprint\":\"ab\",\"from\":"
        "\"2026-12-01T10:00:00Z\",\"labels\":{\"alertname\":\"X\"}}]}",
        &periods, &error));
    QCOMPARE(periods.size(), 1);
    QVERIFY(periods.at(0).isOpen());
    QCOMPARE(periods.at(0).name, u"X"_s);
}

void TestAlertHistory::modelPassesTesterAndShowsFiring()
{
    AlertHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    AlertPeriod a;
    a.fingerprint = u"aa"_s;
    a.name = u"DiskFull"_s;
    a.labels = {{u"alertname"_s, u"DiskFull"_s}, {u"instance"_s, u"db1"_s}};
    a.from = t0;
    a.to = t0.addSecs(3720);
    a.seen = a.to;
    AlertPeriod b = a;
    b.from = t0.addSecs(7200);
    b.to = QDateTime();
    b.seen = t0.addSecs(7290);
    b.silenced = true;
    model.setPeriods({a});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AlertHistoryModel::CountColumn).data().toInt(), 1);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeriods({a, b});
    QCOMPARE(model.rowCount(), 2);
    // The other row's "how often" follows.
    QCOMPARE(model.index(0, AlertHistoryModel::CountColumn).data().toInt(), 2);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.index(0, AlertHistoryModel::DurationColumn).data().toString(), u"1 h 2 min"_s);
    QCOMPARE(model.index(1, AlertHistoryModel::ToColumn).data().toString(), u"firing"_s);
    QCOMPARE(model.index(1, AlertHistoryModel::DurationColumn).data().toString(),
             u"1 min so far"_s);
    QCOMPARE(model.index(1, AlertHistoryModel::AlertColumn).data().toString(),
             u"DiskFull (silenced)"_s);
    QCOMPARE(model.index(1, AlertHistoryModel::LabelsColumn).data().toString(),
             u"alertname=DiskFull, instance=db1"_s);
    QVERIFY(model.index(1, 0).data(AlertHistoryModel::OpenRole).toBool());
    // Open periods sort after every closed one by "to".
    QVERIFY(
        model.index(1, AlertHistoryModel::ToColumn).data(AlertHistoryModel::SortRole).toLongLong()
        > model.index(0, AlertHistoryModel::ToColumn)
              .data(AlertHistoryModel::SortRole)
              .toLongLong());
    model.setPeriods({b});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, AlertHistoryModel::CountColumn).data().toInt(), 1);
}

void TestAlertHistory::realStackFlippableMakesTwoPeriods()
{
    AlertStack stack;
    if (!stack.start())
        QSKIP(qPrintable(u"the real servers did not start: "_s + stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(stack.am1.get(), u"Flippable"_s), 20000);
    QNetworkAccessManager network;
    AlertsService service(&network);
    service.applyConfig(stack.config(std::chrono::milliseconds(500)));
    auto history = loadedHistory(m_dir.filePath(u"real.json"_s));
    connect(&service, &AlertsService::updated, history.get(), [&history](const AlertsSnapshot &s) {
        history->record(s, QDateTime::currentDateTimeUtc());
    });
    service.start();
    const auto periodsOf = [&history](const QString &name) {
        QList<AlertPeriod> found;
        for (const AlertPeriod &p : history->periods()) {
            if (p.name == name)
                found << p;
        }
        return found;
    };
    QTRY_COMPARE_WITH_TIMEOUT(periodsOf(u"Flippable"_s).size(), 1, 20000);
    QVERIFY(periodsOf(u"Flippable"_s).at(0).isOpen());
    QCOMPARE(periodsOf(u"AlwaysFiring"_s).size(), 1);
    QVERIFY(periodsOf(u"StaysPending"_s).isEmpty()); // pending is not firing

    const QDateTime beforeResolve = QDateTime::currentDateTimeUtc();
    stack.flip(false);
    QTRY_VERIFY_WITH_TIMEOUT(!periodsOf(u"Flippable"_s).at(0).isOpen(), 30000);
    const AlertPeriod closed = periodsOf(u"Flippable"_s).at(0);
    QVERIFY(closed.to >= beforeResolve.addSecs(-1));
    QVERIFY(closed.to <= QDateTime::currentDateTimeUtc());
    QVERIFY(closed.from < closed.to);

    stack.flip(true);
    QTRY_COMPARE_WITH_TIMEOUT(periodsOf(u"Flippable"_s).size(), 2, 30000);
    const AlertPeriod again = periodsOf(u"Flippable"_s).at(1);
    QVERIFY(again.isOpen());
    QVERIFY(again.from >= closed.to.addSecs(-2)); // a new firing, after the first ended
    QCOMPARE(history->model()->countOf(again.fingerprint), 2);
    // AlwaysFiring went on through all of it: one period, still open.
    QCOMPARE(periodsOf(u"AlwaysFiring"_s).size(), 1);
    QVERIFY(periodsOf(u"AlwaysFiring"_s).at(0).isOpen());
    service.stop();
}

// The GUI thread's share of one poll with 2,000 firing alerts, 40 of them replaced (the load
// benchmark's refresh): the record keeping and the model's merge, not the file (a worker's).
void TestAlertHistory::recordOf2000AlertsIsCheap()
{
    auto h = loadedHistory(QString()); // no file: only what runs on the GUI thread
    QList<Alert> alerts;
    for (int i = 0; i < 2000; ++i)
        alerts << firing(u"Load%1"_s.arg(i % 100), t0, u"host-%1"_s.arg(i));
    h->record(snapshot(alerts), t0);
    // The least of five polls each: what the work costs, without the preemptions of a busy
    // machine.
    qint64 changedUs = std::numeric_limits<qint64>::max();
    for (int cycle = 1; cycle <= 5; ++cycle) {
        for (int i = 0; i < 40; ++i)
            alerts[(cycle * 40 + i) % 2000]
                = firing(u"Replaced"_s, t0.addSecs(cycle * 15), u"c%1-%2"_s.arg(cycle).arg(i));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(h->record(snapshot(alerts), t0.addSecs(cycle * 15)));
        changedUs = std::min(changedUs, timer.nsecsElapsed() / 1000);
    }
    QCOMPARE(h->periods().size(), 2000 + 5 * 40);
    // A poll where nothing opened or closed (the usual one) does not merge the model.
    qint64 steadyUs = std::numeric_limits<qint64>::max();
    for (int i = 1; i <= 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!h->record(snapshot(alerts), t0.addSecs(5 * 15 + i)));
        steadyUs = std::min(steadyUs, timer.nsecsElapsed() / 1000);
    }
    qInfo("alert_history_record_2000_ms: %.2f ms (40 replaced), %.2f ms (none changed)",
          double(changedUs) / 1000.0, double(steadyUs) / 1000.0);
    QVERIFY2(changedUs < 16000, "one poll's history keeping took a frame or more");
    QVERIFY2(steadyUs < changedUs, "a poll without changes cost as much as one with");
}

// A real Alertmanager killed by its PID and started again while Prometheus fires two alerts: its
// memory is empty until Prometheus resends (15 s here), and the periods go on, one each.
void TestAlertHistory::realAlertmanagerRestartCutsNothing()
{
    AlertStack stack;
    stack.resendDelaySeconds = 15;
    if (!stack.start(false))
        QSKIP(qPrintable(u"the real servers did not start: "_s + stack.error));
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(stack.am1.get(), u"AlwaysFiring"_s)
                                 && AlertStack::lists(stack.am1.get(), u"Flippable"_s),
                             40000);
    QNetworkAccessManager network;
    AlertsService service(&network);
    service.applyConfig(stack.config(std::chrono::milliseconds(500)));
    auto history = loadedHistory(m_dir.filePath(u"am-restart.json"_s));
    int emptyAnswers = 0;
    connect(&service, &AlertsService::updated, history.get(), [&](const AlertsSnapshot &s) {
        history->record(s, QDateTime::currentDateTimeUtc());
        if (s.anyAnswered && !AlertStack::lists(stack.am1.get(), u"AlwaysFiring"_s))
            ++emptyAnswers;
    });
    service.start();
    QTRY_COMPARE_WITH_TIMEOUT(history->periods().size(), 2, 20000);
    const QList<AlertPeriod> before = history->periods();

    stack.am1->kill();
    QVERIFY2(stack.am1->restart(), qPrintable(stack.am1->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(emptyAnswers > 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(AlertStack::lists(stack.am1.get(), u"AlwaysFiring"_s)
                                 && AlertStack::lists(stack.am1.get(), u"Flippable"_s),
                             45000);
    QTest::qWait(2000); // a few polls of the restarted Alertmanager's full list
    service.stop();
    QCOMPARE(history->periods().size(), 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(history->periods().at(i).isOpen());
        QCOMPARE(history->periods().at(i).from, before.at(i).from);
    }
}

QTEST_GUILESS_MAIN(TestAlertHistory)
#include "tst_alerthistory.moc"
