// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Alerts page's factory and feature.
#include "app/features/alertsfeature.h"

#include "app/alerts/acknowledgements.h"
#include "app/alerts/alerthistory.h"
#include "app/alerts/alertnotifications.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "app/compose/stackfilewatcher.h"
#include "app/compose/stackprovisioning.h"
#include "app/selfmetrics/selfmetrics.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/silencemodel.h"
#include "models/metrics/chartband.h"
#include "ui/alerts/alertspage.h"
#include "ui/mainwindow.h"
#include "ui/plaintooltips.h"
#include "ui/trayicon.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlerts, "stackscope.alerts", QtInfoMsg)

namespace Stackscope {

AlertsFeature::AlertsFeature(const AppContext &context, QObject *parent)
    : Feature(parent)
    , m_context(context)
    , m_service(new AlertsService(context.network, this))
    , m_notifier(new DesktopNotifier(this))
    , m_notifications(new AlertNotifications(m_service, m_notifier, this))
    , m_acknowledgements(new Acknowledgements(m_service, m_notifier, this))
    , m_history(new AlertHistory(this))
    , m_stackWatcher(new StackFileWatcher(this))
{
    connect(m_stackWatcher, &StackFileWatcher::changed, this, &AlertsFeature::reloadStackRules);
    if (context.selfMetrics) {
        connect(m_service, &AlertsService::requestFinished, context.selfMetrics,
                &SelfMetrics::recordRequest);
    }
    connect(m_service, &AlertsService::updated, this, &AlertsFeature::onUpdated);
    m_history->setPath(AlertHistory::defaultPath());
    // Queued: the history's share of a poll (2,000 periods into its sorted view on the first
    // one) runs in an event-loop pass of its own, not in the one that fills the alerts.
    connect(
        m_service, &AlertsService::updated, m_history,
        [this](const AlertsSnapshot &snapshot) {
            m_history->record(snapshot, QDateTime::currentDateTimeUtc());
        },
        Qt::QueuedConnection);
    connect(m_notifier, &DesktopNotifier::openRequested, this, &AlertsFeature::raiseOnAlert);
    connect(m_notifier, &DesktopNotifier::tracesRequested, this, &AlertsFeature::openTraces);
    connect(
        m_notifications, &AlertNotifications::silenceFinished, this,
        [this](const Alert &alert, const QStringList &ids, const QStringList &errors) {
            if (!m_page)
                return;
            if (errors.isEmpty())
                m_page->setActionMessage(
                    tr("%1 silenced for 1 h (%2).").arg(alert.name(), ids.join(u", "_s)), false);
            else
                m_page->setActionMessage(
                    tr("Silencing %1 failed: %2").arg(alert.name(), errors.join(u"; "_s)), true);
        });
    connect(m_acknowledgements, &Acknowledgements::changed, this, [this](const QStringList &ids) {
        if (m_page)
            m_page->setUntilResolved(ids);
    });
    connect(m_acknowledgements, &Acknowledgements::acknowledged, this,
            [this](const Alert &alert, const QStringList &ids, const QStringList &errors) {
                if (!m_page)
                    return;
                if (ids.isEmpty())
                    m_page->setActionMessage(
                        tr("Acknowledging %1 failed: %2").arg(alert.name(), errors.join(u"; "_s)),
                        true);
                else
                    m_page->setActionMessage(tr("%1 acknowledged until it resolves (silence %2).")
                                                 .arg(alert.name(), ids.join(u", "_s)),
                                             !errors.isEmpty());
            });
    m_notifier->setFallback([this](const QString &summary, const QString &body, int urgency) {
        fallbackMessage(summary, body, urgency);
    });
}

AlertsFeature::~AlertsFeature() = default;

QString AlertsFeature::id() const
{
    return u"alerts"_s;
}

QString AlertsFeature::title() const
{
    return tr("Alerts");
}

QIcon AlertsFeature::icon() const
{
    return QIcon::fromTheme(u"dialog-warning"_s, QIcon(u":/icons/page-alerts.svg"_s));
}

QWidget *AlertsFeature::createPage()
{
    auto *page = new AlertsPage(m_service->alertModel(), m_service->silenceModel(),
                                m_service->ruleModel());
    m_page = page;
    page->setAuthor(AlertsService::loginName());
    page->setAlertmanagerConfigured(m_service->hasAlertmanagers());
    page->setHistoryModel(m_history->model());
    connect(page, &AlertsPage::refreshRequested, m_service, &AlertsService::refreshNow);
    connect(page, &AlertsPage::openUrlRequested, this,
            [](const QUrl &url) { QDesktopServices::openUrl(url); });
    connect(page, &AlertsPage::openChartRequested, this, [this](const Alert &alert) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QDateTime start
            = alert.startsAt.isValid() ? alert.startsAt.addSecs(-15 * 60) : now.addSecs(-3600);
        if (start.secsTo(now) < 3600)
            start = now.addSecs(-3600);
        const QDateTime end = alert.endsAt.isValid() && alert.endsAt < now ? alert.endsAt : now;
        // The labels let the chart draw the alert's pending and firing periods as bands.
        // Without the rule's expression (a period of the history whose rule is gone), the
        // alert's own ALERTS series is the expression.
        const QString expr
            = alert.expression().isEmpty() ? alertsSelector(alert.labels) : alert.expression();
        Q_EMIT showRequested(MetricsRequest{expr, start, end, alert.labels});
    });
    connect(page, &AlertsPage::openTracesRequested, this, &AlertsFeature::openTraces);
    connect(page, &AlertsPage::createSilenceRequested, this, [this](const Silence &silence) {
        QPointer<AlertsPage> p = m_page;
        // The page keeps its dialog open until this answer: a refused silence (an invalid regex,
        // say) is shown with Alertmanager's own text beside what the user typed.
        m_service->createSilence(silence, [p](const QStringList &ids, const QStringList &errors) {
            if (p)
                p->showSilenceResult(ids, errors);
        });
    });
    connect(page, &AlertsPage::updateSilenceRequested, this, [this](const Silence &silence) {
        QPointer<AlertsPage> p = m_page;
        m_service->updateSilence(silence, [p](const QStringList &ids, const QStringList &errors) {
            if (p)
                p->showSilenceResult(ids, errors);
        });
    });
    connect(page, &AlertsPage::extendSilenceRequested, this, [this](const Silence &silence) {
        QPointer<AlertsPage> p = m_page;
        m_service->updateSilence(
            silence, [p, silence](const QStringList &ids, const QStringList &errors) {
                if (!p)
                    return;
                if (ids.isEmpty())
                    p->setActionMessage(tr("The silence %1 could not be extended: %2")
                                            .arg(silence.id, errors.join(u"; "_s)),
                                        true);
                else
                    p->setActionMessage(
                        tr("Silence %1 extended until %2.")
                            .arg(ids.join(u", "_s),
                                 silence.endsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s)),
                        false);
            });
    });
    connect(page, &AlertsPage::acknowledgeRequested, m_acknowledgements,
            [this](const Alert &alert) { m_acknowledgements->acknowledge(alert); });
    page->setUntilResolved(m_acknowledgements->silenceIds());
    connect(page, &AlertsPage::expireSilenceRequested, this, [this](const QString &id) {
        QPointer<AlertsPage> p = m_page;
        m_service->expireSilence(id, [p, id](const QStringList &errors) {
            if (!p)
                return;
            if (!errors.isEmpty())
                p->setActionMessage(
                    tr("The silence %1 could not be expired: %2").arg(id, errors.join(u"; "_s)),
                    true);
            else
                p->setActionMessage(tr("Silence %1 expired.").arg(id), false);
        });
    });
    page->setStatus(tr("Waiting for the first answer from the alert sources…"), false);
    return page;
}

