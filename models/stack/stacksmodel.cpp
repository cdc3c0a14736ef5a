// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/stack/stacksmodel.h"
#include "models/common/palette.h"

#include <QBrush>
#include <QDir>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

Palette::Tone toneOf(StackSummary::State state)
{
    switch (state) {
    case StackSummary::State::Running:
        return Palette::Tone::Good;
    case StackSummary::State::Partial:
        return Palette::Tone::Warning;
    case StackSummary::State::Stopped:
        break;
    }
    return Palette::Tone::Muted;
}

/// A folder as people read it: the home folder as "~".
QString displayPath(const QString &path)
{
    const QString home = QDir::homePath();
    if (home.size() > 1 && (path == home || path.startsWith(home + u'/')))
        return u'~' + path.mid(home.size());
    return path;
}

/// The compose files by name when they lie in the project's folder, else by path.
QString filesText(const StackSummary &s)
{
    QStringList names;
    for (const QString &file : s.configFiles) {
        if (!s.workingDir.isEmpty() && file.startsWith(s.workingDir + u'/'))
            names << file.mid(s.workingDir.size() + 1);
        else
            names << displayPath(file);
    }
    return names.join(u", "_s);
}

} // namespace

StacksModel::StacksModel(QObject *parent)
    : KeyedTableModel(parent)
{}

int StacksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const StackSummary *StacksModel::stack(const QString &name) const
{
    const int row = rowOf(name);
    return row < 0 ? nullptr : &at(row);
}

QVariant StacksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StackSummary &s = at(index.row());
    switch (role) {
    case SummaryRole:
        return QVariant::fromValue(s);
    case StateRole:
        return int(s.state);
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case Name:
            return s.name;
        case State:
            return sort ? QVariant(int(s.state)) : QVariant(StackSummaries::stateText(s.state));
        case Services:
            if (sort)
                return s.servicesTotal == 0 ? 0.0 : double(s.servicesRunning) / s.servicesTotal;
            return tr("%1 of %2").arg(s.servicesRunning).arg(s.servicesTotal);
        case Folder:
            return sort ? s.workingDir : displayPath(s.workingDir);
        case ComposeFiles:
            return filesText(s);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Name:
            if (!s.problems.isEmpty())
                return s.problems.join(u"\n"_s);
            return tr("%n container(s)", nullptr, s.containers);
        case Services:
            return s.services.join(u", "_s);
        case Folder:
            return s.workingDir;
        case ComposeFiles:
            return s.configFiles.join(u"\n"_s);
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == State)
        return Palette::color(toneOf(s.state));
    if (role == Qt::ForegroundRole) {
        if (column == State)
            return QBrush(Palette::color(toneOf(s.state)));
        if (column == Name && !s.problems.isEmpty())
            return QBrush(Palette::color(Palette::Tone::Warning));
    }
    return {};
}

QVariant StacksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Project");
    case State:
        return tr("State");
    case Services:
        return tr("Services running");
    case Folder:
        return tr("Folder");
    case ComposeFiles:
        return tr("Compose files");
    default:
        return {};
    }
}

} // namespace Stackscope
