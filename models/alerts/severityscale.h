// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// How an alert's severity is read: which label carries it and which of its values mean
/// critical (3), warning (2) and info (1). Teams write `major`, `P1`…`P5`, `error`, `high`: the
/// defaults know the common ones, and the configuration can name its own. An alert without the
/// label, or with a value no level lists, ranks as `withoutSeverity` (0 = never notifies).
struct SeverityScale
{
    QString label = QStringLiteral("severity");
    QStringList critical; ///< lower-case aliases; empty = defaultAliases(3)
    QStringList warning;  ///< lower-case aliases; empty = defaultAliases(2)
    QStringList info;     ///< lower-case aliases; empty = defaultAliases(1)
    int withoutSeverity = 2;

    /// The aliases of a level when the configuration names none.
    static QStringList defaultAliases(int rank);
    /// 3, 2 or 1 for a value a level lists (any case), else 0.
    int rankOf(const QString &value) const;
    /// The rank of an alert with these labels, `withoutSeverity` when none is recognised.
    int rank(const QMap<QString, QString> &labels) const;

    friend bool operator==(const SeverityScale &, const SeverityScale &) = default;
};

} // namespace Stackscope
