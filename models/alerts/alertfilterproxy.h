// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QSortFilterProxyModel>

#include <vector>

namespace Stackscope {

class AlertModel;

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
    void refilter();
    /// What the sort compares first, per source row: the severity's rank and the alert's name
    /// (both lookups in the alert's label map, made once per change of the source rather than
    /// in each of the ~22,000 comparisons of a sort of 2,000 alerts).
    struct SortKey
    {
        int rank = 0;
        QString name;
    };
    const SortKey &sortKey(const AlertModel &model, int sourceRow) const;

    mutable std::vector<SortKey> m_keys;
    mutable quint64 m_keysRevision = 0;

    int m_minimumRank = 0;
    MatcherSet m_matchers;
    QString m_text;
    bool m_showPending = true;
};

} // namespace Stackscope
