// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/serverprocess.h"

#include "tests/support/freeport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope::Test {

namespace {

void waitProcessingEvents(std::chrono::milliseconds ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

ServerProcess::ServerProcess(const QStringList &binaryNames, const QString &readinessPath,
                             QObject *parent)
    : QObject(parent)
    , m_binaryNames(binaryNames)
    , m_readinessPath(readinessPath)
    , m_dir(QDir::tempPath() + u"/stackscope-test-XXXXXX"_s)
    , m_port(freeLoopbackPort())
    , m_process(new QProcess(this))
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_process, &QProcess::readyRead, this, [this] { drainOutput(); });
#ifdef Q_OS_LINUX
    // The kernel kills the child when the thread that forked it dies, so that a test that crashes
    // or is killed by ctest's timeout leaves no server behind. The getppid() check covers a
    // parent that died between fork and prctl.
    const pid_t parentPid = ::getpid();
    m_process->setChildProcessModifier([parentPid] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parentPid)
            ::_exit(127);
    });
#endif
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QStringList &extraArgs)
{
    m_extraArgs = extraArgs;
    return startOnce();
}

bool ServerProcess::restart()
{
    stop();
    return startOnce();
}

bool ServerProcess::startOnce()
{
    m_error.clear();
    if (isRunning()) {
        setErrorString(u"already running (pid %1)"_s.arg(pid()));
        return false;
    }
    if (m_binary.isEmpty()) {
        for (const QString &name : std::as_const(m_binaryNames)) {
            m_binary = findBinary(name);
            if (!m_binary.isEmpty())
                break;
        }
    }
    if (m_binary.isEmpty()) {
        setErrorString(u"%1 not found on PATH or in /usr/bin; install it to run this test"_s.arg(
            m_binaryNames.join(u" or "_s)));
        return false;
    }
    if (!m_dir.isValid()) {
        setErrorString(u"cannot create a temporary directory: %1"_s.arg(m_dir.errorString()));
        return false;
    }
    if (m_port == 0) {
        setErrorString(u"no free loopback port"_s);
        return false;
    }

    // Only a first start may move to other ports: a restart must come back where it was.
    const int attempts = m_everStarted ? 1 : 3;
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        if (!prepare())
            return false;
        const QStringList args = arguments() + m_extraArgs;
        drainOutput();
        if (!m_log.isEmpty())
            m_log += "\n--- start ---\n";
        m_attemptLogStart = m_log.size();
        m_process->setProgram(m_binary);
        m_process->setArguments(args);
        m_process->setWorkingDirectory(m_dir.path());

        QElapsedTimer clock;
        clock.start();
        m_process->start();
        if (!m_process->waitForStarted(5000)) {
            setErrorString(u"cannot run %1: %2"_s.arg(m_binary, m_process->errorString()));
            stop();
            return false;
        }
        if (waitUntilReady()) {
            m_lastStartMs = clock.elapsed();
            m_everStarted = true;
            return true;
        }
        const bool exited = !isRunning();
        stop();
        const bool portTaken
            = exited && m_log.mid(m_attemptLogStart).contains("address already in use");
        if (!portTaken || attempt == attempts)
            return false;
        reallocatePorts();
    }
    return false;
}

bool ServerProcess::waitUntilReady()
{
    const QDeadlineTimer deadline(m_startTimeout);
    const QString command = m_binary + u' ' + m_process->arguments().join(u' ');
    QString lastAnswer;
    while (!deadline.hasExpired()) {
        if (!isRunning()) {
            drainOutput();
            setErrorString(u"%1 exited with code %2 before it was ready\ncommand: %3\nlog:\n%4"_s
                               .arg(QFileInfo(m_binary).fileName())
                               .arg(m_process->exitCode())
                               .arg(command, logTail()));
            return false;
        }
        const auto remaining = std::chrono::milliseconds(deadline.remainingTime());
        const HttpResult ready = fetch("GET", m_readinessPath.isEmpty() ? u"/"_s : m_readinessPath,
                                       {}, {}, std::clamp(remaining, 50ms, 1000ms));
        if (ready.status == 200)
            return true;
        lastAnswer = ready.status ? u"HTTP %1"_s.arg(ready.status) : ready.error;
        waitProcessingEvents(50ms);
    }
    drainOutput();
    setErrorString(u"%1 was not ready within %2 ms (last answer of %3: %4)\ncommand: %5\nlog:\n%6"_s
                       .arg(QFileInfo(m_binary).fileName())
                       .arg(m_startTimeout.count())
                       .arg(url(m_readinessPath).toString(), lastAnswer, command, logTail()));
    return false;
}

void ServerProcess::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    // terminate() and kill() signal m_process's own pid only.
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    drainOutput();
}

void ServerProcess::kill()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(5000);
    drainOutput();
}

