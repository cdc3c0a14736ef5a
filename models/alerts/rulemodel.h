// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/common/keyedtablemodel.h"

namespace Stackscope {

/// Prometheus' rules (alerting and recording) with their state, health, last evaluation and
/// error; merged on every poll, never reset.
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
