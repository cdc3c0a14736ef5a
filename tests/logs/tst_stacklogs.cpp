// SPDX-License-Identifier: GPL-3.0-or-later
//
// The combined stack logs: the level detector, fields and escapes (models/logs), the model's
// ring buffer and incremental filter, the lines view offscreen (paints the rows on screen only,
// filters, copies, saves, a 20 MB line), and StackLogs against a real dockerd: two containers
// interleaved by time, one restarted and followed on, one stopped.
#include "app/docker/dockerclient.h"
#include "app/docker/dockerendpoint.h"
#include "app/docker/dockerlogdecoder.h"
#include "app/docker/dockerwatcher.h"
#include "app/docker/stacklogs.h"
#include "models/logs/logmodel.h"
#include "models/logs/logtext.h"
#include "tests/stack/dockerdaemon.h"
#include "ui/logs/loglinesview.h"
#include "ui/logs/stacklogsview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

Q_DECLARE_METATYPE(Stackscope::LogLevel)

namespace {

LogEntry entry(qint64 ms, const QString &text, int source = 0)
{
    return {ms * 1000000, text, source, LogLevel::Unknown, 1};
}

QStringList texts(const LogModel &model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.entryAt(row).text);
    return out;
}

} // namespace

class TestStackLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void levels_data();
    void levels();
    void escapes_data();
    void escapes();
    void fields_data();
    void fields();
    void invalidUtf8Replaced();
    void ringBufferDropsOldest();
    void filterIsIncremental();
    void invalidRegexKeepsLines();
    void viewPaintsVisibleRowsOnly();
    void viewCopiesAndSaves();
    void hugeLineElidedButCopiedWhole();
    void fieldsPaneAndAround();
    void statusWithoutDocker();
    void dockerInterleavedAndRestarted();
};

void TestStackLogs::levels_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<LogLevel>("level");
    QTest::newRow("logfmt level=") << u"ts=1 level=warn msg=\"disk\""_s << LogLevel::Warn;
    QTest::newRow("logfmt quoted") << u"level=\"error\" msg=x"_s << LogLevel::Error;
    QTest::newRow("logfmt lvl=") << u"t=2026 lvl=dbug msg=x"_s << LogLevel::Debug;
    QTest::newRow("not a key: xlevel=") << u"xlevel=error something"_s << LogLevel::Unknown;
    QTest::newRow("json level") << u"{\"level\":\"info\",\"msg\":\"ok\"}"_s << LogLevel::Info;
    QTest::newRow("json severity") << u"{\"severity\": \"CRITICAL\"}"_s << LogLevel::Fatal;
    QTest::newRow("json pino number") << u"{\"level\":50,\"msg\":\"boom\"}"_s << LogLevel::Error;
    QTest::newRow("bracketed lower")
        << u"2026-12-07 14:02:01 [error] upstream"_s << LogLevel::Error;
    QTest::newRow("bracketed upper") << u"[WARN] low disk"_s << LogLevel::Warn;
    QTest::newRow("ERROR colon") << u"ERROR: relation does not exist"_s << LogLevel::Error;
    QTest::newRow("postgres LOG") << u"2026-12-07 14:02:01 UTC [1] LOG:  ready"_s << LogLevel::Info;
    QTest::newRow("WARN space") << u"14:02:01 WARN cache miss"_s << LogLevel::Warn;
    QTest::newRow("glog E") << u"E1207 14:02:01.123456    1 main.go:12] failed"_s
                            << LogLevel::Error;
    QTest::newRow("glog W") << u"W1207 14:02:01.123456 x"_s << LogLevel::Warn;
    QTest::newRow("panic") << u"panic: runtime error: index out of range"_s << LogLevel::Fatal;
    QTest::newRow("lower word is not a level") << u"no error was found"_s << LogLevel::Unknown;
    QTest::newRow("plain") << u"GET / 200 12ms"_s << LogLevel::Unknown;
    QTest::newRow("empty") << QString() << LogLevel::Unknown;
}

void TestStackLogs::levels()
{
    QFETCH(QString, line);
    QFETCH(LogLevel, level);
    QCOMPARE(LogText::detectLevel(line), level);
}

