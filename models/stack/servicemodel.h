// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/common/keyedtablemodel.h"
#include "models/stack/resourcehistory.h"
#include "models/stack/samplehistory.h"
#include "models/stack/servicestatus.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace Stackscope {

/// The services table: one row per service of the compose project. Updates are merged by
/// service name: changed cells emit dataChanged for their row, new services are inserted,
/// vanished ones removed; the model never resets, so views keep selection and scroll.
/// Each service's resource samples of the last hour are kept by service name, across its
/// containers, with a gap where it was not running, and dropped when the service goes away.
/// Views get them through CpuHistoryRole and MemoryHistoryRole as a SampleHistory, which is
/// implicitly shared: the QVariant costs a reference count, not a copy of the samples. Every
/// row's history is meant to be drawn over the HistoryWindowRole range, which ends now and starts
/// an hour ago, or at the model's first sample while that is later (a minute ago at least), so
/// that all rows share one time axis. A longer history from elsewhere (setLongHistory(): cAdvisor's
/// series in Prometheus) takes the place of a service's own samples where it has any, and the
/// window then spans its range; HistorySourceRole says per row where the history came from.
class ServiceModel : public KeyedTableModel<ServiceStatus>
{
    Q_OBJECT
public:
    enum Column {
        Service,
        State,
        Health,
        Uptime,
        Restarts,
        Ports,
        Image,
        Cpu,
        Memory,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        ServiceRole = Qt::UserRole + 1, ///< QString: the compose service
        ConditionRole,                  ///< int: ServiceStatus::Condition
        ContainerIdRole,                ///< QString: empty when not created
        UrlsRole,                       ///< QStringList: links to the service's web UI
        StatusRole,                     ///< QVariant<ServiceStatus>
        SortRole,                       ///< a value that sorts the column naturally
        CpuHistoryRole,    ///< SampleHistory: CPU % of the last hour (see class comment)
        MemoryHistoryRole, ///< SampleHistory: memory bytes of the last hour
        HistoryWindowRole, ///< SampleHistory::Window: one range for every row (see above)
        HistorySourceRole, ///< QString: where the row's CPU and memory history came from
    };
    Q_ENUM(Role)

    explicit ServiceModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Merges a new full list (see class comment); new services take their place in its order.
    void setServices(const QList<ServiceStatus> &services);
    /// Replaces one row's container (an event or an inspect arrived); false when unknown.
    bool updateContainer(const QString &service, const ContainerInfo &container);
    /// A resource sample for the container `containerId`, taken now(): also added to its
    /// service's history.
    void updateStats(const QString &containerId, double cpuPercent, qint64 memoryBytes,
                     qint64 memoryLimit);
    /// Uptime and the history window are relative to now: refreshes those columns and drops
    /// samples older than an hour.
    void tick();
    /// A longer history by service (see class comment); an empty one goes back to the
    /// model's own samples.
    void setLongHistory(const ResourceHistories &history);
    const ResourceHistories &longHistory() const { return m_long; }
    /// Where the history the page draws comes from, in words: the long history's source when
    /// it has any service, else Stackscope's own samples.
    QString historySource() const;
    /// For tests: the time uptime is measured against (invalid = the clock).
    void setNow(const QDateTime &now) { m_now = now; }

    const QList<ServiceStatus> &services() const { return items(); }
    const ServiceStatus *service(const QString &name) const;

protected:
    QString keyOf(const ServiceStatus &status) const override { return status.service; }
    bool newRowsInIncomingOrder() const override { return true; }

private:
    /// The CPU and memory samples of one service.
    struct History
    {
        SampleHistory cpu;
        SampleHistory memory;
        QString containerId; ///< whose samples came last: another container starts after a gap
    };

    QDateTime now() const;
    QString rowHistorySource(const QString &service) const;
    void markGap(const QString &service);
    SampleHistory::Window historyWindow() const;

    QDateTime m_now;
    QHash<QString, History> m_history; ///< by service name
    ResourceHistories m_long;          ///< from setLongHistory()
    qint64 m_firstSampleMsecs = -1;    ///< when the model took its first sample
};

} // namespace Stackscope
