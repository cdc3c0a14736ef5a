// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/metrics/textpanelview.h"

#include "models/common/weburl.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentFragment>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Turns every anchor that is not a web link into plain text, and every image into its
/// alternative text (the document never asks for it, but nothing should point outside). The
/// edits are collected first and made from the end, so that positions stay right.
void defuse(QTextDocument *document)
{
    struct Edit
    {
        int position;
        int length;
        QTextCharFormat format;
        bool image;
    };
    QList<Edit> edits;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            const QTextCharFormat format = fragment.charFormat();
            if (format.isImageFormat()) {
                edits.append({fragment.position(), fragment.length(), format, true});
            } else if ((format.isAnchor() || !format.anchorHref().isEmpty())
                       && !isWebUrl(QUrl(format.anchorHref(), QUrl::StrictMode))) {
                edits.append({fragment.position(), fragment.length(), format, false});
            }
        }
    }
    for (auto e = edits.crbegin(); e != edits.crend(); ++e) {
        QTextCursor cursor(document);
        cursor.setPosition(e->position);
        cursor.setPosition(e->position + e->length, QTextCursor::KeepAnchor);
        if (e->image) {
            const QString alt = e->format.stringProperty(QTextFormat::ImageAltText);
            cursor.insertText(alt.isEmpty() ? u"[image]"_s : alt, QTextCharFormat());
            continue;
        }
        QTextCharFormat format = e->format;
        format.setAnchor(false);
        format.setAnchorHref(QString());
        format.setFontUnderline(false);
        format.clearForeground();
        cursor.setCharFormat(format);
    }
}

} // namespace

TextPanelView::TextPanelView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::NoFrame);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (isWebUrl(url))
            Q_EMIT openUrlRequested(url);
    });
}

void TextPanelView::setContent(const QString &content, const QString &mode)
{
    QTextDocument *doc = document();
    doc->clear();
    if (mode == "html"_L1) {
        // Never rendered: only its text, as a user would read it.
        setPlainText(QTextDocumentFragment::fromHtml(content).toPlainText());
    } else if (mode == "code"_L1) {
        setPlainText(content);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    } else {
        doc->setMarkdown(content,
                         QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                         | QTextDocument::MarkdownNoHTML));
    }
    defuse(doc);
}

QStringList TextPanelView::links() const
{
    QStringList out;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isAnchor() && !format.anchorHref().isEmpty())
                out << format.anchorHref();
        }
    }
    return out;
}

QVariant TextPanelView::loadResource(int type, const QUrl &name)
{
    Q_UNUSED(type);
    Q_UNUSED(name);
    return {}; // no image, style sheet or page is ever fetched or read from disk
}

} // namespace Stackscope
