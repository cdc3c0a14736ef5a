// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/alertmanagerclient.h"
#include "models/config/config.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPair>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QNetworkAccessManager;

namespace Stackscope {

class AlertModel;
class Poller;
class RuleModel;
class SilenceModel;

/// How one source (an Alertmanager, Prometheus) answered the last poll.
struct AlertSourceState
{
    QString name; ///< "alertmanager 127.0.0.1:9093", "prometheus 127.0.0.1:9090"
    bool ok = false;
    bool polled = false;
    QString message; ///< why it failed, one sentence
    QDateTime lastSuccess;
};

/// The result of one poll of every source, merged.
struct AlertsSnapshot
{
    QList<Alert> alerts; ///< firing (Alertmanager, or Prometheus without one) and pending
    QList<Silence> silences;
    QList<Rule> rules;
    QList<AlertSourceState> sources;
    /// Alertmanager's groups (`/api/v2/alerts/groups`), an HA cluster's members' merged by key
    /// (each group once, its alerts united); those of a member that did not answer are missing.
    QList<AlertGroupInfo> groups;
    bool anyAnswered = false; ///< at least one alert source answered
    bool complete = false;    ///< every alert source answered: nothing is stale
    /// The list says what is *not* firing too: an Alertmanager answered that has caught up with
    /// Prometheus (it lists every alert Prometheus fires, or has been up for restartGrace), or,
    /// without Alertmanagers, Prometheus answered.
    /// Otherwise an absent alert may only be missing from a just-restarted Alertmanager's memory.
    bool authoritative = false;
    /// No Alertmanager could say (down, or just restarted): the firing alerts are Prometheus'.
    bool prometheusFallback = false;
};

/// Polls every configured Alertmanager and Prometheus without overlap, merges the alerts by
/// Alert::key() (an HA pair shows each alert once, with both as its sources; Alertmanagers given
/// different `cluster` names keep their alerts apart, tagged with the name) and the silences by
/// id, and keeps the models up to date. Prometheus' alerts get its external labels (read from
/// its configuration), as Alertmanager receives them, so that both fingerprints agree.
/// A source that fails keeps its last good answer in the merge, marked stale, so that one
/// Alertmanager being down neither hides nor "resolves" its alerts; a stale alert goes once
/// Prometheus says its rule no longer fires it, or after staleLimit. While no Alertmanager can
/// say (all down, or just restarted with an empty memory), Prometheus' firing alerts are shown,
/// silenced and inhibited as Alertmanager last said. Silences are created once per Alertmanager
/// cluster (peers gossip them) and in every independent Alertmanager; one made from an alert only
/// in that alert's cluster.
class AlertsService : public QObject
{
    Q_OBJECT
public:
    using SilenceDone = std::function<void(const QStringList &ids, const QStringList &errors)>;
    using ExpireDone = std::function<void(const QStringList &errors)>;

    /// How long a started Alertmanager's list is not trusted to be complete: Prometheus resends
    /// firing alerts every minute (its `resend_delay`), after one evaluation.
    static constexpr std::chrono::seconds restartGrace{150};
    /// How long a down Alertmanager's last alerts are shown (stale) at most.
    static constexpr std::chrono::minutes staleLimit{10};

