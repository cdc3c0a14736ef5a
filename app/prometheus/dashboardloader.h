// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/metrics/dashboard.h"

#include <QByteArray>
#include <QString>

namespace Stackscope {

/// Reads dashboards: Grafana's JSON (plain, or the API's `{"dashboard": {...}}` form) and
/// Stackscope's own YAML form. Both return false with `error` set ("line 3, column 5: ...") when
/// the text cannot be a dashboard; what a readable dashboard holds that we cannot take over is
/// listed in Dashboard::warnings instead.
namespace DashboardLoader {
bool fromGrafanaJson(const QByteArray &json, Dashboard *dashboard, QString *error);
bool fromYaml(const QByteArray &yaml, Dashboard *dashboard, QString *error);
/// By file name: .json is Grafana, .yaml/.yml is ours.
bool fromFile(const QString &path, Dashboard *dashboard, QString *error);
/// The first ```json block of a Markdown text that holds a Grafana dashboard (the seeds keep
/// them so); empty when there is none.
QByteArray extractJsonBlock(const QString &markdown, const QString &mustContain = {});
/// A file-name-safe uid: [A-Za-z0-9_-], from the uid or else the title.
QString safeUid(const QString &uid, const QString &title);
} // namespace DashboardLoader

} // namespace Stackscope
