// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace Stackscope {

/// A trace search as the search page states it; the Jaeger client turns it into a query string.
struct TraceQuery
{
    QString service;
    QString operation; ///< empty: all
    QList<QPair<QString, QString>> tags;
    QDateTime start;
    QDateTime end;
    QString minDuration; ///< Go duration ("1.2s", "300ms"; DurationSyntax::Go), empty for none
    QString maxDuration;
    int limit = 20;
};

} // namespace Stackscope
