// SPDX-License-Identifier: GPL-3.0-or-later
// Notification state survives a crash without a repeat storm. The real `stackscope` binary runs
// (offscreen, its own HOME and XDG folders) against a real Alertmanager with firing alerts,
// inside a private D-Bus session (CTest runs this through tests/alerts/run_in_session.sh) whose
// notification service is the test-side one of tests/alerts, in a child process. The app reaches
// Alertmanager through a loopback relay that holds each answer for a moment, so that the test can
// kill it with SIGKILL while a poll is under way; other rounds kill it right after it notified a
// new alert. After every kill the state file is whole JSON, and after every restart (and three
// more answered polls, counted on its own /metrics) no alert has been notified a second time.
#include "tests/alerts/fakenotificationserver.h"
#include "tests/support/freeport.h"
#include "tests/support/serverprocess.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingReply>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace Stackscope::Test;

namespace {

/// A loopback TCP relay to `upstreamPort` that forwards requests at once and answers after
/// `holdMs`, and says when a request passes: the moment a poll is under way.
class HoldingRelay : public QObject
{
    Q_OBJECT
public:
    HoldingRelay(quint16 upstreamPort, int holdMs)
        : m_upstreamPort(upstreamPort)
        , m_holdMs(holdMs)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection())
                relay(client);
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }

Q_SIGNALS:
    void requestPassing();

private:
    void relay(QTcpSocket *client)
    {
        auto *upstream = new QTcpSocket(client);
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
        connect(client, &QTcpSocket::readyRead, upstream, [this, client, upstream] {
            const QByteArray bytes = client->readAll();
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(bytes);
            else
                upstream->setProperty(
                    "pending", QByteArray(upstream->property("pending").toByteArray() + bytes));
            Q_EMIT requestPassing();
        });
        connect(upstream, &QTcpSocket::connected, upstream,
                [upstream] { upstream->write(upstream->property("pending").toByteArray()); });
        connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
            const QByteArray bytes = upstream->readAll();
            QTimer::singleShot(m_holdMs, client, [client, bytes] { client->write(bytes); });
        });
        connect(upstream, &QTcpSocket::disconnected, client, [this, client] {
            QTimer::singleShot(m_holdMs + 10, client, [client] { client->disconnectFromHost(); });
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    int m_holdMs;
};

QByteArray alertJson(const QString &name)
{
    const QString startsAt
        = QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs);
    QJsonObject labels;
    labels.insert(u"alertname"_s, name);
    labels.insert(u"severity"_s, u"critical"_s);
    labels.insert(u"test"_s, u"notifycrash"_s);
    QJsonObject annotations;
    annotations.insert(u"summary"_s, QString(name + u" fires"_s));
    QJsonObject alert;
    alert.insert(u"labels"_s, labels);
    alert.insert(u"annotations"_s, annotations);
    alert.insert(u"startsAt"_s, startsAt);
    QJsonArray all;
    all.append(alert);
    return QJsonDocument(all).toJson(QJsonDocument::Compact);
}

} // namespace

class TestNotifyCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killDuringPollsNeverRepeats();

private:
    QJsonArray calls()
    {
        QDBusMessage m = QDBusMessage::createMethodCall(
            u"org.freedesktop.Notifications"_s, u"/org/freedesktop/Notifications"_s,
            u"org.freedesktop.Notifications"_s, u"RecordedCalls"_s);
        QDBusPendingReply<QString> reply = QDBusConnection::sessionBus().asyncCall(m);
        reply.waitForFinished();
        return QJsonDocument::fromJson(reply.value().toUtf8()).array();
    }
    /// How often each summary was notified by Stackscope.
    QMap<QString, int> counts()
    {
        QMap<QString, int> out;
        const QJsonArray all = calls();
        for (const QJsonValue v : all) {
            if (v.toObject().value("app"_L1).toString() == u"Stackscope"_s)
                out[v.toObject().value("summary"_L1).toString()] += 1;
        }
        return out;
    }
    bool postAlert(const QString &name)
    {
        const auto r
            = m_am->fetch("POST", u"/api/v2/alerts"_s, alertJson(name), "application/json");
        return r.status == 200;
    }
    bool startApp();
    void killApp();
    /// Answered Alertmanager polls so far, from the app's own /metrics; -1 when unreachable.
    int answeredPolls();
    QString statePath() const { return m_dir.filePath(u"state/stackscope/notified.json"_s); }

    QProcess m_server;
    std::unique_ptr<AlertmanagerProcess> m_am;
    std::unique_ptr<HoldingRelay> m_relay;
    QTemporaryDir m_dir;
    QProcess m_app;
    quint16 m_metricsPort = 0;
    QStringList m_alerts;
};

