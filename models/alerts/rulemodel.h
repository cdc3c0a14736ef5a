// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/common/keyedtablemodel.h"

namespace Stackscope {

/// An alerting rule's `for:` as Prometheus writes it ("5m", "1h30m", "1w"); empty for recording
/// rules and for 0.
QString ruleForText(const Rule &rule);
/// The rule's annotations, one "name: text" a line: summary and description first, then the
/// others in name order.
QString ruleAnnotationsText(const Rule &rule);

/// Prometheus' rules (alerting and recording) with their state, health, last evaluation and
/// error; merged on every poll, never reset. The Rule column's tooltip holds the rule's labels and
/// annotations.
class RuleModel : public KeyedTableModel<Rule>
{
    Q_OBJECT
public:
    enum Column {
        GroupColumn,
        NameColumn,
        StateColumn,
        HealthColumn,
        ForColumn,
        LastEvaluationColumn,
        EvaluationTimeColumn,
        QueryColumn,
        ErrorColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { RuleRole = Qt::UserRole + 1 };

    explicit RuleModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRules(const QList<Rule> &rules) { merge(rules); }

protected:
    QString keyOf(const Rule &rule) const override { return rule.key(); }
};

} // namespace Stackscope
