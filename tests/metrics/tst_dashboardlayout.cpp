// SPDX-License-Identifier: GPL-3.0-or-later
// The Metrics page's grid and lazy querying end to end: rows on screen (every collapsed row
// reachable, a row opened by its button), and which panels a refresh asks a Prometheus for,
// counted by a loopback FaultServer that answers like one, for a generated 600-panel dashboard
// with collapsed rows. With STACKSCOPE_SCREENSHOT_DIR set, a real public dashboard with two rows
// open is saved as dashboard-rows.png there.
#include "app/features/metricsfeature.h"
#include "app/http/httpclient.h"
#include "app/prometheus/dashboardloader.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"

#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

/// Written for this test: `rows` rows of `perRow` panels (three to a line, 6 units high), the
/// first `open` of them open, the others collapsed with their panels inside them as Grafana
/// stores them.
Dashboard generated(int rows, int perRow, int open)
{
    QJsonArray panels;
    int y = 0;
    int id = 0;
    for (int r = 0; r < rows; ++r) {
        const bool collapsed = r >= open;
        QJsonArray inside;
        for (int p = 0; p < perRow; ++p) {
            const QJsonObject panel{
                {u"type"_s, u"timeseries"_s},
                {u"title"_s, u"panel %1"_s.arg(++id)},
                {u"gridPos"_s, QJsonObject{{u"x"_s, (p % 3) * 8},
                                           {u"y"_s, y + 1 + (p / 3) * 6},
                                           {u"w"_s, 8},
                                           {u"h"_s, 6}}},
                {u"targets"_s, QJsonArray{QJsonObject{{u"expr"_s, u"up{panel=\"%1\"}"_s.arg(id)},
                                                      {u"refId"_s, u"A"_s}}}},
            };
            inside.append(panel);
        }
        QJsonObject row{
            {u"type"_s, u"row"_s},
            {u"title"_s, u"Row %1"_s.arg(r)},
            {u"collapsed"_s, collapsed},
            {u"gridPos"_s, QJsonObject{{u"x"_s, 0}, {u"y"_s, y}, {u"w"_s, 24}, {u"h"_s, 1}}},
            {u"panels"_s, collapsed ? inside : QJsonArray()}};
        panels.append(row);
        if (!collapsed) {
            for (const QJsonValue &p : std::as_const(inside))
                panels.append(p);
        }
        y += 1 + ((perRow + 2) / 3) * 6;
    }
    const QByteArray json = QJsonDocument(QJsonObject{{u"uid"_s, u"generated"_s},
                                                      {u"title"_s, u"Generated"_s},
                                                      {u"panels"_s, panels}})
                                .toJson();
    Dashboard d;
    QString error;
    if (!DashboardLoader::fromGrafanaJson(json, &d, &error))
        qWarning() << error;
    return d;
}

QToolButton *rowButton(PanelWidget *row)
{
    return row->findChild<QToolButton *>();
}

} // namespace

class TestDashboardLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void everyCollapsedRowOnScreen();
    void openedRowPushesTheRestDown();
    void lazyQuerying();
    void titlesShowVariables();
    void repeatsFollowTheVariable();
    void variablesRefreshedOnTimeRangeChange();
    void notesBelongToTheirDashboard();
    void dashboardListSorted();
    void manyVariablesDoNotWidenTheWindow();
    void foreignDatasourceNamed();
    void screenshot();
    void cleanup();

private:
    int rangeQueries() const;
    /// Waits until no query has arrived for a while.
    void settle();
    QList<PanelWidget *> rows() const;

    Test::FaultServer m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<PrometheusClient> m_client;
    std::unique_ptr<MetricsController> m_controller;
    std::unique_ptr<MetricsPage> m_page;
};

