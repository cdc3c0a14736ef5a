// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli/commandline.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

CommandLine::CommandLine()
    : m_config(QStringList{u"c"_s, u"config"_s},
               QCoreApplication::translate("CommandLine",
                                           "Use FILE as the configuration (default: "
                                           "$XDG_CONFIG_HOME/stackscope/config.yaml)."),
               u"FILE"_s)
    , m_validate(u"validate-config"_s,
                 QCoreApplication::translate(
                     "CommandLine", "Check FILE and exit: 0 when valid, otherwise 1 with "
                                    "every problem as FILE:LINE:COLUMN: message on stderr. "
                                    "The file is never changed."),
                 u"FILE"_s)
    , m_status(u"status"_s,
               QCoreApplication::translate("CommandLine",
                                           "Print the stack's services with state and health and "
                                           "each backend's reachability, without opening a window. "
                                           "Exit 0 when everything runs and is healthy, else 1."))
    , m_stack(u"stack"_s,
              QCoreApplication::translate(
                  "CommandLine", "With --status: report on the compose project in FILE or FOLDER, "
                                 "or on the project NAME that Docker knows, instead of the "
                                 "configured one. The configuration is not changed."),
              u"FILE|FOLDER|NAME"_s)
    , m_stacks(u"stacks"_s,
               QCoreApplication::translate(
                   "CommandLine", "Print every compose project the Docker daemon knows (name, "
                                  "state, services running of total, folder, compose files), "
                                  "running or stopped, and exit. Exit 1 when Docker cannot be "
                                  "reached."))
    , m_json(u"json"_s,
             QCoreApplication::translate("CommandLine", "With --status or --stacks: print JSON."))
    , m_importDashboard(u"import-dashboard"_s,
                        QCoreApplication::translate(
                            "CommandLine", "Import a Grafana dashboard JSON FILE next to the "
                                           "configuration and exit."),
                        u"FILE"_s)
    , m_openTrace(u"open-trace"_s,
                  QCoreApplication::translate("CommandLine",
                                              "Open a Jaeger trace JSON FILE in the Traces page."),
                  u"FILE"_s)
    , m_minimized(u"minimized"_s, QCoreApplication::translate(
                                      "CommandLine", "Start minimised to the tray (as at login)."))
{
    m_parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Stackscope: a desktop console for the observability stack on this machine "
                       "(docker compose, Prometheus, Alertmanager, Grafana, Jaeger)."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_config);
    m_parser.addOption(m_validate);
    m_parser.addOption(m_status);
    m_parser.addOption(m_stack);
    m_parser.addOption(m_stacks);
    m_parser.addOption(m_json);
    m_parser.addOption(m_importDashboard);
    m_parser.addOption(m_openTrace);
    m_parser.addOption(m_minimized);
}

void CommandLine::process(const QStringList &arguments)
{
    m_parser.process(arguments);
}

bool CommandLine::parse(const QStringList &arguments)
{
    return m_parser.parse(arguments);
}

QString CommandLine::configFile() const
{
    return m_parser.value(m_config);
}

QString CommandLine::validateConfigFile() const
{
    return m_parser.value(m_validate);
}

bool CommandLine::status() const
{
    return m_parser.isSet(m_status);
}

QString CommandLine::stack() const
{
    return m_parser.value(m_stack);
}

bool CommandLine::stacks() const
{
    return m_parser.isSet(m_stacks);
}

bool CommandLine::json() const
{
    return m_parser.isSet(m_json);
}

QString CommandLine::importDashboardFile() const
{
    return m_parser.value(m_importDashboard);
}

QString CommandLine::openTraceFile() const
{
    return m_parser.value(m_openTrace);
}

bool CommandLine::minimized() const
{
    return m_parser.isSet(m_minimized);
}

bool CommandLine::isHeadless(const QStringList &arguments)
{
    static const QStringList headless{u"-h"_s,
                                      u"--help"_s,
                                      u"-?"_s,
                                      u"--help-all"_s,
                                      u"-v"_s,
                                      u"--version"_s,
                                      u"--validate-config"_s,
                                      u"--status"_s,
                                      u"--stacks"_s,
                                      u"--import-dashboard"_s};
    for (const QString &arg : arguments) {
        if (arg == "--"_L1)
            break;
        const QString name = arg.section(u'=', 0, 0);
        if (headless.contains(name))
            return true;
    }
    return false;
}

} // namespace Stackscope
