// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/alerts/alertsservice.h"

#include "app/http/poller.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <optional>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Stackscope {

struct AlertsService::Source
{
    std::unique_ptr<HttpClient> http;
    AlertSourceState state;
    QList<Alert> alerts;
    QList<Silence> silences;
    QList<Rule> rules;
    QList<AlertGroupInfo> groups; ///< Alertmanager: its last answer of /api/v2/alerts/groups
    QString cluster;              ///< Alertmanager: the configured cluster name
    bool everAnswered = false;
    QDateTime startedAt;     ///< Alertmanager: when it started (invalid = unknown)
    LabelSet externalLabels; ///< Prometheus: `global.external_labels`
    QDateTime labelsAskedAt; ///< Prometheus: when the external labels were last asked for
};

AlertsService::AlertsService(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_poller(new Poller(this))
    , m_alerts(new AlertModel(this))
    , m_silences(new SilenceModel(this))
    , m_rules(new RuleModel(this))
{
    m_poller->setTask([this](Poller::Report report) {
        poll([report](bool ok, bool absent) { report({ok, absent}); });
    });
}

AlertsService::~AlertsService()
{
    m_poller->stop();
    for (auto &s : m_alertmanagers)
        s->http->abortAll();
    if (m_prometheus)
        m_prometheus->http->abortAll();
}

void AlertsService::applyConfig(const Config &config)
{
    const bool endpointsChanged = !m_prometheus || config.prometheus != m_config.prometheus
                                  || config.alertmanagers != m_config.alertmanagers
                                  || config.http != m_config.http;
    m_config = config;
    m_poller->setInterval(config.refresh.alerts);
    m_poller->setMaxBackoff(
        std::max<std::chrono::milliseconds>(config.refresh.alerts * 4, std::chrono::seconds(60)));
    if (!endpointsChanged)
        return;
    const auto make = [this, &config](const QString &backend, const EndpointConfig &endpoint) {
        auto source = std::make_unique<Source>();
        source->http = std::make_unique<HttpClient>(backend, m_network);
        source->http->setEndpoint(endpoint);
        source->http->setMaxBodyBytes(config.http.maxBodyBytes);
        connect(source->http.get(), &HttpClient::requestFinished, this,
                &AlertsService::requestFinished);
        source->state.name = backend + u' ' + source->http->hostPort();
        return source;
    };
    for (auto &s : m_alertmanagers)
        s->http->abortAll();
    m_alertmanagers.clear();
    for (const EndpointConfig &endpoint : config.alertmanagers) {
        m_alertmanagers.push_back(make(u"alertmanager"_s, endpoint));
        m_alertmanagers.back()->cluster = endpoint.cluster;
    }
    if (m_prometheus)
        m_prometheus->http->abortAll();
    m_prometheus = make(u"prometheus"_s, config.prometheus);

    const QUrl watch
        = config.alertmanagers.isEmpty() ? config.prometheus.url : config.alertmanagers.first().url;
    m_poller->setWatchAddress(watch.host(),
                              quint16(watch.port(watch.scheme() == "https"_L1 ? 443 : 80)));
    if (m_poller->isActive())
        m_poller->pollNow();
}

void AlertsService::start()
{
    m_poller->start();
}

void AlertsService::stop()
{
    m_poller->stop();
}

void AlertsService::refreshNow()
{
    m_poller->pollNow();
}

void AlertsService::poll(std::function<void(bool ok, bool absent)> report)
{
    fetchOnce([this, report](const AlertsSnapshot &snapshot) {
        apply(snapshot);
        bool absent = !snapshot.anyAnswered;
        report(snapshot.anyAnswered, absent);
    });
}

void AlertsService::fetchOnce(std::function<void(const AlertsSnapshot &)> done)
{
    if (!m_prometheus) {
        AlertsSnapshot empty;
        done(empty);
        return;
    }
    // Every request of this round reports here; the last one to finish merges.
    struct Round
    {
        int pending = 0;
        std::function<void()> finish;
    };
    auto round = std::make_shared<Round>();
    const auto answered = [round] {
        if (--round->pending == 0)
            round->finish();
    };
    const auto fail = [](Source *s, const HttpError &error) {
        s->state.ok = false;
        s->state.message = error.message.isEmpty() ? error.detail : error.message;
    };
    const auto succeed = [](Source *s) {
        s->state.ok = true;
        s->state.message.clear();
        s->state.lastSuccess = QDateTime::currentDateTimeUtc();
        s->everAnswered = true;
    };

    QList<Source *> sources;
    for (auto &s : m_alertmanagers)
        sources << s.get();
    Source *p = m_prometheus.get();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // The external labels change only with Prometheus' configuration: asked again each minute.
    const bool askLabels = !p->labelsAskedAt.isValid() || p->labelsAskedAt.secsTo(now) >= 60;
    round->pending = int(sources.size()) * 4 + 2 + (askLabels ? 1 : 0);
    round->finish = [this, done, sources] {
        done(merge(sources));
    };

    for (Source *s : sources) {
        AlertmanagerClient client(s->http.get());
        client.fetchAlerts(
            {}, this,
            [s, answered, fail, succeed](const QList<Alert> &alerts, const HttpError &error) {
                if (error.isError()) {
                    fail(s, error);
                } else {
                    succeed(s);
                    s->alerts = alerts;
                    for (Alert &a : s->alerts)
                        a.cluster = s->cluster;
                }
                answered();
            });
        client.fetchAlertGroups(
            this,
            [s, answered](const QList<AlertGroup> &groups, const HttpError &error) {
                // A failed answer keeps the last groups: the alerts' list says what is current.
                if (!error.isError())
                    s->groups = groupInfos(groups, s->cluster);
                answered();
            },
            true);
        client.fetchSilences(this,
                             [s, answered](const QList<Silence> &silences, const HttpError &error) {
                                 if (!error.isError())
                                     s->silences = silences;
                                 answered();
                             });
        client.fetchStatus(this,
                           [s, answered](const AlertmanagerStatus &status, const HttpError &error) {
                               // Unknown (an error) counts as "long up": only a start time seen
                               // says otherwise.
                               s->startedAt = error.isError() ? QDateTime() : status.startedAt;
                               answered();
                           });
    }
    PrometheusAlertsClient prom(p->http.get());
    prom.fetchAlerts(
        this, [p, answered, fail, succeed](const QList<Alert> &alerts, const HttpError &error) {
            if (error.isError()) {
                fail(p, error);
            } else {
                succeed(p);
                QList<Alert> named = alerts;
                for (Alert &a : named)
                    a.sources = {p->state.name};
                p->alerts = named;
            }
            answered();
        });
    prom.fetchRules(this, [p, answered](const QList<Rule> &rules, const HttpError &error) {
        if (!error.isError())
            p->rules = rules;
        answered();
    });
    if (askLabels) {
        p->labelsAskedAt = now;
        prom.fetchExternalLabels(this,
                                 [p, answered](const LabelSet &labels, const HttpError &error) {
                                     if (!error.isError())
                                         p->externalLabels = labels;
                                     else
                                         p->labelsAskedAt = {}; // ask again next time
                                     answered();
                                 });
    }
}

AlertsSnapshot AlertsService::merge(const QList<Source *> &sources)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Source *p = m_prometheus.get();
    const QList<Alert> promAlerts
        = p->state.ok ? withExternalLabels(p->alerts, p->externalLabels) : QList<Alert>();
    QSet<QString> firingNow;
    for (const Alert &a : promAlerts) {
        if (a.state == Alert::State::Firing)
            firingNow.insert(a.fingerprint);
    }
    // An Alertmanager has caught up once it has every alert Prometheus fires, or once it has been
    // up long enough for Prometheus to have sent them again.
    const auto settled = [&](const Source *s) {
        if (!s->startedAt.isValid() || s->startedAt.secsTo(now) >= restartGrace.count())
            return true;
        if (!p->state.ok)
            return false;
        QSet<QString> listed;
        for (const Alert &a : s->alerts)
            listed.insert(a.fingerprint);
        return listed.contains(firingNow);
    };

    AlertsSnapshot snapshot;
    QList<QList<Alert>> amAlerts;
    QList<QList<Silence>> amSilences;
    QList<QList<AlertGroupInfo>> amGroups;
    bool amAuthoritative = false;
    snapshot.complete = true;
    for (Source *s : sources) {
        s->state.polled = true;
        snapshot.sources << s->state;
        snapshot.anyAnswered = snapshot.anyAnswered || s->state.ok;
        snapshot.complete = snapshot.complete && s->state.ok;
        if (s->state.ok) {
            amAlerts << s->alerts;
            amAuthoritative = amAuthoritative || settled(s);
        } else if (s->everAnswered && s->state.lastSuccess.isValid()
                   && s->state.lastSuccess.secsTo(now) < std::chrono::seconds(staleLimit).count()) {
            QList<Alert> last = s->alerts;
            for (Alert &a : last)
                a.stale = true;
            amAlerts << last;
        }
        amSilences << s->silences;
        amGroups << s->groups;
    }
    p->state.polled = true;
    snapshot.sources << p->state;
    const bool promIsSource = sources.isEmpty();
    if (promIsSource) {
        snapshot.anyAnswered = p->state.ok;
        snapshot.complete = p->state.ok;
    }
    snapshot.authoritative = promIsSource ? p->state.ok : amAuthoritative;
    const bool promFiring = promIsSource || (!amAuthoritative && p->state.ok);
    snapshot.prometheusFallback = !promIsSource && promFiring;
    snapshot.anyAnswered = snapshot.anyAnswered || snapshot.prometheusFallback;
    snapshot.rules = p->rules;
    snapshot.alerts = mergeAlerts(amAlerts, promAlerts, promFiring, p->rules);
    snapshot.silences = mergeSilences(amSilences);
    snapshot.groups = mergeGroups(amGroups);

    if (p->state.ok)
        dropContradicted(&snapshot.alerts, promAlerts, p->rules);
    if (snapshot.prometheusFallback) {
        // Alertmanager's word on what is silenced or inhibited stands until it speaks again.
        for (Alert &a : snapshot.alerts) {
            const auto it = m_suppression.constFind(a.fingerprint);
            if (it == m_suppression.cend() || a.isSuppressed())
                continue;
            a.silencedBy = it->first;
            a.inhibitedBy = it->second;
            a.silenced = !a.silencedBy.isEmpty();
            a.inhibited = !a.inhibitedBy.isEmpty();
        }
    } else if (amAuthoritative) {
        m_suppression.clear();
        for (const Alert &a : std::as_const(snapshot.alerts)) {
            if (a.isSuppressed())
                m_suppression.insert(a.fingerprint, {a.silencedBy, a.inhibitedBy});
        }
    }
    return snapshot;
}

