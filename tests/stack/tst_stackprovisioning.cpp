// SPDX-License-Identifier: GPL-3.0-or-later
// The stack's own Grafana dashboards and rule files (issue 13, point 5): the Grafana and
// Prometheus services' mounts followed back to the host, the dashboard providers, `rule_files`
// globs, paths that are not on the host, missing folders and broken files. The trees are in
// tests/data/stack/provisioning (see its SOURCES.md: seeds 000 and 003). No Docker needed.
#include "app/compose/stackfilewatcher.h"
#include "app/compose/stackprovisioning.h"
#include "app/prometheus/dashboardstore.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QString tree(const QString &name)
{
    return Test::testDataDir() + u"/stack/provisioning/"_s + name;
}

ServiceMount bind(const QString &source, const QString &target, bool readOnly = true)
{
    return ServiceMount{source, target, true, readOnly};
}

ServiceMount volume(const QString &name, const QString &target)
{
    return ServiceMount{name, target, false, false};
}

/// Seed 000's services as compose resolves them (bind sources absolute), rooted at `root`.
QList<ComposeService> xg2gServices(const QString &root)
{
    const QString m = root + u"/deploy/monitoring"_s;
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"prom/prometheus:v2.48.0"_s;
    prometheus.command
        = {u"--config.file=/etc/prometheus/prometheus.yml"_s, u"--storage.tsdb.path=/prometheus"_s};
    prometheus.mounts
        = {bind(m + u"/prometheus/prometheus.yml"_s, u"/etc/prometheus/prometheus.yml"_s),
           bind(m + u"/prometheus/alert-rules.yml"_s, u"/etc/prometheus/alert-rules.yml"_s),
           volume(u"xg2g_prometheus-data"_s, u"/prometheus"_s)};
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana:10.2.2"_s;
    grafana.mounts = {bind(m + u"/grafana/provisioning"_s, u"/etc/grafana/provisioning"_s),
                      bind(m + u"/grafana/dashboards"_s, u"/var/lib/grafana/dashboards"_s),
                      volume(u"xg2g_grafana-data"_s, u"/var/lib/grafana"_s)};
    ComposeService app;
    app.name = u"xg2g"_s;
    app.image = u"ghcr.io/manugh/xg2g:latest"_s;
    return {app, prometheus, grafana};
}

/// Seed 003's monitoring services: the dashboards provider folder bound on its own, the rules
/// folder beside the configuration.
QList<ComposeService> magacinServices(const QString &root)
{
    const QString m = root + u"/monitoring"_s;
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"quay.io/prometheus/prometheus:latest"_s;
    prometheus.mounts = {bind(m + u"/prometheus.yml"_s, u"/etc/prometheus/prometheus.yml"_s),
                         bind(m + u"/rules"_s, u"/etc/prometheus/rules"_s)};
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana-oss"_s;
    grafana.mounts = {
        bind(m + u"/grafana/provisioning/dashboards"_s, u"/etc/grafana/provisioning/dashboards"_s),
        bind(m + u"/grafana/dashboards/"_s, u"/var/lib/grafana/dashboards/"_s)};
    return {grafana, prometheus};
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + u'/' + entry.fileName();
        if (entry.isDir() ? !copyTree(entry.filePath(), target)
                          : !QFile::copy(entry.filePath(), target))
            return false;
    }
    return true;
}

