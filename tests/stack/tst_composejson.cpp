// SPDX-License-Identifier: GPL-3.0-or-later
// Compose v2's own model, `docker compose config --format json`, as Stackscope reads it. Debian
// bookworm ships no v2 plugin, so the answer is compose-go's golden JSON (what `config --format
// json` prints: the project's MarshalJSON; tests/data/stack/compose-v2-json/SOURCES.md), given
// by a stand-in `docker` program that the test puts first on PATH. The same project's YAML, read
// by Stackscope's fallback parser, must give the same services, images, ports and profiles.
#include "app/compose/composecommand.h"
#include "app/compose/composefile.h"
#include "app/compose/composeresolver.h"
#include "tests/support/fixtures.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

QString fixtureDir()
{
    return Test::testDataDir() + u"/stack/compose-v2-json"_s;
}

const ComposeService *find(const QList<ComposeService> &services, const QString &name)
{
    for (const ComposeService &s : services) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

QStringList names(const QList<ComposeService> &services)
{
    QStringList out;
    for (const ComposeService &s : services)
        out << s.name;
    out.sort();
    return out;
}

} // namespace

class TestComposeJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resolverAsksForJson();
    void webStack();
    void mergeFragments();

private:
    /// Compose's answer through ComposeResolver, read as ComposeController reads it.
    ComposeFile resolveWithStandIn(const QString &golden, QStringList *arguments = nullptr);
    /// Stackscope's own reading of the matching YAML, with the golden test's environment.
    ComposeFile fallback(const QString &yaml, const QString &folder);

    QTemporaryDir m_bin;
};

void TestComposeJson::initTestCase()
{
    QVERIFY(m_bin.isValid());
    // A stand-in for the docker CLI with the compose v2 plugin: `compose version --short` says
    // 2.27.0, `compose ... config --format json` prints the file $GOLDEN names and writes its
    // arguments to $ARGS_FILE. Anything else fails, so that an unexpected call shows.
    const QString script = m_bin.filePath(u"docker"_s);
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\n"
            "# stand-in for docker with the compose v2 plugin (tst_composejson)\n"
            "[ \"$1\" = compose ] || exit 2\n"
            "shift\n"
            "if [ \"$1 $2\" = \"version --short\" ]; then echo 2.27.0; exit 0; fi\n"
            "printf '%s\\n' \"$@\" > \"$ARGS_FILE\"\n"
            "for a in \"$@\"; do [ \"$a\" = config ] && exec cat \"$GOLDEN\"; done\n"
            "echo 'unexpected call' >&2; exit 3\n");
    f.close();
    QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

