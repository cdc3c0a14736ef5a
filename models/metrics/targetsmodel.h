// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/series.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>

#include <memory>

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

/// Scrape targets grouped by job: a top-level row per job (its target count and how many are
/// up and down) with the job's targets as children, both sorted (jobs by name, targets by
/// instance). Merged on every update: changed targets emit one dataChanged per contiguous run of
/// changed rows (and one for their job's row when the counts change), new ones are inserted in
/// place, vanished ones removed; the model never resets, so a view keeps its selection,
/// expansion and scroll position. Each target's filter text is computed once in the merge, so a
/// filtering proxy (filterKeyColumn 0, FilterRole) never formats while it filters.
class TargetsModel : public QAbstractItemModel
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
        HealthRole = Qt::UserRole + 1, ///< QString "up"/"down"/"unknown" (targets only)
        TargetRole,                    ///< QVariant<ScrapeTarget> (targets only)
        SortRole,                      ///< a value that sorts naturally (dates, seconds)
        /// What a filter matches, in column 0 (filter on JobColumn): a job row its job's name (so
        /// matching a job shows all of its targets), a target row its job, instance, health and
        /// last error in one precomputed string. Other columns: an empty string.
        FilterRole,
        IsJobRole, ///< bool: a job's group row
    };

    explicit TargetsModel(QObject *parent = nullptr);
    ~TargetsModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Merges a full list of targets.
    void setTargets(const QList<ScrapeTarget> &targets);
    /// The reference time for "3 s ago" (tests pin it; empty = now).
    void setNow(const QDateTime &now) { m_now = now; }

    /// Every target, in display order (by job, then instance).
    QList<ScrapeTarget> targets() const;
    int targetCount() const;
    int upCount() const;
    /// The index of a job's group row (invalid when there is none).
    QModelIndex jobIndex(const QString &job) const;

private:
    struct Group
    {
        QString job;
        QList<ScrapeTarget> targets;
        QList<QString> filters; ///< filterText() of each target, same order
        int upCount = 0;        ///< counted once per merge (data() asks for them often)
        int downCount = 0;
        int up() const { return upCount; }
        int down() const { return downCount; }
        void recount();
    };
    static bool lessThan(const ScrapeTarget &a, const ScrapeTarget &b);
    int groupRow(const Group *group) const;
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant targetData(const ScrapeTarget &t, int column, int role) const;
    static QString filterText(const ScrapeTarget &t);
    void mergeGroup(int groupRow, const QList<ScrapeTarget> &incoming);

    std::vector<std::unique_ptr<Group>> m_groups;
    QDateTime m_now;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::ScrapeTarget)
