// SPDX-License-Identifier: GPL-3.0-or-later
// The dashboard grid (models/metrics/dashboardgrid.*): Grafana's layout of gridPos with rows that
// open and close, over real public dashboards (tests/data/metrics/public) and the shapes none of
// them has.
#include "app/prometheus/dashboardloader.h"
#include "models/metrics/dashboardgrid.h"
#include "models/metrics/panelrepeat.h"
#include "models/metrics/variableformat.h"
#include "tests/support/fixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QRect stored(const Panel &p)
{
    return QRect(p.grid.x, p.grid.y, p.grid.w, p.grid.h);
}

/// No two shown panels share a pixel.
QString firstOverlap(const DashboardGrid &grid, const QList<Panel> &panels, int width)
{
    const QList<QRect> rects = grid.rects(width);
    for (int i = 0; i < rects.size(); ++i) {
        for (int j = i + 1; j < rects.size(); ++j) {
            if (!rects.at(i).isNull() && !rects.at(j).isNull()
                && rects.at(i).intersects(rects.at(j)))
                return panels.at(i).title + u" / "_s + panels.at(j).title;
        }
    }
    return {};
}

Dashboard fromJson(const QByteArray &json)
{
    Dashboard d;
    QString error;
    if (!DashboardLoader::fromGrafanaJson(json, &d, &error))
        qWarning() << error;
    return d;
}

/// A dashboard written for this test: `rows` collapsed rows as Grafana stores them (each at the
/// next y, its three panels inside it at the absolute y they had when it was open).
QByteArray collapsedRows(int rows)
{
    QJsonArray panels;
    int y = 0;
    int openY = 0;
    for (int r = 0; r < rows; ++r) {
        QJsonArray inside;
        for (int p = 0; p < 3; ++p) {
            inside.append(QJsonObject{
                {u"type"_s, u"timeseries"_s},
                {u"title"_s, u"r%1p%2"_s.arg(r).arg(p)},
                {u"gridPos"_s, QJsonObject{{u"x"_s, (p % 2) * 12},
                                           {u"y"_s, openY + 1 + (p / 2) * 10},
                                           {u"w"_s, 12},
                                           {u"h"_s, 10}}},
                {u"targets"_s, QJsonArray{QJsonObject{{u"expr"_s, u"up"_s}, {u"refId"_s, u"A"_s}}}},
            });
        }
        panels.append(QJsonObject{
            {u"type"_s, u"row"_s},
            {u"title"_s, u"Row %1"_s.arg(r)},
            {u"collapsed"_s, true},
            {u"gridPos"_s, QJsonObject{{u"x"_s, 0}, {u"y"_s, y}, {u"w"_s, 24}, {u"h"_s, 1}}},
            {u"panels"_s, inside}});
        ++y;
        openY += 21;
    }
    return QJsonDocument(QJsonObject{{u"title"_s, u"collapsed"_s}, {u"panels"_s, panels}}).toJson();
}

} // namespace

class TestDashboardGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void realDashboards_data();
    void realDashboards();
    void fourteenCollapsedRowsAreReachable();
    void openingARowReflowsAndPushesDown();
    void overlappingPanelsArePushedDown();
    void rowNestedInCollapsedRowIsKept();
    void legacyRowsWithoutTitles();
    void pixels();
    void repeatedPanelSideBySide();
    void repeatedRowWithRepeatedPanel();
    void repeatLayouts_data();
    void repeatLayouts();
    void repeatIsCapped();
};

