// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/silencemodel.h"
#include "models/common/palette.h"

#include <QIcon>

#include <algorithm>

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
    const bool untilResolved = m_untilResolved.contains(s.id);
    switch (role) {
    case Qt::ToolTipRole:
        if (index.column() == EndsColumn && s.expiresSoon(now()))
            return tr("Ends at %1, in %2 min")
                .arg(s.endsAt.toLocalTime().toString(u"HH:mm"_s))
                .arg(std::max<qint64>(0, (now().secsTo(s.endsAt) + 59) / 60));
        if (index.column() == StateColumn && untilResolved)
            return tr("Stackscope expires this silence when every alert it matched has "
                      "resolved, and renews it while they fire");
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn: {
            QString state;
            switch (s.state) {
            case Silence::State::Pending:
                state = tr("pending");
                break;
            case Silence::State::Active:
                state = tr("active");
                break;
            case Silence::State::Expired:
                state = tr("expired");
                break;
            }
            return untilResolved && s.state != Silence::State::Expired
                       ? tr("%1, until resolved").arg(state)
                       : state;
        }
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
    case Qt::ForegroundRole:
        if (index.column() == EndsColumn && s.expiresSoon(now()))
            return Palette::color(Palette::Tone::Warning);
        return {};
    case Qt::DecorationRole:
        if (index.column() == EndsColumn && s.expiresSoon(now()))
            return QIcon::fromTheme(u"appointment-soon"_s, QIcon::fromTheme(u"dialog-warning"_s));
        return {};
    case UntilResolvedRole:
        return untilResolved;
    case ExpiresSoonRole:
        return s.expiresSoon(now());
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

void SilenceModel::setUntilResolved(const QStringList &ids)
{
    if (ids == m_untilResolved)
        return;
    m_untilResolved = ids;
    allRowsChanged();
}

void SilenceModel::setNow(const QDateTime &now)
{
    m_now = now;
    allRowsChanged();
}

QDateTime SilenceModel::now() const
{
    return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc();
}

int SilenceModel::expiringSoonCount() const
{
    const QDateTime t = now();
    return int(std::count_if(items().cbegin(), items().cend(),
                             [&t](const Silence &s) { return s.expiresSoon(t); }));
}

void SilenceModel::allRowsChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
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