void TestDashboardLayout::initTestCase()
{
    // Answers like a Prometheus with no data: every range and instant query an empty result,
    // the scrape interval from a captured /api/v1/status/config.
    QFile config(Test::testDataDir() + u"/metrics/status-config.json"_s);
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray configBody = config.readAll();
    m_server.setHandler([configBody](const Test::FaultRequest &request)
                            -> std::optional<Test::FaultResponse> {
        if (request.path == "/api/v1/status/config"_L1)
            return Test::FaultServer::json(configBody);
        if (request.path == "/api/v1/query_range"_L1)
            return Test::FaultServer::json(
                R"({"status":"success","data":{"resultType":"matrix","result":[]}})");
        // Series of the metric the variable test asks about (only that one: the other
        // dashboards' variables stay without values).
        if (request.path == "/api/v1/series"_L1
            && request.query.queryItemValue(u"match[]"_s).contains(u"range_test_metric"_s))
            return Test::FaultServer::json(
                R"({"status":"success","data":[{"__name__":"range_test_metric","instance":"a"}]})");
        if (request.path == "/api/v1/query"_L1)
            return Test::FaultServer::json(
                R"({"status":"success","data":{"resultType":"vector","result":[]}})");
        return Test::FaultServer::json(R"({"status":"success","data":[]})");
    });
    QVERIFY(m_server.listen());
}