    explicit AlertsService(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AlertsService() override;

    void applyConfig(const Config &config);
    void start();
    void stop();
    void refreshNow();
    Poller *poller() const { return m_poller; }

    AlertModel *alertModel() const { return m_alerts; }
    SilenceModel *silenceModel() const { return m_silences; }
    RuleModel *ruleModel() const { return m_rules; }
    const AlertsSnapshot &lastSnapshot() const { return m_snapshot; }
    bool hasAlertmanagers() const { return !m_alertmanagers.empty(); }

    /// One poll of every source, outside the poller (also used by fetchFiringAlerts()).
    void fetchOnce(std::function<void(const AlertsSnapshot &)> done);

    /// Creates `silence` once per Alertmanager cluster: in every cluster, or only in
    /// `silence.targetCluster`'s (a silence made from an alert lands where the alert lives).
    void createSilence(const Silence &silence, SilenceDone done);
    /// Changes the silence with `silence.id` (POST with its id) in the Alertmanager that holds it
    /// (the first of `silence.sources` configured; peers gossip it). Alertmanager keeps the id
    /// when only the end, comment or author changed, and otherwise (0.25: new matchers, a new
    /// start of an active silence) expires the old silence and answers with a new id: `done`
    /// gets the id that holds now.
    void updateSilence(const Silence &silence, SilenceDone done);
    /// A silence for exactly this alert's labels, from now for `duration`, in the alert's own
    /// cluster (Silence::targetClusterOf()).
    void silenceAlert(const Alert &alert, std::chrono::seconds duration, const QString &author,
                      const QString &comment, SilenceDone done);
    /// Expires the silence wherever it is; an Alertmanager that does not know it is not an error
    /// unless none does.
    void expireSilence(const QString &id, ExpireDone done);

    /// Merges one poll: every Alertmanager's list (by fingerprint, sources and suppression
    /// united), then Prometheus' alerts: pending ones always, firing ones only when
    /// `prometheusFiring` (no Alertmanager configured); rule expressions fill in queries.
    static QList<Alert> mergeAlerts(const QList<QList<Alert>> &alertmanagers,
                                    const QList<Alert> &prometheus, bool prometheusFiring,
                                    const QList<Rule> &rules = {});
    static QList<Silence> mergeSilences(const QList<QList<Silence>> &alertmanagers);
    /// Every member's groups, each group once (by AlertGroupInfo::key()) with its alerts united.
    static QList<AlertGroupInfo> mergeGroups(const QList<QList<AlertGroupInfo>> &alertmanagers);
    /// /api/v2/alerts/groups of one Alertmanager as the page groups by it: `cluster` names the
    /// group and qualifies its alerts' keys (Alert::key() of AlertGroup::fingerprints).
    static QList<AlertGroupInfo> groupInfos(const QList<AlertGroup> &groups,
                                            const QString &cluster);
    /// `alerts` with the `external` labels they lack added, fingerprints computed again.
    static QList<Alert> withExternalLabels(QList<Alert> alerts, const LabelSet &external);

    /// The login name, the default author of a silence.
    static QString loginName();

Q_SIGNALS:
    /// A poll ended; the models are up to date.
    void updated(const Stackscope::AlertsSnapshot &snapshot);
    void requestFinished(const Stackscope::RequestRecord &record);
    /// updateSilence() was answered with a new id: Alertmanager expired `oldId` and holds
    /// `silence` (its new id, the matchers and end as sent) instead. Emitted after its `done`.
    void silenceReplaced(const QString &oldId, const Stackscope::Silence &silence);

private:
    struct Source;
    void poll(std::function<void(bool ok, bool absent)> report);
    void apply(const AlertsSnapshot &snapshot);
    /// The first list of many alerts goes into the empty model a chunk per event-loop turn, so
    /// that sorting, grouping and laying out 2,000 new rows is not one long stall of the window.
    void fillInChunks(int shown);
    static constexpr int firstLoadChunk = 250;
    /// One round's answers, merged (stale lists, Prometheus standing in, suppression kept).
    AlertsSnapshot merge(const QList<Source *> &sources);
    static void dropContradicted(QList<Alert> *alerts, const QList<Alert> &prometheus,
                                 const QList<Rule> &rules);
    void forEachCluster(const std::optional<QString> &only,
                        std::function<void(const QList<int> &clusters)> done);

    QNetworkAccessManager *m_network;
    Poller *m_poller;
    AlertModel *m_alerts;
    SilenceModel *m_silences;
    RuleModel *m_rules;
    std::vector<std::unique_ptr<Source>> m_alertmanagers;
    std::unique_ptr<Source> m_prometheus;
    AlertsSnapshot m_snapshot;
    quint64 m_applied = 0; ///< counts apply(): a chunked first fill stops when a poll overtakes it
    Config m_config;
    /// Fingerprint → what Alertmanager last said suppresses it (silencedBy, inhibitedBy), kept
    /// for the polls where Prometheus stands in for it.
    QHash<QString, QPair<QStringList, QStringList>> m_suppression;
};

/// What fetchFiringAlerts() reports.
struct FiringAlertsResult
{
    QList<Alert> firing; ///< firing alerts, highest severity first
    QStringList errors;  ///< one line per source that did not answer
};

/// Fetches the firing alerts once from the configured sources (for `stackscope --status`).
/// `done` runs once on the calling thread, unless `context` is destroyed first.
void fetchFiringAlerts(const Config &config, QNetworkAccessManager *network, QObject *context,
                       std::function<void(const FiringAlertsResult &)> done);

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::AlertsSnapshot)
