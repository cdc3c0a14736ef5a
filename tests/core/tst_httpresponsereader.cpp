// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/httpresponsereader.h"

#include <QTest>

using Stackscope::HttpResponseReader;

class TestHttpResponseReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("closeAtEnd");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("error");

        QTest::newRow("content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK")
            << false << 200 << QByteArray("OK") << false;
        QTest::newRow("chunked with extension and trailer") << QByteArray(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n "
            "world\r\n0\r\nX-Trailer: 1\r\n\r\n") << false << 200
                                                            << QByteArray("hello world") << false;
        QTest::newRow("close-delimited") << QByteArray("HTTP/1.0 200 OK\r\n\r\nuntil close") << true
                                         << 200 << QByteArray("until close") << false;
        QTest::newRow("204 no body") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false
                                     << 204 << QByteArray() << false;
        QTest::newRow("100 continue then 404")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: "
                          "9\r\n\r\nnot found")
            << false << 404 << QByteArray("not found") << false;
        QTest::newRow("no trailing CRLF after headers, then close")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n") << true << 200 << QByteArray()
            << true;
        QTest::newRow("truncated content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true << 200
            << QByteArray("abc") << true;
        QTest::newRow("truncated chunk")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\r\nabc") << true
            << 200 << QByteArray("abc") << true;
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << false << 0
                                  << QByteArray() << true;
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
            << 200 << QByteArray() << true;
        QTest::newRow("negative length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << 200
            << QByteArray() << true;
        QTest::newRow("over the limit")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 999999\r\n\r\n") << false << 200
            << QByteArray() << true;
    }

    void reads()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, closeAtEnd);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, error);

        // Whole, and split at every byte boundary: the answer must be the same.
        for (qsizetype split = 0; split <= wire.size(); ++split) {
            HttpResponseReader reader(1024);
            reader.feed(wire.left(split));
            reader.feed(wire.mid(split));
            if (closeAtEnd)
                reader.finishOnClose();
            QCOMPARE(reader.hasError(), error);
            QCOMPARE(reader.status(), status);
            if (!error || !body.isEmpty())
                QCOMPARE(reader.body(), body);
            if (!error)
                QVERIFY(reader.isDone());
        }
    }

    void oneByteAtATime()
    {
        const QByteArray wire(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/plain\r\n\r\n"
            "3\r\nabc\r\n0\r\n\r\n");
        HttpResponseReader reader;
        for (char c : wire)
            QVERIFY(reader.feed(QByteArray(1, c)));
        QVERIFY(reader.isDone());
        QCOMPARE(reader.body(), QByteArray("abc"));
        QCOMPARE(reader.header("content-type"), QByteArray("text/plain"));
    }
};

QTEST_GUILESS_MAIN(TestHttpResponseReader)
#include "tst_httpresponsereader.moc"
