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
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

LongValueDialog::LongValueDialog(const QString &key, const QString &value, QWidget *parent)
    : QDialog(parent)
    , m_value(value)
    , m_editor(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Value of %1").arg(Format::elided(key, 80)));
    auto *about = new QLabel(
        tr("%L1 characters. Lines longer than %L2 characters are broken for display; Copy copies "
           "the value as it is.")
            .arg(value.size())
            .arg(displayLineChars()),
        this);
    about->setWordWrap(true);
    m_editor->setReadOnly(true);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setPlainText(displayText(value));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy the whole value to the clipboard"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_value); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_editor, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

QString LongValueDialog::displayText(const QString &value)
{
    QString out;
    out.reserve(value.size() + value.size() / displayLineChars() + 16);
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i <= value.size(); ++i) {
        if (i < value.size() && value.at(i) != u'\n')
            continue;
        // One line of the value: made visible (a tab or a bidi override stays harmless) and
        // broken into pieces a text layout can take.
        const QStringView line = QStringView(value).mid(lineStart, i - lineStart);
        qsizetype at = 0;
        do {
            qsizetype take = std::min(displayLineChars(), line.size() - at);
            if (at + take < line.size() && take > 1 && line.at(at + take - 1).isHighSurrogate())
                --take;
            out += Format::visible(line.mid(at, take).toString());
            at += take;
            if (at < line.size())
                out += u'\n';
        } while (at < line.size());
        if (i < value.size())
            out += u'\n';
        lineStart = i + 1;
    }
    return out;
}

} // namespace Stackscope
