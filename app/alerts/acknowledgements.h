// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>

#include <chrono>
#include <functional>

namespace Stackscope {

class AlertsService;
class DesktopNotifier;

/// One silence that Stackscope made to acknowledge an alert until it resolves.
struct Acknowledgement
{
    QString silenceId;
    QList<SilenceMatcher> matchers; ///< exactly the alert's labels
    QString alertName;              ///< for messages
    QString fingerprint;
    QDateTime createdAt;
    QDateTime endsAt; ///< the silence's end as Stackscope last set it

    friend bool operator==(const Acknowledgement &, const Acknowledgement &) = default;
};

/// The acknowledgements, kept in a JSON file (written atomically with QSaveFile) so that they
/// outlive a restart of Stackscope.
class AcknowledgedState
{
public:
    explicit AcknowledgedState(const QString &path = {})
        : m_path(path)
    {}
    /// `acknowledged.json` beside the notified state (`$XDG_STATE_HOME/stackscope/`).
    static QString defaultPath();
    QString path() const { return m_path; }
    /// A missing file is an empty state; a broken one is reported and read as empty.
    bool load(QString *error = nullptr);
    bool save(QString *error = nullptr) const;

    QList<Acknowledgement> entries;

private:
    QString m_path;
};

/// "Acknowledge until resolved" (alertmanager#1057): a silence for exactly one alert that
/// Stackscope expires itself once no alert it matches fires any more, and that it renews while
/// one does. The silence is made long (lifetime(), 24 h) and pushed out again when less than
/// renewBefore() is left, so that it never lapses while Stackscope runs and ends on its own a
/// day later at worst when Stackscope is gone for good. Only answers that are authoritative
/// (AlertsSnapshot::authoritative: not a just-restarted Alertmanager's empty memory) can show an
/// alert resolved. A silence that someone else expired is forgotten; one edited through
/// Stackscope into a new silence (AlertsService::silenceReplaced) is followed to its new id (an
/// edit elsewhere leaves no link to follow: Alertmanager records none). The state is
/// saved after every change, off the GUI thread, in the order of the changes.
class Acknowledgements : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QStringList &ids, const QStringList &errors)>;

    /// With a `notifier`, its "Acknowledge" action acknowledges the notified alert.
    Acknowledgements(AlertsService *service, DesktopNotifier *notifier = nullptr,
                     QObject *parent = nullptr);
    ~Acknowledgements() override;

    /// Where the state is kept (default AcknowledgedState::defaultPath()); read at the next poll.
    void setStatePath(const QString &path);
    QString statePath() const { return m_state.path(); }
    /// The silence's length and when it is renewed (tests shorten them).
    void setTiming(std::chrono::seconds lifetime, std::chrono::seconds renewBefore);
    std::chrono::seconds lifetime() const { return m_lifetime; }
    std::chrono::seconds renewBefore() const { return m_renewBefore; }

    /// Silences exactly `alert` in its own Alertmanager cluster (once; in every cluster when only
    /// Prometheus reports it) until it resolves.
    void acknowledge(const Alert &alert, Done done = {});
    const QList<Acknowledgement> &entries() const { return m_state.entries; }
    QStringList silenceIds() const;

    /// The comment of an acknowledgement's silence.
    static QString comment();

Q_SIGNALS:
    /// The acknowledged silences changed (created, renewed under a new id, expired, forgotten).
    void changed(const QStringList &silenceIds);
    void acknowledged(const Stackscope::Alert &alert, const QStringList &ids,
                      const QStringList &errors);
    /// Every alert of the silence resolved and Stackscope expired it.
    void released(const QString &silenceId, const QString &alertName);
    /// The state was written (error empty) or not.
    void stateSaved(const QString &error);

private:
    void onUpdated();
    void ensureLoaded();
    /// AlertsService::silenceReplaced: an acknowledged silence edited into a new one.
    void follow(const QString &oldId, const Silence &silence);
    void expire(const Acknowledgement &ack);
    void renew(const Acknowledgement &ack, Silence silence);
    void replace(const QString &silenceId, std::optional<Acknowledgement> with);
    void save();

    AlertsService *m_service;
    AcknowledgedState m_state;
    bool m_loaded = false;
    std::chrono::seconds m_lifetime{std::chrono::hours(24)};
    std::chrono::seconds m_renewBefore{std::chrono::hours(2)};
    QSet<QString> m_busy;         ///< silence ids with a request in flight
    QHash<QString, int> m_absent; ///< silence id → complete polls that did not list it
    QThreadPool m_writer;         ///< one thread: the writes land in the order they were made
};

} // namespace Stackscope
