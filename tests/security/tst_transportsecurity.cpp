// SPDX-License-Identifier: GPL-3.0-or-later
// TLS, secrets and the self-metrics listener:
// - against a real TLS server (QSslServer with a certificate made by openssl for 127.0.0.1)
//   a request fails as a TLS error by default, passes with the certificate as ca_file, and
//   passes with insecure_skip_verify only, per endpoint; the status bar says when it is off;
// - the secret from the environment reaches the server's Authorization header but never a log
//   line (a message handler with every category on), /metrics, the configuration file after
//   first run and a settings save, or any file under the test's HOME;
// - the self-metrics exposer listens on loopback by default: reachable at 127.0.0.1, refused
//   at the machine's other addresses (when it has one); bound to 0.0.0.0 only when configured.
#include "app/config/configloader.h"
#include "app/config/configmanager.h"
#include "app/http/httpclient.h"
#include "app/selfmetrics/selfmetrics.h"
#include "models/backendstatusmodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/freeport.h"
#include "ui/backendstatusbar.h"
#include "ui/settingsdialog.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QProcess>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using namespace Stackscope::Test;

namespace {

QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages << message;
    if (g_previous && type != QtDebugMsg)
        g_previous(type, context, message);
}

/// A loopback HTTPS server answering every request with 200 and a small JSON body.
class TlsServer : public QObject
{
public:
    bool start(const QString &certPath, const QString &keyPath)
    {
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
        ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(ssl);
        connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    const QByteArray request = socket->readAll();
                    if (!request.contains("\r\n\r\n"))
                        return;
                    const QByteArray body = "{\"status\":\"success\",\"data\":[]}";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Connection: close\r\nContent-Length: "
                                  + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        connect(&m_server, &QSslServer::errorOccurred, this,
                [](QSslSocket *, QAbstractSocket::SocketError) {});
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QSslServer m_server;
};

HttpResponse fetch(HttpClient *client)
{
    HttpResponse out;
    out.error.kind = HttpError::Kind::Network;
    out.error.message = u"the test waited 15 s for an answer"_s;
    bool done = false;
    QObject context;
    client->get(u"/api/v1/status/buildinfo"_s, &context, [&](const HttpResponse &r) {
        out = r;
        done = true;
    });
    QElapsedTimer clock;
    clock.start();
    while (!done && clock.elapsed() < 15000)
        QTest::qWait(10);
    return out;
}

QString nonLoopbackIPv4()
{
    for (const QHostAddress &a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a.toString();
    }
    return {};
}

/// True when a TCP connection to host:port is accepted within 2 s.
bool accepts(const QString &host, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    const bool ok = socket.waitForConnected(2000);
    socket.abort();
    return ok;
}

QByteArray httpGet(const QString &host, quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(host, port);
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + host.toLatin1()
                 + "\r\nConnection: close\r\n\r\n");
    QByteArray all;
    while (socket.waitForReadyRead(3000))
        all += socket.readAll();
    return all;
}

} // namespace

class TestTransportSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void tlsVerifiedByDefault();
    void caFileTrustsTheServer();
    void insecureSkipVerifyIsPerEndpoint();
    void statusBarShowsUnverifiedTls();
    void secretsNeverLoggedNorWritten();
    void selfMetricsOnLoopbackByDefault();

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    std::unique_ptr<TlsServer> m_tls;
    QNetworkAccessManager m_network;
};

