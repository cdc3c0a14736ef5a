// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/logbuffer.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Stackscope {

class LogHighlighter;

/// The logs of one service: the last N lines and, when following, new ones as they come; with
/// timestamps on or off, a search that highlights every match, a filter that keeps only the
/// matching lines, copy, and a cap on the lines kept in memory. It never fetches anything
/// itself: it asks with reloadRequested() and is fed by appendLines().
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(QWidget *parent = nullptr);

    /// Shows `service` (clears the lines; the owner then feeds the new ones).
    void setService(const QString &service);
    QString service() const { return m_service; }
    void appendLines(const QList<LogLine> &lines);
    void clearLines();
    /// "following", "ended: container stopped", an error...
    void setStreamState(const QString &text, bool problem = false);

    int tail() const;
    bool follow() const;
    void setTail(int lines);
    void setFollow(bool follow);
    void setTimestamps(bool on);
    void setSearchText(const QString &text);
    void setFilterEnabled(bool on);
    void setLineCap(int lines);

    const LogBuffer &buffer() const { return m_buffer; }
    /// The text as shown (after filter and timestamps), for tests and copy.
    QString visibleText() const;
    int matchCount() const { return m_matches; }
    QPlainTextEdit *textView() const { return m_text; }

public Q_SLOTS:
    void copyToClipboard();
    void findNext();

Q_SIGNALS:
    /// Tail, follow or the service changed: fetch again.
    void reloadRequested(const QString &service, int tail, bool follow);

private:
    void rerender();
    void updateStatus();
    bool atBottom() const;
    void scrollToBottom();

    QString m_service;
    LogBuffer m_buffer;
    QLabel *m_title;
    QSpinBox *m_tail;
    QCheckBox *m_follow;
    QCheckBox *m_timestamps;
    QLineEdit *m_search;
    QCheckBox *m_filter;
    QSpinBox *m_cap;
    QPushButton *m_copy;
    QPlainTextEdit *m_text;
    QLabel *m_status;
    QLabel *m_streamState;
    LogHighlighter *m_highlighter;
    int m_matches = 0;
};

} // namespace Stackscope
