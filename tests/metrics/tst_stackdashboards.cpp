// SPDX-License-Identifier: GPL-3.0-or-later
// The stack's own Grafana dashboards on the Metrics page (issue 13, point 5): listed in a group
// of their own and marked as from the stack, read from the user's files (never copied into the
// configuration folder), reloaded when a file changes, and a dashboard that does not import
// listed with its problem. The trees are copies of tests/data/stack/provisioning (seed 003's
// shape). With STACKSCOPE_SCREENSHOT_DIR set, the page is also drawn against a real Prometheus
// and saved as metrics-from-stack.png there.
#include "app/application.h"
#include "app/compose/stackfilewatcher.h"
#include "app/config/configmanager.h"
#include "app/features/alertsfeature.h"
#include "app/features/metricsfeature.h"
#include "app/prometheus/metricscontroller.h"
#include "tests/support/fixtures.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QSettings>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QFileInfo &entry :
         QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir() ? !copyTree(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
        QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner);
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    // Written next to it and renamed over it, as editors save.
    const QString temporary = path + u".tmp"_s;
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    file.close();
    QFile::remove(path);
    return QFile::rename(temporary, path);
}

/// Seed 003's Grafana and Prometheus, their bind mounts rooted at `root`.
QList<ComposeService> magacinServices(const QString &root)
{
    const QString m = root + u"/monitoring"_s;
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana-oss:10.4.2"_s;
    grafana.mounts = {{m + u"/grafana/provisioning"_s, u"/etc/grafana/provisioning"_s, true, true},
                      {m + u"/grafana/dashboards"_s, u"/var/lib/grafana/dashboards"_s, true, true},
                      {u"magacin_grafana-data"_s, u"/var/lib/grafana"_s, false, false}};
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"prom/prometheus:v2.48.0"_s;
    return {prometheus, grafana};
}

struct Entry
{
    QString text;
    QString key;
    bool selectable = false;
};

QList<Entry> entries(QComboBox *box)
{
    QList<Entry> out;
    auto *model = qobject_cast<QStandardItemModel *>(box->model());
    for (int i = 0; i < box->count(); ++i) {
        const QStandardItem *item = model->item(i);
        out.append({box->itemText(i), box->itemData(i).toString(),
                    item->flags().testFlag(Qt::ItemIsSelectable)});
    }
    return out;
}

int indexOfText(QComboBox *box, const QString &text)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemText(i).contains(text))
            return i;
    }
    return -1;
}

} // namespace

class TestStackDashboards : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listedFromTheStack();
    void neverCopied();
    void editReloadsTheShownDashboard();
    void brokenThenFixed();
    void removedFallsBack();
    void stackGoneEmptiesTheGroup();
    void applicationFollowsTheStack();
    void screenshot();

private:
    QString stackFile(const QString &relative) const
    {
        return m_stack.filePath(u"monitoring/grafana/dashboards/"_s + relative);
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_stack;
    QNetworkAccessManager m_network;
    std::unique_ptr<ConfigManager> m_config;
    std::unique_ptr<MetricsFeature> m_feature;
    MetricsPage *m_page = nullptr;
    QComboBox *m_box = nullptr;
};

void TestStackDashboards::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    QVERIFY(m_dir.isValid() && m_stack.isValid());
    QVERIFY(copyTree(Test::testDataDir() + u"/stack/provisioning/magacin"_s, m_stack.path()));
    m_config = std::make_unique<ConfigManager>(m_dir.filePath(u"config.yaml"_s));
    AppContext context;
    context.network = &m_network;
    context.config = m_config.get();
    m_feature = std::make_unique<MetricsFeature>(context);
    m_feature->stackWatcher()->setDelay(std::chrono::milliseconds(50));
    m_page = qobject_cast<MetricsPage *>(m_feature->createPage());
    QVERIFY(m_page);
    m_box = m_page->dashboardBox();
    m_page->resize(1280, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    Config config;
    config.prometheus.url = QUrl(u"http://127.0.0.1:9"_s); // nothing listens: no data needed
    m_feature->applyConfig(config);
    QCOMPARE(m_page->currentDashboardUid(), u"stackscope-overview"_s);
    m_feature->setStackServices(magacinServices(m_stack.path()));
}

void TestStackDashboards::cleanupTestCase()
{
    m_feature.reset();
}

