// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QDialog>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

namespace Stackscope {

/// Asks for a new silence, or changes one: matchers (prefilled with exactly an alert's labels),
/// how long (minutes, hours or days from now, or until a date and time), comment and author (the
/// login name by default). Under the matchers it lists, as the user types, which of the alerts
/// given with setAlerts() the matchers catch, by Alertmanager's rules (SilenceMatcher::matches).
///
/// Given a silence with an id it edits that silence: the answer keeps the id (Alertmanager
/// updates it in place, or expires it and makes a new one when the matchers changed). Without an
/// id (new, or duplicated) it creates one.
///
/// "Create silence" with valid input emits submitted() and waits, with everything the user typed
/// still there: showResult() then closes the dialog (accepted) when Alertmanager took the
/// silence, or keeps it open with Alertmanager's own error text (an invalid regex, say) so that
/// the user can correct it and try again.
class SilenceDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Unit { Minutes, Hours, Days };

    SilenceDialog(const LabelSet &labels, const QString &author, QWidget *parent = nullptr);
    /// Prefilled with `initial` (its id, matchers, comment, author, end time when in the future).
    SilenceDialog(const Silence &initial, const QString &author, QWidget *parent = nullptr);

    /// The alerts the preview matches against (the page's; for a silence of one cluster only
    /// that cluster's).
    void setAlerts(const QList<Alert> &alerts);
    /// The silence as entered: a new one starts now; an edited one keeps its id and its start.
    Silence silence() const;
    bool isEdit() const { return !m_initial.id.isEmpty(); }

    QLineEdit *matchersEdit() const { return m_matchers; }
    /// The duration's number, in durationUnit().
    QSpinBox *durationEdit() const { return m_duration; }
    void setDurationUnit(Unit unit);
    Unit durationUnit() const;
    /// Switches to "until" and sets the end.
    void setEndTime(const QDateTime &end);
    QDateTimeEdit *untilEdit() const { return m_until; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QLineEdit *authorEdit() const { return m_author; }
    /// The preview: one line per alert caught.
    QListWidget *previewList() const { return m_preview; }
    /// The line above the preview ("Catches 2 of 5 alerts shown", or what is wrong).
    QString previewTitle() const;
    /// What the dialog says is wrong (our own check or the server's answer); empty when nothing.
    QString errorText() const;
    /// Between submitted() and showResult().
    bool isWaiting() const { return m_waiting; }

    /// Shows where the silence goes ("Where": the alert's cluster, or every cluster); the page
    /// turns it on when there are several Alertmanager clusters. On from the start for a
    /// silence of a named cluster's alert.
    void setClustered(bool clustered);
    bool isClustered() const;
    /// The "Where" line's text.
    QString targetText() const;

    /// Validates and emits submitted(); the dialog stays open until showResult().
    void accept() override;
    /// The answer to submitted(): an empty `error` closes the dialog as accepted; otherwise the
    /// dialog shows it and lets the user change the silence and submit it again.
    void showResult(const QString &error);

Q_SIGNALS:
    void submitted(const Stackscope::Silence &silence);

private:
    QString validate(QList<SilenceMatcher> *matchers) const;
    QDateTime endTime(const QDateTime &now) const;
    void updatePreview();
    void setWaiting(bool waiting);
    void showError(const QString &text);

    Silence m_initial;
    QList<Alert> m_alerts;
    QLineEdit *m_matchers;
    QLabel *m_previewTitle;
    QListWidget *m_preview;
    QLabel *m_target; ///< where the silence goes
    QFormLayout *m_form = nullptr;
    QRadioButton *m_forButton;
    QSpinBox *m_duration;
    QComboBox *m_unit;
    QRadioButton *m_untilButton;
    QDateTimeEdit *m_until;
    QPlainTextEdit *m_comment;
    QLineEdit *m_author;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace Stackscope
