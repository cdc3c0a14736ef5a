// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/labelchips.h"

#include "ui/plaintooltips.h"

#include <QMouseEvent>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr int spacing = 4;

/// A chip remembers the modifiers of the press that clicked it: `clicked` does not carry them.
class Chip : public QPushButton
{
public:
    using QPushButton::QPushButton;
    Qt::KeyboardModifiers modifiers() const { return m_modifiers; }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        m_modifiers = event->modifiers();
        QPushButton::mouseReleaseEvent(event);
    }
    void keyPressEvent(QKeyEvent *event) override
    {
        m_modifiers = event->modifiers();
        QPushButton::keyPressEvent(event);
    }

private:
    Qt::KeyboardModifiers m_modifiers;
};

} // namespace

LabelChips::LabelChips(QWidget *parent)
    : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void LabelChips::setLabels(const LabelSet &labels)
{
    if (labels == m_labels && !m_chips.isEmpty())
        return;
    m_labels = labels;
    // Later: a chip's own click can change the selection, and with it these labels.
    for (QPushButton *old : std::as_const(m_chips)) {
        old->hide();
        old->deleteLater();
    }
    m_chips.clear();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const QString name = it.key();
        const QString value = it.value();
        // A QPushButton's text is plain text; '&' would make a mnemonic.
        QString text = name + u"=\""_s + value + u'"';
        text.replace(u'&', u"&&"_s);
        auto *chip = new Chip(text, this);
        chip->setObjectName(u"chip_"_s + name);
        chip->setFlat(true);
        chip->setCursor(Qt::PointingHandCursor);
        chip->setStyleSheet(u"QPushButton { border: 1px solid palette(mid); border-radius: 9px; "
                            "padding: 1px 8px; background: palette(alternate-base); }"
                            "QPushButton:hover { background: palette(midlight); }"_s);
        chip->setToolTip(plainToolTip(tr("Click: show only alerts with %1=\"%2\"\n"
                                         "Shift-click: hide them")
                                          .arg(name, value)));
        connect(chip, &QPushButton::clicked, this, [this, chip, name, value] {
            Q_EMIT chipClicked(name, value, chip->modifiers().testFlag(Qt::ShiftModifier));
        });
        chip->show();
        m_chips << chip;
    }
    layoutChips(width(), true);
    updateGeometry();
}

QPushButton *LabelChips::chip(const QString &name) const
{
    for (QPushButton *c : m_chips) {
        if (c->objectName() == u"chip_"_s + name)
            return c;
    }
    return nullptr;
}

int LabelChips::layoutChips(int width, bool apply) const
{
    int x = 0;
    int y = 0;
    int rowHeight = 0;
    for (QPushButton *chip : m_chips) {
        const QSize size = chip->sizeHint();
        if (x > 0 && x + size.width() > width) {
            x = 0;
            y += rowHeight + spacing;
            rowHeight = 0;
        }
        if (apply)
            chip->setGeometry(QRect(QPoint(x, y), size));
        x += size.width() + spacing;
        rowHeight = std::max(rowHeight, size.height());
    }
    return m_chips.isEmpty() ? 0 : y + rowHeight;
}

int LabelChips::heightForWidth(int width) const
{
    return layoutChips(width, false);
}

QSize LabelChips::sizeHint() const
{
    const int w = std::max(width(), 300);
    return {w, layoutChips(w, false)};
}

QSize LabelChips::minimumSizeHint() const
{
    return {100, m_chips.isEmpty() ? 0 : m_chips.first()->sizeHint().height()};
}

void LabelChips::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutChips(width(), true);
}

} // namespace Stackscope
