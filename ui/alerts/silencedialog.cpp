// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/silencedialog.h"
#include "models/common/palette.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

SilenceDialog::SilenceDialog(const LabelSet &labels, const QString &author, QWidget *parent)
    : QDialog(parent)
    , m_matchers(new QLineEdit(this))
    , m_hours(new QSpinBox(this))
    , m_comment(new QPlainTextEdit(this))
    , m_author(new QLineEdit(author, this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New silence"));
    Silence s;
    s.matchers = Silence::exactMatchers(labels);
    m_matchers->setText(s.matchersText());
    m_matchers->setPlaceholderText(tr("alertname=\"HighLatency\", instance=~\"web-.*\""));
    m_hours->setRange(1, 24 * 30);
    m_hours->setValue(1);
    m_hours->setSuffix(tr(" h"));
    m_comment->setPlaceholderText(tr("Why is it silenced?"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(80);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse); // to copy the server's text
    m_error->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create silence"));

    auto *form = new QFormLayout;
    form->addRow(tr("Matchers"), m_matchers);
    form->addRow(tr("Duration"), m_hours);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("Author"), m_author);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SilenceDialog::reject);
    resize(560, sizeHint().height());
}

QString SilenceDialog::validate(QList<SilenceMatcher> *matchers) const
{
    const QString error = parseMatchers(m_matchers->text(), matchers);
    if (!error.isEmpty())
        return error;
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
    showError(tr("Alertmanager did not create the silence:\n%1").arg(error));
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
    ok->setText(waiting ? tr("Creating…") : tr("Create silence"));
    for (QWidget *edit : {static_cast<QWidget *>(m_matchers), static_cast<QWidget *>(m_hours),
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

Silence SilenceDialog::silence() const
{
    Silence s;
    parseMatchers(m_matchers->text(), &s.matchers);
    s.startsAt = QDateTime::currentDateTimeUtc();
    s.endsAt = s.startsAt.addSecs(qint64(m_hours->value()) * 3600);
    s.comment = m_comment->toPlainText().trimmed();
    s.createdBy = m_author->text().trimmed();
    return s;
}

} // namespace Stackscope
