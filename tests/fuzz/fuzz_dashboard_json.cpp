// SPDX-License-Identifier: GPL-3.0-or-later
// Grafana dashboard JSON (plain, or the API's {"dashboard": {...}} form) as imported by the
// metrics page and `stackscope import-dashboard`. The file name an import is saved under comes
// from the untrusted uid/title: it must stay a plain file name ([A-Za-z0-9_-], not empty).
#include "app/prometheus/dashboardloader.h"
#include "tests/fuzz/fuzzcommon.h"

using namespace Stackscope;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Fuzz::quietQt();
    Dashboard dashboard;
    QString error;
    if (!DashboardLoader::fromGrafanaJson(Fuzz::bytes(data, size), &dashboard, &error))
        return 0;
    Fuzz::keep(dashboard.dataPanelCount());
    const QString uid = DashboardLoader::safeUid(dashboard.uid, dashboard.title);
    bool safe = !uid.isEmpty();
    for (const QChar c : uid) {
        const char16_t u = c.unicode();
        safe = safe
               && ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9')
                   || u == '_' || u == '-');
    }
    if (!safe) {
        fprintf(stderr, "safeUid gave an unsafe file name: '%s'\n", qPrintable(uid));
        abort();
    }
    return 0;
}
