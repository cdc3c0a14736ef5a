// SPDX-License-Identifier: GPL-3.0-or-later
// Grafana's state timeline and status history: read from dashboard JSON, one lane per series
// over the panel's range; runs of equal values merged into one region (unless mergeValues is
// off), one cell per sample in the status history, a gap where a value is missing, colours from
// the thresholds (or one per distinct value), value texts only where they fit.
#include "app/prometheus/dashboardloader.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/statetimelineview.h"

#include <QDir>
#include <QTest>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

/// One series per list, one sample every 10 s from t = 0.
PanelData dataOf(const QList<QList<double>> &values, const QStringList &names)
{
    PanelData d;
    qsizetype longest = 0;
    for (const QList<double> &vs : values) {
        Series s;
        for (qsizetype i = 0; i < vs.size(); ++i) {
            s.times << 10000 * i;
            s.values << vs.at(i);
        }
        longest = std::max(longest, vs.size());
        d.series << s;
    }
    d.names = names;
    d.start = QDateTime::fromMSecsSinceEpoch(0);
    d.end = QDateTime::fromMSecsSinceEpoch(10000 * longest);
    d.stepSeconds = 10;
    return d;
}

Panel statePanel(Panel::Type type)
{
    Panel p;
    p.type = type;
    p.sourceType = type == Panel::Type::StateTimeline ? u"state-timeline"_s : u"status-history"_s;
    p.title = u"Targets"_s;
    p.thresholds = {{-std::numeric_limits<double>::infinity(), grafanaColor(u"red"_s)},
                    {1, grafanaColor(u"green"_s)}};
    return p;
}

} // namespace

class TestStateTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loads();
    void mergesRuns();
    void noMergeAndStatusHistory();
    void coloursWithoutThresholds();
    void screenshot();
};

void TestStateTimeline::loads()
{
    const QByteArray json = R"({"uid":"s","title":"S","panels":[
        {"type":"state-timeline","title":"Up","targets":[{"expr":"up","refId":"A"}],
         "options":{"mergeValues":false}},
        {"type":"status-history","title":"History","targets":[{"expr":"up","refId":"A"}]}]})";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.at(0).type, Panel::Type::StateTimeline);
    QCOMPARE(d.panels.at(0).mergeValues, false);
    QCOMPARE(d.panels.at(1).type, Panel::Type::StatusHistory);
    QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.join(u'\n')));
}

void TestStateTimeline::mergesRuns()
{
    StateTimelineView view(statePanel(Panel::Type::StateTimeline));
    view.setData(dataOf({{1, 1, 1, 0, 0, 1}, {1, std::nan(""), 1, 1, 1, 1}},
                        {u"api:8080"_s, u"worker:9000"_s}));
    const auto lanes = view.lanes(QSizeF(800, 200));
    QCOMPARE(lanes.size(), 2);
    // 1 1 1 | 0 0 | 1: three regions; the first covers half the range.
    QCOMPARE(lanes.at(0).regions.size(), 3);
    const auto &r = lanes.at(0).regions;
    QCOMPARE(r.at(0).color, grafanaColor(u"green"_s));
    QCOMPARE(r.at(1).color, grafanaColor(u"red"_s));
    QVERIFY(std::abs(r.at(0).rect.width() - 1.5 * r.at(1).rect.width()) < 1);
    QVERIFY(std::abs(r.at(0).rect.right() - r.at(1).rect.left()) < 0.5); // adjacent
    QVERIFY(r.at(0).textShown); // "1" fits in a region this wide
    // A gap splits a run: 1 | (gap) | 1 1 1 1.
    QCOMPARE(lanes.at(1).regions.size(), 2);
    QVERIFY(lanes.at(1).regions.at(1).rect.left() > lanes.at(1).regions.at(0).rect.right() + 10);
    // Lanes one under the other, names to their left.
    QVERIFY(lanes.at(1).nameRect.top() >= lanes.at(0).nameRect.bottom());
    QVERIFY(lanes.at(0).nameRect.right() <= r.at(0).rect.left());
    QCOMPARE(lanes.at(0).shownName, u"api:8080"_s);
}

void TestStateTimeline::noMergeAndStatusHistory()
{
    Panel p = statePanel(Panel::Type::StateTimeline);
    p.mergeValues = false;
    StateTimelineView unmerged(p);
    unmerged.setData(dataOf({{1, 1, 1, 0}}, {u"a"_s}));
    QCOMPARE(unmerged.lanes(QSizeF(600, 100)).at(0).regions.size(), 4);

    StateTimelineView history(statePanel(Panel::Type::StatusHistory));
    history.setData(dataOf({{1, 1, 1, 0, 0, 1, 1, 1, 1, 1}}, {u"a"_s}));
    const auto cells = history.lanes(QSizeF(600, 100)).at(0).regions;
    QCOMPARE(cells.size(), 10); // one per sample
    for (qsizetype i = 1; i < cells.size(); ++i)
        QVERIFY(cells.at(i).rect.left() > cells.at(i - 1).rect.right()); // a gap between cells
    // Too narrow for the values: none written.
    const auto narrow = history.lanes(QSizeF(150, 100)).at(0).regions;
    QVERIFY(
        std::none_of(narrow.cbegin(), narrow.cend(), [](const auto &c) { return c.textShown; }));
}

void TestStateTimeline::coloursWithoutThresholds()
{
    Panel p = statePanel(Panel::Type::StateTimeline);
    p.thresholds.clear();
    StateTimelineView view(p);
    view.setData(dataOf({{1, 2, 3, 2}}, {u"a"_s}));
    const auto r = view.lanes(QSizeF(600, 100)).at(0).regions;
    QCOMPARE(r.size(), 4);
    QVERIFY(r.at(0).color != r.at(1).color);
    QVERIFY(r.at(1).color != r.at(2).color);
    QCOMPARE(r.at(1).color, r.at(3).color); // the same value, the same colour
}

void TestStateTimeline::screenshot()
{
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save panel-state-timeline.png");
    QWidget window;
    auto *column = new QVBoxLayout(&window);
    const PanelData data = dataOf(
        {{1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
         {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, std::nan(""), std::nan(""), 1, 1, 1, 1, 1},
         {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1}},
        {u"up{job=\"api\"}"_s, u"up{job=\"worker\"}"_s, u"up{job=\"postgres\"}"_s});
    for (auto type : {Panel::Type::StateTimeline, Panel::Type::StatusHistory}) {
        Panel p = statePanel(type);
        p.title = type == Panel::Type::StateTimeline ? u"Targets up (state timeline)"_s
                                                     : u"Targets up (status history)"_s;
        auto *w = new PanelWidget(p, &window);
        w->setData(data);
        column->addWidget(w);
    }
    window.resize(1280, 420);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDir().mkpath(outDir);
    const QString path = outDir + u"/panel-state-timeline.png"_s;
    QVERIFY(window.grab().save(path));
    qInfo().noquote() << "saved" << path;
}

QTEST_MAIN(TestStateTimeline)
#include "tst_statetimeline.moc"
