// SPDX-License-Identifier: GPL-3.0-or-later
// The Stack page's error states without a real daemon: no socket, a socket nobody serves, a
// fake daemon that answers 500 or drops the event stream (reconnect), API version negotiation,
// and the banner's words (permission denied names the docker group).
#include "app/compose/stacksupervisor.h"
#include "app/docker/dockerclient.h"
#include "app/docker/unixsocketrequest.h"
#include "models/stack/servicemodel.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/logview.h"
#include "ui/stack/stackpage.h"

#include "tests/support/printers.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace Stackscope;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::HttpError::Kind)

namespace {

/// A daemon stand-in on a unix socket: answers each request with what `handler` returns; an
/// answer that ends with "\r\n\r\n" and has no length stays open until `dropAfterMs`.
class FakeDaemon : public QObject
{
public:
    struct Answer
    {
        QByteArray bytes;
        int dropAfterMs = 0; ///< 0 = close after writing
    };
    std::function<Answer(const QByteArray &path)> handler;
    QStringList paths;

    bool listen(const QString &path)
    {
        QLocalServer::removeServer(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                connect(s, &QLocalSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    const QByteArray path = buffer->split(' ').value(1);
                    paths << QString::fromLatin1(path);
                    const Answer a = handler(path);
                    s->write(a.bytes);
                    s->flush();
                    if (a.dropAfterMs > 0)
                        QTimer::singleShot(a.dropAfterMs, s, [s] { s->disconnectFromServer(); });
                    else
                        s->disconnectFromServer();
                });
                connect(s, &QLocalSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(path);
    }

private:
    QLocalServer m_server;
};

QByteArray ok(const QByteArray &body, const QByteArray &extra = {})
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra
           + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

Config configFor(const QString &host)
{
    Config c;
    c.stack.project = u"p"_s;
    c.stack.dockerHost = host;
    return c;
}

} // namespace

class TestStackErrors : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingSocket();
    void socketNobodyServes();
    void daemonAnswers500();
    void negotiatesVersionAndReconnectsWhenEventsDrop();
    void bannerWords();
    void tcpEndpoint();
    void showLogsAsksForTheServicesLogs();
    void composeRunFailsWithExitCodeAndLastLines();
    void composeRunCancelled();
    void composeMissing();
};

void TestStackErrors::missingSocket()
{
    QTemporaryDir dir;
    StackSupervisor s;
    s.setConfig(configFor(u"unix://"_s + dir.filePath(u"docker.sock"_s)));
    s.start();
    QTRY_COMPARE(s.connection(), StackSupervisor::Connection::Failed);
    QVERIFY2(s.connectionError().message.contains(u"docker.sock"_s),
             qPrintable(s.connectionError().message));
    QVERIFY(!s.connectionError().hint.isEmpty());
    QVERIFY(!s.allGood());
    // It recovers by itself when the daemon appears.
    FakeDaemon fake;
    fake.handler = [](const QByteArray &path) -> FakeDaemon::Answer {
        if (path.endsWith("/_ping"))
            return {ok("OK", "Api-Version: 1.41\r\n")};
        if (path.contains("/events"))
            return {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n",
                    60000};
        return {ok("[]")};
    };
    QVERIFY(fake.listen(dir.filePath(u"docker.sock"_s)));
    QTRY_VERIFY_WITH_TIMEOUT(
        s.connection() == StackSupervisor::Connection::Connected && s.hasSnapshot(), 8000);
}

void TestStackErrors::socketNobodyServes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"docker.sock"_s);
    QFile f(path); // a file where the socket should be: connecting is refused
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    StackSupervisor s;
    s.setConfig(configFor(u"unix://"_s + path));
    s.start();
    QTRY_COMPARE(s.connection(), StackSupervisor::Connection::Failed);
    QVERIFY2(s.connectionError().message.contains(path), qPrintable(s.connectionError().message));
}

void TestStackErrors::daemonAnswers500()
{
    QTemporaryDir dir;
    FakeDaemon fake;
    fake.handler = [](const QByteArray &) -> FakeDaemon::Answer {
        const QByteArray body = "{\"message\":\"daemon is shutting down\"}";
        return {"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                "Content-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body};
    };
    QVERIFY(fake.listen(dir.filePath(u"d.sock"_s)));
    StackSupervisor s;
    s.setConfig(configFor(u"unix://"_s + dir.filePath(u"d.sock"_s)));
    s.start();
    QTRY_COMPARE(s.connection(), StackSupervisor::Connection::Failed);
    QVERIFY2(s.connectionError().message.contains(u"HTTP 500"_s),
             qPrintable(s.connectionError().message));
    QVERIFY(s.connectionError().message.contains(u"daemon is shutting down"_s));
}

