// SPDX-License-Identifier: GPL-3.0-or-later
// The bundled overview's probe panels against real parts: Debian's blackbox exporter (0.23)
// probes three loopback targets (an HTTP server, an HTTPS server with a certificate made here by
// openssl that expires in 20 days, and a closed port), Debian's Prometheus scrapes it the way
// the blackbox exporter's README says (relabelled /probe?target=), and the Metrics page draws
// the bundled dashboard: "Probes up" shows 1, 1, 0 in green, green, red; "Probe duration" has a
// line per target; "Certificate expires in" says about 20 days, orange (under 30 days).
// Skips, saying why, when the blackbox exporter, openssl or python3 is not installed.
#include "app/features/metricsfeature.h"
#include "app/prometheus/metricscontroller.h"
#include "tests/support/faultserver.h"
#include "tests/support/freeport.h"
#include "tests/support/serverprocess.h"
#include "ui/metrics/metricspage.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestBlackboxProbes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void probePanelsDraw();

private:
    PanelWidget *panel(const QString &title) const;

    QTemporaryDir m_dir;
    QProcess m_https;
    Test::FaultServer m_http;
    std::unique_ptr<Test::ServerProcess> m_blackbox;
    Test::PrometheusProcess m_prometheus;
    QNetworkAccessManager m_network;
    std::unique_ptr<MetricsFeature> m_feature;
    MetricsPage *m_page = nullptr;
    QString m_httpTarget;
    QString m_httpsTarget;
    QString m_closedTarget;
};

void TestBlackboxProbes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(MetricsFeature::lastDashboardKey());
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (openssl.isEmpty() || python.isEmpty())
        QSKIP("openssl or python3 is not installed: no HTTPS target to probe");
    m_blackbox = std::make_unique<Test::ServerProcess>(
        QStringList{u"prometheus-blackbox-exporter"_s, u"blackbox_exporter"_s}, u"/-/healthy"_s);
    if (Test::ServerProcess::findBinary(u"prometheus-blackbox-exporter"_s).isEmpty()
        && Test::ServerProcess::findBinary(u"blackbox_exporter"_s).isEmpty())
        QSKIP("the blackbox exporter is not installed (Debian package "
              "prometheus-blackbox-exporter)");

    // An HTTPS target whose certificate expires in 20 days.
    const QString cert = m_dir.filePath(u"cert.pem"_s);
    const QString key = m_dir.filePath(u"key.pem"_s);
    QCOMPARE(QProcess::execute(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s,
                                         u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert,
                                         u"-days"_s, u"20"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                         u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s}),
             0);
    const quint16 httpsPort = Test::freeLoopbackPort();
    m_https.setProcessChannelMode(QProcess::MergedChannels);
    m_https.start(python, {QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/tls/https_server.py"),
                           QString::number(httpsPort), cert, key});
    QVERIFY(m_https.waitForStarted());
    m_httpsTarget = u"https://127.0.0.1:%1/"_s.arg(httpsPort);

    // A plain HTTP target, and a port where nothing listens.
    QVERIFY(m_http.listen());
    m_http.setRoute("GET", u"/"_s, Test::FaultServer::json(R"({"ok":true})"));
    m_httpTarget = m_http.url().resolved(QUrl(u"/"_s)).toString();
    m_closedTarget = u"http://127.0.0.1:%1/"_s.arg(Test::freeLoopbackPort());

    // The exporter: one module, certificates of the loopback target accepted (self-signed).
    const QString config = m_dir.filePath(u"blackbox.yml"_s);
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("modules:\n"
            "  http_2xx:\n"
            "    prober: http\n"
            "    timeout: 2s\n"
            "    http:\n"
            "      preferred_ip_protocol: ip4\n"
            "      tls_config: {insecure_skip_verify: true}\n");
    f.close();
    QVERIFY2(m_blackbox->start({u"--config.file="_s + config,
                                u"--web.listen-address=127.0.0.1:%1"_s.arg(m_blackbox->port())}),
             qPrintable(m_blackbox->errorString()));

    // Prometheus scrapes the exporter once per target, as its README's relabelling says.
    m_prometheus.setConfig(u"global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
                           "scrape_configs:\n"
                           "  - job_name: blackbox\n"
                           "    metrics_path: /probe\n"
                           "    params: {module: [http_2xx]}\n"
                           "    static_configs: [{targets: ['%1', '%2', '%3']}]\n"
                           "    relabel_configs:\n"
                           "      - {source_labels: [__address__], target_label: __param_target}\n"
                           "      - {source_labels: [__param_target], target_label: instance}\n"
                           "      - {target_label: __address__, replacement: '127.0.0.1:%4'}\n"_s
                               .arg(m_httpTarget, m_httpsTarget, m_closedTarget)
                               .arg(m_blackbox->port()));
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.errorString()));

    AppContext context;
    context.network = &m_network;
    m_feature = std::make_unique<MetricsFeature>(context);
    m_page = qobject_cast<MetricsPage *>(m_feature->createPage());
    QVERIFY(m_page);
    m_page->resize(1280, 1800); // the probes are the last row
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));
    Config c;
    c.prometheus.url = m_prometheus.url();
    c.refresh.metrics = std::chrono::seconds(1);
    m_feature->applyConfig(c);
    m_feature->controller()->setScrapeInterval(1);
    m_feature->controller()->setRelativeRange(300);
    m_feature->start();
    QCOMPARE(m_page->currentDashboardUid(), u"stackscope-overview"_s);
}

