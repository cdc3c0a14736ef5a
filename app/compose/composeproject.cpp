// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/composeproject.h"
#include "app/compose/composecommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

// lupdate files a tr() call under the class or namespace around it (Stackscope::ComposeProject,
// Stackscope): the translation is looked up under each of them.
QString tr(const char *text)
{
    for (const char *context : {"Stackscope::ComposeProject", "Stackscope"}) {
        const QString translated = QCoreApplication::translate(context, text);
        if (translated != QLatin1StringView(text))
            return translated;
    }
    return QString::fromUtf8(text);
}

constexpr auto kLegacyDefault = "stackscope"_L1;

bool isInside(const QString &path, const QString &folder)
{
    if (folder.isEmpty())
        return false;
    const QString dir = QDir::cleanPath(QFileInfo(path).absolutePath());
    const QString root = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    return dir == root || dir.startsWith(root + u'/');
}

} // namespace

QString ComposeProject::normalizeName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name.toLower()) {
        const char16_t u = c.unicode();
        if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '_' || u == '-')
            out += c;
    }
    qsizetype start = 0;
    while (start < out.size() && (out.at(start) == u'_' || out.at(start) == u'-'))
        ++start;
    return out.mid(start);
}

QStringList ComposeProject::filesInFolder(const QString &folder)
{
    const QDir dir(folder);
    for (const QString &base : {u"compose"_s, u"docker-compose"_s}) {
        for (const QString &ext : {u"yaml"_s, u"yml"_s}) {
            const QString main = dir.absoluteFilePath(base + u'.' + ext);
            if (!QFileInfo(main).isFile())
                continue;
            QStringList files{QDir::cleanPath(main)};
            for (const QString &overrideExt : {u"yaml"_s, u"yml"_s}) {
                const QString extra = dir.absoluteFilePath(base + u".override."_s + overrideExt);
                if (QFileInfo(extra).isFile()) {
                    files << QDir::cleanPath(extra);
                    break;
                }
            }
            return files;
        }
    }
    return {};
}

QString ComposeProject::envFilePath(const StackConfig &stack)
{
    if (!stack.envFile.isEmpty())
        return stack.envFile;
    if (stack.composeFiles.isEmpty())
        return {};
    return QFileInfo(stack.composeFiles.first()).absolutePath() + u"/.env"_s;
}

ComposeProject ComposeProject::resolve(const StackConfig &stack,
                                       const QProcessEnvironment &environment,
                                       const QHash<QString, QString> &envFile,
                                       const QString &topLevelName, const QString &bundledStackDir)
{
    ComposeProject p;
    p.stack = stack;
    const QString firstFile = stack.composeFiles.value(0);
    p.directory = firstFile.isEmpty() ? QString() : QFileInfo(firstFile).absolutePath();
    const bool bundled = !firstFile.isEmpty() && isInside(firstFile, bundledStackDir);

    const auto take = [&p](const QString &name, const QString &source) {
        p.name = name;
        p.nameSource = source;
    };
    const auto takeNormalized = [&p](const QString &raw, const QString &source) {
        p.name = normalizeName(raw);
        p.nameSource = source;
        if (p.name.isEmpty())
            p.problem = tr("%1 gives the project name '%2', which has no letter or digit that "
                           "compose accepts: set 'project' in the configuration")
                            .arg(source, raw);
    };

    const QString configured = stack.project;
    const bool legacyDefault = configured == kLegacyDefault && !bundled;
    if (!configured.isEmpty() && !legacyDefault) {
        take(configured, tr("the configuration (stack.project)"));
    } else if (const QString env = environment.value(u"COMPOSE_PROJECT_NAME"_s); !env.isEmpty()) {
        takeNormalized(env, tr("COMPOSE_PROJECT_NAME in the environment"));
    } else if (const QString fromFile = envFile.value(u"COMPOSE_PROJECT_NAME"_s);
               !fromFile.isEmpty()) {
        takeNormalized(fromFile, tr("COMPOSE_PROJECT_NAME in %1").arg(envFilePath(stack)));
    } else if (bundled) {
        take(QString(kLegacyDefault), tr("the bundled stack"));
    } else if (!topLevelName.isEmpty()) {
        takeNormalized(topLevelName, tr("'name:' in %1").arg(firstFile));
    } else if (!p.directory.isEmpty()) {
        takeNormalized(QFileInfo(p.directory).fileName(), tr("the folder %1").arg(p.directory));
    } else {
        p.problem = tr("no compose file: set 'stack.compose_files' in the configuration");
    }
    if (p.ok() && !ComposeCommand::isValidProjectName(p.name))
        p.problem
            = tr("'%1' (from %2) is not a valid compose project name").arg(p.name, p.nameSource);
    p.stack.project = p.ok() ? p.name : QString();
    // Profiles: the configured ones, else COMPOSE_PROFILES as compose reads it.
    if (stack.profiles.isEmpty()) {
        QString profiles = environment.value(u"COMPOSE_PROFILES"_s);
        if (profiles.isEmpty())
            profiles = envFile.value(u"COMPOSE_PROFILES"_s);
        for (const QString &profile : profiles.split(u',', Qt::SkipEmptyParts))
            p.stack.profiles << profile.trimmed();
    }
    return p;
}

} // namespace Stackscope
