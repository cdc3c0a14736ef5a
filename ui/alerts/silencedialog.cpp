// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/silencedialog.h"
#include "models/common/palette.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

Silence exactSilence(const LabelSet &labels)
{
    Silence s;
    s.matchers = Silence::exactMatchers(labels);
    return s;
}

qint64 unitSeconds(SilenceDialog::Unit unit)
{
    switch (unit) {
    case SilenceDialog::Unit::Minutes:
        return 60;
    case SilenceDialog::Unit::Hours:
        return 3600;
    case SilenceDialog::Unit::Days:
        return 86400;
    }
    return 3600;
}

} // namespace

SilenceDialog::SilenceDialog(const LabelSet &labels, const QString &author, QWidget *parent)
    : SilenceDialog(exactSilence(labels), author, parent)
{}

SilenceDialog::SilenceDialog(const Silence &initial, const QString &author, QWidget *parent)
    : QDialog(parent)
    , m_initial(initial)
    , m_matchers(new QLineEdit(this))
    , m_previewTitle(new QLabel(this))
    , m_preview(new QListWidget(this))
    , m_target(new QLabel(this))
    , m_forButton(new QRadioButton(tr("For"), this))
    , m_duration(new QSpinBox(this))
    , m_unit(new QComboBox(this))
    , m_untilButton(new QRadioButton(tr("Until"), this))
    , m_until(new QDateTimeEdit(this))
    , m_comment(new QPlainTextEdit(this))
    , m_author(new QLineEdit(initial.createdBy.isEmpty() ? author : initial.createdBy, this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(isEdit() ? tr("Edit silence") : tr("New silence"));
    m_matchers->setText(initial.matchersText());
    m_matchers->setPlaceholderText(tr("alertname=\"HighLatency\", instance=~\"web-.*\""));
    m_previewTitle->setObjectName(u"silencePreviewTitle"_s);
    m_previewTitle->setTextFormat(Qt::PlainText);
    m_previewTitle->setWordWrap(true);
    m_preview->setObjectName(u"silencePreview"_s);
    m_preview->setUniformItemSizes(true);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    m_preview->setFocusPolicy(Qt::NoFocus);
    m_preview->setMinimumHeight(110);
    m_preview->setTextElideMode(Qt::ElideRight); // the whole label set is in the tooltip
    m_preview->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Where it goes: a silence of an alert only in the alert's own Alertmanager cluster; one
    // typed here in every cluster; an edit where the silence is.
    m_target->setObjectName(u"silenceTarget"_s);
    m_target->setTextFormat(Qt::PlainText);
    m_target->setWordWrap(true);
    if (isEdit())
        m_target->setText(tr("Saved in the Alertmanager that holds it"));
    else if (!initial.targetCluster)
        m_target->setText(tr("Created in every Alertmanager cluster, once in each"));
    else if (initial.targetCluster->isEmpty())
        m_target->setText(tr("Created only in the Alertmanagers without a cluster name, where "
                             "the alert is"));
    else
        m_target->setText(tr("Created only in the alert's Alertmanager cluster \"%1\"")
                              .arg(*initial.targetCluster));
    m_duration->setRange(1, 999);
    m_duration->setValue(1);
    m_unit->addItem(tr("minutes"), int(Unit::Minutes));
    m_unit->addItem(tr("hours"), int(Unit::Hours));
    m_unit->addItem(tr("days"), int(Unit::Days));
    m_unit->setCurrentIndex(1);
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (initial.endsAt.isValid() && initial.endsAt > now) {
        m_until->setDateTime(initial.endsAt.toLocalTime());
        m_untilButton->setChecked(true);
    } else {
        m_until->setDateTime(now.addSecs(3600).toLocalTime());
        m_forButton->setChecked(true);
    }
    m_comment->setPlainText(initial.comment);
    m_comment->setPlaceholderText(tr("Why is it silenced?"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(80);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse); // to copy the server's text
    m_error->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
    m_error->hide();
    setWaiting(false);

    // Typing in one way of saying how long picks it.
    connect(m_duration, &QSpinBox::valueChanged, m_forButton,
            [this] { m_forButton->setChecked(true); });
    connect(m_unit, &QComboBox::currentIndexChanged, m_forButton,
            [this] { m_forButton->setChecked(true); });
    connect(m_until, &QDateTimeEdit::dateTimeChanged, m_untilButton,
            [this] { m_untilButton->setChecked(true); });
    connect(m_matchers, &QLineEdit::textChanged, this, &SilenceDialog::updatePreview);

    auto *forRow = new QHBoxLayout;
    forRow->addWidget(m_forButton);
    forRow->addWidget(m_duration);
    forRow->addWidget(m_unit);
    forRow->addSpacing(16);
    forRow->addWidget(m_untilButton);
    forRow->addWidget(m_until);
    forRow->addStretch(1);
    auto *form = new QFormLayout;
    m_form = form;
    form->addRow(tr("Matchers"), m_matchers);
    form->addRow(QString(), m_previewTitle);
    form->addRow(QString(), m_preview);
    form->addRow(tr("Duration"), forRow);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("Author"), m_author);
    form->addRow(tr("Where"), m_target);
    setClustered(initial.targetCluster && !initial.targetCluster->isEmpty());
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SilenceDialog::reject);
    updatePreview();
    resize(640, sizeHint().height());
}

void SilenceDialog::setAlerts(const QList<Alert> &alerts)
{
    m_alerts = alerts;
    // A silence for one cluster catches only that cluster's alerts (and what only Prometheus
    // reports, which belongs to none): the preview counts no other cluster's copies.
    if (m_initial.targetCluster && !isEdit()) {
        const QString cluster = *m_initial.targetCluster;
        m_alerts.removeIf(
            [&cluster](const Alert &a) { return a.fromAlertmanager() && a.cluster != cluster; });
    }
    updatePreview();
}

