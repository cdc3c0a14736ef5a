// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stack/logview.h"
#include "models/common/palette.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSyntaxHighlighter>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

/// Marks every case-insensitive occurrence of the search text.
class LogHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    void setNeedle(const QString &needle)
    {
        if (needle == m_needle)
            return;
        m_needle = needle;
        rehighlight();
    }

protected:
    void highlightBlock(const QString &text) override
    {
        if (m_needle.isEmpty())
            return;
        QTextCharFormat f;
        f.setBackground(Palette::highlight());
        f.setForeground(Qt::black);
        qsizetype at = text.indexOf(m_needle, 0, Qt::CaseInsensitive);
        while (at >= 0) {
            setFormat(int(at), int(m_needle.size()), f);
            at = text.indexOf(m_needle, at + m_needle.size(), Qt::CaseInsensitive);
        }
    }

private:
    QString m_needle;
};

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_tail(new QSpinBox(this))
    , m_follow(new QCheckBox(tr("Follow"), this))
    , m_timestamps(new QCheckBox(tr("Timestamps"), this))
    , m_search(new QLineEdit(this))
    , m_filter(new QCheckBox(tr("Only matching"), this))
    , m_cap(new QSpinBox(this))
    , m_copy(new QPushButton(QIcon::fromTheme(u"edit-copy"_s), tr("Copy"), this))
    , m_text(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_streamState(new QLabel(this))
{
    setObjectName(u"logView"_s);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_tail->setRange(0, 1000000);
    m_tail->setValue(500);
    m_tail->setPrefix(tr("Last "));
    m_tail->setSuffix(tr(" lines"));
    m_tail->setObjectName(u"logTail"_s);
    m_follow->setChecked(true);
    m_follow->setObjectName(u"logFollow"_s);
    m_timestamps->setObjectName(u"logTimestamps"_s);
    m_search->setPlaceholderText(tr("Search (Enter: next match)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(u"logSearch"_s);
    m_filter->setObjectName(u"logFilter"_s);
    m_cap->setRange(100, 1000000);
    m_cap->setSingleStep(1000);
    m_cap->setValue(m_buffer.cap());
    m_cap->setPrefix(tr("Keep "));
    m_cap->setSuffix(tr(" lines"));
    m_cap->setToolTip(tr("Older lines are dropped from memory beyond this many"));
    m_cap->setObjectName(u"logCap"_s);
    m_copy->setToolTip(tr("Copy the selection, or every shown line"));
    m_copy->setObjectName(u"logCopy"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(m_buffer.cap());
    m_text->setObjectName(u"logText"_s);
    m_text->setPlaceholderText(tr("Choose a service and press Logs (or double-click its row)."));
    m_highlighter = new LogHighlighter(m_text->document());
    m_status->setTextFormat(Qt::PlainText);
    m_streamState->setTextFormat(Qt::PlainText);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_title);
    bar->addSpacing(8);
    bar->addWidget(m_tail);
    bar->addWidget(m_follow);
    bar->addWidget(m_timestamps);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_filter);
    bar->addWidget(m_cap);
    bar->addWidget(m_copy);
    auto *foot = new QHBoxLayout;
    foot->addWidget(m_streamState);
    foot->addStretch(1);
    foot->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_text, 1);
    layout->addLayout(foot);

    connect(m_tail, &QSpinBox::editingFinished, this, [this] {
        if (!m_service.isEmpty())
            Q_EMIT reloadRequested(m_service, tail(), follow());
    });
    connect(m_follow, &QCheckBox::toggled, this, [this] {
        if (!m_service.isEmpty())
            Q_EMIT reloadRequested(m_service, tail(), follow());
    });
    connect(m_timestamps, &QCheckBox::toggled, this, &LogView::rerender);
    connect(m_filter, &QCheckBox::toggled, this, &LogView::rerender);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_highlighter->setNeedle(text);
        if (m_filter->isChecked())
            rerender();
        else
            updateStatus();
    });
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::findNext);
    connect(m_cap, &QSpinBox::valueChanged, this, [this](int cap) {
        m_buffer.setCap(cap);
        m_text->setMaximumBlockCount(cap);
        updateStatus();
    });
    connect(m_copy, &QPushButton::clicked, this, &LogView::copyToClipboard);
    updateStatus();
}

