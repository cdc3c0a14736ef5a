// SPDX-License-Identifier: GPL-3.0-or-later
// ServiceModel merges (never resets), joinServices, and LogBuffer's cap.
#include "models/common/format.h"
#include "models/stack/logbuffer.h"
#include "models/stack/servicemodel.h"

#include "tests/support/printers.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

STACKSCOPE_PRINTABLE_ENUM(Stackscope::ServiceStatus::Condition)

namespace {

ComposeService declared(const QString &name, bool health = false)
{
    ComposeService s;
    s.name = name;
    s.image = u"img/"_s + name;
    s.hasHealthcheck = health;
    return s;
}

ContainerInfo container(const QString &id, const QString &service, const QString &state,
                        const QString &health = {}, int exitCode = 0, qint64 created = 100)
{
    ContainerInfo c;
    c.id = id;
    c.name = u"p_"_s + service + u"_1"_s;
    c.service = service;
    c.state = state;
    c.health = health;
    c.exitCode = exitCode;
    c.created = created;
    c.image = u"img/"_s + service;
    c.startedAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    return c;
}

} // namespace

class TestServiceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void join();
    void mergeNeverResets();
    void displayTexts();
    void updateContainerAndStats();
    void historyRoles();
    void historyAcrossRestarts();
    void condition_data();
    void condition();
    void logBufferCap();
    void logBufferFilter();
};

void TestServiceModel::join()
{
    const QList<ComposeService> spec{declared(u"web"_s, true), declared(u"db"_s)};
    const QList<ContainerInfo> containers{
        container(u"old"_s, u"web"_s, u"exited"_s, {}, 1, 50),
        container(u"new"_s, u"web"_s, u"running"_s, u"healthy"_s, 0, 60),
        container(u"x"_s, u"orphan"_s, u"running"_s),
    };
    const QList<ServiceStatus> rows = joinServices(spec, containers);
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows.at(0).service, u"web"_s);
    QCOMPARE(rows.at(0).container.id, u"new"_s); // the newest container wins
    QCOMPARE(rows.at(0).containerCount, 2);
    QCOMPARE(rows.at(1).service, u"db"_s);
    QVERIFY(!rows.at(1).hasContainer());
    QCOMPARE(rows.at(2).service, u"orphan"_s);
    QVERIFY(!rows.at(2).declared);

    // Samples of the same running container are kept across a re-join.
    QList<ServiceStatus> withStats = rows;
    withStats[0].cpuPercent = 12.5;
    withStats[0].memoryBytes = 4096;
    const QList<ServiceStatus> again = joinServices(spec, containers, withStats);
    QCOMPARE(again.at(0).cpuPercent, 12.5);
    QCOMPARE(again.at(0).memoryBytes, qint64(4096));
}

void TestServiceModel::mergeNeverResets()
{
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const QList<ComposeService> spec{declared(u"a"_s), declared(u"b"_s), declared(u"c"_s)};
    model.setServices(joinServices(spec, {}));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 3);
    QCOMPARE(model.columnCount(), int(ServiceModel::ColumnCount));

    // Same data: nothing emitted.
    changed.clear();
    model.setServices(joinServices(spec, {}));
    QCOMPARE(changed.size(), 0);

    // b gets a container: only b's row changes.
    model.setServices(joinServices(spec, {container(u"1"_s, u"b"_s, u"running"_s)}));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);

    // a vanishes from the file, d appears: one removal, one insertion, c keeps its data.
    const QList<ComposeService> spec2{declared(u"b"_s), declared(u"c"_s), declared(u"d"_s)};
    model.setServices(joinServices(spec2, {container(u"1"_s, u"b"_s, u"running"_s)}));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 4);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ServiceModel::Service).data().toString(), u"b"_s);
    QCOMPARE(model.index(2, ServiceModel::Service).data().toString(), u"d"_s);
    QCOMPARE(model.rowOf(u"c"_s), 1);
    QCOMPARE(resets.size(), 0);
}

