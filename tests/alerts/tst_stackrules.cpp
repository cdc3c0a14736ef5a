// SPDX-License-Identifier: GPL-3.0-or-later
// The Rules tab's fallback (issue 13, point 5): while Prometheus cannot be reached, the stack's
// own rule files (the Prometheus service's mounts and rule_files; seed 000's tree in
// tests/data/stack/provisioning) are shown with their groups, expressions, `for`, labels and
// annotations, under a line saying they come from the files; an edit is followed; once
// Prometheus answers, its own rules are back.
#include "app/alerts/alertsservice.h"
#include "app/compose/stackfilewatcher.h"
#include "app/features/alertsfeature.h"
#include "models/alerts/rulemodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "ui/alerts/alertspage.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

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

/// A loopback URL nothing listens on.
QUrl refusedUrl()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(server.serverPort());
    return url; // closed when `server` goes
}

/// Seed 000's Prometheus: its configuration and rule file bound as single files.
ComposeService prometheusService(const QString &root)
{
    const QString m = root + u"/deploy/monitoring/prometheus"_s;
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"prom/prometheus:v2.48.0"_s;
    prometheus.command = {u"--config.file=/etc/prometheus/prometheus.yml"_s};
    prometheus.mounts
        = {{m + u"/prometheus.yml"_s, u"/etc/prometheus/prometheus.yml"_s, true, true},
           {m + u"/alert-rules.yml"_s, u"/etc/prometheus/alert-rules.yml"_s, true, true},
           {u"xg2g_prometheus-data"_s, u"/prometheus"_s, false, false}};
    return prometheus;
}

} // namespace

class TestStackRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rulesFromFilesWhilePrometheusIsAway();
};

void TestStackRules::initTestCase()
{
    static QTemporaryDir state;
    qputenv("XDG_STATE_HOME", state.path().toUtf8());
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
}

void TestStackRules::rulesFromFilesWhilePrometheusIsAway()
{
    QTemporaryDir stack;
    QVERIFY(copyTree(Test::testDataDir() + u"/stack/provisioning/xg2g"_s, stack.path()));
    QNetworkAccessManager network;
    AppContext context;
    context.network = &network;
    AlertsFeature feature(context);
    feature.stackWatcher()->setDelay(std::chrono::milliseconds(50));
    auto *page = qobject_cast<AlertsPage *>(feature.createPage());
    QVERIFY(page);
    std::unique_ptr<AlertsPage> owner(page);
    page->resize(1100, 600);
    page->show();
    page->tabs()->setCurrentIndex(1);

    Config config;
    config.prometheus.url = refusedUrl();
    config.alertmanagers.clear();
    feature.applyConfig(config);
    feature.setStackServices({prometheusService(stack.path())});
    QCOMPARE(feature.stackRules().size(), 6);
    QVERIFY(!page->showsRulesFromFiles()); // Prometheus has not been asked yet
    feature.start();

    QTRY_VERIFY_WITH_TIMEOUT(page->showsRulesFromFiles(), 10000);
    QVERIFY2(page->rulesNote().contains(u"not from a running Prometheus"_s),
             qPrintable(page->rulesNote()));
    QVERIFY(page->rulesNote().contains(u"alert-rules.yml"_s));
    QAbstractItemModel *rules = page->ruleView()->model();
    QCOMPARE(rules->rowCount(), 6);
    QStringList names;
    for (int row = 0; row < rules->rowCount(); ++row) {
        QCOMPARE(rules->index(row, RuleModel::GroupColumn).data().toString(), u"xg2g_alerts"_s);
        names << rules->index(row, RuleModel::NameColumn).data().toString();
    }
    QVERIFY(names.contains(u"CircuitBreakerOpen"_s));
    QVERIFY(names.contains(u"ServiceDown"_s));

    // The selected rule's expression, for, labels and annotations below the table.
    const int row = int(names.indexOf(u"ServiceDown"_s));
    page->ruleView()->setCurrentIndex(rules->index(row, 0));
    const QString details = page->ruleDetailsText();
    QVERIFY2(details.contains(u"up{job=\"xg2g\"} == 0"_s) && details.contains(u"for 1m"_s)
                 && details.contains(u"severity=critical"_s)
                 && details.contains(u"summary: xg2g service is down"_s),
             qPrintable(details));

    QVERIFY(page->ruleView()->isColumnHidden(RuleModel::StateColumn));
    QVERIFY(!page->ruleView()->isColumnHidden(RuleModel::QueryColumn));
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QTest::qWait(100); // the details' new height laid out
        QDir().mkpath(out);
        QVERIFY(page->grab().save(out + u"/rules-from-stack.png"_s));
    }

    // An edit of the rule file is followed.
    const QString file = stack.path() + u"/deploy/monitoring/prometheus/alert-rules.yml"_s;
    QFile f(file);
    QVERIFY(f.open(QIODevice::Append));
    f.write("\n      - alert: DiskAlmostFull\n"
            "        expr: node_filesystem_avail_bytes / node_filesystem_size_bytes < 0.1\n"
            "        for: 10m\n");
    f.close();
    QTRY_COMPARE(rules->rowCount(), 7);

    // Prometheus answers: its own rules, and no line about files.
    const QString data = Test::testDataDir() + u"/alerts/"_s;
    FaultServer prom;
    QVERIFY(prom.listen());
    prom.setRoute("GET", u"/api/v1/alerts"_s,
                  FaultServer::file(data + u"prom_alerts.json"_s, "application/json"));
    prom.setRoute("GET", u"/api/v1/rules"_s,
                  FaultServer::file(data + u"prom_rules.json"_s, "application/json"));
    config.prometheus.url = prom.url();
    feature.applyConfig(config);
    feature.service()->refreshNow();
    QTRY_VERIFY_WITH_TIMEOUT(!page->showsRulesFromFiles(), 10000);
    QCOMPARE(page->rulesNote(), QString());
    QVERIFY(!page->ruleView()->isColumnHidden(RuleModel::StateColumn));
    QCOMPARE(page->ruleView()->model()->rowCount(), feature.service()->ruleModel()->rowCount());
}

QTEST_MAIN(TestStackRules)
#include "tst_stackrules.moc"
