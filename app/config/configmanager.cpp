// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/configmanager.h"

#include "app/config/configeditor.h"

#include "app/config/configloader.h"
#include "app/config/paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QSaveFile>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Stackscope {

namespace {

Q_LOGGING_CATEGORY(lcConfig, "stackscope.config")

// Editors save in several steps (write a temporary file, rename, touch): wait for the last.
constexpr auto kDebounce = 200ms;

bool fileIsThere(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() || info.isSymLink();
}

} // namespace

ConfigManager::ConfigManager(const QString &path, const QString &stackDir, QObject *parent)
    : QObject(parent)
    , m_path(QFileInfo(path).absoluteFilePath())
    , m_stackDir(QDir::cleanPath(stackDir.isEmpty() ? Paths::stackDir() : stackDir))
    , m_config(defaultConfig(m_stackDir))
{
    qRegisterMetaType<Stackscope::Config>();
    qRegisterMetaType<QList<Stackscope::ConfigProblem>>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounce);
    connect(&m_debounce, &QTimer::timeout, this, &ConfigManager::reload);
}

ConfigManager::~ConfigManager() = default;

void ConfigManager::start()
{
    // The defaults point at the user's copy of the bundled stack: put it there whenever it is
    // missing (installBundledStack never touches an existing folder), not only on first run.
    QString stackError;
    if (!installBundledStack(m_stackDir, &stackError))
        qCWarning(lcConfig).noquote() << "cannot install the bundled stack:" << stackError;
    if (!fileIsThere(m_path)) {
        QString error;
        if (writeDefault(&error)) {
            m_wroteDefault = true;
        } else {
            qCWarning(lcConfig).noquote() << "cannot write" << m_path << ':' << error;
            setProblems({{0, 0, tr("cannot write the default configuration: %1").arg(error)}});
        }
    }
    watch();
    if (fileIsThere(m_path))
        reload();
}

bool ConfigManager::writeDefault(QString *error)
{
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        *error = tr("cannot create the folder %1").arg(folder);
        return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(defaultConfigText(m_stackDir));
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void ConfigManager::watch()
{
    if (!m_watcher) {
        m_watcher = new QFileSystemWatcher(this);
        // The folder too: an editor that saves by renaming a new file over the old one ends the
        // watch on the file, and a deleted file can only come back through its folder.
        connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_debounce.start(); });
        connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
                [this] { m_debounce.start(); });
    }
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!m_watcher->directories().contains(folder) && QFileInfo(folder).isDir())
        m_watcher->addPath(folder);
    if (!m_watcher->files().contains(m_path) && fileIsThere(m_path))
        m_watcher->addPath(m_path);
}

bool ConfigManager::saveEdits(const QList<ConfigEdit> &edits, QList<ConfigProblem> *problems,
                              QString *error)
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    ConfigEditor editor(file.readAll());
    file.close();
    if (!editor.apply(edits)) {
        *error = tr("the file's layout cannot be changed safely (%1); edit it by hand")
                     .arg(editor.errorString());
        return false;
    }
    const ConfigLoadResult result
        = parseConfig(editor.text(), QFileInfo(m_path).absolutePath(), m_stackDir);
    if (!result.ok()) {
        *problems = result.problems;
        return false;
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(editor.text()) != editor.text().size()
        || !out.commit()) {
        *error = tr("cannot write %1: %2").arg(m_path, out.errorString());
        return false;
    }
    reload();
    return true;
}

void ConfigManager::reload()
{
    watch();
    if (!fileIsThere(m_path)) {
        setProblems(
            {{0, 0, tr("the file was removed; Stackscope keeps the last good configuration")}});
        return;
    }
    const ConfigLoadResult result = loadConfigFile(m_path, m_stackDir);
    if (result.ok() && result.config != m_config) {
        m_config = result.config;
        Q_EMIT configChanged(m_config);
    }
    setProblems(result.problems);
}

void ConfigManager::setProblems(const QList<ConfigProblem> &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    Q_EMIT problemsChanged(m_problems);
}

QString ConfigManager::path() const
{
    return m_path;
}

QString ConfigManager::stackDir() const
{
    return m_stackDir;
}

const Config &ConfigManager::config() const
{
    return m_config;
}

QList<ConfigProblem> ConfigManager::problems() const
{
    return m_problems;
}

bool ConfigManager::wroteDefault() const
{
    return m_wroteDefault;
}

} // namespace Stackscope
