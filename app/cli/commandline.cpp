// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

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
{
    m_parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Stackscope: a desktop console for the observability stack on this machine "
                       "(docker compose, Prometheus, Alertmanager, Grafana, Jaeger)."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOption(m_config);
    m_parser.addOption(m_validate);
}

void CommandLine::process(const QStringList &arguments)
{
    m_parser.process(arguments);
}

QString CommandLine::configFile() const
{
    return m_parser.value(m_config);
}

QString CommandLine::validateConfigFile() const
{
    return m_parser.value(m_validate);
}

bool CommandLine::isHeadless(const QStringList &arguments)
{
    static const QStringList headless{
        u"-h"_s,        u"--help"_s,           u"-?"_s, u"--help-all"_s, u"-v"_s,
        u"--version"_s, u"--validate-config"_s};
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
