// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/headlessconfig.h"
#include "app/cli/commandline.h"
#include "app/config/configloader.h"
#include "app/config/paths.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Stackscope {

namespace {

// lupdate files these tr() calls under the enclosing namespace: the same context here.
QString tr(const char *text)
{
    return QCoreApplication::translate("Stackscope", text);
}

} // namespace

std::optional<Config> loadHeadlessConfig(const CommandLine &commandLine, QTextStream &err,
                                         int *exitCode)
{
    *exitCode = 2;
    const QString path
        = commandLine.configFile().isEmpty() ? Paths::configFile() : commandLine.configFile();
    if (QFileInfo::exists(path)) {
        const ConfigLoadResult loaded = loadConfigFile(path);
        if (!loaded.ok()) {
            for (const ConfigProblem &p : loaded.problems)
                err << p.format(path) << '\n';
            err.flush();
            return std::nullopt;
        }
        *exitCode = 0;
        return loaded.config;
    }
    if (!commandLine.configFile().isEmpty()) {
        err << "stackscope: " << tr("no configuration file at %1").arg(path) << '\n';
        err.flush();
        return std::nullopt;
    }
    // No configuration yet: the defaults, whose stack is the bundled one. The first window
    // copies it to the data folder; so does a first headless run, so that it has one to read.
    QString stackError;
    if (!installBundledStack(Paths::stackDir(), &stackError))
        err << "stackscope: " << tr("cannot install the bundled stack: %1").arg(stackError) << '\n';
    *exitCode = 0;
    return defaultConfig(Paths::stackDir());
}

} // namespace Stackscope
