// SPDX-License-Identifier: GPL-3.0-or-later
// Two figures of the Stack page against a private dockerd (see DockerDaemon):
//   stack_click_to_healthy_ratio: click Start until the table shows every service healthy,
//     divided by `docker-compose up -d` plus polling `docker-compose ps` every 500 ms until all
//     are healthy, on the same three-service project (median of 3 rounds each; < 1 = faster).
//   stack_event_to_table_ms: a container is killed through the API (from another thread) until
//     the table shows it exited (median of 7; includes the daemon's own kill handling).
//   stack_open_ms: another compose file chosen (the user's own project, started outside with
//     docker-compose) until every service is listed with its state and compose's `config` has
//     answered (median of 5; compose detected beforehand, as in a running window);
//     stack_open_listed_ms: the same until the services are listed with state from Stackscope's
//     own reading of the files, before compose answers.
#include "app/compose/stacksupervisor.h"
#include "app/config/configloader.h"
#include "app/features/stackfeature.h"
#include "models/stack/servicemodel.h"
#include "tests/stack/dockerdaemon.h"
#include "tests/support/benchfigures.h"
#include "ui/stack/stackpage.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <thread>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Bench::median;
using Bench::say;

namespace {

bool allHealthy(const ServiceModel *model)
{
    if (model->rowCount() != 3)
        return false;
    for (const ServiceStatus &s : model->services()) {
        if (s.condition() != ServiceStatus::Condition::Healthy)
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    DockerDaemon daemon;
    QString why;
    QString composeProgram;
    if (!daemon.startForCompose(&composeProgram, &why)) {
        say(u"# stack benchmarks skipped: "_s + why);
        return 0;
    }
    QTemporaryDir dir;
    const QString file = dir.filePath(u"docker-compose.yml"_s);
    QFile::copy(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/bench-compose.yml"), file);
    const QStringList global{u"-p"_s, u"bench"_s, u"-f"_s, file};
    auto down = [&] {
        daemon.run(composeProgram, global + QStringList{u"down"_s, u"-t"_s, u"0"_s});
    };

    // The CLI way: up -d, then poll ps.
    QList<double> cli;
    for (int round = 0; round < 3; ++round) {
        down();
        QElapsedTimer clock;
        clock.start();
        daemon.run(composeProgram, global + QStringList{u"up"_s, u"-d"_s});
        for (;;) {
            QString out;
            daemon.run(composeProgram, global + QStringList{u"ps"_s}, &out);
            if (out.count(u"(healthy)"_s) == 3)
                break;
            if (clock.elapsed() > 60000) {
                say(u"# stack benchmarks skipped: the CLI never saw three healthy services"_s);
                return 0;
            }
            QThread::msleep(500);
        }
        cli << double(clock.elapsed());
    }
    down();

    // The page's way.
    Config config;
    config.stack.project = u"bench"_s;
    config.stack.composeFiles = {file};
    config.stack.dockerHost = daemon.host();
    StackFeature feature{AppContext{}};
    std::unique_ptr<QWidget> page(feature.createPage());
    auto *stackPage = static_cast<StackPage *>(page.get());
    feature.applyConfig(config);
    page->show();
    feature.start();
    StackSupervisor *supervisor = feature.supervisor();
    ServiceModel *model = supervisor->model();
    if (!QTest::qWaitFor([&] { return supervisor->hasSnapshot(); }, 10000)) {
        say(u"# stack benchmarks skipped: the page did not connect"_s);
        return 0;
    }
    supervisor->detectCompose();
    QList<double> gui;
    for (int round = 0; round < 3; ++round) {
        down();
        (void)QTest::qWaitFor(
            [&] {
                return !model->services().isEmpty() && !model->services().first().hasContainer();
            },
            10000);
        QElapsedTimer clock;
        qint64 reached = -1;
        QEventLoop loop;
        auto check = [&] {
            if (reached < 0 && allHealthy(model)) {
                reached = clock.elapsed();
                loop.quit();
            }
        };
        auto c = QObject::connect(model, &QAbstractItemModel::dataChanged, &loop, check);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        clock.start();
        QTest::mouseClick(stackPage->findChild<QPushButton *>(u"startStack"_s), Qt::LeftButton);
        loop.exec();
        QObject::disconnect(c);
        if (reached < 0) {
            say(u"# stack benchmarks skipped: the page never showed three healthy services"_s);
            return 0;
        }
        (void)QTest::qWaitFor([&] { return !supervisor->isComposeRunning(); }, 30000);
        gui << double(reached);
    }

    // Event to table: kill from another thread, time until the row says exited.
    QList<double> latency;
    for (int i = 0; i < 7; ++i) {
        (void)QTest::qWaitFor([&] { return allHealthy(model); }, 20000);
        const QString id = model->services().first().container.id;
        QElapsedTimer clock;
        qint64 shown = -1;
        QEventLoop loop;
        auto c = QObject::connect(model, &QAbstractItemModel::dataChanged, &loop, [&] {
            if (shown < 0 && model->services().first().container.state == "exited"_L1) {
                shown = clock.elapsed();
                loop.quit();
            }
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        clock.start();
        std::thread killer(
            [&] { daemon.request("POST", "/containers/" + id.toLatin1() + "/kill"); });
        loop.exec();
        killer.join();
        QObject::disconnect(c);
        if (shown >= 0)
            latency << double(shown);
        daemon.request("POST", "/containers/" + id.toLatin1() + "/start");
    }
    down();

    // Opening another stack: the user's own project, up before Stackscope looks at it.
    const QString own = dir.filePath(u"myapp"_s);
    QDir().mkpath(own);
    for (const QString &name : {u"docker-compose.yml"_s, u".env"_s})
        QFile::copy(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/stack/myapp/") + name,
                    own + u'/' + name);
    daemon.run(composeProgram, {u"-f"_s, own + u"/docker-compose.yml"_s, u"up"_s, u"-d"_s});
    Config ownConfig = config;
    ownConfig.stack.project.clear();
    ownConfig.stack.composeFiles = {own + u"/docker-compose.yml"_s};
    QList<double> opened, listed;
    for (int round = 0; round < 5; ++round) {
        feature.applyConfig(config); // back to the bench project
        (void)QTest::qWaitFor([&] { return supervisor->hasSnapshot(); }, 10000);
        QElapsedTimer clock;
        clock.start();
        qint64 listedAt = -1;
        feature.applyConfig(ownConfig);
        const bool ok = QTest::qWaitFor(
            [&] {
                const bool known
                    = supervisor->hasSnapshot() && model->rowCount() == 2
                      && std::all_of(model->services().begin(), model->services().end(),
                                     [](const ServiceStatus &s) { return s.isRunning(); });
                if (known && listedAt < 0)
                    listedAt = clock.elapsed();
                return known && supervisor->isModelResolved();
            },
            30000);
        if (ok) {
            opened << double(clock.elapsed());
            listed << double(listedAt);
        }
    }
    daemon.run(composeProgram,
               {u"-f"_s, own + u"/docker-compose.yml"_s, u"down"_s, u"-t"_s, u"0"_s});

    const double cliMs = median(cli), guiMs = median(gui);
    say(u"# docker-compose up -d + ps polling (500 ms): median %1 ms; page click to all healthy: "
        "median %2 ms (3 rounds each)"_s.arg(cliMs)
            .arg(guiMs));
    say(u"stack_click_to_healthy_ms: %1 ms"_s.arg(guiMs));
    say(u"stack_cli_up_poll_healthy_ms: %1 ms"_s.arg(cliMs));
    say(u"stack_click_to_healthy_ratio: %1 ratio"_s.arg(guiMs / cliMs, 0, 'f', 2));
    if (latency.isEmpty())
        say(u"# stack_event_to_table_ms: no kill was seen"_s);
    else
        say(u"stack_event_to_table_ms: %1 ms"_s.arg(median(latency), 0, 'f', 0));
    if (opened.isEmpty()) {
        say(u"# stack_open_ms: the opened project never showed its services"_s);
    } else {
        say(u"# opening a running project with %1: median %2 ms until compose answered, %3 ms "
            "until listed with state (5 rounds)"_s.arg(supervisor->composeCommand().describe())
                .arg(median(opened))
                .arg(median(listed)));
        say(u"stack_open_ms: %1 ms"_s.arg(median(opened), 0, 'f', 0));
        say(u"stack_open_listed_ms: %1 ms"_s.arg(median(listed), 0, 'f', 0));
    }
    page.reset();
    daemon.stop();
    return 0;
}