void TestStackDashboards::listedFromTheStack()
{
    const QList<Entry> list = entries(m_box);
    QStringList shown;
    for (const Entry &e : list)
        shown << e.text;
    // The configuration's dashboards first, then a separator and the stack's group.
    const int heading = indexOfText(m_box, u"From the stack"_s);
    QVERIFY2(heading > 0, qPrintable(shown.join(u" | "_s)));
    QVERIFY(list.at(heading).key.isEmpty()); // a heading, never chosen
    QVERIFY(list.at(heading).text.contains(u"grafana"_s));
    QVERIFY(list.at(heading - 1).text.isEmpty()); // the separator
    for (int i = 0; i < heading - 1; ++i)
        QVERIFY2(!list.at(i).key.startsWith(u"stack:"_s), qPrintable(list.at(i).text));

    const Entry &overview = list.at(heading + 1);
    QCOMPARE(overview.text, u"Magacin / Magacin Track Overview (from the stack)"_s);
    QCOMPARE(overview.key, u"stack:"_s + stackFile(u"magacin-overview.json"_s));
    QVERIFY(overview.selectable);
    // The file that does not import: its problem in the list, not selectable.
    const Entry &postgres = list.at(heading + 2);
    QVERIFY2(postgres.text.startsWith(u"postgres.json cannot be shown: "_s),
             qPrintable(postgres.text));
    QVERIFY(!postgres.selectable);
    QVERIFY(postgres.key.isEmpty());
    QCOMPARE(list.at(heading + 3).text, u"services / Redis (from the stack)"_s);
    // The provider whose folder is inside the image: a note.
    QVERIFY2(list.at(heading + 4).text.contains(u"provider 'builtin'"_s),
             qPrintable(list.at(heading + 4).text));
    QVERIFY(!list.at(heading + 4).selectable);
    QCOMPARE(list.size(), heading + 5);

    // Chosen, it is shown like any other, from the file where it is.
    m_page->showDashboard(overview.key);
    QCOMPARE(m_page->currentDashboardUid(), overview.key);
    QCOMPARE(m_page->panelWidgets().size(), 7);
    QCOMPARE(m_feature->controller()->dashboard().title, u"Magacin Track Overview"_s);
    QCOMPARE(m_feature->controller()->dashboard().source, stackFile(u"magacin-overview.json"_s));
    QCOMPARE(m_box->currentText(), overview.text);
    QCOMPARE(QSettings().value(MetricsFeature::lastDashboardKey()).toString(), overview.key);
}

void TestStackDashboards::neverCopied()
{
    const QDir dashboards(m_feature->dashboardsDirectory());
    QVERIFY2(!dashboards.exists() || dashboards.isEmpty(),
             qPrintable(dashboards.entryList().join(u", "_s)));
}

void TestStackDashboards::editReloadsTheShownDashboard()
{
    const QString key = u"stack:"_s + stackFile(u"magacin-overview.json"_s);
    QCOMPARE(m_page->currentDashboardUid(), key);
    QFile file(stackFile(u"magacin-overview.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll();
    file.close();
    json.replace("\"Magacin Track Overview\"", "\"Magacin Track (edited)\"");
    json.replace("\"Memory Usage %\"", "\"Resident memory\"");
    QVERIFY(writeFile(file.fileName(), json));
    QTRY_COMPARE(m_feature->controller()->dashboard().title, u"Magacin Track (edited)"_s);
    QCOMPARE(m_page->currentDashboardUid(), key); // still the one on screen
    QCOMPARE(m_page->panelWidgets().last()->panel().title, u"Resident memory"_s);
    QCOMPARE(m_box->currentText(), u"Magacin / Magacin Track (edited) (from the stack)"_s);

    // A second edit after the rename: the new file is watched too.
    json.replace("\"Magacin Track (edited)\"", "\"Magacin Track\"");
    QVERIFY(writeFile(file.fileName(), json));
    QTRY_COMPARE(m_feature->controller()->dashboard().title, u"Magacin Track"_s);
}

void TestStackDashboards::brokenThenFixed()
{
    QVERIFY(indexOfText(m_box, u"postgres.json cannot be shown"_s) > 0);
    const QByteArray fixed = R"json({"uid": "magacin-postgres", "title": "PostgreSQL", "panels": [
        {"id": 1, "title": "Connections", "type": "timeseries",
         "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8},
         "targets": [{"expr": "pg_stat_activity_count", "refId": "A"}]}]})json";
    QVERIFY(writeFile(stackFile(u"services/postgres.json"_s), fixed));
    QTRY_VERIFY(indexOfText(m_box, u"services / PostgreSQL (from the stack)"_s) > 0);
    QCOMPARE(indexOfText(m_box, u"postgres.json cannot be shown"_s), -1);
    // The one on screen did not change and was left alone.
    QCOMPARE(m_feature->controller()->dashboard().title, u"Magacin Track"_s);

    // A new file in a new subfolder is seen as well.
    QDir().mkpath(stackFile(u"cache"_s));
    const QByteArray keys = R"json({"uid": "keys", "title": "Keys", "panels": []})json";
    QVERIFY(writeFile(stackFile(u"cache/keys.json"_s), keys));
    QTRY_VERIFY(indexOfText(m_box, u"cache / Keys (from the stack)"_s) > 0);
}

