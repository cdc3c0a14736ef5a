// SPDX-License-Identifier: GPL-3.0-or-later
// The Stack page's CPU and memory sparklines, without Docker: a ServiceModel fed through
// updateStats over simulated time, the page grabbed offscreen, and the pixels of the cells read
// back (drawn where there is a history, in the series colour, in the highlighted text colour on
// a selected row, at device pixel ratio 2 too). With STACKSCOPE_SHOTS_DIR set, it also writes
// stack-sparklines.png (and -dark.png) there.
#include "models/common/palette.h"
#include "models/stack/servicemodel.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/sparklinedelegate.h"
#include "ui/stack/stackpage.h"

#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>

#include <cmath>
#include <random>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

const QDateTime Start(QDate(2026, 5, 4), QTime(9, 0), Qt::UTC);

ComposeService declared(const QString &name, const QString &image, int port = 0)
{
    ComposeService s;
    s.name = name;
    s.image = image;
    if (port > 0)
        s.hostPorts = {port};
    return s;
}

ContainerInfo container(const QString &id, const ComposeService &spec, const QString &state,
                        const QString &health = {}, int exitCode = 0)
{
    ContainerInfo c;
    c.id = id;
    c.name = u"demo_"_s + spec.name + u"_1"_s;
    c.service = spec.name;
    c.image = spec.image;
    c.state = state;
    c.health = health;
    c.exitCode = exitCode;
    c.created = 100;
    c.hostPorts = spec.hostPorts;
    c.startedAt = Start.addSecs(-3 * 3600);
    return c;
}

/// A stack of seven services as a user's looks: busy, idle, one restarted midway (a gap), one
/// that stopped (its line ends), one never started; `minutes` of samples every 5 s.
struct DemoStack
{
    ServiceModel model;
    QList<ComposeService> spec{
        declared(u"prometheus"_s, u"prom/prometheus:v2.48.0"_s, 9091),
        declared(u"alertmanager"_s, u"prom/alertmanager:v0.26.0"_s, 9093),
        declared(u"grafana"_s, u"grafana/grafana:10.2.2"_s, 3000),
        declared(u"jaeger"_s, u"jaegertracing/all-in-one:1.51"_s, 16686),
        declared(u"api"_s, u"ghcr.io/acme/api:2.3.1"_s, 8080),
        declared(u"loadgen"_s, u"ghcr.io/acme/loadgen:2.3.1"_s),
        declared(u"backup"_s, u"ghcr.io/acme/backup:1.0"_s),
    };

    explicit DemoStack(int minutes)
    {
        spec[5].networkMode = u"host"_s; // its Ports cell says so
        QList<ContainerInfo> containers{
            container(u"c-prom"_s, spec[0], u"running"_s, u"healthy"_s),
            container(u"c-am"_s, spec[1], u"running"_s, u"healthy"_s),
            container(u"c-graf"_s, spec[2], u"running"_s, u"healthy"_s),
            container(u"c-jaeger"_s, spec[3], u"running"_s),
            container(u"c-api"_s, spec[4], u"running"_s, u"healthy"_s),
            container(u"c-load"_s, spec[5], u"running"_s),
        };
        model.setNow(Start);
        model.setServices(joinServices(spec, containers));
        std::mt19937 random(13);
        std::uniform_real_distribution<double> noise(0.0, 1.0);
        const int steps = minutes * 12;
        const qint64 host = qint64(15) * 1024 * 1024 * 1024 + qint64(600) * 1024 * 1024;
        const qint64 mib = 1024 * 1024;
        for (int i = 0; i <= steps; ++i) {
            const double n = noise(random);
            model.setNow(Start.addSecs(5 * i));
            // Prometheus: a scrape burst every 15 s, memory growing with its head block.
            model.updateStats(u"c-prom"_s, (i % 3 == 0 ? 9.0 : 2.5) + 2 * n,
                              (182 + i / 4) * mib + qint64(n * 3 * mib), host);
            model.updateStats(u"c-am"_s, 0.1 + 0.1 * n, 24 * mib, host);
            model.updateStats(u"c-graf"_s, 0.8 + 1.5 * n * n, 96 * mib + qint64(n * 2 * mib),
                              qint64(512) * mib);
            // Jaeger: traffic in waves.
            const double wave = 0.5 + 0.5 * std::sin(i / 9.0);
            model.updateStats(u"c-jaeger"_s, 1 + 14 * wave * (0.7 + 0.3 * n),
                              (60 + qint64(40 * wave)) * mib, host);
            // The API restarts two thirds of the way (a gap), with its memory back at the start.
            const int restart = steps * 2 / 3;
            if (i == restart) {
                model.updateContainer(u"api"_s,
                                      container(u"c-api"_s, spec[4], u"exited"_s, {}, 137));
            } else if (i == restart + 2) {
                ContainerInfo again = container(u"c-api2"_s, spec[4], u"running"_s, u"healthy"_s);
                again.created = 200;
                again.startedAt = Start.addSecs(5 * i);
                model.updateContainer(u"api"_s, again);
            } else if (i != restart + 1) {
                const QString id = i < restart ? u"c-api"_s : u"c-api2"_s;
                const int since = i < restart ? i + 200 : i - restart;
                model.updateStats(id, 22 + 18 * n, (140 + std::min(since, 300) / 2) * mib,
                                  qint64(1) << 31);
            }
            // The load generator ran until half way, then exited.
            if (i < steps / 2)
                model.updateStats(u"c-load"_s, 35 + 30 * n, 48 * mib, host);
            else if (i == steps / 2)
                model.updateContainer(u"loadgen"_s, container(u"c-load"_s, spec[5], u"exited"_s));
        }
        model.tick();
    }
};

