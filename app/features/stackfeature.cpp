// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Stack page's factory. Until the feature lands it is a placeholder that says what the
// page will show; the feature replaces this file's body.
#include "docker/dockerendpoint.h"
#include "feature.h"
#include "placeholderfeature.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("StackFeature", text);
}
} // namespace

std::unique_ptr<Feature> makeStackFeature(const AppContext &context)
{
    Q_UNUSED(context);
    const QIcon icon = QIcon::fromTheme(u"network-server"_s, QIcon(u":/icons/page-stack.svg"_s));
    const QString description = tr(
        "Start, stop and restart the whole compose project or one service by button, with every "
        "service's state, health, uptime, restarts, ports, CPU and memory live, and the logs of "
        "each container.");
    return std::make_unique<PlaceholderFeature>(
        u"stack"_s, tr("Stack"), icon, description, [](const Config &config) {
            const DockerEndpoint docker = resolveDockerEndpoint(config.stack.dockerHost);
            return QStringList{
                tr("Compose project: %1").arg(config.stack.project),
                tr("Compose files: %1").arg(config.stack.composeFiles.join(u", "_s)),
                tr("Docker: %1 (%2)").arg(docker.host, docker.source),
            };
        });
}

} // namespace Stackscope
