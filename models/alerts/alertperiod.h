// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Stackscope {

/// One firing period of one alert as Stackscope saw it (Alertmanager keeps no history): from
/// when the alert started firing until it was last seen firing. Open while it still fires.
struct AlertPeriod
{
    QString fingerprint; ///< the alert's (its label set's)
    QString name;
    LabelSet labels;
    QString severity;
    QDateTime from; ///< the alert's startsAt, or when it was first seen firing
    QDateTime to;   ///< when it ended; invalid while it fires
    /// The last time a poll saw it firing: an open period's duration so far, and where a period
    /// left open by a previous run ends when the alert is gone after Stackscope started again.
    QDateTime seen;
    bool silenced = false; ///< silenced at some time during the period

    bool isOpen() const { return !to.isValid(); }
    /// to, or seen while open.
    QDateTime until() const { return isOpen() ? seen : to; }
    /// Fingerprint and start: unique among the periods kept.
    QString key() const { return fingerprint + u'@' + QString::number(from.toMSecsSinceEpoch()); }

    friend bool operator==(const AlertPeriod &, const AlertPeriod &) = default;
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::AlertPeriod)