void TestBlackboxProbes::cleanupTestCase()
{
    m_feature.reset();
    m_prometheus.stop();
    if (m_blackbox)
        m_blackbox->stop();
    if (m_https.state() != QProcess::NotRunning) {
        m_https.kill(); // our own child, by its pid
        m_https.waitForFinished();
    }
}

PanelWidget *TestBlackboxProbes::panel(const QString &title) const
{
    const auto panels = m_page->panelWidgets();
    for (PanelWidget *p : panels) {
        if (p->panel().title == title)
            return p;
    }
    return nullptr;
}

void TestBlackboxProbes::probePanelsDraw()
{
    PanelWidget *up = panel(u"Probes up"_s);
    PanelWidget *duration = panel(u"Probe duration"_s);
    PanelWidget *expiry = panel(u"Certificate expires in"_s);
    QVERIFY(up && up->valueView());
    QVERIFY(duration && duration->chart());
    QVERIFY(expiry && expiry->valueView());

    // One value per target: the closed port's probe fails, red; the others succeed, green.
    QTRY_VERIFY_WITH_TIMEOUT(up->valueView()->texts().size() == 3, 30000);
    QStringList upTexts = up->valueView()->texts();
    upTexts.sort();
    QCOMPARE(upTexts, (QStringList{u"0"_s, u"1"_s, u"1"_s}));
    QCOMPARE(up->valueView()->colorFor(0), QColor(grafanaColor(u"red"_s)));
    QCOMPARE(up->valueView()->colorFor(1), QColor(grafanaColor(u"green"_s)));
    QVERIFY(up->statusText().isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(duration->chart()->seriesCount(), 3, 20000);
    QVERIFY(duration->chart()->drawnPointCount() > 0);

    // Only the HTTPS target has a certificate: about 20 days, orange (7 to 30 days).
    QTRY_COMPARE_WITH_TIMEOUT(expiry->valueView()->texts().size(), 1, 20000);
    const QString text = expiry->valueView()->texts().constFirst();
    QVERIFY2(text.contains(u"19"_s) || text.contains(u"20"_s), qPrintable(text));
    QVERIFY2(text.contains(u"d"_s), qPrintable(text));
    QCOMPARE(expiry->valueView()->colorFor(19.9 * 86400), QColor(grafanaColor(u"orange"_s)));
    QCOMPARE(expiry->valueView()->colorFor(3 * 86400), QColor(grafanaColor(u"red"_s)));
    qInfo("probes: up %s; certificate expires in %s", qPrintable(upTexts.join(u", "_s)),
          qPrintable(text));

    // With STACKSCOPE_SCREENSHOT_DIR set: the probes row as a user sees it.
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        return;
    QTest::qWait(1500); // a few points more in the duration chart
    QDir().mkpath(outDir);
    const QRect row = up->geometry().united(expiry->geometry()).adjusted(-8, -8, 8, 8);
    const QString path = outDir + u"/metrics-probes.png"_s;
    QVERIFY(up->parentWidget()->grab(row).save(path));
    qInfo().noquote() << "saved" << path;
}

QTEST_MAIN(TestBlackboxProbes)
#include "tst_blackboxprobes.moc"
