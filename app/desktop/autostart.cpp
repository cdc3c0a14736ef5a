// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/desktop/autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Stackscope::Autostart {

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + u"/autostart/" STACKSCOPE_APP_ID ".desktop"_s;
}

bool isEnabled()
{
    return QFileInfo::exists(entryPath());
}

bool setEnabled(bool enabled, QString *error)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path)) {
            *error = QObject::tr("cannot remove %1").arg(path);
            return false;
        }
        return true;
    }
    // An entry that is there already (perhaps the user's own, with other arguments) stays.
    if (QFileInfo::exists(path))
        return true;
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QObject::tr("cannot create %1").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write("[Desktop Entry]\n"
               "Type=Application\n"
               "Name=Stackscope\n"
               "Comment=Start Stackscope minimised to the tray\n"
               "Exec=stackscope --minimized\n"
               "Icon=" STACKSCOPE_APP_ID "\n"
               "Terminal=false\n"
               "X-GNOME-Autostart-enabled=true\n");
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace Stackscope::Autostart
