// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/config/configeditor.h"
#include "models/config/config.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

class QFileSystemWatcher;

namespace Stackscope {

/// Owns the configuration file: creates it on first run, never rewrites or touches an existing
/// one, and follows edits on disk, keeping the last good configuration while the file is broken.
class ConfigManager : public QObject
{
    Q_OBJECT
public:
    /// `stackDir` empty = Paths::stackDir().
    explicit ConfigManager(const QString &path, const QString &stackDir = {},
                           QObject *parent = nullptr);
    ~ConfigManager() override;

    /// First run: writes the default file atomically (QSaveFile) when none exists (and calls
    /// installBundledStack(stackDir)), then loads it and starts watching it.
    void start();

    /// Re-reads the file now; start() and the file watch call it. Emits as a reload from disk.
    void reload();
    /// Applies `edits` to the file as a person would (comments stay; see ConfigEditor), checks
    /// the result, and only when it is valid replaces the file atomically and reloads. Otherwise
    /// the file is untouched and `problems` (positions in the edited text) or `error` say why.
    bool saveEdits(const QList<ConfigEdit> &edits, QList<ConfigProblem> *problems, QString *error);

    QString path() const; ///< absolute
    QString stackDir() const;
    const Config &config() const;          ///< the last good configuration, or the defaults
    QList<ConfigProblem> problems() const; ///< problems of the file as it is now; empty = valid
    bool wroteDefault() const;             ///< true when start() created the file

Q_SIGNALS:
    /// Emitted only when a valid reload differs from the last good configuration.
    void configChanged(const Stackscope::Config &config);
    /// Emitted when the list of problems changes (empty = fixed).
    void problemsChanged(const QList<Stackscope::ConfigProblem> &problems);

private:
    bool writeDefault(QString *error);
    void watch();
    void setProblems(const QList<ConfigProblem> &problems);

    QString m_path;
    QString m_stackDir;
    Config m_config;
    QList<ConfigProblem> m_problems;
    bool m_wroteDefault = false;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_debounce;
};

} // namespace Stackscope
