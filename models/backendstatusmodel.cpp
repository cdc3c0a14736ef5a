// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/backendstatusmodel.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

BackendStatusModel::BackendStatusModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int BackendStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BackendStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackendStatus &s = m_rows.at(index.row());
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
    default:
        return {};
    }
}

QHash<int, QByteArray> BackendStatusModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(StateRole, "state");
    names.insert(ReasonRole, "reason");
    names.insert(EndpointRole, "endpoint");
    names.insert(VersionRole, "version");
    names.insert(SinceRole, "since");
    names.insert(LatencyRole, "latency");
    names.insert(StatusRole, "status");
    return names;
}

int BackendStatusModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

void BackendStatusModel::update(const BackendStatus &status)
{
    const int row = rowOf(status.id);
    if (row < 0) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
        m_rows.append(status);
        endInsertRows();
        return;
    }
    BackendStatus &current = m_rows[row];
    BackendStatus merged = status;
    if (merged.state == current.state && current.since.isValid())
        merged.since = current.since;
    const bool visible = !current.sameAs(merged);
    const bool latencyChanged = current.latencyMs != merged.latencyMs;
    current = merged;
    const QModelIndex idx = index(row);
    if (visible) {
        Q_EMIT dataChanged(idx, idx);
    } else if (latencyChanged) {
        Q_EMIT dataChanged(idx, idx, {LatencyRole, StatusRole});
    }
}

void BackendStatusModel::retain(const QStringList &ids)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!ids.contains(m_rows.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
}

} // namespace Stackscope
