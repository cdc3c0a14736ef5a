// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/config/config.h"

#include <QHash>

namespace Stackscope {

/// One desktop notification to send. Texts are plain (untrusted): the notifier escapes them
/// where the server reads markup.
struct AlertNotification
{
    enum class Kind { Firing, Resolved, Storm };
    Kind kind = Kind::Firing;
    Alert alert;         ///< Firing, Resolved (the last known value)
    QList<Alert> alerts; ///< Storm: every new alert it sums up
    QString summary;     ///< "HighErrorRate (critical)"
    QString body;        ///< the summary annotation, or the storm's list
    int urgency = 1;     ///< 0 low, 1 normal, 2 critical (the spec's byte)
};

/// What has been notified: Alert::key() (fingerprint, "@cluster" when named) → startsAt of the
/// firing notified, persisted atomically (QSaveFile) so that a restart does not notify again what
/// is still firing. The same alert firing in two clusters is two records. A file of the version
/// that kept bare fingerprints (no "cluster" in its entries) reads as the unnamed cluster's.
class NotifiedState
{
public:
    explicit NotifiedState(const QString &path = {});

    /// `$XDG_STATE_HOME/stackscope/notified.json` (~/.local/state when unset).
    static QString defaultPath();
    QString path() const { return m_path; }

    /// A missing file is an empty state, not an error; a broken one is reported and ignored.
    bool load(QString *error = nullptr);
    bool save(QString *error = nullptr) const;

    /// `key` is Alert::key().
    bool contains(const QString &key, const QDateTime &startsAt) const;
    bool contains(const QString &key) const { return m_entries.contains(key); }
    void insert(const Alert &alert);
    void remove(const QString &key);
    /// What is remembered of a notified alert: fingerprint, cluster, labels, startsAt, summary.
    Alert alert(const QString &key) const;
    QStringList keys() const { return m_entries.keys(); }
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry
    {
        QDateTime startsAt;
        Alert alert; ///< name, severity and summary, for the resolved notification
    };
    QString m_path;
    QHash<QString, Entry> m_entries;
};

/// The rules of who is told what: an alert that starts firing (new fingerprint, or the same
/// fingerprint with a new startsAt) at or above the minimum severity, not silenced or inhibited,
/// is notified once; a notified fingerprint that disappears is "resolved" (notified only when
/// enabled); more than stormThreshold new alerts in one poll become one summary. Muted or
/// disabled, alerts are recorded as seen but nothing is sent, so unmuting does not flood.
class NotificationPolicy
{
public:
    void setConfig(const NotificationConfig &config) { m_config = config; }
    const NotificationConfig &config() const { return m_config; }
    void setMuted(bool muted) { m_muted = muted; }
    bool isMuted() const { return m_muted; }

    /// Compares the alerts of one answered poll with `state`, updates it, and returns what to
    /// send. `changed` (optional) says whether `state` must be saved. An answer that is not
    /// `authoritative` (AlertsSnapshot::authoritative: an Alertmanager that has just started and
    /// not heard from Prometheus yet, members that are down) can add alerts but says nothing
    /// about the absent ones: their records stay and nothing is "resolved".
    QList<AlertNotification> evaluate(const QList<Alert> &alerts, NotifiedState *state,
                                      bool *changed = nullptr, bool authoritative = true) const;

    /// The spec's urgency byte for a SeverityScale rank: 0 low, 1 normal, 2 critical.
    static int urgencyFor(int rank);
    /// The notification of one firing alert; its severity read as `scale` says.
    static AlertNotification firingNotification(const Alert &alert,
                                                const SeverityScale &scale = {});

private:
    NotificationConfig m_config;
    bool m_muted = false;
};

} // namespace Stackscope
