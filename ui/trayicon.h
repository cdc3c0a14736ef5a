// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractItemModel;
class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Stackscope {

/// The tray icon: shows and hides the window, summarises backend reachability in its tooltip,
/// and quits. Absent (and harmless) where the desktop has no tray.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    TrayIcon(QAbstractItemModel *backends, QObject *parent = nullptr);
    ~TrayIcon() override;

    bool isAvailable() const;
    void show();
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }

Q_SIGNALS:
    void toggleWindowRequested();
    void quitRequested();

private:
    void updateToolTip();

    QAbstractItemModel *m_backends;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
};

} // namespace Stackscope
