// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/tracespage.h"

#include "ui/traces/tracecompareview.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/traceview.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMenu>
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
    , m_compare(new TraceCompareView(this))
    , m_compareMenu(new QMenu(this))
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
    auto *compare = new QPushButton(tr("Compare…"), this);
    compare->setObjectName(u"compareMenuButton"_s);
    compare->setToolTip(tr("Compare two traces on latency: the open one with a file or a search "
                           "result, or two files"));
    compare->setMenu(m_compareMenu);
    connect(m_compareMenu, &QMenu::aboutToShow, this, &TracesPage::fillCompareMenu);
    connect(m_search, &TraceSearchPage::compareRequested, this, &TracesPage::compareRequested);
    connect(m_compare, &TraceCompareView::compareRequested, this, &TracesPage::compareRequested);
    auto *bar = new QHBoxLayout;
    bar->addStretch(1);
    bar->addWidget(open);
    bar->addWidget(compare);
    bar->addWidget(save);
    m_tabs->addTab(m_search, tr("Search"));
    m_tabs->addTab(m_trace, tr("Trace"));
    m_tabs->addTab(m_compare, tr("Compare"));
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

void TracesPage::showCompare()
{
    m_tabs->setCurrentWidget(m_compare);
}

void TracesPage::fillCompareMenu()
{
    // clear() leaves the submenu of the last time, which is a child of the menu, not an action.
    qDeleteAll(m_compareMenu->findChildren<QMenu *>(Qt::FindDirectChildrenOnly));
    m_compareMenu->clear();
    const TraceLayoutPtr open = m_trace->traceLayout();
    const TracePtr current = open ? open->trace : TracePtr();
    const QString filter = tr("Jaeger JSON (*.json);;All files (*)");
    QAction *withFile = m_compareMenu->addAction(
        tr("The open trace with a file…"), this, [this, current, filter] {
            const QString path = QFileDialog::getOpenFileName(this, tr("Compare with"), {}, filter);
            if (!path.isEmpty())
                Q_EMIT compareRequested(TraceSource::of(current), TraceSource::ofFile(path));
        });
    withFile->setEnabled(current != nullptr);
    QMenu *results = m_compareMenu->addMenu(tr("The open trace with a search result"));
    for (const TraceSummary &summary : m_search->model()->results()) {
        if (current && summary.traceId == current->traceId)
            continue;
        results->addAction(tr("%1 · %2 spans · %3")
                               .arg(summary.rootService + u": "_s + summary.rootOperation)
                               .arg(summary.spanCount)
                               .arg(summary.traceId.left(12)),
                           this, [this, current, summary] {
                               Q_EMIT compareRequested(TraceSource::of(current),
                                                       TraceSource::of(summary));
                           });
    }
    results->setEnabled(current && !results->isEmpty());
    QAction *selected = m_compareMenu->addAction(tr("The two selected search results"), m_search,
                                                 &TraceSearchPage::compareSelected);
    selected->setEnabled(m_search->selectedResults().size() == 2);
    m_compareMenu->addSeparator();
    m_compareMenu->addAction(tr("Two trace files…"), this, [this, filter] {
        const QStringList paths
            = QFileDialog::getOpenFileNames(this, tr("Choose two traces: A, then B"), {}, filter);
        if (paths.size() == 2)
            Q_EMIT compareRequested(TraceSource::ofFile(paths.at(0)),
                                    TraceSource::ofFile(paths.at(1)));
        else if (!paths.isEmpty()) {
            m_compare->setNotice(tr("Choose exactly two trace files to compare (%n chosen).",
                                    nullptr, int(paths.size())),
                                 true);
            showCompare();
        }
    });
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