/// Pixels in `rect` of `image` that differ from the `background` colour.
int differing(const QImage &image, const QRect &rect, QRgb background)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += image.pixel(x, y) != background;
    }
    return n;
}

/// Pixels in `rect` within a small distance of `color`.
int near(const QImage &image, const QRect &rect, const QColor &color)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                     + std::abs(c.blue() - color.blue())
                 < 40;
        }
    }
    return n;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x20, 0x23), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

class TestSparklines : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void paintsTheHistory();
    void selectedRow();
    void crispAtDevicePixelRatio2();
    void screenshot();
};

void TestSparklines::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
}

void TestSparklines::paintsTheHistory()
{
    DemoStack stack(4);
    StackPage page(&stack.model);
    page.resize(1400, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *table = page.table();
    auto *delegate
        = qobject_cast<SparklineDelegate *>(table->itemDelegateForColumn(ServiceModel::Cpu));
    QVERIFY(delegate);
    QVERIFY(qobject_cast<SparklineDelegate *>(table->itemDelegateForColumn(ServiceModel::Memory)));
    QCOMPARE(delegate->color(), Palette::series(5));
    // The columns leave room for a readable line beside the reserved text.
    QVERIFY(table->columnWidth(ServiceModel::Cpu)
            >= delegate->preferredWidth(table->fontMetrics()));

    const QImage image = table->viewport()->grab().toImage();
    auto sparkline = [&](const QString &service, int column) {
        const QModelIndex index = table->model()->index(stack.model.rowOf(service), column);
        const QRect cell = table->visualRect(index);
        auto *d = static_cast<SparklineDelegate *>(table->itemDelegateForColumn(column));
        return std::pair{
            d->sparklineRect(cell, table->fontMetrics(), index.data().toString()).toAlignedRect(),
            cell};
    };
    for (const QString &service : {u"prometheus"_s, u"jaeger"_s, u"api"_s, u"loadgen"_s}) {
        for (int column : {int(ServiceModel::Cpu), int(ServiceModel::Memory)}) {
            const auto [area, cell] = sparkline(service, column);
            QVERIFY2(!area.isEmpty(), qPrintable(service));
            const QRgb background = image.pixel(cell.left() + 1, cell.top() + 1);
            const int drawn = differing(image, area, background);
            QVERIFY2(drawn > area.width() * 2,
                     qPrintable(u"%1: %2 of %3 pixels"_s.arg(service).arg(drawn).arg(
                         area.width() * area.height())));
            const QColor color
                = column == ServiceModel::Cpu ? Palette::series(5) : Palette::series(6);
            QVERIFY2(near(image, area, color) > area.width() / 4, qPrintable(service));
        }
    }
    // Never started: only the background (the history role is empty).
    const auto [area, cell] = sparkline(u"backup"_s, ServiceModel::Cpu);
    QVERIFY(!area.isEmpty());
    QCOMPARE(differing(image, area, image.pixel(cell.left() + 1, cell.top() + 1)), 0);

    // The stopped service's line ends where it stopped: the right half of its cell stays empty
    // but for the baseline.
    const auto [stopped, stoppedCell] = sparkline(u"loadgen"_s, ServiceModel::Cpu);
    const QRect rightHalf(stopped.center().x() + 4, stopped.top(), stopped.width() / 2 - 4,
                          stopped.height() - 2);
    QCOMPARE(
        differing(image, rightHalf, image.pixel(stoppedCell.left() + 1, stoppedCell.top() + 1)), 0);
}

void TestSparklines::selectedRow()
{
    DemoStack stack(4);
    StackPage page(&stack.model);
    page.resize(1400, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.selectService(u"jaeger"_s);
    QTableView *table = page.table();
    table->setFocus();
    const QImage image = table->viewport()->grab().toImage();
    const QModelIndex index
        = table->model()->index(stack.model.rowOf(u"jaeger"_s), ServiceModel::Cpu);
    const QRect area
        = static_cast<SparklineDelegate *>(table->itemDelegateForColumn(ServiceModel::Cpu))
              ->sparklineRect(table->visualRect(index), table->fontMetrics(),
                              index.data().toString())
              .toAlignedRect();
    // On the highlight the line takes the highlighted text's colour, not the series colour.
    const QColor highlighted = table->palette().color(QPalette::Active, QPalette::HighlightedText);
    QVERIFY(near(image, area, highlighted) > area.width() / 2);
    QCOMPARE(near(image, area, Palette::series(5)), 0);
}

void TestSparklines::crispAtDevicePixelRatio2()
{
    DemoStack stack(60); // a full hour: more samples than pixel columns
    StackPage page(&stack.model);
    page.resize(1400, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *table = page.table();
    QWidget *viewport = table->viewport();
    QPixmap pixmap(viewport->size() * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    viewport->render(&pixmap);
    const QImage image = pixmap.toImage();
    const QModelIndex index
        = table->model()->index(stack.model.rowOf(u"prometheus"_s), ServiceModel::Cpu);
    const QRectF area
        = static_cast<SparklineDelegate *>(table->itemDelegateForColumn(ServiceModel::Cpu))
              ->sparklineRect(table->visualRect(index), table->fontMetrics(),
                              index.data().toString());
    const QRect device(area.topLeft().toPoint() * 2, area.size().toSize() * 2);
    const QRgb background = image.pixel(device.left() - 4, device.top());
    QVERIFY(differing(image, device, background) > device.width() * 4);
    // The baseline is one solid device row, not smeared over two.
    const int baseline = device.bottom();
    int solid = 0;
    for (int x = device.left() + 2; x < device.right() - 2; ++x)
        solid += image.pixel(x, baseline) != background;
    QVERIFY2(solid > (device.width() - 4) * 9 / 10, qPrintable(QString::number(solid)));
}

void TestSparklines::screenshot()
{
    const QString dir = qEnvironmentVariable("STACKSCOPE_SHOTS_DIR");
    for (const bool dark : {false, true}) {
        const QPalette original = QApplication::palette();
        if (dark)
            QApplication::setPalette(darkPalette());
        {
            DemoStack stack(8);
            StackPage page(&stack.model);
            page.setProjectInfo(u"demo"_s, u"the folder /home/ada/demo"_s,
                                {u"/home/ada/demo/docker-compose.yml"_s},
                                u"resolved by docker compose 2.20.2"_s);
            page.setDaemonInfo(u"unix:///var/run/docker.sock"_s, u"the default"_s,
                               u"Docker/24.0.5 (linux), API 1.43"_s);
            page.setComposeInfo(u"docker compose 2.20.2"_s);
            page.setConnected(true);
            page.progressPanel()->begin(u"docker compose -p demo up -d"_s);
            page.progressPanel()->end(true, false, u"compose up finished in 2.1 s."_s, {});
            page.resize(1280, 640);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.selectService(u"grafana"_s);
            const QImage image = page.grab().toImage();
            QVERIFY(!image.isNull());
            if (!dir.isEmpty()) {
                QDir().mkpath(dir);
                const QString file
                    = dir + (dark ? u"/stack-sparklines-dark.png"_s : u"/stack-sparklines.png"_s);
                QVERIFY(image.save(file));
                qInfo("wrote %s", qPrintable(file));
            }
        }
        QApplication::setPalette(original);
    }
}

QTEST_MAIN(TestSparklines)
#include "tst_sparklines.moc"