void TestDashboardGrid::realDashboards_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("before");        // panels above the first row
    QTest::addColumn<QList<int>>("perRow"); // panels under each row
    QTest::addColumn<bool>("savedByGrafana");
    QTest::addColumn<QString>("movedTitle"); // a panel gravity moves, and where to
    QTest::addColumn<QRect>("movedTo");
    // Capacity used is stored at y 6 under three-unit stats: it falls to 3; OSD Capacity
    // Utilization, stored over Cluster I/O's lower half, goes under it.
    QTest::newRow("ceph cluster, no rows") << u"ceph-cluster.json"_s << 12 << QList<int>{} << false
                                           << u"OSD Capacity Utilization"_s << QRect(0, 18, 6, 9);
    QTest::newRow("ceph mds, one row")
        << u"cephfs-overview.json"_s << 0 << QList<int>{2} << true << QString() << QRect();
    // Stored at y 40 under panels that end at 30.
    QTest::newRow("ceph host details, two rows")
        << u"host-details.json"_s << 0 << QList<int>{7, 5} << false << u"Top Slow Ops per Host"_s
        << QRect(0, 30, 4, 8);
    QTest::newRow("ceph osds, panels above a row")
        << u"osds-overview.json"_s << 9 << QList<int>{2} << false << QString() << QRect();
    QTest::newRow("ceph rgw, two rows")
        << u"radosgw-overview.json"_s << 0 << QList<int>{6, 4} << false << QString() << QRect();
    QTest::newRow("elasticsearch exporter, four rows")
        << u"elasticsearch-exporter.json"_s << 0 << QList<int>{4, 6, 5, 9} << true << QString()
        << QRect();
    QTest::newRow("redis exporter")
        << u"redis-exporter.json"_s << 13 << QList<int>{} << true << QString() << QRect();
    QTest::newRow("redis exporter 0.3x, schema 12")
        << u"redis-exporter-0.3x.json"_s << 12 << QList<int>{} << true << QString() << QRect();
}

