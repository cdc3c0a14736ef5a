// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QString>

#include <yaml-cpp/yaml.h>

#include <vector>

namespace Stackscope {

class YamlReader;

/// What a key left out of the file means: Config's member initializers (models/config/config.h)
/// plus the addresses of the bundled stack, whose compose file lies in `stackDir`.
/// resources/config/default.yaml writes the same values out; tst_configloader fails when the
/// two disagree.
Config configDefaults(const QString &stackDir);

/// Reads the documents of a version 1 configuration file over `config` (which holds the
/// defaults), reporting every problem through `reader`. The caller sets the reader's base
/// folder and its `@STACK_DIR@`.
void readConfig(YamlReader &reader, const std::vector<YAML::Node> &documents, Config *config);

} // namespace Stackscope
