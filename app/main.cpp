// SPDX-License-Identifier: GPL-3.0-or-later
//
// Stackscope's entry point: the headless modes (--help, --version, --validate-config, --status,
// --stacks, --import-dashboard) run on a QCoreApplication so that they need no display; everything
// else opens the window.

#include "app/application.h"
#include "app/cli/commandline.h"
#include "app/cli/headless.h"
#include "app/config/paths.h"
#include "app/config/validateconfig.h"
#include "app/desktop/singleinstance.h"
#include "ui/mainwindow.h"

#include <QDebug>

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    // QSettings then lives in $XDG_CONFIG_HOME/stackscope/stackscope.conf, beside config.yaml.
    QCoreApplication::setOrganizationName(u"stackscope"_s);
    QCoreApplication::setApplicationName(u"stackscope"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STACKSCOPE_VERSION));
}

/// The language follows the system locale (LANG, LC_MESSAGES): our strings from :/i18n, Qt's own
/// from its translations folder when the distribution installed them. English plural forms
/// ("1 alert", "2 alerts") come first for every language; the locale's own file overrides them.
void installTranslations(QCoreApplication &app)
{
    static QTranslator english;
    static QTranslator ours;
    static QTranslator qt;
    if (english.load(u":/i18n/stackscope_en.qm"_s))
        app.installTranslator(&english);
    if (QLocale().language() != QLocale::English
        && ours.load(QLocale(), u"stackscope"_s, u"_"_s, u":/i18n"_s))
        app.installTranslator(&ours);
    if (qt.load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(&qt);
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

int runHeadless(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    installTranslations(app);
    Stackscope::CommandLine commandLine;
    commandLine.process(app.arguments()); // exits for --help and --version
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (const QString file = commandLine.validateConfigFile(); !file.isEmpty())
        return Stackscope::runValidateConfig(file, out, err);
    if (commandLine.status())
        return Stackscope::runStatus(commandLine, out, err);
    if (commandLine.stacks())
        return Stackscope::runStacks(commandLine, out, err);
    if (!commandLine.importDashboardFile().isEmpty())
        return Stackscope::runImportDashboard(commandLine, out, err);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (Stackscope::CommandLine::isHeadless(argumentsOf(argc, argv)))
        return runHeadless(argc, argv);

    QApplication app(argc, argv);
    setIdentity();
    installTranslations(app);
    QApplication::setApplicationDisplayName(u"Stackscope"_s);
    QApplication::setDesktopFileName(QStringLiteral(STACKSCOPE_APP_ID));
    QApplication::setWindowIcon(QIcon(u":/icons/stackscope.svg"_s));
    QApplication::setQuitOnLastWindowClosed(false); // the tray icon may outlive a hidden window

    Stackscope::CommandLine commandLine;
    commandLine.process(app.arguments());

    // One window per user and configuration: a second launch hands its arguments over and exits.
    const QString configPath = commandLine.configFile().isEmpty() ? Stackscope::Paths::configFile()
                                                                  : commandLine.configFile();
    Stackscope::SingleInstance instance(configPath);
    if (!instance.claimOrForward(app.arguments())) {
        std::fputs("stackscope: handed over to the running window\n", stdout);
        return 0;
    }

    Stackscope::Application stackscope(commandLine.configFile());
    QObject::connect(&instance, &Stackscope::SingleInstance::activated, &stackscope,
                     &Stackscope::Application::activate);
    QObject::connect(&stackscope, &Stackscope::Application::quitRequested, &app,
                     &QApplication::quit);

    // For benchmarks and launch tests: print when the window has first been painted, and exit
    // at once if asked to.
    if (qEnvironmentVariableIsSet("STACKSCOPE_REPORT_FIRST_PAINT")) {
        QObject::connect(stackscope.window(), &Stackscope::MainWindow::firstPaint, &app, [] {
            std::fputs("stackscope: first paint\n", stdout);
            std::fflush(stdout);
            if (qEnvironmentVariable("STACKSCOPE_REPORT_FIRST_PAINT") == "exit"_L1)
                QCoreApplication::exit(0);
        });
    }

    stackscope.start(commandLine.minimized());
    if (const QString trace = commandLine.openTraceFile();
        !trace.isEmpty() && !stackscope.openFile(u"traces"_s, trace))
        qWarning().noquote() << "stackscope: cannot open the trace" << trace;
    return app.exec();
}