void AlertsFeature::applyConfig(const Config &config)
{
    m_service->applyConfig(config);
    m_notifications->setConfig(config.notifications);
    m_notifier->setSound(config.notifications.sound);
    m_history->setKeepDays(config.alerts.historyDays);
}

void AlertsFeature::start()
{
    m_service->start();
}

void AlertsFeature::show(const NavigationRequest &request)
{
    const auto *alert = std::get_if<AlertsRequest>(&request);
    if (alert && !alert->fingerprint.isEmpty() && m_page)
        m_page->showAlert(alert->fingerprint);
}

void AlertsFeature::setTrayIcon(TrayIcon *tray)
{
    if (m_tray)
        disconnect(m_tray, nullptr, this, nullptr);
    m_tray = tray;
    if (!tray)
        return;
    tray->setAlertModel(m_service->alertModel());
    tray->setSilenceModel(m_service->silenceModel());
    tray->setMuted(m_notifications->isMuted());
    connect(tray, &TrayIcon::muteToggled, this, &AlertsFeature::setMuted);
    connect(tray, &TrayIcon::alertActivated, this, &AlertsFeature::raiseOnAlert);
}

void AlertsFeature::setMuted(bool muted)
{
    m_notifications->setMuted(muted);
    if (m_tray && m_tray->isMuted() != muted)
        m_tray->setMuted(muted);
}

bool AlertsFeature::isMuted() const
{
    return m_notifications->isMuted();
}

