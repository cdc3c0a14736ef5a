// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/backendstatus.h"
#include "models/common/keyedtablemodel.h"

#include <QList>

namespace Stackscope {

/// One row per backend, in the order they were first seen. Updates are merged by id: a changed
/// row emits dataChanged for that row only, a new one is inserted, and rows never reset, so views
/// keep their selection.
class BackendStatusModel : public KeyedTableModel<BackendStatus>
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< QString: BackendStatus::id
        StateRole,                 ///< int: BackendStatus::State
        ReasonRole,                ///< QString: why it is down, empty when up
        EndpointRole,              ///< QString: the URL or socket asked
        VersionRole,               ///< QString: server version, when known
        SinceRole,                 ///< QDateTime: when the state last changed
        LatencyRole,               ///< qint64: milliseconds of the last check, -1 unknown
        StatusRole,                ///< QVariant<BackendStatus>: the whole value
        OriginRole,                ///< QString: where the endpoint comes from (configuration...)
    };
    Q_ENUM(Role)

    explicit BackendStatusModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Inserts or updates the row with `status.id`; keeps `since` when the state did not change.
    void update(const BackendStatus &status) { upsert(status); }
    // retain(ids) removes the rows whose id is not in `ids` (an Alertmanager removed from the
    // configuration).

    const QList<BackendStatus> &statuses() const { return items(); }

protected:
    QString keyOf(const BackendStatus &status) const override { return status.id; }
    BackendStatus merged(const BackendStatus &current,
                         const BackendStatus &incoming) const override;
    /// A new latency alone changes the latency and the whole value, not the text views show.
    std::optional<QList<int>> changedRoles(const BackendStatus &before,
                                           const BackendStatus &after) const override;
};

} // namespace Stackscope