void TestServiceModel::displayTexts()
{
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(QDateTime(QDate(2026, 1, 1), QTime(11, 30, 5), Qt::UTC));
    ComposeService web = declared(u"web"_s, true);
    web.hostPorts = {3000};
    web.url = u"http://127.0.0.1:3000/login"_s;
    ContainerInfo sick = container(u"2"_s, u"sick"_s, u"running"_s, u"unhealthy"_s);
    sick.healthOutput = u"backend not ready\n"_s;
    sick.healthFailingStreak = 3;
    model.setServices(joinServices(
        {web, declared(u"crash"_s), declared(u"sick"_s, true), declared(u"later"_s, true)},
        {container(u"1"_s, u"web"_s, u"running"_s, u"healthy"_s),
         container(u"3"_s, u"crash"_s, u"exited"_s, {}, 3), sick}));
    auto text = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role).toString();
    };
    QCOMPARE(text(0, ServiceModel::State), u"running"_s);
    QCOMPARE(text(0, ServiceModel::Health), u"healthy"_s);
    QCOMPARE(text(0, ServiceModel::Uptime), u"1 h 30 min"_s);
    QCOMPARE(text(0, ServiceModel::Ports), u"3000"_s);
    QCOMPARE(model.index(0, 0).data(ServiceModel::UrlsRole).toStringList(),
             (QStringList{u"http://127.0.0.1:3000/login"_s, u"http://127.0.0.1:3000/"_s}));
    QCOMPARE(text(1, ServiceModel::State), u"exited (3)"_s);
    QCOMPARE(text(1, ServiceModel::Uptime), u"exit code 3"_s);
    QCOMPARE(text(1, ServiceModel::Health), QString()); // not running: no health shown
    QCOMPARE(text(0, ServiceModel::Health, ServiceModel::SortRole), u"healthy"_s);
    QCOMPARE(text(2, ServiceModel::Health), u"unhealthy"_s);
    QVERIFY(text(2, ServiceModel::Health, Qt::ToolTipRole).contains(u"backend not ready"_s));
    QCOMPARE(text(3, ServiceModel::State), u"not created"_s);
    QCOMPARE(text(3, ServiceModel::Restarts), QString());
    QCOMPARE(model.headerData(ServiceModel::Cpu, Qt::Horizontal).toString(), u"CPU"_s);
    QCOMPARE(Format::bytes(1536 * 1024), u"1.5 MiB"_s);

    // Host networking publishes nothing: the column says why it is empty.
    ComposeService exporter = declared(u"exporter"_s);
    exporter.networkMode = u"host"_s;
    ContainerInfo stopped = container(u"4"_s, u"exporter"_s, u"exited"_s, {}, 2);
    model.setServices(joinServices({exporter}, {stopped}));
    QCOMPARE(text(0, ServiceModel::Ports), u"host"_s);
    QVERIFY(!model.index(0, ServiceModel::Ports).data(Qt::FontRole).value<QFont>().underline());
    QVERIFY(text(0, ServiceModel::Ports, Qt::ToolTipRole).contains(u"host's network"_s));
    QCOMPARE(model.index(0, 0).data(ServiceModel::ConditionRole).toInt(),
             int(ServiceStatus::Condition::Exited)); // exit 2, nobody asked: a crash
    // The same exit after someone stopped it (a kill event came first), or SIGTERM's 143: stopped.
    stopped.stopRequested = true;
    model.setServices(joinServices({exporter}, {stopped}));
    QCOMPARE(model.index(0, 0).data(ServiceModel::ConditionRole).toInt(),
             int(ServiceStatus::Condition::Stopped));
    stopped.stopRequested = false;
    stopped.exitCode = 143;
    model.setServices(joinServices({exporter}, {stopped}));
    QCOMPARE(model.index(0, 0).data(ServiceModel::ConditionRole).toInt(),
             int(ServiceStatus::Condition::Stopped));
    QCOMPARE(Format::elapsed(42), u"42 s"_s);
    QCOMPARE(Format::elapsed(90000), u"1 d 1 h"_s);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.tick();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(ServiceModel::Uptime));
}

