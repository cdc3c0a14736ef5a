// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backendstatusmodel.h"
#include "ui/backendstatusbar.h"
#include "ui/configproblembanner.h"
#include "ui/mainwindow.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestMainWindow : public QObject
{
    Q_OBJECT

    static void addPages(MainWindow &window)
    {
        for (const QString &id : {u"stack"_s, u"metrics"_s, u"alerts"_s, u"traces"_s})
            window.addPage(id, id, QIcon(), new QWidget);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"stackscope-test"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
        QSettings().clear();
    }

    void navigatesBetweenPages()
    {
        BackendStatusModel model;
        MainWindow window(&model);
        addPages(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"Stackscope"_s);
        QCOMPARE(window.pageIds(),
                 (QStringList{u"stack"_s, u"metrics"_s, u"alerts"_s, u"traces"_s}));
        QCOMPARE(window.currentPageId(), u"stack"_s);

        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPageId(), u"alerts"_s);
        auto *pages = window.findChild<QStackedWidget *>();
        QCOMPARE(pages->currentWidget()->objectName(), u"page-alerts"_s);

        auto *navigation = window.findChild<QListWidget *>(u"navigation"_s);
        QVERIFY(navigation);
        const QRect itemRect = navigation->visualItemRect(navigation->item(3));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, itemRect.center());
        QCOMPARE(window.currentPageId(), u"traces"_s);
    }

    void remembersGeometryAndPage()
    {
        BackendStatusModel model;
        {
            MainWindow window(&model);
            addPages(window);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            window.showPage(u"metrics"_s);
            window.close(); // saves
        }
        MainWindow again(&model);
        addPages(again);
        again.restoreState();
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.currentPageId(), u"metrics"_s);
        QCOMPARE(again.size(), QSize(900, 640));
    }

    void bannerShowsConfigProblemsAsPlainText()
    {
        BackendStatusModel model;
        MainWindow window(&model);
        addPages(window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConfigProblemBanner *banner = window.configProblemBanner();
        QVERIFY(!banner->isVisible());

        window.setConfigProblems(
            u"/home/u/.config/stackscope/config.yaml"_s,
            {{4, 3, u"unknown key 'promethus' in 'endpoints' (did you mean 'prometheus'?)"_s},
             {9, 12, u"'timeout' must be a duration such as 10s, not '<b>fast</b>'"_s}});
        QVERIFY(banner->isVisible());
        const QString text = banner->text();
        QVERIFY2(
            text.contains(u"/home/u/.config/stackscope/config.yaml:4:3: unknown key 'promethus'"_s),
            qPrintable(text));
        QVERIFY(text.contains(u"last good configuration"_s));
        for (QLabel *label : banner->findChildren<QLabel *>())
            QCOMPARE(label->textFormat(), Qt::PlainText);

        QSignalSpy open(banner, &ConfigProblemBanner::openFileRequested);
        QSignalSpy windowOpen(&window, &MainWindow::openConfigRequested);
        QPushButton *button = banner->findChild<QPushButton *>();
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(open.count(), 1);
        QCOMPARE(windowOpen.count(), 1);

        window.setConfigProblems(u"/x"_s, {});
        QVERIFY(!banner->isVisible());
    }

    void statusBarEscapesServerText()
    {
        BackendStatusModel model;
        BackendStatus s;
        s.id = u"prometheus"_s;
        s.displayName = u"Prometheus"_s;
        s.state = BackendStatus::State::Down;
        s.reason = u"HTTP 502: Bad Gateway \u2014 <img src=\"http://127.0.0.1:1/x\"><b>bold</b>"_s;
        model.update(s);
        MainWindow window(&model);
        window.resize(1600, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLabel *label = window.backendStatusBar()->indicator(u"prometheus"_s);
        QVERIFY(label);
        QVERIFY2(label->text().contains(
                     u"&lt;img src=&quot;http://127.0.0.1:1/x&quot;&gt;&lt;b&gt;bold&lt;/b&gt;"_s),
                 qPrintable(label->text()));
        QVERIFY(!label->text().contains(u"<img"_s));
        QVERIFY(!label->toolTip().contains(u"<b>bold"_s));

        s.state = BackendStatus::State::Up;
        s.reason.clear();
        s.version = u"2.42.0+ds"_s;
        model.update(s);
        QVERIFY(!label->text().contains(u"Bad Gateway"_s));
        QVERIFY(label->toolTip().contains(u"2.42.0+ds"_s));
    }

    void longReasonsAreElidedNotClipped()
    {
        BackendStatusModel model;
        for (const QString &id : {u"docker"_s, u"prometheus"_s, u"jaeger"_s}) {
            BackendStatus s;
            s.id = id;
            s.displayName = id;
            s.state = BackendStatus::State::Down;
            s.reason
                = u"connection refused at 127.0.0.1:%1 with a long explanation"_s.arg(id.size());
            model.update(s);
        }
        MainWindow window(&model);
        window.resize(700, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QLabel *label = window.backendStatusBar()->indicator(u"prometheus"_s);
        QVERIFY2(label->text().contains(u"\u2026"_s), qPrintable(label->text()));
        QVERIFY(label->toolTip().contains(
            u"connection refused at 127.0.0.1:10 with a long explanation"_s));

        window.resize(2400, 500);
        QTRY_VERIFY(!label->text().contains(u"\u2026"_s));
        QVERIFY(label->text().contains(
            u"connection refused at 127.0.0.1:10 with a long explanation"_s));
    }

    void noticeInStatusBar()
    {
        BackendStatusModel model;
        MainWindow window(&model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setNotice(u"cannot serve self-metrics on 127.0.0.1:9465"_s);
        auto *notice = window.findChild<QLabel *>(u"notice"_s);
        QVERIFY(notice && notice->isVisible());
        window.setNotice({});
        QVERIFY(!notice->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
