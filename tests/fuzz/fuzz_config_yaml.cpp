// SPDX-License-Identifier: GPL-3.0-or-later
// The configuration file (version 1 YAML): parsed and validated as on start-up and on every
// change of the file. Paths resolve against fixed folders so the run does not depend on where
// it starts.
#include "app/config/configloader.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const ConfigLoadResult result
        = parseConfig(Fuzz::bytes(data, size), u"/nonexistent/config"_s, u"/nonexistent/stack"_s);
    for (const ConfigProblem &p : result.problems)
        Fuzz::keep(p.format(u"config.yaml"_s));
    return 0;
}