void AlertsService::dropContradicted(QList<Alert> *alerts, const QList<Alert> &prometheus,
                                     const QList<Rule> &rules)
{
    // A stale alert whose rule this Prometheus evaluates, and which it no longer lists, has
    // resolved. Alerts of rules it does not know come from another Prometheus: kept (bounded).
    QSet<QString> ruleNames;
    for (const Rule &r : rules) {
        if (r.alerting)
            ruleNames.insert(r.name);
    }
    QSet<QString> listed;
    for (const Alert &a : prometheus)
        listed.insert(a.fingerprint);
    alerts->removeIf([&](const Alert &a) {
        return a.stale && ruleNames.contains(a.name()) && !listed.contains(a.fingerprint);
    });
}

QList<Alert> AlertsService::withExternalLabels(QList<Alert> alerts, const LabelSet &external)
{
    if (external.isEmpty())
        return alerts;
    for (Alert &a : alerts) {
        bool added = false;
        for (auto it = external.cbegin(); it != external.cend(); ++it) {
            if (!a.labels.contains(it.key())) { // the alert's own label wins, as in Prometheus
                a.labels.insert(it.key(), it.value());
                added = true;
            }
        }
        if (added)
            a.fingerprint = labelsFingerprint(a.labels);
    }
    return alerts;
}

