// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QVariant>

namespace Stackscope {

/// One change to a configuration file: the value at `path` (keys from the top, for example
/// {"endpoints", "prometheus", "url"}) becomes `value`: a QString, bool or integer (a scalar),
/// a QStringList (a flow list, `["docker", "compose"]`) or a QVariantList of QVariantMap (a block
/// list of mappings, as `alertmanagers` is).
struct ConfigEdit
{
    QStringList path;
    QVariant value;
};

} // namespace Stackscope
