// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QSortFilterProxyModel>

namespace Stackscope {

/// The Alerts page's view of an AlertModel: sorted by severity, then state, then name, and
/// filtered by a minimum severity, label matchers and free text.
class AlertFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AlertFilterProxy(QObject *parent = nullptr);

    /// Hide alerts whose severityRank() is below `rank` (0 shows all).
    void setMinimumSeverity(int rank);
    /// Alertmanager matchers (`name="v"`, `!=`, `=~`, `!~`, optionally in braces) separated by
    /// commas or spaces; an alert must match all. Returns what is wrong with the text (and keeps
    /// the previous filter), or an empty string.
    QString setMatcherFilter(const QString &text);
    /// setMatcherFilter() that says only whether the text was taken.
    bool setLabelFilter(const QString &text) { return setMatcherFilter(text).isEmpty(); }
    const MatcherSet &matcherFilter() const { return m_matchers; }
    /// Case-insensitive substring over name, labels, summary and description.
    void setTextFilter(const QString &text);
    void setShowPending(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// Compares the values directly (no QVariant strings): 2,000 alerts re-sort in a poll.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_minimumRank = 0;
    MatcherSet m_matchers;
    QString m_text;
    bool m_showPending = true;
};

} // namespace Stackscope
