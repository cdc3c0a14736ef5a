// SPDX-License-Identifier: GPL-3.0-or-later
// The stack feature's readers: Docker Engine API answers, the log frame decoder, compose files
// and the compose command lines.
#include "app/compose/composecommand.h"
#include "app/compose/composefile.h"
#include "app/docker/dockerclient.h"
#include "app/docker/dockerjson.h"
#include "app/docker/dockerlogdecoder.h"
#include "tests/support/fixtures.h"

#include "tests/support/printers.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::ComposeCommand::Flavor)

namespace {

QByteArray fixture(const char *name)
{
    return Stackscope::Test::testData(u"stack/"_s + QLatin1StringView(name));
}

QByteArray regression(const char *name)
{
    QFile f(QStringLiteral(STACKSCOPE_SOURCE_DIR "/tests/fuzz/regressions/")
            + QLatin1StringView(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fuzz regression input %s", name);
    return f.readAll();
}

QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray h(8, '\0');
    h[0] = char(stream);
    const quint32 n = quint32(payload.size());
    h[4] = char((n >> 24) & 0xff);
    h[5] = char((n >> 16) & 0xff);
    h[6] = char((n >> 8) & 0xff);
    h[7] = char(n & 0xff);
    return h + payload;
}

void writeScript(const QString &path, const QByteArray &body)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace

class TestStackParsers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void containerList_data();
    void containerList();
    void inspect_data();
    void inspect();
    void event_data();
    void event();
    void stats_data();
    void stats();
    void time_data();
    void time();
    void logFrames_data();
    void logFrames();
    void logFramesSplitAnywhere();
    void logLongLineBounded_data();
    void logLongLineBounded();
    void logLongLinePieces();
    void logLongLineSplitAnywhere();
    void logHugeFrameBounded();
    void fuzzRegressions();
    void composeFile_data();
    void composeFile();
    void composeFileMerge();
    void composeArguments_data();
    void composeArguments();
    void composeVersion_data();
    void composeVersion();
    void composeDetect_data();
    void composeDetect();
    void projectFilter();
};

void TestStackParsers::containerList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("firstService");
    QTest::addColumn<QString>("firstState");
    QTest::addColumn<int>("firstExit");

    QTest::newRow("real daemon 20.10")
        << fixture("containers.json") << true << 3 << u"crash"_s << u"exited"_s << 3;
    QTest::newRow("empty array") << QByteArray("[]") << true << 0 << QString() << QString() << 0;
    QTest::newRow("html from a proxy")
        << QByteArray("<html><body>502</body></html>") << false << 0 << QString() << QString() << 0;
    QTest::newRow("truncated") << fixture("containers.json").left(300) << false << 0 << QString()
                               << QString() << 0;
    QTest::newRow("object, not array")
        << QByteArray("{\"message\":\"x\"}") << false << 0 << QString() << QString() << 0;
}

void TestStackParsers::containerList()
{
    QFETCH(QByteArray, body);
    bool parsed = false;
    const QList<ContainerInfo> list = DockerJson::parseContainerList(body, &parsed);
    QFETCH(bool, ok);
    QCOMPARE(parsed, ok);
    QFETCH(int, count);
    QCOMPARE(list.size(), count);
    if (count > 0) {
        QFETCH(QString, firstService);
        QFETCH(QString, firstState);
        QFETCH(int, firstExit);
        QCOMPARE(list.first().service, firstService);
        QCOMPARE(list.first().state, firstState);
        QCOMPARE(list.first().exitCode, firstExit);
        QCOMPARE(list.at(1).health, u"healthy"_s);
        QCOMPARE(list.at(2).health, u"unhealthy"_s);
        QVERIFY(list.at(1).created > 0);
    }
}

