// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QProcess;

namespace Stackscope::Test {

/// Runs one real server binary on a loopback port in its own temporary directory. When start()
/// returns true the server's readiness URL has answered 200; when stop() returns, or the object is
/// destroyed, the process is gone (signalled by its own pid, never by name). The child is also
/// killed by the kernel if the thread that started it dies, so a crashing test leaves nothing.
class ServerProcess : public QObject
{
    Q_OBJECT
public:
    /// The answer to one fetch(): status 0 when no HTTP answer came (then error says why).
    struct HttpResult
    {
        int status = 0;
        QByteArray body;
        QString error;
    };

    /// binaryNames are tried in order with findBinary(); readinessPath must answer 200 once the
    /// server is ready. A free loopback port and the temporary directory are chosen here.
    explicit ServerProcess(const QStringList &binaryNames, const QString &readinessPath = {},
                           QObject *parent = nullptr);
    ~ServerProcess() override;

    /// Starts the binary with arguments() followed by extraArgs and waits, processing events,
    /// until the readiness URL answers 200 or startTimeout() passes. On false, errorString() says
    /// why (binary missing, exited, not ready in time) and nothing is left running.
    bool start(const QStringList &extraArgs = {});
    /// stop() then start() with the same extra arguments, on the same port and data directory.
    bool restart();
    /// SIGTERM to our own pid, up to 5 s to exit, then SIGKILL. Does nothing when not running.
    void stop();
    /// SIGKILL to our own pid at once: the way a test simulates a crashed backend.
    void kill();

    bool isRunning() const;
    /// The child's pid, 0 when not running.
    qint64 pid() const;
    /// The loopback port it listens on. Stable once the first start() has succeeded (only a first
    /// start that finds the port taken by someone else moves to another one).
    quint16 port() const;
    /// http://127.0.0.1:port()
    QUrl url() const;
    /// url() with this path (and query) resolved against it.
    QUrl url(const QString &pathAndQuery) const;
    /// The temporary directory with the configuration and the data; removed on destruction.
    QString directory() const;
    /// The binary found (absolute path), empty when none of the names was found.
    QString binary() const;
    /// Everything the process printed on stdout and stderr, across restarts.
    QString log() const;
    QString errorString() const;

    void setStartTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds startTimeout() const;
    /// How long the last successful start() took, from spawning to ready, in ms.
    qint64 lastStartDurationMs() const;

    /// One HTTP request to this server on a fresh QNetworkAccessManager-backed call; waits for
    /// the answer processing events (the test's other loopback servers keep working meanwhile).
    HttpResult fetch(const QByteArray &verb, const QString &pathAndQuery,
                     const QByteArray &body = {}, const QByteArray &contentType = {},
                     std::chrono::milliseconds timeout = std::chrono::seconds(5));

    /// The absolute path of an executable called name on PATH or in /usr/bin, empty if none.
    static QString findBinary(const QString &name);

protected:
    /// The arguments the server always needs (listen address, config, data dir).
    virtual QStringList arguments() const;
    /// Writes configuration into directory(); called before every start. On failure, call
    /// setErrorString() and return false.
    virtual bool prepare();
    /// Picks new free ports; called when a first start found its port taken.
    virtual void reallocatePorts();

    void setErrorString(const QString &error);
    /// Writes contents to directory()/relativePath, creating parent directories.
    bool writeFile(const QString &relativePath, const QByteArray &contents);
    /// Replaces "@PORT@" in a configuration text with port().
    QString substitutePort(const QString &text) const;

private:
    bool startOnce();
    bool waitUntilReady();
    void drainOutput() const;
    QString logTail() const;

    QStringList m_binaryNames;
    QString m_readinessPath;
    QString m_binary;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    QStringList m_extraArgs;
    QProcess *m_process = nullptr;
    QNetworkAccessManager *m_network = nullptr;
    mutable QByteArray m_log;
    qsizetype m_attemptLogStart = 0;
    QString m_error;
    std::chrono::milliseconds m_startTimeout{20000};
    qint64 m_lastStartMs = -1;
    bool m_everStarted = false;
};

/// Debian's prometheus (2.42) on a loopback port with the lifecycle API on, a prometheus.yml and
/// rule files written into its temporary directory, TSDB in directory()/data.
class PrometheusProcess : public ServerProcess
{
    Q_OBJECT
public:
    explicit PrometheusProcess(QObject *parent = nullptr);

    /// The prometheus.yml text ("@PORT@" becomes port()); empty means defaultConfig().
    void setConfig(const QString &yaml);
    /// The configuration as it is (or will be) written.
    QString config() const;
    QString configPath() const;
    /// A rule file written as directory()/name before each start and reload(); the default
    /// configuration loads every rule file set here (custom ones name them under rule_files).
    void setRuleFile(const QString &name, const QString &text);
    void removeRuleFile(const QString &name);
    /// The default configuration also sends alerts to this Alertmanager ("127.0.0.1:9093").
    void setAlertmanagerTarget(const QString &hostPort);
    /// Rewrites the configuration and rule files, then POSTs /-/reload; true when it answered 200.
    bool reload();

    /// Scrapes itself (job "prometheus") every second, evaluates rules every second.
    static QString defaultConfig(quint16 port, const QStringList &ruleFiles = {},
                                 const QString &alertmanagerTarget = {});

protected:
    QStringList arguments() const override;
    bool prepare() override;

private:
    QString m_config;
    QMap<QString, QString> m_ruleFiles;
    QString m_alertmanagerTarget;
};

/// Debian's prometheus-alertmanager (0.25) on a loopback port: alone with clustering off, or an HA
/// peer gossiping with another AlertmanagerProcess on loopback.
class AlertmanagerProcess : public ServerProcess
{
    Q_OBJECT
public:
    explicit AlertmanagerProcess(QObject *parent = nullptr);

    /// The alertmanager.yml text ("@PORT@" becomes port()); empty means defaultConfig().
    void setConfig(const QString &yaml);
    QString config() const;
    QString configPath() const;
    /// Gossip on clusterPort() so that other instances can peer with this one. Before start().
    void setClusterEnabled(bool enabled);
    /// Join other's cluster; turns clustering on here and (if not started yet) on other too.
    /// Before start(); other must be started first (its cluster port is read at start()).
    void setPeer(AlertmanagerProcess *other);
    /// The gossip port, 0 when clustering is off.
    quint16 clusterPort() const;
    /// Rewrites the configuration, then POSTs /-/reload; true when it answered 200.
    bool reload();

    /// One route to a "null" receiver, grouping by alertname, group_wait 1s.
    static QString defaultConfig();

protected:
    QStringList arguments() const override;
    bool prepare() override;
    void reallocatePorts() override;

private:
    QString m_config;
    quint16 m_clusterPort = 0;
    QPointer<AlertmanagerProcess> m_peer;
};

} // namespace Stackscope::Test
