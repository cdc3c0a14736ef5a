// SPDX-License-Identifier: GPL-3.0-or-later
//
// The backend monitor against real Prometheus and Alertmanager, a Jaeger-shaped loopback server,
// and a Docker-shaped unix socket: what the status bar will say for each.
#include "app/backends/backendmonitor.h"
#include "app/http/poller.h"
#include "models/backendstatusmodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/printers.h"
#include "tests/support/serverprocess.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

STACKSCOPE_PRINTABLE_ENUM(BackendStatus::State)

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Stackscope;
using Stackscope::Test::FaultServer;

namespace {

/// Answers GET /_ping like the Docker daemon on a unix socket.
class FakeDockerSocket : public QObject
{
public:
    bool listen(const QString &path)
    {
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [socket] {
                    if (!socket->readAll().startsWith("GET /_ping "))
                        return;
                    socket->write(
                        "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: text/plain; "
                        "charset=utf-8\r\nContent-Length: 2\r\n\r\nOK");
                    socket->disconnectFromServer();
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return m_server.listen(path);
    }

private:
    QLocalServer m_server;
};

} // namespace

class TestBackendMonitor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static BackendStatus statusOf(const BackendStatusModel &model, const QString &id)
    {
        const int row = model.rowOf(id);
        return row < 0 ? BackendStatus{} : model.statuses().at(row);
    }