void TestStackParsers::inspect_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("health");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("healthOutput");

    QTest::newRow("unhealthy with output") << fixture("inspect-unhealthy.json") << true
                                           << u"running"_s << u"unhealthy"_s << 0 << QString();
    QTest::newRow("exited 3") << fixture("inspect-exited.json") << true << u"exited"_s << QString()
                              << 3 << QString();
    QTest::newRow("health output")
        << QByteArray("{\"Id\":\"abc\",\"Name\":\"/p_web_1\",\"Config\":{\"Tty\":true,\"Labels\":"
                      "{\"com.docker.compose.service\":\"web\"}},\"State\":{\"Status\":"
                      "\"running\",\"ExitCode\":0,\"StartedAt\":\"2024-05-01T10:00:00.123456789Z"
                      "\",\"Health\":{\"Status\":\"unhealthy\",\"FailingStreak\":4,\"Log\":[{"
                      "\"ExitCode\":1,\"Output\":\"old\"},{\"ExitCode\":1,\"Output\":\"backend "
                      "not ready\\n\"}]}},\"RestartCount\":2}")
        << true << u"running"_s << u"unhealthy"_s << 0 << u"backend not ready\n"_s;
    QTest::newRow("not json") << QByteArray("oops") << false << QString() << QString() << 0
                              << QString();
}

void TestStackParsers::inspect()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    ContainerInfo c;
    QCOMPARE(DockerJson::applyInspect(c, body), ok);
    if (!ok)
        return;
    QFETCH(QString, state);
    QFETCH(QString, health);
    QFETCH(int, exitCode);
    QCOMPARE(c.state, state);
    QCOMPARE(c.health, health);
    QCOMPARE(c.exitCode, exitCode);
    QVERIFY(c.inspected);
    QVERIFY(!c.service.isEmpty());
    QFETCH(QString, healthOutput);
    if (!healthOutput.isEmpty()) {
        QCOMPARE(c.healthOutput, healthOutput);
        QCOMPARE(c.healthFailingStreak, 4);
        QCOMPARE(c.restartCount, 2);
        QVERIFY(c.tty);
        QCOMPARE(c.name, u"p_web_1"_s);
        QCOMPARE(c.startedAt, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC));
    }
    if (health == "unhealthy"_L1)
        QVERIFY(!c.healthOutput.isEmpty());
    if (state == "running"_L1)
        QVERIFY(c.startedAt.isValid());
}

void TestStackParsers::event_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("exitCode");

    const QList<QByteArray> real = fixture("events.jsonl").split('\n');
    for (const QByteArray &line : real) {
        if (line.contains("\"Action\":\"die\""))
            QTest::newRow("real die") << line << true << u"die"_s << u"sick"_s << 137;
        if (line.contains("health_status: unhealthy"))
            QTest::newRow("real health")
                << line << true << u"health_status: unhealthy"_s << u"sick"_s << -1;
    }
    QTest::newRow("die exit 3") << QByteArray(
        "{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\","
        "\"Attributes\":{\"exitCode\":\"3\",\"com.docker.compose.service\":"
        "\"crash\",\"com.docker.compose.project\":\"p\"}},\"timeNano\":1}")
                                << true << u"die"_s << u"crash"_s << 3;
    QTest::newRow("garbage") << QByteArray("{\"Type\":") << false << QString() << QString() << -1;
    QTest::newRow("no action") << QByteArray("{\"Type\":\"container\"}") << false << QString()
                               << QString() << -1;
}

void TestStackParsers::event()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, valid);
    const auto e = DockerJson::parseEvent(json);
    QCOMPARE(e.has_value(), valid);
    if (!valid)
        return;
    QFETCH(QString, action);
    QFETCH(QString, service);
    QFETCH(int, exitCode);
    QCOMPARE(e->action, action);
    QCOMPARE(e->service, service);
    QCOMPARE(e->exitCode, exitCode);
    QCOMPARE(e->type, u"container"_s);
    QVERIFY(!e->id.isEmpty());
}

