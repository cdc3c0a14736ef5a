// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace Stackscope {

/// The whole of a long tag value (megabytes of JSON, a stack trace), shown on demand from the
/// span details, which show its first characters only. Lines longer than displayLineChars() are
/// broken for display (a text view lays out a line as a whole: a 50 MB line would freeze the
/// window), and the text goes into the view a megabyte at a time from the event loop, so that the
/// window paints and answers meanwhile; Copy copies the value as it is, unbroken.
class LongValueDialog : public QDialog
{
    Q_OBJECT
public:
    LongValueDialog(const QString &key, const QString &value, QWidget *parent = nullptr);

    static constexpr qsizetype displayLineChars() { return 4096; }
    /// `value` as the dialog shows it: control characters made visible except line breaks, and
    /// lines longer than displayLineChars() broken.
    static QString displayText(const QString &value);
    QPlainTextEdit *editor() const { return m_editor; }
    const QString &value() const { return m_value; }
    /// All of the value is in the view.
    bool isComplete() const { return m_position >= m_value.size(); }

Q_SIGNALS:
    void completed();

private:
    /// Converts what follows `*position` in `value` (about `budget` characters) for display;
    /// `*column` is the place in the current line of the display.
    static QString displayPiece(const QString &value, qsizetype *position, qsizetype *column,
                                qsizetype budget);
    void appendPiece();

    QString m_value;
    qsizetype m_position = 0; ///< how much of m_value is in the view
    qsizetype m_column = 0;
    QLabel *m_about;
    QPlainTextEdit *m_editor;
};

} // namespace Stackscope
