// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLockFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Stackscope {

/// A private dockerd for tests: its own socket, data root, exec root and pid file in a short
/// temporary folder, no iptables, no bridge, vfs storage. Stopped by its PID. Also makes the
/// tests' image with `docker import` from busybox-static.
class DockerDaemon
{
public:
    DockerDaemon();
    ~DockerDaemon();

    /// Starts and waits for /_ping; false with `why` when it cannot (not root, no dockerd...).
    bool start(QString *why);
    /// Stops (SIGTERM, then SIGKILL) and waits; the data stays for a restart().
    void stop();
    bool restart(QString *why);
    bool isRunning() const;

    /// Keeps the daemon's images and containers in `path` instead of the temporary folder, so
    /// that they survive between test runs (the seed stacks' images, slow to import with vfs).
    /// Set before start(); start() fails, saying so, while another daemon holds the folder.
    void setPersistentDataRoot(const QString &path) { m_dataRoot = path; }
    QString dataRoot() const;

    QString socketPath() const;
    QString host() const { return QStringLiteral("unix://") + socketPath(); }
    QString dir() const;
    /// The environment for docker / docker-compose programs that should talk to this daemon.
    QProcessEnvironment environment() const;

    /// Imports a rootfs of busybox-static and its applets as `reference` (e.g.
    /// "stackscope-test/busybox:1"); false with `why` on failure.
    bool importBusybox(const QString &reference, QString *why);
    /// What a compose benchmark needs: the daemon started, the busybox test image imported as
    /// `stackscope-test/busybox:1`, and docker-compose found (its path in `composeProgram`).
    /// False, with the reason, when one of them is missing.
    bool startForCompose(QString *composeProgram, QString *why);
    /// Runs `program args` against this daemon, waits; returns the exit code (-1 on failure)
    /// and the merged output.
    int run(const QString &program, const QStringList &args, QString *output = nullptr,
            int timeoutMs = 60000) const;
    /// GET/POST on the socket, blocking; returns the HTTP status, the body in `body`.
    int request(const QByteArray &method, const QByteArray &path, QByteArray *body = nullptr,
                int timeoutMs = 15000) const;

private:
    bool waitForPing(int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataRoot;
    std::unique_ptr<QLockFile> m_dataRootLock;
    QProcess m_process;
    QString m_log;
};

} // namespace Stackscope