void TestStackParsers::stats_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<double>("cpu");
    QTest::addColumn<qint64>("memory");

    QTest::newRow("real cgroup sample") << fixture("stats-cgroup.json") << -2.0 << qint64(-2);
    // 200 of 1000 ns on a 2-CPU machine: 40 % of one core, as `docker stats` prints it.
    QTest::newRow("cgroup v2: inactive_file subtracted")
        << QByteArray("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":600},\"system_cpu_usage\":"
                      "2000,\"online_cpus\":2},\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":"
                      "400},\"system_cpu_usage\":1000},\"memory_stats\":{\"usage\":1000,\"limit"
                      "\":4000,\"stats\":{\"inactive_file\":300}}}")
        << 40.0 << qint64(700);
    QTest::newRow("cgroup v1: total_inactive_file, percpu count")
        << QByteArray("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":1500,\"percpu_usage\":[1,2,"
                      "3,4]},\"system_cpu_usage\":3000},\"precpu_stats\":{\"cpu_usage\":{"
                      "\"total_usage\":1000},\"system_cpu_usage\":2000},\"memory_stats\":{"
                      "\"usage\":5000,\"stats\":{\"total_inactive_file\":1000,\"inactive_file\":"
                      "1}}}")
        << 200.0 << qint64(4000);
    QTest::newRow("first sample: no previous") << QByteArray(
        "{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":600},\"system_cpu_usage\":2000},"
        "\"precpu_stats\":{},\"memory_stats\":{}}")
                                               << -1.0 << qint64(-1);
    QTest::newRow("inactive larger than usage")
        << QByteArray("{\"memory_stats\":{\"usage\":100,\"stats\":{\"inactive_file\":300}}}")
        << -1.0 << qint64(100);
}

void TestStackParsers::stats()
{
    QFETCH(QByteArray, json);
    QFETCH(double, cpu);
    QFETCH(qint64, memory);
    const auto s = DockerJson::parseStats(json);
    QVERIFY(s.has_value());
    if (cpu == -2.0) { // real sample: plausible values only
        QVERIFY(s->cpuPercent >= 0.0);
        QVERIFY(s->memoryBytes > 0);
        QVERIFY(s->memoryLimit > 0);
        return;
    }
    QCOMPARE(s->cpuPercent, cpu);
    QCOMPARE(s->memoryBytes, memory);
    QVERIFY(!DockerJson::parseStats("not json").has_value());
}

void TestStackParsers::time_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("nanoseconds") << u"2026-11-21T05:52:06.503195325Z"_s
                                 << QDateTime(QDate(2026, 11, 21), QTime(5, 52, 6, 503), Qt::UTC);
    QTest::newRow("no fraction") << u"2026-11-21T05:52:06Z"_s
                                 << QDateTime(QDate(2026, 11, 21), QTime(5, 52, 6), Qt::UTC);
    QTest::newRow("offset") << u"2026-11-21T07:52:06.5+02:00"_s
                            << QDateTime(QDate(2026, 11, 21), QTime(5, 52, 6, 500), Qt::UTC);
    QTest::newRow("zero time") << u"0001-01-01T00:00:00Z"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestStackParsers::time()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    QCOMPARE(DockerJson::parseTime(text), expected);
}

void TestStackParsers::logFrames_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("tty");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("streams");

    QTest::newRow("real multiplexed")
        << fixture("logs-multiplexed.bin") << false << QStringList{u"tick"_s, u"tick"_s, u"tick"_s}
        << QList<int>{1, 1, 1};
    QTest::newRow("stderr and partial line")
        << frame(1, "2024-01-01T00:00:00.000000001Z out one\n")
               + frame(2, "2024-01-01T00:00:01Z err ") + frame(2, "two\n")
               + frame(1, "2024-01-01T00:00:02Z tail without newline")
        << false << QStringList{u"out one"_s, u"err two"_s, u"tail without newline"_s}
        << QList<int>{1, 2, 1};
    QTest::newRow("tty raw with CRLF")
        << QByteArray("2024-01-01T00:00:00Z hello\r\n2024-01-01T00:00:01Z world\r\n") << true
        << QStringList{u"hello"_s, u"world"_s} << QList<int>{1, 1};
    QTest::newRow("not framed after all") << QByteArray("2024-01-01T00:00:00Z plain text\n")
                                          << false << QStringList{u"plain text"_s} << QList<int>{1};
    QTest::newRow("utf-8 split in a frame")
        << frame(1, "2024-01-01T00:00:00Z gr\xc3\xbc\xc3\x9f\n") << false
        << QStringList{u"gr\u00fc\u00df"_s} << QList<int>{1};
}

