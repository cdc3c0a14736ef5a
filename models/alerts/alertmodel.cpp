// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/alertmodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stackscope {

AlertModel::AlertModel(QObject *parent)
    : KeyedTableModel<Alert>(parent)
{}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString durationSince(const QDateTime &since, const QDateTime &now)
{
    return since.isValid() ? Format::elapsed(since.secsTo(now)) : QString();
}

static QString stateText(const Alert &a)
{
    QString text
        = a.state == Alert::State::Pending ? QObject::tr("pending") : QObject::tr("firing");
    if (a.silenced)
        text += QObject::tr(", silenced");
    if (a.inhibited)
        text += QObject::tr(", inhibited");
    if (a.stale)
        text += QObject::tr(", stale");
    return text;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Alert &a = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case SeverityColumn:
            return a.severity().isEmpty() ? tr("none") : a.severity();
        case NameColumn:
            return a.name();
        case StateColumn:
            if (role == Qt::ToolTipRole && a.stale)
                return tr("%1\nLast said by %2, which does not answer now: it may have resolved.")
                    .arg(stateText(a), a.sources.join(u", "_s));
            return stateText(a);
        case SummaryColumn:
            return role == Qt::ToolTipRole && !a.description().isEmpty()
                       ? a.summary() + u'\n' + a.description()
                       : a.summary();
        case SinceColumn:
            return role == Qt::ToolTipRole
                       ? a.startsAt.toLocalTime().toString(Qt::ISODate)
                       : durationSince(a.startsAt, QDateTime::currentDateTimeUtc());
        case LabelsColumn:
            return labelsText(a.labels);
        case ValueColumn:
            return a.valueText();
        case SourcesColumn:
            return a.sources.join(u", "_s);
        case ClusterColumn:
            return a.cluster;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return QBrush(severityColor(severityRank(a.severity())));
        if (a.isSuppressed() || a.stale || a.state == Alert::State::Pending)
            return QBrush(Palette::color(Palette::Tone::Muted));
        return {};
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            // severity, then firing before pending, then name: the page's grouping
            return u"%1%2%3"_s.arg(9 - severityRank(a.severity()))
                .arg(a.state == Alert::State::Firing ? 0 : 1)
                .arg(a.name());
        case SinceColumn:
            return a.startsAt;
        case ValueColumn: { // numerically; an alert without a value last
            bool ok = false;
            const double v = a.value.toDouble(&ok);
            return ok && !std::isnan(v) ? v : std::numeric_limits<double>::infinity();
        }
        default:
            return data(index, Qt::DisplayRole);
        }
    case AlertRole:
        return QVariant::fromValue(a);
    case FingerprintRole:
        return a.key();
    case SeverityRankRole:
        return severityRank(a.severity());
    case StateRole:
        return int(a.state);
    default:
        return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case NameColumn:
        return tr("Alert");
    case StateColumn:
        return tr("State");
    case SummaryColumn:
        return tr("Summary");
    case SinceColumn:
        return tr("Active for");
    case LabelsColumn:
        return tr("Labels");
    case ValueColumn:
        return tr("Value");
    case SourcesColumn:
        return tr("Reported by");
    case ClusterColumn:
        return tr("Cluster");
    }
    return {};
}

std::optional<QList<int>> AlertModel::changedRoles(const Alert &before, const Alert &after) const
{
    // Alertmanager moves updatedAt and endsAt forward each time Prometheus sends the alert
    // again (every minute by default, for every firing alert): no column shows them, and
    // announcing them would make the sorted and grouped views redo every row on each poll.
    Alert comparable = after;
    comparable.updatedAt = before.updatedAt;
    comparable.endsAt = before.endsAt;
    if (before == comparable)
        return std::nullopt;
    return QList<int>();
}

int AlertModel::firingCount() const
{
    int count = 0;
    for (const Alert &a : items()) {
        if (a.state == Alert::State::Firing && !a.isSuppressed())
            ++count;
    }
    return count;
}

int AlertModel::rowOfKeyOrFingerprint(const QString &key) const
{
    const int row = rowOf(key);
    if (row >= 0 || key.isEmpty())
        return row;
    const QList<Alert> &all = items();
    for (int i = 0; i < all.size(); ++i) {
        if (all.at(i).fingerprint == key)
            return i;
    }
    return -1;
}

bool AlertModel::hasClusters() const
{
    return std::any_of(items().cbegin(), items().cend(),
                       [](const Alert &a) { return !a.cluster.isEmpty(); });
}

int AlertModel::highestFiringRank() const
{
    int rank = -1;
    for (const Alert &a : items()) {
        if (a.state == Alert::State::Firing && !a.isSuppressed())
            rank = std::max(rank, severityRank(a.severity()));
    }
    return rank;
}

} // namespace Stackscope
