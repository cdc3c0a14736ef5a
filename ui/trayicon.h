// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemModel;
class QAction;
class QMenu;
class QSystemTrayIcon;

namespace Stackscope {

class AlertModel;
class SilenceModel;

/// The tray icon: shows and hides the window, summarises backend reachability in its tooltip,
/// and quits. With an alert model it also shows the number of firing alerts on the icon,
/// coloured by the highest severity, lists the top alerts in its menu, and offers the
/// notifications' mute toggle. With a silence model it says in its tooltip and menu how many
/// silences end soon (Silence::expiringSoonSeconds). Absent (and harmless) where the desktop has no
/// tray.
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

    /// Follow these alerts (count, colour, top alerts in the menu); null stops following.
    void setAlertModel(AlertModel *alerts);
    /// Follow these silences for the "ends soon" line; null stops following.
    void setSilenceModel(SilenceModel *silences);
    /// "2 silences end within 15 min", or empty.
    QString expiringSilencesText() const { return m_silenceSummary; }
    void setMuted(bool muted);
    bool isMuted() const;
    QAction *muteAction() const { return m_mute; }
    /// The alerts the menu lists now, as "name (severity)" lines, highest severity first.
    QStringList menuAlertTexts() const;
    /// The balloon message, the notifications' fallback when no notification server runs.
    void showMessage(const QString &title, const QString &body, int urgency);
    /// How many alerts the menu lists at most.
    static constexpr int maxMenuAlerts = 5;

Q_SIGNALS:
    void toggleWindowRequested();
    void quitRequested();
    /// The person picked an alert in the menu.
    void alertActivated(const QString &fingerprint);
    void muteToggled(bool muted);

private:
    void updateToolTip();
    void updateAlerts();
    void updateSilences();

    QAbstractItemModel *m_backends;
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QPointer<AlertModel> m_alerts;
    QAction *m_alertsHeader;
    QAction *m_alertsEnd;
    QAction *m_mute;
    QList<QAction *> m_alertActions;
    QString m_alertSummary;
    QPointer<SilenceModel> m_silences;
    QAction *m_expiringSilences;
    QString m_silenceSummary;
};

} // namespace Stackscope