void TestStackParsers::logFrames()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, tty);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, streams);
    DockerLogDecoder decoder(tty, true);
    QList<LogLine> lines = decoder.feed(bytes);
    lines += decoder.flush();
    QCOMPARE(lines.size(), texts.size());
    for (int i = 0; i < lines.size(); ++i) {
        QCOMPARE(lines.at(i).text, texts.at(i));
        QCOMPARE(lines.at(i).stream, streams.at(i));
        QVERIFY(lines.at(i).timestamp.isValid());
    }
}

void TestStackParsers::logFramesSplitAnywhere()
{
    const QByteArray bytes
        = fixture("logs-multiplexed.bin") + frame(2, "2024-01-01T00:00:00Z e\u00e9\n"_ba);
    for (int cut = 0; cut <= bytes.size(); ++cut) {
        DockerLogDecoder decoder(false, true);
        QList<LogLine> lines = decoder.feed(bytes.left(cut));
        lines += decoder.feed(bytes.mid(cut));
        lines += decoder.flush();
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.last().stream, int(LogLine::Stderr));
        QVERIFY(!decoder.sawMalformedFrame());
    }
}

void TestStackParsers::logLongLineBounded_data()
{
    QTest::addColumn<bool>("tty");
    QTest::newRow("multiplexed") << false;
    QTest::newRow("tty") << true;
}

