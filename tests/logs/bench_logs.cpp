// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench_logs: the combined stack logs at their cap. 200,000 lines from 8 services appended in
// bursts (as StackLogs delivers them) into the LogModel behind a shown StackLogsView: the worst
// GUI stall (StallWatchdog). Then a regular expression over the 200,000 lines, the result shown
// (filter applied, rows counted, the view repainted). Last, the Loki tab: a 5,000-line
// query_range answer from the stand-in, parsed, put in the model and painted (Run to painted).
#include "app/features/logsfeature.h"
#include "models/logs/logmodel.h"
#include "tests/logs/fakeloki.h"
#include "tests/support/benchfigures.h"
#include "tests/support/stallwatchdog.h"
#include "ui/logs/loglinesview.h"
#include "ui/logs/logspage.h"
#include "ui/logs/lokilogsview.h"
#include "ui/logs/stacklogsview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

constexpr int kLines = 200000;
constexpr int kServices = 8;
constexpr int kBurst = 2000; ///< lines per burst
constexpr int kBurstEveryMs = 10;

QString lineFor(int i, QRandomGenerator &random)
{
    static const char *const kinds[] = {
        "level=info msg=\"GET /api/items/%1\" status=200 duration=%2ms",
        "{\"level\":\"debug\",\"msg\":\"cache lookup\",\"key\":\"item:%1\",\"took_us\":%2}",
        "2026-12-07 14:02:01 [warn] slow upstream %1 after %2 ms",
        "ERROR: deadlock detected while waiting for ShareLock on transaction %1 (%2)",
        "E1207 14:02:01.123456 1 controller.go:114] sync failed for item-%1: retry in %2s",
        "GET /healthz 200 %2us request_id=%1",
    };
    const char *kind = kinds[random.bounded(int(std::size(kinds)))];
    return QString::fromLatin1(kind).arg(i).arg(random.bounded(1, 5000));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QRandomGenerator random(17);

    LogModel model;
    QStringList services;
    for (int s = 0; s < kServices; ++s) {
        services.append(u"service-%1"_s.arg(s));
        model.addSource({services.last(), {}});
    }
    StackLogsView view(&model);
    view.setServices(services);
    view.resize(1300, 800);
    view.show();
    QApplication::processEvents();

    // The lines, made beforehand: the benchmark measures the model and the view, not sprintf.
    QList<QList<LogEntry>> bursts;
    qint64 timeNs = 1765116121000000000;
    for (int i = 0; i < kLines;) {
        QList<LogEntry> burst;
        for (int k = 0; k < kBurst && i < kLines; ++k, ++i) {
            timeNs += 1000000;
            burst.append(
                {timeNs, lineFor(i, random), random.bounded(kServices), LogLevel::Unknown, 1});
        }
        bursts.append(burst);
    }

    Test::StallWatchdog watchdog;
    watchdog.start();
    QElapsedTimer total;
    total.start();
    int next = 0;
    QEventLoop loop;
    QTimer feeder;
    feeder.setInterval(kBurstEveryMs);
    QObject::connect(&feeder, &QTimer::timeout, &loop, [&] {
        if (next == bursts.size()) {
            feeder.stop();
            QTimer::singleShot(100, &loop, &QEventLoop::quit);
            return;
        }
        model.append(bursts.at(next++));
    });
    feeder.start();
    loop.exec();
    watchdog.stop();
    Bench::say(u"# %1 lines from %2 services in bursts of %3 every %4 ms: %5 ms in all; "
               "%6 rows, %7 painted"_s.arg(kLines)
                   .arg(kServices)
                   .arg(kBurst)
                   .arg(kBurstEveryMs)
                   .arg(total.elapsed())
                   .arg(model.rowCount())
                   .arg(view.linesView()->paintedRows()));
    Bench::figure("logs_200k_lines_append_ms", watchdog.worstStallMs(), "ms");

    // The search: the filter over every line, the counts, and the view painted with the result.
    QList<double> times;
    const QStringList patterns = {u"deadlock|sync failed"_s, u"item-1\\d{4}:"_s,
                                  u"status=5\\d\\d"_s, u"(?i)slow upstream \\d+7 "_s};
    for (const QString &pattern : patterns) {
        QElapsedTimer t;
        t.start();
        view.setSearch(pattern);
        view.linesView()->viewport()->repaint();
        times.append(double(t.nsecsElapsed()) / 1e6);
        Bench::say(u"# search %1: %2 matching, %3 ms"_s.arg(pattern)
                       .arg(model.matchingCount())
                       .arg(times.last(), 0, 'f', 1));
    }
    Bench::figure("logs_search_200k_ms", *std::max_element(times.begin(), times.end()), "ms");

    // Loki: 5,000 lines in 5 streams of the last hour, realistic lengths; Run to painted.
    Test::FakeLoki loki;
    const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1000000;
    for (int s = 0; s < 5; ++s) {
        Test::FakeLoki::Stream stream{{{u"env"_s, u"prod"_s}, {u"job"_s, u"service-%1"_s.arg(s)}},
                                      {}};
        for (int i = 0; i < 1000; ++i)
            stream.lines.append(
                {nowNs - qint64(i * 5 + s) * 700000000LL, lineFor(i * 5 + s, random).toUtf8()});
        loki.streams.append(stream);
    }
    Test::FaultServer server;
    server.setHandler(loki.handler());
    if (!server.listen())
        return 1;
    QNetworkAccessManager network;
    AppContext context;
    context.network = &network;
    LogsFeature feature(context);
    Config config;
    config.loki.url = server.url();
    feature.applyConfig(config);
    std::unique_ptr<QWidget> page(feature.createPage());
    auto *logsPage = static_cast<LogsPage *>(page.get());
    LokiLogsView *lokiView = logsPage->lokiView();
    logsPage->tabs()->setCurrentWidget(lokiView);
    page->resize(1300, 800);
    page->show();
    lokiView->setLimit(5000);
    lokiView->setQueryText(u"{env=\"prod\"}"_s);
    QList<double> lokiTimes;
    for (int run = 0; run < 7; ++run) {
        feature.lokiModel()->clear();
        QElapsedTimer t;
        t.start();
        lokiView->run();
        QEventLoop wait;
        QTimer poll;
        QObject::connect(&poll, &QTimer::timeout, &wait, [&] {
            if (feature.lokiModel()->rowCount() == 5000 || t.elapsed() > 10000)
                wait.quit();
        });
        poll.start(0);
        wait.exec();
        lokiView->linesView()->viewport()->repaint();
        lokiTimes.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(lokiTimes.begin(), lokiTimes.end());
    Bench::say(u"# Loki: %1 lines shown, %2 painted; runs %3 ms (fastest) to %4 ms"_s
                   .arg(feature.lokiModel()->rowCount())
                   .arg(lokiView->linesView()->paintedRows())
                   .arg(lokiTimes.first(), 0, 'f', 1)
                   .arg(lokiTimes.last(), 0, 'f', 1));
    Bench::figure("loki_5000_lines_to_paint_ms", lokiTimes.at(lokiTimes.size() / 2), "ms");
    return 0;
}
