// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QPushButton;
class QTabWidget;

namespace Stackscope {

class TraceSearchPage;
class TraceView;

/// The Traces page: a tab for the search and one for the open trace, with "Open trace file…"
/// and "Save trace as JSON…", and trace files accepted by drag and drop.
class TracesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TracesPage(QWidget *parent = nullptr);

    TraceSearchPage *search() const { return m_search; }
    TraceView *traceView() const { return m_trace; }
    void showSearch();
    void showTrace();
    /// The page's own Ctrl+Shift+O (off when the window's menu has the action).
    void setOpenShortcutEnabled(bool enabled);

Q_SIGNALS:
    void openFileRequested(const QString &path);
    void saveRequested(const QString &path);

protected:
    void dragEnterEvent(class QDragEnterEvent *event) override;
    void dropEvent(class QDropEvent *event) override;

private:
    QTabWidget *m_tabs;
    TraceSearchPage *m_search;
    TraceView *m_trace;
    QPushButton *m_open;
};

} // namespace Stackscope
