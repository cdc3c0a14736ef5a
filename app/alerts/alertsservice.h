// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/alerts/alertmanagerclient.h"
#include "models/config/config.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>
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
    bool anyAnswered = false; ///< at least one alert source answered
    bool complete = false;    ///< every alert source answered: nothing is stale
};

/// Polls every configured Alertmanager and Prometheus without overlap, merges the alerts by
/// fingerprint (an HA pair shows each alert once, with both as its sources) and the silences by
/// id, and keeps the models up to date. A source that fails keeps its last good answer in the
/// merge, marked stale, so that one Alertmanager being down neither hides nor "resolves" its
/// alerts. Silences are created once per Alertmanager cluster (peers gossip them) and in every
/// independent Alertmanager.
class AlertsService : public QObject
{
    Q_OBJECT
public:
    using SilenceDone = std::function<void(const QStringList &ids, const QStringList &errors)>;
    using ExpireDone = std::function<void(const QStringList &errors)>;

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

    /// Creates `silence` in every Alertmanager (once per cluster).
    void createSilence(const Silence &silence, SilenceDone done);
    /// A silence for exactly this alert's labels, from now for `duration`.
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

    /// The login name, the default author of a silence.
    static QString loginName();

Q_SIGNALS:
    /// A poll ended; the models are up to date.
    void updated(const Stackscope::AlertsSnapshot &snapshot);
    void requestFinished(const Stackscope::RequestRecord &record);

private:
    struct Source;
    void poll(std::function<void(bool ok, bool absent)> report);
    void apply(const AlertsSnapshot &snapshot);
    void forEachCluster(std::function<void(const QList<int> &clusters)> done);

    QNetworkAccessManager *m_network;
    Poller *m_poller;
    AlertModel *m_alerts;
    SilenceModel *m_silences;
    RuleModel *m_rules;
    std::vector<std::unique_ptr<Source>> m_alertmanagers;
    std::unique_ptr<Source> m_prometheus;
    AlertsSnapshot m_snapshot;
    Config m_config;
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
