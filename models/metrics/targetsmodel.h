// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/series.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Stackscope {

/// One active scrape target from /api/v1/targets.
struct ScrapeTarget
{
    QString job;       ///< labels.job, else the scrape pool
    QString instance;  ///< labels.instance
    QString scrapeUrl; ///< with scrapePool, what identifies the target
    QString scrapePool;
    QString health; ///< "up", "down", "unknown"
    QDateTime lastScrape;
    double lastScrapeDurationSeconds = 0;
    QString lastError;
    Labels labels;

    QString key() const { return scrapePool + u'\n' + scrapeUrl; }
    friend bool operator==(const ScrapeTarget &, const ScrapeTarget &) = default;
};

/// Scrape targets grouped by job (rows sorted by job, then instance), merged on every update:
/// a changed target emits dataChanged for its row, new ones are inserted in place, vanished ones
/// removed; the model never resets, so the view keeps its selection and scroll position.
class TargetsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        JobColumn,
        InstanceColumn,
        HealthColumn,
        LastScrapeColumn,
        DurationColumn,
        ErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        HealthRole = Qt::UserRole + 1, ///< QString "up"/"down"/"unknown"
        TargetRole,                    ///< QVariant<ScrapeTarget>
        SortRole,                      ///< a value that sorts naturally (dates, seconds)
    };

    explicit TargetsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Merges a full list of targets.
    void setTargets(const QList<ScrapeTarget> &targets);
    /// The reference time for "3 s ago" (tests pin it; empty = now).
    void setNow(const QDateTime &now) { m_now = now; }

    const QList<ScrapeTarget> &targets() const { return m_rows; }
    int upCount() const;

private:
    static bool lessThan(const ScrapeTarget &a, const ScrapeTarget &b);
    QList<ScrapeTarget> m_rows;
    QDateTime m_now;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ScrapeTarget)
