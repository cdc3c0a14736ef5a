// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/silencemodel.h"

using namespace Qt::StringLiterals;

namespace Stackscope {

SilenceModel::SilenceModel(QObject *parent)
    : KeyedTableModel<Silence>(parent)
{}

int SilenceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Silence &s = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StateColumn:
            switch (s.state) {
            case Silence::State::Pending:
                return tr("pending");
            case Silence::State::Active:
                return tr("active");
            case Silence::State::Expired:
                return tr("expired");
            }
            return {};
        case MatchersColumn:
            return s.matchersText();
        case CreatedByColumn:
            return s.createdBy;
        case CommentColumn:
            return s.comment;
        case EndsColumn:
            return s.endsAt.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
        case SourcesColumn:
            return s.sources.join(u", "_s);
        }
        return {};
    case SilenceRole:
        return QVariant::fromValue(s);
    case IdRole:
        return s.id;
    case StateRole:
        return int(s.state);
    default:
        return {};
    }
}

QVariant SilenceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn:
        return tr("State");
    case MatchersColumn:
        return tr("Matchers");
    case CreatedByColumn:
        return tr("Created by");
    case CommentColumn:
        return tr("Comment");
    case EndsColumn:
        return tr("Ends at");
    case SourcesColumn:
        return tr("Alertmanagers");
    }
    return {};
}

} // namespace Stackscope
