// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/stack/dockerdaemon.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QStandardPaths>
#include <QThread>

#include <sys/mount.h>
#include <sys/prctl.h>

#include <csignal>
#include <unistd.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

DockerDaemon::DockerDaemon() = default;

DockerDaemon::~DockerDaemon()
{
    stop();
    if (!m_dir)
        return;
    // dockerd leaves its network namespace bind-mounted in the exec root: unmount whatever is
    // mounted under our folder, deepest first, so that the folder can be removed.
    QFile mounts(u"/proc/mounts"_s);
    QStringList points;
    if (mounts.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = mounts.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QString point = QString::fromUtf8(line.split(' ').value(1));
            if (point.startsWith(dir() + u'/')
                || (!m_dataRoot.isEmpty() && point.startsWith(m_dataRoot + u'/')))
                points << point;
        }
    }
    std::sort(points.begin(), points.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &p : std::as_const(points))
        ::umount2(QFile::encodeName(p).constData(), MNT_DETACH);
    m_dir->remove();
}

QString DockerDaemon::dir() const
{
    return m_dir ? m_dir->path() : QString();
}

QString DockerDaemon::dataRoot() const
{
    return m_dataRoot.isEmpty() ? dir() + u"/data"_s : m_dataRoot;
}

QString DockerDaemon::socketPath() const
{
    return dir() + u"/d.sock"_s;
}

QProcessEnvironment DockerDaemon::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DOCKER_HOST"_s, host());
    env.remove(u"DOCKER_CONTEXT"_s);
    env.insert(u"DOCKER_CONFIG"_s, dir() + u"/cli"_s);
    return env;
}

bool DockerDaemon::isRunning() const
{
    return m_process.state() == QProcess::Running;
}

bool DockerDaemon::start(QString *why)
{
    if (geteuid() != 0) {
        *why = u"dockerd needs root here (rootless Docker is not set up for the tests)"_s;
        return false;
    }
    const QString dockerd = QStandardPaths::findExecutable(u"dockerd"_s);
    if (dockerd.isEmpty()) {
        *why = u"dockerd is not installed (Debian package docker.io)"_s;
        return false;
    }
    if (!m_dir) {
        // Unix socket paths are limited to 108 bytes: keep the folder short.
        m_dir = std::make_unique<QTemporaryDir>(u"/tmp/ssd-XXXXXX"_s);
        if (!m_dir->isValid()) {
            *why = u"cannot create a temporary folder for dockerd"_s;
            return false;
        }
        QDir().mkpath(dir() + u"/cli"_s);
    }
    const QString d = dir();
    if (!m_dataRoot.isEmpty() && !m_dataRootLock) {
        QDir().mkpath(m_dataRoot);
        auto lock = std::make_unique<QLockFile>(m_dataRoot + u".lock"_s);
        if (!lock->tryLock(0)) {
            *why = u"another test's dockerd uses %1"_s.arg(m_dataRoot);
            return false;
        }
        m_dataRootLock = std::move(lock);
    }
    m_process.setProgram(dockerd);
    m_process.setArguments({u"--iptables=false"_s, u"--ip6tables=false"_s, u"--bridge=none"_s,
                            u"--storage-driver=vfs"_s, u"--shutdown-timeout=1"_s, u"--host"_s,
                            host(), u"--data-root"_s, dataRoot(), u"--exec-root"_s, d + u"/exec"_s,
                            u"--pidfile"_s, d + u"/pid"_s});
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.setStandardOutputFile(d + u"/dockerd.log"_s, QIODevice::Append);
    // A test that crashes must not leave its dockerd running (holding a persistent data root
    // and the containers' ports): the daemon gets SIGTERM when the test process dies.
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start();
    if (!m_process.waitForStarted(5000)) {
        *why = u"dockerd did not start: "_s + m_process.errorString();
        return false;
    }
    if (!waitForPing(30000)) {
        QFile log(d + u"/dockerd.log"_s);
        QString tail;
        if (log.open(QIODevice::ReadOnly))
            tail = QString::fromUtf8(log.readAll().right(600));
        *why = u"dockerd did not answer /_ping within 30 s: "_s + tail;
        stop();
        return false;
    }
    return true;
}

