// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Stackscope {

/// Asks for a new silence: matchers (prefilled with exactly an alert's labels), duration,
/// comment and author (the login name by default).
///
/// "Create silence" with valid input emits submitted() and waits, with everything the user typed
/// still there: showResult() then closes the dialog (accepted) when Alertmanager took the
/// silence, or keeps it open with Alertmanager's own error text (an invalid regex, say) so that
/// the user can correct it and try again.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    SilenceDialog(const LabelSet &labels, const QString &author, QWidget *parent = nullptr);

    /// The silence as entered, starting now.
    Silence silence() const;
    QLineEdit *matchersEdit() const { return m_matchers; }
    QSpinBox *hoursEdit() const { return m_hours; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QLineEdit *authorEdit() const { return m_author; }
    /// What the dialog says is wrong (our own check or the server's answer); empty when nothing.
    QString errorText() const;
    /// Between submitted() and showResult().
    bool isWaiting() const { return m_waiting; }

    /// Validates and emits submitted(); the dialog stays open until showResult().
    void accept() override;
    /// The answer to submitted(): an empty `error` closes the dialog as accepted; otherwise the
    /// dialog shows it and lets the user change the silence and submit it again.
    void showResult(const QString &error);

Q_SIGNALS:
    void submitted(const Stackscope::Silence &silence);

private:
    QString validate(QList<SilenceMatcher> *matchers) const;
    void setWaiting(bool waiting);
    void showError(const QString &text);

    QLineEdit *m_matchers;
    QSpinBox *m_hours;
    QPlainTextEdit *m_comment;
    QLineEdit *m_author;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace Stackscope
