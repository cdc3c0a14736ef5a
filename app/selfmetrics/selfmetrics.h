// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/http/httpclient.h"

#include <QObject>
#include <QString>

#include <memory>

namespace prometheus {
class Exposer;
class Registry;
template<typename T>
class Family;
class Counter;
class Gauge;
class Histogram;
} // namespace prometheus

namespace Stackscope {

/// Stackscope's own /metrics (prometheus-cpp): request counts and latency per backend and
/// endpoint, errors by class, poll cycles, backend reachability. Recording works whether or not
/// the exposer is listening; listen() failing (address in use) is reported, not fatal.
class SelfMetrics : public QObject
{
    Q_OBJECT
public:
    explicit SelfMetrics(QObject *parent = nullptr);
    ~SelfMetrics() override;

    /// Serves /metrics on `hostPort` ("127.0.0.1:9465", "[::1]:9465"); stops serving when empty.
    /// Returns false with errorString() set when the address cannot be bound.
    bool listen(const QString &hostPort);
    void stopListening();
    bool isListening() const { return bool(m_exposer); }
    QString listenAddress() const { return m_address; }
    QString errorString() const { return m_error; }

    void recordRequest(const Stackscope::RequestRecord &record);
    void recordPollCycle(const QString &backend, bool ok);
    void setBackendUp(const QString &backend, bool up);

    /// The text exposition of everything recorded, as /metrics serves it (for tests and --status).
    QByteArray scrape() const;

private:
    std::shared_ptr<prometheus::Registry> m_registry;
    std::unique_ptr<prometheus::Exposer> m_exposer;
    prometheus::Family<prometheus::Counter> *m_requests;
    prometheus::Family<prometheus::Histogram> *m_duration;
    prometheus::Family<prometheus::Counter> *m_errors;
    prometheus::Family<prometheus::Counter> *m_polls;
    prometheus::Family<prometheus::Gauge> *m_up;
    QString m_address;
    QString m_error;
};

} // namespace Stackscope