void TestDashboardLayout::init()
{
    m_http = std::make_unique<HttpClient>(u"prometheus"_s, &m_network);
    EndpointConfig endpoint;
    endpoint.url = m_server.url();
    m_http->setEndpoint(endpoint);
    m_client = std::make_unique<PrometheusClient>(m_http.get());
    m_controller = std::make_unique<MetricsController>(m_client.get());
    m_page = std::make_unique<MetricsPage>(m_controller->targetsModel());
    MetricsFeature::connectPage(m_page.get(), m_controller.get());
    m_page->resize(1280, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_controller->setRefreshInterval(std::chrono::hours(1)); // one refresh per test step
    m_controller->setRelativeRange(300);
    m_controller->start();
    settle();
    m_server.clearRequests();
}

void TestDashboardLayout::cleanup()
{
    m_controller->stop();
    m_page.reset();
    m_controller.reset();
    m_client.reset();
    m_http.reset();
}

int TestDashboardLayout::rangeQueries() const
{
    int n = 0;
    for (const Test::FaultRequest &r : m_server.requests())
        n += r.path == "/api/v1/query_range"_L1 ? 1 : 0;
    return n;
}

void TestDashboardLayout::settle()
{
    qsizetype seen = -1;
    while (seen != m_server.requests().size()) {
        seen = m_server.requests().size();
        QTest::qWait(300);
    }
}

QList<PanelWidget *> TestDashboardLayout::rows() const
{
    QList<PanelWidget *> out;
    for (PanelWidget *p : m_page->panelWidgets()) {
        if (p->panel().type == Panel::Type::Row)
            out << p;
    }
    return out;
}

void TestDashboardLayout::everyCollapsedRowOnScreen()
{
    // Fourteen collapsed rows, as a host dashboard has them: every header is drawn, one under
    // the other, and nothing of theirs is.
    m_page->setDashboards({generated(14, 9, 0)}, u"generated"_s);
    QCOMPARE(rows().size(), 14);
    int k = 0;
    for (PanelWidget *row : rows()) {
        QVERIFY2(row->isVisible(), qPrintable(row->panel().title));
        QCOMPARE(row->geometry().y(), k * (DashboardGrid::cellHeight + DashboardGrid::margin));
        QCOMPARE(row->geometry().height(), DashboardGrid::cellHeight);
        ++k;
    }
    for (PanelWidget *p : m_page->panelWidgets())
        QVERIFY(p->panel().type == Panel::Type::Row || !p->isVisible());
    settle();
    QCOMPARE(rangeQueries(), 0); // nothing of a closed row is asked for
}

void TestDashboardLayout::openedRowPushesTheRestDown()
{
    m_page->setDashboards({generated(14, 9, 0)}, u"generated"_s);
    settle();
    m_server.clearRequests();
    const QList<PanelWidget *> headers = rows();
    const int unit = DashboardGrid::cellHeight + DashboardGrid::margin;
    // Open row 5: its nine panels (stored at y 196..) lie right under its header, three lines
    // of 6 units; row 6 follows them.
    rowButton(headers.at(5))->click();
    const DashboardGrid &grid = m_page->grid();
    const int row5 = int(m_page->panelWidgets().indexOf(headers.at(5)));
    const QList<int> inside = grid.rowPanels(row5);
    QCOMPARE(inside.size(), 9);
    for (int i : inside) {
        PanelWidget *p = m_page->panelWidgets().at(i);
        QVERIFY(p->isVisible());
        QVERIFY2(p->geometry().top() >= 6 * unit && p->geometry().bottom() < 6 * unit + 18 * unit,
                 qPrintable(p->panel().title));
    }
    QCOMPARE(m_page->panelWidgets().at(inside.first())->geometry().topLeft(), QPoint(0, 6 * unit));
    QCOMPARE(headers.at(6)->geometry().y(), (6 + 18) * unit);
    QCOMPARE(headers.at(13)->geometry().y(), (13 + 18) * unit);
    // Its panels are asked for now, and only they.
    settle();
    QCOMPARE(rangeQueries(), 9);
    // Closing it brings the rows back up.
    rowButton(headers.at(5))->click();
    QCOMPARE(headers.at(6)->geometry().y(), 6 * unit);
    QVERIFY(!m_page->panelWidgets().at(inside.first())->isVisible());
}

void TestDashboardLayout::lazyQuerying()
{
    // 600 panels in 20 rows of 30, the first two open: a refresh asks only for the open rows'
    // panels on screen or within a screen of it.
    const Dashboard d = generated(20, 30, 2);
    QCOMPARE(d.dataPanelCount(), 600);
    m_page->setDashboards({d}, u"generated"_s);
    settle();
    const int firstRefresh = rangeQueries();
    QVERIFY2(firstRefresh > 0 && firstRefresh < 60, qPrintable(QString::number(firstRefresh)));

    // The next refresh asks for the same panels again, no more.
    m_server.clearRequests();
    m_controller->refreshNow();
    settle();
    const int lazyRefresh = rangeQueries();
    QCOMPARE(lazyRefresh, firstRefresh);

    // Scrolling down brings the panels there in, each asked for once.
    m_server.clearRequests();
    QScrollBar *bar = m_page->scrollArea()->verticalScrollBar();
    bar->setValue(bar->maximum());
    settle();
    const int scrolledIn = rangeQueries();
    QVERIFY2(scrolledIn > 0, "nothing asked for after scrolling");
    QSet<QString> asked;
    for (const Test::FaultRequest &r : m_server.requests()) {
        // Sent as a form (POST) or in the URL.
        const QUrlQuery form(QString::fromUtf8(r.body).replace(u'+', u' '));
        asked.insert(r.query.hasQueryItem(u"query"_s)
                         ? r.query.queryItemValue(u"query"_s, QUrl::FullyDecoded)
                         : form.queryItemValue(u"query"_s, QUrl::FullyDecoded));
    }
    QCOMPARE(asked.size(), scrolledIn);
    // The last open row's last panel (id 60) was asked for; nothing of a closed row (id > 60).
    QVERIFY(asked.contains(u"up{panel=\"60\"}"_s));
    for (const QString &q : std::as_const(asked))
        QVERIFY2(q.mid(10, q.size() - 12).toInt() <= 60, qPrintable(q));

    // What the page asked for before it told the controller what is on screen: every panel of
    // the dashboard on each refresh (the figure before lazy loading), and with the page's
    // closed rows alone (the controller's own default).
    m_server.clearRequests();
    QList<int> all;
    for (int i = 0; i < d.panels.size(); ++i)
        all << i;
    m_controller->setActivePanels({});
    m_controller->setActivePanels(all);
    settle();
    m_server.clearRequests();
    m_controller->refreshNow();
    settle();
    const int everyPanel = rangeQueries();
    QCOMPARE(everyPanel, 600);
    std::printf("# range queries per refresh of a 600-panel dashboard (20 rows, 18 collapsed): "
                "every panel %d, lazily %d (first refresh %d, %d more after scrolling to the "
                "bottom)\n",
                everyPanel, lazyRefresh, firstRefresh, scrolledIn);
}

void TestDashboardLayout::titlesShowVariables()
{
    // Ceph's host dashboard titles its rows and panels with $ceph_hosts; its datasource
    // variable names the configured Prometheus, shown nowhere.
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromFile(Test::testDataDir() + u"/metrics/public/host-details.json"_s,
                                       &d, &error),
             qPrintable(error));
    for (DashboardVariable &v : d.variables) {
        if (v.name == "ceph_hosts"_L1)
            v.current = QStringList{u"osd-3"_s};
    }
    m_page->setDashboards({d}, d.uid);
    QStringList titles;
    for (PanelWidget *p : m_page->panelWidgets())
        titles << p->title();
    QVERIFY2(titles.contains(u"osd-3 System Overview"_s), qPrintable(titles.join(u" | "_s)));
    QVERIFY2(titles.contains(u"osd-3 Disk IOPS"_s), qPrintable(titles.join(u" | "_s)));
    QVERIFY(!m_page->findChild<QComboBox *>(u"variable_datasource"_s));
    QVERIFY(m_page->findChild<QWidget *>(u"variable_ceph_hosts"_s));
}

