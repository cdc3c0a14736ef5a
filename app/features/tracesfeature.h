// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"
#include "models/traces/trace.h"
#include "ui/traces/tracespage.h"

#include <QPointer>

namespace Stackscope {

class TracesController;
struct TraceOpenFailure;

/// The Traces page joined with its controller: page requests go to the TracesController, its
/// results to the page. Contributes File ▸ Open trace file…, opens trace files (`--open-trace`,
/// the menu, drag and drop) and answers "Traces around here" and an exemplar's trace id
/// (TracesRequest).
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
    QList<FeatureMenuAction> menuActions() override;
    void applyConfig(const Config &config) override;
    void start() override;
    bool openFile(const QString &path) override;
    void show(const NavigationRequest &request) override;

    TracesPage *page() const { return m_page; }
    TracesController *controller() const { return m_controller; }
    /// Writes the open trace as Jaeger JSON; false (with a notice on the page) on failure.
    bool saveTrace(const QString &path);

private:
    void openSummary(const TraceSummary &summary);
    void openTraceId(const QString &traceId);
    void showOpenFailure(const TraceOpenFailure &failure);

    AppContext m_context;
    TracesController *m_controller;
    QPointer<TracesPage> m_page;
};

} // namespace Stackscope