void TestTransportSecurity::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cert = m_dir.filePath(u"cert.pem"_s);
    m_key = m_dir.filePath(u"key.pem"_s);
    const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
    if (openssl.isEmpty() || !QSslSocket::supportsSsl())
        return; // the TLS tests skip, saying so
    QProcess p;
    p.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                      m_key, u"-out"_s, m_cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                      u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(p.waitForFinished(30000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    m_tls = std::make_unique<TlsServer>();
    QVERIFY(m_tls->start(m_cert, m_key));
}

void TestTransportSecurity::tlsVerifiedByDefault()
{
    if (!m_tls)
        QSKIP("openssl (the program) or TLS support in Qt is missing");
    EndpointConfig e;
    QVERIFY(!e.insecureSkipVerify); // the default
    e.url = QUrl(u"https://127.0.0.1:%1"_s.arg(m_tls->port()));
    HttpClient client(u"prometheus"_s, &m_network);
    client.setEndpoint(e);
    const HttpResponse r = fetch(&client);
    QVERIFY2(r.error.kind == HttpError::Kind::Tls,
             qPrintable(u"expected a TLS error, got: "_s + r.error.message));
    QVERIFY(r.body.isEmpty());

    // The bundled default configuration verifies every endpoint.
    const Config defaults = defaultConfig(m_dir.filePath(u"stack"_s));
    QVERIFY(!defaults.prometheus.insecureSkipVerify);
    QVERIFY(!defaults.jaeger.insecureSkipVerify);
    for (const EndpointConfig &am : defaults.alertmanagers)
        QVERIFY(!am.insecureSkipVerify);
}

void TestTransportSecurity::caFileTrustsTheServer()
{
    if (!m_tls)
        QSKIP("openssl (the program) or TLS support in Qt is missing");
    EndpointConfig e;
    e.url = QUrl(u"https://127.0.0.1:%1"_s.arg(m_tls->port()));
    e.caFile = m_cert;
    HttpClient client(u"prometheus"_s, &m_network);
    client.setEndpoint(e);
    const HttpResponse r = fetch(&client);
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.status, 200);
}

void TestTransportSecurity::insecureSkipVerifyIsPerEndpoint()
{
    if (!m_tls)
        QSKIP("openssl (the program) or TLS support in Qt is missing");
    const QByteArray yaml = u"version: 1\n"
                            "endpoints:\n"
                            "  prometheus:\n"
                            "    url: https://127.0.0.1:%1\n"
                            "    insecure_skip_verify: true\n"
                            "  alertmanagers:\n"
                            "    - url: https://127.0.0.1:%1\n"
                            "  jaeger:\n"
                            "    url: https://127.0.0.1:%1\n"_s.arg(m_tls->port())
                                .toUtf8();
    const ConfigLoadResult parsed = parseConfig(yaml, m_dir.path(), m_dir.filePath(u"stack"_s));
    QVERIFY(parsed.ok());
    QVERIFY(parsed.config.prometheus.insecureSkipVerify);
    QVERIFY(!parsed.config.alertmanagers.value(0).insecureSkipVerify);
    QVERIFY(!parsed.config.jaeger.insecureSkipVerify);

    HttpClient prometheus(u"prometheus"_s, &m_network);
    prometheus.setEndpoint(parsed.config.prometheus);
    const HttpResponse skipped = fetch(&prometheus);
    QVERIFY2(skipped.ok(), qPrintable(skipped.error.message));

    HttpClient alertmanager(u"alertmanager"_s, &m_network);
    alertmanager.setEndpoint(parsed.config.alertmanagers.value(0));
    QCOMPARE(fetch(&alertmanager).error.kind, HttpError::Kind::Tls);
    HttpClient jaeger(u"jaeger"_s, &m_network);
    jaeger.setEndpoint(parsed.config.jaeger);
    QCOMPARE(fetch(&jaeger).error.kind, HttpError::Kind::Tls);

    // Turned off again, the same client verifies again.
    EndpointConfig verified = parsed.config.prometheus;
    verified.insecureSkipVerify = false;
    prometheus.setEndpoint(verified);
    QCOMPARE(fetch(&prometheus).error.kind, HttpError::Kind::Tls);

    QCOMPARE(BackendStatusBar::unverifiedTlsBackends(parsed.config), QStringList{u"prometheus"_s});
}

