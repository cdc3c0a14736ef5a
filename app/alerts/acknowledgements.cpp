// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/acknowledgements.h"

#include "app/alerts/alertsjson.h"
#include "app/alerts/alertsservice.h"
#include "app/alerts/desktopnotifier.h"
#include "app/alerts/notificationpolicy.h"
#include "app/alerts/statefile.h"
#include "models/common/offthread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAcknowledge, "stackscope.alerts.acknowledge", QtInfoMsg)

namespace Stackscope {

QString AcknowledgedState::defaultPath()
{
    return StateFile::path(u"acknowledged.json"_s);
}

bool AcknowledgedState::load(QString *error)
{
    entries.clear();
    // An unusable file is left in place, unlike notified.json: what it held are silences that
    // end on their own (lifetime(), a day), so losing it costs at most an acknowledgement that
    // is not expired early, and nothing is sent twice.
    const StateFile::ReadResult file = StateFile::read(m_path, 1, StateFile::Unusable::Leave);
    if (!file.ok()) {
        if (error)
            *error = file.status == StateFile::ReadResult::Status::CannotOpen
                         ? file.error
                         : QObject::tr("%1 is not a state file of acknowledgements").arg(m_path);
        return false;
    }
    for (const QJsonValue v : file.object.value("acknowledged"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        Acknowledgement a;
        a.silenceId = o.value("silenceId"_L1).toString();
        a.alertName = o.value("alertName"_L1).toString();
        a.fingerprint = o.value("fingerprint"_L1).toString();
        a.createdAt = AlertsJson::parseTime(o.value("createdAt"_L1).toString());
        a.endsAt = AlertsJson::parseTime(o.value("endsAt"_L1).toString());
        for (const QJsonValue m : o.value("matchers"_L1).toArray()) {
            const QJsonObject mo = m.toObject();
            a.matchers.append({mo.value("name"_L1).toString(), mo.value("value"_L1).toString(),
                               mo.value("isRegex"_L1).toBool(),
                               mo.value("isEqual"_L1).toBool(true)});
        }
        if (!a.silenceId.isEmpty() && !a.matchers.isEmpty())
            entries << a;
    }
    return true;
}

bool AcknowledgedState::save(QString *error) const
{
    if (m_path.isEmpty())
        return true;
    QJsonArray list;
    for (const Acknowledgement &a : entries) {
        QJsonArray matchers;
        for (const SilenceMatcher &m : a.matchers)
            matchers.append(QJsonObject{{"name"_L1, m.name},
                                        {"value"_L1, m.value},
                                        {"isRegex"_L1, m.isRegex},
                                        {"isEqual"_L1, m.isEqual}});
        list.append(QJsonObject{{"silenceId"_L1, a.silenceId},
                                {"alertName"_L1, a.alertName},
                                {"fingerprint"_L1, a.fingerprint},
                                {"createdAt"_L1, AlertsJson::formatTime(a.createdAt)},
                                {"endsAt"_L1, AlertsJson::formatTime(a.endsAt)},
                                {"matchers"_L1, matchers}});
    }
    const QString failed = StateFile::write(
        m_path, QJsonDocument(QJsonObject{{"version"_L1, 1}, {"acknowledged"_L1, list}}).toJson());
    if (!failed.isEmpty() && error)
        *error = failed;
    return failed.isEmpty();
}

Acknowledgements::Acknowledgements(AlertsService *service, DesktopNotifier *notifier,
                                   QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_state(AcknowledgedState::defaultPath())
{
    m_writer.setMaxThreadCount(1);
    connect(service, &AlertsService::updated, this, &Acknowledgements::onUpdated);
    connect(service, &AlertsService::silenceReplaced, this, &Acknowledgements::follow);
    if (notifier) {
        connect(notifier, &DesktopNotifier::acknowledgeRequested, this,
                [this](const Alert &alert) { acknowledge(alert); });
    }
}

Acknowledgements::~Acknowledgements()
{
    m_writer.waitForDone(); // the last write lands before the state goes
}

void Acknowledgements::setStatePath(const QString &path)
{
    m_state = AcknowledgedState(path);
    m_loaded = false;
}

void Acknowledgements::setTiming(std::chrono::seconds lifetime, std::chrono::seconds renewBefore)
{
    m_lifetime = lifetime;
    m_renewBefore = renewBefore;
}

QString Acknowledgements::comment()
{
    return tr("Acknowledged until resolved: Stackscope expires this silence when the alert "
              "resolves");
}

QStringList Acknowledgements::silenceIds() const
{
    QStringList ids;
    for (const Acknowledgement &a : m_state.entries)
        ids << a.silenceId;
    return ids;
}

void Acknowledgements::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    QString error;
    if (!m_state.load(&error))
        qCWarning(lcAcknowledge).noquote() << error;
    if (!m_state.entries.isEmpty())
        Q_EMIT changed(silenceIds());
}

void Acknowledgements::acknowledge(const Alert &alert, Done done)
{
    ensureLoaded();
    Silence s;
    s.matchers = Silence::exactMatchers(alert.labels);
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(m_lifetime.count());
    s.createdBy = AlertsService::loginName();
    s.comment = comment();
    s.targetCluster = Silence::targetClusterOf(alert);
    QPointer<Acknowledgements> self(this);
    m_service->createSilence(
        s, [self, s, alert, done](const QStringList &ids, const QStringList &errors) {
            if (self) {
                for (const QString &id : ids) {
                    Acknowledgement a;
                    a.silenceId = id;
                    a.matchers = s.matchers;
                    a.alertName = alert.name();
                    a.fingerprint = alert.fingerprint;
                    a.createdAt = s.startsAt;
                    a.endsAt = s.endsAt;
                    self->m_state.entries << a;
                }
                if (!ids.isEmpty()) {
                    self->save();
                    Q_EMIT self->changed(self->silenceIds());
                }
                if (!errors.isEmpty())
                    qCWarning(lcAcknowledge).noquote()
                        << "acknowledging" << alert.name() << "failed:" << errors;
                Q_EMIT self->acknowledged(alert, ids, errors);
            }
            if (done)
                done(ids, errors);
        });
}

void Acknowledgements::onUpdated()
{
    const AlertsSnapshot &snapshot = m_service->lastSnapshot();
    if (!snapshot.anyAnswered)
        return;
    ensureLoaded();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<Acknowledgement> entries = m_state.entries;
    for (const Acknowledgement &ack : entries) {
        if (m_busy.contains(ack.silenceId))
            continue;
        const Silence *silence = nullptr;
        for (const Silence &s : snapshot.silences) {
            if (s.id == ack.silenceId)
                silence = &s;
        }
        // No Alertmanager lists it (deleted with its data, say): forgotten after a few polls,
        // not at once, since a poll started before it was created does not list it either.
        if (!silence && snapshot.complete && ++m_absent[ack.silenceId] >= 3) {
            qCInfo(lcAcknowledge).noquote()
                << "silence" << ack.silenceId << "of" << ack.alertName << "is gone";
            replace(ack.silenceId, std::nullopt);
            continue;
        }
        if (silence)
            m_absent.remove(ack.silenceId);
        if (silence && silence->state == Silence::State::Expired) {
            // Someone expired it, or replaced it by editing it: it is no longer ours to keep.
            qCInfo(lcAcknowledge).noquote()
                << "silence" << ack.silenceId << "of" << ack.alertName << "expired elsewhere";
            replace(ack.silenceId, std::nullopt);
            continue;
        }
        const bool fires
            = std::any_of(snapshot.alerts.cbegin(), snapshot.alerts.cend(), [&ack](const Alert &a) {
                  return a.state == Alert::State::Firing
                         && Silence::matchesAll(ack.matchers, a.labels);
              });
        if (!fires) {
            // Absent from a list that may be incomplete (a restarted Alertmanager) says nothing.
            if (snapshot.authoritative)
                expire(ack);
            continue;
        }
        if (now.secsTo(ack.endsAt) < m_renewBefore.count()) {
            Silence s;
            if (silence) {
                s = *silence;
            } else {
                s.id = ack.silenceId;
                s.matchers = ack.matchers;
                s.startsAt = ack.createdAt;
                s.createdBy = AlertsService::loginName();
                s.comment = comment();
            }
            s.endsAt = now.addSecs(m_lifetime.count());
            renew(ack, s);
        }
    }
}

void Acknowledgements::follow(const QString &oldId, const Silence &silence)
{
    ensureLoaded();
    const auto it
        = std::find_if(m_state.entries.cbegin(), m_state.entries.cend(),
                       [&oldId](const Acknowledgement &a) { return a.silenceId == oldId; });
    if (it == m_state.entries.cend())
        return;
    // The user edited the acknowledged silence (new matchers, say): Alertmanager expired the old
    // one, which would otherwise read as "expired elsewhere" and be let go. The acknowledgement
    // now holds the new silence, and is released when what it matches now has resolved.
    Acknowledgement followed = *it;
    followed.silenceId = silence.id;
    if (!silence.matchers.isEmpty())
        followed.matchers = silence.matchers;
    if (silence.endsAt.isValid())
        followed.endsAt = silence.endsAt;
    qCInfo(lcAcknowledge).noquote() << "silence" << oldId << "of" << followed.alertName
                                    << "was replaced by" << silence.id << ": following it";
    m_absent.remove(oldId);
    replace(oldId, followed);
}

void Acknowledgements::expire(const Acknowledgement &ack)
{
    m_busy.insert(ack.silenceId);
    QPointer<Acknowledgements> self(this);
    m_service->expireSilence(ack.silenceId, [self, ack](const QStringList &errors) {
        if (!self)
            return;
        self->m_busy.remove(ack.silenceId);
        if (!errors.isEmpty()) { // tried again at the next poll
            qCWarning(lcAcknowledge).noquote()
                << "expiring" << ack.silenceId << "of" << ack.alertName << "failed:" << errors;
            return;
        }
        qCInfo(lcAcknowledge).noquote()
            << ack.alertName << "resolved: its silence" << ack.silenceId << "expired";
        self->replace(ack.silenceId, std::nullopt);
        Q_EMIT self->released(ack.silenceId, ack.alertName);
    });
}

void Acknowledgements::renew(const Acknowledgement &ack, Silence silence)
{
    m_busy.insert(ack.silenceId);
    QPointer<Acknowledgements> self(this);
    m_service->updateSilence(
        silence, [self, ack, silence](const QStringList &ids, const QStringList &errors) {
            if (!self)
                return;
            self->m_busy.remove(ack.silenceId);
            if (ids.isEmpty()) {
                qCWarning(lcAcknowledge).noquote()
                    << "renewing" << ack.silenceId << "of" << ack.alertName << "failed:" << errors;
                return;
            }
            Acknowledgement renewed = ack;
            renewed.silenceId = ids.first(); // a new id when Alertmanager replaced it
            renewed.endsAt = silence.endsAt;
            self->replace(ack.silenceId, renewed);
        });
}

void Acknowledgements::replace(const QString &silenceId, std::optional<Acknowledgement> with)
{
    if (!with)
        m_absent.remove(silenceId);
    QList<Acknowledgement> &entries = m_state.entries;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries.at(i).silenceId != silenceId)
            continue;
        if (with)
            entries[i] = *with;
        else
            entries.removeAt(i);
        save();
        Q_EMIT changed(silenceIds());
        return;
    }
}

void Acknowledgements::save()
{
    OffThread::run(
        &m_writer, this,
        [state = m_state] {
            QString error;
            state.save(&error);
            return error;
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcAcknowledge).noquote() << error;
            Q_EMIT stateSaved(error);
        });
}

} // namespace Stackscope