// A container writing 5 MiB without a newline: the decoder holds at most one line cap per
// stream, and every byte still arrives, in pieces of the cap.
void TestStackParsers::logLongLineBounded()
{
    QFETCH(bool, tty);
    constexpr qsizetype total = 5 * 1024 * 1024;
    constexpr qsizetype chunk = 64 * 1024;
    const qsizetype cap = DockerLogDecoder::kMaxLineBytes;
    DockerLogDecoder decoder(tty, true);
    QList<LogLine> lines;
    qsizetype maxPending = 0;
    lines += decoder.feed(tty ? "2024-01-01T00:00:00Z "_ba : frame(1, "2024-01-01T00:00:00Z "_ba));
    const QByteArray piece(chunk, 'a');
    for (qsizetype sent = 0; sent < total; sent += chunk) {
        lines += decoder.feed(tty ? piece : frame(1, piece));
        maxPending = qMax(maxPending, decoder.pendingBytes());
    }
    QVERIFY2(maxPending <= cap, qPrintable(QString::number(maxPending)));
    // 21 + 5 MiB bytes: 5 full pieces have left, the rest waits for the line end.
    QCOMPARE(lines.size(), 5);
    lines += decoder.flush();
    QCOMPARE(decoder.pendingBytes(), 0);
    QCOMPARE(lines.size(), 6);
    qsizetype received = 0;
    for (const LogLine &l : std::as_const(lines)) {
        QVERIFY(l.text.size() <= cap);
        QCOMPARE(l.timestamp, QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
        received += l.text.size();
    }
    QCOMPARE(lines.first().text.size(), cap - 21); // the timestamp is not text
    QCOMPARE(received, total);
    QCOMPARE(lines.last().text, QString(21, u'a'));
    QVERIFY(!decoder.sawMalformedFrame());
}

// The cut never splits a UTF-8 sequence, a trailing CR is only dropped at the real line end,
// the pieces after the first share its timestamp, and the next line starts afresh.
void TestStackParsers::logLongLinePieces()
{
    DockerLogDecoder decoder(true, true, 8);
    QList<LogLine> lines
        = decoder.feed("2024-01-01T00:00:00Z abcdefgh\xc3\xbc\xc3\xbcx\r\r\nok\r\n"_ba);
    lines += decoder.flush();
    QCOMPARE(lines.size(), 6);
    // "2024-01-" "01T00:00" ":00Z abc": a timestamp longer than a piece is left as text
    QCOMPARE(lines.at(0).text, u"2024-01-"_s);
    QVERIFY(!lines.at(0).timestamp.isValid());
    QCOMPARE(lines.at(1).text, u"01T00:00"_s);
    QCOMPARE(lines.at(2).text, u":00Z abc"_s);
    QCOMPARE(lines.at(3).text, u"defgh\u00fc"_s); // 7 bytes: the cut moved before the sequence
    QCOMPARE(lines.at(4).text, u"\u00fcx\r"_s);
    QCOMPARE(lines.at(5).text, u"ok"_s);

    DockerLogDecoder stamped(false, true, 30);
    QList<LogLine> more = stamped.feed(
        frame(2, "2024-01-01T00:00:02Z " + QByteArray(20, 'z') + "\n2024-01-01T00:00:03Z next\n"));
    more += stamped.flush();
    QCOMPARE(more.size(), 3);
    QCOMPARE(more.at(0).text, QString(9, u'z'));
    QCOMPARE(more.at(1).text, QString(11, u'z'));
    QCOMPARE(more.at(1).stream, int(LogLine::Stderr));
    QCOMPARE(more.at(0).timestamp, QDateTime(QDate(2024, 1, 1), QTime(0, 0, 2), Qt::UTC));
    QCOMPARE(more.at(1).timestamp, more.at(0).timestamp);
    QCOMPARE(more.at(2).text, u"next"_s);
    QCOMPARE(more.at(2).timestamp, QDateTime(QDate(2024, 1, 1), QTime(0, 0, 3), Qt::UTC));
}

// The property the fuzz target checks, with a small cap so that cuts happen: the lines never
// depend on where the stream was split.
void TestStackParsers::logLongLineSplitAnywhere()
{
    const QByteArray bytes = frame(1, "2024-01-01T00:00:00Z 0123456789abcdefghij\n"_ba)
                             + frame(2, "xx\xc3\xbc\xc3\xbc\xc3\xbcyy\xe2\x82\xac"_ba)
                             + frame(1, "short\r\n\n0123456789ABCDEFGHIJK"_ba)
                             + frame(2, "zz\xe2\x82\xac\r\n"_ba) + frame(1, "tail"_ba);
    for (qsizetype cap : {4, 5, 7, 10}) {
        DockerLogDecoder whole(false, true, cap);
        QList<LogLine> expected = whole.feed(bytes);
        expected += whole.flush();
        QVERIFY(expected.size() > 8);
        for (qsizetype cut = 0; cut <= bytes.size(); ++cut) {
            for (qsizetype cut2 = cut; cut2 <= bytes.size(); cut2 += 3) {
                DockerLogDecoder decoder(false, true, cap);
                QList<LogLine> lines = decoder.feed(bytes.left(cut));
                lines += decoder.feed(bytes.mid(cut, cut2 - cut));
                lines += decoder.feed(bytes.mid(cut2));
                lines += decoder.flush();
                if (lines != expected)
                    QFAIL(qPrintable(u"cap %1, cuts at %2 and %3"_s.arg(cap).arg(cut).arg(cut2)));
            }
        }
    }
}

// A frame header announcing 4 GiB: the payload is decoded as it comes, not buffered whole.
void TestStackParsers::logHugeFrameBounded()
{
    DockerLogDecoder decoder(false, true);
    QByteArray header(8, '\xff');
    header[0] = 1;
    header[1] = header[2] = header[3] = 0;
    QList<LogLine> lines = decoder.feed(header);
    const QByteArray line = "2024-01-01T00:00:00Z " + QByteArray(1000, 'q') + '\n';
    for (int i = 0; i < 4096; ++i)
        lines += decoder.feed(line);
    QVERIFY(decoder.pendingBytes() < 2000);
    QCOMPARE(lines.size(), 4096);
    QCOMPARE(lines.last().text, QString(1000, u'q'));
    QVERIFY(!decoder.sawMalformedFrame());
}

// Inputs the fuzzers (tests/fuzz) found: out-of-range numbers must not be converted with
// undefined behaviour; they read as 0.
void TestStackParsers::fuzzRegressions()
{
    const auto e
        = DockerJson::parseEvent(regression("docker_events/timenano-out-of-range.jsonl").trimmed());
    QVERIFY(e.has_value());
    QCOMPARE(e->action, u"start"_s);
    QCOMPARE(e->id, u"abc"_s);
    QCOMPARE(e->timeNano, qint64(0));

    const auto s
        = DockerJson::parseStats(regression("docker_events/stats-out-of-range.jsonl").trimmed());
    QVERIFY(s.has_value());
    QCOMPARE(s->memoryLimit, qint64(0));
    QCOMPARE(s->memoryBytes, qint64(0));

    bool parsed = false;
    const QList<ContainerInfo> list = DockerJson::parseContainerList(
        regression("docker_json/created-out-of-range.json"), &parsed);
    QVERIFY(parsed);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().service, u"s"_s);
    QCOMPARE(list.first().created, qint64(0));
}

