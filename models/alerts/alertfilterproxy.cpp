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
    invalidateFilter();
}

QString AlertFilterProxy::setMatcherFilter(const QString &text)
{
    MatcherSet matchers;
    const QString error = matchers.parse(text);
    if (!error.isEmpty())
        return error;
    m_matchers = matchers;
    invalidateFilter();
    return {};
}

void AlertFilterProxy::setTextFilter(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void AlertFilterProxy::setShowPending(bool show)
{
    m_showPending = show;
    invalidateFilter();
}

bool AlertFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const AlertModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const Alert &a = model->at(sourceRow);
    if (!m_showPending && a.state == Alert::State::Pending)
        return false;
    if (severityRank(a.severity()) < m_minimumRank)
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
        const int ra = severityRank(a.severity());
        const int rb = severityRank(b.severity());
        if (ra != rb)
            return ra > rb;
        if (a.state != b.state)
            return a.state == Alert::State::Firing;
        const int byName = QString::compare(a.name(), b.name());
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
