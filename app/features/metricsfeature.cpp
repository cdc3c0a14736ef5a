// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Metrics page's factory. Until the feature lands it is a placeholder that says what the
// page will show; the feature replaces this file's body.
#include "feature.h"
#include "placeholderfeature.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MetricsFeature", text);
}
} // namespace

std::unique_ptr<Feature> makeMetricsFeature(const AppContext &context)
{
    Q_UNUSED(context);
    const QIcon icon
        = QIcon::fromTheme(u"utilities-system-monitor"_s, QIcon(u":/icons/page-metrics.svg"_s));
    const QString description = tr(
        "Live charts of Prometheus queries: dashboards defined in the configuration or imported "
        "from Grafana dashboard JSON, an Explore box for ad-hoc PromQL, and the health of every "
        "scrape target.");
    return std::make_unique<PlaceholderFeature>(
        u"metrics"_s, tr("Metrics"), icon, description, [](const Config &config) {
            return QStringList{tr("Prometheus: %1").arg(config.prometheus.url.toString())};
        });
}

} // namespace Stackscope