void TestTransportSecurity::statusBarShowsUnverifiedTls()
{
    BackendStatusModel model;
    for (const QString &id : {u"prometheus"_s, u"jaeger"_s}) {
        BackendStatus s;
        s.id = id;
        s.displayName = id == u"jaeger"_s ? u"Jaeger"_s : u"Prometheus"_s;
        s.endpoint = u"https://127.0.0.1:1"_s;
        s.state = BackendStatus::State::Up;
        model.update(s);
    }
    BackendStatusBar bar(&model);
    bar.resize(1600, 30);
    auto plain = [](QLabel *label) {
        QTextDocument doc;
        doc.setHtml(label->text());
        return doc.toPlainText();
    };
    QVERIFY(!plain(bar.indicator(u"prometheus"_s)).contains(u"TLS"_s));
    QVERIFY(!bar.indicator(u"prometheus"_s)->toolTip().contains(u"NOT verified"_s));

    Config config;
    config.prometheus.url = QUrl(u"https://127.0.0.1:1"_s);
    config.prometheus.insecureSkipVerify = true;
    config.jaeger.url = QUrl(u"http://127.0.0.1:2"_s);
    config.jaeger.insecureSkipVerify = true; // plain http: nothing to verify, nothing to show
    bar.setUnverifiedTls(BackendStatusBar::unverifiedTlsBackends(config));
    QVERIFY2(plain(bar.indicator(u"prometheus"_s)).contains(u"TLS unverified"_s),
             qPrintable(plain(bar.indicator(u"prometheus"_s))));
    QVERIFY(bar.indicator(u"prometheus"_s)->toolTip().contains(u"NOT verified"_s));
    QVERIFY(!plain(bar.indicator(u"jaeger"_s)).contains(u"TLS"_s));

    // A rebuilt row (an Alertmanager added) keeps the marker; turned off, it goes.
    BackendStatus am;
    am.id = u"alertmanager-0"_s;
    am.displayName = u"Alertmanager"_s;
    model.update(am);
    QVERIFY(plain(bar.indicator(u"prometheus"_s)).contains(u"TLS unverified"_s));
    bar.setUnverifiedTls({});
    QVERIFY(!plain(bar.indicator(u"prometheus"_s)).contains(u"TLS"_s));
}

void TestTransportSecurity::secretsNeverLoggedNorWritten()
{
    const QByteArray secret = "s3cr3t-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    const QByteArray basic = QByteArray("admin:" + secret).toBase64();
    qputenv("STACKSCOPE_TEST_TOKEN", secret);
    qputenv("STACKSCOPE_TEST_PASSWORD", secret);
    QTemporaryDir home;
    QVERIFY(home.isValid());

    g_messages.clear();
    QLoggingCategory::setFilterRules(u"*.debug=true\nqt.*.debug=false"_s);
    g_previous = qInstallMessageHandler(recordMessage);

    // Requests with the secret, answered and failing in every way a server can.
    FaultServer server;
    QVERIFY(server.listen());
    server.setRoute("GET", u"/ok"_s, FaultServer::json("{}"));
    server.setRoute("GET", u"/500"_s, FaultServer::text("boom", 500));
    server.setRoute("GET", u"/html"_s, FaultServer::html("<html>x</html>"));
    SelfMetrics metrics;
    EndpointConfig bearer;
    bearer.url = server.url();
    bearer.auth.type = AuthConfig::Type::Bearer;
    bearer.auth.secretEnv = u"STACKSCOPE_TEST_TOKEN"_s;
    EndpointConfig basicAuth = bearer;
    basicAuth.auth.type = AuthConfig::Type::Basic;
    basicAuth.auth.username = u"admin"_s;
    basicAuth.auth.secretEnv = u"STACKSCOPE_TEST_PASSWORD"_s;
    EndpointConfig refused = bearer;
    refused.url = QUrl(u"http://127.0.0.1:%1"_s.arg(freeLoopbackPort()));
    for (const EndpointConfig &e : {bearer, basicAuth, refused}) {
        HttpClient client(u"prometheus"_s, &m_network);
        client.setEndpoint(e);
        connect(&client, &HttpClient::requestFinished, &metrics, &SelfMetrics::recordRequest);
        for (const QString &path : {u"/ok"_s, u"/500"_s, u"/html"_s}) {
            bool done = false;
            QObject context;
            HttpRequest request;
            request.path = path;
            client.send(request, &context, [&](const HttpResponse &r) {
                g_messages << r.error.message; // what the UI would show
                done = true;
            });
            QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        }
    }
    // The server did get it: the test can see a leak when there is one.
    bool sawBearer = false;
    bool sawBasic = false;
    for (const FaultRequest &r : server.requests()) {
        sawBearer = sawBearer || r.header("authorization") == "Bearer " + secret;
        sawBasic = sawBasic || r.header("authorization") == "Basic " + basic;
    }
    QVERIFY(sawBearer && sawBasic);

    // First run writes the configuration; the settings dialog saves an edit to it.
    const QString configPath = home.filePath(u"config/stackscope/config.yaml"_s);
    {
        ConfigManager manager(configPath, home.filePath(u"data/stack"_s));
        manager.start();
        QVERIFY(QFile::exists(configPath));
        QFile f(configPath);
        QVERIFY(f.open(QIODevice::ReadWrite | QIODevice::Append));
        f.write("# auth for the test\n");
        f.close();
        QByteArray text;
        {
            QFile r(configPath);
            QVERIFY(r.open(QIODevice::ReadOnly));
            text = r.readAll();
        }
        text.replace("    url: http://127.0.0.1:9091\n",
                     "    url: http://127.0.0.1:9091\n"
                     "    auth: {type: bearer, secret_env: STACKSCOPE_TEST_TOKEN}\n");
        {
            QFile w(configPath);
            QVERIFY(w.open(QIODevice::WriteOnly | QIODevice::Truncate));
            w.write(text);
        }
        manager.reload();
        QVERIFY2(manager.problems().isEmpty(), qPrintable(manager.problems().value(0).message));
        QCOMPARE(manager.config().prometheus.auth.secretEnv, u"STACKSCOPE_TEST_TOKEN"_s);
        SettingsDialog dialog(manager.config(), false);
        const QList<ConfigEdit> edits = dialog.edits();
        for (const ConfigEdit &edit : edits)
            QVERIFY(!edit.value.toString().toUtf8().contains(secret));
        QList<ConfigEdit> change = edits;
        change << ConfigEdit{{u"refresh"_s, u"alerts"_s}, u"20s"_s};
        QList<ConfigProblem> problems;
        QString error;
        QVERIFY2(manager.saveEdits(change, &problems, &error), qPrintable(error));
    }

    qInstallMessageHandler(g_previous);
    QLoggingCategory::setFilterRules(QString());

    QStringList leaks;
    for (const QString &m : std::as_const(g_messages)) {
        if (m.toUtf8().contains(secret) || m.toUtf8().contains(basic))
            leaks << u"log: "_s + m;
    }
    const QByteArray scraped = metrics.scrape();
    if (scraped.contains(secret) || scraped.contains(basic))
        leaks << u"/metrics"_s;
    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        ++files;
        const QByteArray content = f.readAll();
        if (content.contains(secret) || content.contains(basic))
            leaks << u"file: "_s + f.fileName();
    }
    QVERIFY(files >= 1);
    QVERIFY2(g_messages.size() >= 9, "the message handler saw nothing: the test cannot fail");
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
    // The configuration names the variable, never its value.
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::ReadOnly));
    const QByteArray saved = config.readAll();
    QVERIFY(saved.contains("secret_env: STACKSCOPE_TEST_TOKEN"));
    QVERIFY(saved.contains("20s"));
}