void SilenceDialog::setDurationUnit(Unit unit)
{
    m_unit->setCurrentIndex(m_unit->findData(int(unit)));
    m_forButton->setChecked(true);
}

SilenceDialog::Unit SilenceDialog::durationUnit() const
{
    return Unit(m_unit->currentData().toInt());
}

void SilenceDialog::setEndTime(const QDateTime &end)
{
    m_until->setDateTime(end.toLocalTime());
    m_untilButton->setChecked(true);
}

QString SilenceDialog::previewTitle() const
{
    return m_previewTitle->text();
}

void SilenceDialog::updatePreview()
{
    m_preview->clear();
    QList<SilenceMatcher> matchers;
    QString problem = parseMatchers(m_matchers->text(), &matchers);
    for (const SilenceMatcher &m : std::as_const(matchers)) {
        if (problem.isEmpty() && !m.isValid())
            problem = tr("%1 is not a valid regular expression").arg(m.value);
    }
    if (!problem.isEmpty()) {
        m_previewTitle->setText(tr("Preview: %1").arg(problem));
        m_previewTitle->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
        return;
    }
    const QList<Alert> caught = alertsMatching(matchers, m_alerts);
    m_previewTitle->setStyleSheet(QString());
    if (caught.isEmpty())
        m_previewTitle->setText(m_alerts.isEmpty() ? tr("No alert is shown now: nothing to preview")
                                                   : tr("Catches none of the %n alert(s) shown now",
                                                        nullptr, int(m_alerts.size())));
    else
        m_previewTitle->setText(
            tr("Catches %1 of the %n alert(s) shown now:", nullptr, int(m_alerts.size()))
                .arg(caught.size()));
    for (const Alert &a : caught) {
        const QString state = a.state == Alert::State::Pending ? tr("pending")
                              : a.silenced                     ? tr("firing, silenced")
                                                               : tr("firing");
        LabelSet others = a.labels; // the name leads the line already
        others.remove(u"alertname"_s);
        auto *item = new QListWidgetItem(u"%1 · %2 · %3"_s.arg(a.name(), state, labelsText(others)),
                                         m_preview);
        item->setToolTip(labelsText(a.labels));
        item->setForeground(severityColor(severityRank(a.severity())));
    }
}

QDateTime SilenceDialog::endTime(const QDateTime &now) const
{
    if (m_untilButton->isChecked())
        return m_until->dateTime().toUTC();
    return now.addSecs(qint64(m_duration->value()) * unitSeconds(durationUnit()));
}

QString SilenceDialog::validate(QList<SilenceMatcher> *matchers) const
{
    const QString error = parseMatchers(m_matchers->text(), matchers);
    if (!error.isEmpty())
        return error;
    if (m_untilButton->isChecked() && endTime({}) <= QDateTime::currentDateTimeUtc())
        return tr("the end time has passed: pick one in the future");
    if (m_author->text().trimmed().isEmpty())
        return tr("the author is required");
    if (m_comment->toPlainText().trimmed().isEmpty())
        return tr("a comment is required: say why it is silenced");
    return {};
}

void SilenceDialog::accept()
{
    if (m_waiting)
        return;
    QList<SilenceMatcher> matchers;
    const QString error = validate(&matchers);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    m_error->hide();
    setWaiting(true);
    Q_EMIT submitted(silence());
}

void SilenceDialog::showResult(const QString &error)
{
    setWaiting(false);
    if (error.isEmpty()) {
        QDialog::accept();
        return;
    }
    showError((isEdit() ? tr("Alertmanager did not save the silence:\n%1")
                        : tr("Alertmanager did not create the silence:\n%1"))
                  .arg(error));
    m_matchers->setFocus();
}

QString SilenceDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SilenceDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(!waiting);
    if (isEdit())
        ok->setText(waiting ? tr("Saving…") : tr("Save silence"));
    else
        ok->setText(waiting ? tr("Creating…") : tr("Create silence"));
    for (QWidget *edit :
         {static_cast<QWidget *>(m_matchers), static_cast<QWidget *>(m_duration),
          static_cast<QWidget *>(m_unit), static_cast<QWidget *>(m_until),
          static_cast<QWidget *>(m_forButton), static_cast<QWidget *>(m_untilButton),
          static_cast<QWidget *>(m_comment), static_cast<QWidget *>(m_author)})
        edit->setEnabled(!waiting);
}

void SilenceDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    // the dialog grows to show the whole message instead of cutting it off
    resize(width(), std::max(height(), sizeHint().height()));
}

void SilenceDialog::setClustered(bool clustered)
{
    m_form->setRowVisible(m_target, clustered);
}

bool SilenceDialog::isClustered() const
{
    return m_form->isRowVisible(m_target);
}

QString SilenceDialog::targetText() const
{
    return m_target->text();
}

Silence SilenceDialog::silence() const
{
    Silence s;
    s.id = m_initial.id;
    if (!isEdit())
        s.targetCluster = m_initial.targetCluster;
    parseMatchers(m_matchers->text(), &s.matchers);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // An edit keeps the start: Alertmanager updates a silence in place only when it is unchanged
    // (else it expires the silence and makes a new one).
    s.startsAt = isEdit() && m_initial.startsAt.isValid() ? m_initial.startsAt : now;
    s.endsAt = endTime(now);
    s.comment = m_comment->toPlainText().trimmed();
    s.createdBy = m_author->text().trimmed();
    return s;
}

} // namespace Stackscope