void TestDashboardGrid::realDashboards()
{
    QFETCH(QString, file);
    QFETCH(int, before);
    QFETCH(QList<int>, perRow);
    QFETCH(bool, savedByGrafana);
    QFETCH(QString, movedTitle);
    QFETCH(QRect, movedTo);
    Dashboard d;
    QString error;
    QVERIFY2(
        DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/public/"_s + file, &d, &error),
        qPrintable(error));
    DashboardGrid grid(d.panels);
    const QList<int> rows = grid.rows();
    QCOMPARE(rows.size(), perRow.size());
    QList<int> counts;
    for (int row : rows)
        counts << int(grid.rowPanels(row).size());
    QCOMPARE(counts, perRow);
    QCOMPARE(int(grid.rowPanels(-1).size()), before);

    // As stored (every row open). A dashboard that Grafana saved holds the layout it drew: each
    // panel is where its gridPos says. One generated by jsonnet (ceph's) may leave gaps, which
    // Grafana's gravity closes: every panel keeps x, w and h, never moves down, and sits at the
    // top of its row or right under a panel it shares columns with.
    const QList<QRect> cells = grid.cells();
    for (int i = 0; i < d.panels.size(); ++i) {
        const QRect at = cells.at(i);
        const QRect was = stored(d.panels.at(i));
        const QString what = d.panels.at(i).title + u": "_s;
        if (d.panels.at(i).type == Panel::Type::Row) {
            // Grafana draws a row across the grid, one unit high, whatever it stores (ceph's
            // "RGW Overview - HAProxy Metrics" says 9 by 12).
            QCOMPARE(at, QRect(0, at.y(), 24, 1));
            if (savedByGrafana)
                QCOMPARE(at.y(), was.y());
            continue;
        }
        if (savedByGrafana) {
            QVERIFY2(at == was, qPrintable(what + u"not at its gridPos"_s));
            continue;
        }
        // (It may move down: ceph-cluster stores "OSD Capacity Utilization" over the lower
        // half of "Cluster I/O", and Grafana pushes it below.)
        QVERIFY2(at.x() == was.x() && at.width() == was.width() && at.height() == was.height(),
                 qPrintable(what + u"resized"_s));
        const int owner = grid.rowOf(i);
        bool resting = at.y() == (owner >= 0 ? cells.at(owner).y() + 1 : 0);
        for (int j = 0; j < d.panels.size() && !resting; ++j) {
            const QRect other = cells.at(j);
            resting = j != i && !other.isNull() && other.bottom() + 1 == at.y()
                      && other.left() <= at.right() && at.left() <= other.right();
        }
        QVERIFY2(resting, qPrintable(what + u"floats"_s));
    }
    if (!movedTitle.isEmpty()) {
        const auto found = std::find_if(d.panels.cbegin(), d.panels.cend(),
                                        [&](const Panel &p) { return p.title == movedTitle; });
        QVERIFY(found != d.panels.cend());
        QCOMPARE(cells.at(int(found - d.panels.cbegin())), movedTo);
    }
    QCOMPARE(firstOverlap(grid, d.panels, 1200), QString());

    // Every row closed: every header is reachable, one under the other, below the free panels.
    int freeBottom = 0;
    for (int i : grid.rowPanels(-1))
        freeBottom = std::max(freeBottom, cells.at(i).bottom() + 1);
    for (int row : rows)
        grid.setCollapsed(row, true);
    for (int k = 0; k < rows.size(); ++k) {
        QVERIFY(grid.isShown(rows.at(k)));
        QCOMPARE(grid.cells().at(rows.at(k)), QRect(0, freeBottom + k, 24, 1));
        for (int i : grid.rowPanels(rows.at(k)))
            QVERIFY(!grid.isShown(i) && grid.cells().at(i).isNull());
    }

    // One row open at a time: its panels right under its header as they were stored relative to
    // it; the next header right under them.
    for (int k = 0; k < rows.size(); ++k) {
        const int row = rows.at(k);
        QVERIFY(grid.setCollapsed(row, false));
        const QList<QRect> open = grid.cells();
        const int headerY = open.at(row).y();
        QCOMPARE(headerY, freeBottom + k);
        int bottom = headerY + 1;
        for (int i : grid.rowPanels(row)) {
            QVERIFY(grid.isShown(i));
            QCOMPARE(open.at(i).translated(0, cells.at(row).y() - headerY), cells.at(i));
            bottom = std::max(bottom, open.at(i).bottom() + 1);
        }
        if (k + 1 < rows.size())
            QCOMPARE(open.at(rows.at(k + 1)).y(), bottom);
        QCOMPARE(firstOverlap(grid, d.panels, 1200), QString());
        grid.setCollapsed(row, true);
    }
}

void TestDashboardGrid::fourteenCollapsedRowsAreReachable()
{
    const Dashboard d = fromJson(collapsedRows(14));
    QCOMPARE(d.panels.size(), 14 * 4);
    DashboardGrid grid(d.panels);
    QCOMPARE(grid.rows().size(), 14);
    int k = 0;
    for (int row : grid.rows()) {
        QVERIFY2(grid.isShown(row), qPrintable(d.panels.at(row).title));
        QCOMPARE(grid.cells().at(row), QRect(0, k++, 24, 1));
        QCOMPARE(grid.rowPanels(row).size(), 3);
    }
    QCOMPARE(grid.pixelHeight(), 14 * 38 - 8);
}

void TestDashboardGrid::openingARowReflowsAndPushesDown()
{
    const Dashboard d = fromJson(collapsedRows(14));
    DashboardGrid grid(d.panels);
    const QList<int> rows = grid.rows();
    // Row 5's panels were stored at y 106..126 (where they were when it was last open).
    QVERIFY(grid.setCollapsed(rows.at(5), false));
    const QList<QRect> cells = grid.cells();
    const QList<int> panels = grid.rowPanels(rows.at(5));
    QCOMPARE(cells.at(rows.at(5)).y(), 5);
    QCOMPARE(cells.at(panels.at(0)), QRect(0, 6, 12, 10));
    QCOMPARE(cells.at(panels.at(1)), QRect(12, 6, 12, 10));
    QCOMPARE(cells.at(panels.at(2)), QRect(0, 16, 12, 10));
    // The rows below moved down by the panels' 20 units, in order.
    for (int k = 6; k < 14; ++k)
        QCOMPARE(cells.at(rows.at(k)).y(), 26 + (k - 6));
    // Closing it again brings them back up.
    QVERIFY(grid.setCollapsed(rows.at(5), true));
    QCOMPARE(grid.cells().at(rows.at(13)).y(), 13);
    QVERIFY(!grid.setCollapsed(rows.at(5), true));
}

