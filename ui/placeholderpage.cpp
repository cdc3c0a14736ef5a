// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &whatItWillShow,
                                 QWidget *parent)
    : QWidget(parent)
    , m_details(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);

    auto *heading = new QLabel(title, this);
    heading->setObjectName(u"pageTitle"_s);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    heading->setTextFormat(Qt::PlainText);

    auto *body = new QLabel(whatItWillShow, this);
    body->setObjectName(u"pageDescription"_s);
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    body->setMaximumWidth(760);

    auto *notice = new QLabel(tr("Not available in this version yet: this page shows no data until "
                                 "the feature lands."),
                              this);
    notice->setObjectName(u"pageNotice"_s);
    notice->setWordWrap(true);
    notice->setTextFormat(Qt::PlainText);
    notice->setStyleSheet(u"color: palette(mid); font-style: italic;"_s);

    m_details->setObjectName(u"pageDetails"_s);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);

    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addSpacing(8);
    layout->addWidget(m_details);
    layout->addWidget(notice);
    layout->addStretch(1);
}

void PlaceholderPage::setDetails(const QStringList &lines)
{
    m_details->setText(lines.join(u'\n'));
    m_details->setVisible(!lines.isEmpty());
}

} // namespace Stackscope
