// SPDX-License-Identifier: GPL-3.0-or-later
// Inhibited alerts as seed 000's users configure them: a real Alertmanager 0.25 with the seed's
// `inhibit_rules` (a critical alert inhibits the warning of the same alertname and cluster) and a
// real Prometheus firing a critical and a warning HighLoad in cluster "lab" and a warning in
// cluster "other". The page must show the lab warning as inhibited, by the critical one named as
// people know it, and leave the other cluster's warning alone.
#include "app/alerts/alertsservice.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "tests/support/serverprocess.h"
#include "ui/alerts/alertspage.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

// From ../shared/seeds/000 (its alertmanager.yml), with the test's own route and receiver.
const QString inhibitRules = u"inhibit_rules:\n"
                             u"  - source_match:\n"
                             u"      severity: 'critical'\n"
                             u"    target_match:\n"
                             u"      severity: 'warning'\n"
                             u"    equal: ['alertname', 'cluster']\n"_s;

const QString rules = u"groups:\n"
                      u"  - name: load\n"
                      u"    interval: 1s\n"
                      u"    rules:\n"
                      u"      - alert: HighLoad\n"
                      u"        expr: vector(9)\n"
                      u"        labels: {severity: critical, cluster: lab}\n"
                      u"        annotations: {summary: Load is very high}\n"
                      u"      - alert: HighLoad\n"
                      u"        expr: vector(5)\n"
                      u"        labels: {severity: warning, cluster: lab}\n"
                      u"        annotations: {summary: Load is high}\n"
                      u"      - alert: HighLoad\n"
                      u"        expr: vector(5)\n"
                      u"        labels: {severity: warning, cluster: other}\n"
                      u"        annotations: {summary: Load is high}\n"_s;

const Alert *find(const QList<Alert> &alerts, const QString &severity, const QString &cluster)
{
    for (const Alert &a : alerts) {
        if (a.severity() == severity && a.labels.value(u"cluster"_s) == cluster)
            return &a;
    }
    return nullptr;
}

} // namespace

class TestAlertsInhibit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void inhibitedWarningNamesItsCritical();

private:
    QNetworkAccessManager m_network;
    AlertmanagerProcess m_alertmanager;
    PrometheusProcess m_prometheus;
};

void TestAlertsInhibit::initTestCase()
{
    m_alertmanager.setConfig(AlertmanagerProcess::defaultConfig() + inhibitRules);
    if (!m_alertmanager.start())
        QSKIP(qPrintable(u"Alertmanager did not start: "_s + m_alertmanager.errorString()));
    m_prometheus.setRuleFile(u"load.yml"_s, rules);
    m_prometheus.setConfig(u"global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                           u"rule_files: [load.yml]\n"
                           u"alerting:\n"
                           u"  alertmanagers:\n"
                           u"    - static_configs:\n"
                           u"        - targets: [\"127.0.0.1:%1\"]\n"_s.arg(m_alertmanager.port()));
    if (!m_prometheus.start({u"--rules.alert.resend-delay=1s"_s}))
        QSKIP(qPrintable(u"Prometheus did not start: "_s + m_prometheus.errorString()));
}

void TestAlertsInhibit::inhibitedWarningNamesItsCritical()
{
    Config config;
    config.prometheus.url = m_prometheus.url();
    EndpointConfig am;
    am.url = m_alertmanager.url();
    config.alertmanagers << am;
    AlertsService service(&m_network);
    service.applyConfig(config);

    // Alertmanager evaluates inhibitions when it lists alerts; wait until all three are there.
    AlertsSnapshot snapshot;
    QElapsedTimer clock;
    clock.start();
    const Alert *labWarning = nullptr;
    while (clock.elapsed() < 40000) {
        bool done = false;
        service.fetchOnce([&](const AlertsSnapshot &s) {
            snapshot = s;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        labWarning = find(snapshot.alerts, u"warning"_s, u"lab"_s);
        if (labWarning && labWarning->sources.size() == 2 && labWarning->inhibited
            && find(snapshot.alerts, u"critical"_s, u"lab"_s)
            && find(snapshot.alerts, u"warning"_s, u"other"_s))
            break;
        QTest::qWait(500);
    }
    QVERIFY2(labWarning && labWarning->inhibited, "the lab warning was never listed as inhibited");
    const Alert *critical = find(snapshot.alerts, u"critical"_s, u"lab"_s);
    const Alert *other = find(snapshot.alerts, u"warning"_s, u"other"_s);
    QVERIFY(critical && other);
    QCOMPARE(labWarning->inhibitedBy, QStringList{critical->fingerprint});
    QVERIFY(!critical->inhibited);
    QVERIFY(!other->inhibited); // `equal: [alertname, cluster]`: another cluster is not inhibited

    AlertModel alerts;
    SilenceModel silences;
    RuleModel ruleModel;
    alerts.setAlerts(snapshot.alerts);
    AlertsPage page(&alerts, &silences, &ruleModel);
    QVERIFY(page.showAlert(labWarning->fingerprint));
    const QString details = page.alertDetailsText();
    // Named by what differs from the inhibited alert, not by a fingerprint.
    QVERIFY2(details.contains(u"Inhibited by HighLoad {severity=critical}"_s), qPrintable(details));
    QVERIFY2(!details.contains(critical->fingerprint), qPrintable(details));
    const int row = alerts.rowOf(labWarning->fingerprint);
    const QString state
        = alerts.index(row, AlertModel::StateColumn).data(Qt::DisplayRole).toString();
    QVERIFY2(state.contains(u"inhibited"_s), qPrintable(state));
    QVERIFY(page.showAlert(other->fingerprint));
    QVERIFY2(!page.alertDetailsText().contains(u"Inhibited"_s),
             qPrintable(page.alertDetailsText()));
}

QTEST_MAIN(TestAlertsInhibit)
#include "tst_alertsinhibit.moc"
