// SPDX-License-Identifier: GPL-3.0-or-later
// "Stacks on this machine" as a person meets it (offscreen): the dialog's list, empty and error
// states, its requests; the feature's open paths (a folder, a file, a listed project, Recent
// stacks) writing the configuration; a compose file dropped on the window. With
// STACKSCOPE_SHOTS_DIR set, the dialog is saved there as stacks-dialog.png.
#include "app/compose/stackdiscovery.h"
#include "app/config/configmanager.h"
#include "app/features/stackfeature.h"
#include "models/backendstatusmodel.h"
#include "models/stack/stacksmodel.h"
#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "ui/mainwindow.h"
#include "ui/stack/stacksdialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

StackSummary stack(const QString &name, StackSummary::State state, int running, int total,
                   const QString &dir)
{
    StackSummary s;
    s.name = name;
    s.state = state;
    s.servicesRunning = running;
    s.servicesTotal = total;
    for (int i = 0; i < total; ++i)
        s.services << u"svc%1"_s.arg(i);
    s.containers = total;
    s.workingDir = dir;
    s.configFiles = {dir + u"/docker-compose.yml"_s};
    return s;
}

QList<StackSummary> sampleStacks()
{
    StackSummary shop = stack(u"shop"_s, StackSummary::State::Running, 4, 4, u"/srv/shop"_s);
    shop.configFiles << u"/srv/shop/docker-compose.override.yml"_s;
    StackSummary blog
        = stack(u"blog"_s, StackSummary::State::Partial, 2, 3, u"/home/dev/src/blog"_s);
    blog.problems << u"Some of its containers were made from another folder (/home/dev/old/blog), "
                     "not from /home/dev/src/blog: two compose projects share the name \"blog\". "
                     "Opening it uses /home/dev/src/blog; give the other one its own name "
                     "(compose -p NAME)."_s;
    return {blog, stack(u"monitoring"_s, StackSummary::State::Running, 6, 6, u"/opt/monitoring"_s),
            stack(u"payments"_s, StackSummary::State::Stopped, 0, 5, u"/srv/payments"_s), shop,
            stack(u"stackscope"_s, StackSummary::State::Partial, 3, 5,
                  u"/root/.local/share/stackscope/stack"_s)};
}

QPushButton *button(QWidget *w, const QString &name)
{
    return w->findChild<QPushButton *>(name);
}

} // namespace

class TestStacksDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsAndOpens();
    void emptyAndErrorStates();
    void composeFileForFolderOrFile();
    void featureOpensAndRemembers();
    void switchesBetweenConfiguredStacks();
    void openingAGoneProjectSaysWhy();
    void dropOnTheWindow();
    void listsAgainWhileOpen();
};

void TestStacksDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings and the configuration stay in test dirs
    QSettings().clear();
}

