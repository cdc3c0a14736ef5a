// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace Stackscope {

/// One window per user and configuration file. The first launch listens on a local socket in
/// the runtime directory; a later launch with the same configuration hands its arguments to it
/// (which raises its window and acts on them, e.g. --open-trace) and exits. A socket left behind
/// by a crashed instance is detected (nobody answers) and replaced.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `configPath` decides what counts as "the same" Stackscope: the same user and file.
    explicit SingleInstance(const QString &configPath, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True when this process is the first and now listens; false when a running instance took
    /// `arguments` (then this process should exit).
    bool claimOrForward(const QStringList &arguments, int timeoutMs = 2000);
    QString serverName() const { return m_serverName; }

    /// The socket path for a configuration file (absolute), per user.
    static QString serverNameFor(const QString &configPath);

Q_SIGNALS:
    /// A later launch handed over its command line (program name first).
    void activated(const QStringList &arguments);

private:
    void acceptConnections();

    QString m_serverName;
    QLocalServer *m_server = nullptr;
};

} // namespace Stackscope