void TestStackLogs::escapes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("stripped");
    QTest::newRow("colour") << u"\x1b[31mred\x1b[0m text"_s << u"red text"_s;
    QTest::newRow("cursor") << u"a\x1b[2K\x1b[1Gb"_s << u"ab"_s;
    QTest::newRow("osc title bel") << u"\x1b]0;title\x07line"_s << u"line"_s;
    QTest::newRow("osc hyperlink st") << u"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"_s << u"link"_s;
    QTest::newRow("8-bit csi") << u"a\u009b1mb"_s << u"ab"_s;
    QTest::newRow("charset") << u"\x1b(Bplain"_s << u"plain"_s;
    QTest::newRow("markup stays") << u"<b>not bold</b>"_s << u"<b>not bold</b>"_s;
    QTest::newRow("other controls stay") << u"a\tb\x07"_s << u"a\tb\x07"_s;
}

void TestStackLogs::escapes()
{
    QFETCH(QString, line);
    QFETCH(QString, stripped);
    QCOMPARE(LogText::stripEscapes(line), stripped);
}

void TestStackLogs::fields_data()
{
    using Fields = QList<std::pair<QString, QString>>;
    QTest::addColumn<QString>("line");
    QTest::addColumn<Fields>("expected");
    QTest::newRow("json in line order")
        << u"{\"msg\":\"hi\",\"level\":\"info\",\"n\":3,\"ok\":true,\"o\":{\"a\":1}}"_s
        << Fields{{u"msg"_s, u"hi"_s},
                  {u"level"_s, u"info"_s},
                  {u"n"_s, u"3"_s},
                  {u"ok"_s, u"true"_s},
                  {u"o"_s, u"{\"a\":1}"_s}};
    QTest::newRow("logfmt quoted")
        << u"level=info msg=\"a \\\"b\\\" c\" dur=12ms"_s
        << Fields{{u"level"_s, u"info"_s}, {u"msg"_s, u"a \"b\" c"_s}, {u"dur"_s, u"12ms"_s}};
    QTest::newRow("one pair is not logfmt") << u"retry=3 later"_s << Fields{};
    QTest::newRow("broken json") << u"{\"a\":"_s << Fields{};
    QTest::newRow("plain") << u"GET / 200"_s << Fields{};
}

void TestStackLogs::fields()
{
    using Fields = QList<std::pair<QString, QString>>;
    QFETCH(QString, line);
    QFETCH(Fields, expected);
    QCOMPARE(LogText::fields(line), expected);
}

void TestStackLogs::invalidUtf8Replaced()
{
    // The decoder turns bytes into text: invalid UTF-8 becomes U+FFFD, the rest stays.
    DockerLogDecoder decoder(true, false);
    const QList<LogLine> lines = decoder.feed(QByteArray("ok \xff\xfe end\n"));
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.first().text.contains(QChar(0xFFFD)));
    QVERIFY(lines.first().text.startsWith(u"ok "_s));
    QVERIFY(lines.first().text.endsWith(u" end"_s));
}

void TestStackLogs::ringBufferDropsOldest()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCap(5);
    const int web = model.addSource({u"web"_s, {}});
    QCOMPARE(model.addSource({u"web"_s, {}}), web);
    QList<LogEntry> batch;
    for (int i = 0; i < 4; ++i)
        batch.append(entry(i, u"line %1"_s.arg(i), web));
    model.append(batch);
    QCOMPARE(model.rowCount(), 4);
    model.append({entry(4, u"line 4"_s), entry(5, u"line 5"_s), entry(6, u"line 6"_s)});
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.droppedCount(), 2);
    QCOMPARE(texts(model).first(), u"line 2"_s);
    QCOMPARE(texts(model).last(), u"line 6"_s);
    // A batch larger than the cap keeps its newest lines.
    batch.clear();
    for (int i = 10; i < 20; ++i)
        batch.append(entry(i, u"line %1"_s.arg(i)));
    model.append(batch);
    QCOMPARE(texts(model),
             (QStringList{u"line 15"_s, u"line 16"_s, u"line 17"_s, u"line 18"_s, u"line 19"_s}));
    model.setCap(2);
    QCOMPARE(texts(model), (QStringList{u"line 18"_s, u"line 19"_s}));
}