bool notesMention(const QStringList &notes, const QString &text)
{
    for (const QString &note : notes) {
        if (note.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestStackProvisioning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostPathOfMounts_data();
    void hostPathOfMounts();
    void seed000Dashboards();
    void seed003Dashboards();
    void providerFileBoundAlone();
    void provisioningNotMounted();
    void dashboardsFolderMissing();
    void brokenProviderFileIsANote();
    void noGrafanaNoPrometheus();
    void seed000RuleFiles();
    void seed003RuleGlobs();
    void prometheusConfigNotMounted();
    void relativeConfigFlag();
    void ruleFileParsing();
    void brokenRuleFilesAreProblems();
    void provisionedDashboardsImportInMemory();
    void watcherSeesAnEdit();
};

void TestStackProvisioning::hostPathOfMounts_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("volume");

    QTest::newRow("under a bind mount")
        << u"/var/lib/grafana/dashboards/a.json"_s << u"/home/u/dash/a.json"_s << QString();
    QTest::newRow("the mount point itself")
        << u"/var/lib/grafana/dashboards"_s << u"/home/u/dash"_s << QString();
    QTest::newRow("longest target wins over the volume")
        << u"/var/lib/grafana/dashboards/x/y.json"_s << u"/home/u/dash/x/y.json"_s << QString();
    QTest::newRow("in the volume")
        << u"/var/lib/grafana/grafana.db"_s << QString() << u"grafana-data"_s;
    QTest::newRow("a sibling with the same prefix is not under it")
        << u"/var/lib/grafana/dashboards2/a.json"_s << QString() << u"grafana-data"_s;
    QTest::newRow("not mounted at all") << u"/etc/grafana/grafana.ini"_s << QString() << QString();
    QTest::newRow("dots cleaned") << u"/var/lib/grafana/dashboards/../dashboards/./b.json"_s
                                  << u"/home/u/dash/b.json"_s << QString();
    QTest::newRow("a single file")
        << u"/etc/prometheus/prometheus.yml"_s << u"/home/u/prom.yml"_s << QString();
}

void TestStackProvisioning::hostPathOfMounts()
{
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(QString, volume);
    const QList<ServiceMount> mounts{
        ::volume(u"grafana-data"_s, u"/var/lib/grafana"_s),
        bind(u"/home/u/dash/"_s, u"/var/lib/grafana/dashboards"_s),
        bind(u"/home/u/prom.yml"_s, u"/etc/prometheus/prometheus.yml"_s),
    };
    const MountedPath mapped = hostPathOf(mounts, path);
    QCOMPARE(mapped.hostPath, host);
    QCOMPARE(mapped.volume, volume);
    QCOMPARE(mapped.onHost(), !host.isEmpty());
}

void TestStackProvisioning::seed000Dashboards()
{
    const QString root = tree(u"xg2g"_s);
    const StackDashboards found = findStackDashboards(xg2gServices(root));
    QCOMPARE(found.service, u"grafana"_s);
    QVERIFY2(found.notes.isEmpty(), qPrintable(found.notes.join(u'\n')));
    QCOMPARE(found.dashboards.size(), 1);
    const ProvisionedDashboard &d = found.dashboards.first();
    QCOMPARE(d.hostPath, root + u"/deploy/monitoring/grafana/dashboards/xg2g-overview.json"_s);
    QCOMPARE(d.provider, u"xg2g"_s);
    QCOMPARE(d.folder, QString());
    // The provider file, the dashboards folder and the dashboard are followed.
    QVERIFY(found.watchPaths.contains(root + u"/deploy/monitoring/grafana/dashboards"_s));
    QVERIFY(found.watchPaths.contains(d.hostPath));
    QVERIFY(
        found.watchPaths.contains(root + u"/deploy/monitoring/grafana/provisioning/dashboards"_s));
}

void TestStackProvisioning::seed003Dashboards()
{
    const QString root = tree(u"magacin"_s);
    const StackDashboards found = findStackDashboards(magacinServices(root));
    const QString dir = root + u"/monitoring/grafana/dashboards"_s;
    QCOMPARE(found.dashboards.size(), 3);
    // Sorted by path, subfolders included; the subfolder names the Grafana folder.
    QCOMPARE(found.dashboards.at(0).hostPath, dir + u"/magacin-overview.json"_s);
    QCOMPARE(found.dashboards.at(0).folder, u"Magacin"_s);
    QCOMPARE(found.dashboards.at(1).hostPath, dir + u"/services/postgres.json"_s);
    QCOMPARE(found.dashboards.at(1).folder, u"services"_s);
    QCOMPARE(found.dashboards.at(2).hostPath, dir + u"/services/redis.json"_s);
    QCOMPARE(found.dashboards.at(2).provider, u"magacin"_s);
    QVERIFY(found.watchPaths.contains(dir + u"/services"_s));
    // The second provider reads from inside the image.
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().contains(u"provider 'builtin'"_s)
                 && found.notes.first().contains(u"/usr/share/grafana/public/dashboards"_s)
                 && found.notes.first().contains(u"not mounted from the host"_s),
             qPrintable(found.notes.first()));
}