void AlertsService::apply(const AlertsSnapshot &snapshot)
{
    m_snapshot = snapshot;
    ++m_applied;
    if (m_alerts->rowCount() == 0 && snapshot.alerts.size() > firstLoadChunk)
        fillInChunks(firstLoadChunk);
    else
        m_alerts->setAlerts(snapshot.alerts);
    m_silences->setSilences(snapshot.silences);
    m_rules->setRules(snapshot.rules);
    Q_EMIT updated(m_snapshot);
}

void AlertsService::fillInChunks(int shown)
{
    const int count = std::min(shown, int(m_snapshot.alerts.size()));
    m_alerts->setAlerts(m_snapshot.alerts.first(count));
    if (count >= m_snapshot.alerts.size())
        return;
    QTimer::singleShot(0, this, [this, applied = m_applied, count] {
        if (applied == m_applied) // else a newer poll merged its whole list
            fillInChunks(count + firstLoadChunk);
    });
}

QList<Alert> AlertsService::mergeAlerts(const QList<QList<Alert>> &alertmanagers,
                                        const QList<Alert> &prometheus, bool prometheusFiring,
                                        const QList<Rule> &rules)
{
    QList<Alert> merged;
    QHash<QString, qsizetype> byKey;
    qsizetype total = prometheus.size();
    for (const QList<Alert> &list : alertmanagers)
        total += list.size();
    merged.reserve(total);
    byKey.reserve(total);

    const auto unite = [](QStringList &into, const QStringList &more) {
        for (const QString &s : more) {
            if (!into.contains(s))
                into << s;
        }
    };
    for (const QList<Alert> &list : alertmanagers) {
        for (const Alert &a : list) {
            const auto found = byKey.constFind(a.key());
            if (found == byKey.cend()) {
                byKey.insert(a.key(), merged.size());
                merged.append(a);
                continue;
            }
            Alert &m = merged[*found];
            unite(m.sources, a.sources);
            unite(m.silencedBy, a.silencedBy);
            unite(m.inhibitedBy, a.inhibitedBy);
            unite(m.receivers, a.receivers);
            m.silenced = m.silenced || a.silenced;
            m.inhibited = m.inhibited || a.inhibited;
            m.stale = m.stale && a.stale; // one member that answers makes it current
            if (a.updatedAt > m.updatedAt)
                m.updatedAt = a.updatedAt;
            if (!a.startsAt.isNull() && (m.startsAt.isNull() || a.startsAt < m.startsAt))
                m.startsAt = a.startsAt;
        }
    }
    // Prometheus' alerts carry no cluster: one matches every cluster's alert of its fingerprint.
    QMultiHash<QString, qsizetype> byFingerprint;
    byFingerprint.reserve(merged.size());
    for (qsizetype i = 0; i < merged.size(); ++i)
        byFingerprint.insert(merged.at(i).fingerprint, i);
    for (const Alert &a : prometheus) {
        const auto [first, last] = byFingerprint.equal_range(a.fingerprint);
        if (first != last) {
            for (auto it = first; it != last; ++it) {
                Alert &m = merged[*it];
                m.value = a.value;
                unite(m.sources, a.sources);
                if (a.state == Alert::State::Firing)
                    m.stale = false; // Prometheus fires it now
            }
            continue;
        }
        if (a.state == Alert::State::Firing && !prometheusFiring)
            continue; // Alertmanager has not listed it yet, or it is being resolved there
        byFingerprint.insert(a.fingerprint, merged.size());
        merged.append(a);
    }
    if (!rules.isEmpty()) {
        QHash<QString, QString> queryByName;
        // The unit of a rule's value; rules of one name that disagree give none.
        QHash<QString, std::optional<QString>> unitByName;
        for (const Rule &r : rules) {
            if (!r.alerting)
                continue;
            if (!queryByName.contains(r.name))
                queryByName.insert(r.name, r.query);
            const QString unit = valueUnitOf(r.annotations);
            const auto known = unitByName.constFind(r.name);
            if (known == unitByName.cend())
                unitByName.insert(r.name, unit);
            else if (*known && **known != unit)
                unitByName[r.name] = std::nullopt;
        }
        for (Alert &a : merged) {
            if (a.generatorUrl.isEmpty() && a.query.isEmpty())
                a.query = queryByName.value(a.name());
            a.valueUnit = unitByName.value(a.name()).value_or(QString());
        }
    }
    return merged;
}

