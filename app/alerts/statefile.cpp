// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/statefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
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

ReadResult read(const QString &path, int version, Unusable unusable)
{
    ReadResult result;
    QFile file(path);
    if (path.isEmpty() || !file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.status = ReadResult::Status::CannotOpen;
        result.error = QObject::tr("cannot read %1: %2").arg(path, file.errorString());
        return result;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
    file.close();
    if (doc.isObject() && doc.object().value("version"_L1).toInt() == version) {
        result.status = ReadResult::Status::Read;
        result.object = doc.object();
        return result;
    }
    result.status = ReadResult::Status::Unusable;
    if (unusable == Unusable::SetAside) {
        const QString aside = path + u".invalid-"_s
                              + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddTHHmmsszzz"_s);
        if (QFile::rename(path, aside))
            result.keptAs = aside;
    }
    return result;
}

} // namespace Stackscope::StateFile