void DockerDaemon::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // by our own PID
    if (!m_process.waitForFinished(15000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool DockerDaemon::restart(QString *why)
{
    stop();
    return start(why);
}

bool DockerDaemon::waitForPing(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.state() != QProcess::Running)
            return false;
        QByteArray body;
        if (request("GET", "/_ping", &body, 2000) == 200)
            return true;
        QThread::msleep(100);
    }
    return false;
}

int DockerDaemon::request(const QByteArray &method, const QByteArray &path, QByteArray *body,
                          int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(socketPath());
    if (!socket.waitForConnected(timeoutMs))
        return 0;
    socket.write(method + ' ' + path
                 + " HTTP/1.1\r\nHost: docker\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    socket.flush();
    QByteArray all;
    QDeadlineTimer deadline(timeoutMs);
    while (socket.state() == QLocalSocket::ConnectedState && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(100))
            all += socket.readAll();
    }
    all += socket.readAll();
    const qsizetype headerEnd = all.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return 0;
    const QList<QByteArray> statusLine = all.left(all.indexOf("\r\n")).split(' ');
    if (body)
        *body = all.mid(headerEnd + 4);
    return statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
}

int DockerDaemon::run(const QString &program, const QStringList &args, QString *output,
                      int timeoutMs) const
{
    QProcess p;
    p.setProcessEnvironment(environment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return -1;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return -1;
    }
    if (output)
        *output = QString::fromUtf8(p.readAll());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool DockerDaemon::importBusybox(const QString &reference, QString *why)
{
    const QString busybox = QStandardPaths::findExecutable(u"busybox"_s);
    if (busybox.isEmpty()) {
        *why = u"busybox is not installed (Debian package busybox-static)"_s;
        return false;
    }
    const QString root = dir() + u"/rootfs"_s;
    QDir().mkpath(root + u"/bin"_s);
    QDir().mkpath(root + u"/tmp"_s);
    QFile::remove(root + u"/bin/busybox"_s);
    if (!QFile::copy(busybox, root + u"/bin/busybox"_s)) {
        *why = u"cannot copy busybox into the image folder"_s;
        return false;
    }
    for (const char *applet : {"sh", "sleep", "echo", "cat", "true", "false", "ls", "wget", "test",
                               "date", "env", "ps", "kill", "nc", "httpd", "yes"}) {
        QFile::link(u"busybox"_s, root + u"/bin/"_s + QLatin1StringView(applet));
    }
    const QString tarball = dir() + u"/rootfs.tar"_s;
    QString out;
    if (run(u"tar"_s, {u"-C"_s, root, u"-cf"_s, tarball, u"."_s}, &out) != 0) {
        *why = u"tar failed: "_s + out;
        return false;
    }
    // `docker import` through whichever docker CLI is installed, talking to our daemon.
    const QString docker = QStandardPaths::findExecutable(u"docker"_s);
    if (docker.isEmpty()) {
        *why = u"the docker CLI is not installed"_s;
        return false;
    }
    if (run(docker, {u"import"_s, tarball, reference}, &out) != 0) {
        *why = u"docker import failed: "_s + out;
        return false;
    }
    return true;
}

bool DockerDaemon::startForCompose(QString *composeProgram, QString *why)
{
    if (!start(why)) {
        *why = u"cannot start a private dockerd: "_s + *why;
        return false;
    }
    if (!importBusybox(u"stackscope-test/busybox:1"_s, why))
        return false;
    *composeProgram = QStandardPaths::findExecutable(u"docker-compose"_s);
    if (composeProgram->isEmpty()) {
        *why = u"docker-compose is not installed"_s;
        return false;
    }
    return true;
}

} // namespace Stackscope
