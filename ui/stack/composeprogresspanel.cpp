// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stack/composeprogresspanel.h"
#include "models/common/palette.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

ComposeProgressPanel::ComposeProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_command(new QLabel(tr("No compose run yet."), this))
    , m_busy(new QProgressBar(this))
    , m_cancel(new QPushButton(QIcon::fromTheme(u"process-stop"_s), tr("Cancel"), this))
    , m_output(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
{
    setObjectName(u"composeProgress"_s);
    m_command->setTextFormat(Qt::PlainText);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(140);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_cancel->setEnabled(false);
    m_cancel->setObjectName(u"composeCancel"_s);
    m_output->setReadOnly(true);
    m_output->setMaximumBlockCount(5000);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setObjectName(u"composeOutput"_s);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    m_result->setObjectName(u"composeResult"_s);

    auto *top = new QHBoxLayout;
    top->addWidget(m_command, 1);
    top->addWidget(m_busy);
    top->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_output, 1);
    layout->addWidget(m_result);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_command->setText(m_command->text() + tr("  (cancelling\u2026)"));
        Q_EMIT cancelRequested();
    });
}

void ComposeProgressPanel::begin(const QString &commandLine)
{
    m_running = true;
    m_command->setText(u"$ "_s + commandLine);
    m_output->clear();
    m_result->hide();
    m_busy->show();
    m_cancel->setEnabled(true);
}

void ComposeProgressPanel::appendLine(const QString &line)
{
    m_output->appendPlainText(line);
}

void ComposeProgressPanel::end(bool ok, bool cancelled, const QString &summary,
                               const QStringList &lastLines)
{
    m_running = false;
    m_busy->hide();
    m_cancel->setEnabled(false);
    QString text;
    if (ok) {
        text = tr("\u2714 Done. %1").arg(summary);
        m_result->setStyleSheet(Palette::textStyle(Palette::Tone::Good) + u" font-weight: bold;"_s);
    } else if (cancelled) {
        text = tr("Cancelled. %1").arg(summary);
        m_result->setStyleSheet(Palette::textStyle(Palette::Tone::Warning)
                                + u" font-weight: bold;"_s);
    } else {
        text = tr("\u2716 Failed: %1").arg(summary);
        if (!lastLines.isEmpty())
            text += u"\n"_s
                    + lastLines.mid(std::max<qsizetype>(0, lastLines.size() - 6)).join(u'\n');
        m_result->setStyleSheet(Palette::messageBoxStyle(true));
    }
    m_result->setText(text);
    m_result->show();
}

QString ComposeProgressPanel::outputText() const
{
    return m_output->toPlainText();
}

QString ComposeProgressPanel::resultText() const
{
    return m_result->isHidden() ? QString() : m_result->text();
}

} // namespace Stackscope
