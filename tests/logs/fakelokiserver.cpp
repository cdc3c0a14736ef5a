// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: the Loki stand-in as a program, for screenshots of the real binary.
// fakeloki_server PORT [SECONDS]: serves sample streams and a metric for the last hour on
// 127.0.0.1:PORT and quits after SECONDS (default 300).
#include "tests/logs/fakeloki.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Stackscope::Test;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: fakeloki_server PORT [SECONDS]\n");
        return 2;
    }
    const auto port = quint16(args.at(1).toUInt());
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 300;

    FakeLoki loki;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QList<std::pair<QString, QStringList>> services{
        {u"api"_s,
         {u"level=info msg=\"GET /orders\" status=200 duration=12ms"_s,
          u"level=warn msg=\"slow query\" table=orders duration=812ms"_s,
          u"level=error msg=\"payment failed\" order=8812 err=\"card declined\""_s}},
        {u"worker"_s,
         {u"level=info msg=\"job done\" job=invoice-31 took=1.2s"_s,
          u"level=debug msg=\"queue depth\" depth=4"_s}}};
    for (const auto &[service, texts] : services) {
        for (const QString &level : {u"info"_s, u"warn"_s, u"error"_s, u"debug"_s}) {
            FakeLoki::Stream stream{{{u"job"_s, service}, {u"level"_s, level}}, {}};
            for (int i = 0; i < 120; ++i) {
                const QString &text = texts.at(i % texts.size());
                if (!text.contains(u"level="_s + level))
                    continue;
                stream.lines.append({(now - i * 29000) * 1000000, text.toUtf8()});
            }
            if (!stream.lines.isEmpty())
                loki.streams.append(stream);
        }
    }
    for (const QString &level : {u"info"_s, u"warn"_s, u"error"_s}) {
        FakeLoki::MetricSeries series{{{u"level"_s, level}}, {}};
        for (int i = 240; i >= 0; --i) { // every 15 s, the step a one-hour chart asks for
            const double base = level == "info"_L1 ? 40 : level == "warn"_L1 ? 8 : 2;
            series.samples.append(
                {double(now / 1000 - i * 15), QByteArray::number(base + (i * 7 % 11) * base / 10)});
        }
        loki.metric.append(series);
    }
    FaultServer server;
    server.setHandler(loki.handler());
    if (!server.listen(port)) {
        std::fprintf(stderr, "cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    QTimer::singleShot(seconds * 1000, &app, &QCoreApplication::quit);
    return app.exec();
}
