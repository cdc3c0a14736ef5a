// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/alerts/alerthistoryview.h"

#include "models/alerts/alerthistorymodel.h"
#include "models/common/format.h"
#include "ui/plaintooltips.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

AlertHistoryView::AlertHistoryView(AlertHistoryModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_details(new QLabel(this))
    , m_chart(new QPushButton(tr("Open as chart"), this))
{
    setObjectName(u"alertHistory"_s);
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1); // name, labels and times
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(AlertHistoryModel::SortRole);
    m_filter->setObjectName(u"historyFilter"_s);
    m_filter->setPlaceholderText(tr("Search name, labels"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    m_count->setTextFormat(Qt::PlainText);

    m_view->setObjectName(u"historyView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    showItemToolTipsAsPlainText(m_view); // labels are the rule author's text
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertHistoryModel::FromColumn, Qt::DescendingOrder);
    m_view->setColumnWidth(AlertHistoryModel::AlertColumn, 180);
    m_view->setColumnWidth(AlertHistoryModel::LabelsColumn, 360);
    m_view->setColumnWidth(AlertHistoryModel::FromColumn, 150);
    m_view->setColumnWidth(AlertHistoryModel::ToColumn, 150);
    m_view->setColumnWidth(AlertHistoryModel::DurationColumn, 110);

    m_details->setObjectName(u"historyDetails"_s);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_chart->setObjectName(u"historyChartButton"_s);
    m_chart->setEnabled(false);
    connect(m_chart, &QPushButton::clicked, this, [this] {
        AlertPeriod period;
        if (currentPeriod(&period))
            Q_EMIT openChartRequested(period);
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(m_count);
    auto *detailsBox = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_chart);
    buttons->addStretch(1);
    detailsLayout->addLayout(buttons);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    const auto recount = [this] {
        m_count->setText(tr("%n period(s)", nullptr, m_proxy->rowCount()));
    };
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, recount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, recount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, recount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, recount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AlertHistoryView::updateDetails);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &AlertHistoryView::updateDetails);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &AlertHistoryView::updateDetails);
    recount();
    updateDetails();
}

bool AlertHistoryView::currentPeriod(AlertPeriod *period) const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid())
        return false;
    *period = current.siblingAtColumn(0).data(AlertHistoryModel::PeriodRole).value<AlertPeriod>();
    return true;
}

QString AlertHistoryView::detailsText() const
{
    return m_details->text();
}

void AlertHistoryView::updateDetails()
{
    AlertPeriod p;
    if (!currentPeriod(&p)) {
        m_details->setText(tr("Select a period to see its details."));
        m_chart->setEnabled(false);
        return;
    }
    const auto time = [](const QDateTime &t) {
        return t.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s);
    };
    QStringList lines;
    lines << p.name;
    const qint64 seconds = p.from.isValid() && p.until().isValid() ? p.from.secsTo(p.until()) : 0;
    if (p.isOpen())
        lines << tr("Firing since %1 (%2 so far; last seen %3)")
                     .arg(time(p.from), Format::elapsed(seconds), time(p.seen));
    else
        lines << tr("Fired from %1 to %2 (%3)")
                     .arg(time(p.from), time(p.to), Format::elapsed(seconds));
    lines << tr("Fired %n time(s) in the kept history", nullptr, m_model->countOf(p.fingerprint));
    if (p.silenced)
        lines << tr("Silenced during this period");
    lines << tr("Labels:");
    for (auto it = p.labels.cbegin(); it != p.labels.cend(); ++it)
        lines << u"  %1 = %2"_s.arg(it.key(), it.value());
    lines << tr("Fingerprint: %1").arg(p.fingerprint);
    m_details->setText(lines.join(u'\n'));
    m_chart->setEnabled(true);
}

} // namespace Stackscope
