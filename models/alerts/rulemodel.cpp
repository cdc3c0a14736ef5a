// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/alerts/rulemodel.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QBrush>
#include <QColor>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stackscope {

QString ruleForText(const Rule &rule)
{
    if (!rule.alerting || !(rule.durationSeconds > 0))
        return {};
    return Format::durationLiteral(
        std::chrono::milliseconds(std::llround(rule.durationSeconds * 1000)));
}

QString ruleAnnotationsText(const Rule &rule)
{
    // summary and description first, as an alert's details show them, then the rest by name
    QStringList lines;
    for (const QString &first : {u"summary"_s, u"description"_s}) {
        if (rule.annotations.contains(first))
            lines << first + u": "_s + rule.annotations.value(first);
    }
    for (auto it = rule.annotations.cbegin(); it != rule.annotations.cend(); ++it) {
        if (it.key() != "summary"_L1 && it.key() != "description"_L1)
            lines << it.key() + u": "_s + it.value();
    }
    return lines.join(u'\n');
}

static QString ruleToolTip(const Rule &rule)
{
    QStringList lines{rule.name};
    if (!rule.labels.isEmpty())
        lines << RuleModel::tr("Labels: %1").arg(labelsText(rule.labels));
    if (!rule.annotations.isEmpty())
        lines << ruleAnnotationsText(rule);
    return lines.join(u'\n');
}

RuleModel::RuleModel(QObject *parent)
    : KeyedTableModel<Rule>(parent)
{}

int RuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Rule &r = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case GroupColumn:
            return r.group;
        case NameColumn:
            return role == Qt::ToolTipRole ? ruleToolTip(r) : r.name;
        case StateColumn:
            return r.alerting ? r.state : tr("recording");
        case HealthColumn:
            return r.health;
        case ForColumn:
            return ruleForText(r);
        case LastEvaluationColumn:
            return r.lastEvaluation.isValid()
                       ? r.lastEvaluation.toLocalTime().toString(u"HH:mm:ss"_s)
                       : QString();
        case EvaluationTimeColumn: // a rule read from its file has never been evaluated
            return r.lastEvaluation.isValid() || r.evaluationSeconds > 0
                       ? u"%1 ms"_s.arg(r.evaluationSeconds * 1000, 0, 'f', 2)
                       : QString();
        case QueryColumn:
            return r.query;
        case ErrorColumn:
            return r.lastError;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == HealthColumn && r.health == "err"_L1)
            return QBrush(Palette::color(Palette::Tone::Bad));
        if (index.column() == StateColumn && r.state == "firing"_L1)
            return QBrush(Palette::color(Palette::Tone::Bad));
        if (index.column() == StateColumn && r.state == "pending"_L1)
            return QBrush(Palette::color(Palette::Tone::Warning));
        return {};
    case RuleRole:
        return QVariant::fromValue(r);
    default:
        return {};
    }
}

QVariant RuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case NameColumn:
        return tr("Rule");
    case StateColumn:
        return tr("State");
    case HealthColumn:
        return tr("Health");
    case ForColumn:
        return tr("For");
    case LastEvaluationColumn:
        return tr("Last evaluation");
    case EvaluationTimeColumn:
        return tr("Took");
    case QueryColumn:
        return tr("Expression");
    case ErrorColumn:
        return tr("Error");
    }
    return {};
}

} // namespace Stackscope