void TestStackProvisioning::providerFileBoundAlone()
{
    // Only the provider file is bound into place, and the dashboards folder.
    const QString root = tree(u"xg2g"_s) + u"/deploy/monitoring/grafana"_s;
    ComposeService grafana;
    grafana.name = u"dashboards"_s;
    grafana.image = u"docker.io/bitnami/grafana:10"_s;
    grafana.mounts = {bind(root + u"/provisioning/dashboards/default.yml"_s,
                           u"/etc/grafana/provisioning/dashboards/xg2g.yaml"_s),
                      bind(root + u"/dashboards"_s, u"/var/lib/grafana/dashboards"_s)};
    const StackDashboards found = findStackDashboards({grafana});
    QCOMPARE(found.service, u"dashboards"_s);
    QVERIFY2(found.notes.isEmpty(), qPrintable(found.notes.join(u'\n')));
    QCOMPARE(found.dashboards.size(), 1);
}

void TestStackProvisioning::provisioningNotMounted()
{
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana"_s;
    grafana.mounts = {volume(u"grafana-data"_s, u"/var/lib/grafana"_s)};
    const StackDashboards found = findStackDashboards({grafana});
    QCOMPARE(found.service, u"grafana"_s);
    QVERIFY(found.dashboards.isEmpty());
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().contains(u"/etc/grafana/provisioning/dashboards"_s)
                 && found.notes.first().contains(u"not mounted from the host"_s),
             qPrintable(found.notes.first()));

    // The provider's folder in a named volume: said so, by the volume's name.
    const QString root = tree(u"xg2g"_s) + u"/deploy/monitoring/grafana"_s;
    grafana.mounts.append(bind(root + u"/provisioning"_s, u"/etc/grafana/provisioning"_s));
    const StackDashboards inVolume = findStackDashboards({grafana});
    QVERIFY(inVolume.dashboards.isEmpty());
    QCOMPARE(inVolume.notes.size(), 1);
    QVERIFY2(inVolume.notes.first().contains(u"provider 'xg2g'"_s)
                 && inVolume.notes.first().contains(u"volume 'grafana-data'"_s),
             qPrintable(inVolume.notes.first()));
}

void TestStackProvisioning::dashboardsFolderMissing()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tree(u"xg2g"_s) + u"/deploy/monitoring/grafana"_s;
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana"_s;
    grafana.mounts = {bind(root + u"/provisioning"_s, u"/etc/grafana/provisioning"_s),
                      bind(tmp.path() + u"/not-yet"_s, u"/var/lib/grafana/dashboards"_s)};
    const StackDashboards found = findStackDashboards({grafana});
    QVERIFY(found.dashboards.isEmpty());
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().contains(tmp.path() + u"/not-yet"_s)
                 && found.notes.first().contains(u"does not exist"_s),
             qPrintable(found.notes.first()));
    // Its parent is watched, so that creating it is seen.
    QVERIFY(found.watchPaths.contains(tmp.path()));
}

void TestStackProvisioning::brokenProviderFileIsANote()
{
    const QString root = tree(u"broken"_s) + u"/grafana"_s;
    ComposeService grafana;
    grafana.name = u"grafana"_s;
    grafana.image = u"grafana/grafana"_s;
    grafana.mounts = {bind(root + u"/provisioning"_s, u"/etc/grafana/provisioning"_s),
                      bind(root + u"/dashboards"_s, u"/var/lib/grafana/dashboards"_s)};
    const StackDashboards found = findStackDashboards({grafana});
    // The good provider file is read all the same.
    QCOMPARE(found.dashboards.size(), 1);
    QCOMPARE(found.dashboards.first().provider, u"fine"_s);
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().startsWith(root + u"/provisioning/dashboards/broken.yml: line "_s),
             qPrintable(found.notes.first()));
}

void TestStackProvisioning::noGrafanaNoPrometheus()
{
    ComposeService web;
    web.name = u"web"_s;
    web.image = u"nginx:1.25"_s;
    const StackDashboards dashboards = findStackDashboards({web});
    QVERIFY(dashboards.service.isEmpty());
    QVERIFY(dashboards.dashboards.isEmpty());
    QVERIFY(dashboards.notes.isEmpty());
    const StackRuleFiles rules = findStackRuleFiles({web});
    QVERIFY(rules.service.isEmpty());
    QVERIFY(rules.notes.isEmpty());
}

