// SPDX-License-Identifier: GPL-3.0-or-later
//
// The status bar reflecting a real Prometheus going away and coming back, and saying where each
// endpoint came from.
#include "app/backends/backendmonitor.h"
#include "app/compose/stackendpoints.h"
#include "app/config/configloader.h"
#include "models/backendstatusmodel.h"
#include "tests/support/serverprocess.h"
#include "ui/backendstatusbar.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Stackscope;

class TestBackendStatusBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsARealServer()
    {
        Stackscope::Test::PrometheusProcess prometheus;
        if (!prometheus.start())
            QSKIP(qPrintable(prometheus.errorString()));

        Config config;
        config.refresh.status = 20s;
        config.prometheus.url = prometheus.url();
        config.jaeger.url = QUrl(u"http://127.0.0.1:1"_s);
        config.stack.dockerHost = u"unix:///nonexistent/docker.sock"_s;

        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        BackendStatusBar bar(&model);
        bar.resize(1700, 30); // five indicators: Docker, Prometheus, Alertmanager, Jaeger, Loki
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        monitor.start();

        QLabel *label = bar.indicator(u"prometheus"_s);
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->toolTip().contains(u"2.42.0+ds"_s), 5000);
        QVERIFY(!label->text().contains(u"refused"_s));

        const QString refused = u"connection refused at 127.0.0.1:%1"_s.arg(prometheus.port());
        prometheus.stop();
        monitor.checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(refused), 5000);

        QVERIFY(prometheus.restart());
        QTRY_VERIFY_WITH_TIMEOUT(!label->text().contains(refused), 5000);
        QVERIFY(label->toolTip().contains(u"reachable"_s));

        QLabel *jaeger = bar.indicator(u"jaeger"_s);
        QTRY_VERIFY_WITH_TIMEOUT(jaeger->text().contains(u"connection refused at 127.0.0.1:1"_s),
                                 5000);
        QLabel *docker = bar.indicator(u"docker"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            docker->text().contains(u"no Docker socket at /nonexistent/docker.sock"_s), 5000);
    }

    /// Configuration, the stack or the default: the tooltip says which, and says it again when a
    /// new configuration changes only that.
    void saysWhereEachEndpointCameFrom()
    {
        const auto parsed = parseConfig("version: 1\n"
                                        "refresh:\n  status: 1h\n"
                                        "endpoints:\n"
                                        "  jaeger:\n    url: http://127.0.0.1:1\n",
                                        u"/somewhere"_s, u"/opt/stackscope-test/stack"_s);
        QVERIFY(parsed.ok());
        ComposeService prometheus;
        prometheus.name = u"prometheus"_s;
        prometheus.image = u"prom/prometheus:v2.48.0"_s;
        PublishedPort port;
        port.hostPort = port.hostPortEnd = 1;
        port.containerPort = port.containerPortEnd = 9090;
        prometheus.ports = {port};
        Config config = applyDiscoveredEndpoints(parsed.config, discoverEndpoints({prometheus}));
        config.stack.dockerHost = u"unix:///nonexistent/docker.sock"_s;

        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        BackendStatusBar bar(&model);
        QLabel *label = bar.indicator(u"prometheus"_s);
        QVERIFY(label);
        QVERIFY2(label->toolTip().contains(
                     u"Origin: from the stack: prometheus \u2192 127.0.0.1:1"_s.toHtmlEscaped()),
                 qPrintable(label->toolTip()));
        QVERIFY2(
            bar.indicator(u"jaeger"_s)->toolTip().contains(u"Origin: set in the configuration"_s),
            qPrintable(bar.indicator(u"jaeger"_s)->toolTip()));
        QVERIFY(bar.indicator(u"alertmanager-0"_s)->toolTip().contains(u"Origin: default"_s));
        QVERIFY(!bar.indicator(u"docker"_s)->toolTip().contains(u"Origin:"_s));

        // "Use these" shows only while the stack offers something, and asks to write it.
        QToolButton *use = bar.useStackEndpointsButton();
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QVERIFY(!use->isVisible());
        bar.setStackEndpointsOffered(true);
        QVERIFY(use->isVisible());
        QSignalSpy asked(&bar, &BackendStatusBar::useStackEndpointsRequested);
        use->click();
        QCOMPARE(asked.size(), 1);
        bar.setStackEndpointsOffered(false);
        QVERIFY(!use->isVisible());

        // The stack stops offering it: back to the default, and the tooltip follows.
        monitor.setConfig(applyDiscoveredEndpoints(parsed.config, {}));
        label = bar.indicator(u"prometheus"_s);
        QVERIFY2(label->toolTip().contains(u"Origin: default"_s), qPrintable(label->toolTip()));
    }
};

QTEST_MAIN(TestBackendStatusBar)
#include "tst_backendstatusbar.moc"