QList<Silence> AlertsService::mergeSilences(const QList<QList<Silence>> &alertmanagers)
{
    QList<Silence> merged;
    QHash<QString, qsizetype> byId;
    for (const QList<Silence> &list : alertmanagers) {
        for (const Silence &s : list) {
            const auto found = byId.constFind(s.id);
            if (found == byId.cend()) {
                byId.insert(s.id, merged.size());
                merged.append(s);
                continue;
            }
            Silence &m = merged[*found];
            for (const QString &src : s.sources) {
                if (!m.sources.contains(src))
                    m.sources << src;
            }
            if (s.updatedAt > m.updatedAt) { // the newer state wins (expired on one peer)
                const QStringList sources = m.sources;
                m = s;
                m.sources = sources;
            }
        }
    }
    return merged;
}

QList<AlertGroupInfo> AlertsService::groupInfos(const QList<AlertGroup> &groups,
                                                const QString &cluster)
{
    QList<AlertGroupInfo> out;
    out.reserve(groups.size());
    for (const AlertGroup &g : groups) {
        AlertGroupInfo info;
        info.receiver = g.receiver;
        info.labels = g.labels;
        info.cluster = cluster;
        info.alertKeys.reserve(g.fingerprints.size());
        for (const QString &fingerprint : g.fingerprints)
            info.alertKeys << (cluster.isEmpty() ? fingerprint : fingerprint + u'@' + cluster);
        out << info;
    }
    return out;
}