bool ServerProcess::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

qint64 ServerProcess::pid() const
{
    return m_process->processId();
}

quint16 ServerProcess::port() const
{
    return m_port;
}

QUrl ServerProcess::url() const
{
    return loopbackUrl(m_port);
}

QUrl ServerProcess::url(const QString &pathAndQuery) const
{
    return loopbackUrl(m_port, pathAndQuery);
}

QString ServerProcess::directory() const
{
    return m_dir.path();
}

QString ServerProcess::binary() const
{
    return m_binary;
}

QString ServerProcess::log() const
{
    drainOutput();
    return QString::fromUtf8(m_log);
}

QString ServerProcess::errorString() const
{
    return m_error;
}

void ServerProcess::setStartTimeout(std::chrono::milliseconds timeout)
{
    m_startTimeout = timeout;
}

std::chrono::milliseconds ServerProcess::startTimeout() const
{
    return m_startTimeout;
}

qint64 ServerProcess::lastStartDurationMs() const
{
    return m_lastStartMs;
}

ServerProcess::HttpResult ServerProcess::fetch(const QByteArray &verb, const QString &pathAndQuery,
                                               const QByteArray &body,
                                               const QByteArray &contentType,
                                               std::chrono::milliseconds timeout)
{
    QNetworkRequest request(url(pathAndQuery));
    request.setTransferTimeout(int(timeout.count()));
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = verb == "GET" ? m_network->get(request)
                                         : m_network->sendCustomRequest(request, verb, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeout + 500ms, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpResult result;
    if (!reply->isFinished()) {
        reply->abort();
        result.error = u"no answer within %1 ms"_s.arg(timeout.count());
    } else {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError)
            result.error = reply->errorString();
    }
    delete reply;
    return result;
}

QString ServerProcess::findBinary(const QString &name)
{
    if (QFileInfo(name).isAbsolute())
        return QFileInfo(name).isExecutable() ? name : QString();
    QString found = QStandardPaths::findExecutable(name);
    if (found.isEmpty())
        found = QStandardPaths::findExecutable(name, {u"/usr/bin"_s, u"/usr/sbin"_s});
    return found;
}

QStringList ServerProcess::arguments() const
{
    return {};
}

bool ServerProcess::prepare()
{
    return true;
}

void ServerProcess::reallocatePorts()
{
    m_port = freeLoopbackPort();
}

void ServerProcess::setErrorString(const QString &error)
{
    m_error = error;
}

bool ServerProcess::writeFile(const QString &relativePath, const QByteArray &contents)
{
    const QString path = m_dir.filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(contents) != contents.size()) {
        setErrorString(u"cannot write %1: %2"_s.arg(path, file.errorString()));
        return false;
    }
    return true;
}

QString ServerProcess::substitutePort(const QString &text) const
{
    QString result = text;
    return result.replace(u"@PORT@"_s, QString::number(m_port));
}

void ServerProcess::drainOutput() const
{
    if (m_process->bytesAvailable() > 0)
        m_log += m_process->readAll();
}

QString ServerProcess::logTail() const
{
    constexpr qsizetype maxChars = 4000;
    const QString text = QString::fromUtf8(m_log.mid(m_attemptLogStart));
    return text.size() > maxChars ? u"[...]"_s + text.right(maxChars) : text;
}

// --- PrometheusProcess ----------------------------------------------------------------------

PrometheusProcess::PrometheusProcess(QObject *parent)
    : ServerProcess({u"prometheus"_s}, u"/-/ready"_s, parent)
{}

void PrometheusProcess::setConfig(const QString &yaml)
{
    m_config = yaml;
}

QString PrometheusProcess::config() const
{
    if (m_config.isEmpty())
        return defaultConfig(port(), m_ruleFiles.keys(), m_alertmanagerTarget);
    return substitutePort(m_config);
}

QString PrometheusProcess::configPath() const
{
    return directory() + u"/prometheus.yml"_s;
}

void PrometheusProcess::setRuleFile(const QString &name, const QString &text)
{
    m_ruleFiles.insert(name, text);
}

void PrometheusProcess::removeRuleFile(const QString &name)
{
    if (m_ruleFiles.remove(name))
        QFile::remove(directory() + u'/' + name);
}

void PrometheusProcess::setAlertmanagerTarget(const QString &hostPort)
{
    m_alertmanagerTarget = hostPort;
}

bool PrometheusProcess::reload()
{
    if (!prepare())
        return false;
    const HttpResult result = fetch("POST", u"/-/reload"_s);
    if (result.status == 200)
        return true;
    setErrorString(u"POST /-/reload answered %1 %2 %3"_s.arg(result.status)
                       .arg(result.error, QString::fromUtf8(result.body)));
    return false;
}

