// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace Stackscope {

/// The whole of a long tag value (megabytes of JSON, a stack trace), shown on demand from the
/// span details, which show its first characters only. Lines longer than displayLineChars() are
/// broken for display (a text view lays out a line as a whole: a 50 MB line would freeze the
/// window); Copy copies the value as it is, unbroken.
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

private:
    QString m_value;
    QPlainTextEdit *m_editor;
};

} // namespace Stackscope
