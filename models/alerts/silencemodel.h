// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/common/keyedtablemodel.h"

namespace Stackscope {

/// Silences of every Alertmanager merged by id, one row each; merged, never reset.
class SilenceModel : public KeyedTableModel<Silence>
{
    Q_OBJECT
public:
    enum Column {
        StateColumn,
        MatchersColumn,
        CreatedByColumn,
        CommentColumn,
        EndsColumn,
        SourcesColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role { SilenceRole = Qt::UserRole + 1, IdRole, StateRole };
    Q_ENUM(Role)

    explicit SilenceModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSilences(const QList<Silence> &silences) { merge(silences); }

protected:
    QString keyOf(const Silence &silence) const override { return silence.id; }
};

} // namespace Stackscope