void TestServiceModel::updateContainerAndStats()
{
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setServices(joinServices({declared(u"web"_s, true)},
                                   {container(u"1"_s, u"web"_s, u"running"_s, u"starting"_s)}));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.updateStats(u"1"_s, 150.0, 2048, 8192);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, ServiceModel::Cpu).data().toString(), u"150.0 %"_s);
    QCOMPARE(model.index(0, ServiceModel::Memory).data().toString(), u"2 KiB / 8 KiB"_s);
    QCOMPARE(
        model.index(0, ServiceModel::Memory).data(Qt::ToolTipRole).toString().section(u'\n', 0, 0),
        u"2 KiB of 8 KiB (25 %)"_s);
    model.updateStats(u"unknown"_s, 1, 1, 1);
    QCOMPARE(changed.size(), 1);

    ContainerInfo healthy = container(u"1"_s, u"web"_s, u"running"_s, u"healthy"_s);
    QVERIFY(model.updateContainer(u"web"_s, healthy));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.services().first().condition(), ServiceStatus::Condition::Healthy);
    QCOMPARE(model.services().first().cpuPercent, 150.0); // same running container keeps it

    ContainerInfo died = container(u"1"_s, u"web"_s, u"exited"_s, {}, 137);
    QVERIFY(model.updateContainer(u"web"_s, died));
    QCOMPARE(model.services().first().cpuPercent, -1.0);
    QCOMPARE(model.index(0, ServiceModel::Cpu).data().toString(), QString());
    model.updateStats(u"1"_s, 5, 5, 5); // not running: ignored
    QCOMPARE(model.services().first().cpuPercent, -1.0);
    QVERIFY(!model.updateContainer(u"nope"_s, died));
}

void TestServiceModel::historyRoles()
{
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    model.setNow(t0);
    model.setServices(joinServices({declared(u"web"_s), declared(u"db"_s)},
                                   {container(u"1"_s, u"web"_s, u"running"_s)}));
    auto history = [&](int row, int role) {
        return model.index(row, ServiceModel::Cpu).data(role).value<SampleHistory>();
    };
    auto window = [&] {
        return model.index(1, ServiceModel::Memory)
            .data(ServiceModel::HistoryWindowRole)
            .value<SampleHistory::Window>();
    };
    // No sample yet: empty histories, the window is the last hour.
    QVERIFY(history(0, ServiceModel::CpuHistoryRole).isEmpty());
    QCOMPARE(window().toMsecs, t0.toMSecsSinceEpoch());
    QCOMPARE(window().fromMsecs, t0.addSecs(-3600).toMSecsSinceEpoch());
    QVERIFY(model.index(0, ServiceModel::Cpu).data(Qt::ToolTipRole).isNull());

    // Ten minutes of samples every 5 s; the same values still announce the history.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 0; i <= 120; ++i) {
        model.setNow(t0.addSecs(5 * i));
        model.updateStats(u"1"_s, i < 60 ? 1.0 + i : 50.0, (100 + (i < 60 ? i : 60)) << 20,
                          qint64(1) << 31);
    }
    QCOMPARE(changed.size(), 121);
    const QList<QVariant> last = changed.last();
    QCOMPARE(last.at(0).value<QModelIndex>().column(), int(ServiceModel::Cpu));
    QCOMPARE(last.at(1).value<QModelIndex>().column(), int(ServiceModel::Memory));
    QVERIFY(last.at(2).value<QList<int>>().contains(ServiceModel::CpuHistoryRole));

    const SampleHistory cpu = history(0, ServiceModel::CpuHistoryRole);
    const SampleHistory memory = history(0, ServiceModel::MemoryHistoryRole);
    QCOMPARE(cpu.size(), 121);
    QCOMPARE(cpu.min(), 1.0);
    QCOMPARE(cpu.max(), 60.0);
    QCOMPARE(memory.last(), double(160 << 20));
    QVERIFY(history(1, ServiceModel::CpuHistoryRole).isEmpty()); // db: not created
    // The same window on every row: since the first sample, while that is less than an hour.
    QCOMPARE(window().fromMsecs, t0.toMSecsSinceEpoch());
    QCOMPARE(window().toMsecs, t0.addSecs(600).toMSecsSinceEpoch());

    QCOMPARE(model.index(0, ServiceModel::Memory).data().toString(), u"160 MiB / 2 GiB"_s);
    QCOMPARE(model.index(0, ServiceModel::Cpu).data(Qt::ToolTipRole).toString(),
             u"CPU over the last 10 min:\nmin 1.0 % \u00b7 max 60.0 % \u00b7 last 50.0 %\n"
             "From Stackscope's own samples of the last hour"_s);
    QCOMPARE(model.index(0, ServiceModel::Memory).data(Qt::ToolTipRole).toString(),
             u"160 MiB of 2 GiB (7.81 %)\nMemory over the last 10 min:\n"
             "min 100 MiB \u00b7 max 160 MiB \u00b7 last 160 MiB\n"
             "From Stackscope's own samples of the last hour"_s);

    // An hour and a half later: a full hour's window; tick() drops what is older, moves every
    // row's window on and says so for the resource columns.
    model.setNow(t0.addSecs(5400));
    changed.clear();
    model.tick();
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(1).at(0).value<QModelIndex>(), model.index(0, ServiceModel::Cpu));
    QCOMPARE(changed.at(1).at(1).value<QModelIndex>(), model.index(1, ServiceModel::Memory));
    QVERIFY(changed.at(1).at(2).value<QList<int>>().contains(ServiceModel::HistoryWindowRole));
    QCOMPARE(window().fromMsecs, t0.addSecs(1800).toMSecsSinceEpoch());
    QVERIFY(history(0, ServiceModel::CpuHistoryRole).isEmpty());
    QVERIFY(model.index(0, ServiceModel::Cpu).data(Qt::ToolTipRole).isNull());
}

