// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compose/cadvisorhistory.h"
#include "app/http/httpclient.h"
#include "app/prometheus/prometheusclient.h"
#include "models/common/format.h"
#include "models/common/querystring.h"

#include <QDateTime>
#include <QNetworkAccessManager>

#include <memory>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

const QString kProjectLabel = u"container_label_com_docker_compose_project"_s;
const QString kServiceLabel = u"container_label_com_docker_compose_service"_s;

QHash<QString, SampleHistory> byService(const QueryResult &result, qint64 rangeMsecs,
                                        qint64 stepMsecs)
{
    QHash<QString, SampleHistory> out;
    // One slot per step, so that no point of the range is merged away.
    const int slots
        = int(std::clamp<qint64>(rangeMsecs / std::max<qint64>(1, stepMsecs) + 2, 2, 100000));
    for (const Series &series : result.series) {
        const QString service = series.labels.value(kServiceLabel);
        if (service.isEmpty() || series.times.isEmpty())
            continue;
        SampleHistory history(std::chrono::milliseconds(rangeMsecs + stepMsecs), slots);
        qint64 last = 0;
        for (qsizetype i = 0; i < series.size(); ++i) {
            const qint64 t = series.times.at(i);
            // Prometheus leaves out the steps without data: a hole wider than two steps is a
            // gap (the service was not running, or not scraped).
            if (last > 0 && t - last > 2 * stepMsecs)
                history.appendGap(last + 1);
            history.append(t, series.values.at(i));
            last = t;
        }
        out.insert(service, history);
    }
    return out;
}

} // namespace

CadvisorHistory::CadvisorHistory(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    // Without the application's manager (a feature made bare in a test), one of its own.
    , m_http(new HttpClient(u"prometheus"_s, network ? network : new QNetworkAccessManager(this),
                            this))
    , m_client(new PrometheusClient(m_http, this))
{}

CadvisorHistory::~CadvisorHistory() = default;

void CadvisorHistory::setSource(const EndpointConfig &prometheus, const QString &project,
                                bool runsCadvisor)
{
    m_http->setEndpoint(prometheus);
    m_hasAddress
        = prometheus.url.isValid()
          && (prometheus.url.scheme() == "http"_L1 || prometheus.url.scheme() == "https"_L1);
    m_project = project;
    m_runsCadvisor = runsCadvisor;
    ++m_generation;
}

void CadvisorHistory::setRange(std::chrono::seconds range, std::chrono::seconds step)
{
    m_range = std::max(range, std::chrono::seconds(2));
    m_step = std::clamp(step, std::chrono::seconds(1), m_range);
    ++m_generation;
}

bool CadvisorHistory::isActive() const
{
    return m_runsCadvisor && m_hasAddress && !m_project.isEmpty();
}

bool CadvisorHistory::runsCadvisor(const QList<ComposeService> &services)
{
    for (const ComposeService &s : services) {
        if (s.image.isEmpty()) {
            if (s.name.compare("cadvisor"_L1, Qt::CaseInsensitive) == 0)
                return true;
            continue;
        }
        // The repository's last part, registry, tag and digest aside: gcr.io/cadvisor/cadvisor,
        // google/cadvisor, ghcr.io/.../cadvisor, zcube/cadvisor.
        const QString name = s.image.section(u'@', 0, 0);
        const QString last = name.section(u'/', -1);
        if (last.section(u':', 0, 0).compare("cadvisor"_L1, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString CadvisorHistory::cpuQuery(const QString &project, const QString &rateWindow)
{
    // Percent of one core, as the Stack page shows Docker's own figure.
    return u"sum by (%1) (rate(container_cpu_usage_seconds_total{%2=%3, %1!=\"\"}[%4])) * 100"_s
        .arg(kServiceLabel, kProjectLabel, queryStringLiteral(project), rateWindow);
}

QString CadvisorHistory::memoryQuery(const QString &project)
{
    const QString selector
        = u"{%1=%2, %3!=\"\"}"_s.arg(kProjectLabel, queryStringLiteral(project), kServiceLabel);
    return u"sum by (%1) (container_memory_working_set_bytes%2) or sum by (%1) "
           "(container_memory_usage_bytes%2)"_s.arg(kServiceLabel, selector);
}

ResourceHistories CadvisorHistory::fromResults(const QueryResult &cpu, const QueryResult &memory,
                                               qint64 fromMsecs, qint64 toMsecs, qint64 stepMsecs,
                                               const QString &source)
{
    ResourceHistories h;
    h.fromMsecs = fromMsecs;
    h.toMsecs = toMsecs;
    h.source = source;
    h.cpu = byService(cpu, toMsecs - fromMsecs, stepMsecs);
    h.memory = byService(memory, toMsecs - fromMsecs, stepMsecs);
    return h;
}

void CadvisorHistory::refresh()
{
    const quint64 generation = ++m_generation;
    if (!isActive()) {
        Q_EMIT historyChanged({});
        return;
    }
    const QDateTime end = QDateTime::currentDateTimeUtc();
    const QDateTime start = end.addSecs(-m_range.count());
    const double step = double(m_step.count());
    // rate() needs two scrapes in its window: four steps (a window much wider than the step
    // would smear a short history thin, as rate() divides by the window).
    const QString window = Format::durationLiteral(
        std::chrono::milliseconds(std::max<qint64>(4 * m_step.count(), 4) * 1000));
    const QString source = tr("Prometheus (cAdvisor), last %1")
                               .arg(Format::duration(std::chrono::milliseconds(m_range)));

    struct Pending
    {
        QueryResult cpu;
        QueryResult memory;
        int answers = 0;
        QString error;
    };
    auto pending = std::make_shared<Pending>();
    const qint64 from = start.toMSecsSinceEpoch();
    const qint64 to = end.toMSecsSinceEpoch();
    const qint64 stepMsecs = m_step.count() * 1000;
    auto finish = [this, pending, generation, from, to, stepMsecs, source] {
        if (++pending->answers < 2 || generation != m_generation)
            return;
        if (!pending->error.isEmpty()) {
            Q_EMIT failed(pending->error);
            Q_EMIT historyChanged({});
            return;
        }
        Q_EMIT historyChanged(
            fromResults(pending->cpu, pending->memory, from, to, stepMsecs, source));
    };
    m_client->queryRange(cpuQuery(m_project, window), start, end, step, this,
                         [pending, finish](const QueryReply &reply) {
                             if (reply.ok())
                                 pending->cpu = reply.result;
                             else
                                 pending->error = reply.error.message;
                             finish();
                         });
    m_client->queryRange(memoryQuery(m_project), start, end, step, this,
                         [pending, finish](const QueryReply &reply) {
                             if (reply.ok())
                                 pending->memory = reply.result;
                             else
                                 pending->error = reply.error.message;
                             finish();
                         });
}

} // namespace Stackscope