void TestStackParsers::composeFile_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("firstPorts");
    QTest::addColumn<bool>("firstHealthcheck");
    QTest::addColumn<QString>("firstUrl");

    QTest::newRow("the test project") << fixture("docker-compose.yml") << QString()
                                      << QStringList{u"web"_s, u"crash"_s, u"sick"_s}
                                      << QList<int>{} << true << u"http://127.0.0.1:18080/"_s;
    QTest::newRow("ports short and long, list labels")
        << QByteArray("services:\n  grafana:\n    image: grafana/grafana:10\n    ports:\n"
                      "      - \"127.0.0.1:3000:3000\"\n      - 8080:80/tcp\n      - \"9000\"\n"
                      "      - {target: 80, published: 8081}\n    labels:\n"
                      "      - stackscope.url=http://127.0.0.1:3000/\n    healthcheck:\n"
                      "      disable: true\n  db:\n    image: postgres\n")
        << QString() << QStringList{u"grafana"_s, u"db"_s} << QList<int>{3000, 8080, 8081} << false
        << u"http://127.0.0.1:3000/"_s;
    QTest::newRow("healthcheck NONE")
        << QByteArray("services:\n  a:\n    image: x\n    healthcheck:\n      test: [\"NONE\"]\n")
        << QString() << QStringList{u"a"_s} << QList<int>{} << false << QString();
    QTest::newRow("broken yaml") << fixture("broken-compose.yml") << u"f.yml:4:1"_s << QStringList{}
                                 << QList<int>{} << false << QString();
    QTest::newRow("no services") << QByteArray("version: \"3\"\nvolumes: {}\n")
                                 << u"f.yml:1:1: no 'services' map"_s << QStringList{}
                                 << QList<int>{} << false << QString();
    QTest::newRow("a list, not a map") << QByteArray("- a\n- b\n") << u"f.yml:1:1"_s
                                       << QStringList{} << QList<int>{} << false << QString();
}

void TestStackParsers::composeFile()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, error);
    QFETCH(QStringList, names);
    const ComposeFile f = ComposeFile::parse(yaml, u"f.yml"_s);
    if (!error.isEmpty()) {
        QVERIFY2(f.error.startsWith(error), qPrintable(f.error));
        return;
    }
    QVERIFY2(f.ok(), qPrintable(f.error));
    QStringList got;
    for (const ComposeService &s : f.services)
        got << s.name;
    QCOMPARE(got, names);
    QFETCH(QList<int>, firstPorts);
    QFETCH(bool, firstHealthcheck);
    QFETCH(QString, firstUrl);
    QCOMPARE(f.services.first().hostPorts, firstPorts);
    QCOMPARE(f.services.first().hasHealthcheck, firstHealthcheck);
    QCOMPARE(f.services.first().url, firstUrl);
}

