// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/backends/backendmonitor.h"

#include "app/http/poller.h"
#include "models/backendstatusmodel.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Stackscope {

struct BackendMonitor::Entry
{
    QString id;
    QString signature; ///< the settings it was built from; equal = keep as is
    std::unique_ptr<HttpClient> client;
    std::unique_ptr<BackendProbe> probe;
    std::unique_ptr<Poller> poller;
    QString origin; ///< endpointOriginText() of its endpoint, shown in the status bar
    /// EndpointConfig::notInStack: a failed check reads "not in this stack", not "down".
    bool notInStack = false;
    QString configKey; ///< "prometheus", "alertmanagers", "jaeger": where the user would set it
};

namespace {

QString signatureOf(const EndpointConfig &e, const Config &c, const QString &extra = {})
{
    // The origin is in it so that the status bar hears where a changed endpoint came from.
    return u"%1|%2|%3|%4|%5|%6|%7|%8|%9"_s.arg(e.url.toString() + u'|' + endpointOriginText(e))
        .arg(int(e.auth.type))
        .arg(e.auth.username, e.auth.secretEnv, e.caFile)
        .arg(e.insecureSkipVerify)
        .arg(e.timeout.count())
        .arg(c.refresh.status.count())
        .arg(QString::number(c.http.maxBodyBytes) + extra);
}

} // namespace

