// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"
#include "models/common/palette.h"
#include "ui/plaintooltips.h"

#include "ui/backendstatusbar.h"
#include "ui/configproblembanner.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

MainWindow::MainWindow(QAbstractItemModel *backendStatus, QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_banner(new ConfigProblemBanner(this))
    , m_statusBar(new BackendStatusBar(backendStatus, this))
    , m_notice(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Stackscope"_s);
    setWindowIcon(QIcon(u":/icons/stackscope.svg"_s));

    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(164);
    m_navigation->setStyleSheet(u"#navigation { background: palette(window); }"
                                " #navigation::item { padding: 8px 10px; border-radius: 4px; }"
                                " #navigation::item:selected { background: palette(highlight);"
                                " color: palette(highlighted-text); }"_s);
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto *central = new QWidget(this);
    auto *right = new QVBoxLayout;
    right->setContentsMargins(8, 8, 8, 0);
    right->addWidget(m_banner);
    right->addWidget(m_pages, 1);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    statusBar()->addWidget(m_statusBar, 1);
    m_notice->setObjectName(u"notice"_s);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setStyleSheet(Palette::textStyle(Palette::Tone::Warning));
    m_notice->setVisible(false);
    statusBar()->addPermanentWidget(m_notice);
    statusBar()->setSizeGripEnabled(true);
    connect(m_statusBar, &BackendStatusBar::checkNowRequested, this,
            &MainWindow::checkBackendsRequested);
    connect(m_banner, &ConfigProblemBanner::openFileRequested, this,
            &MainWindow::openConfigRequested);

    buildMenus();
    setAcceptDrops(true); // a compose file dropped on the window opens that stack

    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    resize(QSize(1280, 800).boundedTo(available.size() * 0.9));
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = m_fileMenu = menuBar()->addMenu(tr("&File"));
    file->addAction(QIcon::fromTheme(u"document-edit"_s), tr("Open &configuration file"), this,
                    &MainWindow::openConfigRequested);
    file->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("&Reload configuration"), this,
                    &MainWindow::reloadConfigRequested);
    QAction *settings = file->addAction(QIcon::fromTheme(u"configure"_s), tr("&Settings…"), this,
                                        &MainWindow::settingsRequested);
    settings->setShortcut(QKeySequence::Preferences);
    m_quitSeparator = file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this,
                                    &MainWindow::quitRequested);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *check
        = view->addAction(tr("Check &backends now"), this, &MainWindow::checkBackendsRequested);
    check->setShortcut(QKeySequence::Refresh);

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stackscope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::addMenuAction(Menu menu, QAction *action)
{
    switch (menu) {
    case Menu::File:
        m_fileMenu->insertAction(m_quitSeparator, action);
        break;
    case Menu::View:
        m_viewMenu->addAction(action);
        break;
    case Menu::Help:
        m_helpMenu->addAction(action);
        break;
    }
}

void MainWindow::showAbout()
{
    QMessageBox box(this);
    box.setWindowTitle(tr("About Stackscope"));
    box.setIconPixmap(QIcon(u":/icons/stackscope.svg"_s).pixmap(64, 64));
    box.setTextFormat(Qt::RichText);
    box.setText(
        tr("<h3>Stackscope %1</h3><p>A native desktop console for the observability stack "
           "on your machine.</p><p>Licensed under the GNU General Public License, version 3 "
           "or later. Built with Qt %2 (LGPL-3 / GPL-3), Qt Charts (GPL-3), yaml-cpp (MIT), "
           "prometheus-cpp (MIT) and simdjson (Apache-2.0).</p>")
            .arg(QStringLiteral(STACKSCOPE_VERSION), QString::fromLatin1(qVersion())));
    box.exec();
}

void MainWindow::addPage(const QString &id, const QString &title, const QIcon &icon, QWidget *page)
{
    page->setObjectName(u"page-"_s + id);
    m_pageIds.append(id);
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(Qt::UserRole, id);
    const int number = int(m_pageIds.size());
    if (number <= 9) {
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(number));
        auto *shortcut = new QShortcut(QKeySequence(u"Ctrl+%1"_s.arg(number)), this);
        connect(shortcut, &QShortcut::activated, this, [this, id] { showPage(id); });
    }
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

void MainWindow::showPage(const QString &id)
{
    const int index = int(m_pageIds.indexOf(id));
    if (index >= 0)
        m_navigation->setCurrentRow(index);
}

QString MainWindow::currentPageId() const
{
    const int index = m_pages->currentIndex();
    return index >= 0 && index < m_pageIds.size() ? m_pageIds.at(index) : QString();
}

void MainWindow::setConfigProblems(const QString &path, const QList<ConfigProblem> &problems)
{
    m_banner->setProblems(path, problems);
}

void MainWindow::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setToolTip(plainToolTip(text));
    m_notice->setVisible(!text.isEmpty());
}

QString MainWindow::notice() const
{
    return m_notice->text();
}

void MainWindow::restoreState()
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    const QByteArray geometry = settings.value(u"geometry"_s).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(u"state"_s).toByteArray();
    if (!state.isEmpty())
        QMainWindow::restoreState(state);
    showPage(settings.value(u"page"_s, m_pageIds.value(0)).toString());
}

void MainWindow::saveState() const
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"state"_s, QMainWindow::saveState());
    settings.setValue(u"page"_s, currentPageId());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    event->accept();
    Q_EMIT quitRequested();
}

QString MainWindow::composePathOf(const QList<QUrl> &urls)
{
    if (urls.size() != 1 || !urls.first().isLocalFile())
        return {};
    const QFileInfo info(urls.first().toLocalFile());
    const QString suffix = info.suffix().toLower();
    if (info.isDir() || (info.isFile() && (suffix == "yml"_L1 || suffix == "yaml"_L1)))
        return info.absoluteFilePath();
    return {};
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !composePathOf(event->mimeData()->urls()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = composePathOf(event->mimeData()->urls());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT composePathDropped(path);
}

void MainWindow::paintEvent(QPaintEvent *event)
{
    QMainWindow::paintEvent(event);
    if (!m_painted) {
        m_painted = true;
        Q_EMIT firstPaint();
    }
}

} // namespace Stackscope
