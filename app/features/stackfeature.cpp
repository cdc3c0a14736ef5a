// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Stack page's factory and feature: StackSupervisor (core) behind StackPage (ui).
#include "app/features/stackfeature.h"
#include "app/compose/stacksupervisor.h"
#include "app/docker/dockerclient.h"
#include "app/docker/dockerlogstream.h"
#include "app/features/feature.h"
#include "app/selfmetrics/selfmetrics.h"
#include "ui/stack/composeprogresspanel.h"
#include "ui/stack/logview.h"
#include "ui/stack/stackpage.h"

#include <QCoreApplication>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Stackscope {

StackFeature::StackFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_supervisor(new StackSupervisor(this))
{
    if (context.selfMetrics)
        connect(m_supervisor, &StackSupervisor::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
}

StackFeature::~StackFeature() = default;

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

std::unique_ptr<Feature> makeStackFeature(const AppContext &context)
{
    return std::make_unique<StackFeature>(context);
}

} // namespace Stackscope
