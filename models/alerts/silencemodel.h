// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"
#include "models/common/keyedtablemodel.h"

#include <QDateTime>

namespace Stackscope {

/// Silences of every Alertmanager merged by id, one row each; merged, never reset. Silences that
/// Stackscope acknowledged "until resolved" say so in the state column; active ones that end
/// within Silence::expiringSoonSeconds are flagged (warning colour and icon on the end time).
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
    enum Role {
        SilenceRole = Qt::UserRole + 1, ///< QVariant<Silence>
        IdRole,                         ///< QString
        StateRole,                      ///< int: Silence::State
        UntilResolvedRole,              ///< bool: Stackscope expires it when its alerts resolve
        ExpiresSoonRole,                ///< bool: active and ending within expiringSoonSeconds
    };
    Q_ENUM(Role)

    explicit SilenceModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSilences(const QList<Silence> &silences) { merge(silences); }
    /// The ids of the silences acknowledged until resolved.
    void setUntilResolved(const QStringList &ids);
    bool isUntilResolved(const QString &id) const { return m_untilResolved.contains(id); }
    /// A fixed clock (tests); invalid: the real one.
    void setNow(const QDateTime &now);
    /// "Expires soon" depends on the clock: call now and then (the page does every 30 s).
    void refreshExpiring() { allRowsChanged(); }
    QDateTime now() const;
    /// How many active silences end within Silence::expiringSoonSeconds.
    int expiringSoonCount() const;

protected:
    QString keyOf(const Silence &silence) const override { return silence.id; }

private:
    void allRowsChanged();

    QStringList m_untilResolved;
    QDateTime m_now; ///< invalid: the clock's
};

} // namespace Stackscope
