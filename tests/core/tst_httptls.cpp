// SPDX-License-Identifier: GPL-3.0-or-later
//
// The HTTP layer's TLS options against a real HTTPS peer (Python's ssl module; the certificate
// made by openssl) on loopback with a self-signed certificate: refused by default, accepted with
// the certificate as ca_file or with insecure_skip_verify.
#include "app/http/httpclient.h"
#include "tests/support/freeport.h"
#include "tests/support/printers.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

STACKSCOPE_PRINTABLE_ENUM(HttpError::Kind)

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestHttpTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;

    HttpResponse fetch(const EndpointConfig &endpoint)
    {
        HttpClient client(u"prometheus"_s, &m_network);
        client.setEndpoint(endpoint);
        std::optional<HttpResponse> result;
        QObject context;
        HttpRequest request;
        request.path = u"/"_s;
        client.send(request, &context, [&result](const HttpResponse &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            return {};
        return *result;
    }

    EndpointConfig endpoint() const
    {
        EndpointConfig e;
        e.url = QUrl(u"https://127.0.0.1:%1"_s.arg(m_port));
        e.timeout = std::chrono::seconds(5);
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty())
            QSKIP("openssl is not installed: no TLS peer to test against");
        QProcess req;
        req.setWorkingDirectory(m_dir.path());
        req.start(openssl,
                  {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                   u"key.pem"_s, u"-out"_s, u"cert.pem"_s, u"-days"_s, u"1"_s, u"-subj"_s,
                   u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        QVERIFY(req.waitForFinished(30000));
        QVERIFY2(req.exitCode() == 0, req.readAllStandardError().constData());

        m_port = Stackscope::Test::freeLoopbackPort();
        m_server.setWorkingDirectory(m_dir.path());
        const QString python = QStandardPaths::findExecutable(u"python3"_s);
        if (python.isEmpty())
            QSKIP("python3 is not installed: no HTTPS server to test against");
        m_server.start(python, {QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/tls/https_server.py"),
                                QString::number(m_port), m_dir.filePath(u"cert.pem"_s),
                                m_dir.filePath(u"key.pem"_s)});
        QVERIFY(m_server.waitForStarted());
        const bool listening = QTest::qWaitFor(
            [this] {
                QTcpSocket probe;
                probe.connectToHost(u"127.0.0.1"_s, m_port);
                return probe.waitForConnected(100);
            },
            10000);
        QVERIFY2(listening, m_server.readAllStandardError().constData());
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate(); // our own child, by its pid
            if (!m_server.waitForFinished(3000))
                m_server.kill();
        }
    }

    void selfSignedIsRefusedByDefault()
    {
        const HttpResponse r = fetch(endpoint());
        QCOMPARE(r.error.kind, HttpError::Kind::Tls);
        QVERIFY2(r.error.message.startsWith(u"TLS error at 127.0.0.1:%1: "_s.arg(m_port)),
                 qPrintable(r.error.message));
    }

    void caFileMakesItTrusted()
    {
        EndpointConfig e = endpoint();
        e.caFile = m_dir.filePath(u"cert.pem"_s);
        const HttpResponse r = fetch(e);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
        QCOMPARE(r.status, 200);
    }

    void insecureSkipVerifyAcceptsAnything()
    {
        EndpointConfig e = endpoint();
        e.insecureSkipVerify = true;
        const HttpResponse r = fetch(e);
        QVERIFY2(r.ok(), qPrintable(r.error.message));
    }

    void unreadableCaFileIsAConfigurationError()
    {
        EndpointConfig e = endpoint();
        e.caFile = m_dir.filePath(u"missing.pem"_s);
        const HttpResponse r = fetch(e);
        QCOMPARE(r.error.kind, HttpError::Kind::Config);
        QVERIFY2(r.error.message.contains(u"missing.pem"_s), qPrintable(r.error.message));
    }
};

QTEST_GUILESS_MAIN(TestHttpTls)
#include "tst_httptls.moc"