QList<AlertGroupInfo> AlertsService::mergeGroups(const QList<QList<AlertGroupInfo>> &alertmanagers)
{
    QList<AlertGroupInfo> merged;
    QHash<QString, qsizetype> byKey;
    QList<QSet<QString>> members;
    for (const QList<AlertGroupInfo> &list : alertmanagers) {
        for (const AlertGroupInfo &g : list) {
            const QString key = g.key();
            auto found = byKey.constFind(key);
            if (found == byKey.cend()) {
                found = byKey.insert(key, merged.size());
                AlertGroupInfo empty = g;
                empty.alertKeys.clear();
                merged << empty;
                members << QSet<QString>();
            }
            for (const QString &alert : g.alertKeys) {
                if (!members[*found].contains(alert)) {
                    members[*found].insert(alert);
                    merged[*found].alertKeys << alert;
                }
            }
        }
    }
    return merged;
}

void AlertsService::forEachCluster(const std::optional<QString> &only,
                                   std::function<void(const QList<int> &clusters)> done)
{
    // Asks every Alertmanager (of the `only` cluster name, when given) for its cluster peers and
    // returns one index per cluster (the first member); Alertmanagers that do not answer count
    // as clusters of their own.
    struct Round
    {
        int pending = 0;
        QList<AlertmanagerStatus> statuses;
        QList<bool> ok;
    };
    auto round = std::make_shared<Round>();
    QList<int> candidates;
    for (int i = 0; i < int(m_alertmanagers.size()); ++i) {
        if (!only || m_alertmanagers[size_t(i)]->cluster == *only)
            candidates << i;
    }
    const int count = int(candidates.size());
    if (count == 0) {
        done({});
        return;
    }
    round->pending = count;
    round->statuses.resize(count);
    round->ok.resize(count);
    for (int i = 0; i < count; ++i) {
        AlertmanagerClient client(m_alertmanagers[size_t(candidates.at(i))]->http.get());
        client.fetchStatus(this, [round, i, done, candidates](const AlertmanagerStatus &status,
                                                              const HttpError &error) {
            round->statuses[i] = status;
            round->ok[i] = !error.isError();
            if (--round->pending > 0)
                return;
            QList<int> firsts;
            for (int a = 0; a < round->statuses.size(); ++a) {
                bool joined = false;
                for (const int b : std::as_const(firsts)) {
                    const AlertmanagerStatus &sa = round->statuses.at(a);
                    const AlertmanagerStatus &sb = round->statuses.at(b);
                    if (round->ok.at(a) && round->ok.at(b) && !sa.peerName.isEmpty()
                        && (sb.peerNames.contains(sa.peerName)
                            || sa.peerNames.contains(sb.peerName))) {
                        joined = true;
                        break;
                    }
                }
                if (!joined)
                    firsts << a;
            }
            for (int &first : firsts)
                first = candidates.at(first);
            done(firsts);
        });
    }
}

void AlertsService::createSilence(const Silence &silence, SilenceDone done)
{
    if (m_alertmanagers.empty()) {
        done({}, {tr("no Alertmanager is configured: silences live in Alertmanager")});
        return;
    }
    QPointer<AlertsService> self(this);
    forEachCluster(silence.targetCluster, [self, silence, done](const QList<int> &clusters) {
        if (!self)
            return;
        if (clusters.isEmpty()) { // the alert's cluster is no longer configured
            done({}, {tr("no configured Alertmanager belongs to the cluster \"%1\"")
                          .arg(silence.targetCluster.value_or(QString()))});
            return;
        }
        struct Round
        {
            int pending = 0;
            QStringList ids;
            QStringList errors;
        };
        auto round = std::make_shared<Round>();
        round->pending = int(clusters.size());
        for (const int index : clusters) {
            AlertmanagerClient client(self->m_alertmanagers[size_t(index)]->http.get());
            const QString name = client.name();
            client.createSilence(silence, self,
                                 [round, done, name](const QString &id, const HttpError &error) {
                                     if (error.isError())
                                         round->errors << name + u": "_s + error.message;
                                     else
                                         round->ids << id;
                                     if (--round->pending == 0)
                                         done(round->ids, round->errors);
                                 });
        }
        self->refreshNow();
    });
}

