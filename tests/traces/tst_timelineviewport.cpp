// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's time window as a value: clamping, zoom about an anchor, pan, and x mapping.
#include "models/traces/timelineviewport.h"

#include <QTest>

#include <cmath>

using namespace Stackscope;

class TestTimelineViewport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsWhole()
    {
        const TimelineViewport view;
        QCOMPARE(view.from(), 0.0);
        QCOMPARE(view.to(), 1.0);
        QVERIFY(view.isWhole());
        QCOMPARE(view.toX(0.5, 10, 200), 110.0);
    }

    void setRangeClamps()
    {
        TimelineViewport view;
        QVERIFY(!view.setRange(0, 1)); // unchanged
        QVERIFY(view.setRange(-0.5, 0.25));
        QCOMPARE(view.from(), 0.0);
        QCOMPARE(view.to(), 0.25);
        QVERIFY(view.setRange(0.5, 2));
        QCOMPARE(view.to(), 1.0);
        // Too narrow: widened about its middle to the minimum.
        QVERIFY(view.setRange(0.4, 0.4));
        QVERIFY(std::abs(view.width() - TimelineViewport::minimumWidth) < 1e-12);
        QVERIFY(view.from() < 0.4 && view.to() > 0.4);
        QVERIFY(view.setRange(1, 1));
        QCOMPARE(view.to(), 1.0);
        QVERIFY(view.from() < 1.0);
        QVERIFY(view.reset());
        QVERIFY(view.isWhole());
    }

    void zoomKeepsTheAnchor()
    {
        TimelineViewport view;
        QVERIFY(view.zoomBy(2.0, 0.25)); // the point at a quarter stays at a quarter
        QCOMPARE(view.width(), 0.5);
        QCOMPARE(view.from() + 0.25 * view.width(), 0.25);
        QCOMPARE(view.toX(0.25, 0, 100), 25.0);
        QVERIFY(view.zoomBy(0.25)); // out past the whole trace: clamped to it
        QVERIFY(view.isWhole());
        QVERIFY(!view.zoomBy(0.5));
        // Deep zoom stops at the minimum width.
        for (int i = 0; i < 100; ++i)
            view.zoomBy(10.0);
        QVERIFY(view.width() >= TimelineViewport::minimumWidth * 0.999);
    }

    void panStaysInside()
    {
        TimelineViewport view;
        QVERIFY(!view.panBy(0.5)); // the whole trace cannot move
        view.setRange(0.2, 0.4);
        QVERIFY(view.panBy(0.5)); // half the width
        QVERIFY(qFuzzyCompare(view.from(), 0.3));
        QVERIFY(qFuzzyCompare(view.to(), 0.5));
        QVERIFY(view.panBy(100));
        QCOMPARE(view.to(), 1.0);
        QVERIFY(qFuzzyCompare(view.width(), 0.2));
        QVERIFY(view.panBy(-100));
        QCOMPARE(view.from(), 0.0);
    }

    void centreAndZoomToPart()
    {
        TimelineViewport view;
        view.setRange(0, 0.2);
        QVERIFY(view.centreOn(0.5));
        QVERIFY(qFuzzyCompare(view.from(), 0.4));
        QVERIFY(qFuzzyCompare(view.to(), 0.6));
        QVERIFY(view.centreOn(0.99)); // kept inside
        QCOMPARE(view.to(), 1.0);
        view.setRange(0.2, 0.6);
        QVERIFY(view.zoomToWindowPart(0.75, 0.25)); // either direction
        QVERIFY(qFuzzyCompare(view.from(), 0.3));
        QVERIFY(qFuzzyCompare(view.to(), 0.5));
    }
};

QTEST_GUILESS_MAIN(TestTimelineViewport)
#include "tst_timelineviewport.moc"