void AlertsFeature::raiseOnAlert(const QString &fingerprint)
{
    if (MainWindow *window = m_context.window) {
        window->showPage(id());
        window->show();
        window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window->raise();
        window->activateWindow();
    }
    show(AlertsRequest{fingerprint});
}

void AlertsFeature::onUpdated()
{
    updateRulesFallback();
    const AlertsSnapshot &snapshot = m_service->lastSnapshot();
    if (m_page) {
        m_page->setAlertmanagerGroups(snapshot.groups);
        m_page->setAlertmanagerConfigured(m_service->hasAlertmanagers());
        QStringList problems;
        for (const AlertSourceState &s : snapshot.sources) {
            if (s.ok)
                continue;
            // Prometheus only matters for pending alerts when an Alertmanager answers.
            const QString since
                = s.lastSuccess.isValid()
                      ? tr("showing its answer from %1")
                            .arg(s.lastSuccess.toLocalTime().toString(u"HH:mm:ss"_s))
                      : tr("nothing from it yet");
            problems << u"%1: %2 (%3)"_s.arg(s.name, s.message, since);
        }
        if (!snapshot.anyAnswered && !problems.isEmpty())
            m_page->setStatus(tr("No alert source answers; what is shown is stale. %1")
                                  .arg(problems.join(u"; "_s)),
                              true);
        else if (snapshot.prometheusFallback)
            m_page->setStatus(tr("Alertmanager cannot say yet (down, or just started and not "
                                 "yet sent the alerts again): the firing alerts shown are "
                                 "Prometheus' own, silenced and inhibited as Alertmanager last "
                                 "said. %1")
                                  .arg(problems.join(u"; "_s))
                                  .trimmed(),
                              true);
        else
            m_page->setStatus(problems.join(u"; "_s), !problems.isEmpty());
    }
}

void AlertsFeature::openTraces(const Alert &alert)
{
    // The alert's service (or job) from a quarter of an hour before it started until it ended.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime start
        = alert.startsAt.isValid() ? alert.startsAt.addSecs(-15 * 60) : now.addSecs(-3600);
    const QDateTime end = alert.endsAt.isValid() && alert.endsAt < now ? alert.endsAt : now;
    const QString service = alert.labels.value(u"service"_s, alert.labels.value(u"job"_s));
    Q_EMIT showRequested(TracesRequest{service, start, end});
}

void AlertsFeature::setStackServices(const QList<ComposeService> &services)
{
    if (services == m_stackServices)
        return;
    m_stackServices = services;
    reloadStackRules();
}

void AlertsFeature::reloadStackRules()
{
    const StackRuleFiles found = findStackRuleFiles(m_stackServices);
    m_stackWatcher->setPaths(found.watchPaths);
    m_stackRuleFiles = found.ruleFiles;
    m_stackRuleProblems = found.notes;
    m_stackRules = readRuleFiles(found.ruleFiles, &m_stackRuleProblems);
    updateRulesFallback();
}

void AlertsFeature::updateRulesFallback()
{
    if (!m_page)
        return;
    bool prometheusAway = false;
    for (const AlertSourceState &s : m_service->lastSnapshot().sources) {
        if (s.name.startsWith("prometheus"_L1))
            prometheusAway = s.polled && !s.ok;
    }
    if (!prometheusAway || m_stackRuleFiles.isEmpty()) {
        m_page->showRulesFromFiles({}, {});
        return;
    }
    QStringList names;
    for (const QString &file : std::as_const(m_stackRuleFiles))
        names << QFileInfo(file).fileName();
    QString note = tr("Prometheus cannot be reached: these rules come from the stack's rule "
                      "files (%1), not from a running Prometheus; they have no state.")
                       .arg(names.join(u", "_s));
    if (!m_stackRuleProblems.isEmpty())
        note += u"\n"_s + m_stackRuleProblems.join(u'\n');
    m_page->showRulesFromFiles(m_stackRules, note);
}

void AlertsFeature::fallbackMessage(const QString &summary, const QString &body, int urgency)
{
    if (m_tray) {
        m_tray->showMessage(summary, body, urgency);
        return;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        qCInfo(lcAlerts).noquote() << "alert:" << summary << "-" << body;
        return;
    }
    if (!m_ownTray) {
        m_ownTray = new QSystemTrayIcon(QIcon(u":/icons/stackscope.svg"_s), this);
        m_ownTray->show();
    }
    m_ownTray->showMessage(plainForAutoText(summary), plainForAutoText(body),
                           urgency >= 2 ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
}

std::unique_ptr<Feature> makeAlertsFeature(const AppContext &context)
{
    return std::make_unique<AlertsFeature>(context);
}

} // namespace Stackscope