void TestStackParsers::composeFileMerge()
{
    QTemporaryDir dir;
    QFile a(dir.filePath(u"a.yml"_s)), b(dir.filePath(u"b.yml"_s));
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("services:\n  web: {image: one}\n  db: {image: pg}\n");
    a.close();
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("services:\n  web: {image: two}\n  debug: {image: busybox, profiles: [debug]}\n");
    b.close();
    const ComposeFile f = ComposeFile::load({a.fileName(), b.fileName()});
    QVERIFY2(f.ok(), qPrintable(f.error));
    QCOMPARE(f.services.size(), 3);
    QCOMPARE(f.services.at(0).image, u"two"_s);
    QCOMPARE(ComposeFile::active(f.services, {}).size(), 2);
    QCOMPARE(ComposeFile::active(f.services, {u"debug"_s}).size(), 3);
    const ComposeFile missing = ComposeFile::load({dir.filePath(u"nope.yml"_s)});
    QVERIFY(!missing.ok());
    QVERIFY(missing.error.contains(u"nope.yml"_s));
}

void TestStackParsers::composeArguments_data()
{
    QTest::addColumn<int>("flavor");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QStringList>("expected");

    const QStringList global{u"-p"_s,        u"obs"_s,          u"-f"_s,         u"/s/base.yml"_s,
                             u"-f"_s,        u"/s/local.yml"_s, u"--env-file"_s, u"/s/.env"_s,
                             u"--profile"_s, u"tracing"_s};
    using A = ComposeCommand::Action;
    using F = ComposeCommand::Flavor;
    QTest::newRow("v2 up waits") << int(F::V2Plugin) << u"2.27.0"_s << int(A::Up) << QString()
                                 << (QStringList{u"compose"_s} + global
                                     + QStringList{u"up"_s, u"-d"_s, u"--wait"_s});
    QTest::newRow("v2.0 up cannot wait")
        << int(F::V2Plugin) << u"2.0.1"_s << int(A::Up) << QString()
        << (QStringList{u"compose"_s} + global + QStringList{u"up"_s, u"-d"_s});
    QTest::newRow("v2 up one service")
        << int(F::V2Plugin) << u"2.27.0"_s << int(A::Up) << u"web"_s
        << (QStringList{u"compose"_s} + global
            + QStringList{u"up"_s, u"-d"_s, u"--wait"_s, u"--no-deps"_s, u"web"_s});
    QTest::newRow("v2 restart service")
        << int(F::V2Plugin) << u"2.27.0"_s << int(A::Restart) << u"web"_s
        << (QStringList{u"compose"_s} + global + QStringList{u"restart"_s, u"web"_s});
    QTest::newRow("v2 down") << int(F::V2Plugin) << u"2.27.0"_s << int(A::Down) << QString()
                             << (QStringList{u"compose"_s} + global
                                 + QStringList{u"down"_s, u"--remove-orphans"_s});
    QTest::newRow("v1 up") << int(F::V1Standalone) << u"1.29.2"_s << int(A::Up) << QString()
                           << (global + QStringList{u"up"_s, u"-d"_s});
    QTest::newRow("v1 stop service") << int(F::V1Standalone) << u"1.29.2"_s << int(A::Stop)
                                     << u"db"_s << (global + QStringList{u"stop"_s, u"db"_s});
    QTest::newRow("v1 start") << int(F::V1Standalone) << u"1.29.2"_s << int(A::Start) << QString()
                              << (global + QStringList{u"start"_s});
}

void TestStackParsers::composeArguments()
{
    QFETCH(int, flavor);
    QFETCH(QString, version);
    QFETCH(int, action);
    QFETCH(QString, service);
    QFETCH(QStringList, expected);
    StackConfig stack;
    stack.project = u"obs"_s;
    stack.composeFiles = {u"/s/base.yml"_s, u"/s/local.yml"_s};
    stack.envFile = u"/s/.env"_s;
    stack.profiles = {u"tracing"_s};
    ComposeCommand c;
    c.flavor = ComposeCommand::Flavor(flavor);
    c.program = c.flavor == ComposeCommand::Flavor::V2Plugin ? u"/usr/bin/docker"_s
                                                             : u"/usr/bin/docker-compose"_s;
    if (c.flavor == ComposeCommand::Flavor::V2Plugin)
        c.prefix = {u"compose"_s};
    c.version = version;
    QCOMPARE(c.arguments(stack, ComposeCommand::Action(action), service), expected);
}

