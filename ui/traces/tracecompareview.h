// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/traces/tracecomparison.h"
#include "models/traces/tracesource.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace Stackscope {

class TraceComparisonModel;

/// Two traces compared: a header with both traces' durations and the difference, and the
/// merged tree (TraceComparisonModel) as a sortable tree table, largest regression first, with
/// the paths to changed nodes open and unchanged subtrees closed.
/// "Open in A" / "Open in B" (buttons, context menu; activating a node opens it in B, or in A
/// when B lacks it) ask for that node's span in that trace; "Swap A and B" asks for the
/// comparison the other way round. It shows what it is given and asks; the feature acts.
class TraceCompareView : public QWidget
{
    Q_OBJECT
public:
    explicit TraceCompareView(QWidget *parent = nullptr);

    void setComparison(const TraceComparisonPtr &comparison, const QString &labelA,
                       const QString &labelB);
    TraceComparisonPtr comparison() const;
    /// A line under the header: comparing…, or why it could not (the comparison on screen stays).
    void setNotice(const QString &text, bool problem);

    TraceComparisonModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QLabel *header() const { return m_header; }
    /// The difference of the whole traces and the count of slower, faster and unmatched nodes.
    QLabel *summary() const { return m_summary; }
    QLabel *notice() const { return m_notice; }
    QPushButton *openAButton() const { return m_openA; }
    QPushButton *openBButton() const { return m_openB; }
    QCheckBox *changesOnlyBox() const { return m_changesOnly; }
    /// The node selected now, -1 for none.
    qint32 currentNode() const;
    /// Asks to open the current node's span in one trace (nothing when it has none there).
    void openCurrent(TraceComparison::Side side);

Q_SIGNALS:
    /// Show `trace` on the Traces page with `span` (an index into its spans) selected.
    void openSpanRequested(const Stackscope::TracePtr &trace, int span);
    void compareRequested(const Stackscope::TraceSource &a, const Stackscope::TraceSource &b);

private:
    void updateButtons();
    /// Opens the nodes on the paths to changes and selects the first row; after the model's reset.
    void openPathsToChanges();
    void showContextMenu(const QPoint &at);

    QLabel *m_title;
    QLabel *m_header;
    QLabel *m_summary;
    QLabel *m_notice;
    QPushButton *m_openA;
    QPushButton *m_openB;
    QPushButton *m_swap;
    QCheckBox *m_changesOnly;
    QTreeView *m_tree;
    TraceComparisonModel *m_model;
    QString m_labelA;
    QString m_labelB;
};

} // namespace Stackscope