void TestDashboardGrid::overlappingPanelsArePushedDown()
{
    // Two panels stored on the same cells, a third overlapping the first's lower half, and one
    // far below a gap: Grafana pushes the overlapping ones down and lets the last fall up.
    const QByteArray json = R"({"title": "overlap", "panels": [
        {"type": "stat", "title": "a", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "b", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "c", "gridPos": {"x": 6, "y": 2, "w": 12, "h": 4}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "d", "gridPos": {"x": 18, "y": 40, "w": 6, "h": 3}, "targets": [{"expr": "up"}]},
        {"type": "stat", "title": "e", "gridPos": {"x": 20, "y": 0, "w": 8, "h": 3}, "targets": [{"expr": "up"}]}
    ]})";
    const Dashboard d = fromJson(json);
    QCOMPARE(d.panels.size(), 5);
    DashboardGrid grid(d.panels);
    QHash<QString, QRect> at;
    for (int i = 0; i < d.panels.size(); ++i)
        at.insert(d.panels.at(i).title, grid.cells().at(i));
    QCOMPARE(at.value(u"a"_s), QRect(0, 0, 12, 4));
    QCOMPARE(at.value(u"b"_s), QRect(0, 4, 12, 4));
    QCOMPARE(at.value(u"c"_s), QRect(6, 8, 12, 4));
    QCOMPARE(at.value(u"e"_s), QRect(16, 0, 8, 3)); // x + w past 24 columns: moved in
    QCOMPARE(at.value(u"d"_s), QRect(18, 3, 6, 3)); // falls up under "e"
    QCOMPARE(firstOverlap(grid, d.panels, 1000), QString());
}

void TestDashboardGrid::rowNestedInCollapsedRowIsKept()
{
    const QByteArray json = R"({"title": "nested", "panels": [
        {"type": "row", "title": "Outer", "collapsed": true, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1},
         "panels": [
            {"type": "stat", "title": "o1", "gridPos": {"x": 0, "y": 1, "w": 24, "h": 4}, "targets": [{"expr": "up"}]},
            {"type": "row", "title": "Inner", "collapsed": true, "gridPos": {"x": 0, "y": 5, "w": 24, "h": 1},
             "panels": [
                {"type": "stat", "title": "i1", "gridPos": {"x": 0, "y": 6, "w": 24, "h": 4}, "targets": [{"expr": "up"}]}
             ]}
         ]},
        {"type": "row", "title": "Last", "collapsed": false, "gridPos": {"x": 0, "y": 1, "w": 24, "h": 1}}
    ]})";
    const Dashboard d = fromJson(json);
    QStringList titles;
    for (const Panel &p : d.panels)
        titles << p.title;
    QCOMPARE(titles, (QStringList{u"Outer"_s, u"o1"_s, u"Inner"_s, u"i1"_s, u"Last"_s}));
    QVERIFY(d.panels.at(2).nested && d.panels.at(2).type == Panel::Type::Row);
    QVERIFY(!d.panels.at(0).nested && !d.panels.at(4).nested);
    DashboardGrid grid(d.panels);
    QVERIFY(!grid.isShown(2)); // inside the closed outer row
    QCOMPARE(grid.cells().at(4), QRect(0, 1, 24, 1));
    grid.setCollapsed(0, false);
    QVERIFY(grid.isShown(1) && grid.isShown(2) && !grid.isShown(3));
    QCOMPARE(grid.cells().at(1), QRect(0, 1, 24, 4));
    QCOMPARE(grid.cells().at(2), QRect(0, 5, 24, 1));
    QCOMPARE(grid.cells().at(4), QRect(0, 6, 24, 1));
    grid.setCollapsed(2, false);
    QCOMPARE(grid.cells().at(3), QRect(0, 6, 24, 4));
    QCOMPARE(grid.cells().at(4), QRect(0, 10, 24, 1));
    // Closing the outer row hides the inner one with its panel, open or not.
    grid.setCollapsed(0, true);
    QVERIFY(!grid.isShown(2) && !grid.isShown(3));
    QCOMPARE(grid.cells().at(4), QRect(0, 1, 24, 1));
}

