// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/plaintooltips.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHelpEvent>
#include <QTextDocument>
#include <QToolTip>

namespace Stackscope {

namespace {

class PlainToolTipFilter : public QObject
{
public:
    explicit PlainToolTipFilter(QAbstractItemView *view)
        : QObject(view)
        , m_view(view)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
            return false;
        const auto *help = static_cast<QHelpEvent *>(event);
        const QModelIndex index = m_view->indexAt(help->pos());
        const QString text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QToolTip::showText(help->globalPos(), plainToolTip(text), m_view->viewport(),
                           m_view->visualRect(index));
        return true;
    }

private:
    QAbstractItemView *m_view;
};

} // namespace

QString plainToolTip(const QString &text)
{
    if (text.isEmpty())
        return {};
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString plainForAutoText(const QString &text)
{
    return Qt::mightBeRichText(text) ? plainToolTip(text) : text;
}

void showItemToolTipsAsPlainText(QAbstractItemView *view)
{
    view->viewport()->installEventFilter(new PlainToolTipFilter(view));
}

} // namespace Stackscope