void TestStacksDialog::listsAndOpens()
{
    StacksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StacksDialog dialog(&model);
    QSignalSpy open(&dialog, &StacksDialog::openRequested);
    QSignalSpy refresh(&dialog, &StacksDialog::refreshRequested);
    dialog.setDaemonInfo(u"unix:///var/run/docker.sock"_s, u"default socket"_s);
    dialog.setCurrentProject(u"stackscope"_s);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.shownState(), u"empty"_s);
    QVERIFY(!button(&dialog, u"openStack"_s)->isEnabled());

    dialog.setBusy(true);
    QVERIFY(!button(&dialog, u"refreshStacks"_s)->isEnabled());
    QCOMPARE(dialog.statusText(), u"Looking for stacks…"_s);
    model.setStacks(sampleStacks());
    dialog.setBusy(false);
    QCOMPARE(dialog.shownState(), u"table"_s);
    QVERIFY(button(&dialog, u"refreshStacks"_s)->isEnabled());
    QVERIFY2(dialog.statusText().startsWith(u"Projects: 5 · fully running: 2 · listed at"_s),
             qPrintable(dialog.statusText()));
    QVERIFY(dialog.findChild<QLabel *>(u"daemonInfo"_s)->text().contains(u"docker.sock"_s));
    // The project open now is selected first; Open says it opens it again.
    QVERIFY(dialog.selectedStack());
    QCOMPARE(dialog.selectedStack()->name, u"stackscope"_s);
    QCOMPARE(button(&dialog, u"openStack"_s)->text(), u"&Open again"_s);

    // Sorted by name; the state's colour comes from the palette (in the model).
    QTableView *table = dialog.table();
    QCOMPARE(table->model()->index(0, StacksModel::Name).data().toString(), u"blog"_s);
    QCOMPARE(table->model()->index(1, StacksModel::Services).data().toString(), u"6 of 6"_s);

    // A project with a problem shows it under the list.
    dialog.selectStack(u"blog"_s);
    auto *problems = dialog.findChild<QLabel *>(u"stackProblems"_s);
    QVERIFY(problems->isVisible());
    QVERIFY(problems->text().contains(u"compose -p"_s));
    QCOMPARE(button(&dialog, u"openStack"_s)->text(), u"&Open"_s);

    if (const QString dir = qEnvironmentVariable("STACKSCOPE_SHOTS_DIR"); !dir.isEmpty()) {
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(dir + u"/stacks-dialog.png"_s));
    }

    // Double click and Open both ask for the project; Refresh asks for a new list.
    const QModelIndex payments
        = table->model()->index(2, StacksModel::Folder); // blog, monitoring, payments...
    const QPoint at = table->visualRect(payments).center();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at); // a double click's press
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().value<StackSummary>().name, u"payments"_s);
    QVERIFY(!problems->isVisible());
    QTest::mouseClick(button(&dialog, u"openStack"_s), Qt::LeftButton);
    QCOMPARE(open.size(), 2);
    QTest::mouseClick(button(&dialog, u"refreshStacks"_s), Qt::LeftButton);
    QCOMPARE(refresh.size(), 1);

    // A refresh that merges keeps the selection.
    QList<StackSummary> next = sampleStacks();
    next[2].state = StackSummary::State::Running;
    next[2].servicesRunning = 5;
    model.setStacks(next);
    QCOMPARE(dialog.selectedStack()->name, u"payments"_s);
}

void TestStacksDialog::emptyAndErrorStates()
{
    StacksModel model;
    StacksDialog dialog(&model);
    dialog.show();
    auto *empty = dialog.findChild<QLabel *>(u"stacksEmpty"_s);
    QCOMPARE(dialog.shownState(), u"empty"_s);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(u"docker compose up -d"_s));

    const QString error = u"Cannot list the stacks: no Docker socket at /var/run/docker.sock"_s;
    dialog.setError(error);
    QCOMPARE(dialog.shownState(), u"error"_s);
    QVERIFY(dialog.findChild<QLabel *>(u"stacksError"_s)->isVisible());
    QCOMPARE(dialog.findChild<QLabel *>(u"stacksError"_s)->text(), error);
    if (const QString dir = qEnvironmentVariable("STACKSCOPE_SHOTS_DIR"); !dir.isEmpty())
        QVERIFY(dialog.grab().save(dir + u"/stacks-dialog-error.png"_s));

    // An error over a list keeps the list and says it may be old.
    model.setStacks(sampleStacks());
    QCOMPARE(dialog.shownState(), u"table"_s);
    QVERIFY(dialog.statusText().contains(u"out of date"_s));
    dialog.setError({});
    QVERIFY(!dialog.statusText().contains(u"out of date"_s));
}