void TestDashboardGrid::legacyRowsWithoutTitles()
{
    // schemaVersion < 16: rows that show no title (and none collapsed or repeated) become no
    // headers at all, as Grafana's migration does; heights in 38 px steps.
    const QByteArray untitled = R"({"title": "old", "schemaVersion": 14, "rows": [
        {"title": "New Row", "showTitle": false, "collapse": false, "height": 151,
         "panels": [{"type": "singlestat", "title": "a", "span": 2, "targets": [{"expr": "up"}]},
                    {"type": "singlestat", "title": "b", "span": 2, "targets": [{"expr": "up"}]}]},
        {"title": "New Row", "showTitle": false, "collapse": false, "height": "250px",
         "panels": [{"type": "graph", "title": "c", "span": 12, "targets": [{"expr": "up"}]}]}
    ]})";
    Dashboard d = fromJson(untitled);
    QCOMPARE(d.panels.size(), 3);
    for (const Panel &p : d.panels)
        QVERIFY2(p.type != Panel::Type::Row, qPrintable(p.title));
    QCOMPARE(stored(d.panels.at(0)), QRect(0, 0, 4, 4)); // 151 px: ceil(151 / 38) = 4
    QCOMPARE(stored(d.panels.at(1)), QRect(4, 0, 4, 4));
    QCOMPARE(stored(d.panels.at(2)), QRect(0, 4, 24, 7)); // 250 px: 7

    // One titled row: every row gets its header.
    QByteArray titled = untitled;
    titled.replace(R"("showTitle": false, "collapse": false, "height": "250px")",
                   R"("showTitle": true, "collapse": true, "height": "250px")");
    d = fromJson(titled);
    QCOMPARE(d.panels.size(), 5);
    QVERIFY(d.panels.at(0).type == Panel::Type::Row && d.panels.at(3).type == Panel::Type::Row);
    QVERIFY(d.panels.at(3).collapsed);
    DashboardGrid grid(d.panels);
    QVERIFY(!grid.isShown(4));
    QCOMPARE(grid.cells().at(3), QRect(0, 5, 24, 1));
}

void TestDashboardGrid::pixels()
{
    // Grafana's calcGridItemPosition for a 24-column grid 1192 px wide with 8 px margins: a
    // column is 42 px; a unit of height 30 px plus the margin.
    QCOMPARE(DashboardGrid::toPixels(QRect(0, 0, 24, 1), 1192), QRect(0, 0, 1192, 30));
    QCOMPARE(DashboardGrid::toPixels(QRect(12, 1, 12, 8), 1192), QRect(600, 38, 592, 296));
    QCOMPARE(DashboardGrid::toPixels(QRect(6, 9, 6, 4), 1192), QRect(300, 342, 292, 144));
}

namespace {

Dashboard publicRepeats(const QString &file)
{
    QFile f(Test::testDataDir() + u"/metrics/public/repeats/"_s + file);
    if (!f.open(QIODevice::ReadOnly))
        qWarning() << "cannot read" << f.fileName();
    return fromJson(f.readAll());
}

QStringList shownTitles(const QList<Panel> &panels, const QList<DashboardVariable> &variables)
{
    QStringList out;
    for (const Panel &p : panels)
        out << VariableFormat::displayText(p.title, PanelRepeat::scoped(variables, p.scope));
    return out;
}

} // namespace

