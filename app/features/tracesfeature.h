// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"
#include "ui/traces/tracespage.h"

#include <QPointer>

namespace Stackscope {

class JaegerClient;
class Poller;
class TraceLoader;
struct TraceQuery;
struct TraceSummary;

/// The Traces page with what stands behind it: the Jaeger client, the service list poller, and
/// the loader that parses and lays out traces on workers. Opens trace files (`--open-trace`,
/// the menu, drag and drop) and answers "Traces around here" ({service, start, end}).
class TracesFeature : public Feature
{
    Q_OBJECT
public:
    explicit TracesFeature(const AppContext &context, QObject *parent = nullptr);
    ~TracesFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    bool openFile(const QString &path) override;
    void show(const QVariantMap &arguments) override;

    TracesPage *page() const { return m_page; }
    JaegerClient *client() const { return m_client; }
    TraceLoader *loader() const { return m_loader; }
    /// Writes the open trace as Jaeger JSON; false (with a notice on the page) on failure.
    bool saveTrace(const QString &path);

private:
    void addMenuAction();
    void loadServices(std::function<void(bool ok, bool absent)> report);
    void loadOperations(const QString &service);
    void search(const TraceQuery &query);
    void openSummary(const TraceSummary &summary);
    void openTraceId(const QString &traceId);

    AppContext m_context;
    JaegerClient *m_client;
    TraceLoader *m_loader;
    Poller *m_servicesPoller;
    QPointer<TracesPage> m_page;
    bool m_started = false;
    QString m_pendingSearchService; ///< a show() that came before the page's services
    QString m_servicesProblem;      ///< the services error shown on the page, empty when none
};

} // namespace Stackscope
