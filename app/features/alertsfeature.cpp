// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Alerts page's factory. Until the feature lands it is a placeholder that says what the
// page will show; the feature replaces this file's body.
#include "feature.h"
#include "placeholderfeature.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AlertsFeature", text);
}
} // namespace

std::unique_ptr<Feature> makeAlertsFeature(const AppContext &context)
{
    Q_UNUSED(context);
    const QIcon icon = QIcon::fromTheme(u"dialog-warning"_s, QIcon(u":/icons/page-alerts.svg"_s));
    const QString description
        = tr("Firing and pending alerts from Alertmanager (Prometheus as the fallback), grouped by "
             "severity, with silences, and desktop notifications you can act on.");
    return std::make_unique<PlaceholderFeature>(
        u"alerts"_s, tr("Alerts"), icon, description, [](const Config &config) {
            QStringList urls;
            for (const EndpointConfig &e : config.alertmanagers)
                urls << e.url.toString();
            return QStringList{
                tr("Alertmanager: %1")
                    .arg(urls.isEmpty() ? tr("none (Prometheus alerts are used)")
                                        : urls.join(u", "_s)),
                tr("Notifications: %1, from severity %2")
                    .arg(config.notifications.enabled ? tr("on") : tr("off"),
                         config.notifications.minSeverity),
            };
        });
}

} // namespace Stackscope