void TestDashboardGrid::repeatedPanelSideBySide()
{
    // Grafana's own e2e dashboard (devenv/dev-dashboards/e2e-repeats): its test expects
    // "Panel Title 1", "2", "3" at one height, each right of the one before.
    const Dashboard d = publicRepeats(u"Repeating-a-panel-horizontally.json"_s);
    QCOMPARE(d.panels.size(), 1);
    QCOMPARE(d.panels.first().repeat, u"horizontal"_s);
    const QList<Panel> panels = PanelRepeat::expand(d.panels, d.variables);
    QCOMPARE(shownTitles(panels, d.variables),
             QStringList({u"Panel Title 1"_s, u"Panel Title 2"_s, u"Panel Title 3"_s}));
    const QList<QRect> rects = DashboardGrid(panels).rects(1192);
    QCOMPARE(rects.size(), 3);
    for (int i = 1; i < 3; ++i) {
        QCOMPARE(rects.at(i).top(), rects.at(0).top());
        QVERIFY(rects.at(i).left() > rects.at(i - 1).right());
    }
    // Three values: each a third of the width (Grafana: max(24 / 3, 24 / maxPerRow 4) = 8).
    QCOMPARE(stored(panels.at(2)), QRect(16, 0, 8, 8));
}

void TestDashboardGrid::repeatedRowWithRepeatedPanel()
{
    const Dashboard d = publicRepeats(u"Repeating-a-row-with-a-repeating-horizontal-panel.json"_s);
    // Each row copy holds the repeated panel's three copies.
    const QList<Panel> all = PanelRepeat::expand(d.panels, d.variables);
    QCOMPARE(all.size(), 12);
    // Expanded once: nothing repeats any more.
    QCOMPARE(PanelRepeat::expand(all, d.variables), all);
    QCOMPARE(shownTitles(all, d.variables),
             QStringList({u"Row title 1"_s, u"Panel Title 1"_s, u"Panel Title 2"_s,
                          u"Panel Title 3"_s, u"Row title 2"_s, u"Panel Title 1"_s,
                          u"Panel Title 2"_s, u"Panel Title 3"_s, u"Row title 3"_s,
                          u"Panel Title 1"_s, u"Panel Title 2"_s, u"Panel Title 3"_s}));
    QCOMPARE(all.at(5).scope,
             (QMap<QString, QString>{{u"row"_s, u"2"_s}, {u"horizontal"_s, u"1"_s}}));
    const DashboardGrid grid(all);
    QCOMPARE(grid.rows(), QList<int>({0, 4, 8}));
    QCOMPARE(grid.rowPanels(4), QList<int>({5, 6, 7}));
    const QList<QRect> rects = grid.rects(1192);
    QCOMPARE(firstOverlap(grid, all, 1192), QString());
    for (int row : {0, 4, 8}) {
        // The row's panels side by side right under its header, above the next header.
        for (int i = row + 1; i <= row + 3; ++i) {
            QCOMPARE(rects.at(i).top(), rects.at(row + 1).top());
            QVERIFY(rects.at(i).top() > rects.at(row).bottom());
            if (row < 8)
                QVERIFY(rects.at(i).bottom() < rects.at(row + 4).top());
        }
    }
}