void TestNotifyCrash::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")
        || !QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus: run through CTest (dbus-run-session)");
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(
            u"org.freedesktop.Notifications"_s))
        QSKIP("a notification server already runs on this bus: use a private dbus-run-session");
    QVERIFY2(QFile::exists(QStringLiteral(STACKSCOPE_BINARY)), STACKSCOPE_BINARY);
    m_am = std::make_unique<AlertmanagerProcess>();
    if (ServerProcess::findBinary(u"prometheus-alertmanager"_s).isEmpty()
        && ServerProcess::findBinary(u"alertmanager"_s).isEmpty())
        QSKIP("prometheus-alertmanager is not installed");
    QVERIFY2(m_am->start(), qPrintable(m_am->errorString()));

    m_server.setProgram(QCoreApplication::applicationFilePath());
    m_server.setArguments({u"--serve-notifications"_s});
    m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_server.start();
    QVERIFY(m_server.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QDBusConnection::sessionBus().interface()->isServiceRegistered(
                                 u"org.freedesktop.Notifications"_s),
                             5000);

    m_relay = std::make_unique<HoldingRelay>(m_am->port(), 250);
    QVERIFY(m_relay->listen());

    for (int i = 1; i <= 4; ++i) {
        m_alerts << u"Crash%1"_s.arg(i);
        QVERIFY(postAlert(m_alerts.last()));
    }
    QVERIFY(QDir().mkpath(m_dir.filePath(u"stack"_s)));
    QFile compose(m_dir.filePath(u"stack/docker-compose.yml"_s));
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("services:\n  web:\n    image: busybox\n");
    compose.close();
    QVERIFY(QDir().mkpath(m_dir.filePath(u"run"_s)));
    QFile::setPermissions(m_dir.filePath(u"run"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

void TestNotifyCrash::cleanupTestCase()
{
    killApp();
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate(); // our own child, by pid
        if (!m_server.waitForFinished(3000))
            m_server.kill();
    }
    m_relay.reset();
    m_am.reset(); // stops it by pid
}

bool TestNotifyCrash::startApp()
{
    // A new /metrics port each start: the killed process' socket may linger.
    m_metricsPort = freeLoopbackPort();
    const quint16 closed = freeLoopbackPort();
    const QString config
        = u"version: 1\n"
          "stack:\n"
          "  compose_files: [\"%1/stack/docker-compose.yml\"]\n"
          "  project: crashtest\n"
          "  compose_command: [\"/bin/false\"]\n"
          "  docker_host: \"unix://%1/run/no-docker.sock\"\n"
          "endpoints:\n"
          "  prometheus: {url: \"http://127.0.0.1:%2\"}\n"
          "  alertmanagers:\n"
          "    - url: \"http://127.0.0.1:%3\"\n"
          "  jaeger: {url: \"http://127.0.0.1:%2\"}\n"
          "  grafana: {url: \"http://127.0.0.1:%2\"}\n"
          "refresh: {status: 1s, stack: 5s, metrics: 60s, alerts: 1s, traces: 60s}\n"
          "notifications: {enabled: true, min_severity: warning, notify_resolved: false, "
          "storm_threshold: 50}\n"
          "self_metrics: {enabled: true, listen: \"127.0.0.1:%4\"}\n"_s.arg(m_dir.path())
              .arg(closed)
              .arg(m_relay->port())
              .arg(m_metricsPort);
    QFile file(m_dir.filePath(u"config.yaml"_s));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(config.toUtf8());
    file.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"xdg-config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"xdg-data"_s));
    env.insert(u"XDG_STATE_HOME"_s, m_dir.filePath(u"state"_s));
    env.insert(u"XDG_RUNTIME_DIR"_s, m_dir.filePath(u"run"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.remove(u"DOCKER_HOST"_s);
    m_app.setProcessEnvironment(env);
    m_app.setProgram(QStringLiteral(STACKSCOPE_BINARY));
    m_app.setArguments({u"--config"_s, m_dir.filePath(u"config.yaml"_s)});
    m_app.setProcessChannelMode(QProcess::MergedChannels);
    m_app.start();
    return m_app.waitForStarted(5000);
}

void TestNotifyCrash::killApp()
{
    if (m_app.state() == QProcess::NotRunning)
        return;
    ::kill(pid_t(m_app.processId()), SIGKILL); // our own child, by pid
    m_app.waitForFinished(5000);
}

int TestNotifyCrash::answeredPolls()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_metricsPort);
    if (!socket.waitForConnected(500))
        return -1;
    socket.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray text;
    while (socket.waitForReadyRead(1000))
        text += socket.readAll();
    int sum = 0;
    static const QRegularExpression line(
        u"^stackscope_http_requests_total\\{([^}]*)\\} ([0-9.e+]+)$"_s,
        QRegularExpression::MultilineOption);
    auto it = line.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.captured(1).contains(u"alertmanager"_s) && m.captured(1).contains(u"code=\"200\""_s)
            && m.captured(1).contains(u"alerts"_s))
            sum += int(m.captured(2).toDouble());
    }
    return sum;
}

