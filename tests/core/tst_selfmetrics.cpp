// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/selfmetrics/selfmetrics.h"
#include "tests/support/freeport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestSelfMetrics : public QObject
{
    Q_OBJECT

    static QByteArray fetch(const QUrl &url, int *status)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        const bool done = QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
        *status = done ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
        const QByteArray body = reply->readAll();
        delete reply;
        return body;
    }

private Q_SLOTS:
    void servesWhatWasRecorded()
    {
        SelfMetrics metrics;
        const quint16 port = Stackscope::Test::freeLoopbackPort();
        const QString address = u"127.0.0.1:%1"_s.arg(port);
        QVERIFY2(metrics.listen(address), qPrintable(metrics.errorString()));
        QVERIFY(metrics.isListening());

        metrics.recordRequest(
            {u"prometheus"_s, u"/api/v1/status/buildinfo"_s, 200, HttpError::Kind::None, 0.012});
        metrics.recordRequest(
            {u"prometheus"_s, u"/api/v1/status/buildinfo"_s, 0, HttpError::Kind::Refused, 0.001});
        metrics.recordRequest(
            {u"jaeger"_s, u"/api/services"_s, 200, HttpError::Kind::UnexpectedBody, 0.2});
        metrics.recordRequest(
            {u"jaeger"_s, u"/api/services"_s, 0, HttpError::Kind::Cancelled, 0.2});
        metrics.recordPollCycle(u"prometheus"_s, true);
        metrics.recordPollCycle(u"prometheus"_s, false);
        metrics.setBackendUp(u"prometheus"_s, false);

        int status = 0;
        const QByteArray body = fetch(QUrl(u"http://%1/metrics"_s.arg(address)), &status);
        QCOMPARE(status, 200);
        const QString text = QString::fromUtf8(body);
        const QStringList expected{
            u"stackscope_http_requests_total{backend=\"prometheus\",code=\"200\",endpoint=\"/api/v1/status/buildinfo\"} 1"_s,
            u"stackscope_http_requests_total{backend=\"prometheus\",code=\"0\",endpoint=\"/api/v1/status/buildinfo\"} 1"_s,
            u"stackscope_http_errors_total{backend=\"prometheus\",class=\"refused\"} 1"_s,
            u"stackscope_http_errors_total{backend=\"jaeger\",class=\"unexpected_body\"} 1"_s,
            u"stackscope_http_request_duration_seconds_bucket{backend=\"prometheus\",endpoint=\"/api/v1/status/buildinfo\",le=\"0.025\"} 2"_s,
            u"stackscope_poll_cycles_total{backend=\"prometheus\",outcome=\"ok\"} 1"_s,
            u"stackscope_poll_cycles_total{backend=\"prometheus\",outcome=\"error\"} 1"_s,
            u"stackscope_backend_up{backend=\"prometheus\"} 0"_s,
            u"stackscope_build_info{qt=\""_s,
        };
        for (const QString &line : expected)
            QVERIFY2(text.contains(line), qPrintable(u"missing: "_s + line + u"\n"_s + text));
        // A request we cancelled ourselves is not the backend's failure.
        QVERIFY(!text.contains(u"class=\"cancelled\""_s));
        QCOMPARE(metrics.scrape().contains("stackscope_http_requests_total"), true);
    }

    void busyAddressIsReportedNotFatal()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const QString address = u"127.0.0.1:%1"_s.arg(squatter.serverPort());
        SelfMetrics metrics;
        QVERIFY(!metrics.listen(address));
        QVERIFY(!metrics.isListening());
        QVERIFY2(metrics.errorString().contains(address), qPrintable(metrics.errorString()));
        metrics.recordPollCycle(u"docker"_s, true); // recording still works
        QVERIFY(metrics.scrape().contains("stackscope_poll_cycles_total{backend=\"docker\""));
    }

    void stopsServing()
    {
        SelfMetrics metrics;
        const QString address = u"127.0.0.1:%1"_s.arg(Stackscope::Test::freeLoopbackPort());
        QVERIFY(metrics.listen(address));
        metrics.stopListening();
        int status = -1;
        fetch(QUrl(u"http://%1/metrics"_s.arg(address)), &status);
        QCOMPARE(status, 0);
    }
};

QTEST_GUILESS_MAIN(TestSelfMetrics)
#include "tst_selfmetrics.moc"