void TestStackErrors::negotiatesVersionAndReconnectsWhenEventsDrop()
{
    QTemporaryDir dir;
    FakeDaemon fake;
    int events = 0;
    fake.handler = [&events](const QByteArray &path) -> FakeDaemon::Answer {
        if (path == "/_ping")
            return {ok("OK", "Api-Version: 1.47\r\nServer: Docker/27.0.0 (linux)\r\n")};
        if (path.contains("/events")) {
            // The first stream drops after a moment, as when the daemon restarts.
            ++events;
            return {"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n",
                    events == 1 ? 300 : 60000};
        }
        if (path.contains("/containers/json"))
            return {ok("[]")};
        return {"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"};
    };
    QVERIFY(fake.listen(dir.filePath(u"d.sock"_s)));
    StackSupervisor s;
    bool sawFailure = false;
    connect(&s, &StackSupervisor::connectionChanged, this, [&] {
        sawFailure = sawFailure || s.connection() == StackSupervisor::Connection::Failed;
    });
    s.setConfig(configFor(u"unix://"_s + dir.filePath(u"d.sock"_s)));
    s.start();
    QTRY_VERIFY(s.hasSnapshot());
    QCOMPARE(s.client()->apiVersion(), u"1.47"_s);
    QVERIFY(s.daemonDescription().contains(u"Docker/27.0.0"_s));
    QVERIFY(fake.paths.contains(u"/v1.47/containers/json?all=1&"_s
                                + QString::fromLatin1(DockerClient::projectFilter(u"p"_s))));
    QTRY_VERIFY_WITH_TIMEOUT(
        events >= 2 && s.connection() == StackSupervisor::Connection::Connected, 8000);
    QVERIFY(sawFailure); // the drop was reported, then healed
    QVERIFY(fake.paths.count(u"/_ping"_s) >= 2);
}

void TestStackErrors::bannerWords()
{
    const HttpError denied = UnixSocketRequest::socketError(QLocalSocket::SocketAccessError,
                                                            u"/var/run/docker.sock"_s, {});
    QVERIFY(denied.message.contains(u"permission denied"_s));
    QVERIFY(denied.hint.contains(u"'docker' group"_s));
    ServiceModel model;
    StackPage page(&model);
    page.setConnectionProblem(denied.message, denied.hint);
    QVERIFY(page.bannerText().contains(u"docker' group"_s));
    QVERIFY(!page.findChild<QPushButton *>(u"startStack"_s)->isEnabled());
    page.setConnectionProblem({}, {});
    QVERIFY(page.bannerText().isEmpty());
}

void TestStackErrors::showLogsAsksForTheServicesLogs()
{
    // Other pages link to a service's logs through StackPage::showLogs, never by a click.
    ServiceStatus web;
    web.service = u"web"_s;
    web.declared = true;
    web.container.id = u"c0ffee"_s;
    web.container.state = u"running"_s;
    ServiceStatus db;
    db.service = u"db"_s;
    db.declared = true; // no container yet
    ServiceModel model;
    model.setServices({web, db});
    StackPage page(&model);
    auto *tabs = page.findChild<QTabWidget *>(u"stackTabs"_s);
    QVERIFY(tabs);
    QSignalSpy requested(&page, &StackPage::logsRequested);

    page.showLogs(u"web"_s);
    QCOMPARE(page.selectedService(), u"web"_s);
    QCOMPARE(requested.count(), 0); // Docker cannot be reached: selected only
    page.setConnected(true);
    page.showLogs(u"db"_s);
    QCOMPARE(page.selectedService(), u"db"_s);
    QCOMPARE(requested.count(), 0); // nothing to read yet
    page.showLogs(u"nosuch"_s);
    QCOMPARE(page.selectedService(), u"db"_s);
    QCOMPARE(requested.count(), 0); // not the logs of the service selected before

    page.showLogs(u"web"_s);
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), u"web"_s);
    QCOMPARE(page.logView()->service(), u"web"_s);
    QCOMPARE(tabs->currentWidget(), page.logView());

    // The Logs button does the same for the selected service.
    page.showOutputTab();
    auto *logs = page.findChild<QPushButton *>(u"serviceLogs"_s);
    QVERIFY(logs && logs->isEnabled());
    QTest::mouseClick(logs, Qt::LeftButton);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(tabs->currentWidget(), page.logView());
}