void TestStacksDialog::composeFileForFolderOrFile()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(u"My App.v2"_s);
    QVERIFY(QDir().mkpath(folder));
    QString error;
    QVERIFY(StackDiscovery::composeFileFor(folder, &error).isEmpty());
    QVERIFY2(error.contains(u"compose.yaml"_s) && error.contains(folder), qPrintable(error));
    // Compose's order: compose.yaml before docker-compose.yml.
    for (const QString &name : {u"docker-compose.yml"_s, u"compose.yaml"_s}) {
        QFile f(folder + u'/' + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("services: {}\n");
    }
    QCOMPARE(StackDiscovery::composeFileFor(folder, &error), folder + u"/compose.yaml"_s);
    QCOMPARE(StackDiscovery::composeFileFor(folder + u"/docker-compose.yml"_s, &error),
             folder + u"/docker-compose.yml"_s);
    QVERIFY(StackDiscovery::composeFileFor(dir.filePath(u"gone"_s), &error).isEmpty());
    QVERIFY(error.contains(u"not there"_s));

    // Named as compose names a folder's project, unless a known project was made from it.
    const StackSummary fresh = StackDiscovery::stackForComposeFile(folder + u"/compose.yaml"_s, {});
    QCOMPARE(fresh.name, u"myappv2"_s);
    QCOMPARE(fresh.configFiles, QStringList{folder + u"/compose.yaml"_s});
    StackSummary known = fresh;
    known.name = u"custom"_s;
    QCOMPARE(StackDiscovery::stackForComposeFile(folder + u"/compose.yaml"_s, {known}).name,
             u"custom"_s);
}

void TestStacksDialog::featureOpensAndRemembers()
{
    QTemporaryDir dir;
    const QString configPath = dir.filePath(u"config.yaml"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("# my settings\nversion: 1\nstack:\n  # which stack\n  compose_files: "
                 "[\"old.yml\"]\n  project: old\n");
    config.close();
    QFile old(dir.filePath(u"old.yml"_s));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("services: {}\n");
    old.close();
    ConfigManager manager(configPath, dir.filePath(u"stack"_s));
    manager.start();
    QCOMPARE(manager.config().stack.project, u"old"_s);

    StackFeature feature(AppContext{nullptr, &manager, nullptr, nullptr, nullptr});
    std::unique_ptr<QWidget> page(feature.createPage());
    feature.applyConfig(manager.config());
    connect(&manager, &ConfigManager::configChanged, &feature, &StackFeature::applyConfig);
    QSignalSpy shown(&feature, &Feature::showRequested);

    const QString folder = dir.filePath(u"shop"_s);
    QVERIFY(QDir().mkpath(folder));
    QFile compose(folder + u"/docker-compose.yml"_s);
    QVERIFY(compose.open(QIODevice::WriteOnly));
    compose.write("services:\n  web:\n    image: nginx\n");
    compose.close();
    QString error;
    QVERIFY2(feature.openComposePath(folder, &error), qPrintable(error));
    QCOMPARE(manager.config().stack.project, u"shop"_s);
    QCOMPARE(manager.config().stack.composeFiles, QStringList{folder + u"/docker-compose.yml"_s});
    QCOMPARE(shown.size(), 1);
    QFile edited(configPath);
    QVERIFY(edited.open(QIODevice::ReadOnly));
    const QByteArray text = edited.readAll();
    QVERIFY2(text.contains("# my settings") && text.contains("# which stack"), text.constData());

    // A listed project opens by its own name; both are remembered, newest first.
    StackSummary listed;
    listed.name = u"legacy_app"_s;
    listed.workingDir = dir.path();
    listed.configFiles = {dir.filePath(u"old.yml"_s)};
    QVERIFY2(feature.openStack(listed, &error), qPrintable(error));
    QCOMPARE(manager.config().stack.project, u"legacy_app"_s);
    const QList<StackSummary> recent = StackFeature::recentStacks();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0).name, u"legacy_app"_s);
    QCOMPARE(recent.at(1).name, u"shop"_s);

    // File ▸ Recent stacks offers them, the open one checked; choosing one reopens it.
    QMenu *recentMenu = nullptr;
    for (const FeatureMenuAction &a : feature.menuActions()) {
        if (a.action->menu())
            recentMenu = a.action->menu();
    }
    QVERIFY(recentMenu);
    Q_EMIT recentMenu->aboutToShow();
    const QList<QAction *> entries = recentMenu->actions();
    QCOMPARE(entries.size(), 2);
    QVERIFY(entries.at(0)->text().startsWith(u"legacy_app"_s));
    QVERIFY(entries.at(0)->isChecked());
    entries.at(1)->trigger();
    QCOMPARE(manager.config().stack.project, u"shop"_s);
}

