// SPDX-License-Identifier: GPL-3.0-or-later
//
// startup_to_window_ms: from starting the stackscope process to the main window's first paint.
// The binary prints a line at its first paint when STACKSCOPE_REPORT_FIRST_PAINT=exit and then
// exits; we time from QProcess::start to that line. One warm-up run (it writes the default
// configuration), then the median of the measured runs.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, atoi(argv[1])) : 9;
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.remove(u"XDG_CONFIG_HOME"_s);
    env.remove(u"XDG_DATA_HOME"_s);
    env.insert(u"STACKSCOPE_REPORT_FIRST_PAINT"_s, u"exit"_s);
    // Disable self-metrics so that runs do not fight over the default port.
    const QString config = home.filePath(u"bench.yaml"_s);
    {
        QFile f(config);
        if (!f.open(QIODevice::WriteOnly))
            return 2;
        f.write("version: 1\nself_metrics:\n  enabled: false\n");
    }
    const QString platform = env.contains(u"DISPLAY"_s) ? u"xcb"_s : u"offscreen"_s;
    env.insert(u"QT_QPA_PLATFORM"_s, platform);

    QList<double> times;
    for (int i = 0; i <= runs; ++i) {
        QProcess process;
        process.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        process.start(QStringLiteral(STACKSCOPE_BINARY), {u"--config"_s, config});
        double ms = -1;
        QByteArray output;
        while (process.waitForReadyRead(10000)) {
            output += process.readAllStandardOutput();
            if (output.contains("first paint")) {
                ms = double(clock.nsecsElapsed()) / 1e6;
                break;
            }
        }
        process.waitForFinished(10000);
        if (ms < 0) {
            std::fprintf(stderr, "stackscope did not report its first paint: %s\n",
                         process.readAllStandardError().constData());
            return 1;
        }
        if (i > 0) // run 0 warms the caches
            times.append(ms);
    }
    std::sort(times.begin(), times.end());
    const double median = times.at(times.size() / 2);
    std::printf("# %lld runs on the %s platform: min %.1f ms, max %.1f ms\n",
                qlonglong(times.size()), qPrintable(platform), times.first(), times.last());
    std::printf("startup_to_window_ms: %.1f ms\n", median);
    return 0;
}
