// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QMainWindow>
#include <QUrl>

class QAbstractItemModel;
class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Stackscope {

class BackendStatusBar;
class ConfigProblemBanner;

/// The one window: navigation between the pages (Stack, Metrics, Alerts, Traces), a banner for
/// configuration problems, and the live backend status bar. Pages are built by the composition
/// root and handed in; the window remembers its geometry and last page (QSettings).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// The menus pages may add actions to.
    enum class Menu { File, View, Help };

    explicit MainWindow(QAbstractItemModel *backendStatus, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds a page under a stable id ("stack", "metrics"...); Ctrl+N selects the N-th page.
    void addPage(const QString &id, const QString &title, const QIcon &icon, QWidget *page);
    void showPage(const QString &id);
    /// Adds a page's action to a menu: in File above Quit (with the other open/save actions),
    /// at the end of the others. The window does not take ownership.
    void addMenuAction(Menu menu, QAction *action);
    QString currentPageId() const;
    QStringList pageIds() const { return m_pageIds; }

    void setConfigProblems(const QString &path, const QList<ConfigProblem> &problems);
    ConfigProblemBanner *configProblemBanner() const { return m_banner; }
    /// A short warning kept in the status bar until cleared (e.g. self-metrics cannot listen).
    void setNotice(const QString &text);
    QString notice() const;
    BackendStatusBar *backendStatusBar() const { return m_statusBar; }

    /// Restores geometry and the last page from QSettings (call after the pages are added).
    void restoreState();
    void saveState() const;

    /// The local compose file or folder that a drag of `urls` would open, or empty: a .yml or
    /// .yaml file, or a folder (the feature looks for the compose file in it).
    static QString composePathOf(const QList<QUrl> &urls);

Q_SIGNALS:
    void checkBackendsRequested();
    void reloadConfigRequested();
    void openConfigRequested();
    void settingsRequested();
    void quitRequested();
    void firstPaint();
    /// A compose file or folder was dropped on the window: open that stack.
    void composePathDropped(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildMenus();
    void showAbout();

    QListWidget *m_navigation;
    QMenu *m_fileMenu = nullptr;
    QAction *m_quitSeparator = nullptr; ///< pages' File actions go above it
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QStackedWidget *m_pages;
    ConfigProblemBanner *m_banner;
    BackendStatusBar *m_statusBar;
    QLabel *m_notice;
    QStringList m_pageIds;
    bool m_painted = false;
};

} // namespace Stackscope
