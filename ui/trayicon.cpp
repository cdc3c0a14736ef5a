// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/trayicon.h"
#include "ui/plaintooltips.h"

#include "models/alerts/alertmodel.h"
#include "models/alerts/silencemodel.h"
#include "models/backendstatusmodel.h"

#include <QAbstractItemModel>
#include <QFontMetrics>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// The application icon with a badge: the firing count on the highest severity's colour.
QIcon badgeIcon(int count, int rank)
{
    const QIcon base(u":/icons/stackscope.svg"_s);
    if (count <= 0)
        return base;
    QPixmap pixmap = base.pixmap(64, 64);
    if (pixmap.isNull()) {
        pixmap = QPixmap(64, 64);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF badge(24, 24, 40, 40);
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(severityColor(rank));
    painter.drawEllipse(badge.adjusted(1.5, 1.5, -1.5, -1.5));
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(count > 99 ? 15 : 24);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, count > 99 ? u"99+"_s : QString::number(count));
    painter.end();
    return QIcon(pixmap);
}

/// A dot in the severity's colour, for the menu's alert entries.
QIcon dotIcon(int rank)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(severityColor(rank));
    painter.drawEllipse(QRectF(6, 6, 20, 20));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(QAbstractItemModel *backends, QObject *parent)
    : QObject(parent)
    , m_backends(backends)
    , m_tray(new QSystemTrayIcon(QIcon(u":/icons/stackscope.svg"_s), this))
    , m_menu(new QMenu)
{
    m_menu->addAction(tr("Show or hide Stackscope"), this, &TrayIcon::toggleWindowRequested);
    m_menu->addSeparator();
    m_alertsHeader = m_menu->addAction(tr("No alerts followed"));
    m_alertsHeader->setEnabled(false);
    m_alertsHeader->setVisible(false);
    m_expiringSilences = m_menu->addAction(
        QIcon::fromTheme(u"appointment-soon"_s, QIcon::fromTheme(u"dialog-warning"_s)), QString());
    m_expiringSilences->setEnabled(false);
    m_expiringSilences->setVisible(false);
    m_alertsEnd = m_menu->addSeparator();
    m_alertsEnd->setVisible(false);
    m_mute = m_menu->addAction(QIcon::fromTheme(u"notifications-disabled"_s),
                               tr("Mute notifications"));
    m_mute->setCheckable(true);
    m_mute->setVisible(false);
    connect(m_mute, &QAction::toggled, this, &TrayIcon::muteToggled);
    m_menu->addSeparator();
    m_menu->addAction(QIcon::fromTheme(u"application-exit"_s), tr("Quit"), this,
                      &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    Q_EMIT toggleWindowRequested();
            });
    connect(m_backends, &QAbstractItemModel::dataChanged, this, &TrayIcon::updateToolTip);
    connect(m_backends, &QAbstractItemModel::rowsInserted, this, &TrayIcon::updateToolTip);
    connect(m_backends, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::updateToolTip);
    updateToolTip();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

bool TrayIcon::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    if (isAvailable())
        m_tray->show();
}

void TrayIcon::setAlertModel(AlertModel *alerts)
{
    if (m_alerts)
        disconnect(m_alerts, nullptr, this, nullptr);
    m_alerts = alerts;
    m_mute->setVisible(alerts != nullptr);
    if (alerts) {
        connect(alerts, &QAbstractItemModel::dataChanged, this, &TrayIcon::updateAlerts);
        connect(alerts, &QAbstractItemModel::rowsInserted, this, &TrayIcon::updateAlerts);
        connect(alerts, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::updateAlerts);
        connect(alerts, &QAbstractItemModel::modelReset, this, &TrayIcon::updateAlerts);
    }
    updateAlerts();
}

void TrayIcon::setSilenceModel(SilenceModel *silences)
{
    if (m_silences)
        disconnect(m_silences, nullptr, this, nullptr);
    m_silences = silences;
    if (silences) {
        connect(silences, &QAbstractItemModel::dataChanged, this, &TrayIcon::updateSilences);
        connect(silences, &QAbstractItemModel::rowsInserted, this, &TrayIcon::updateSilences);
        connect(silences, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::updateSilences);
        connect(silences, &QAbstractItemModel::modelReset, this, &TrayIcon::updateSilences);
    }
    updateSilences();
}

