// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backendstatusmodel.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

BackendStatusModel::BackendStatusModel(QObject *parent)
    : KeyedTableModel(parent)
{}

int BackendStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant BackendStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackendStatus &s = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (s.state == BackendStatus::State::Down && !s.reason.isEmpty())
            return u"%1: %2"_s.arg(s.displayName, s.reason);
        return u"%1: %2"_s.arg(s.displayName, stateText(s.state));
    case Qt::ToolTipRole:
        return s.endpoint;
    case IdRole:
        return s.id;
    case StateRole:
        return int(s.state);
    case ReasonRole:
        return s.reason;
    case EndpointRole:
        return s.endpoint;
    case VersionRole:
        return s.version;
    case SinceRole:
        return s.since;
    case LatencyRole:
        return s.latencyMs;
    case StatusRole:
        return QVariant::fromValue(s);
    case OriginRole:
        return s.origin;
    default:
        return {};
    }
}

QHash<int, QByteArray> BackendStatusModel::roleNames() const
{
    auto names = KeyedTableModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(StateRole, "state");
    names.insert(ReasonRole, "reason");
    names.insert(EndpointRole, "endpoint");
    names.insert(VersionRole, "version");
    names.insert(SinceRole, "since");
    names.insert(LatencyRole, "latency");
    names.insert(StatusRole, "status");
    names.insert(OriginRole, "origin");
    return names;
}

BackendStatus BackendStatusModel::merged(const BackendStatus &current,
                                         const BackendStatus &incoming) const
{
    BackendStatus merged = incoming;
    if (merged.state == current.state && current.since.isValid())
        merged.since = current.since;
    return merged;
}

std::optional<QList<int>> BackendStatusModel::changedRoles(const BackendStatus &before,
                                                           const BackendStatus &after) const
{
    if (!before.sameAs(after))
        return QList<int>();
    if (before.latencyMs != after.latencyMs)
        return QList<int>{LatencyRole, StatusRole};
    return std::nullopt;
}

} // namespace Stackscope