void TestStacksDialog::switchesBetweenConfiguredStacks()
{
    // Two stacks kept in the configuration (`stacks:`); File ▸ Switch stack lists them and
    // switching writes the chosen one's keys into `stack:`, comments kept.
    QTemporaryDir dir;
    for (const char *name : {"shop", "blog"}) {
        QVERIFY(QDir().mkpath(dir.filePath(QString::fromLatin1(name))));
        QFile compose(dir.filePath(QString::fromLatin1(name) + u"/compose.yaml"_s));
        QVERIFY(compose.open(QIODevice::WriteOnly));
        compose.write("services:\n  web:\n    image: nginx\n");
    }
    QFile env(dir.filePath(u"blog/prod.env"_s));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.close();
    const QString configPath = dir.filePath(u"config.yaml"_s);
    QFile config(configPath);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("version: 1\n"
                 "stack:  # the one shown\n"
                 "  compose_files: [shop/compose.yaml]\n"
                 "stacks:\n"
                 "  - compose_files: [shop/compose.yaml]\n"
                 "  - name: Blog (production)\n"
                 "    compose_files: [blog/compose.yaml]\n"
                 "    project: blogprod\n"
                 "    env_file: blog/prod.env\n"
                 "    profiles: [monitoring]\n");
    config.close();
    ConfigManager manager(configPath, dir.filePath(u"stack"_s));
    manager.start();
    QVERIFY2(manager.problems().isEmpty(), qPrintable(manager.problems().value(0).message));
    QCOMPARE(manager.config().stacks.size(), 2);
    QCOMPARE(manager.config().stacks.at(0).name, u"shop"_s); // the folder, without a name
    QCOMPARE(manager.config().stacks.at(1).name, u"Blog (production)"_s);

    StackFeature feature(AppContext{nullptr, &manager, nullptr, nullptr, nullptr});
    std::unique_ptr<QWidget> page(feature.createPage());
    feature.applyConfig(manager.config());
    connect(&manager, &ConfigManager::configChanged, &feature, &StackFeature::applyConfig);
    QMenu *menu = nullptr;
    for (const FeatureMenuAction &a : feature.menuActions()) {
        if (a.action->menu())
            menu = a.action->menu();
    }
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QList<QAction *> entries;
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            entries << a;
    }
    QVERIFY(entries.size() >= 2);
    QCOMPARE(entries.at(0)->text(), u"shop"_s);
    QVERIFY(entries.at(0)->isChecked());
    QCOMPARE(entries.at(1)->text(), u"Blog (production)"_s);
    QVERIFY(!entries.at(1)->isChecked());
    entries.at(1)->trigger();
    const StackConfig &now = manager.config().stack;
    QCOMPARE(now.composeFiles, QStringList{dir.filePath(u"blog/compose.yaml"_s)});
    QCOMPARE(now.project, u"blogprod"_s);
    QCOMPARE(now.envFile, dir.filePath(u"blog/prod.env"_s));
    QCOMPARE(now.profiles, QStringList{u"monitoring"_s});
    QCOMPARE(manager.config().stacks.size(), 2); // the list stays as it was
    QFile edited(configPath);
    QVERIFY(edited.open(QIODevice::ReadOnly));
    QVERIFY(edited.readAll().contains("# the one shown"));
    Q_EMIT menu->aboutToShow();
    entries.clear();
    for (QAction *a : menu->actions()) {
        if (!a->isSeparator())
            entries << a;
    }
    QVERIFY(entries.at(1)->isChecked());
    QVERIFY(!entries.at(0)->isChecked());

    // A stack whose compose file is gone says so and leaves the configuration alone.
    QVERIFY(QFile::remove(dir.filePath(u"shop/compose.yaml"_s)));
    QString error;
    QVERIFY(!feature.switchToStack(manager.config().stacks.at(0), &error));
    QVERIFY2(error.contains(u"shop/compose.yaml"_s), qPrintable(error));
    QCOMPARE(manager.config().stack.project, u"blogprod"_s);
}

