// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracelayout.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace Stackscope {

/// The details of one span: its names, IDs, times, tags with their types, the process's tags,
/// logs at times relative to the trace, references and warnings. All text is plain. Copy puts
/// the whole details (or the selected line) on the clipboard as text.
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

private:
    void copy();

    QLabel *m_title;
    QTreeWidget *m_tree;
    int m_span = -1;
};

} // namespace Stackscope