void TestStackLogs::filterIsIncremental()
{
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCap(6);
    const int web = model.addSource({u"web"_s, {}});
    const int db = model.addSource({u"db"_s, {}});
    model.append({entry(1, u"level=info GET /"_s, web), entry(2, u"ERROR: deadlock"_s, db),
                  entry(3, u"\x1b[33mWARN\x1b[0m slow query"_s, db)});
    QCOMPARE(model.entryAt(2).text, u"WARN slow query"_s); // escapes stripped on the way in
    QCOMPARE(model.entryAt(2).level, LogLevel::Warn);

    LogFilter filter;
    QVERIFY(filter.setPattern(u"dead|slow"_s, false));
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 3); // highlight only
    QCOMPARE(model.matchingCount(), 2);
    const QVariantList matches = model.index(1).data(LogModel::MatchesRole).toList();
    QCOMPARE(matches.size(), 1);
    QCOMPARE(matches.first().toPoint(), QPoint(7, 4)); // "dead" in "ERROR: deadlock"

    filter.setOnlyMatching(true);
    model.setFilter(filter);
    QCOMPARE(texts(model), (QStringList{u"ERROR: deadlock"_s, u"WARN slow query"_s}));
    // New lines are filtered as they come.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append({entry(4, u"level=info nothing"_s, web), entry(5, u"SLOW again"_s, web)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(texts(model).last(), u"SLOW again"_s);
    QCOMPARE(model.matchingCount(), 3);

    // Levels and sources.
    filter.setOnlyMatching(false);
    filter.setLevels({LogLevel::Error, LogLevel::Warn});
    model.setFilter(filter);
    QCOMPARE(texts(model), (QStringList{u"ERROR: deadlock"_s, u"WARN slow query"_s}));
    filter.setLevels({});
    filter.setSources({web});
    model.setFilter(filter);
    QCOMPARE(texts(model),
             (QStringList{u"level=info GET /"_s, u"level=info nothing"_s, u"SLOW again"_s}));
    // Time range (inclusive), then the cap drops filtered rows too.
    filter.setSources({});
    filter.setTimeRange(2 * 1000000, 4 * 1000000);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 3);
    model.append({entry(6, u"x"_s), entry(7, u"y"_s), entry(8, u"z"_s)});
    QCOMPARE(model.totalCount(), 6);
    QCOMPARE(texts(model), (QStringList{u"WARN slow query"_s, u"level=info nothing"_s}));
}

void TestStackLogs::invalidRegexKeepsLines()
{
    LogModel model;
    StackLogsView view(&model);
    model.append({entry(1, u"a"_s), entry(2, u"b"_s)});
    QVERIFY(view.setSearch(u"a"_s));
    QVERIFY(!view.setSearch(u"(unclosed"_s));
    bool said = false;
    for (QLabel *label : view.findChildren<QLabel *>())
        said |= label->isVisibleTo(&view) && label->text().contains(u"regular expression"_s);
    QVERIFY(said);
    QCOMPARE(model.rowCount(), 2); // nothing lost
    QVERIFY(!model.filter().hasSearch());
}

void TestStackLogs::viewPaintsVisibleRowsOnly()
{
    LogModel model;
    LogLinesView view;
    view.setModel(&model);
    view.resize(900, 300);
    QList<LogEntry> batch;
    for (int i = 0; i < 50000; ++i)
        batch.append(entry(1000 + i, u"service line %1 level=info"_s.arg(i), i % 8));
    for (int s = 0; s < 8; ++s)
        model.addSource({u"svc%1"_s.arg(s), {}});
    model.append(batch);
    view.grab();
    QVERIFY(view.paintedRows() > 0);
    QVERIFY2(view.paintedRows() <= view.visibleRowCount() + 1,
             qPrintable(QString::number(view.paintedRows())));
    QVERIFY(view.isAtBottom()); // follows
    QCOMPARE(view.firstVisibleRow() + view.visibleRowCount(), model.rowCount());
    // The search filters and the view still paints.
    LogFilter filter;
    filter.setPattern(u"line 4999\\d"_s, false);
    filter.setOnlyMatching(true);
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 10);
    const QImage image = view.grab().toImage();
    QCOMPARE(view.paintedRows(), std::min(10, view.visibleRowCount() + 1));
    // Something highlighted was painted: the highlight colour is in the image.
    bool highlighted = false;
    for (int y = 0; y < image.height() && !highlighted; y += 2)
        for (int x = 0; x < image.width() && !highlighted; x += 2)
            highlighted = image.pixelColor(x, y) == QColor(0xff, 0xd5, 0x4f);
    QVERIFY(highlighted);
}