BackendMonitor::BackendMonitor(QNetworkAccessManager *network, BackendStatusModel *model,
                               QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_model(model)
{}

BackendMonitor::~BackendMonitor() = default;

void BackendMonitor::setConfig(const Config &config)
{
    struct Wanted
    {
        QString id;
        QString displayName;
        QString signature;
        std::function<std::unique_ptr<Entry>()> make;
        QString disabledWhy;
        QString origin;
    };
    std::vector<Wanted> wanted;

    const DockerEndpoint docker = resolveDockerEndpoint(config.stack.dockerHost);
    wanted.push_back(
        {u"docker"_s,
         u"Docker"_s,
         u"%1|%2|%3"_s.arg(docker.host, docker.source).arg(config.refresh.status.count()),
         [this, docker, config] {
             auto e = std::make_unique<Entry>();
             e->probe = std::make_unique<DockerProbe>(docker, m_network,
                                                      std::chrono::milliseconds(5000));
             return e;
         },
         {},
         {}});

    auto httpEntry
        = [this, &config](const QString &backend, const EndpointConfig &endpoint, auto makeProbe) {
              return [this, backend, endpoint, config, makeProbe] {
                  auto e = std::make_unique<Entry>();
                  e->client = std::make_unique<HttpClient>(backend, m_network);
                  e->client->setEndpoint(endpoint);
                  e->client->setMaxBodyBytes(config.http.maxBodyBytes);
                  connect(e->client.get(), &HttpClient::requestFinished, this,
                          &BackendMonitor::requestFinished);
                  e->probe.reset(makeProbe(e->client.get()));
                  e->notInStack = endpoint.notInStack;
                  e->configKey = backend == u"alertmanager"_s ? u"alertmanagers"_s : backend;
                  return e;
              };
          };

    const auto notConfigured = tr("not configured");
    wanted.push_back({u"prometheus"_s, u"Prometheus"_s, signatureOf(config.prometheus, config),
                      httpEntry(u"prometheus"_s, config.prometheus,
                                [](HttpClient *c) { return makePrometheusProbe(c, nullptr); }),
                      config.prometheus.url.isEmpty() ? notConfigured : QString(),
                      endpointOriginText(config.prometheus)});
    for (int i = 0; i < config.alertmanagers.size(); ++i) {
        const QString id = u"alertmanager-%1"_s.arg(i);
        const QString name = config.alertmanagers.size() == 1 ? u"Alertmanager"_s
                                                              : u"Alertmanager %1"_s.arg(i + 1);
        wanted.push_back({id,
                          name,
                          signatureOf(config.alertmanagers.at(i), config),
                          httpEntry(u"alertmanager"_s, config.alertmanagers.at(i),
                                    [id, name](HttpClient *c) {
                                        return makeAlertmanagerProbe(id, name, c, nullptr);
                                    }),
                          {},
                          endpointOriginText(config.alertmanagers.at(i))});
    }
    if (config.alertmanagers.isEmpty())
        wanted.push_back({u"alertmanager-0"_s, u"Alertmanager"_s, {}, {}, notConfigured, {}});
    wanted.push_back({u"jaeger"_s, u"Jaeger"_s, signatureOf(config.jaeger, config),
                      httpEntry(u"jaeger"_s, config.jaeger,
                                [](HttpClient *c) { return makeJaegerProbe(c, nullptr); }),
                      config.jaeger.url.isEmpty() ? notConfigured : QString(),
                      endpointOriginText(config.jaeger)});
    wanted.push_back(
        {u"loki"_s, u"Loki"_s, signatureOf(config.loki, config),
         httpEntry(u"loki"_s, config.loki, [](HttpClient *c) { return new LokiProbe(c, nullptr); }),
         config.loki.url.isEmpty() ? notConfigured : QString(), endpointOriginText(config.loki)});

    // Keep the entries whose settings did not change, build the rest.
    std::vector<std::unique_ptr<Entry>> old;
    old.swap(m_entries);
    QStringList ids;
    for (Wanted &w : wanted) {
        ids.append(w.id);
        if (!w.disabledWhy.isEmpty()) {
            reportDisabled(w.id, w.displayName, w.disabledWhy);
            continue;
        }
        auto found = std::find_if(old.begin(), old.end(), [&w](const auto &e) {
            return e && e->id == w.id && e->signature == w.signature;
        });
        if (found != old.end()) {
            m_entries.push_back(std::move(*found));
            continue;
        }
        auto entry = w.make();
        entry->id = w.id;
        entry->origin = w.origin;
        entry->signature = w.signature;
        auto *poller = new Poller;
        entry->poller.reset(poller);
        poller->setInterval(config.refresh.status);
        poller->setMaxBackoff(std::max<std::chrono::milliseconds>(config.refresh.status * 6,
                                                                  std::chrono::seconds(30)));
        addEntry(std::move(entry));
    }
    old.clear(); // stops and deletes the pollers and probes of removed or changed backends
    m_model->retain(QSet<QString>(ids.cbegin(), ids.cend()));
}

void BackendMonitor::reportDisabled(const QString &id, const QString &displayName,
                                    const QString &why)
{
    BackendStatus s;
    s.id = id;
    s.displayName = displayName;
    s.state = BackendStatus::State::Disabled;
    s.reason = why;
    s.since = QDateTime::currentDateTime();
    m_model->update(s);
}

void BackendMonitor::addEntry(std::unique_ptr<Entry> entry)
{
    BackendProbe *probe = entry->probe.get();
    Poller *poller = entry->poller.get();
    const auto watch = probe->watchAddress();
    poller->setWatchAddress(watch.first, watch.second);

    BackendStatus initial;
    initial.id = probe->id();
    initial.displayName = probe->displayName();
    initial.endpoint = probe->endpointText();
    initial.origin = entry->origin;
    initial.state = BackendStatus::State::Unknown;
    initial.since = QDateTime::currentDateTime();
    m_model->update(initial);

    poller->setTask([this, probe, origin = entry->origin, notInStack = entry->notInStack,
                     key = entry->configKey](Poller::Report report) {
        probe->check([this, probe, origin, notInStack, key, report](const ProbeResult &result) {
            BackendStatus s;
            s.id = probe->id();
            s.displayName = probe->displayName();
            s.endpoint = probe->endpointText();
            s.origin = origin;
            s.state = result.up ? BackendStatus::State::Up : BackendStatus::State::Down;
            s.reason = result.reason;
            s.hint = result.hint;
            if (!result.up && notInStack) {
                // The stack runs none, and none answers at the default address: nothing is wrong.
                s.state = BackendStatus::State::Disabled;
                s.reason = tr("not in this stack (nothing answers at %1)").arg(s.endpoint);
                s.hint
                    = tr("If it runs elsewhere, set endpoints.%1 in the configuration.").arg(key);
            }
            s.version = result.version;
            s.since = QDateTime::currentDateTime();
            s.lastCheck = s.since;
            s.latencyMs = result.latencyMs;
            m_model->update(s);
            Q_EMIT pollCycleFinished(probe->id(), result.up);
            report({result.up, result.serverAbsent});
        });
    });
    if (m_started)
        poller->start();
    m_entries.push_back(std::move(entry));
}

void BackendMonitor::start()
{
    m_started = true;
    for (const auto &e : m_entries)
        e->poller->start();
}

void BackendMonitor::stop()
{
    m_started = false;
    for (const auto &e : m_entries)
        e->poller->stop();
}

void BackendMonitor::checkNow()
{
    for (const auto &e : m_entries)
        e->poller->pollNow();
}

QStringList BackendMonitor::backendIds() const
{
    QStringList ids;
    for (const auto &e : m_entries)
        ids.append(e->id);
    return ids;
}

Poller *BackendMonitor::poller(const QString &id) const
{
    for (const auto &e : m_entries) {
        if (e->id == id)
            return e->poller.get();
    }
    return nullptr;
}

} // namespace Stackscope