void TestNotifyCrash::killDuringPollsNeverRepeats()
{
    QVERIFY(startApp());
    QElapsedTimer clock;
    clock.start();
    // Every firing alert is notified once (4 < storm_threshold: one notification each).
    auto allNotifiedOnce = [this] {
        const QMap<QString, int> c = counts();
        for (const QString &name : std::as_const(m_alerts)) {
            if (c.value(name + u" (critical)"_s) != 1)
                return false;
        }
        return true;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(allNotifiedOnce(),
                              qPrintable(QString::fromUtf8(m_app.readAll()) + u"\ncalls: "_s
                                         + QString::fromUtf8(QJsonDocument(calls()).toJson())),
                              30000);
    qInfo("first notifications after %lld ms", clock.elapsed());

    int midPollKills = 0;
    int afterNotifyKills = 0;
    for (int round = 1; round <= 6; ++round) {
        if (round % 2 == 1) {
            // Kill while a poll is under way: the relay holds Alertmanager's answer 250 ms.
            bool passing = false;
            auto connection = connect(m_relay.get(), &HoldingRelay::requestPassing, this,
                                      [&passing] { passing = true; });
            QTRY_VERIFY_WITH_TIMEOUT(passing, 10000);
            disconnect(connection);
            QTest::qWait(int(QRandomGenerator::global()->bounded(240)));
            killApp();
            ++midPollKills;
        } else {
            // A new alert, and a kill the moment its notification arrives: right where the
            // state is saved.
            const QString name = u"CrashNew%1"_s.arg(round);
            m_alerts << name;
            QVERIFY(postAlert(name));
            QTRY_VERIFY_WITH_TIMEOUT(counts().value(name + u" (critical)"_s) >= 1, 15000);
            killApp();
            ++afterNotifyKills;
        }
        // Whatever moment it died at, the state file is whole.
        QFile state(statePath());
        QVERIFY2(state.open(QIODevice::ReadOnly), qPrintable(statePath()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(state.readAll(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value("version"_L1).toInt(), 1);

        QVERIFY(startApp());
        // Three more answered polls after the restart, then count.
        int polls = -1;
        QTRY_VERIFY_WITH_TIMEOUT((polls = answeredPolls()) >= 3, 30000);
        const QMap<QString, int> c = counts();
        for (const QString &name : std::as_const(m_alerts)) {
            QVERIFY2(c.value(name + u" (critical)"_s) == 1,
                     qPrintable(u"round %1: %2 notified %3 times"_s.arg(round).arg(name).arg(
                         c.value(name + u" (critical)"_s))));
        }
        int total = 0;
        for (int n : c)
            total += n;
        QCOMPARE(total, int(m_alerts.size())); // nothing else either (no storm summary)
    }
    qInfo("%d kills during a poll, %d right after a notification; %lld alerts, each notified "
          "exactly once",
          midPollKills, afterNotifyKills, qint64(m_alerts.size()));

    // Control: without its state file the same restart does notify again, so the counts above
    // can show a repeat when there is one.
    killApp();
    QVERIFY(QFile::remove(statePath()));
    QVERIFY(startApp());
    QTRY_VERIFY_WITH_TIMEOUT(counts().value(m_alerts.first() + u" (critical)"_s) == 2, 30000);
    killApp();
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--serve-notifications") == 0)
            return runFakeNotificationServer(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestNotifyCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notifycrash.moc"
