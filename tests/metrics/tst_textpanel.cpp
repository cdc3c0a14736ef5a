// SPDX-License-Identifier: GPL-3.0-or-later
// Grafana's text panel, read from dashboard JSON and drawn safely: Markdown without its raw HTML,
// HTML never rendered, no resource loaded, only http(s) links kept, a click on one a request.
#include "app/prometheus/dashboardloader.h"
#include "models/metrics/dashboard.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/textpanelview.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

/// Whether any fragment of the document is an image.
bool hasImage(const QTextDocument *document)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat())
                return true;
        }
    }
    return false;
}

/// Counts what the view would have fetched: nothing may be asked of the base class.
class CountingTextView : public TextPanelView
{
public:
    QVariant loadResource(int type, const QUrl &name) override
    {
        asked << name;
        return TextPanelView::loadResource(type, name);
    }
    QList<QUrl> asked;
};

} // namespace

class TestTextPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loadsFromGrafanaJson_data();
    void loadsFromGrafanaJson();
    void drawsSafely_data();
    void drawsSafely();
    void clickOpensOnlyWebLinks();
    void panelWidgetShowsIt();
};

void TestTextPanel::loadsFromGrafanaJson_data()
{
    QTest::addColumn<QByteArray>("panel");
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("mode");
    QTest::newRow("grafana 7+ options")
        << QByteArray(R"({"type":"text","title":"Notes","options":{"mode":"markdown",)"
                      R"("content":"# Hello\n*there*"}})")
        << u"# Hello\n*there*"_s << u"markdown"_s;
    QTest::newRow("older, top level")
        << QByteArray(R"({"type":"text","title":"Notes","mode":"html","content":"<b>x</b>"})")
        << u"<b>x</b>"_s << u"html"_s;
    QTest::newRow("no mode is markdown")
        << QByteArray(R"({"type":"text","title":"Notes","options":{"content":"x"}})") << u"x"_s
        << u"markdown"_s;
}

void TestTextPanel::loadsFromGrafanaJson()
{
    QFETCH(QByteArray, panel);
    QFETCH(QString, content);
    QFETCH(QString, mode);
    const QByteArray json = R"({"uid":"t","title":"T","panels":[)" + panel + "]}";
    Dashboard d;
    QString error;
    QVERIFY2(DashboardLoader::fromGrafanaJson(json, &d, &error), qPrintable(error));
    QCOMPARE(d.panels.size(), 1);
    QCOMPARE(d.panels.first().type, Panel::Type::Text);
    QCOMPARE(d.panels.first().content, content);
    QCOMPARE(d.panels.first().contentMode, mode);
    QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.join(u'\n'))); // not a placeholder
}

void TestTextPanel::drawsSafely_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("shown");    // a part of the plain text the user reads
    QTest::addColumn<QString>("notShown"); // never in it (when set)
    QTest::addColumn<QStringList>("links");

    QTest::newRow("markdown")
        << u"# Runbook\nSee [the wiki](https://wiki.example.org/x) and **call** on-call."_s
        << u"markdown"_s << u"Runbook"_s << u"**"_s << QStringList{u"https://wiki.example.org/x"_s};
    QTest::newRow("scheme links dropped")
        << u"[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:text/html,x) "
           "[d](/relative) [e](http://ok.example.org/)"_s
        << u"markdown"_s << u"a b c d e"_s << u"javascript"_s
        << QStringList{u"http://ok.example.org/"_s};
    QTest::newRow("raw html in markdown shown as written")
        << u"before <script>alert(1)</script><a href=\"file:///etc\">x</a> after"_s << u"markdown"_s
        << u"<script>alert(1)</script>"_s << QString() << QStringList{};
    QTest::newRow("markdown image becomes its text")
        << u"![the graph](file:///etc/passwd) ![](http://example.org/a.png)"_s << u"markdown"_s
        << u"the graph"_s << u"passwd"_s << QStringList{};
    QTest::newRow("html mode: text only")
        << u"<h1>Title</h1><a href=\"https://example.org\">link</a><img src=\"file:///x\">"_s
        << u"html"_s << u"Title"_s << u"<h1>"_s << QStringList{};
    QTest::newRow("code mode: as written")
        << u"rate(x[5m]) <b>"_s << u"code"_s << u"rate(x[5m]) <b>"_s << QString() << QStringList{};
}

