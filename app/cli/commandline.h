// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QStringList>

namespace Stackscope {

/// The command line, shared by the window and the headless modes so that --help lists both.
class CommandLine
{
public:
    CommandLine();

    QCommandLineParser &parser() { return m_parser; }
    /// Parses and handles --help and --version itself (printing and exiting).
    void process(const QStringList &arguments);
    /// Parses without printing or exiting (a command line handed over by a second launch).
    bool parse(const QStringList &arguments);

    QString configFile() const;          ///< --config FILE, empty = the default location
    QString validateConfigFile() const;  ///< --validate-config FILE, empty when not asked
    bool status() const;                 ///< --status: print the stack and backends, exit
    QString stack() const;               ///< --stack FILE|FOLDER|NAME (with --status)
    bool stacks() const;                 ///< --stacks: print the compose projects, exit
    bool json() const;                   ///< --json (with --status or --stacks)
    QString importDashboardFile() const; ///< --import-dashboard FILE
    QString openTraceFile() const;       ///< --open-trace FILE (opens the window on it)
    bool minimized() const;              ///< --minimized: start in the tray (used at login)

    /// True when `arguments` ask for a mode that prints and exits: no window, no display needed.
    static bool isHeadless(const QStringList &arguments);

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_config;
    QCommandLineOption m_validate;
    QCommandLineOption m_status;
    QCommandLineOption m_stack;
    QCommandLineOption m_stacks;
    QCommandLineOption m_json;
    QCommandLineOption m_importDashboard;
    QCommandLineOption m_openTrace;
    QCommandLineOption m_minimized;
};

} // namespace Stackscope
