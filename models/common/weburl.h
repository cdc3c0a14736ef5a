// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

namespace Stackscope {

/// The one rule for links that come from untrusted text (alert annotations, dashboards): only
/// an absolute http(s) URL may be opened; file:, javascript:, data: and relative ones never.
inline bool isWebUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1StringView("https")
               || url.scheme() == QLatin1StringView("http"));
}

/// `text` as a web URL (strictly parsed), or an empty QUrl when it is not one.
inline QUrl webUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    return isWebUrl(url) ? url : QUrl();
}

} // namespace Stackscope