void TestTextPanel::drawsSafely()
{
    QFETCH(QString, content);
    QFETCH(QString, mode);
    QFETCH(QString, shown);
    QFETCH(QString, notShown);
    QFETCH(QStringList, links);
    CountingTextView view;
    view.resize(400, 300);
    view.setContent(content, mode);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString text = view.toPlainText();
    QVERIFY2(text.contains(shown), qPrintable(text));
    QVERIFY2(notShown.isEmpty() || !text.contains(notShown), qPrintable(text));
    QCOMPARE(view.links(), links);
    QVERIFY(!hasImage(view.document()));
    QVERIFY2(view.asked.isEmpty(), qPrintable(view.asked.value(0).toString()));
}

void TestTextPanel::clickOpensOnlyWebLinks()
{
    TextPanelView view;
    QSignalSpy opened(&view, &TextPanelView::openUrlRequested);
    view.setContent(u"[x](https://example.org/)"_s, u"markdown"_s);
    Q_EMIT view.anchorClicked(QUrl(u"https://example.org/"_s));
    Q_EMIT view.anchorClicked(QUrl(u"file:///etc/passwd"_s));
    Q_EMIT view.anchorClicked(QUrl(u"javascript:alert(1)"_s));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toUrl(), QUrl(u"https://example.org/"_s));
    QVERIFY(view.source().isEmpty()); // never navigated inside the view
}

void TestTextPanel::panelWidgetShowsIt()
{
    Panel panel;
    panel.type = Panel::Type::Text;
    panel.sourceType = u"text"_s;
    panel.title = u"About this dashboard"_s;
    panel.content = u"Made for *node-exporter*."_s;
    panel.contentMode = u"markdown"_s;
    PanelWidget widget(panel);
    QVERIFY(widget.textView());
    QVERIFY(widget.textView()->toPlainText().contains(u"node-exporter"_s));
    PanelData nothing; // a refresh never gives a text panel data: no "no data" on it
    widget.setData(nothing);
    QVERIFY2(widget.statusText().isEmpty(), qPrintable(widget.statusText()));
    QSignalSpy opened(&widget, &PanelWidget::openUrlRequested);
    Q_EMIT widget.textView()->anchorClicked(QUrl(u"https://example.org/"_s));
    QCOMPARE(opened.size(), 1);

    // With STACKSCOPE_SCREENSHOT_DIR set: how such a panel looks.
    const QString outDir = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (outDir.isEmpty())
        return;
    panel.title = u"On call"_s;
    panel.content = u"## When the disk fills\n"
                    "1. Check **`node_filesystem_avail_bytes`** on the panel to the right.\n"
                    "2. Read the [runbook](https://runbooks.example.org/disk-full).\n"
                    "3. Page the owner: *storage team*.\n\n"
                    "Raw HTML is shown as written, never run: <script>alert(1)</script>\n\n"
                    "![a diagram](file:///etc/passwd) | [a local file](file:///etc/passwd)"_s;
    PanelWidget shown(panel);
    shown.resize(560, 330);
    shown.show();
    QVERIFY(QTest::qWaitForWindowExposed(&shown));
    QDir().mkpath(outDir);
    const QString path = outDir + u"/panel-text.png"_s;
    QVERIFY(shown.grab().save(path));
    qInfo().noquote() << "saved" << path;
}

QTEST_MAIN(TestTextPanel)
#include "tst_textpanel.moc"
