// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/statefile.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Stackscope::StateFile {

QString path(const QString &fileName)
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty() || QDir::isRelativePath(base))
        base = QDir::homePath() + u"/.local/state"_s;
    return base + u"/stackscope/"_s + fileName;
}

QString write(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    file.write(contents);
    if (!file.commit())
        return QObject::tr("cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Stackscope::StateFile
