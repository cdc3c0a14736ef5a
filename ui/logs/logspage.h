// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTabWidget;

namespace Stackscope {

class LogModel;
class LokiLogsView;
class StackLogsView;

/// The Logs page: tabs of log views: the stack's combined Docker logs ("Stack") and, given a
/// model for it, Grafana Loki's ("Loki"). The tab used last is shown again (QSettings).
class LogsPage : public QWidget
{
    Q_OBJECT
public:
    explicit LogsPage(LogModel *stackModel, LogModel *lokiModel = nullptr,
                      QWidget *parent = nullptr);

    StackLogsView *stackView() const { return m_stack; }
    /// The Loki tab; null without a Loki model.
    LokiLogsView *lokiView() const { return m_loki; }
    QTabWidget *tabs() const { return m_tabs; }
    void showStackTab();

Q_SIGNALS:
    /// The page was shown for the first time: reading the logs can start (not before, so that a
    /// window that never opens the page streams nothing).
    void firstShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QTabWidget *m_tabs;
    StackLogsView *m_stack;
    LokiLogsView *m_loki = nullptr;
    bool m_shown = false;
};

} // namespace Stackscope
