// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QWidget>

class QLabel;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Stackscope {

/// The details of one span: its names, IDs, times, tags with their types, the process's tags,
/// logs at times relative to the trace, references and warnings. All text is plain, with control
/// characters made visible (Format::visible). A value longer than maxShownChars() shows its start
/// and its size; double-click (or "Show whole value…") opens all of it in a LongValueDialog.
/// Copy puts the whole details (with long values shortened) or the selected line's whole value
/// on the clipboard as text. The parent and references into the same trace are links: a click
/// asks to go to that span (spanLinkActivated); a Back button, shown while setBackText() names
/// one, asks to return (backRequested).
class SpanDetailsView : public QWidget
{
    Q_OBJECT
public:
    explicit SpanDetailsView(QWidget *parent = nullptr);

    void setSpan(const TraceLayoutPtr &layout, int span);
    int span() const { return m_span; }
    /// The details as tab-separated lines (what Copy puts on the clipboard).
    QString text() const;
    QTreeWidget *tree() const { return m_tree; }
    /// The whole value of the item's line (a long value is shortened in the table).
    static QString fullValue(const QTreeWidgetItem *item);
    static constexpr qsizetype maxShownChars() { return 1000; }
    /// Opens the whole value of `item` in a dialog; false when the line has no long value.
    bool showWholeValue(QTreeWidgetItem *item);

    /// Shows the Back button with this text; empty hides it.
    void setBackText(const QString &text);
    QToolButton *backButton() const { return m_back; }

Q_SIGNALS:
    void spanLinkActivated(int span);
    void backRequested();

private:
    void copy();
    void activate(QTreeWidgetItem *item);

    QLabel *m_title;
    QToolButton *m_back;
    TraceLayoutPtr m_layout;
    QTreeWidget *m_tree;
    int m_span = -1;
};

} // namespace Stackscope