void TestStackLogs::viewCopiesAndSaves()
{
    LogModel model;
    LogLinesView view;
    view.setModel(&model);
    view.resize(600, 200);
    const int web = model.addSource({u"web"_s, {}});
    model.append({entry(1700000000000, u"first"_s, web), entry(1700000000001, u"second\tx"_s, web),
                  entry(1700000000002, u"third"_s, web)});
    view.selectRows(0, 1);
    view.copySelection();
    const QString copied = QApplication::clipboard()->text();
    QCOMPARE(copied,
             u"2023-11-14T22:13:20.000Z web first\n2023-11-14T22:13:20.001Z web second\tx\n"_s);
    QTemporaryDir dir;
    QString error;
    QVERIFY(view.saveTo(dir.filePath(u"v.log"_s), &error));
    QFile file(dir.filePath(u"v.log"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3);
    QVERIFY(!view.saveTo(dir.filePath(u"missing/dir/v.log"_s), &error));
    QVERIFY(!error.isEmpty());
}

void TestStackLogs::hugeLineElidedButCopiedWhole()
{
    LogModel model;
    LogLinesView view;
    view.setModel(&model);
    view.resize(800, 200);
    QString huge(20 * 1024 * 1024, u'x');
    huge.replace(100, 1, u'\x01'); // a control character, shown visibly
    model.append({entry(1, huge)});
    view.grab(); // how long this takes is bench_logs' business, not a unit test's
    QCOMPARE(view.paintedRows(), 1);
    view.selectRows(0, 0);
    const QString copied = view.selectedText();
    QCOMPARE(copied.size(), model.lineText(0).size() + 1);
    QVERIFY(copied.endsWith(huge + u'\n'));
}

void TestStackLogs::fieldsPaneAndAround()
{
    LogModel model;
    StackLogsView view(&model);
    view.resize(900, 500);
    view.show();
    model.append({entry(1, u"plain"_s), entry(2, u"{\"level\":\"warn\",\"msg\":\"disk\"}"_s)});
    view.linesView()->selectRows(1, 1);
    QCOMPARE(view.shownFields(),
             (QList<std::pair<QString, QString>>{{u"level"_s, u"warn"_s}, {u"msg"_s, u"disk"_s}}));
    view.linesView()->selectRows(0, 0);
    QVERIFY(view.shownFields().isEmpty());

    QSignalSpy options(&view, &StackLogsView::optionsChanged);
    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3600);
    view.showAround(at);
    QCOMPARE(options.size(), 1);
    const auto o = options.first().first().value<StackLogsOptions>();
    QVERIFY(!o.follow);
    QVERIFY(o.since < at && o.until > at);
    QVERIFY(qAbs(o.since.secsTo(at) - 150) <= 1);

    view.setServiceStatus(u"web"_s, u"not running"_s, true);
    view.setServiceStatus(u"db"_s, u"following"_s);
    QCOMPARE(view.statusText(), u"web: not running; db: following"_s);
    view.setServiceStatus(u"web"_s, {});
    QCOMPARE(view.statusText(), u"db: following"_s);
}

void TestStackLogs::statusWithoutDocker()
{
    LogModel model;
    StackLogs logs(&model);
    QSignalSpy status(&logs, &StackLogs::serviceStatusChanged);
    logs.setServices({u"web"_s, u"db"_s});
    logs.start();
    QCOMPARE(logs.statusOf(u"web"_s), u"waiting for Docker"_s);
    QCOMPARE(status.size(), 2);
    // The services get their colours in the stack's order, before any line.
    QCOMPARE(model.sources().size(), 2);
    QCOMPARE(model.sources().at(1).name, u"db"_s);
    logs.setServices({u"db"_s});
    QCOMPARE(logs.statusOf(u"web"_s), QString());
}

