// SPDX-License-Identifier: GPL-3.0-or-later
// A compose file as the stack page reads it (yaml-cpp), then the profile filter it applies.
#include "app/compose/composefile.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    const ComposeFile file = ComposeFile::parse(Fuzz::bytes(data, size), u"compose.yml"_s);
    if (file.ok()) {
        Fuzz::keep(ComposeFile::active(file.services, {}));
        Fuzz::keep(ComposeFile::active(file.services, {u"debug"_s}));
    }
    return 0;
}
