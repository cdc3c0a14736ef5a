// SPDX-License-Identifier: GPL-3.0-or-later
// SampleHistory: the ring bounded by age and by count, one sample per slot, gap marks, the
// summary over a window, a clock set back, implicit sharing, and what 20 services cost.
#include "models/stack/samplehistory.h"

#include <QTest>

#include <cmath>

using namespace Stackscope;
using namespace std::chrono_literals;

namespace {

constexpr qint64 T0 = 1'780'000'000'000; // 2026-05-28, ms since the epoch
constexpr qint64 S = 1000;

QList<double> values(const SampleHistory &h)
{
    QList<double> v;
    for (int i = 0; i < h.size(); ++i)
        v << h.at(i).value;
    return v;
}

} // namespace

class TestSampleHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void empty();
    void boundedByAge();
    void boundedByCount();
    void oneSamplePerSlot();
    void gaps();
    void summaryOverWindow();
    void clockSetBack();
    void longRunKeepsPrecision();
    void copiesShare();
    void memoryOfTwentyServices();
};

void TestSampleHistory::empty()
{
    SampleHistory h;
    QVERIFY(h.isEmpty());
    QCOMPARE(h.maxAge(), 1h);
    QCOMPARE(h.maxCount(), 720);
    QVERIFY(std::isnan(h.min()));
    QVERIFY(std::isnan(h.last()));
    QCOMPARE(h.summary().count, 0);
    QCOMPARE(h.lowerBound(T0), 0);
    h.appendGap(T0); // nothing to break off
    QVERIFY(h.isEmpty());
    h.append(T0, std::nan(""));
    h.append(T0, INFINITY);
    QVERIFY(h.isEmpty());
    QVERIFY(h.memoryBytes() < 128); // no ring yet
}

void TestSampleHistory::boundedByAge()
{
    SampleHistory h;               // 1 h, 720: a 5 s slot
    for (int i = 0; i <= 360; ++i) // 0 s ... 1800 s, every 5 s
        h.append(T0 + i * 5 * S, i);
    QCOMPARE(h.size(), 361);
    h.append(T0 + 3600 * S, 1000); // an hour after the first: everything is still within it
    QCOMPARE(h.size(), 362);
    QCOMPARE(h.at(0).msecs, T0);
    h.append(T0 + 3610 * S, 1001); // the first two are now older than an hour
    QCOMPARE(h.at(0).msecs, T0 + 10 * S);
    QCOMPARE(h.size(), 361);
    QCOMPARE(h.last(), 1001.0);

    // trim() drops by age without a new sample; the whole past goes after an hour of silence.
    h.trim(T0 + 5401 * S);
    QCOMPARE(h.size(), 2);
    QCOMPARE(h.at(0).value, 1000.0);
    h.trim(T0 + 9000 * S);
    QVERIFY(h.isEmpty());
    QVERIFY(std::isnan(h.max()));
}

void TestSampleHistory::boundedByCount()
{
    SampleHistory h(1h, 10); // a 6 min slot
    for (int i = 0; i < 25; ++i)
        h.append(T0 + i * 360 * S, i);
    QCOMPARE(h.size(), 10); // the count bound, not the age, drops the oldest here
    QCOMPARE(values(h), (QList<double>{15, 16, 17, 18, 19, 20, 21, 22, 23, 24}));
    QCOMPARE(h.min(), 15.0);
    QCOMPARE(h.max(), 24.0);
    const qsizetype bytes = h.memoryBytes();
    for (int i = 25; i < 1000; ++i)
        h.append(T0 + i * 360 * S, i);
    QCOMPARE(h.size(), 10);
    QCOMPARE(h.memoryBytes(), bytes); // the ring never grows
    QCOMPARE(h.at(9).value, 999.0);
    QCOMPARE(h.at(0).msecs, T0 + 990 * 360 * S);
}

void TestSampleHistory::oneSamplePerSlot()
{
    // A 1 s poller still covers the whole hour in 720 samples: the latest of each 5 s slot.
    SampleHistory h;
    for (int i = 0; i < 3600; ++i)
        h.append(T0 + i * S, i % 7);
    QCOMPARE(h.size(), 720);
    QCOMPARE(h.at(0).msecs, T0 + 4 * S); // the last of the first slot
    QCOMPARE(h.at(1).msecs, T0 + 9 * S);
    QCOMPARE(h.at(719).msecs, T0 + 3599 * S);
    QCOMPARE(h.last(), double(3599 % 7));
    QCOMPARE(h.summary().spanMsecs(), 3595 * S);

    // At the 5 s refresh (with jitter) nothing is merged away.
    SampleHistory paced;
    for (int i = 0; i < 100; ++i)
        paced.append(T0 + i * 5 * S + (i % 3) * 100, i);
    QCOMPARE(paced.size(), 100);
}

