// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/stackprovisioning.h"
#include "app/features/feature.h"
#include "models/stack/composeservice.h"
#include "ui/metrics/metricspage.h"

#include <QPointer>

#include <optional>

namespace Stackscope {

class HttpClient;
class StackFileWatcher;
class MetricsController;
class PrometheusClient;
class LokiClient;

/// The Metrics page joined with its core objects: one HttpClient for Prometheus, the API client,
/// the controller that runs dashboards, Explore and the targets, and the dashboards from
/// `<config dir>/dashboards` plus the bundled ones.
class MetricsFeature : public Feature
{
    Q_OBJECT
public:
    explicit MetricsFeature(const AppContext &context, QObject *parent = nullptr);
    ~MetricsFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    /// Imports a Grafana dashboard file and shows it.
    bool openFile(const QString &path) override;
    /// MetricsRequest: opens the expression in Explore over that window.
    void show(const NavigationRequest &request) override;

    /// Connects the page's requests to the controller and the controller's results to the page:
    /// the one place that wires them (the feature, and benchmarks that build the two alone).
    static void connectPage(MetricsPage *page, MetricsController *controller);

    MetricsController *controller() const { return m_controller; }
    MetricsPage *page() const { return m_page; }
    /// Where imported dashboards are saved.
    QString dashboardsDirectory() const;
    void reloadDashboards(const QString &preferredUid = {});
    /// The compose stack's services changed (StackSupervisor::composeFileChanged): the
    /// dashboards its Grafana provisions are listed from the stack, and followed on disk.
    void setStackServices(const QList<Stackscope::ComposeService> &services);
    /// Reads the stack's dashboards again (their files changed).
    /// Reads the stack's dashboards again; `force` false skips the page when the list of files
    /// and notes is the one shown (another service changed, not Grafana's provisioning).
    void reloadStackDashboards(bool force = true);
    StackFileWatcher *stackWatcher() const { return m_stackWatcher; }

    /// The QSettings key of the dashboard shown last (also set by --import-dashboard).
    static QString lastDashboardKey();

private:
    AppContext m_context;
    HttpClient *m_http;
    PrometheusClient *m_client;
    MetricsController *m_controller;
    HttpClient *m_lokiHttp;
    LokiClient *m_loki;
    QPointer<MetricsPage> m_page;
    StackFileWatcher *m_stackWatcher;
    QList<ComposeService> m_stackServices;
    std::optional<StackDashboards> m_stackDashboardsShown; ///< what the page lists now
    bool m_started = false;
};

} // namespace Stackscope