void LogView::setService(const QString &service)
{
    m_service = service;
    m_title->setText(service.isEmpty() ? tr("Logs") : tr("Logs of %1").arg(service));
    clearLines();
}

void LogView::clearLines()
{
    m_buffer.clear();
    m_text->clear();
    updateStatus();
}

int LogView::tail() const
{
    return m_tail->value();
}

bool LogView::follow() const
{
    return m_follow->isChecked();
}

void LogView::setTail(int lines)
{
    m_tail->setValue(lines);
}

void LogView::setFollow(bool on)
{
    m_follow->setChecked(on);
}

void LogView::setTimestamps(bool on)
{
    m_timestamps->setChecked(on);
}

void LogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void LogView::setFilterEnabled(bool on)
{
    m_filter->setChecked(on);
}

void LogView::setLineCap(int lines)
{
    m_cap->setValue(lines);
}

void LogView::setStreamState(const QString &text, bool problem)
{
    m_streamState->setText(text);
    m_streamState->setStyleSheet(problem ? Palette::textStyle(Palette::Tone::Bad) : QString());
}

bool LogView::atBottom() const
{
    const QScrollBar *bar = m_text->verticalScrollBar();
    return bar->value() >= bar->maximum() - 2;
}

void LogView::scrollToBottom()
{
    m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
}

void LogView::appendLines(const QList<LogLine> &lines)
{
    if (lines.isEmpty())
        return;
    const bool stick = atBottom();
    m_buffer.append(lines);
    const bool timestamps = m_timestamps->isChecked();
    const QString needle = m_filter->isChecked() ? m_search->text() : QString();
    QStringList shown;
    for (const LogLine &l : lines) {
        if (LogBuffer::matches(l, needle))
            shown << LogBuffer::format(l, timestamps);
    }
    if (!shown.isEmpty())
        m_text->appendPlainText(shown.join(u'\n'));
    if (stick)
        scrollToBottom();
    updateStatus();
}

void LogView::rerender()
{
    const QString needle = m_filter->isChecked() ? m_search->text() : QString();
    m_text->setPlainText(m_buffer.formatted(m_timestamps->isChecked(), needle).join(u'\n'));
    scrollToBottom();
    updateStatus();
}

QString LogView::visibleText() const
{
    return m_text->toPlainText();
}

void LogView::updateStatus()
{
    m_matches = 0;
    const QString needle = m_search->text();
    if (!needle.isEmpty()) {
        for (int i = 0; i < m_buffer.size(); ++i)
            m_matches += int(m_buffer.at(i).text.count(needle, Qt::CaseInsensitive));
    }
    QString text = tr("%n line(s) kept", nullptr, m_buffer.size());
    if (m_buffer.droppedTotal() > 0)
        text += tr(", %1 older dropped").arg(m_buffer.droppedTotal());
    if (!needle.isEmpty())
        text += tr(" \u00b7 %n match(es)", nullptr, m_matches);
    m_status->setText(text);
}

void LogView::copyToClipboard()
{
    const QString selected = m_text->textCursor().selectedText();
    QString text = selected.isEmpty() ? visibleText() : selected;
    text.replace(QChar::ParagraphSeparator, u'\n');
    QApplication::clipboard()->setText(text);
}

void LogView::findNext()
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    if (!m_text->find(needle)) {
        QTextCursor c = m_text->textCursor();
        c.movePosition(QTextCursor::Start);
        m_text->setTextCursor(c);
        m_text->find(needle);
    }
}

} // namespace Stackscope
