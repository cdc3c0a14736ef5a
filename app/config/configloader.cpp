// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/configloader.h"

#include "app/config/configschema.h"
#include "app/config/paths.h"
#include "app/config/yamldocument.h"
#include "app/config/yamlreader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QString effectiveStackDir(const QString &stackDir)
{
    return QDir::cleanPath(stackDir.isEmpty() ? Paths::stackDir() : stackDir);
}

} // namespace

ConfigLoadResult parseConfig(const QByteArray &yaml, const QString &baseDir,
                             const QString &stackDir)
{
    const QString directory = effectiveStackDir(stackDir);
    ConfigLoadResult result;
    result.config = configDefaults(directory);
    YamlDocument document(yaml);
    if (document.parse()) {
        YamlReader reader(&document);
        reader.setBaseDir(baseDir);
        reader.setPathVariable(u"@STACK_DIR@"_s, directory);
        readConfig(reader, document.documents(), &result.config);
    }
    result.problems = document.problems();
    return result;
}

ConfigLoadResult loadConfigFile(const QString &path, const QString &stackDir)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ConfigLoadResult result;
        result.config = configDefaults(effectiveStackDir(stackDir));
        result.problems.append(
            {0, 0,
             QCoreApplication::translate("ConfigLoader", "cannot read the file: %1")
                 .arg(file.errorString())});
        return result;
    }
    return parseConfig(file.readAll(), QFileInfo(path).absolutePath(), stackDir);
}

QByteArray defaultConfigText(const QString &stackDir)
{
    QFile resource(u":/config/default.yaml"_s);
    const bool opened = resource.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "defaultConfigText", "the default configuration is not embedded");
    QByteArray text = opened ? resource.readAll() : QByteArray("version: 1\n");

    // The placeholder sits in a double-quoted YAML string: escape what would end or break it.
    QByteArray directory = effectiveStackDir(stackDir).toUtf8();
    directory.replace('\\', "\\\\").replace('"', "\\\"");
    return text.replace("@STACK_DIR@", directory);
}

Config defaultConfig(const QString &stackDir)
{
    const QString directory = effectiveStackDir(stackDir);
    const ConfigLoadResult result = parseConfig(defaultConfigText(directory), directory, directory);
    Q_ASSERT_X(result.ok(), "defaultConfig", "the bundled default configuration is invalid");
    return result.ok() ? result.config : configDefaults(directory);
}

} // namespace Stackscope