    Config baseConfig() const
    {
        Config c;
        c.refresh.status = 30s; // long: recovery must come from the prompt retry, not the interval
        c.stack.dockerHost = u"unix://"_s + m_dir.filePath(u"docker.sock"_s);
        c.prometheus.url = QUrl(u"http://127.0.0.1:1"_s);
        c.jaeger.url = QUrl(u"http://127.0.0.1:1"_s);
        return c;
    }

private Q_SLOTS:
    void everyBackendReportsWhatItIs()
    {
        Stackscope::Test::PrometheusProcess prometheus;
        Stackscope::Test::AlertmanagerProcess alertmanager;
        if (!prometheus.start())
            QSKIP(qPrintable(prometheus.errorString()));
        if (!alertmanager.start())
            QSKIP(qPrintable(alertmanager.errorString()));
        FaultServer jaeger;
        QVERIFY(jaeger.listen());
        jaeger.setRoute(
            "GET", u"/api/services"_s,
            FaultServer::json(
                R"({"data":["frontend","driver"],"total":2,"limit":0,"offset":0,"errors":null})"));
        FaultServer loki; // Loki's /ready answers plain text
        QVERIFY(loki.listen());
        loki.setRoute("GET", u"/ready"_s, FaultServer::text("ready\n"));
        FakeDockerSocket docker;
        QVERIFY(docker.listen(m_dir.filePath(u"docker.sock"_s)));

        Config config = baseConfig();
        config.loki.url = loki.url();
        config.prometheus.url = prometheus.url();
        config.alertmanagers = {EndpointConfig{}};
        config.alertmanagers[0].url = alertmanager.url();
        config.jaeger.url = jaeger.url();

        QNetworkAccessManager network;
        BackendStatusModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        QCOMPARE(monitor.backendIds(), (QStringList{u"docker"_s, u"prometheus"_s,
                                                    u"alertmanager-0"_s, u"jaeger"_s, u"loki"_s}));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(statusOf(model, u"prometheus"_s).state, BackendStatus::State::Unknown);
        monitor.start();

        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"prometheus"_s).state, BackendStatus::State::Up,
                                  5000);
        QCOMPARE(statusOf(model, u"prometheus"_s).version, u"2.42.0+ds"_s);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"alertmanager-0"_s).state,
                                  BackendStatus::State::Up, 5000);
        QCOMPARE(statusOf(model, u"alertmanager-0"_s).version, u"0.25.0"_s);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"jaeger"_s).state, BackendStatus::State::Up,
                                  5000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"loki"_s).state, BackendStatus::State::Up, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"docker"_s).state, BackendStatus::State::Up,
                                  5000);
        QVERIFY(statusOf(model, u"docker"_s).endpoint.contains(u"docker.sock (configuration"_s));
    }

    void wrongAnswersAreNamed_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("path");
        QTest::addColumn<Stackscope::Test::FaultResponse>("response");
        QTest::addColumn<QString>("reason");

        QTest::newRow("jaeger UI html with 200")
            << u"jaeger"_s << u"/api/services"_s
            << FaultServer::html(
                   "<!doctype html><html><head><title>Jaeger UI</title></head><body></body></html>")
            << u"answered HTML, not the Jaeger query API"_s;
        QTest::newRow("prometheus starting: plain-text 503")
            << u"prometheus"_s << u"/api/v1/status/buildinfo"_s
            << FaultServer::text("Service Unavailable", 503) << u"HTTP 503: Service Unavailable"_s;
        QTest::newRow("prometheus behind a proxy page")
            << u"prometheus"_s << u"/api/v1/status/buildinfo"_s
            << FaultServer::html("<html><body>Sign in</body></html>")
            << u"answered HTML, not the Prometheus API"_s;
        QTest::newRow("grafana where prometheus should be")
            << u"prometheus"_s << u"/api/v1/status/buildinfo"_s
            << FaultServer::json(R"({"message":"Not found"})")
            << u"answered JSON, but not the Prometheus API"_s;
        QTest::newRow("alertmanager 500")
            << u"alertmanager-0"_s << u"/api/v2/status"_s
            << FaultServer::json(R"("internal error")", 500)
            << u"HTTP 500: Internal Server Error \u2014 internal error"_s;
    }

    void wrongAnswersAreNamed()
    {
        QFETCH(QString, backend);
        QFETCH(QString, path);
        QFETCH(Stackscope::Test::FaultResponse, response);
        QFETCH(QString, reason);

        FaultServer server;
        QVERIFY(server.listen());
        server.setRoute("GET", path, response);
        Config config = baseConfig();
        config.prometheus.url = server.url();
        config.jaeger.url = server.url();
        config.alertmanagers = {EndpointConfig{}};
        config.alertmanagers[0].url = server.url();

        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, backend).state, BackendStatus::State::Down, 5000);
        QCOMPARE(statusOf(model, backend).reason, reason);
    }

    void dockerSocketMissing()
    {
        Config config = baseConfig();
        config.stack.dockerHost = u"unix://"_s + m_dir.filePath(u"absent.sock"_s);
        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"docker"_s).state, BackendStatus::State::Down,
                                  5000);
        QCOMPARE(statusOf(model, u"docker"_s).reason,
                 u"no Docker socket at %1"_s.arg(m_dir.filePath(u"absent.sock"_s)));
        QCOMPARE(statusOf(model, u"docker"_s).hint, u"Is Docker installed and running?"_s);
    }

    void prometheusKilledAndBackPromptly()
    {
        Stackscope::Test::PrometheusProcess prometheus;
        if (!prometheus.start())
            QSKIP(qPrintable(prometheus.errorString()));
        Config config = baseConfig();
        config.prometheus.url = prometheus.url();

        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        monitor.start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"prometheus"_s).state, BackendStatus::State::Up,
                                  5000);

        prometheus.kill();
        monitor.checkNow();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"prometheus"_s).state,
                                  BackendStatus::State::Down, 5000);
        QCOMPARE(statusOf(model, u"prometheus"_s).reason,
                 u"connection refused at 127.0.0.1:%1"_s.arg(prometheus.port()));

        QElapsedTimer clock;
        clock.start();
        QVERIFY2(prometheus.restart(), qPrintable(prometheus.errorString()));
        const qint64 restartMs = clock.elapsed();
        // The status interval is 30 s: only the prompt retry can make this in time.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"prometheus"_s).state, BackendStatus::State::Up,
                                  5000);
        qInfo("Prometheus took %lld ms to restart; shown as up %lld ms after the restart began",
              restartMs, clock.elapsed());
    }

    void newConfigRebuildsOnlyWhatChanged()
    {
        Config config = baseConfig();
        QNetworkAccessManager network;
        BackendStatusModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        Poller *prometheusPoller = monitor.poller(u"prometheus"_s);
        Poller *jaegerPoller = monitor.poller(u"jaeger"_s);
        QVERIFY(prometheusPoller && jaegerPoller);

        config.jaeger.url = QUrl(u"http://127.0.0.1:2"_s);
        config.alertmanagers = {EndpointConfig{}, EndpointConfig{}};
        config.alertmanagers[0].url = QUrl(u"http://127.0.0.1:3"_s);
        config.alertmanagers[1].url = QUrl(u"http://127.0.0.1:4"_s);
        monitor.setConfig(config);
        QCOMPARE(monitor.poller(u"prometheus"_s), prometheusPoller); // unchanged: kept
        QVERIFY(model.rowOf(u"alertmanager-1"_s) >= 0);
        QCOMPARE(statusOf(model, u"alertmanager-1"_s).displayName, u"Alertmanager 2"_s);

        config.alertmanagers.clear();
        monitor.setConfig(config);
        QCOMPARE(model.rowOf(u"alertmanager-1"_s), -1);
        QCOMPARE(statusOf(model, u"alertmanager-0"_s).state, BackendStatus::State::Disabled);
    }

    // A default endpoint of a backend the stack does not run: a refused connection is not an
    // error (grey, "not in this stack"); one that answers is up as usual.
    void notInStackIsNotAnError()
    {
        Config config = baseConfig();
        config.jaeger.origin = EndpointConfig::Origin::Default;
        config.jaeger.notInStack = true;
        // A real Prometheus at a "default" address the stack does not run: it answers, so up.
        Stackscope::Test::PrometheusProcess prometheus;
        if (!prometheus.start())
            QSKIP(qPrintable(prometheus.errorString()));
        config.prometheus.url = prometheus.url();
        config.prometheus.notInStack = true;
        QNetworkAccessManager network;
        BackendStatusModel model;
        BackendMonitor monitor(&network, &model);
        monitor.setConfig(config);
        monitor.start();
        QTRY_COMPARE(statusOf(model, u"jaeger"_s).state, BackendStatus::State::Disabled);
        const BackendStatus jaeger = statusOf(model, u"jaeger"_s);
        QVERIFY2(jaeger.reason.contains(u"not in this stack"_s), qPrintable(jaeger.reason));
        QVERIFY2(jaeger.hint.contains(u"endpoints.jaeger"_s), qPrintable(jaeger.hint));
        QCOMPARE(jaeger.origin, u"default (not in this stack)"_s);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, u"prometheus"_s).state, BackendStatus::State::Up,
                                  5000);

        // Known to the file again: the same refusal is an error.
        config.jaeger.notInStack = false;
        monitor.setConfig(config);
        QTRY_COMPARE(statusOf(model, u"jaeger"_s).state, BackendStatus::State::Down);
    }
};

QTEST_GUILESS_MAIN(TestBackendMonitor)
#include "tst_backendmonitor.moc"
