// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace Paths {

QString configDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + u"/stackscope"_s;
}

QString configFile()
{
    return configDir() + u"/config.yaml"_s;
}

QString dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/stackscope"_s;
}

QString stackDir()
{
    return dataDir() + u"/stack"_s;
}

} // namespace Paths

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

bool copyTree(const QString &sourceRoot, const QString &targetRoot, QString *error)
{
    const QDir source(sourceRoot);
    QDirIterator it(sourceRoot, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString relative = source.relativeFilePath(from);
        const QString to = targetRoot + u'/' + relative;
        if (!QDir().mkpath(QFileInfo(to).absolutePath())) {
            setError(error,
                     QCoreApplication::translate("Stackscope::Paths", "cannot create the folder %1")
                         .arg(QFileInfo(to).absolutePath()));
            return false;
        }
        QFile in(from);
        if (!in.open(QIODevice::ReadOnly)) {
            setError(error, QCoreApplication::translate("Stackscope::Paths", "cannot read %1: %2")
                                .arg(from, in.errorString()));
            return false;
        }
        QFile out(to);
        // NewOnly: the target folder is fresh, but never replace a file that is somehow there.
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
            setError(error, QCoreApplication::translate("Stackscope::Paths", "cannot create %1: %2")
                                .arg(to, out.errorString()));
            return false;
        }
        if (out.write(in.readAll()) < 0 || !out.flush()) {
            setError(error, QCoreApplication::translate("Stackscope::Paths", "cannot write %1: %2")
                                .arg(to, out.errorString()));
            return false;
        }
        QFile::Permissions permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser
                                         | QFile::WriteUser | QFile::ReadGroup | QFile::ReadOther;
        if (relative.endsWith(u".sh"_s))
            permissions |= QFile::ExeOwner | QFile::ExeUser | QFile::ExeGroup | QFile::ExeOther;
        out.setPermissions(permissions);
    }
    return true;
}

} // namespace

bool installBundledStack(const QString &targetDir, QString *error)
{
    const QFileInfo target(targetDir);
    if (target.exists() || target.isSymLink())
        return true;

    const QString parent = target.absolutePath();
    if (!QDir().mkpath(parent)) {
        setError(error,
                 QCoreApplication::translate("Stackscope::Paths", "cannot create the folder %1")
                     .arg(parent));
        return false;
    }

    QTemporaryDir staging(parent + u"/.stack-install-XXXXXX"_s);
    if (!staging.isValid()) {
        setError(error, QCoreApplication::translate("Stackscope::Paths",
                                                    "cannot create a folder in %1: %2")
                            .arg(parent, staging.errorString()));
        return false;
    }
    if (!copyTree(u":/stack"_s, staging.path(), error))
        return false;
    // QTemporaryDir makes the folder private; containers running as another user bind-mount
    // files from it, so it gets the permissions mkpath would have given it.
    QFile::setPermissions(staging.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                              | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser
                                              | QFile::ReadGroup | QFile::ExeGroup
                                              | QFile::ReadOther | QFile::ExeOther);

    if (!QDir().rename(staging.path(), target.absoluteFilePath())) {
        // Someone created the folder meanwhile: theirs wins, ours is discarded.
        if (QFileInfo::exists(target.absoluteFilePath()))
            return true;
        setError(error,
                 QCoreApplication::translate("Stackscope::Paths", "cannot create the folder %1")
                     .arg(target.absoluteFilePath()));
        return false;
    }
    staging.setAutoRemove(false);
    return true;
}

} // namespace Stackscope
