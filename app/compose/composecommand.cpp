// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composecommand.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Runs `program args` and returns stdout when it exits 0 within the timeout.
std::optional<QString> probe(const QString &program, const QStringList &args,
                             const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(program, args, QIODevice::ReadOnly);
    if (!p.waitForStarted(3000))
        return std::nullopt;
    if (!p.waitForFinished(8000)) {
        p.kill();
        p.waitForFinished(1000);
        return std::nullopt;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString findIn(const QString &name, const QProcessEnvironment &env)
{
    const QStringList path = env.value(u"PATH"_s).split(u':', Qt::SkipEmptyParts);
    return QStandardPaths::findExecutable(name, path);
}

} // namespace

bool ComposeCommand::supportsWait() const
{
    if (flavor == Flavor::V1Standalone)
        return false;
    if (flavor == Flavor::V2Plugin || flavor == Flavor::Configured) {
        if (version.isEmpty())
            return flavor == Flavor::V2Plugin
                   || (prefix.contains("compose"_L1) && !program.endsWith("docker-compose"_L1));
        const QVersionNumber v = QVersionNumber::fromString(version);
        return v >= QVersionNumber(2, 1, 1);
    }
    return false;
}

QString ComposeCommand::describe() const
{
    if (!isValid())
        return problem;
    QString text = QFileInfo(program).fileName();
    for (const QString &p : prefix)
        text += u' ' + p;
    if (!version.isEmpty())
        text += u' ' + version;
    return text;
}

QString ComposeCommand::actionName(Action action)
{
    switch (action) {
    case Action::Up:
        return u"up"_s;
    case Action::Down:
        return u"down"_s;
    case Action::Stop:
        return u"stop"_s;
    case Action::Start:
        return u"start"_s;
    case Action::Restart:
        return u"restart"_s;
    }
    return {};
}

QStringList ComposeCommand::globalArguments(const StackConfig &stack)
{
    QStringList args;
    if (!stack.project.isEmpty())
        args << u"-p"_s << stack.project;
    for (const QString &f : stack.composeFiles)
        args << u"-f"_s << f;
    if (!stack.envFile.isEmpty())
        args << u"--env-file"_s << stack.envFile;
    for (const QString &p : stack.profiles)
        args << u"--profile"_s << p;
    return args;
}

bool ComposeCommand::isValidProjectName(const QString &name)
{
    static const QRegularExpression re(u"^[a-z0-9][a-z0-9_-]*\\z"_s);
    return re.match(name).hasMatch();
}

bool ComposeCommand::isValidServiceName(const QString &name)
{
    static const QRegularExpression re(u"^[a-zA-Z0-9][a-zA-Z0-9_.-]*\\z"_s);
    return re.match(name).hasMatch();
}

QString ComposeCommand::namesProblem(const StackConfig &stack, const QString &service)
{
    if (!stack.project.isEmpty() && !isValidProjectName(stack.project))
        return QObject::tr("refused to run compose: '%1' is not a valid compose project name "
                           "(lowercase letters, digits, '_' and '-', starting with a letter or "
                           "digit)")
            .arg(stack.project);
    if (!service.isEmpty() && !isValidServiceName(service))
        return QObject::tr("refused to run compose: '%1' is not a valid compose service name "
                           "(letters, digits, '_', '.' and '-', starting with a letter or digit)")
            .arg(service);
    return {};
}

QString ComposeCommand::argumentsProblem(const QStringList &arguments)
{
    static const QStringList actions = {u"up"_s, u"down"_s, u"stop"_s, u"start"_s, u"restart"_s};
    static const QStringList withValue = {u"-f"_s, u"--env-file"_s, u"--profile"_s};
    static const QStringList actionOptions
        = {u"-d"_s, u"--wait"_s, u"--no-deps"_s, u"--remove-orphans"_s};
    StackConfig names;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == "-p"_L1) {
            if (i + 1 >= arguments.size())
                return QObject::tr("refused to run compose: '-p' without a project name");
            names.project = arguments.at(++i);
            if (names.project.isEmpty())
                names.project = u"-"_s; // an empty -p value is not a name either
            if (const QString problem = namesProblem(names); !problem.isEmpty())
                return problem;
        } else if (withValue.contains(a)) {
            ++i;
        } else if (actions.contains(a)) {
            for (qsizetype j = i + 1; j < arguments.size(); ++j) {
                const QString &s = arguments.at(j);
                if (actionOptions.contains(s))
                    continue;
                if (const QString problem = namesProblem({}, s.isEmpty() ? u"-"_s : s);
                    !problem.isEmpty())
                    return problem;
            }
            return {};
        }
    }
    return {};
}

QStringList ComposeCommand::arguments(const StackConfig &stack, Action action,
                                      const QString &service) const
{
    QStringList args = prefix;
    args << globalArguments(stack);
    args << actionName(action);
    switch (action) {
    case Action::Up:
        args << u"-d"_s;
        if (supportsWait())
            args << u"--wait"_s;
        if (!service.isEmpty())
            args << u"--no-deps"_s;
        break;
    case Action::Down:
        args << u"--remove-orphans"_s;
        break;
    case Action::Stop:
    case Action::Start:
    case Action::Restart:
        break;
    }
    if (!service.isEmpty() && action != Action::Down)
        args << service;
    return args;
}

QString ComposeCommand::parseVersion(const QString &output)
{
    static const QRegularExpression re(u"v?(\\d+\\.\\d+(?:\\.\\d+)?)"_s);
    const QRegularExpressionMatch m = re.match(output);
    return m.hasMatch() ? m.captured(1) : QString();
}

ComposeCommand ComposeCommand::configured(const QStringList &command)
{
    ComposeCommand c;
    if (command.isEmpty())
        return c;
    c.flavor = Flavor::Configured;
    c.program = command.first();
    c.prefix = command.mid(1);
    return c;
}

ComposeCommand ComposeCommand::detect(const QStringList &configuredCommand,
                                      const QProcessEnvironment &env)
{
    if (!configuredCommand.isEmpty()) {
        ComposeCommand c = configured(configuredCommand);
        const QString found = c.program.contains(u'/') ? c.program : findIn(c.program, env);
        if (found.isEmpty()) {
            c.flavor = Flavor::None;
            c.problem = QObject::tr("the configured compose command '%1' is not installed")
                            .arg(configuredCommand.join(u' '));
            return c;
        }
        c.program = found;
        if (const auto out = probe(found, c.prefix + QStringList{u"version"_s, u"--short"_s}, env))
            c.version = parseVersion(*out);
        return c;
    }
    if (const QString docker = findIn(u"docker"_s, env); !docker.isEmpty()) {
        if (const auto out = probe(docker, {u"compose"_s, u"version"_s, u"--short"_s}, env)) {
            ComposeCommand c;
            c.flavor = Flavor::V2Plugin;
            c.program = docker;
            c.prefix = {u"compose"_s};
            c.version = parseVersion(*out);
            return c;
        }
    }
    if (const QString v1 = findIn(u"docker-compose"_s, env); !v1.isEmpty()) {
        ComposeCommand c;
        c.flavor = Flavor::V1Standalone;
        c.program = v1;
        if (const auto out = probe(v1, {u"version"_s, u"--short"_s}, env))
            c.version = parseVersion(*out);
        // docker-compose 2.x installed standalone is v2 under the old name.
        if (c.version.startsWith("2."_L1))
            c.flavor = Flavor::V2Plugin;
        return c;
    }
    ComposeCommand none;
    none.problem = QObject::tr("neither 'docker compose' nor 'docker-compose' is installed");
    return none;
}

} // namespace Stackscope