void TestStackLogs::dockerInterleavedAndRestarted()
{
    DockerDaemon daemon;
    QString why;
    if (!daemon.start(&why))
        QSKIP(qPrintable(why));
    if (!daemon.importBusybox(u"stackscope-test/busybox:1"_s, &why))
        QSKIP(qPrintable(why));
    const QString project = u"logt"_s;
    const auto runService = [&](const QString &service, const QString &script) {
        QString out;
        const int code
            = daemon.run(u"docker"_s,
                         {u"run"_s, u"-d"_s, u"--name"_s, service, u"--network"_s, u"host"_s,
                          u"--label"_s, u"com.docker.compose.project="_s + project, u"--label"_s,
                          u"com.docker.compose.service="_s + service,
                          u"stackscope-test/busybox:1"_s, u"sh"_s, u"-c"_s, script},
                         &out);
        QVERIFY2(code == 0, qPrintable(out));
    };
    // Both write a line every 50 ms, at the same moments: their lines must interleave by time.
    const QString loop = u"echo %1 start; i=0; while true; do echo \"%1 $i level=info\"; "
                         "i=$((i+1)); sleep 0.05; done"_s;
    runService(u"alpha"_s, loop.arg(u"alpha"_s));
    runService(u"beta"_s, loop.arg(u"beta"_s));

    DockerWatcher watcher;
    watcher.setConfig(resolveDockerEndpoint(daemon.host()), project, 64 * 1024 * 1024,
                      std::chrono::minutes(10));
    LogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StackLogs logs(&model);
    logs.setClient(watcher.client());
    logs.setServices({u"alpha"_s, u"beta"_s, u"gamma"_s});
    const auto sync = [&] {
        logs.setContainers(watcher.containers());
    };
    connect(&watcher, &DockerWatcher::containersChanged, &logs, sync);
    connect(&watcher, &DockerWatcher::containerUpdated, &logs, sync);
    connect(&watcher, &DockerWatcher::snapshotReady, &logs, sync);
    logs.start();
    watcher.start();

    const auto count = [&](const QString &prefix) {
        int n = 0;
        for (int row = 0; row < model.rowCount(); ++row)
            n += model.entryAt(row).text.startsWith(prefix);
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(count(u"alpha "_s) >= 10 && count(u"beta "_s) >= 10, 8000);
    QCOMPARE(logs.statusOf(u"alpha"_s), u"following"_s);
    QCOMPARE(logs.statusOf(u"gamma"_s), u"not running"_s);
    QCOMPARE(model.entryAt(0).level == LogLevel::Info || model.entryAt(0).text.contains(u"start"_s),
             true);

    QString out;
    QCOMPARE(daemon.run(u"docker"_s, {u"restart"_s, u"-t"_s, u"0"_s, u"beta"_s}, &out), 0);
    QTRY_VERIFY_WITH_TIMEOUT(count(u"beta start"_s) == 2, 8000);
    QTRY_VERIFY_WITH_TIMEOUT(logs.statusOf(u"beta"_s).startsWith(u"restarted at"_s), 3000);
    const int betaAfter = count(u"beta "_s);
    QTRY_VERIFY_WITH_TIMEOUT(count(u"beta "_s) > betaAfter + 5, 5000);

    QCOMPARE(daemon.run(u"docker"_s, {u"stop"_s, u"-t"_s, u"0"_s, u"alpha"_s}, &out), 0);
    QTRY_VERIFY_WITH_TIMEOUT(logs.statusOf(u"alpha"_s).startsWith(u"not running"_s), 5000);
    logs.stop();
    watcher.stop();

    // In time order, both services interleaved, nothing read twice.
    QSet<std::pair<qint64, QString>> seen;
    int switches = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const LogEntry &e = model.entryAt(row);
        if (row > 0) {
            QVERIFY2(e.timeNs >= model.entryAt(row - 1).timeNs,
                     qPrintable(u"row %1 out of order: %2"_s.arg(row).arg(e.text)));
            switches += e.source != model.entryAt(row - 1).source;
        }
        QVERIFY2(!seen.contains({e.timeNs, e.text}), qPrintable(e.text));
        seen.insert({e.timeNs, e.text});
    }
    QVERIFY2(switches >= 10, qPrintable(QString::number(switches)));
    daemon.run(u"docker"_s, {u"rm"_s, u"-f"_s, u"alpha"_s, u"beta"_s});
}

QTEST_MAIN(TestStackLogs)
#include "tst_stacklogs.moc"