void TestServiceModel::historyAcrossRestarts()
{
    // The history belongs to the service: a restart and a recreated container continue it,
    // after a gap; it goes when the service does.
    ServiceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QDateTime t(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
    auto sample = [&](const QString &id, double cpu) {
        t = t.addSecs(5);
        model.setNow(t);
        model.updateStats(id, cpu, 1 << 20, -1);
    };
    auto cpu = [&] {
        return model.index(0, ServiceModel::Cpu)
            .data(ServiceModel::CpuHistoryRole)
            .value<SampleHistory>();
    };
    const QList<ComposeService> spec{declared(u"web"_s)};
    model.setServices(joinServices(spec, {container(u"1"_s, u"web"_s, u"running"_s)}));
    sample(u"1"_s, 10);
    sample(u"1"_s, 11);
    QCOMPARE(model.index(0, ServiceModel::Memory).data().toString(), u"1 MiB"_s); // no limit

    // docker restart: the same container stops and starts again.
    t = t.addSecs(5);
    model.setNow(t);
    QVERIFY(model.updateContainer(u"web"_s, container(u"1"_s, u"web"_s, u"exited"_s, {}, 0)));
    QVERIFY(model.updateContainer(u"web"_s, container(u"1"_s, u"web"_s, u"running"_s)));
    sample(u"1"_s, 12);
    QCOMPARE(cpu().size(), 4);
    QVERIFY(cpu().at(2).isGap());

    // compose up --force-recreate: a new container, reported by a snapshot.
    model.setServices(joinServices(spec, {container(u"2"_s, u"web"_s, u"running"_s, {}, 0, 200)},
                                   model.services()));
    sample(u"2"_s, 13);
    SampleHistory h = cpu();
    QCOMPARE(h.size(), 6);
    QVERIFY(h.at(4).isGap()); // another container: not joined to the last one's line
    QCOMPARE(h.summary().count, 4);
    QVERIFY(h.summary().hasGaps);
    QCOMPARE(h.min(), 10.0);
    QCOMPARE(h.last(), 13.0);
    QVERIFY(model.index(0, ServiceModel::Cpu)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(u"not running"_s));

    // Stopped in a snapshot: one gap, however many snapshots say so.
    model.setServices(joinServices(spec, {container(u"2"_s, u"web"_s, u"exited"_s, {}, 0, 200)}));
    model.setServices(joinServices(spec, {container(u"2"_s, u"web"_s, u"exited"_s, {}, 0, 200)}));
    QCOMPARE(cpu().size(), 7);
    QVERIFY(cpu().at(6).isGap());
    QCOMPARE(model.index(0, ServiceModel::Cpu).data().toString(), QString()); // no value now...
    QCOMPARE(cpu().last(), 13.0); // ...but the last hour stays

    // The service leaves the compose file: its history goes with it.
    model.setServices(joinServices({declared(u"db"_s)}, {}));
    model.setServices(joinServices(spec, {container(u"3"_s, u"web"_s, u"running"_s)}));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0, ServiceModel::Cpu)
                .data(ServiceModel::CpuHistoryRole)
                .value<SampleHistory>()
                .isEmpty());
}

