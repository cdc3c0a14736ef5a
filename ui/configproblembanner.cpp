// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/configproblembanner.h"
#include "models/common/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

ConfigProblemBanner::ConfigProblemBanner(QWidget *parent)
    : QFrame(parent)
    , m_summary(new QLabel(this))
    , m_list(new QLabel(this))
    , m_open(new QPushButton(tr("Open file"), this))
{
    setObjectName(u"configProblemBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(Palette::problemBannerStyle(objectName()));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_list->setTextFormat(Qt::PlainText);
    m_list->setWordWrap(true);
    m_list->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(u"monospace"_s);
    mono.setStyleHint(QFont::Monospace);
    m_list->setFont(mono);

    auto *text = new QVBoxLayout;
    text->addWidget(m_summary);
    text->addWidget(m_list);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(text, 1);
    layout->addWidget(m_open, 0, Qt::AlignTop);
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openFileRequested(m_path); });
    setVisible(false);
}

void ConfigProblemBanner::setProblems(const QString &path, const QList<ConfigProblem> &problems)
{
    m_path = path;
    if (problems.isEmpty()) {
        setVisible(false);
        return;
    }
    const QString count = problems.size() == 1
                              ? tr("The configuration file has 1 problem.")
                              : tr("The configuration file has %1 problems.").arg(problems.size());
    m_summary->setText(
        count
        + tr(" Stackscope keeps running with the last good configuration and has not "
             "changed the file."));
    QStringList lines;
    constexpr int shown = 8;
    for (int i = 0; i < problems.size() && i < shown; ++i)
        lines << problems.at(i).format(path);
    if (problems.size() > shown)
        lines << tr("… and %1 more").arg(problems.size() - shown);
    m_list->setText(lines.join(u'\n'));
    setVisible(true);
}

QString ConfigProblemBanner::text() const
{
    return m_summary->text() + u'\n' + m_list->text();
}

} // namespace Stackscope