void TrayIcon::updateSilences()
{
    const int soon = m_silences ? m_silences->expiringSoonCount() : 0;
    const qint64 minutes = Silence::expiringSoonSeconds / 60;
    m_silenceSummary = soon == 0   ? QString()
                       : soon == 1 ? tr("1 silence ends within %1 min").arg(minutes)
                                   : tr("%1 silences end within %2 min").arg(soon).arg(minutes);
    m_expiringSilences->setText(m_silenceSummary);
    m_expiringSilences->setVisible(soon > 0);
    updateToolTip();
}

void TrayIcon::setMuted(bool muted)
{
    m_mute->setChecked(muted);
}

bool TrayIcon::isMuted() const
{
    return m_mute->isChecked();
}

QStringList TrayIcon::menuAlertTexts() const
{
    QStringList texts;
    for (const QAction *a : m_alertActions)
        texts << a->text();
    return texts;
}

void TrayIcon::showMessage(const QString &title, const QString &body, int urgency)
{
    const auto icon = urgency >= 2   ? QSystemTrayIcon::Critical
                      : urgency <= 0 ? QSystemTrayIcon::Information
                                     : QSystemTrayIcon::Warning;
    if (!m_tray->isVisible() && isAvailable())
        m_tray->show();
    // X11's balloon guesses the format: alert texts must not become markup there.
    m_tray->showMessage(plainForAutoText(title), plainForAutoText(body), icon, 10000);
}

void TrayIcon::updateAlerts()
{
    for (QAction *a : std::as_const(m_alertActions)) {
        m_menu->removeAction(a);
        a->deleteLater();
    }
    m_alertActions.clear();
    if (!m_alerts) {
        m_alertsHeader->setVisible(false);
        m_alertsEnd->setVisible(false);
        m_alertSummary.clear();
        m_tray->setIcon(QIcon(u":/icons/stackscope.svg"_s));
        updateToolTip();
        return;
    }
    QList<Alert> firing;
    for (const Alert &a : m_alerts->items()) {
        if (a.state == Alert::State::Firing && !a.isSuppressed())
            firing << a;
    }
    std::stable_sort(firing.begin(), firing.end(), [](const Alert &a, const Alert &b) {
        const int ra = severityRank(a.severity());
        const int rb = severityRank(b.severity());
        if (ra != rb)
            return ra > rb;
        return a.startsAt > b.startsAt; // the newest first
    });
    const int rank = m_alerts->highestFiringRank();
    m_alertSummary = firing.isEmpty()     ? tr("No alerts firing")
                     : firing.size() == 1 ? tr("1 alert firing")
                                          : tr("%1 alerts firing").arg(firing.size());
    m_alertsHeader->setText(m_alertSummary);
    m_alertsHeader->setVisible(true);
    m_alertsEnd->setVisible(true);
    for (int i = 0; i < firing.size() && i < maxMenuAlerts; ++i) {
        const Alert &a = firing.at(i);
        // QAction text is plain text, but '&' marks a mnemonic: double it.
        QString text = a.severity().isEmpty() ? a.name() : u"%1 (%2)"_s.arg(a.name(), a.severity());
        text.replace(u'&', u"&&"_s);
        auto *action = new QAction(text, m_menu);
        action->setIcon(dotIcon(severityRank(a.severity())));
        action->setToolTip(plainToolTip(a.summary()));
        const QString fingerprint = a.fingerprint;
        connect(action, &QAction::triggered, this,
                [this, fingerprint] { Q_EMIT alertActivated(fingerprint); });
        m_menu->insertAction(m_alertsEnd, action);
        m_alertActions << action;
    }
    if (firing.size() > maxMenuAlerts) {
        auto *more = new QAction(tr("… and %1 more").arg(firing.size() - maxMenuAlerts), m_menu);
        more->setEnabled(false);
        m_menu->insertAction(m_alertsEnd, more);
        m_alertActions << more;
    }
    m_tray->setIcon(badgeIcon(int(firing.size()), rank));
    updateToolTip();
}

void TrayIcon::updateToolTip()
{
    QStringList lines{u"Stackscope"_s};
    if (!m_alertSummary.isEmpty())
        lines << m_alertSummary;
    if (!m_silenceSummary.isEmpty())
        lines << m_silenceSummary;
    for (int row = 0; row < m_backends->rowCount(); ++row)
        lines << m_backends->index(row, 0).data(Qt::DisplayRole).toString();
    m_tray->setToolTip(lines.join(u'\n'));
}

} // namespace Stackscope