void TestDashboardLayout::repeatsFollowTheVariable()
{
    // Grafana's own e2e dashboard: a row repeated by $row holding a panel repeated by
    // $horizontal, all three values of each selected: 3 rows of 3 panels.
    Dashboard d;
    QString error;
    QVERIFY2(
        DashboardLoader::fromFile(
            Test::testDataDir()
                + u"/metrics/public/repeats/Repeating-a-row-with-a-repeating-horizontal-panel.json"_s,
            &d, &error),
        qPrintable(error));
    m_page->setDashboards({d}, d.uid);
    const auto titles = [this] {
        QStringList out;
        for (PanelWidget *p : m_page->panelWidgets())
            out << p->title();
        return out.join(u" | "_s);
    };
    QCOMPARE(titles(), u"Row title 1 | Panel Title 1 | Panel Title 2 | Panel Title 3 | "
                       "Row title 2 | Panel Title 1 | Panel Title 2 | Panel Title 3 | "
                       "Row title 3 | Panel Title 1 | Panel Title 2 | Panel Title 3"_s);
    // Choosing two values of $row leaves two row copies.
    m_controller->setVariable(u"row"_s, QStringList{u"1"_s, u"3"_s});
    QCOMPARE(titles(), u"Row title 1 | Panel Title 1 | Panel Title 2 | Panel Title 3 | "
                       "Row title 3 | Panel Title 1 | Panel Title 2 | Panel Title 3"_s);

    // Each copy asks for its own value (written for this test: a Prometheus query by $host).
    const QByteArray json = R"({"uid": "repeat-queries", "title": "Repeat queries",
        "templating": {"list": [{"name": "host", "type": "custom", "query": "alpha,beta,gamma",
            "multi": true, "includeAll": true, "current": {"value": ["$__all"]}}]},
        "panels": [{"type": "stat", "title": "Up $host", "repeat": "host", "maxPerRow": 2,
            "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
            "targets": [{"expr": "up{instance=\"$host\"}", "refId": "A"}]}]})";
    Dashboard queries;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &queries, &error), qPrintable(error));
    m_server.clearRequests();
    m_page->setDashboards({queries}, queries.uid);
    settle();
    QStringList asked;
    for (const Test::FaultRequest &r : m_server.requests()) {
        if (r.path == "/api/v1/query_range"_L1 || r.path == "/api/v1/query"_L1)
            asked << (r.method == "POST" ? QUrlQuery(QString::fromUtf8(r.body)) : r.query)
                         .queryItemValue(u"query"_s, QUrl::FullyDecoded);
    }
    asked.sort();
    asked.removeDuplicates();
    QCOMPARE(asked, QStringList({u"up{instance=\"alpha\"}"_s, u"up{instance=\"beta\"}"_s,
                                 u"up{instance=\"gamma\"}"_s}));
    QCOMPARE(titles(), u"Up alpha | Up beta | Up gamma"_s);
    // maxPerRow 2: two side by side (half the width each), the third below.
    const QList<PanelWidget *> panels = m_page->panelWidgets();
    QCOMPARE(panels.at(0)->y(), panels.at(1)->y());
    QVERIFY(panels.at(1)->x() > panels.at(0)->x() + panels.at(0)->width() / 2);
    QVERIFY(panels.at(2)->y() > panels.at(0)->y() + panels.at(0)->height() / 2);
    QCOMPARE(panels.at(2)->x(), panels.at(0)->x());
}

