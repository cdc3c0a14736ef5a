// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/alertnotifications.h"

#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "models/common/offthread.h"

#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAlertNotifications, "stackscope.alerts.notifications", QtInfoMsg)

namespace Stackscope {

AlertNotifications::AlertNotifications(AlertsService *service, DesktopNotifier *notifier,
                                       QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_notifier(notifier)
    , m_state(NotifiedState::defaultPath())
{
    m_writer.setMaxThreadCount(1);
    connect(service, &AlertsService::updated, this, &AlertNotifications::onUpdated);
    connect(notifier, &DesktopNotifier::silenceRequested, this, &AlertNotifications::silence);
}

void AlertNotifications::setStatePath(const QString &path)
{
    m_state = NotifiedState(path);
    m_loaded = false;
}

void AlertNotifications::onUpdated()
{
    const AlertsSnapshot &snapshot = m_service->lastSnapshot();
    if (!snapshot.anyAnswered)
        return;
    if (!m_loaded) {
        QString error;
        if (!m_state.load(&error))
            qCWarning(lcAlertNotifications).noquote() << error;
        m_loaded = true;
    }
    bool changed = false;
    const QList<AlertNotification> notes
        = m_policy.evaluate(snapshot.alerts, &m_state, &changed, snapshot.authoritative);
    if (!changed) {
        send(notes);
        return;
    }
    // Save before sending: a crash (kill -9) between the two then loses at most these
    // notifications instead of repeating them all after a restart. The write (an fsync, hundreds
    // of milliseconds on a busy disk; the JSON of 2,000 alerts is 30 ms) runs on a worker.
    OffThread::run(
        &m_writer, this,
        [state = m_state] {
            QString error;
            state.save(&error);
            return error;
        },
        [this, notes](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcAlertNotifications).noquote() << error;
            send(notes);
        });
}

void AlertNotifications::send(const QList<AlertNotification> &notes)
{
    for (const AlertNotification &n : notes)
        m_notifier->notify(n);
    if (!notes.isEmpty())
        Q_EMIT notificationsSent(int(notes.size()));
}

void AlertNotifications::silence(const Alert &alert)
{
    QPointer<AlertNotifications> self(this);
    m_service->silenceAlert(alert, std::chrono::hours(1), AlertsService::loginName(),
                            tr("Silenced for 1 h from a Stackscope notification"),
                            [self, alert](const QStringList &ids, const QStringList &errors) {
                                if (!errors.isEmpty())
                                    qCWarning(lcAlertNotifications).noquote()
                                        << "silencing" << alert.name() << "failed:" << errors;
                                if (self)
                                    Q_EMIT self->silenceFinished(alert, ids, errors);
                            });
}

} // namespace Stackscope