void TestStackDashboards::removedFallsBack()
{
    QVERIFY(QFile::remove(stackFile(u"magacin-overview.json"_s)));
    QTRY_COMPARE(m_page->currentDashboardUid(), u"stackscope-overview"_s);
    QCOMPARE(indexOfText(m_box, u"Magacin Track"_s), -1);
}

void TestStackDashboards::stackGoneEmptiesTheGroup()
{
    m_feature->setStackServices({});
    QCOMPARE(indexOfText(m_box, u"From the stack"_s), -1);
    QVERIFY(m_box->count() > 0);
    QVERIFY(m_feature->stackWatcher()->paths().isEmpty());
}

void TestStackDashboards::applicationFollowsTheStack()
{
    // The composition root passes the stack's services on: seed 000's compose file, its
    // volumes relative to its folder, as the user has it.
    QTemporaryDir home;
    QVERIFY(copyTree(Test::testDataDir() + u"/stack/provisioning/xg2g"_s, home.path()));
    const QByteArray compose = "services:\n"
                               "  prometheus:\n"
                               "    image: prom/prometheus:v2.48.0\n"
                               "    command:\n"
                               "      - '--config.file=/etc/prometheus/prometheus.yml'\n"
                               "    ports:\n"
                               "      - \"9091:9090\"\n"
                               "    volumes:\n"
                               "      - ./deploy/monitoring/prometheus/prometheus.yml:"
                               "/etc/prometheus/prometheus.yml:ro\n"
                               "      - ./deploy/monitoring/prometheus/alert-rules.yml:"
                               "/etc/prometheus/alert-rules.yml:ro\n"
                               "  grafana:\n"
                               "    image: grafana/grafana:10.2.2\n"
                               "    volumes:\n"
                               "      - ./deploy/monitoring/grafana/provisioning:"
                               "/etc/grafana/provisioning:ro\n"
                               "      - ./deploy/monitoring/grafana/dashboards:"
                               "/var/lib/grafana/dashboards:ro\n"
                               "      - grafana-data:/var/lib/grafana\n"
                               "volumes:\n"
                               "  grafana-data:\n";
    QVERIFY(writeFile(home.filePath(u"docker-compose.yml"_s), compose));
    const QString config = home.filePath(u"stackscope.yaml"_s);
    QVERIFY(writeFile(config, "version: 1\n"
                              "endpoints:\n"
                              "  prometheus:\n"
                              "    url: http://127.0.0.1:9\n"
                              "stack:\n"
                              "  compose_files: [docker-compose.yml]\n"
                              "  docker_host: unix:///nonexistent/docker.sock\n"));
    Application app(config);
    app.start();
    auto *metrics = qobject_cast<MetricsFeature *>(app.feature(u"metrics"_s));
    auto *alerts = qobject_cast<AlertsFeature *>(app.feature(u"alerts"_s));
    QVERIFY(metrics && alerts);
    QTRY_VERIFY_WITH_TIMEOUT(
        indexOfText(metrics->page()->dashboardBox(), u"xg2g Production Overview (from the stack)"_s)
            > 0,
        15000);
    QTRY_COMPARE_WITH_TIMEOUT(alerts->stackRules().size(), 6, 15000);
    QCOMPARE(alerts->stackRules().first().file,
             home.filePath(u"deploy/monitoring/prometheus/alert-rules.yml"_s));
    const int index = indexOfText(metrics->page()->dashboardBox(), u"xg2g Production"_s);
    QCOMPARE(metrics->page()->dashboardBox()->itemData(index).toString(),
             u"stack:"_s
                 + home.filePath(u"deploy/monitoring/grafana/dashboards/xg2g-overview.json"_s));
}

