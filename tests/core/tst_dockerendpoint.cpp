// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/docker/dockerendpoint.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Stackscope::resolveDockerEndpoint;

class TestDockerEndpoint : public QObject
{
    Q_OBJECT

    static void write(const QString &path, const QByteArray &contents)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }

    static void writeContext(const QString &home, const QString &name, const QByteArray &host)
    {
        const QByteArray digest
            = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex();
        write(home + u"/.docker/contexts/meta/"_s + QString::fromLatin1(digest) + u"/meta.json"_s,
              R"({"Name":")" + name.toUtf8() + R"(","Metadata":{},"Endpoints":{"docker":{"Host":")"
                  + host + R"(","SkipTLSVerify":false}}})");
    }

private Q_SLOTS:
    void configurationWins()
    {
        QProcessEnvironment env;
        env.insert(u"DOCKER_HOST"_s, u"unix:///from/env.sock"_s);
        const auto e = resolveDockerEndpoint(u"unix:///from/config.sock"_s, env, u"/nonexistent"_s);
        QCOMPARE(e.host, u"unix:///from/config.sock"_s);
        QCOMPARE(e.socketPath, u"/from/config.sock"_s);
    }

    void dockerHostFromEnvironment()
    {
        QProcessEnvironment env;
        env.insert(u"DOCKER_HOST"_s, u"tcp://10.0.0.5:2376"_s);
        env.insert(u"DOCKER_TLS_VERIFY"_s, u"1"_s);
        env.insert(u"DOCKER_CERT_PATH"_s, u"/certs"_s);
        const auto e = resolveDockerEndpoint({}, env, u"/nonexistent"_s);
        QCOMPARE(e.host, u"tcp://10.0.0.5:2376"_s);
        QCOMPARE(e.source, u"DOCKER_HOST"_s);
        QVERIFY(e.tls);
        QCOMPARE(e.certPath, u"/certs"_s);
        QVERIFY(!e.isUnix());
    }

    void currentContextFromConfigJson()
    {
        QTemporaryDir home;
        writeContext(home.path(), u"rootless"_s, "unix:///run/user/1000/docker.sock");
        write(home.filePath(u".docker/config.json"_s),
              R"({"auths":{},"currentContext":"rootless"})");
        const auto e = resolveDockerEndpoint({}, QProcessEnvironment(), home.path());
        QCOMPARE(e.host, u"unix:///run/user/1000/docker.sock"_s);
        QCOMPARE(e.source, u"current context 'rootless'"_s);
        QVERIFY(!e.tls); // a unix socket never uses TLS
    }

    void dockerContextVariableBeatsConfigJson()
    {
        QTemporaryDir home;
        writeContext(home.path(), u"rootless"_s, "unix:///a.sock");
        writeContext(home.path(), u"remote"_s, "tcp://192.0.2.1:2375");
        write(home.filePath(u".docker/config.json"_s), R"({"currentContext":"rootless"})");
        QProcessEnvironment env;
        env.insert(u"DOCKER_CONTEXT"_s, u"remote"_s);
        const auto e = resolveDockerEndpoint({}, env, home.path());
        QCOMPARE(e.host, u"tcp://192.0.2.1:2375"_s);
        QCOMPARE(e.source, u"DOCKER_CONTEXT 'remote'"_s);
    }

    void fallsBackToRootlessWhenTheDefaultSocketIsAbsent()
    {
        if (QFileInfo::exists(u"/var/run/docker.sock"_s)) {
            const auto e = resolveDockerEndpoint({}, QProcessEnvironment(), u"/nonexistent"_s);
            QCOMPARE(e.host, u"unix:///var/run/docker.sock"_s);
            QSKIP("/var/run/docker.sock exists on this machine: checked that it is chosen first");
        }
        QTemporaryDir runtime;
        write(runtime.filePath(u"docker.sock"_s), ""); // existence is what counts here
        QProcessEnvironment env;
        env.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
        const auto e = resolveDockerEndpoint({}, env, u"/nonexistent"_s);
        QCOMPARE(e.host, u"unix://"_s + runtime.filePath(u"docker.sock"_s));
        QCOMPARE(e.source, u"rootless Docker"_s);
    }

    void nothingFoundNamesTheDefaultAndWhatWasTried()
    {
        if (QFileInfo::exists(u"/var/run/docker.sock"_s)
            || QFileInfo::exists(u"/run/podman/podman.sock"_s))
            QSKIP("a system Docker or Podman socket exists on this machine");
        QTemporaryDir runtime;
        QProcessEnvironment env;
        env.insert(u"XDG_RUNTIME_DIR"_s, runtime.path());
        const auto e = resolveDockerEndpoint({}, env, u"/nonexistent"_s);
        QCOMPARE(e.host, u"unix:///var/run/docker.sock"_s);
        QCOMPARE(e.tried.size(), 5);
        QVERIFY(e.tried.contains(runtime.path() + u"/podman/podman.sock"_s));
    }
};

QTEST_GUILESS_MAIN(TestDockerEndpoint)
#include "tst_dockerendpoint.moc"
