// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTabWidget;

namespace Stackscope {

class LogModel;
class StackLogsView;

/// The Logs page: tabs of log views; the first is the stack's combined Docker logs (another,
/// Loki's, can be added with addTab()).
class LogsPage : public QWidget
{
    Q_OBJECT
public:
    explicit LogsPage(LogModel *stackModel, QWidget *parent = nullptr);

    StackLogsView *stackView() const { return m_stack; }
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
    bool m_shown = false;
};

} // namespace Stackscope
