// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/alertsservice.h"
#include "models/alerts/alertperiod.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QThreadPool>

namespace Stackscope {

class AlertHistoryModel;

/// The alert history that Alertmanager does not keep: every firing period Stackscope saw, from
/// the snapshots AlertsService publishes, kept for `keepDays` after it ended and at most
/// maxPeriods, in a JSON file in the state folder (beside the notified state), written
/// atomically on a worker thread after each change and read once at start.
///
/// A period is never cut or doubled by what is not a real change: it opens at the alert's
/// startsAt; it closes only on an authoritative snapshot (a just-restarted Alertmanager's empty
/// memory, a stale list or a poll nobody answered close nothing); a stale alert keeps a period
/// open but opens none; an open period read from the file goes on when the alert still fires;
/// and an alert that fires again with the start of a period that was closed (its source still
/// counts it from then) reopens that period instead of adding a second one.
class AlertHistory : public QObject
{
    Q_OBJECT
public:
    /// The file never holds more periods than this (the oldest closed ones go first).
    static constexpr qsizetype maxPeriods = 10000;

    explicit AlertHistory(QObject *parent = nullptr);
    ~AlertHistory() override;

    /// `$XDG_STATE_HOME/stackscope/alert-history.json`, beside notified.json.
    static QString defaultPath();
    /// Where the history is kept; reads it (on a worker). Snapshots recorded before it is read
    /// are applied after it.
    void setPath(const QString &path);
    QString path() const { return m_path; }
    /// How many days a closed period is kept (alerts.history_days).
    void setKeepDays(int days);
    int keepDays() const { return m_keepDays; }

    /// Records one poll at `now`; returns whether a period opened, closed or changed.
    bool record(const AlertsSnapshot &snapshot, const QDateTime &now);
    /// Oldest first.
    const QList<AlertPeriod> &periods() const { return m_periods; }
    bool isLoaded() const { return m_loaded; }
    AlertHistoryModel *model() const { return m_model; }

    /// The file's text, and the periods read back from it (false, with `error`, when it is not
    /// a history file).
    static QByteArray toJson(const QList<AlertPeriod> &periods);
    static bool fromJson(const QByteArray &json, QList<AlertPeriod> *periods, QString *error);

Q_SIGNALS:
    /// The file was read (or found absent) and the model filled.
    void loaded();
    /// One write ended; `error` is empty when it reached the disk.
    void saved(const QString &error);
    void changed();

private:
    bool apply(const AlertsSnapshot &snapshot, const QDateTime &now);
    bool prune(const QDateTime &now);
    void save();

    QString m_path;
    int m_keepDays = 7;
    QList<AlertPeriod> m_periods;
    QDateTime m_lastPoll;      ///< the previous recorded poll
    QDateTime m_lastSave;      ///< when the file was last written
    QDateTime m_lastModelPush; ///< when the model was last given the periods
    bool m_loaded = false;
    quint64 m_loadGeneration = 0;
    QList<QPair<AlertsSnapshot, QDateTime>> m_early; ///< recorded before the file was read
    AlertHistoryModel *m_model;
    QThreadPool m_writer; ///< one thread: the writes land in the order they were made
};

} // namespace Stackscope