void TestDashboardGrid::repeatLayouts_data()
{
    QTest::addColumn<QStringList>("selected");
    QTest::addColumn<bool>("vertical");
    QTest::addColumn<int>("maxPerRow");
    QTest::addColumn<QList<QRect>>("expected");
    // Grafana's DashboardModel.repeatPanel: w = max(24 / count, 24 / maxPerRow), from x = 0,
    // wrapping when the next copy would pass column 24; vertical copies one under another.
    QTest::newRow("all of 3, default 4 per row")
        << QStringList{u"$__all"_s} << false << 0
        << QList<QRect>{{0, 0, 8, 5}, {8, 0, 8, 5}, {16, 0, 8, 5}, {0, 5, 24, 3}};
    QTest::newRow("2 selected") << QStringList{u"a"_s, u"c"_s} << false << 0
                                << QList<QRect>{{0, 0, 12, 5}, {12, 0, 12, 5}, {0, 5, 24, 3}};
    QTest::newRow("maxPerRow 2 wraps")
        << QStringList{u"$__all"_s} << false << 2
        << QList<QRect>{{0, 0, 12, 5}, {12, 0, 12, 5}, {0, 5, 12, 5}, {0, 10, 24, 3}};
    QTest::newRow("vertical") << QStringList{u"$__all"_s} << true << 0
                              << QList<QRect>{
                                     {4, 0, 6, 5}, {4, 5, 6, 5}, {4, 10, 6, 5}, {0, 15, 24, 3}};
    QTest::newRow("one value") << QStringList{u"b"_s} << false << 0
                               << QList<QRect>{{0, 0, 24, 5}, {0, 5, 24, 3}};
}

void TestDashboardGrid::repeatLayouts()
{
    QFETCH(QStringList, selected);
    QFETCH(bool, vertical);
    QFETCH(int, maxPerRow);
    QFETCH(QList<QRect>, expected);
    // Written for this test: a repeated panel at (4, 2) 6 × 5 and a panel under it (the grid
    // floats both up to y 0 and 5, as Grafana's does).
    DashboardVariable v;
    v.name = u"host"_s;
    v.options = {u"a"_s, u"b"_s, u"c"_s};
    v.current = selected;
    v.multi = true;
    v.includeAll = true;
    Panel repeated;
    repeated.title = u"CPU $host"_s;
    repeated.grid = {4, 2, 6, 5};
    repeated.repeat = u"host"_s;
    repeated.repeatVertical = vertical;
    repeated.maxPerRow = maxPerRow;
    Panel below;
    below.title = u"below"_s;
    below.grid = {0, 7, 24, 3};
    const QList<Panel> panels = PanelRepeat::expand({repeated, below}, {v});
    QCOMPARE(panels.size(), expected.size());
    // Positions as DashboardGrid lays them (it pushes the panel below under the copies).
    QCOMPARE(DashboardGrid(panels).cells(), expected);
}

void TestDashboardGrid::repeatIsCapped()
{
    DashboardVariable v;
    v.name = u"pod"_s;
    for (int i = 0; i < 120; ++i)
        v.options << u"pod-%1"_s.arg(i);
    v.current = {u"$__all"_s};
    v.includeAll = true;
    Panel repeated;
    repeated.title = u"Memory $pod"_s;
    repeated.repeat = u"pod"_s;
    QStringList notes;
    const QList<Panel> panels = PanelRepeat::expand({repeated}, {v}, &notes);
    QCOMPARE(panels.size(), PanelRepeat::maxCopies);
    QCOMPARE(panels.last().scope.value(u"pod"_s), u"pod-49"_s);
    QCOMPARE(notes.size(), 1);
    QVERIFY2(notes.first().contains(u"50"_s) && notes.first().contains(u"120"_s)
                 && notes.first().contains(u"$pod"_s),
             qPrintable(notes.first()));
    // An unknown variable, or one without values yet, leaves the panel once.
    repeated.repeat = u"unknown"_s;
    QCOMPARE(PanelRepeat::expand({repeated}, {v}), QList<Panel>{repeated});
    v.options.clear();
    repeated.repeat = u"pod"_s;
    QCOMPARE(PanelRepeat::expand({repeated}, {v}), QList<Panel>{repeated});
}

QTEST_GUILESS_MAIN(TestDashboardGrid)
#include "tst_dashboardgrid.moc"
