// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real stack the alerts tests run against: Prometheus with a rule file holding an alert that
// fires at once, one that stays pending, and one the test can resolve with flip(); two
// Alertmanagers gossiping as an HA pair, both receiving Prometheus' alerts.

#include "models/config/config.h"
#include "tests/support/faultserver.h"
#include "tests/support/serverprocess.h"

#include <QTest>

#include <memory>

namespace Stackscope::Test {

/// The annotation of the markup test: it must reach notifications escaped and the UI as text.
inline QString markupSummary()
{
    return QStringLiteral("Disk <b>bold</b><img src=\"http://127.0.0.1:1/x\"> "
                          "<a href=\"http://127.0.0.1:1/phish\">click</a> & more");
}

inline QString alertRules()
{
    QString yaml = QStringLiteral("groups:\n"
                                  "  - name: stackscope-alerts-test\n"
                                  "    interval: 1s\n"
                                  "    rules:\n"
                                  "      - alert: AlwaysFiring\n"
                                  "        expr: vector(1)\n"
                                  "        for: 0s\n"
                                  "        labels: {severity: critical, team: ops}\n"
                                  "        annotations:\n"
                                  "          summary: '@MARKUP@'\n"
                                  "          description: The disk is full.\n"
                                  "          runbook_url: http://127.0.0.1:1/runbooks/disk\n"
                                  "      - alert: StaysPending\n"
                                  "        expr: vector(0.912)\n"
                                  "        for: 1h\n"
                                  "        labels: {severity: warning}\n"
                                  "        annotations:\n"
                                  "          summary: Pending for an hour\n"
                                  "          description: 'Disk {{ $value | humanizePercentage }} "
                                  "full'\n");
    QString markup = markupSummary();
    markup.replace(QLatin1Char('\''), QStringLiteral("''"));
    yaml.replace(QStringLiteral("@MARKUP@"), markup);
    return yaml;
}

/// The flippable alert follows a metric the test serves (FaultServer scraped every second), so
/// flipping needs no reload (after a reload Prometheus 2.42 was seen to stop resending the other
/// firing alerts to Alertmanager).
inline QString flipRules()
{
    QString yaml
        = QStringLiteral("groups:\n"
                         "  - name: stackscope-alerts-flip\n"
                         "    interval: 1s\n"
                         "    rules:\n"
                         "      - alert: Flippable\n"
                         "        expr: stackscope_test_flip > 0\n"
                         "        for: 0s\n"
                         "        labels: {severity: warning}\n"
                         "        annotations: {summary: Resolves when the test flips it}\n");
    return yaml;
}

struct AlertStack
{
    std::unique_ptr<AlertmanagerProcess> am1 = std::make_unique<AlertmanagerProcess>();
    std::unique_ptr<AlertmanagerProcess> am2 = std::make_unique<AlertmanagerProcess>();
    std::unique_ptr<PrometheusProcess> prometheus = std::make_unique<PrometheusProcess>();
    std::unique_ptr<FaultServer> metric = std::make_unique<FaultServer>();
    bool pair = true;
    QString error;
    /// `global.external_labels` of Prometheus, as YAML flow ("{cluster: lab}"); empty = none.
    QString externalLabels;
    /// Prometheus' --rules.alert.resend-delay. 1 s by default, so that alerts reach the
    /// Alertmanagers at once; longer to see a restarted Alertmanager's empty memory.
    int resendDelaySeconds = 1;

    /// Starts everything; false (with error) when a binary is missing or does not start.
    bool start(bool withPair = true)
    {
        pair = withPair;
        if (pair) {
            am1->setClusterEnabled(true);
            if (!am1->start()) {
                error = am1->errorString();
                return false;
            }
            am2->setPeer(am1.get());
            if (!am2->start()) {
                error = am2->errorString();
                return false;
            }
        } else if (!am1->start()) {
            error = am1->errorString();
            return false;
        }
        if (!metric->listen()) {
            error = QStringLiteral("the metric server cannot listen");
            return false;
        }
        flip(true);
        prometheus->setRuleFile(QStringLiteral("alerts.yml"), alertRules());
        prometheus->setRuleFile(QStringLiteral("flip.yml"), flipRules());
        QString targets = QStringLiteral("\"127.0.0.1:%1\"").arg(am1->port());
        if (pair)
            targets += QStringLiteral(", \"127.0.0.1:%1\"").arg(am2->port());
        const QString external
            = externalLabels.isEmpty()
                  ? QString()
                  : QStringLiteral("  external_labels: %1\n").arg(externalLabels);
        prometheus->setConfig(QStringLiteral("global:\n"
                                             "  scrape_interval: 1s\n"
                                             "  scrape_timeout: 1s\n"
                                             "  evaluation_interval: 1s\n"
                                             "%3"
                                             "rule_files: [alerts.yml, flip.yml]\n"
                                             "alerting:\n"
                                             "  alertmanagers:\n"
                                             "    - static_configs:\n"
                                             "        - targets: [%1]\n"
                                             "scrape_configs:\n"
                                             "  - job_name: flip\n"
                                             "    static_configs:\n"
                                             "      - targets: [\"127.0.0.1:%2\"]\n")
                                  .arg(targets)
                                  .arg(metric->port())
                                  .arg(external));
        // Prometheus drops the first notification when it has not discovered the Alertmanagers
        // yet and resends only after --rules.alert.resend-delay (1 min by default).
        if (!prometheus->start(
                {QStringLiteral("--rules.alert.resend-delay=%1s").arg(resendDelaySeconds)})) {
            error = prometheus->errorString();
            return false;
        }
        return true;
    }

    /// Serves stackscope_test_flip 1 (the alert fires) or 0 (it resolves).
    bool flip(bool fires)
    {
        metric->setRoute(
            "GET", QStringLiteral("/metrics"),
            FaultServer::text(fires ? "stackscope_test_flip 1\n" : "stackscope_test_flip 0\n"));
        return true;
    }

    Config config(std::chrono::milliseconds interval = std::chrono::seconds(1)) const
    {
        Config c;
        c.prometheus.url = prometheus->url();
        c.prometheus.timeout = std::chrono::seconds(3);
        EndpointConfig a;
        a.url = am1->url();
        a.timeout = std::chrono::seconds(3);
        c.alertmanagers << a;
        if (pair) {
            a.url = am2->url();
            c.alertmanagers << a;
        }
        c.refresh.alerts = interval;
        return c;
    }

    /// True once an Alertmanager lists an alert with this name.
    static bool lists(AlertmanagerProcess *am, const QString &name)
    {
        const auto result = am->fetch("GET", QStringLiteral("/api/v2/alerts?filter=alertname%3D%22")
                                                 + name + QStringLiteral("%22"));
        return result.status == 200 && result.body.contains(name.toUtf8());
    }
};

} // namespace Stackscope::Test