void TestSampleHistory::gaps()
{
    SampleHistory h;
    h.append(T0, 10);
    h.append(T0 + 5 * S, 20);
    h.appendGap(T0 + 7 * S);
    h.appendGap(T0 + 8 * S); // one mark is enough
    QCOMPARE(h.size(), 3);
    QVERIFY(h.at(2).isGap());
    QCOMPARE(h.at(2).msecs, T0 + 7 * S);
    QVERIFY(!h.summary().hasGaps); // nothing after it yet
    QCOMPARE(h.last(), 20.0);

    h.append(T0 + 8 * S, 5); // the same slot as the mark's, yet a sample of its own
    h.append(T0 + 30 * S, 40);
    QCOMPARE(h.size(), 5);
    const SampleHistory::Summary s = h.summary();
    QVERIFY(s.hasGaps);
    QCOMPARE(s.count, 4);
    QCOMPARE(s.min, 5.0);
    QCOMPARE(s.max, 40.0);
    QCOMPARE(s.last, 40.0);
    QCOMPARE(s.firstMsecs, T0);
    QCOMPARE(s.lastMsecs, T0 + 30 * S);

    // A mark before the sample it follows is moved to that sample.
    h.appendGap(T0 + 10 * S);
    QCOMPARE(h.at(h.size() - 1).msecs, T0 + 30 * S);

    // When the samples before a mark age out, the mark goes with them.
    h.append(T0 + 3607 * S, 1);
    QCOMPARE(h.at(0).value, 5.0);
    h.append(T0 + 3640 * S, 1);
    QVERIFY(!h.at(0).isGap());
    QCOMPARE(h.size(), 2);
}

void TestSampleHistory::summaryOverWindow()
{
    SampleHistory h;
    for (int i = 0; i < 100; ++i)
        h.append(T0 + i * 10 * S, i < 50 ? 100 - i : i);
    QCOMPARE(h.lowerBound(T0 + 495 * S), 50);
    QCOMPARE(h.lowerBound(T0 + 500 * S), 50);
    QCOMPARE(h.lowerBound(T0 + 100000 * S), 100);
    const SampleHistory::Summary all = h.summary();
    QCOMPARE(all.min, 50.0);
    QCOMPARE(all.max, 100.0);
    const SampleHistory::Summary late = h.summary(T0 + 500 * S);
    QCOMPARE(late.count, 50);
    QCOMPARE(late.min, 50.0);
    QCOMPARE(late.max, 99.0);
    QCOMPARE(late.spanMsecs(), 490 * S);
}

void TestSampleHistory::clockSetBack()
{
    SampleHistory h;
    h.append(T0, 1);
    h.append(T0 + 10 * S, 2);
    h.append(T0 + 5 * S, 3); // the clock went back: the old samples no longer line up
    QCOMPARE(values(h), QList<double>{3});
}

void TestSampleHistory::longRunKeepsPrecision()
{
    // Weeks of samples: times stay exact to the millisecond (the base moves with them), and a
    // memory figure keeps float precision.
    SampleHistory h(1h, 720);
    const qint64 week = 7 * 24 * 3600 * S;
    qint64 t = T0;
    for (int i = 0; i < 3 * 7 * 24 * 12; ++i) { // three weeks, one sample every 5 min
        t = T0 + i * 300 * S + 7;
        h.append(t, 412.0 * 1024 * 1024 + i);
    }
    QVERIFY(t - T0 > 2 * week);
    QCOMPARE(h.size(), 13);
    QCOMPARE(h.at(h.size() - 1).msecs, t);
    QCOMPARE(h.at(0).msecs, t - 3600 * S);
    QVERIFY(std::abs(h.last() - (412.0 * 1024 * 1024 + 6047)) < 64);
}

void TestSampleHistory::copiesShare()
{
    SampleHistory h;
    h.append(T0, 1);
    const SampleHistory copy = h;
    const QVariant v = QVariant::fromValue(h);
    h.append(T0 + 10 * S, 2); // detaches: the copies keep what they had
    QCOMPARE(copy.size(), 1);
    QCOMPARE(v.value<SampleHistory>().size(), 1);
    QCOMPARE(h.size(), 2);
    QCOMPARE(sizeof(SampleHistory), sizeof(void *));
}

void TestSampleHistory::memoryOfTwentyServices()
{
    // The budget of the Stack page: 20 services, CPU and memory, a full hour at 5 s.
    QList<SampleHistory> histories(40);
    for (int i = 0; i < 800; ++i) {
        for (SampleHistory &h : histories)
            h.append(T0 + i * 5 * S, i);
    }
    qsizetype bytes = 0;
    for (const SampleHistory &h : std::as_const(histories)) {
        QCOMPARE(h.size(), 720);
        bytes += h.memoryBytes() + qsizetype(sizeof(SampleHistory));
    }
    qInfo("20 services x 2 series x 720 samples: %lld bytes", qlonglong(bytes));
    QVERIFY2(bytes <= 40 * (720 * 8 + 128), qPrintable(QString::number(bytes)));
}

QTEST_APPLESS_MAIN(TestSampleHistory)
#include "tst_samplehistory.moc"