void TestStackProvisioning::seed000RuleFiles()
{
    const QString root = tree(u"xg2g"_s) + u"/deploy/monitoring/prometheus"_s;
    const StackRuleFiles found = findStackRuleFiles(xg2gServices(tree(u"xg2g"_s)));
    QCOMPARE(found.service, u"prometheus"_s);
    QCOMPARE(found.configFile, root + u"/prometheus.yml"_s);
    QVERIFY2(found.notes.isEmpty(), qPrintable(found.notes.join(u'\n')));
    // 'alert-rules.yml' is relative to /etc/prometheus, where a single-file bind puts it.
    QCOMPARE(found.ruleFiles, QStringList{root + u"/alert-rules.yml"_s});
    QVERIFY(found.watchPaths.contains(root + u"/prometheus.yml"_s));
    QVERIFY(found.watchPaths.contains(root + u"/alert-rules.yml"_s));
}

void TestStackProvisioning::seed003RuleGlobs()
{
    const QString root = tree(u"magacin"_s) + u"/monitoring"_s;
    const StackRuleFiles found = findStackRuleFiles(magacinServices(tree(u"magacin"_s)));
    QCOMPARE(found.ruleFiles,
             (QStringList{root + u"/rules/alerts.yml"_s, root + u"/rules/recording.yml"_s}));
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().contains(u"'missing/*.rules'"_s)
                 && found.notes.first().contains(u"/etc/prometheus/missing/*.rules"_s),
             qPrintable(found.notes.first()));
    QVERIFY(found.watchPaths.contains(root + u"/rules"_s));
}

void TestStackProvisioning::prometheusConfigNotMounted()
{
    ComposeService prometheus;
    prometheus.name = u"metrics"_s;
    prometheus.image = u"prom/prometheus"_s;
    prometheus.mounts = {volume(u"prom-data"_s, u"/prometheus"_s)};
    const StackRuleFiles found = findStackRuleFiles({prometheus});
    QCOMPARE(found.service, u"metrics"_s);
    QVERIFY(found.configFile.isEmpty());
    QVERIFY(found.ruleFiles.isEmpty());
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().contains(u"/etc/prometheus/prometheus.yml"_s)
                 && found.notes.first().contains(u"not mounted from the host"_s),
             qPrintable(found.notes.first()));

    // A rule file named in a mounted configuration but left in the image.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QFile config(tmp.filePath(u"prometheus.yml"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("rule_files:\n  - /etc/prometheus/rules.yml\n");
    config.close();
    prometheus.mounts = {bind(config.fileName(), u"/etc/prometheus/prometheus.yml"_s)};
    const StackRuleFiles inImage = findStackRuleFiles({prometheus});
    QCOMPARE(inImage.configFile, config.fileName());
    QVERIFY(inImage.ruleFiles.isEmpty());
    QVERIFY2(notesMention(inImage.notes, u"/etc/prometheus/rules.yml is not mounted"_s),
             qPrintable(inImage.notes.join(u'\n')));
}

void TestStackProvisioning::relativeConfigFlag()
{
    // --config.file relative to the image's WORKDIR, and a config that is not YAML.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QFile config(tmp.filePath(u"prom.yml"_s));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("rule_files: [unclosed\n");
    config.close();
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"prom/prometheus"_s;
    prometheus.command = {u"--config.file"_s, u"conf/prom.yml"_s};
    prometheus.mounts = {bind(tmp.path(), u"/prometheus/conf"_s)};
    const StackRuleFiles found = findStackRuleFiles({prometheus});
    QCOMPARE(found.configFile, config.fileName());
    QCOMPARE(found.notes.size(), 1);
    QVERIFY2(found.notes.first().startsWith(config.fileName() + u": line 1"_s),
             qPrintable(found.notes.first()));
}

void TestStackProvisioning::ruleFileParsing()
{
    const QString file = tree(u"xg2g"_s) + u"/deploy/monitoring/prometheus/alert-rules.yml"_s;
    QList<Rule> rules;
    QString error;
    QVERIFY2(readRuleFile(file, &rules, &error), qPrintable(error));
    QCOMPARE(rules.size(), 6);
    const Rule &first = rules.first();
    QCOMPARE(first.group, u"xg2g_alerts"_s);
    QCOMPARE(first.file, file);
    QCOMPARE(first.name, u"HighErrorRate"_s);
    QVERIFY(first.alerting);
    QCOMPARE(first.query, u"rate(xg2g_openwebif_request_failures_total[5m]) > 0.1"_s);
    QCOMPARE(first.durationSeconds, 300.0);
    QCOMPARE(first.labels.value(u"severity"_s), u"warning"_s);
    QCOMPARE(first.annotations.value(u"summary"_s), u"High error rate detected"_s);
    QVERIFY(first.state.isEmpty()); // no running Prometheus said anything
    QCOMPARE(rules.at(2).labels.value(u"severity"_s), u"critical"_s);

    const QString recording = tree(u"magacin"_s) + u"/monitoring/rules/recording.yml"_s;
    QVERIFY2(readRuleFile(recording, &rules, &error), qPrintable(error));
    QCOMPARE(rules.size(), 1);
    QVERIFY(!rules.first().alerting);
    QCOMPARE(rules.first().name, u"job:http_requests:rate5m"_s);
}

