// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/longvaluedialog.h"
#include "models/common/format.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

LongValueDialog::LongValueDialog(const QString &key, const QString &value, QWidget *parent)
    : QDialog(parent)
    , m_value(value)
    , m_about(new QLabel(this))
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Value of %1").arg(Format::elided(key, 80)));
    m_about->setText(
        tr("%L1 characters. Lines longer than %L2 characters are broken for display; Copy copies "
           "the value as it is.")
            .arg(value.size())
            .arg(displayLineChars()));
    m_about->setWordWrap(true);
    m_editor->setReadOnly(true);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setUndoRedoEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the whole value to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_value); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_about);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(900, 600);
    appendPiece();
}

void LongValueDialog::appendPiece()
{
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(displayPiece(m_value, &m_position, &m_column, 2 << 20));
    if (isComplete()) {
        Q_EMIT completed();
        return;
    }
    QTimer::singleShot(0, this, &LongValueDialog::appendPiece);
}

QString LongValueDialog::displayPiece(const QString &value, qsizetype *position, qsizetype *column,
                                      qsizetype budget)
{
    QString out;
    out.reserve(std::min(budget, value.size() - *position) + budget / displayLineChars() + 16);
    const qsizetype end = std::min(value.size(), *position + budget);
    while (*position < end) {
        // The rest of the display line, at most; a line break of the value ends it early.
        QStringView window = QStringView(value).mid(*position, displayLineChars() - *column);
        const qsizetype lineBreak = window.indexOf(u'\n');
        if (lineBreak >= 0) {
            out += Format::visible(window.left(lineBreak).toString());
            out += u'\n';
            *position += lineBreak + 1;
            *column = 0;
            continue;
        }
        if (window.size() > 1 && *position + window.size() < value.size()
            && window.back().isHighSurrogate())
            window.chop(1); // never half a surrogate pair on a line
        out += Format::visible(window.toString());
        *position += window.size();
        *column += window.size();
        if (*column >= displayLineChars() - 1 && *position < value.size()) {
            out += u'\n'; // a line too long for a text layout: broken for display
            *column = 0;
        }
    }
    return out;
}

QString LongValueDialog::displayText(const QString &value)
{
    qsizetype position = 0, column = 0;
    return displayPiece(value, &position, &column, value.size());
}

} // namespace Stackscope