void TestStackDashboards::screenshot()
{
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        QSKIP("set STACKSCOPE_SCREENSHOT_DIR to save metrics-from-stack.png");
    // A stack that monitors itself: seed 003's tree plus the Prometheus dashboard such stacks
    // provision, drawn from a real Prometheus scraping itself.
    QTemporaryDir stack;
    QVERIFY(copyTree(Test::testDataDir() + u"/stack/provisioning/magacin"_s, stack.path()));
    const QString dir = stack.path() + u"/monitoring/grafana/dashboards/"_s;
    const QByteArray selfDashboard = R"json({"uid": "prometheus-self", "title": "Prometheus",
      "panels": [
        {"id": 1, "title": "Samples ingested /s", "type": "timeseries", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 9},
         "fieldConfig": {"defaults": {"unit": "short"}},
         "targets": [{"expr": "sum(rate(prometheus_tsdb_head_samples_appended_total[20s]))", "legendFormat": "samples", "refId": "A"}]},
        {"id": 2, "title": "HTTP requests /s by handler", "type": "timeseries", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 9},
         "fieldConfig": {"defaults": {"unit": "reqps"}},
         "targets": [{"expr": "sum by (handler) (rate(prometheus_http_requests_total[20s])) > 0", "legendFormat": "{{handler}}", "refId": "A"}]},
        {"id": 3, "title": "Resident memory", "type": "timeseries", "gridPos": {"x": 0, "y": 9, "w": 12, "h": 8},
         "fieldConfig": {"defaults": {"unit": "bytes"}},
         "targets": [{"expr": "process_resident_memory_bytes", "legendFormat": "{{instance}}", "refId": "A"}]},
        {"id": 4, "title": "Targets up", "type": "stat", "gridPos": {"x": 12, "y": 9, "w": 6, "h": 8},
         "targets": [{"expr": "sum(up)", "refId": "A"}]},
        {"id": 5, "title": "Head series", "type": "gauge", "gridPos": {"x": 18, "y": 9, "w": 6, "h": 8},
         "fieldConfig": {"defaults": {"min": 0, "max": 2000}},
         "targets": [{"expr": "prometheus_tsdb_head_series", "refId": "A"}]}]})json";
    QVERIFY(writeFile(dir + u"prometheus.json"_s, selfDashboard));
    Test::PrometheusProcess prometheus;
    QVERIFY2(prometheus.start(), qPrintable(prometheus.errorString()));
    Config config;
    config.prometheus.url = prometheus.url();
    config.refresh.metrics = std::chrono::seconds(1);
    m_feature->applyConfig(config);
    m_feature->controller()->setScrapeInterval(1);
    m_feature->controller()->setRelativeRange(300);
    m_feature->start();
    m_feature->setStackServices(magacinServices(stack.path()));
    m_page->resize(1200, 640);
    m_page->showDashboard(u"stack:"_s + dir + u"prometheus.json"_s);
    QCOMPARE(m_page->panelWidgets().size(), 5);
    auto *range = m_page->findChild<QComboBox *>(u"rangeBox"_s);
    range->setCurrentIndex(0); // the last 5 minutes, as a user picks it
    Q_EMIT range->activated(0);
    // Let a minute of scrapes land so that the charts have a line to show.
    QTest::qWait(75000);
    for (PanelWidget *p : m_page->panelWidgets())
        QTRY_VERIFY_WITH_TIMEOUT(p->statusText().isEmpty(), 20000);
    m_feature->controller()->refreshNow();
    QTest::qWait(1500);

    // The page with the picker open on the stack's group.
    m_box->showPopup();
    QWidget *popup = m_box->view()->window();
    QTRY_VERIFY(popup->isVisible());
    QTest::qWait(300);
    QPixmap shot = m_page->grab();
    {
        QPainter painter(&shot);
        const QPoint at = m_page->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0)));
        painter.drawPixmap(at, popup->grab());
    }
    m_box->hidePopup();
    QDir().mkpath(outDir);
    const QString path = outDir + u"/metrics-from-stack.png"_s;
    QVERIFY(shot.save(path));
    qInfo().noquote() << "saved" << path;
    // And closed: the dashboard on screen, named as from the stack.
    QTRY_VERIFY(!popup->isVisible());
    const QString closed = outDir + u"/metrics-from-stack-closed.png"_s;
    QVERIFY(m_page->grab().save(closed));
    qInfo().noquote() << "saved" << closed;
    prometheus.stop();
}

QTEST_MAIN(TestStackDashboards)
#include "tst_stackdashboards.moc"
