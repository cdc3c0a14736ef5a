// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/traces/spanstatisticsview.h"
#include "models/common/offthread.h"
#include "models/traces/spanstatisticsmodel.h"
#include "ui/plaintooltips.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stackscope {

SpanStatisticsView::SpanStatisticsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SpanStatisticsModel(this))
    , m_groupBy(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_markLabel(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_table(new QTableView(this))
{
    m_groupBy->setAccessibleName(tr("Group spans by"));
    m_groupBy->setMinimumContentsLength(18);
    m_groupBy->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillGroupBox();
    m_summary->setTextFormat(Qt::PlainText);
    m_markLabel->setTextFormat(Qt::PlainText);
    m_previous->setText(tr("◀"));
    m_previous->setToolTip(tr("The selected rows' previous span in the timeline (Shift+M there)"));
    m_next->setText(tr("▶"));
    m_next->setToolTip(tr("The selected rows' next span in the timeline (M there)"));
    m_previous->setEnabled(false);
    m_next->setEnabled(false);

    m_model->sort(SpanStatisticsModel::TotalColumn, Qt::DescendingOrder);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SpanStatisticsModel::TotalColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(SpanStatisticsModel::NameColumn,
                                                      QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setAccessibleName(tr("Span statistics"));
    showItemToolTipsAsPlainText(m_table);

    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("Group by"), this);
    label->setBuddy(m_groupBy);
    bar->addWidget(label);
    bar->addWidget(m_groupBy);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_markLabel);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_groupBy, &QComboBox::activated, this, [this] { compute(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SpanStatisticsView::emitSelection);
    connect(m_previous, &QToolButton::clicked, this, &SpanStatisticsView::previousSpanRequested);
    connect(m_next, &QToolButton::clicked, this, &SpanStatisticsView::nextSpanRequested);
}

void SpanStatisticsView::fillGroupBox()
{
    const QVariant current = m_groupBy->currentData();
    m_groupBy->clear();
    m_groupBy->addItem(tr("Service"), u"service"_s);
    m_groupBy->addItem(tr("Operation"), u"operation"_s);
    m_groupBy->addItem(tr("Service and operation"), u"service+operation"_s);
    if (m_layout) {
        const QStringList keys = SpanStatistics::tagKeys(*m_layout->trace);
        if (!keys.isEmpty())
            m_groupBy->insertSeparator(m_groupBy->count());
        for (const QString &key : keys)
            m_groupBy->addItem(tr("Tag: %1").arg(key), QString(u"tag:"_s + key));
    }
    const int at = m_groupBy->findData(current);
    m_groupBy->setCurrentIndex(at >= 0 ? at : 1);
}

void SpanStatisticsView::setTraceLayout(TraceLayoutPtr layout)
{
    m_layout = std::move(layout);
    m_ready = false;
    ++m_generation;
    m_pending = false;
    fillGroupBox();
    m_model->setStatistics({});
    m_summary->clear();
    setMarkPosition(-1, 0);
    if (isVisible())
        compute();
}

void SpanStatisticsView::setGroupBy(SpanStatistics::GroupBy by, const QString &tagKey)
{
    QString data;
    switch (by) {
    case SpanStatistics::GroupBy::Service:
        data = u"service"_s;
        break;
    case SpanStatistics::GroupBy::Operation:
        data = u"operation"_s;
        break;
    case SpanStatistics::GroupBy::ServiceOperation:
        data = u"service+operation"_s;
        break;
    case SpanStatistics::GroupBy::Tag:
        data = u"tag:"_s + tagKey;
        break;
    }
    const int at = m_groupBy->findData(QVariant(data));
    if (at < 0)
        return;
    m_groupBy->setCurrentIndex(at);
    compute();
}

void SpanStatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_ready && !m_pending)
        compute();
}

void SpanStatisticsView::compute()
{
    if (!m_layout)
        return;
    const QString data = m_groupBy->currentData().toString();
    SpanStatistics::GroupBy by = SpanStatistics::GroupBy::Operation;
    QString tagKey;
    if (data == u"service"_s)
        by = SpanStatistics::GroupBy::Service;
    else if (data == u"service+operation"_s)
        by = SpanStatistics::GroupBy::ServiceOperation;
    else if (data.startsWith(u"tag:"_s)) {
        by = SpanStatistics::GroupBy::Tag;
        tagKey = data.mid(4);
    }
    const quint64 generation = ++m_generation;
    m_pending = true;
    m_summary->setText(tr("Computing…"));
    OffThread::run(
        this,
        [layout = m_layout, by, tagKey] { return SpanStatistics::compute(*layout, by, tagKey); },
        [this, generation](SpanStatistics stats) {
            if (generation != m_generation)
                return;
            m_pending = false;
            m_ready = true;
            const int groups = int(stats.groups.size());
            const int spans = stats.spanCount;
            m_model->setStatistics(std::move(stats));
            m_summary->setText(tr("%n group(s)", nullptr, groups) + u" · "_s
                               + tr("%n span(s)", nullptr, spans));
            for (int c = 1; c < SpanStatisticsModel::ColumnCount; ++c)
                m_table->setColumnWidth(
                    c, std::max(80, fontMetrics().horizontalAdvance(u"888.88 ms"_s) + 20));
            setMarkPosition(-1, 0);
            Q_EMIT spansSelected({});
            Q_EMIT statisticsReady();
        });
}

void SpanStatisticsView::emitSelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::vector<qint32> spans;
    for (const QModelIndex &index : rows) {
        const auto &group = m_model->groupAt(index.row());
        spans.insert(spans.end(), group.spans.begin(), group.spans.end());
    }
    Q_EMIT spansSelected(spans);
}

void SpanStatisticsView::setMarkPosition(int current, int count)
{
    m_previous->setEnabled(count > 0);
    m_next->setEnabled(count > 0);
    if (count <= 0)
        m_markLabel->setText(m_ready ? tr("Select rows to mark their spans") : QString());
    else if (current < 0)
        m_markLabel->setText(tr("%n span(s) marked", nullptr, count));
    else
        m_markLabel->setText(tr("span %1 of %2 marked").arg(current + 1).arg(count));
}

} // namespace Stackscope
