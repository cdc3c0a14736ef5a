// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/stackfilewatcher.h"

#include <QFileInfo>
#include <QFileSystemWatcher>

using namespace std::chrono_literals;

namespace Stackscope {

StackFileWatcher::StackFileWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250ms);
    connect(&m_debounce, &QTimer::timeout, this, &StackFileWatcher::changed);
    const auto later = [this] {
        m_debounce.start();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, later);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, later);
}

void StackFileWatcher::setPaths(const QStringList &paths)
{
    QStringList wanted;
    for (const QString &path : paths) {
        if (QFileInfo::exists(path) && !wanted.contains(path))
            wanted << path;
    }
    QStringList gone;
    for (const QString &path : m_watcher->files() + m_watcher->directories()) {
        if (!wanted.contains(path))
            gone << path;
    }
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
    const QStringList watched = m_watcher->files() + m_watcher->directories();
    QStringList added;
    for (const QString &path : std::as_const(wanted)) {
        if (!watched.contains(path))
            added << path;
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);
}

QStringList StackFileWatcher::paths() const
{
    return m_watcher->files() + m_watcher->directories();
}

} // namespace Stackscope
