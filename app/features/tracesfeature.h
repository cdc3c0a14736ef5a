// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/features/feature.h"
#include "models/traces/trace.h"
#include "ui/traces/tracespage.h"

#include <QPointer>

namespace Stackscope {

class TraceComparer;
class TracesController;
struct TraceOpenFailure;

/// The Traces page joined with its controller: page requests go to the TracesController, its
/// results to the page. Contributes File ▸ Open trace file…, opens trace files (`--open-trace`,
/// the menu, drag and drop) and answers "Traces around here" and an exemplar's trace id
/// (TracesRequest). Comparisons the page asks for go to a TraceComparer; a span asked for from
/// the comparison opens in its trace on the Trace tab, selected.
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
    TraceComparer *comparer() const { return m_comparer; }
    /// Writes the open trace as Jaeger JSON; false (with a notice on the page) on failure.
    bool saveTrace(const QString &path);

private:
    void openSummary(const TraceSummary &summary);
    void openTraceId(const QString &traceId);
    void showOpenFailure(const TraceOpenFailure &failure);
    void compare(const TraceSource &a, const TraceSource &b);
    void openSpan(const TracePtr &trace, int span);

    AppContext m_context;
    TracesController *m_controller;
    TraceComparer *m_comparer;
    QPointer<TracesPage> m_page;
    /// A span asked for from the comparison, selected when its trace has opened.
    TracePtr m_pendingTrace;
    int m_pendingSpan = -1;
};

} // namespace Stackscope
