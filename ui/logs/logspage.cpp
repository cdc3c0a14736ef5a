// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/logspage.h"

#include "ui/logs/lokilogsview.h"
#include "ui/logs/stacklogsview.h"

#include <QSettings>
#include <QTabWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Stackscope {

LogsPage::LogsPage(LogModel *stackModel, LogModel *lokiModel, QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_stack(new StackLogsView(stackModel, this))
{
    setObjectName(u"logsPage"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_stack, tr("Stack"));
    if (lokiModel) {
        m_loki = new LokiLogsView(lokiModel, this);
        m_tabs->addTab(m_loki, tr("Loki"));
    }
    // The tab used last comes back.
    m_tabs->setCurrentIndex(QSettings().value(u"logs/tab"_s, 0).toInt());
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int index) { QSettings().setValue(u"logs/tab"_s, index); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void LogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!std::exchange(m_shown, true))
        Q_EMIT firstShown();
}

void LogsPage::showStackTab()
{
    m_tabs->setCurrentWidget(m_stack);
}

} // namespace Stackscope
