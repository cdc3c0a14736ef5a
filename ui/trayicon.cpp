// SPDX-License-Identifier: GPL-3.0-or-later
#include "trayicon.h"

#include "backendstatusmodel.h"

#include <QAbstractItemModel>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace Stackscope {

TrayIcon::TrayIcon(QAbstractItemModel *backends, QObject *parent)
    : QObject(parent)
    , m_backends(backends)
    , m_tray(new QSystemTrayIcon(QIcon(u":/icons/stackscope.svg"_s), this))
    , m_menu(new QMenu)
{
    m_menu->addAction(tr("Show or hide Stackscope"), this, &TrayIcon::toggleWindowRequested);
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

void TrayIcon::updateToolTip()
{
    QStringList lines{u"Stackscope"_s};
    for (int row = 0; row < m_backends->rowCount(); ++row)
        lines << m_backends->index(row, 0).data(Qt::DisplayRole).toString();
    m_tray->setToolTip(lines.join(u'\n'));
}

} // namespace Stackscope