QString PrometheusProcess::defaultConfig(quint16 port, const QStringList &ruleFiles,
                                         const QString &alertmanagerTarget)
{
    QString yaml = u"global:\n"
                   u"  scrape_interval: 1s\n"
                   u"  scrape_timeout: 1s\n"
                   u"  evaluation_interval: 1s\n"_s;
    if (!ruleFiles.isEmpty()) {
        yaml += u"rule_files:\n"_s;
        for (const QString &file : ruleFiles)
            yaml += u"  - \"%1\"\n"_s.arg(file);
    }
    if (!alertmanagerTarget.isEmpty()) {
        yaml += u"alerting:\n"
                u"  alertmanagers:\n"
                u"    - static_configs:\n"
                u"        - targets: [\"%1\"]\n"_s.arg(alertmanagerTarget);
    }
    yaml += u"scrape_configs:\n"
            u"  - job_name: prometheus\n"
            u"    static_configs:\n"
            u"      - targets: [\"127.0.0.1:%1\"]\n"_s.arg(port);
    return yaml;
}

QStringList PrometheusProcess::arguments() const
{
    return {
        u"--config.file="_s + configPath(),
        u"--storage.tsdb.path="_s + directory() + u"/data"_s,
        u"--web.listen-address=127.0.0.1:"_s + QString::number(port()),
        u"--web.enable-lifecycle"_s,
    };
}

bool PrometheusProcess::prepare()
{
    for (auto it = m_ruleFiles.cbegin(); it != m_ruleFiles.cend(); ++it) {
        if (!writeFile(it.key(), it.value().toUtf8()))
            return false;
    }
    return writeFile(u"prometheus.yml"_s, config().toUtf8());
}

// --- AlertmanagerProcess --------------------------------------------------------------------

AlertmanagerProcess::AlertmanagerProcess(QObject *parent)
    : ServerProcess({u"prometheus-alertmanager"_s, u"alertmanager"_s}, u"/-/ready"_s, parent)
{}

void AlertmanagerProcess::setConfig(const QString &yaml)
{
    m_config = yaml;
}

QString AlertmanagerProcess::config() const
{
    return m_config.isEmpty() ? defaultConfig() : substitutePort(m_config);
}

QString AlertmanagerProcess::configPath() const
{
    return directory() + u"/alertmanager.yml"_s;
}

void AlertmanagerProcess::setClusterEnabled(bool enabled)
{
    if (enabled == (m_clusterPort != 0))
        return;
    if (isRunning())
        qWarning("AlertmanagerProcess: clustering changes take effect at the next start");
    m_clusterPort = enabled ? freeLoopbackTcpUdpPort() : 0;
}

void AlertmanagerProcess::setPeer(AlertmanagerProcess *other)
{
    m_peer = other;
    setClusterEnabled(true);
    if (other)
        other->setClusterEnabled(true);
}

quint16 AlertmanagerProcess::clusterPort() const
{
    return m_clusterPort;
}

bool AlertmanagerProcess::reload()
{
    if (!prepare())
        return false;
    const HttpResult result = fetch("POST", u"/-/reload"_s);
    if (result.status == 200)
        return true;
    setErrorString(u"POST /-/reload answered %1 %2 %3"_s.arg(result.status)
                       .arg(result.error, QString::fromUtf8(result.body)));
    return false;
}

QString AlertmanagerProcess::defaultConfig()
{
    return u"route:\n"
           u"  receiver: \"null\"\n"
           u"  group_by: [\"alertname\"]\n"
           u"  group_wait: 1s\n"
           u"  group_interval: 1s\n"
           u"  repeat_interval: 1h\n"
           u"receivers:\n"
           u"  - name: \"null\"\n"_s;
}

QStringList AlertmanagerProcess::arguments() const
{
    QStringList args = {
        u"--config.file="_s + configPath(),
        u"--storage.path="_s + directory() + u"/data"_s,
        u"--web.listen-address=127.0.0.1:"_s + QString::number(port()),
    };
    if (m_clusterPort == 0) {
        args << u"--cluster.listen-address="_s;
    } else {
        const QString address = u"127.0.0.1:"_s + QString::number(m_clusterPort);
        args << u"--cluster.listen-address="_s + address
             << u"--cluster.advertise-address="_s + address;
        if (m_peer && m_peer->clusterPort() != 0)
            args << u"--cluster.peer=127.0.0.1:"_s + QString::number(m_peer->clusterPort());
    }
    return args;
}

bool AlertmanagerProcess::prepare()
{
    return writeFile(u"alertmanager.yml"_s, config().toUtf8());
}

void AlertmanagerProcess::reallocatePorts()
{
    ServerProcess::reallocatePorts();
    if (m_clusterPort != 0)
        m_clusterPort = freeLoopbackTcpUdpPort();
}

} // namespace Stackscope::Test