void TestDashboardLayout::variablesRefreshedOnTimeRangeChange()
{
    // Written for this test: two variables over the same metric, Grafana's refresh 1 (when the
    // dashboard loads) and 2 (on time range change).
    const QByteArray json = R"json({"uid": "var-refresh", "title": "Variable refresh",
        "templating": {"list": [
            {"name": "onload", "type": "query", "refresh": 1,
             "query": "label_values(range_test_metric{job=\"onload\"}, instance)"},
            {"name": "onrange", "type": "query", "refresh": 2,
             "query": "label_values(range_test_metric{job=\"onrange\"}, instance)"}]},
        "panels": [{"type": "stat", "title": "x", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
            "targets": [{"expr": "up", "refId": "A"}]}]})json";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QVERIFY(!d.variables.at(0).refreshOnTimeRange);
    QVERIFY(d.variables.at(1).refreshOnTimeRange);
    const auto asked = [this](const QString &job) {
        int n = 0;
        for (const Test::FaultRequest &r : m_server.requests()) {
            n += r.path == "/api/v1/series"_L1 && r.query.queryItemValue(u"match[]"_s).contains(job)
                     ? 1
                     : 0;
        }
        return n;
    };
    m_server.clearRequests();
    m_page->setDashboards({d}, d.uid);
    settle();
    QCOMPARE(asked(u"onload"_s), 1);
    const int onRange = asked(u"onrange"_s);
    QVERIFY(onRange >= 1);
    // A refresh asks neither again; a new range asks the second only.
    m_controller->refreshNow();
    settle();
    QCOMPARE(asked(u"onload"_s), 1);
    QCOMPARE(asked(u"onrange"_s), onRange);
    m_controller->setRelativeRange(3600);
    settle();
    QCOMPARE(asked(u"onload"_s), 1);
    QCOMPARE(asked(u"onrange"_s), onRange + 1);
}

void TestDashboardLayout::notesBelongToTheirDashboard()
{
    // A dashboard with notes (a placeholder panel), then one without: its notes go.
    Dashboard noted = generated(1, 1, 1);
    noted.uid = u"noted"_s;
    noted.title = u"Noted"_s;
    noted.warnings = QStringList{u"panel \"x\": type \"piechart\" is shown as a placeholder"_s};
    Dashboard plain = generated(1, 1, 1);
    plain.uid = u"plain"_s;
    plain.title = u"Plain"_s;
    m_page->setDashboards({noted, plain}, u"noted"_s);
    QLabel *message = nullptr;
    for (QLabel *label : m_page->findChildren<QLabel *>()) {
        if (label->text().contains(u"piechart"_s))
            message = label;
    }
    QVERIFY(message && message->isVisible());
    m_page->showDashboard(u"plain"_s);
    QVERIFY(!message->isVisible());
    QVERIFY(message->text().isEmpty());
}

