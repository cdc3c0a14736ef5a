// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Stackscope {

/// One service as the compose files declare it, so that services without a container are
/// listed too.
struct ComposeService
{
    QString name;
    QString image;        ///< empty when the service is built
    QList<int> hostPorts; ///< published ports ("8080:80" gives 8080)
    QString url;          ///< label `stackscope.url`, when the service names its web UI
    QStringList profiles; ///< empty = always active
    bool hasHealthcheck = false;

    friend bool operator==(const ComposeService &, const ComposeService &) = default;
};

} // namespace Stackscope
