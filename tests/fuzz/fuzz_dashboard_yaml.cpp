// SPDX-License-Identifier: GPL-3.0-or-later
// Stackscope's own dashboard YAML (the bundled dashboards and the user's dashboards folder).
#include "app/prometheus/dashboardloader.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    Dashboard dashboard;
    QString error;
    if (DashboardLoader::fromYaml(Fuzz::bytes(data, size), &dashboard, &error))
        Fuzz::keep(dashboard.dataPanelCount());
    return 0;
}