void TestDashboardLayout::dashboardListSorted()
{
    QList<Dashboard> list;
    for (const QString &title : {u"zeta"_s, u"Alpha"_s, u"beta"_s, u"Gamma"_s}) {
        Dashboard d = generated(1, 1, 1);
        d.uid = title.toLower();
        d.title = title;
        if (title == "Alpha"_L1)
            d.source = u"/tmp/alpha.json"_s; // imported: after the bundled ones
        list << d;
    }
    m_page->setDashboards(list, u"zeta"_s);
    QStringList shown;
    for (int i = 0; i < m_page->dashboardBox()->count(); ++i)
        shown << m_page->dashboardBox()->itemData(i).toString();
    QCOMPARE(shown, (QStringList{u"beta"_s, u"gamma"_s, u"zeta"_s, u"alpha"_s}));
}

void TestDashboardLayout::manyVariablesDoNotWidenTheWindow()
{
    // Fourteen variables with long values, as a host dashboard has: the page stays as narrow
    // as it was, the variables scroll sideways.
    const int before = m_page->minimumSizeHint().width();
    Dashboard d = generated(1, 1, 1);
    for (int i = 0; i < 14; ++i) {
        DashboardVariable v;
        v.kind = DashboardVariable::Kind::Custom;
        v.name = u"variable_number_%1"_s.arg(i);
        v.options = QStringList{u"a-rather-long-value-for-variable-%1.example.org:9100"_s.arg(i)};
        v.current = v.options;
        d.variables << v;
    }
    m_page->setDashboards({d}, d.uid);
    QTest::qWait(50);
    QVERIFY(m_page->findChild<QWidget *>(u"variable_variable_number_13"_s));
    QVERIFY2(m_page->minimumSizeHint().width() <= std::max(before, 900),
             qPrintable(QString::number(m_page->minimumSizeHint().width())));
    QCOMPARE(m_page->width(), 1280);
    auto *bar = m_page->findChild<QScrollArea *>(u"variablesBar"_s);
    QVERIFY(bar && bar->isVisible());
    QVERIFY(bar->horizontalScrollBar()->maximum() > 0);
    // As high as a box, with the scroll bar under it.
    auto *box = m_page->findChild<QWidget *>(u"variable_variable_number_0"_s);
    QTRY_VERIFY2(bar->height() >= box->sizeHint().height(),
                 qPrintable(QString::number(bar->height())));
}

void TestDashboardLayout::foreignDatasourceNamed()
{
    const QByteArray json = R"json({"title": "logs", "uid": "logs", "panels": [
        {"type": "timeseries", "title": "Errors", "datasource": {"type": "elasticsearch", "uid": "e"},
         "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
         "targets": [{"query": "level:error", "refId": "A"}]}]})json";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    m_page->setDashboards({d}, d.uid);
    QCOMPARE(m_page->panelWidgets().size(), 1);
    QVERIFY2(m_page->panelWidgets().first()->statusText().contains(u"elasticsearch"_s),
             qPrintable(m_page->panelWidgets().first()->statusText()));
    settle();
    QCOMPARE(rangeQueries(), 0);
}

void TestDashboardLayout::screenshot()
{
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save dashboard-rows.png");
    // A real dashboard (the Elasticsearch exporter's, four rows): every row closed, then the
    // first and the third opened, as a user would.
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromFile(Test::testDataDir()
                                           + u"/metrics/public/elasticsearch-exporter.json"_s,
                                       &d, &error),
             qPrintable(error));
    for (Panel &p : d.panels)
        p.collapsed = p.type == Panel::Type::Row;
    m_page->resize(1280, 800);
    m_page->setDashboards({d}, d.uid);
    const QList<PanelWidget *> headers = rows();
    QCOMPARE(headers.size(), 4);
    rowButton(headers.at(0))->click();
    rowButton(headers.at(2))->click();
    settle();
    QTest::qWait(300);
    QDir().mkpath(outDir);
    const QString path = QDir(outDir).filePath(u"dashboard-rows.png"_s);
    QVERIFY(m_page->grab().save(path));
    qInfo("saved %s", qPrintable(path));
}

QTEST_MAIN(TestDashboardLayout)
#include "tst_dashboardlayout.moc"
