// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/logs/logmodel.h"

#include <QAbstractScrollArea>
#include <QPointer>

namespace Stackscope {

/// The lines of a LogModel (the stack's Docker logs, Loki), one row each of uniform height,
/// painted by hand for the rows on screen only, so that 200,000 lines scroll and grow without
/// a stall: the time, the source as a tag in its own colour, the level in its colour, the text
/// with the search's matches highlighted. Text is shown as text: control characters made
/// visible (Format::visible), a long line elided when painted (copied whole). Rows are selected
/// with the mouse (shift extends) or the keys; Ctrl+C copies them whole. While the last row is
/// on screen new rows keep it there (follow).
class LogLinesView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit LogLinesView(QWidget *parent = nullptr);

    void setModel(LogModel *model);
    LogModel *model() const { return m_model; }

    /// The selected rows [first, last]; (-1, -1) when none.
    std::pair<int, int> selection() const;
    void selectRows(int first, int last);
    int currentRow() const { return m_current; }
    /// Shows `row` (scrolled into view, not selected).
    void scrollToRow(int row);
    void scrollToBottom();
    /// Whether the view follows new rows (the last row is on screen).
    bool isAtBottom() const;

    /// The selected rows as copied: LogModel::lineText(), one per line.
    QString selectedText() const;
    /// Copies the selected rows to the clipboard.
    void copySelection();
    /// Writes every row of the view (as filtered) to `path`; false with `error` when it cannot.
    bool saveTo(const QString &path, QString *error) const;

    /// The colour a level is painted in (the lines, the Loki tab's volume chart); invalid for
    /// Unknown.
    static QColor levelColor(int level);

    int rowHeight() const { return m_rowHeight; }
    /// The first row on screen and how many fit.
    int firstVisibleRow() const;
    int visibleRowCount() const;
    /// How many rows the last paint drew (the view paints the rows on screen only).
    int paintedRows() const { return m_paintedRows; }

Q_SIGNALS:
    /// The current row changed (-1: none): the fields pane shows its fields.
    void currentRowChanged(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void updateScrollBar();
    void onRowsInserted();
    void onRowsRemoved(int count);
    void onReset();
    int rowAt(int y) const;
    void setCurrent(int row, bool extend);
    void updateMetrics();

    QPointer<LogModel> m_model;
    int m_rowHeight = 16;
    int m_timeWidth = 0;
    int m_levelWidth = 0;
    int m_tagWidth = 0; ///< grows with the longest source name painted
    int m_anchor = -1;
    int m_current = -1;
    int m_paintedRows = 0;
    bool m_follow = true;
};

} // namespace Stackscope
