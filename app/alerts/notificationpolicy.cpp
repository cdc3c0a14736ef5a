// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/notificationpolicy.h"

#include "app/alerts/alertsjson.h"
#include "app/alerts/statefile.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

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
    // Never overwrite what cannot be read (a newer version's file, a hand edit): it is kept
    // beside, under a name of its own, before the next save replaces it. Losing it would notify
    // every firing alert again.
    const StateFile::ReadResult file = StateFile::read(m_path, 1, StateFile::Unusable::SetAside);
    if (file.status == StateFile::ReadResult::Status::CannotOpen) {
        if (error)
            *error = file.error;
        return false;
    }
    if (file.status == StateFile::ReadResult::Status::Unusable) {
        if (error)
            *error = !file.keptAs.isEmpty()
                         ? QObject::tr("%1 is not a notification state file; kept it as %2 and "
                                       "starting afresh")
                               .arg(m_path, file.keptAs)
                         : QObject::tr("%1 is not a notification state file; starting afresh")
                               .arg(m_path);
        return false;
    }
    for (const QJsonValue v : file.object.value("notified"_L1).toArray()) {
        const QJsonObject o = v.toObject();
        Entry e;
        e.startsAt = AlertsJson::parseTime(o.value("startsAt"_L1).toString());
        e.alert.fingerprint = o.value("fingerprint"_L1).toString();
        e.alert.cluster = o.value("cluster"_L1).toString(); // absent before clusters: unnamed
        e.alert.startsAt = e.startsAt;
        const QJsonObject labels = o.value("labels"_L1).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            e.alert.labels.insert(it.key(), it.value().toString());
        e.alert.annotations.insert(u"summary"_s, o.value("summary"_L1).toString());
        if (!e.alert.fingerprint.isEmpty())
            m_entries.insert(e.alert.key(), e);
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
        QJsonObject entry{{"fingerprint"_L1, it->alert.fingerprint},
                          {"startsAt"_L1, AlertsJson::formatTime(it->startsAt)},
                          {"labels"_L1, labels},
                          {"summary"_L1, it->alert.summary()}};
        if (!it->alert.cluster.isEmpty())
            entry.insert("cluster"_L1, it->alert.cluster);
        entries.append(entry);
    }
    const QString failed = StateFile::write(
        m_path, QJsonDocument(QJsonObject{{"version"_L1, 1}, {"notified"_L1, entries}}).toJson());
    if (!failed.isEmpty() && error)
        *error = failed;
    return failed.isEmpty();
}

bool NotifiedState::contains(const QString &key, const QDateTime &startsAt) const
{
    const auto it = m_entries.constFind(key);
    // Compare at millisecond precision: that is what the file keeps.
    return it != m_entries.cend()
           && it->startsAt.toMSecsSinceEpoch() == startsAt.toMSecsSinceEpoch();
}

void NotifiedState::insert(const Alert &alert)
{
    Entry e;
    e.startsAt = alert.startsAt;
    e.alert.fingerprint = alert.fingerprint;
    e.alert.cluster = alert.cluster;
    e.alert.labels = alert.labels;
    e.alert.startsAt = alert.startsAt;
    e.alert.annotations.insert(u"summary"_s, alert.summary());
    m_entries.insert(alert.key(), e);
}

Alert NotifiedState::alert(const QString &key) const
{
    return m_entries.value(key).alert;
}

void NotifiedState::remove(const QString &key)
{
    m_entries.remove(key);
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

    // Keyed by Alert::key(): the same alert in two clusters is notified once in each. What only
    // Prometheus reports (no Alertmanager answers yet: a restart) has no cluster, and stands for
    // every cluster's record of its fingerprint, so that it neither notifies again nor resolves.
    QSet<QString> present;
    QSet<QString> presentAnywhere; ///< fingerprints that Prometheus alone reports
    present.reserve(alerts.size());
    QMultiHash<QString, QString> keysOf; ///< fingerprint → the state's keys; built when needed
    bool keysBuilt = false;
    const auto notifiedInSomeCluster = [&](const Alert &a) {
        if (!keysBuilt) {
            for (const QString &key : state->keys())
                keysOf.insert(state->alert(key).fingerprint, key);
            keysBuilt = true;
        }
        const auto [first, last] = keysOf.equal_range(a.fingerprint);
        return std::any_of(first, last,
                           [&](const QString &key) { return state->contains(key, a.startsAt); });
    };
    QList<Alert> fresh;
    for (const Alert &a : alerts) {
        present.insert(a.key());
        const bool clusterless = !a.fromAlertmanager();
        if (clusterless)
            presentAnywhere.insert(a.fingerprint);
        if (a.state != Alert::State::Firing || a.isSuppressed())
            continue;
        if (rank(a) < minimumRank)
            continue;
        if (state->contains(a.key(), a.startsAt))
            continue;
        if (clusterless && notifiedInSomeCluster(a))
            continue;
        fresh << a;
        state->insert(a);
        if (keysBuilt)
            keysOf.insert(a.fingerprint, a.key());
        dirty = true;
    }

    const QStringList known = authoritative ? state->keys() : QStringList();
    for (const QString &key : known) {
        if (present.contains(key) || presentAnywhere.contains(state->alert(key).fingerprint))
            continue;
        // Gone: resolved (or silenced away from Alertmanager's active list).
        if (sending && m_config.notifyResolved) {
            const Alert last = state->alert(key);
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
        state->remove(key);
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