void TestStackProvisioning::brokenRuleFilesAreProblems()
{
    const QString dir = tree(u"broken"_s) + u"/prometheus/rules/"_s;
    QStringList problems;
    const QList<Rule> rules
        = readRuleFiles({dir + u"a-unterminated.yml"_s, dir + u"b-not-rules.yml"_s,
                         dir + u"c-fine.yml"_s, dir + u"d-absent.yml"_s},
                        &problems);
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.first().name, u"Fine"_s);
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems.at(0).startsWith(dir + u"a-unterminated.yml: line "_s),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(u"not a rule file"_s), qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).contains(u"cannot be read"_s), qPrintable(problems.at(2)));

    // The whole road: the config's glob finds all three, the broken ones are problems.
    ComposeService prometheus;
    prometheus.name = u"prometheus"_s;
    prometheus.image = u"prom/prometheus"_s;
    prometheus.mounts = {bind(tree(u"broken"_s) + u"/prometheus"_s, u"/etc/prometheus"_s)};
    const StackRuleFiles found = findStackRuleFiles({prometheus});
    QCOMPARE(found.ruleFiles.size(), 3);
}

void TestStackProvisioning::provisionedDashboardsImportInMemory()
{
    const QString root = tree(u"magacin"_s);
    const StackDashboards found = findStackDashboards(magacinServices(root));
    const QList<StackDashboard> read = DashboardStore::loadProvisioned(found.dashboards);
    QCOMPARE(read.size(), 3);
    QCOMPARE(read.at(0).dashboard.title, u"Magacin Track Overview"_s);
    QCOMPARE(read.at(0).dashboard.dataPanelCount(), 7);
    QCOMPARE(read.at(0).dashboard.source, read.at(0).path);
    QCOMPARE(read.at(0).key(), u"stack:"_s + read.at(0).path);
    QVERIFY(read.at(0).problem.isEmpty());
    // The file cut off half-way: its problem, no dashboard.
    QVERIFY(!read.at(1).problem.isEmpty());
    QVERIFY(read.at(1).dashboard.title.isEmpty());
    QCOMPARE(read.at(2).dashboard.title, u"Redis"_s);

    // Seed 000's dashboard is in the API's {"dashboard": …} form.
    const QList<StackDashboard> xg2g = DashboardStore::loadProvisioned(
        findStackDashboards(xg2gServices(tree(u"xg2g"_s))).dashboards);
    QCOMPARE(xg2g.size(), 1);
    QCOMPARE(xg2g.first().dashboard.title, u"xg2g Production Overview"_s);
    QCOMPARE(xg2g.first().dashboard.dataPanelCount(), 5);
}

void TestStackProvisioning::watcherSeesAnEdit()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(copyTree(tree(u"xg2g"_s), tmp.path()));
    const StackDashboards found = findStackDashboards(xg2gServices(tmp.path()));
    StackFileWatcher watcher;
    watcher.setDelay(std::chrono::milliseconds(50));
    watcher.setPaths(found.watchPaths);
    QVERIFY(!watcher.paths().isEmpty());
    QSignalSpy changed(&watcher, &StackFileWatcher::changed);

    // Three writes in a row are one change.
    const QString file = found.dashboards.first().hostPath;
    for (int i = 0; i < 3; ++i) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::Append));
        f.write("\n");
    }
    QTRY_COMPARE(changed.size(), 1);
    QTest::qWait(150);
    QCOMPARE(changed.size(), 1);

    // A new dashboard in the folder is a change too.
    QFile added(QFileInfo(file).path() + u"/new.json"_s);
    QVERIFY(added.open(QIODevice::WriteOnly));
    added.write("{}");
    added.close();
    QTRY_COMPARE(changed.size(), 2);
}

QTEST_GUILESS_MAIN(TestStackProvisioning)
#include "tst_stackprovisioning.moc"
