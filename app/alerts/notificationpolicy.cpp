// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/notificationpolicy.h"

#include "app/alerts/alertsjson.h"
#include "app/alerts/statefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Stackscope {

NotifiedState::NotifiedState(const QString &path)
    : m_path(path)
{}

QString NotifiedState::defaultPath()
{
    return StateFile::path(u"notified.json"_s);
}

bool NotifiedState::load(QString *error)
{
    m_entries.clear();
    QFile file(m_path);
    if (m_path.isEmpty() || !file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QObject::tr("cannot read %1: %2").arg(m_path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject() || doc.object().value("version"_L1).toInt() != 1) {
        // Never overwrite what cannot be read (a newer version's file, a hand edit): keep it
        // beside, under a name of its own, before the next save replaces it.
        file.close();
        const QString aside = m_path + u".invalid-"_s
                              + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddTHHmmsszzz"_s);
        const bool kept = QFile::rename(m_path, aside);
        if (error)
            *error = kept ? QObject::tr("%1 is not a notification state file; kept it as %2 and "
                                        "starting afresh")
                                .arg(m_path, aside)
                          : QObject::tr("%1 is not a notification state file; starting afresh")
                                .arg(m_path);
        return false;
    }
    for (const QJsonValue v : doc.object().value("notified"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.startsAt = AlertsJson::parseTime(o.value("startsAt"_L1).toString());
        e.alert.fingerprint = o.value("fingerprint"_L1).toString();
        e.alert.startsAt = e.startsAt;
        const QJsonObject labels = o.value("labels"_L1).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            e.alert.labels.insert(it.key(), it.value().toString());
        e.alert.annotations.insert(u"summary"_s, o.value("summary"_L1).toString());
        if (!e.alert.fingerprint.isEmpty())
            m_entries.insert(e.alert.fingerprint, e);
    }
    return true;
}

bool NotifiedState::save(QString *error) const
{
    if (m_path.isEmpty())
        return true;
    QJsonArray entries;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        QJsonObject labels;
        for (auto l = it->alert.labels.cbegin(); l != it->alert.labels.cend(); ++l)
            labels.insert(l.key(), l.value());
        entries.append(QJsonObject{{"fingerprint"_L1, it.key()},
                                   {"startsAt"_L1, AlertsJson::formatTime(it->startsAt)},
                                   {"labels"_L1, labels},
                                   {"summary"_L1, it->alert.summary()}});
    }
    const QString failed = StateFile::write(
        m_path, QJsonDocument(QJsonObject{{"version"_L1, 1}, {"notified"_L1, entries}}).toJson());
    if (!failed.isEmpty() && error)
        *error = failed;
    return failed.isEmpty();
}

bool NotifiedState::contains(const QString &fingerprint, const QDateTime &startsAt) const
{
    const auto it = m_entries.constFind(fingerprint);
    // Compare at millisecond precision: that is what the file keeps.
    return it != m_entries.cend()
           && it->startsAt.toMSecsSinceEpoch() == startsAt.toMSecsSinceEpoch();
}

void NotifiedState::insert(const Alert &alert)
{
    Entry e;
    e.startsAt = alert.startsAt;
    e.alert.fingerprint = alert.fingerprint;
    e.alert.labels = alert.labels;
    e.alert.startsAt = alert.startsAt;
    e.alert.annotations.insert(u"summary"_s, alert.summary());
    m_entries.insert(alert.fingerprint, e);
}

Alert NotifiedState::alert(const QString &fingerprint) const
{
    return m_entries.value(fingerprint).alert;
}

void NotifiedState::remove(const QString &fingerprint)
{
    m_entries.remove(fingerprint);
}

int NotificationPolicy::urgencyFor(int rank)
{
    return rank >= 3 ? 2 : rank <= 1 ? 0 : 1;
}

AlertNotification NotificationPolicy::firingNotification(const Alert &alert,
                                                         const SeverityScale &scale)
{
    AlertNotification n;
    n.kind = AlertNotification::Kind::Firing;
    n.alert = alert;
    const QString value = alert.labels.value(scale.label);
    n.summary = QObject::tr("%1 (%2)").arg(alert.name(),
                                           value.isEmpty() ? QObject::tr("no severity") : value);
    n.body = alert.summary();
    if (n.body.isEmpty())
        n.body = labelsText(alert.labels);
    n.urgency = urgencyFor(scale.rank(alert.labels));
    return n;
}

QList<AlertNotification> NotificationPolicy::evaluate(const QList<Alert> &alerts,
                                                      NotifiedState *state, bool *changed,
                                                      bool authoritative) const
{
    QList<AlertNotification> out;
    bool dirty = false;
    // min_severity names a level (info, warning, critical), not one of its aliases.
    const int minimumRank = severityRank(m_config.minSeverity);
    const auto rank = [this](const Alert &a) {
        return m_config.severity.rank(a.labels);
    };
    const bool sending = m_config.enabled && !m_muted;

    QSet<QString> present;
    present.reserve(alerts.size());
    QList<Alert> fresh;
    for (const Alert &a : alerts) {
        present.insert(a.fingerprint);
        if (a.state != Alert::State::Firing || a.isSuppressed())
            continue;
        if (rank(a) < minimumRank)
            continue;
        if (state->contains(a.fingerprint, a.startsAt))
            continue;
        fresh << a;
        state->insert(a);
        dirty = true;
    }

    const QStringList known = authoritative ? state->fingerprints() : QStringList();
    for (const QString &fp : known) {
        if (present.contains(fp))
            continue;
        // Gone: resolved (or silenced away from Alertmanager's active list).
        if (sending && m_config.notifyResolved) {
            const Alert last = state->alert(fp);
            if (rank(last) >= minimumRank) {
                AlertNotification n;
                n.kind = AlertNotification::Kind::Resolved;
                n.alert = last;
                n.summary = QObject::tr("Resolved: %1").arg(last.name());
                n.body = last.summary();
                n.urgency = 0;
                out << n;
            }
        }
        state->remove(fp);
        dirty = true;
    }

    if (sending && !fresh.isEmpty()) {
        if (m_config.stormThreshold > 0 && fresh.size() > m_config.stormThreshold) {
            AlertNotification n;
            n.kind = AlertNotification::Kind::Storm;
            n.alerts = fresh;
            std::stable_sort(n.alerts.begin(), n.alerts.end(),
                             [&rank](const Alert &a, const Alert &b) { return rank(a) > rank(b); });
            n.summary = QObject::tr("%1 new alerts firing").arg(fresh.size());
            QStringList lines;
            int top = 0;
            for (const Alert &a : std::as_const(n.alerts)) {
                if (++top > 5)
                    break;
                lines << (a.severity().isEmpty() ? a.name()
                                                 : a.name() + u" (" + a.severity() + u')');
            }
            if (n.alerts.size() > 5)
                lines << QObject::tr("and %1 more").arg(n.alerts.size() - 5);
            n.body = lines.join(u'\n');
            n.urgency = firingNotification(n.alerts.first(), m_config.severity).urgency;
            n.alert = n.alerts.first();
            out.prepend(n);
        } else {
            QList<AlertNotification> firing;
            for (const Alert &a : std::as_const(fresh))
                firing << firingNotification(a, m_config.severity);
            out = firing + out;
        }
    }
    if (changed)
        *changed = dirty;
    return out;
}

} // namespace Stackscope