void AlertsService::updateSilence(const Silence &silence, SilenceDone done)
{
    if (silence.id.isEmpty()) {
        createSilence(silence, std::move(done));
        return;
    }
    for (const auto &source : m_alertmanagers) {
        AlertmanagerClient client(source->http.get());
        const QString name = client.name();
        if (!silence.sources.isEmpty() && !silence.sources.contains(name))
            continue;
        client.createSilence(
            silence, this, [this, done, name, silence](const QString &id, const HttpError &error) {
                if (error.isError()) {
                    done({}, {name + u": "_s + error.message});
                } else {
                    done({id}, {});
                    if (id != silence.id) { // Alertmanager expired it and made a new one
                        Silence now = silence;
                        now.id = id;
                        Q_EMIT silenceReplaced(silence.id, now);
                    }
                }
                refreshNow(); // the page shows the change at once
            });
        return;
    }
    done({}, {tr("no configured Alertmanager holds the silence %1").arg(silence.id)});
}

void AlertsService::silenceAlert(const Alert &alert, std::chrono::seconds duration,
                                 const QString &author, const QString &comment, SilenceDone done)
{
    Silence s;
    s.matchers = Silence::exactMatchers(alert.labels);
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(duration.count());
    s.createdBy = author.isEmpty() ? loginName() : author;
    s.comment = comment;
    s.targetCluster = Silence::targetClusterOf(alert);
    createSilence(s, std::move(done));
}

void AlertsService::expireSilence(const QString &id, ExpireDone done)
{
    if (m_alertmanagers.empty()) {
        done({tr("no Alertmanager is configured")});
        return;
    }
    QPointer<AlertsService> self(this);
    forEachCluster(std::nullopt, [self, id, done](const QList<int> &clusters) {
        if (!self)
            return;
        struct Round
        {
            int pending = 0;
            int expired = 0;
            QStringList errors;
        };
        auto round = std::make_shared<Round>();
        round->pending = int(clusters.size());
        for (const int index : clusters) {
            AlertmanagerClient client(self->m_alertmanagers[size_t(index)]->http.get());
            const QString name = client.name();
            client.expireSilence(id, self, [round, done, name, id](const HttpError &error) {
                if (!error.isError())
                    ++round->expired;
                else if (!AlertmanagerClient::isNotFound(error))
                    round->errors << name + u": "_s + error.message;
                if (--round->pending > 0)
                    return;
                if (round->expired == 0 && round->errors.isEmpty())
                    round->errors << tr("no Alertmanager knows the silence %1").arg(id);
                done(round->errors);
            });
        }
        self->refreshNow();
    });
}

QString AlertsService::loginName()
{
    QString name = qEnvironmentVariable("USER");
#ifdef Q_OS_UNIX
    if (name.isEmpty()) {
        if (const passwd *pw = getpwuid(getuid()))
            name = QString::fromLocal8Bit(pw->pw_name);
    }
#endif
    return name.isEmpty() ? u"stackscope"_s : name;
}

void fetchFiringAlerts(const Config &config, QNetworkAccessManager *network, QObject *context,
                       std::function<void(const FiringAlertsResult &)> done)
{
    auto *service = new AlertsService(network);
    service->applyConfig(config);
    QPointer<QObject> guard(context);
    service->fetchOnce([service, guard, done](const AlertsSnapshot &snapshot) {
        FiringAlertsResult result;
        for (const Alert &a : snapshot.alerts) {
            if (a.state == Alert::State::Firing)
                result.firing << a;
        }
        std::stable_sort(result.firing.begin(), result.firing.end(),
                         [](const Alert &a, const Alert &b) {
                             const int ra = severityRank(a.severity());
                             const int rb = severityRank(b.severity());
                             return ra != rb ? ra > rb : a.name() < b.name();
                         });
        for (const AlertSourceState &s : snapshot.sources) {
            if (!s.ok)
                result.errors << s.name + u": "_s + s.message;
        }
        service->deleteLater();
        if (guard)
            done(result);
    });
}

} // namespace Stackscope
