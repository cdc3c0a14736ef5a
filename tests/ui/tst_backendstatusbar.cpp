// SPDX-License-Identifier: GPL-3.0-or-later
//
// The status bar reflecting a real Prometheus going away and coming back.
#include "app/backends/backendmonitor.h"
#include "models/backendstatusmodel.h"
#include "tests/support/serverprocess.h"
#include "ui/backendstatusbar.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QTest>

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
        bar.resize(1400, 30);
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
};

QTEST_MAIN(TestBackendStatusBar)
#include "tst_backendstatusbar.moc"
