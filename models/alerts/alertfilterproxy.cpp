// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/alertfilterproxy.h"

#include "models/alerts/alertmodel.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

AlertFilterProxy::AlertFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlertModel::SortRole);
    setDynamicSortFilter(true);
    sort(AlertModel::SeverityColumn, Qt::AscendingOrder);
}

void AlertFilterProxy::setMinimumSeverity(int rank)
{
    if (rank == m_minimumRank)
        return;
    m_minimumRank = rank;
    refilter();
}

QString AlertFilterProxy::setMatcherFilter(const QString &text)
{
    MatcherSet matchers;
    const QString error = matchers.parse(text);
    if (!error.isEmpty())
        return error;
    m_matchers = matchers;
    refilter();
    return {};
}

void AlertFilterProxy::setTextFilter(const QString &text)
{
    m_text = text.trimmed();
    refilter();
}

void AlertFilterProxy::setShowPending(bool show)
{
    m_showPending = show;
    refilter();
}

void AlertFilterProxy::refilter()
{
    // invalidate(), not invalidateFilter(): a filter change is then one layout change (the rows
    // that stay keep their persistent indexes), where invalidateFilter() announces each run of
    // removed and inserted rows, and the grouped view above followed each of them (a text filter
    // over 2,000 alerts was about 500 removals).
    invalidate();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const AlertModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const Alert &a = model->at(sourceRow);
    if (!m_showPending && a.state == Alert::State::Pending)
        return false;
    if (m_minimumRank > 0 && sortKey(*model, sourceRow).rank < m_minimumRank)
        return false;
    if (!m_matchers.matches(a.labels))
        return false;
    if (m_text.isEmpty())
        return true;
    const auto has = [this](const QString &s) {
        return s.contains(m_text, Qt::CaseInsensitive);
    };
    if (has(a.name()) || has(a.summary()) || has(a.description()))
        return true;
    for (auto it = a.labels.cbegin(); it != a.labels.cend(); ++it) {
        if (has(it.value()) || has(it.key()))
            return true;
    }
    return false;
}

} // namespace Stackscope

namespace Stackscope {

const AlertFilterProxy::SortKey &AlertFilterProxy::sortKey(const AlertModel &model,
                                                           int sourceRow) const
{
    if (m_keysRevision != model.revision() || m_keys.size() != size_t(model.rowCount())) {
        m_keys.resize(size_t(model.rowCount()));
        for (int row = 0; row < model.rowCount(); ++row) {
            const Alert &a = model.at(row);
            m_keys[size_t(row)] = SortKey{severityRank(a.severity()), a.name()};
        }
        m_keysRevision = model.revision();
    }
    return m_keys[size_t(sourceRow)];
}

bool AlertFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *model = qobject_cast<const AlertModel *>(sourceModel());
    if (!model)
        return QSortFilterProxyModel::lessThan(left, right);
    const Alert &a = model->at(left.row());
    const Alert &b = model->at(right.row());
    switch (left.column()) {
    case AlertModel::SeverityColumn: {
        // severity (worst first), then firing before pending, then name, then age
        const SortKey &ka = sortKey(*model, left.row());
        const SortKey &kb = sortKey(*model, right.row());
        if (ka.rank != kb.rank)
            return ka.rank > kb.rank;
        if (a.state != b.state)
            return a.state == Alert::State::Firing;
        const int byName = QString::compare(ka.name, kb.name);
        if (byName != 0)
            return byName < 0;
        return a.startsAt < b.startsAt;
    }
    case AlertModel::SinceColumn:
        return a.startsAt < b.startsAt;
    default:
        return QSortFilterProxyModel::lessThan(left, right);
    }
}

} // namespace Stackscope
