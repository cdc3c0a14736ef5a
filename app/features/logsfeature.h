// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/compose/stacksupervisor.h"
#include "app/features/feature.h"
#include "ui/logs/logspage.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace Stackscope {

class HttpClient;
class LogModel;
class LokiClient;
class LokiLogs;
class StackLogs;
struct LokiLogsRequest;

/// The Logs page: its "Stack" tab shows the stack's combined Docker logs (StackLogs feeding a
/// LogModel), following the containers the Stack page's supervisor reports. The streams open
/// when the page is first shown, and then keep reading while the application runs. Its "Loki"
/// tab runs the page's LogQL requests through LokiLogs (lines, the last good ones kept on a
/// failure) and LokiClient (labels, values, the log volume by level) into a second LogModel.
class LogsFeature : public Feature
{
    Q_OBJECT
public:
    explicit LogsFeature(const AppContext &context, QObject *parent = nullptr);
    ~LogsFeature() override;

    QString id() const override;
    QString title() const override;
    QIcon icon() const override;
    QWidget *createPage() override;
    void applyConfig(const Config &config) override;
    void start() override;
    /// LogsRequest: the stack logs around its time, of its service (or of all).
    void show(const NavigationRequest &request) override;

    /// The stack whose containers are read (the Stack feature's); set once.
    void setStackSupervisor(StackSupervisor *supervisor);

    LogsPage *page() const { return m_page; }
    LogModel *stackModel() const { return m_model.get(); }
    StackLogs *stackLogs() const { return m_stackLogs; }
    LogModel *lokiModel() const { return m_lokiModel.get(); }
    LokiClient *lokiClient() const { return m_loki; }
    /// Runs a Loki tab request: the lines and the volume chart (tests call it directly).
    void runLokiQuery(const LokiLogsRequest &request);
    /// Reads Loki's labels into the label browser.
    void readLokiLabels();

private:
    /// Passes the supervisor's services and containers on (after any change, coalesced).
    void syncContainers();
    void showLokiLines();
    /// Empty when Loki can be asked; else why not.
    QString lokiUnavailable() const;

    AppContext m_context;
    std::unique_ptr<LogModel> m_model;
    StackLogs *m_stackLogs;
    std::unique_ptr<LogModel> m_lokiModel;
    HttpClient *m_lokiHttp;
    LokiClient *m_loki;
    LokiLogs *m_lokiLogs;
    quint64 m_volumeGeneration = 0;
    QPointer<LogsPage> m_page;
    QPointer<StackSupervisor> m_supervisor;
    QTimer m_syncTimer;
    bool m_started = false;
};

} // namespace Stackscope
