// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracesource.h"

#include <QWidget>

class QMenu;
class QPushButton;
class QTabWidget;

namespace Stackscope {

class TraceCompareView;
class TraceSearchPage;
class TraceView;

/// The Traces page: a tab for the search, one for the open trace and one for the comparison of
/// two traces, with "Open trace file…", "Compare…" (the open trace with a file or a search
/// result, two files, the two selected search results) and "Save trace as JSON…", and trace
/// files accepted by drag and drop.
class TracesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TracesPage(QWidget *parent = nullptr);

    TraceSearchPage *search() const { return m_search; }
    TraceView *traceView() const { return m_trace; }
    TraceCompareView *compareView() const { return m_compare; }
    void showSearch();
    void showTrace();
    void showCompare();
    /// The "Compare…" button's menu, filled as it opens.
    QMenu *compareMenu() const { return m_compareMenu; }
    /// The page's own Ctrl+Shift+O (off when the window's menu has the action).
    void setOpenShortcutEnabled(bool enabled);

Q_SIGNALS:
    void openFileRequested(const QString &path);
    void saveRequested(const QString &path);
    void compareRequested(const Stackscope::TraceSource &a, const Stackscope::TraceSource &b);

protected:
    void dragEnterEvent(class QDragEnterEvent *event) override;
    void dropEvent(class QDropEvent *event) override;

private:
    void fillCompareMenu();

    QTabWidget *m_tabs;
    TraceSearchPage *m_search;
    TraceView *m_trace;
    TraceCompareView *m_compare;
    QMenu *m_compareMenu;
    QPushButton *m_open;
};

} // namespace Stackscope
