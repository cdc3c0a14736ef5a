// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"
#include "models/metrics/series.h"
#include "models/stack/composeservice.h"
#include "models/stack/resourcehistory.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QNetworkAccessManager;

namespace Stackscope {

class HttpClient;
class PrometheusClient;

/// The stack's services' CPU and memory history from cAdvisor's series in Prometheus, when the
/// stack runs cAdvisor and a Prometheus endpoint is known (configured or found in the stack).
/// Two range queries over the last range() (6 h by default), selected by the compose labels
/// cAdvisor copies from Docker (container_label_com_docker_compose_project / _service), summed
/// per service: CPU as the rate of container_cpu_usage_seconds_total in percent of one core,
/// memory as container_memory_working_set_bytes (container_memory_usage_bytes where the
/// working set is missing). PrometheusClient parses large answers off the GUI thread; the
/// result arrives as one ResourceHistories (empty when Prometheus has nothing for the stack,
/// so that the page falls back to Stackscope's own samples).
class CadvisorHistory : public QObject
{
    Q_OBJECT
public:
    explicit CadvisorHistory(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~CadvisorHistory() override;

    /// Where to ask and for which project. Without cAdvisor in the stack, or without a
    /// Prometheus address, refresh() asks nothing and reports an empty history.
    void setSource(const EndpointConfig &prometheus, const QString &project, bool runsCadvisor);
    /// How far back, and the step between points (default 6 h, 1 min).
    void setRange(std::chrono::seconds range, std::chrono::seconds step);
    std::chrono::seconds range() const { return m_range; }
    bool isActive() const;

    /// Asks Prometheus now; historyChanged() follows (a newer refresh() supersedes).
    void refresh();

    /// A cAdvisor service among `services`: its image (gcr.io/cadvisor/cadvisor,
    /// google/cadvisor, re-packagings named cadvisor) or, without an image, its name.
    static bool runsCadvisor(const QList<ComposeService> &services);
    /// The PromQL of the two queries for `project`, `rateWindow` as PromQL writes it ("2m").
    static QString cpuQuery(const QString &project, const QString &rateWindow);
    static QString memoryQuery(const QString &project);
    /// The per-service histories in the two range results (series without a service label are
    /// left out; a hole of more than two steps is a gap), with `source` in words.
    static ResourceHistories fromResults(const QueryResult &cpu, const QueryResult &memory,
                                         qint64 fromMsecs, qint64 toMsecs, qint64 stepMsecs,
                                         const QString &source);

Q_SIGNALS:
    void historyChanged(const Stackscope::ResourceHistories &history);
    /// Prometheus could not be asked or refused: why, in words (the history is then empty).
    void failed(const QString &message);

private:
    HttpClient *m_http;
    PrometheusClient *m_client;
    QString m_project;
    bool m_runsCadvisor = false;
    bool m_hasAddress = false;
    std::chrono::seconds m_range{6 * 3600};
    std::chrono::seconds m_step{60};
    quint64 m_generation = 0; ///< a newer refresh() drops the answers of an older one
};

} // namespace Stackscope