void TestStacksDialog::openingAGoneProjectSaysWhy()
{
    StackFeature feature(AppContext{});
    StackSummary gone;
    gone.name = u"ghost"_s;
    gone.configFiles = {u"/nonexistent/ghost/docker-compose.yml"_s};
    QString error;
    QVERIFY(!feature.openStack(gone, &error));
    QVERIFY2(error.contains(u"/nonexistent/ghost/docker-compose.yml"_s)
                 && error.contains(u"ghost"_s),
             qPrintable(error));
    gone.configFiles.clear();
    QVERIFY(!feature.openStack(gone, &error));
    QVERIFY(error.contains(u"do not say which compose file"_s));
}

void TestStacksDialog::dropOnTheWindow()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"compose.yaml"_s);
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(MainWindow::composePathOf({QUrl::fromLocalFile(file)}), file);
    QCOMPARE(MainWindow::composePathOf({QUrl::fromLocalFile(dir.path())}), dir.path());
    QVERIFY(MainWindow::composePathOf({QUrl::fromLocalFile(dir.filePath(u"x.txt"_s))}).isEmpty());
    QVERIFY(MainWindow::composePathOf({QUrl(u"https://example.com/compose.yaml"_s)}).isEmpty());

    // The drop itself: the window says which path to open.
    BackendStatusModel backends;
    MainWindow window(&backends);
    QSignalSpy dropped(&window, &MainWindow::composePathDropped);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file)});
    // Qt delivers a drop to the widget that accepted the drag's entry.
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(dropped.size(), 1);
    QCOMPARE(dropped.first().first().toString(), file);
}

void TestStacksDialog::listsAgainWhileOpen()
{
    Test::FaultServer server;
    QVERIFY(server.listen());
    server.setRoute("GET", u"/_ping"_s,
                    Test::FaultServer::text("OK").withHeader("Api-Version", "1.41"));
    server.setRoute("GET", u"/v1.41/containers/json"_s,
                    Test::FaultServer::file(Test::testDataDir() + u"/stack/containers.json"_s));
    Config config;
    config.stack.dockerHost = u"tcp://127.0.0.1:%1"_s.arg(server.port());
    config.refresh.stack = std::chrono::milliseconds(1000);
    StackFeature feature(AppContext{});
    feature.applyConfig(config);
    const auto listings = [&server] {
        int n = 0;
        for (const Test::FaultRequest &r : server.requests())
            n += r.path.endsWith(u"/containers/json"_s) ? 1 : 0;
        return n;
    };
    feature.showStacks();
    QTRY_COMPARE(feature.stacksModel()->rowCount(), 1);
    QCOMPARE(feature.stacksDialog()->shownState(), u"table"_s);
    QTRY_VERIFY_WITH_TIMEOUT(listings() >= 2, 3000); // by itself, a second later

    // A daemon that goes away: the list stays, the dialog says it may be out of date.
    server.close();
    QTRY_VERIFY_WITH_TIMEOUT(!feature.stacksDialog()->errorText().isEmpty(), 5000);
    QCOMPARE(feature.stacksDialog()->shownState(), u"table"_s);
    QVERIFY(feature.stacksDialog()->statusText().contains(u"out of date"_s));

    // Closed: no more listings.
    QVERIFY(server.listen(server.port()));
    feature.stacksDialog()->reject();
    const int before = listings();
    QTest::qWait(2500);
    QCOMPARE(listings(), before);
}

QTEST_MAIN(TestStacksDialog)
#include "tst_stacksdialog.moc"
