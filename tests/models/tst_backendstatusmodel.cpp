// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backendstatusmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Stackscope::BackendStatus;
using Stackscope::BackendStatusModel;

class TestBackendStatusModel : public QObject
{
    Q_OBJECT

    static BackendStatus status(const QString &id, BackendStatus::State state,
                                const QString &reason = {})
    {
        BackendStatus s;
        s.id = id;
        s.displayName = id;
        s.endpoint = u"http://127.0.0.1:1"_s;
        s.state = state;
        s.reason = reason;
        s.since = QDateTime::currentDateTime();
        return s;
    }

private Q_SLOTS:
    void insertsUpdatesAndRemovesByMerge()
    {
        BackendStatusModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.update(status(u"prometheus"_s, BackendStatus::State::Unknown));
        model.update(status(u"jaeger"_s, BackendStatus::State::Unknown));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);

        model.update(status(u"jaeger"_s, BackendStatus::State::Down,
                            u"connection refused at 127.0.0.1:16686"_s));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        const QModelIndex jaeger = model.index(1, 0);
        QCOMPARE(jaeger.data(BackendStatusModel::StateRole).toInt(),
                 int(BackendStatus::State::Down));
        QCOMPARE(jaeger.data(Qt::DisplayRole).toString(),
                 u"jaeger: connection refused at 127.0.0.1:16686"_s);

        model.retain({u"jaeger"_s});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(BackendStatusModel::IdRole).toString(), u"jaeger"_s);
        QCOMPARE(reset.count(), 0);
    }

    void sameStateKeepsSinceAndStaysQuiet()
    {
        BackendStatusModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        BackendStatus first = status(u"prometheus"_s, BackendStatus::State::Up);
        first.since = QDateTime(QDate(2026, 1, 1), QTime(12, 0));
        first.latencyMs = 5;
        model.update(first);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        BackendStatus again = status(u"prometheus"_s, BackendStatus::State::Up);
        again.latencyMs = 5;
        model.update(again);
        QCOMPARE(changed.count(), 0); // nothing a person would see changed
        QCOMPARE(model.index(0, 0).data(BackendStatusModel::SinceRole).toDateTime(), first.since);

        again.latencyMs = 9; // only the latency: a narrow change with exact roles
        model.update(again);
        QCOMPARE(changed.count(), 1);
        const auto roles = changed.at(0).at(2).value<QList<int>>();
        QVERIFY(roles.contains(BackendStatusModel::LatencyRole));
        QVERIFY(!roles.contains(Qt::DisplayRole));

        model.update(status(u"prometheus"_s, BackendStatus::State::Down,
                            u"HTTP 503: Service Unavailable"_s));
        QVERIFY(model.index(0, 0).data(BackendStatusModel::SinceRole).toDateTime() > first.since);
    }

    void rolesAreNamed()
    {
        BackendStatusModel model;
        const auto names = model.roleNames();
        QCOMPARE(names.value(BackendStatusModel::ReasonRole), QByteArray("reason"));
        QCOMPARE(names.value(BackendStatusModel::StateRole), QByteArray("state"));
    }
};

QTEST_GUILESS_MAIN(TestBackendStatusModel)
#include "tst_backendstatusmodel.moc"