ComposeFile TestComposeJson::resolveWithStandIn(const QString &golden, QStringList *arguments)
{
    QProcessEnvironment env;
    env.insert(u"PATH"_s, m_bin.path() + u":/usr/bin:/bin"_s);
    env.insert(u"GOLDEN"_s, QDir(fixtureDir()).filePath(golden));
    env.insert(u"ARGS_FILE"_s, m_bin.filePath(u"args"_s));
    const ComposeCommand compose = ComposeCommand::detect({}, env);
    if (compose.flavor != ComposeCommand::Flavor::V2Plugin) {
        qWarning("not the v2 plugin: %s", qPrintable(compose.describe() + compose.problem));
        return {};
    }
    StackConfig stack;
    stack.composeFiles = {QDir(fixtureDir()).filePath(golden.section(u'.', 0, 0) + u".yaml"_s)};
    stack.project = u"golden"_s;
    ComposeResolver resolver;
    QSignalSpy resolved(&resolver, &ComposeResolver::resolved);
    QSignalSpy failed(&resolver, &ComposeResolver::failed);
    resolver.resolve(compose, stack, env, fixtureDir());
    if (!resolved.wait(10000) || resolved.isEmpty()) {
        qWarning("no answer: %s",
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        return {};
    }
    if (arguments) {
        QFile args(m_bin.filePath(u"args"_s));
        if (args.open(QIODevice::ReadOnly))
            *arguments = QString::fromUtf8(args.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }
    // As ComposeController::takeResolvedModel() reads it.
    return ComposeFile::parse(resolved.first().first().toByteArray(),
                              u"the output of docker compose config"_s);
}

ComposeFile TestComposeJson::fallback(const QString &yaml, const QString &folder)
{
    // compose-go's golden test loads the file with these variables and every profile ("*").
    ComposeInputs in;
    in.files = {QDir(folder).filePath(yaml)};
    in.environment = QProcessEnvironment();
    in.environment.insert(u"GOLDEN_TAG"_s, u"1.2.3"_s);
    in.environment.insert(u"GOLDEN_PORT"_s, u"8080"_s);
    in.environment.insert(u"HOME"_s, u"/home/tester"_s);
    in.profiles = {u"*"_s};
    in.workingDirectory = folder;
    return ComposeFile::resolve(in);
}

void TestComposeJson::resolverAsksForJson()
{
    QStringList arguments;
    const ComposeFile model = resolveWithStandIn(u"web-stack.golden.json"_s, &arguments);
    QVERIFY2(model.ok(), qPrintable(model.error));
    // The plugin is asked for JSON, with the project's name and file.
    QVERIFY2(arguments.join(u' ').endsWith(u"config --format json"_s),
             qPrintable(arguments.join(u' ')));
    QVERIFY(arguments.contains(u"-p"_s));
    QVERIFY(arguments.contains(u"golden"_s));
    QCOMPARE(names(model.services), (QStringList{u"cache"_s, u"db"_s, u"web"_s}));
}

void TestComposeJson::webStack()
{
    const ComposeFile json = resolveWithStandIn(u"web-stack.golden.json"_s);
    QVERIFY2(json.ok(), qPrintable(json.error));
    const ComposeService *web = find(json.services, u"web"_s);
    QVERIFY(web);
    QCOMPARE(web->image, u"example/web:1.2.3"_s);
    // Long syntax as compose prints it: "published" a string, "mode" ingress or host.
    PublishedPort http;
    http.hostPort = http.hostPortEnd = 8080;
    http.containerPort = http.containerPortEnd = 80;
    PublishedPort https;
    https.hostPort = https.hostPortEnd = 8443;
    https.containerPort = https.containerPortEnd = 443;
    QCOMPARE(web->ports, (QList<PublishedPort>{http, https}));
    QCOMPARE(web->hostPorts, (QList<int>{8080, 8443}));
    QCOMPARE(web->command, (QStringList{u"serve"_s, u"--port"_s, u"8080"_s}));
    QCOMPARE(web->entrypoint, QStringList{u"/entrypoint.sh"_s});
    QCOMPARE(web->profiles, QStringList{u"frontend"_s});
    QVERIFY(web->hasHealthcheck);
    // `DEBUG: null`: a variable taken from the shell, kept with an empty value.
    QVERIFY(web->environment.contains(u"DEBUG"_s));
    QCOMPARE(web->environment.value(u"MODE"_s), u"production"_s);
    QCOMPARE(web->mounts.size(), 3);
    QVERIFY(web->mounts.at(0).bind);
    QVERIFY(web->mounts.at(0).readOnly);
    QCOMPARE(web->mounts.at(0).target, u"/usr/share/nginx/html"_s);
    QCOMPARE(web->mounts.at(1).source, u"data"_s);
    QCOMPARE(find(json.services, u"db"_s)->image, u"postgres:16"_s);
    QCOMPARE(find(json.services, u"cache"_s)->image, u"redis:7"_s);
    // Every network is the project's own (none external), as in the YAML.
    QVERIFY(json.externalNetworks.isEmpty());

    // The fallback parser, on the YAML compose-go loaded, agrees service by service.
    const ComposeFile yaml = fallback(u"web-stack.yaml"_s, fixtureDir());
    QVERIFY2(yaml.ok(), qPrintable(yaml.error));
    QCOMPARE(names(yaml.services), names(json.services));
    QVERIFY(yaml.externalNetworks.isEmpty());
    for (const ComposeService &mine : yaml.services) {
        const ComposeService *theirs = find(json.services, mine.name);
        QVERIFY(theirs);
        const QByteArray what = mine.name.toUtf8();
        QVERIFY2(mine.image == theirs->image, what.constData());
        QVERIFY2(mine.ports == theirs->ports, what.constData());
        QVERIFY2(mine.hostPorts == theirs->hostPorts, what.constData());
        QVERIFY2(mine.command == theirs->command, what.constData());
        QVERIFY2(mine.entrypoint == theirs->entrypoint, what.constData());
        QVERIFY2(mine.profiles == theirs->profiles, what.constData());
        QVERIFY2(mine.environment == theirs->environment, what.constData());
        QVERIFY2(mine.networkMode == theirs->networkMode, what.constData());
        QVERIFY2(mine.hasHealthcheck == theirs->hasHealthcheck, what.constData());
        QVERIFY2(mine.mounts.size() == theirs->mounts.size(), what.constData());
        for (qsizetype i = 0; i < mine.mounts.size(); ++i) {
            const ServiceMount &a = mine.mounts.at(i);
            const ServiceMount &b = theirs->mounts.at(i);
            QVERIFY2(a.target == b.target && a.bind == b.bind && a.readOnly == b.readOnly,
                     qPrintable(mine.name + u' ' + a.target));
            // The golden model keeps relative paths (compose-go's test turns ResolvePaths
            // off; `docker compose config` prints them absolute), which the reader anchors at
            // the current folder; the fallback anchors them at the project's.
            const QString source
                = b.bind ? QDir(fixtureDir())
                               .absoluteFilePath(QDir::current().relativeFilePath(b.source))
                         : b.source;
            QCOMPARE(a.source, source);
        }
    }
}

void TestComposeJson::mergeFragments()
{
    // Merge keys, `extends` and a `${VAR:-default}`, resolved by compose; the fallback must
    // agree on what it resolves itself.
    const ComposeFile json = resolveWithStandIn(u"merge-fragments.golden.json"_s);
    QVERIFY2(json.ok(), qPrintable(json.error));
    QCOMPARE(names(json.services), (QStringList{u"api"_s, u"base"_s, u"minimal"_s, u"worker"_s}));
    const ComposeService *worker = find(json.services, u"worker"_s);
    QVERIFY(worker);
    QCOMPARE(worker->image, u"example/base:latest"_s);
    QCOMPARE(worker->environment.value(u"EXTRA"_s), u"fallback"_s);
    QCOMPARE(find(json.services, u"base"_s)->profiles, QStringList{u"never"_s});
    // Without a profile, `base` is not active; with "*" it is.
    QCOMPARE(names(ComposeFile::active(json.services, {})),
             (QStringList{u"api"_s, u"minimal"_s, u"worker"_s}));

    const ComposeFile yaml = fallback(u"merge-fragments.yaml"_s, fixtureDir());
    QVERIFY2(yaml.ok(), qPrintable(yaml.error));
    QCOMPARE(names(yaml.services), names(json.services));
    for (const ComposeService &mine : yaml.services) {
        const ComposeService *theirs = find(json.services, mine.name);
        QVERIFY(theirs);
        const QByteArray what = mine.name.toUtf8();
        QVERIFY2(mine.image == theirs->image, what.constData());
        QVERIFY2(mine.command == theirs->command, what.constData());
        QVERIFY2(mine.profiles == theirs->profiles, what.constData());
        QVERIFY2(mine.environment == theirs->environment, what.constData());
        QVERIFY2(mine.ports == theirs->ports, what.constData());
    }
}

QTEST_GUILESS_MAIN(TestComposeJson)
#include "tst_composejson.moc"