void TestServiceModel::condition_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("health");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<ServiceStatus::Condition>("condition");
    QTest::addColumn<bool>("good");
    using C = ServiceStatus::Condition;
    QTest::newRow("none") << QString() << QString() << 0 << C::NotCreated << false;
    QTest::newRow("running") << u"running"_s << QString() << 0 << C::Running << true;
    QTest::newRow("healthy") << u"running"_s << u"healthy"_s << 0 << C::Healthy << true;
    QTest::newRow("starting") << u"running"_s << u"starting"_s << 0 << C::Starting << false;
    QTest::newRow("unhealthy") << u"running"_s << u"unhealthy"_s << 0 << C::Unhealthy << false;
    QTest::newRow("exited 0") << u"exited"_s << QString() << 0 << C::Stopped << false;
    QTest::newRow("exited 3") << u"exited"_s << QString() << 3 << C::Exited << false;
    QTest::newRow("restarting") << u"restarting"_s << QString() << 1 << C::Starting << false;
    QTest::newRow("created") << u"created"_s << QString() << 0 << C::Stopped << false;
}

void TestServiceModel::condition()
{
    QFETCH(QString, state);
    QFETCH(QString, health);
    QFETCH(int, exitCode);
    QFETCH(ServiceStatus::Condition, condition);
    QFETCH(bool, good);
    ServiceStatus s;
    s.service = u"x"_s;
    if (!state.isEmpty())
        s.container = container(u"id"_s, u"x"_s, state, health, exitCode);
    QCOMPARE(s.condition(), condition);
    QCOMPARE(s.isGood(), good);
}

void TestServiceModel::logBufferCap()
{
    LogBuffer buffer(3);
    QList<LogLine> lines;
    for (int i = 0; i < 5; ++i)
        lines << LogLine{QDateTime(), u"line %1"_s.arg(i), LogLine::Stdout};
    QCOMPARE(buffer.append(lines), 2);
    QCOMPARE(buffer.size(), 3);
    QCOMPARE(buffer.at(0).text, u"line 2"_s);
    QCOMPARE(buffer.droppedTotal(), qint64(2));
    buffer.setCap(1);
    QCOMPARE(buffer.size(), 1);
    QCOMPARE(buffer.at(0).text, u"line 4"_s);
    QCOMPARE(buffer.droppedTotal(), qint64(4));
}

void TestServiceModel::logBufferFilter()
{
    LogBuffer buffer;
    const QDateTime t(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
    buffer.append({{t, u"GET /health 200"_s, LogLine::Stdout},
                   {t, u"error: disk full"_s, LogLine::Stderr},
                   {QDateTime(), u"Error again"_s, LogLine::Stderr}});
    QCOMPARE(buffer.formatted(false, u"error"_s),
             (QStringList{u"error: disk full"_s, u"Error again"_s}));
    QCOMPARE(buffer.formatted(true, u"GET"_s),
             QStringList{u"2026-01-02 03:04:05.006  GET /health 200"_s});
    QCOMPARE(buffer.formatted(false).size(), 3);
}

QTEST_GUILESS_MAIN(TestServiceModel)
#include "tst_servicemodel.moc"
