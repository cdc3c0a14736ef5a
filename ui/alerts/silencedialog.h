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
/// comment and author (the login name by default). accepted() means silence() is valid.
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

    void accept() override;

private:
    QString validate(QList<SilenceMatcher> *matchers) const;

    QLineEdit *m_matchers;
    QSpinBox *m_hours;
    QPlainTextEdit *m_comment;
    QLineEdit *m_author;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Stackscope
