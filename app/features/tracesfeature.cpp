// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Traces page's factory. Until the feature lands it is a placeholder that says what the
// page will show; the feature replaces this file's body.
#include "feature.h"
#include "placeholderfeature.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TracesFeature", text);
}
} // namespace

std::unique_ptr<Feature> makeTracesFeature(const AppContext &context)
{
    Q_UNUSED(context);
    const QIcon icon = QIcon::fromTheme(u"view-list-tree"_s, QIcon(u":/icons/page-traces.svg"_s));
    const QString description = tr(
        "Search Jaeger for traces and open them as a timeline: span tree, zoom, span details, and "
        "traces far larger than the Jaeger UI can open.");
    return std::make_unique<PlaceholderFeature>(
        u"traces"_s, tr("Traces"), icon, description, [](const Config &config) {
            return QStringList{tr("Jaeger: %1").arg(config.jaeger.url.toString())};
        });
}

} // namespace Stackscope
