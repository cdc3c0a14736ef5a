// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace Stackscope {

/// Grafana's text panel, shown safely: its content comes with a dashboard from anywhere, so
/// Markdown is drawn without its raw HTML, HTML is never rendered (its text is shown), no
/// resource (image, style sheet) is ever loaded, and only http(s) links stay links; a click on
/// one is a request, never a navigation inside the view.
class TextPanelView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit TextPanelView(QWidget *parent = nullptr);

    /// `mode` as Grafana writes it: "markdown" (the default), "html" or "code".
    void setContent(const QString &content, const QString &mode);
    /// The links left in the document (tests).
    QStringList links() const;

    QVariant loadResource(int type, const QUrl &name) override;

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);
};

} // namespace Stackscope