void TestTransportSecurity::selfMetricsOnLoopbackByDefault()
{
    const Config defaults = defaultConfig(m_dir.filePath(u"stack"_s));
    QVERIFY(defaults.selfMetrics.enabled);
    const QString listen = defaults.selfMetrics.listen;
    const QString host = listen.left(listen.lastIndexOf(u':'));
    QVERIFY2(QHostAddress(host).isLoopback(), qPrintable(listen));
    QCOMPARE(SelfMetricsConfig().listen, listen); // the compiled-in default too

    // The default host on a free port (the default port may be taken by a running Stackscope).
    const quint16 port = freeLoopbackPort();
    SelfMetrics metrics;
    QVERIFY2(metrics.listen(u"%1:%2"_s.arg(host).arg(port)), qPrintable(metrics.errorString()));
    QVERIFY(httpGet(u"127.0.0.1"_s, port, "/metrics").contains("stackscope_build_info"));
    const QString other = nonLoopbackIPv4();
    if (other.isEmpty())
        QSKIP("the machine has no non-loopback IPv4 address to try the listener from");
    QVERIFY2(
        !accepts(other, port),
        qPrintable(
            u"/metrics answered at %1:%2 though it listens on loopback"_s.arg(other).arg(port)));

    // Configured for every address it is reachable there: the check above can fail.
    metrics.stopListening();
    const quint16 open = freeLoopbackPort();
    QVERIFY2(metrics.listen(u"0.0.0.0:%1"_s.arg(open)), qPrintable(metrics.errorString()));
    QVERIFY(accepts(other, open));
}

QTEST_MAIN(TestTransportSecurity)
#include "tst_transportsecurity.moc"
