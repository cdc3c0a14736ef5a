// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/stack/composeservice.h"
#include "models/stack/stacksummary.h"

#include <QMetaType>
#include <QStringList>

namespace Stackscope {

/// What `compose up` would trip over, known before it runs: a `container_name` that a container
/// of another project (or of none) already holds, so that compose would fail half-way or the
/// user would be tempted to remove another stack's container; and an external network that
/// does not exist. Each problem is a sentence naming the file's service, the owner and what to do.
struct UpPreflight
{
    QStringList problems;
    QStringList missingNetworks; ///< external networks to create (offered by the page)

    bool ok() const { return problems.isEmpty(); }

    /// `containers`: every container of the daemon (with or without compose labels);
    /// `networks`: the names of the daemon's networks.
    static UpPreflight check(const QString &project, const QList<ComposeService> &services,
                             const QStringList &externalNetworks,
                             const QList<StackContainer> &containers, const QStringList &networks);
    /// The names in a /networks answer.
    static QStringList networkNames(const QByteArray &body);
};

} // namespace Stackscope

Q_DECLARE_METATYPE(Stackscope::UpPreflight)
