// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
    /// "name=value" or "name!=value" terms separated by commas or spaces; an alert must match all.
    /// Returns false (and keeps the previous filter) when the text does not parse.
    bool setLabelFilter(const QString &text);
    /// Case-insensitive substring over name, labels, summary and description.
    void setTextFilter(const QString &text);
    void setShowPending(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    /// Compares the values directly (no QVariant strings): 2,000 alerts re-sort in a poll.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    struct Term
    {
        QString name;
        QString value;
        bool equal = true;
    };
    int m_minimumRank = 0;
    QList<Term> m_terms;
    QString m_text;
    bool m_showPending = true;
};

} // namespace Stackscope
