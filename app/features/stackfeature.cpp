// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Stack page's factory and feature: StackSupervisor (core) behind StackPage (ui).
#include "app/features/stackfeature.h"
#include "app/compose/cadvisorhistory.h"
#include "app/compose/stackdiscovery.h"
#include "app/compose/stacksupervisor.h"
#include "app/config/configmanager.h"
#include "app/docker/dockerclient.h"
#include "app/docker/dockerlogstream.h"
#include "app/features/feature.h"
#include "app/selfmetrics/selfmetrics.h"
#include "models/stack/servicemodel.h"
#include "models/stack/stacksmodel.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/logview.h"
#include "ui/stack/stackpage.h"
#include "ui/stack/stacksdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <utility>

using namespace Qt::StringLiterals;

namespace Stackscope {

StackFeature::StackFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_supervisor(new StackSupervisor(this))
    , m_discovery(new StackDiscovery(this))
    , m_stacksModel(std::make_unique<StacksModel>())
    , m_cadvisor(new CadvisorHistory(context.network, this))
    , m_historyTimer(new QTimer(this))
{
    // The longer history from the stack's cAdvisor: asked again every minute while it runs.
    connect(m_cadvisor, &CadvisorHistory::historyChanged, m_supervisor->model(),
            &ServiceModel::setLongHistory);
    m_historyTimer->setInterval(std::chrono::minutes(1));
    connect(m_historyTimer, &QTimer::timeout, m_cadvisor, &CadvisorHistory::refresh);
    connect(m_supervisor, &StackSupervisor::composeFileChanged, this,
            &StackFeature::updateHistorySource);
    if (context.selfMetrics) {
        connect(m_supervisor, &StackSupervisor::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
        connect(m_discovery, &StackDiscovery::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
    }
    connect(m_discovery, &StackDiscovery::stacksListed, this,
            [this](const QList<StackSummary> &stacks) {
                m_stacksModel->setStacks(stacks);
                if (m_stacksDialog) {
                    m_stacksDialog->setError({});
                    m_stacksDialog->setBusy(false);
                }
                if (Poller::Report report = std::exchange(m_stacksReport, {}))
                    report({});
            });
    connect(m_discovery, &StackDiscovery::failed, this, [this](const QString &message) {
        if (m_stacksDialog) {
            m_stacksDialog->setError(message);
            m_stacksDialog->setBusy(false);
        }
        if (Poller::Report report = std::exchange(m_stacksReport, {}))
            report({false, false});
    });
    // The open project as compose names it (the configuration usually leaves the name empty).
    connect(m_supervisor, &StackSupervisor::projectChanged, this, [this] {
        if (m_stacksDialog)
            m_stacksDialog->setCurrentProject(m_supervisor->project().name);
        updateHistorySource();
    });
    m_stacksPoller.setInterval(std::chrono::milliseconds(5000));
    m_stacksPoller.setMaxBackoff(std::chrono::milliseconds(30000));
    m_stacksPoller.setTask([this](Poller::Report report) {
        m_stacksReport = std::move(report);
        if (m_stacksDialog)
            m_stacksDialog->setBusy(true);
        m_discovery->refresh();
    });
    if (context.window)
        connect(context.window, &MainWindow::composePathDropped, this, [this](const QString &p) {
            openAndReport([this, p](QString *error) { return openComposePath(p, error); });
        });
}

StackFeature::~StackFeature()
{
    delete m_stacksDialog; // it shows m_stacksModel
}

QString StackFeature::id() const
{
    return u"stack"_s;
}

QString StackFeature::title() const
{
    return tr("Stack");
}

QIcon StackFeature::icon() const
{
    return QIcon::fromTheme(u"network-server"_s, QIcon(u":/icons/page-stack.svg"_s));
}

QWidget *StackFeature::createPage()
{
    auto *page = new StackPage(m_supervisor->model());
    m_page = page;
    StackSupervisor *s = m_supervisor;
    connect(page, &StackPage::startStackRequested, s,
            [s] { s->runCompose(ComposeCommand::Action::Up); });
    connect(page, &StackPage::stopStackRequested, s,
            [s] { s->runCompose(ComposeCommand::Action::Stop); });
    connect(page, &StackPage::restartStackRequested, s,
            [s] { s->runCompose(ComposeCommand::Action::Restart); });
    connect(page, &StackPage::downStackRequested, s,
            [s] { s->runCompose(ComposeCommand::Action::Down); });
    connect(page, &StackPage::startServiceRequested, s,
            [s](const QString &service) { s->runCompose(ComposeCommand::Action::Up, service); });
    connect(page, &StackPage::stopServiceRequested, s,
            [s](const QString &service) { s->runCompose(ComposeCommand::Action::Stop, service); });
    connect(page, &StackPage::restartServiceRequested, s, [s](const QString &service) {
        s->runCompose(ComposeCommand::Action::Restart, service);
    });
    connect(page, &StackPage::cancelRequested, s, &StackSupervisor::cancelCompose);
    connect(page, &StackPage::retryRequested, s, [s] {
        s->stop();
        s->start();
    });
    connect(page, &StackPage::logsRequested, this, &StackFeature::openLogs);

    connect(s, &StackSupervisor::composeStarted, page, [page](const QString &commandLine) {
        page->progressPanel()->begin(commandLine);
        page->setBusy(true);
    });
    connect(s, &StackSupervisor::composeOutput, page->progressPanel(),
            &ComposeProgressPanel::appendLine);
    connect(s, &StackSupervisor::composeFinished, page, [page](const ComposeRunner::Result &r) {
        QString summary;
        if (r.ok())
            summary = tr("compose %1 finished in %2 s.")
                          .arg(r.description)
                          .arg(double(r.elapsedMs) / 1000.0, 0, 'f', 1);
        else if (r.cancelled)
            summary = tr("compose %1 was stopped.").arg(r.description);
        else if (!r.error.isEmpty())
            summary = tr("compose %1: %2").arg(r.description, r.error);
        else
            summary = tr("compose %1 exited with code %2.").arg(r.description).arg(r.exitCode);
        if (!page->progressPanel()->isRunning())
            page->progressPanel()->begin(r.description);
        page->progressPanel()->end(r.ok(), r.cancelled, summary, r.lastLines);
        page->setBusy(false);
        page->showOutputTab();
    });
    connect(s, &StackSupervisor::connectionChanged, this, &StackFeature::updateConnection);
    connect(s, &StackSupervisor::upRefused, page, [page](const UpPreflight &preflight) {
        page->setMissingNetworks(preflight.missingNetworks);
    });
    connect(page, &StackPage::createNetworkRequested, s, &StackSupervisor::createNetwork);
    connect(s, &StackSupervisor::networkCreated, page,
            [page](const QString &name, const QString &error) {
                QStringList still = page->missingNetworks();
                if (error.isEmpty())
                    still.removeAll(name);
                page->setMissingNetworks(
                    still,
                    error.isEmpty() ? QString() : tr("Could not create %1: %2").arg(name, error));
            });
    connect(s, &StackSupervisor::composeDetected, page,
            [page, s] { page->setComposeInfo(s->composeCommand().describe()); });
    connect(s, &StackSupervisor::composeFileChanged, page, [page, s] {
        page->setComposeFileProblem(s->composeFileError());
        page->setProjectInfo(s->project().name, s->project().nameSource,
                             s->stackConfig().composeFiles, s->modelSource());
    });
    connect(s, &StackSupervisor::projectChanged, page, [page, s] {
        page->setProjectInfo(s->project().name, s->project().nameSource,
                             s->stackConfig().composeFiles, s->modelSource());
    });
    updateConnection();
    return page;
}

void StackFeature::applyConfig(const Config &config)
{
    m_supervisor->setConfig(config);
    m_configuredStacks = config.stacks;
    m_prometheus = config.prometheus;
    updateHistorySource();
    m_discovery->setEndpoint(m_supervisor->endpoint());
    m_stacksPoller.setInterval(std::max(std::chrono::milliseconds(1000), config.refresh.stack));
    if (m_stacksDialog) {
        m_stacksDialog->setCurrentProject(m_supervisor->project().name);
        m_stacksDialog->setDaemonInfo(m_discovery->endpoint().host, m_discovery->endpoint().source);
    }
    if (m_page) {
        m_page->setProjectInfo(m_supervisor->project().name, m_supervisor->project().nameSource,
                               config.stack.composeFiles, m_supervisor->modelSource());
        m_page->setComposeFileProblem(m_supervisor->composeFileError());
        if (!m_started)
            m_page->setComposeInfo(tr("detected when the window opens"));
    }
    updateConnection();
    if (m_started && !m_supervisor->isComposeDetected())
        m_supervisor->detectComposeInBackground();
    updateHistorySource();
}

void StackFeature::updateHistorySource()
{
    m_cadvisor->setSource(m_prometheus, m_supervisor->project().name,
                          CadvisorHistory::runsCadvisor(m_supervisor->declaredServices()));
    if (!m_started)
        return;
    if (m_cadvisor->isActive()) {
        m_cadvisor->refresh();
        m_historyTimer->start();
    } else {
        m_historyTimer->stop();
        m_supervisor->model()->setLongHistory({});
    }
}

void StackFeature::start()
{
    m_started = true;
    m_supervisor->start();
    // The compose probes run programs: on a worker thread, after the first paint.
    m_supervisor->detectComposeInBackground();
}

void StackFeature::show(const NavigationRequest &request)
{
    const auto *stack = std::get_if<StackRequest>(&request);
    if (!m_page || !stack || stack->service.isEmpty())
        return;
    m_page->showLogs(stack->service);
}

void StackFeature::updateConnection()
{
    if (!m_page)
        return;
    const DockerEndpoint &e = m_supervisor->endpoint();
    m_page->setDaemonInfo(e.host, e.source, m_supervisor->daemonDescription());
    const bool connected = m_supervisor->connection() == StackSupervisor::Connection::Connected;
    m_page->setConnected(connected);
    if (m_supervisor->connection() == StackSupervisor::Connection::Failed) {
        const HttpError error = m_supervisor->connectionError();
        m_page->setConnectionProblem(error.message, error.hint);
    } else {
        m_page->setConnectionProblem({}, {});
    }
}

void StackFeature::openLogs(const QString &service, int tail, bool follow)
{
    if (m_logs) {
        m_logs->disconnect(this);
        m_logs->deleteLater();
        m_logs = nullptr;
    }
    LogView *view = m_page->logView();
    if (view->service() != service)
        view->setService(service);
    else
        view->clearLines();
    m_logs = m_supervisor->openLogs(service, tail, follow, this);
    if (!m_logs) {
        view->setStreamState(tr("%1 has no container yet: start it first.").arg(service), true);
        return;
    }
    view->setStreamState(follow ? tr("Following %1\u2026").arg(service)
                                : tr("Last %1 lines of %2").arg(tail).arg(service));
    connect(m_logs, &DockerLogStream::lines, view, &LogView::appendLines);
    connect(m_logs, &DockerLogStream::ended, view, [view, follow](const HttpError &error) {
        if (error.isError())
            view->setStreamState(tr("The log stream failed: %1").arg(error.message), true);
        else if (follow)
            view->setStreamState(tr("The container stopped; the log ends here."));
    });
}

QList<FeatureMenuAction> StackFeature::menuActions()
{
    if (m_actions.isEmpty()) {
        auto *stacks = new QAction(QIcon::fromTheme(u"view-list-details"_s),
                                   tr("Stacks on this &machine…"), this);
        stacks->setObjectName(u"showStacks"_s);
        connect(stacks, &QAction::triggered, this, &StackFeature::showStacks);
        auto *file = new QAction(QIcon::fromTheme(u"document-open"_s), tr("Open s&tack…"), this);
        file->setObjectName(u"openStackFile"_s);
        file->setToolTip(tr("Open a compose file"));
        file->setShortcut(QKeySequence::Open); // Ctrl+Shift+O is the trace file's
        connect(file, &QAction::triggered, this, [this] { chooseComposePath(false); });
        auto *folder = new QAction(QIcon::fromTheme(u"document-open-folder"_s),
                                   tr("Open stack &folder…"), this);
        folder->setObjectName(u"openStackFolder"_s);
        connect(folder, &QAction::triggered, this, [this] { chooseComposePath(true); });
        m_recentMenu = std::make_unique<QMenu>(tr("S&witch stack"));
        m_recentMenu->setObjectName(u"recentStacks"_s);
        m_recentMenu->setIcon(QIcon::fromTheme(u"document-open-recent"_s));
        connect(m_recentMenu.get(), &QMenu::aboutToShow, this, &StackFeature::fillRecentMenu);
        fillRecentMenu();
        auto *before = new QAction(this);
        before->setSeparator(true);
        auto *after = new QAction(this);
        after->setSeparator(true);
        m_actions = {before, stacks, file, folder, m_recentMenu->menuAction(), after};
    }
    QList<FeatureMenuAction> out;
    for (QAction *a : std::as_const(m_actions))
        out.append({MainWindow::Menu::File, a});
    return out;
}

QWidget *StackFeature::dialogParent() const
{
    if (m_stacksDialog && m_stacksDialog->isVisible())
        return m_stacksDialog;
    return m_context.window;
}

void StackFeature::showStacks()
{
    if (!m_stacksDialog) {
        auto *dialog = new StacksDialog(m_stacksModel.get(), m_context.window);
        m_stacksDialog = dialog;
        connect(dialog, &StacksDialog::refreshRequested, &m_stacksPoller, &Poller::pollNow);
        connect(dialog, &QDialog::finished, this, [this] {
            m_stacksPoller.stop();
            m_stacksReport = {};
        });
        connect(dialog, &StacksDialog::openRequested, this, [this](const StackSummary &stack) {
            openAndReport([this, stack](QString *error) { return openStack(stack, error); });
        });
        connect(dialog, &StacksDialog::openFileRequested, this,
                [this] { chooseComposePath(false); });
    }
    m_stacksDialog->setDaemonInfo(m_discovery->endpoint().host, m_discovery->endpoint().source);
    m_stacksDialog->setCurrentProject(m_supervisor->project().name);
    m_stacksDialog->show();
    m_stacksDialog->raise();
    m_stacksDialog->activateWindow();
    if (m_stacksPoller.isActive())
        m_stacksPoller.pollNow();
    else
        m_stacksPoller.start();
}

bool StackFeature::checkFiles(const QStringList &stackFiles, const QString &name,
                              QStringList *files, QString *error) const
{
    for (const QString &file : stackFiles) {
        if (!QFileInfo(file).isFile()) {
            *error = tr("The compose file %1 of the project \"%2\" is not there any more (moved "
                        "or deleted?). Open the project's compose file with File ▸ Open stack…")
                         .arg(file, name);
            return false;
        }
        *files << QFileInfo(file).absoluteFilePath();
    }
    if (files->isEmpty()) {
        *error = tr("The containers of the project \"%1\" do not say which compose file made "
                    "them. Open its compose file with File ▸ Open stack…")
                     .arg(name);
        return false;
    }
    return true;
}

bool StackFeature::writeStack(const QList<ConfigEdit> &edits, QString *error)
{
    if (!m_context.config) {
        *error = tr("There is no configuration file to write to.");
        return false;
    }
    QList<ConfigProblem> problems;
    QString why;
    if (!m_context.config->saveEdits(edits, &problems, &why)) {
        QStringList lines;
        for (const ConfigProblem &p : std::as_const(problems))
            lines << p.format(QFileInfo(m_context.config->path()).fileName());
        if (!why.isEmpty())
            lines << why;
        *error = tr("The configuration was left as it was: %1").arg(lines.join(u"\n"_s));
        return false;
    }
    return true;
}

bool StackFeature::switchToStack(const NamedStack &stack, QString *error)
{
    QStringList files;
    if (!checkFiles(stack.stack.composeFiles, stack.name, &files, error))
        return false;
    const QList<ConfigEdit> edits{{{u"stack"_s, u"compose_files"_s}, files},
                                  {{u"stack"_s, u"project"_s}, stack.stack.project},
                                  {{u"stack"_s, u"env_file"_s}, stack.stack.envFile},
                                  {{u"stack"_s, u"profiles"_s}, stack.stack.profiles}};
    if (!writeStack(edits, error))
        return false;
    Q_EMIT showRequested(StackRequest{});
    return true;
}

bool StackFeature::openStack(const StackSummary &stack, QString *error)
{
    QStringList files;
    if (!checkFiles(stack.configFiles, stack.name, &files, error))
        return false;
    const QList<ConfigEdit> edits{{{u"stack"_s, u"compose_files"_s}, files},
                                  {{u"stack"_s, u"project"_s}, stack.name}};
    if (!writeStack(edits, error))
        return false;
    StackSummary opened = stack;
    opened.configFiles = files;
    remember(opened);
    if (m_stacksDialog)
        m_stacksDialog->accept();
    Q_EMIT showRequested(StackRequest{});
    return true;
}

bool StackFeature::openComposePath(const QString &path, QString *error)
{
    const QString file = StackDiscovery::composeFileFor(path, error);
    if (file.isEmpty())
        return false;
    return openStack(StackDiscovery::stackForComposeFile(file, m_stacksModel->stacks()), error);
}

void StackFeature::openAndReport(const std::function<bool(QString *)> &open)
{
    QString error;
    if (!open(&error))
        QMessageBox::warning(dialogParent(), tr("Open stack"), error);
}

void StackFeature::chooseComposePath(bool folder)
{
    const QString start
        = QFileInfo(m_supervisor->stackConfig().composeFiles.value(0)).absolutePath();
    const QString path
        = folder ? QFileDialog::getExistingDirectory(dialogParent(), tr("Open stack folder"),
                                                     start.isEmpty() ? QDir::homePath() : start)
                 : QFileDialog::getOpenFileName(dialogParent(), tr("Open stack"),
                                                start.isEmpty() ? QDir::homePath() : start,
                                                tr("Compose files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    openAndReport([this, path](QString *error) { return openComposePath(path, error); });
}

namespace {

constexpr int kRecentStacks = 8;
const QString RecentKey = u"Stacks/recent"_s;

} // namespace

QList<StackSummary> StackFeature::recentStacks()
{
    QList<StackSummary> out;
    const QStringList entries = QSettings().value(RecentKey).toStringList();
    for (const QString &entry : entries) {
        const QJsonObject o = QJsonDocument::fromJson(entry.toUtf8()).object();
        StackSummary s;
        s.name = o.value("name"_L1).toString();
        for (const QJsonValue &f : o.value("files"_L1).toArray())
            s.configFiles << f.toString();
        s.workingDir = QFileInfo(s.configFiles.value(0)).absolutePath();
        if (!s.name.isEmpty() && !s.configFiles.isEmpty())
            out << s;
    }
    return out;
}

void StackFeature::remember(const StackSummary &stack)
{
    QStringList entries;
    QJsonObject o;
    o.insert("name"_L1, stack.name);
    o.insert("files"_L1, QJsonArray::fromStringList(stack.configFiles));
    entries << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    for (const StackSummary &s : recentStacks()) {
        if (entries.size() >= kRecentStacks)
            break;
        if (s.name != stack.name || s.configFiles != stack.configFiles) {
            QJsonObject old;
            old.insert("name"_L1, s.name);
            old.insert("files"_L1, QJsonArray::fromStringList(s.configFiles));
            entries << QString::fromUtf8(QJsonDocument(old).toJson(QJsonDocument::Compact));
        }
    }
    QSettings().setValue(RecentKey, entries);
}

void StackFeature::fillRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    // The configuration's `stacks:` first, then those opened lately that it does not hold.
    const StackConfig &current = m_supervisor->stackConfig();
    if (!m_configuredStacks.isEmpty())
        m_recentMenu->addSection(tr("In the configuration"));
    for (const NamedStack &s : std::as_const(m_configuredStacks)) {
        QAction *a = m_recentMenu->addAction(s.name);
        a->setToolTip(QDir::toNativeSeparators(s.stack.composeFiles.join(u", "_s)));
        a->setCheckable(true);
        a->setChecked(current.composeFiles == s.stack.composeFiles
                      && current.project == s.stack.project);
        connect(a, &QAction::triggered, this, [this, s] {
            openAndReport([this, s](QString *error) { return switchToStack(s, error); });
        });
    }
    QList<StackSummary> recent;
    for (const StackSummary &s : recentStacks()) {
        const bool configured = std::any_of(
            m_configuredStacks.cbegin(), m_configuredStacks.cend(),
            [&s](const NamedStack &n) { return n.stack.composeFiles == s.configFiles; });
        if (!configured)
            recent << s;
    }
    if (!m_configuredStacks.isEmpty() && !recent.isEmpty())
        m_recentMenu->addSection(tr("Opened lately"));
    for (const StackSummary &s : recent) {
        QString folder = QDir::toNativeSeparators(s.workingDir);
        if (folder.startsWith(QDir::homePath()))
            folder = u'~' + folder.mid(QDir::homePath().size());
        QAction *a = m_recentMenu->addAction(tr("%1 — %2").arg(s.name, folder));
        a->setCheckable(true);
        a->setChecked(s.name == m_supervisor->project().name
                      && m_supervisor->stackConfig().composeFiles == s.configFiles);
        connect(a, &QAction::triggered, this, [this, s] {
            openAndReport([this, s](QString *error) { return openStack(s, error); });
        });
    }
    if (recent.isEmpty() && m_configuredStacks.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
}

std::unique_ptr<Feature> makeStackFeature(const AppContext &context)
{
    return std::make_unique<StackFeature>(context);
}

} // namespace Stackscope