void TestStackErrors::composeRunFailsWithExitCodeAndLastLines()
{
    ComposeRunner runner;
    QStringList lines;
    connect(&runner, &ComposeRunner::outputLine, this, [&](const QString &l) { lines << l; });
    std::optional<ComposeRunner::Result> result;
    connect(&runner, &ComposeRunner::finished, this,
            [&](const ComposeRunner::Result &r) { result = r; });
    // Argument lists, never a shell: the quote and the semicolon stay one literal argument.
    QVERIFY(runner.run(u"/bin/sh"_s,
                       {u"-c"_s,
                        u"for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 "
                        "22; do echo line $i; done; echo \"$0\" >&2; exit 7"_s,
                        u"it's; not a command"_s},
                       u"up"_s));
    QVERIFY(!runner.run(u"/bin/true"_s, {}, u"again"_s)); // one run at a time
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->exitCode, 7);
    QVERIFY(!result->ok());
    QVERIFY(!result->cancelled);
    QCOMPARE(result->lastLines.size(), 20);
    QCOMPARE(result->lastLines.last(), u"it's; not a command"_s);
    QCOMPARE(lines.size(), 23);

    ComposeProgressPanel panel;
    panel.begin(runner.commandLine());
    panel.end(false, false, u"compose up exited with code 7."_s, result->lastLines);
    QVERIFY(panel.resultText().contains(u"code 7"_s));
    QVERIFY(panel.resultText().contains(u"it's; not a command"_s));
}

void TestStackErrors::composeRunCancelled()
{
    ComposeRunner runner;
    std::optional<ComposeRunner::Result> result;
    connect(&runner, &ComposeRunner::finished, this,
            [&](const ComposeRunner::Result &r) { result = r; });
    bool started = false;
    connect(&runner, &ComposeRunner::outputLine, this, [&] { started = true; });
    QVERIFY(runner.run(u"/bin/sh"_s, {u"-c"_s, u"echo waiting; sleep 30"_s}, u"up"_s));
    QTRY_VERIFY(started);
    QElapsedTimer clock;
    clock.start();
    runner.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
    QVERIFY(result->cancelled);
    QVERIFY(!result->ok());
    QVERIFY(clock.elapsed() < 4000);
    QVERIFY(!runner.isRunning());
}

void TestStackErrors::composeMissing()
{
    Config c = configFor(u"unix:///nonexistent/docker.sock"_s);
    c.stack.composeCommand = {u"no-such-compose-program"_s};
    StackSupervisor s;
    s.setConfig(c);
    std::optional<ComposeRunner::Result> result;
    connect(&s, &StackSupervisor::composeFinished, this,
            [&](const ComposeRunner::Result &r) { result = r; });
    QVERIFY(!s.runCompose(ComposeCommand::Action::Up));
    QVERIFY(result.has_value());
    QVERIFY(result->failedToStart);
    QVERIFY(result->error.contains(u"no-such-compose-program"_s));
}

void TestStackErrors::tcpEndpoint()
{
    // tcp:// (plain here; TLS takes DOCKER_CERT_PATH's ca.pem, cert.pem and key.pem).
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QByteArray seen;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, &seen] {
            seen += s->readAll();
            if (!seen.contains("\r\n\r\n"))
                return;
            s->write(ok("OK", "Api-Version: 1.44\r\n"));
            s->disconnectFromHost();
        });
    });
    DockerEndpoint endpoint;
    endpoint.host = u"tcp://127.0.0.1:%1"_s.arg(server.serverPort());
    DockerClient client;
    client.setEndpoint(endpoint);
    bool done = false;
    HttpResponse response;
    client.ping(this, [&](const HttpResponse &r) {
        response = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QVERIFY2(response.ok(), qPrintable(response.error.message));
    QCOMPARE(client.apiVersion(), u"1.44"_s);
    QVERIFY(seen.startsWith("GET /_ping HTTP/1.1\r\nHost: docker\r\n"));
    QCOMPARE(client.versioned("/events"), QByteArray("/v1.44/events"));

    // Nothing listening: refused, said plainly.
    const quint16 port = server.serverPort();
    server.close();
    endpoint.host = u"tcp://127.0.0.1:%1"_s.arg(port);
    client.setEndpoint(endpoint);
    done = false;
    client.ping(this, [&](const HttpResponse &r) {
        response = r;
        done = true;
    });
    QTRY_VERIFY(done);
    QCOMPARE(response.error.kind, HttpError::Kind::Refused);
}

QTEST_MAIN(TestStackErrors)
#include "tst_stackerrors.moc"
