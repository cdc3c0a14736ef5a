// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/selfmetrics/selfmetrics.h"

#include <prometheus/counter.h>
#include <prometheus/exposer.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include <QLoggingCategory>

#include <sstream>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSelfMetrics, "stackscope.selfmetrics", QtInfoMsg)

namespace Stackscope {

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

const prometheus::Histogram::BucketBoundaries &latencyBuckets()
{
    static const prometheus::Histogram::BucketBoundaries buckets{
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    return buckets;
}

} // namespace

SelfMetrics::SelfMetrics(QObject *parent)
    : QObject(parent)
    , m_registry(std::make_shared<prometheus::Registry>())
{
    m_requests = &prometheus::BuildCounter()
                      .Name("stackscope_http_requests_total")
                      .Help("Requests Stackscope sent to its backends, by backend, endpoint and "
                            "HTTP status (0 = no answer)")
                      .Register(*m_registry);
    m_duration = &prometheus::BuildHistogram()
                      .Name("stackscope_http_request_duration_seconds")
                      .Help("Time from sending a request to its complete answer or failure")
                      .Register(*m_registry);
    m_errors = &prometheus::BuildCounter()
                    .Name("stackscope_http_errors_total")
                    .Help("Failed requests by backend and error class (refused, timeout, tls, "
                          "http_status, unexpected_body, truncated, too_large, ...)")
                    .Register(*m_registry);
    m_polls = &prometheus::BuildCounter()
                   .Name("stackscope_poll_cycles_total")
                   .Help("Completed poll cycles by backend and outcome")
                   .Register(*m_registry);
    m_up = &prometheus::BuildGauge()
                .Name("stackscope_backend_up")
                .Help("1 when the backend answered its last check as the API it should be, else 0")
                .Register(*m_registry);
    prometheus::BuildGauge()
        .Name("stackscope_build_info")
        .Help("Always 1; labels carry the version")
        .Register(*m_registry)
        .Add({{"version", STACKSCOPE_VERSION}, {"qt", qVersion()}})
        .Set(1);
}

SelfMetrics::~SelfMetrics() = default;

bool SelfMetrics::listen(const QString &hostPort)
{
    if (m_exposer && m_address == hostPort)
        return true;
    stopListening();
    m_error.clear();
    if (hostPort.isEmpty())
        return true;
    try {
        m_exposer = std::make_unique<prometheus::Exposer>(str(hostPort), 2);
        m_exposer->RegisterCollectable(m_registry);
        m_address = hostPort;
        qCInfo(lcSelfMetrics) << "serving /metrics on" << hostPort;
        return true;
    } catch (const std::exception &e) {
        m_exposer.reset();
        m_error = tr("cannot serve self-metrics on %1: the address is in use or not local (%2)")
                      .arg(hostPort, QString::fromStdString(e.what()));
        qCWarning(lcSelfMetrics).noquote() << m_error;
        return false;
    }
}

void SelfMetrics::stopListening()
{
    m_exposer.reset();
    m_address.clear();
}

void SelfMetrics::recordRequest(const RequestRecord &record)
{
    if (record.errorKind == HttpError::Kind::Cancelled)
        return; // our own doing, not the backend's
    m_requests
        ->Add({{"backend", str(record.backend)},
               {"endpoint", str(record.endpoint)},
               {"code", std::to_string(record.status)}})
        .Increment();
    m_duration
        ->Add({{"backend", str(record.backend)}, {"endpoint", str(record.endpoint)}},
              latencyBuckets())
        .Observe(record.seconds);
    if (record.errorKind != HttpError::Kind::None) {
        m_errors
            ->Add(
                {{"backend", str(record.backend)}, {"class", str(errorKindName(record.errorKind))}})
            .Increment();
    }
}

void SelfMetrics::recordPollCycle(const QString &backend, bool ok)
{
    m_polls->Add({{"backend", str(backend)}, {"outcome", ok ? "ok" : "error"}}).Increment();
}

void SelfMetrics::setBackendUp(const QString &backend, bool up)
{
    m_up->Add({{"backend", str(backend)}}).Set(up ? 1 : 0);
}

QByteArray SelfMetrics::scrape() const
{
    prometheus::TextSerializer serializer;
    std::ostringstream out;
    serializer.Serialize(out, m_registry->Collect());
    return QByteArray::fromStdString(out.str());
}

} // namespace Stackscope
