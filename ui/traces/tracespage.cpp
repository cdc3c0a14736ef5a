// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/tracespage.h"

#include "ui/traces/tracesearchpage.h"
#include "ui/traces/traceview.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMimeData>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

TracesPage::TracesPage(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_search(new TraceSearchPage(this))
    , m_trace(new TraceView(this))
    , m_open(new QPushButton(tr("Open trace file…"), this))
{
    setAcceptDrops(true);
    QPushButton *open = m_open;
    open->setShortcut(QKeySequence(u"Ctrl+Shift+O"_s));
    open->setToolTip(tr("Open a Jaeger JSON export (Ctrl+Shift+O); you can also drop one here"));
    auto *save = new QPushButton(tr("Save trace as JSON…"), this);
    save->setToolTip(tr("Save the open trace as Jaeger JSON"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open trace"), {}, tr("Jaeger JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT openFileRequested(path);
    });
    connect(save, &QPushButton::clicked, this, [this] {
        if (!m_trace->traceLayout())
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save trace"), m_trace->traceLayout()->trace->traceId + u".json"_s,
            tr("Jaeger JSON (*.json)"));
        if (!path.isEmpty())
            Q_EMIT saveRequested(path);
    });
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(open);
    bar->addWidget(save);
    m_tabs->addTab(m_search, tr("Search"));
    m_tabs->addTab(m_trace, tr("Trace"));
    m_tabs->setCornerWidget(new QWidget(this));
    auto *corner = new QWidget(this);
    corner->setLayout(bar);
    bar->setContentsMargins(0, 0, 0, 0);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
}

void TracesPage::setOpenShortcutEnabled(bool enabled)
{
    m_open->setShortcut(enabled ? QKeySequence(u"Ctrl+Shift+O"_s) : QKeySequence());
}

void TracesPage::showSearch()
{
    m_tabs->setCurrentWidget(m_search);
}

void TracesPage::showTrace()
{
    m_tabs->setCurrentWidget(m_trace);
}

void TracesPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void TracesPage::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        Q_EMIT openFileRequested(urls.first().toLocalFile());
    }
}

} // namespace Stackscope