void TestStackParsers::composeVersion_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("version");
    QTest::newRow("v2 short") << u"2.27.0\n"_s << u"2.27.0"_s;
    QTest::newRow("v2 with v") << u"v2.24.6-desktop.1\n"_s << u"2.24.6"_s;
    QTest::newRow("v1 short") << u"1.29.2\n"_s << u"1.29.2"_s;
    QTest::newRow("v1 banner") << u"docker-compose version 1.29.2, build unknown"_s << u"1.29.2"_s;
    QTest::newRow("nothing") << u"error"_s << QString();
}

void TestStackParsers::composeVersion()
{
    QFETCH(QString, output);
    QFETCH(QString, version);
    QCOMPARE(ComposeCommand::parseVersion(output), version);
}

void TestStackParsers::composeDetect_data()
{
    QTest::addColumn<bool>("dockerHasPlugin");
    QTest::addColumn<bool>("haveV1");
    QTest::addColumn<QStringList>("configured");
    QTest::addColumn<ComposeCommand::Flavor>("flavor");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("wait");

    using F = ComposeCommand::Flavor;
    QTest::newRow("plugin wins") << true << true << QStringList{} << F::V2Plugin << u"2.27.0"_s
                                 << true;
    QTest::newRow("no plugin: v1")
        << false << true << QStringList{} << F::V1Standalone << u"1.29.2"_s << false;
    QTest::newRow("nothing") << false << false << QStringList{} << F::None << QString() << false;
    QTest::newRow("configured v1 path") << true << true << QStringList{u"docker-compose"_s}
                                        << F::Configured << u"1.29.2"_s << false;
    QTest::newRow("configured missing")
        << true << true << QStringList{u"podman-compose"_s} << F::None << QString() << false;
}

void TestStackParsers::composeDetect()
{
    QFETCH(bool, dockerHasPlugin);
    QFETCH(bool, haveV1);
    QFETCH(QStringList, configured);
    QTemporaryDir bin;
    // Stand-ins that answer `version --short` the way the real programs do.
    writeScript(bin.filePath(u"docker"_s),
                dockerHasPlugin ? "[ \"$1\" = compose ] && echo 2.27.0 && exit 0\nexit 1\n"
                                : "echo \"docker: 'compose' is not a docker command.\" >&2\n"
                                  "exit 1\n");
    if (haveV1)
        writeScript(bin.filePath(u"docker-compose"_s), "echo 1.29.2\n");
    QProcessEnvironment env;
    env.insert(u"PATH"_s, bin.path());
    const ComposeCommand c = ComposeCommand::detect(configured, env);
    QFETCH(ComposeCommand::Flavor, flavor);
    QFETCH(QString, version);
    QFETCH(bool, wait);
    QCOMPARE(c.flavor, flavor);
    QCOMPARE(c.version, version);
    QCOMPARE(c.supportsWait(), wait);
    if (flavor == ComposeCommand::Flavor::None)
        QVERIFY(!c.problem.isEmpty());
    else
        QVERIFY(c.program.startsWith(bin.path()));
}

void TestStackParsers::projectFilter()
{
    const QByteArray f = DockerClient::projectFilter(u"my stack"_s);
    QCOMPARE(QByteArray::fromPercentEncoding(f.mid(8)),
             QByteArray("{\"label\":[\"com.docker.compose.project=my stack\"]}"));
    QVERIFY(!f.contains(' '));
}

QTEST_GUILESS_MAIN(TestStackParsers)
#include "tst_stackparsers.moc"
