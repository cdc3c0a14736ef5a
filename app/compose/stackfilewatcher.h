// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

class QFileSystemWatcher;

namespace Stackscope {

/// Watches the user's files and folders that a stack points at (provisioned dashboards, rule
/// files) and says once, a moment after the last change, that something changed: an editor's
/// save (often a write, a rename and a chmod) is one change. Editors that replace a file drop it
/// from the watch; setPaths() after each reload adds it back.
class StackFileWatcher : public QObject
{
    Q_OBJECT
public:
    explicit StackFileWatcher(QObject *parent = nullptr);

    /// Watches exactly these (those that exist); unchanged paths are kept.
    void setPaths(const QStringList &paths);
    QStringList paths() const;
    /// The quiet time after the last change before changed() (250 ms by default).
    void setDelay(std::chrono::milliseconds delay) { m_debounce.setInterval(delay); }

Q_SIGNALS:
    void changed();

private:
    QFileSystemWatcher *m_watcher;
    QTimer m_debounce;
};

} // namespace Stackscope
