// SPDX-License-Identifier: GPL-3.0-or-later
// Untrusted text reaches the screen as the characters it is. Tooltips guess their format
// (Qt::mightBeRichText), so every tooltip that quotes a server, a traced application or a
// container must be escaped: the tests feed `<b>x</b><img src="file:///etc/passwd"><a
// href="x">l</a>` through each page, trigger the real tooltips (QHelpEvent on the view) and check
// that what Qt renders is that text, literally, with no image and no link.
#include "app/jaeger/traceparser.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "models/backendstatusmodel.h"
#include "models/stack/servicemodel.h"
#include "models/traces/tracelayout.h"
#include "ui/alerts/alertspage.h"
#include "ui/mainwindow.h"
#include "ui/metrics/panelwidget.h"
#include "ui/metrics/timeserieschart.h"
#include "ui/plaintooltips.h"
#include "ui/stack/logview.h"
#include "ui/stack/stackpage.h"
#include "ui/traces/spandetailsview.h"
#include "ui/traces/tracetimeline.h"
#include "ui/trayicon.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCategoryAxis>
#include <QHelpEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

const QString hostile = u"<b>x</b><img src=\"file:///etc/passwd\"><a href=\"x\">l</a>"_s;

/// What Qt shows for `text` in a tooltip or an AutoText label: HTML when it might be rich text.
/// Also reports whether the rendering holds markup effects (an image, a link, bold).
QString shown(const QString &text, Qt::TextFormat format = Qt::AutoText, bool *markup = nullptr)
{
    const bool rich
        = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (markup)
        *markup = false;
    if (!rich)
        return text;
    QTextDocument doc;
    doc.setHtml(text);
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (markup && (f.isImageFormat() || f.isAnchor() || f.fontWeight() >= QFont::DemiBold))
                *markup = true;
        }
    }
    QString plain = doc.toPlainText();
    plain.replace(QChar::Nbsp, u' ');
    return plain;
}

/// Asserts `tip` shows `hostile` literally. A macro-free helper returns the failure text.
QString literalProblem(const QString &where, const QString &tip)
{
    bool markup = false;
    const QString text = shown(tip, Qt::AutoText, &markup);
    if (markup || !text.contains(hostile))
        return where + u": shown as \""_s + text + u"\" from \""_s + tip + u'"';
    return {};
}

/// Triggers the real tooltip of `index` in `view` and returns what QToolTip holds.
QString triggerToolTip(QAbstractItemView *view, const QModelIndex &index)
{
    QToolTip::hideText();
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    if (!rect.isValid() || !view->viewport()->rect().intersects(rect))
        return {};
    const QPoint pos = rect.center();
    QHelpEvent event(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &event);
    return QToolTip::text();
}

/// Every item of `view` (recursively) whose ToolTipRole quotes `hostile`: its real tooltip must
/// show it literally. Returns how many were checked; fills problems.
int checkItemToolTips(QAbstractItemView *view, const QString &where, QStringList *problems)
{
    int checked = 0;
    QAbstractItemModel *model = view->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            for (int column = 0; column < model->columnCount(parent); ++column) {
                const QModelIndex index = model->index(row, column, parent);
                const QString tip = index.data(Qt::ToolTipRole).toString();
                if (tip.contains(hostile) || shown(tip).contains(hostile)) {
                    const QString live = triggerToolTip(view, index);
                    if (live.isEmpty())
                        continue; // hidden column or outside the viewport
                    ++checked;
                    const QString problem = literalProblem(
                        u"%1 row %2 column %3"_s.arg(where).arg(row).arg(column), live);
                    if (!problem.isEmpty())
                        *problems << problem;
                }
            }
            const QModelIndex first = model->index(row, 0, parent);
            if (model->hasChildren(first))
                walk(first);
        }
    };
    walk({});
    return checked;
}

Alert hostileAlert()
{
    Alert a;
    a.labels = {{u"alertname"_s, u"Hostile"_s},
                {u"severity"_s, u"critical"_s},
                {u"service"_s, hostile},
                {u"note"_s, hostile}};
    a.annotations
        = {{u"summary"_s, hostile}, {u"description"_s, hostile}, {u"runbook_url"_s, hostile}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    a.generatorUrl = u"http://prom:9090/graph?g0.expr="_s
                     + QString::fromLatin1(QUrl::toPercentEncoding(hostile)) + u"&g0.tab=1"_s;
    a.state = Alert::State::Firing;
    return a;
}

QByteArray hostileTraceJson()
{
    // One trace, two spans: every name, tag, log field and process tag is the hostile text.
    QString h = hostile;
    h.replace(u'"', u"\\\""_s);
    QString json = uR"({"traceID":"00000000000000000000000000000abc","spans":[
{"traceID":"00000000000000000000000000000abc","spanID":"0000000000000001","operationName":"@H@",
 "references":[],"startTime":1700000000000000,"duration":5000,
 "tags":[{"key":"@H@","type":"string","value":"@H@"}],
 "logs":[{"timestamp":1700000000001000,"fields":[{"key":"event","type":"string","value":"@H@"}]}],
 "processID":"p1","warnings":null},
{"traceID":"00000000000000000000000000000abc","spanID":"0000000000000002","operationName":"child @H@",
 "references":[{"refType":"CHILD_OF","traceID":"00000000000000000000000000000abc","spanID":"0000000000000001"}],
 "startTime":1700000000001000,"duration":1000,"tags":[],"logs":[],"processID":"p1","warnings":null}],
"processes":{"p1":{"serviceName":"@H@","tags":[{"key":"hostname","type":"string","value":"@H@"}]}},
"warnings":null})"_s;
    json.replace(u"@H@"_s, h);
    return json.toUtf8();
}

} // namespace

class TestUntrustedText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void harnessSeesRenderedMarkup();
    void plainToolTipKeepsText_data();
    void plainToolTipKeepsText();
    void alertsPageTablesAndButtons();
    void spanDetailsAndTimeline();
    void stackTableAndLogs();
    void mainWindowNoticeAndStatusBar();
    void trayMenuTooltips();
    void chartLegendShowsLabelValuesLiterally();
    void metricsTablePanelAndStatus();
};

void TestUntrustedText::harnessSeesRenderedMarkup()
{
    // The checks below can fail: an item view left as Qt makes it renders the tooltip as HTML.
    QStandardItemModel model(1, 1);
    model.setData(model.index(0, 0), u"cell"_s);
    model.setData(model.index(0, 0), hostile, Qt::ToolTipRole);
    QTableView raw;
    raw.setModel(&model);
    raw.resize(400, 300);
    raw.show();
    QVERIFY(QTest::qWaitForWindowExposed(&raw));
    QStringList problems;
    QCOMPARE(checkItemToolTips(&raw, u"raw"_s, &problems), 1);
    QCOMPARE(problems.size(), 1);
    QVERIFY(!literalProblem(u"raw tip"_s, hostile).isEmpty());

    QTableView fixed;
    fixed.setModel(&model);
    showItemToolTipsAsPlainText(&fixed);
    fixed.resize(400, 300);
    fixed.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fixed));
    problems.clear();
    QCOMPARE(checkItemToolTips(&fixed, u"fixed"_s, &problems), 1);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::plainToolTipKeepsText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("markup") << hostile;
    QTest::newRow("entity only") << u"a &amp; b &lt;c&gt;"_s; // escaped once, shown as typed
    QTest::newRow("markup on line 2") << u"first line\n"_s + hostile;
    QTest::newRow("ampersand") << u"Tom & Jerry"_s;
    QTest::newRow("doctype") << u"<!DOCTYPE html><html><body><img src=x></body></html>"_s;
}

void TestUntrustedText::plainToolTipKeepsText()
{
    QFETCH(QString, text);
    bool markup = true;
    QString result = shown(plainToolTip(text), Qt::AutoText, &markup);
    QVERIFY(!markup);
    result.replace(QChar::ParagraphSeparator, u'\n');
    QCOMPARE(result.trimmed(), text);
    QCOMPARE(plainToolTip(QString()), QString()); // no text, no tooltip
    // The tray balloon's texts: escaped only when Qt would otherwise render them.
    result = shown(plainForAutoText(text), Qt::AutoText, &markup);
    QVERIFY(!markup);
    result.replace(QChar::ParagraphSeparator, u'\n');
    QCOMPARE(result.trimmed(), text);
    QCOMPARE(plainForAutoText(u"HighErrorRate (critical)"_s), u"HighErrorRate (critical)"_s);
}

void TestUntrustedText::alertsPageTablesAndButtons()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.resize(1600, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));

    alerts.setAlerts({hostileAlert()});
    Silence s;
    s.id = u"s1"_s;
    s.matchers = {{u"alertname"_s, hostile}};
    s.createdBy = hostile;
    s.comment = hostile;
    s.state = Silence::State::Active;
    s.startsAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    s.endsAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    silences.setSilences({s});
    Rule r;
    r.group = hostile;
    r.file = u"rules.yml"_s;
    r.name = hostile;
    r.query = hostile;
    r.alerting = true;
    r.state = u"firing"_s;
    r.health = u"err"_s;
    r.lastError = hostile;
    rules.setRules({r});

    QStringList problems;
    QVERIFY(page.showAlert(alerts.at(0).fingerprint));
    QVERIFY2(checkItemToolTips(page.alertView(), u"alerts"_s, &problems) >= 1,
             "no alert cell with the hostile text was checked");
    auto *tabs = page.findChild<QTabWidget *>();
    auto showTabOf = [&](QWidget *w) {
        if (!tabs)
            return;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(w) || tabs->widget(i) == w)
                tabs->setCurrentIndex(i);
        }
        QCoreApplication::processEvents();
    };
    showTabOf(page.silenceView());
    QVERIFY2(checkItemToolTips(page.silenceView(), u"silences"_s, &problems) >= 1,
             "no silence cell with the hostile text was checked");
    showTabOf(page.ruleView());
    QVERIFY2(checkItemToolTips(page.ruleView(), u"rules"_s, &problems) >= 1,
             "no rule cell with the hostile text was checked");

    // The detail buttons quote the service label, the expression and the runbook annotation.
    int buttons = 0;
    for (QPushButton *b : page.findChildren<QPushButton *>()) {
        const QString tip = b->toolTip();
        if (!shown(tip).contains(hostile) && !tip.contains(hostile))
            continue;
        ++buttons;
        const QString problem = literalProblem(u"button "_s + b->text(), tip);
        if (!problem.isEmpty())
            problems << problem;
    }
    QVERIFY2(buttons >= 3, qPrintable(u"only %1 buttons quote the alert"_s.arg(buttons)));
    // Labels of the details: plain text (the page's own test checks each label's format).
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->text().contains(hostile) && label->textFormat() != Qt::PlainText)
            problems << u"label "_s + label->objectName() + u" is not plain text"_s;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::spanDetailsAndTimeline()
{
    const TraceParseResult parsed = parseTraces(hostileTraceJson());
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.traces.size(), 1);
    const TraceLayoutPtr layout = TraceLayout::build(parsed.traces.first());

    SpanDetailsView details;
    details.resize(1200, 900);
    details.show();
    QVERIFY(QTest::qWaitForWindowExposed(&details));
    details.setSpan(layout, 0);
    auto *tree = details.findChild<QTreeWidget *>();
    QVERIFY(tree);
    tree->expandAll();
    QStringList problems;
    const int checked = checkItemToolTips(tree, u"span details"_s, &problems);
    // Operation, service, tag key and value, log field, process tag.
    QVERIFY2(checked >= 3, qPrintable(u"only %1 detail cells checked"_s.arg(checked)));
    for (QLabel *label : details.findChildren<QLabel *>()) {
        if (label->text().contains(hostile) && label->textFormat() != Qt::PlainText)
            problems << u"span details title is not plain text"_s;
    }

    TraceTimeline timeline;
    timeline.resize(1200, 600);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.setTraceLayout(layout);
    QCoreApplication::processEvents();
    bool hovered = false;
    for (int y = 1; y < timeline.viewport()->height() && !hovered; y += 2) {
        const QPoint pos(timeline.viewport()->width() / 2, y);
        QToolTip::hideText();
        QHelpEvent event(QEvent::ToolTip, pos, timeline.viewport()->mapToGlobal(pos));
        QApplication::sendEvent(timeline.viewport(), &event);
        const QString tip
            = QToolTip::text().isEmpty() ? timeline.viewport()->toolTip() : QToolTip::text();
        if (tip.isEmpty())
            continue;
        hovered = true;
        const QString problem = literalProblem(u"timeline row tooltip"_s, tip);
        if (!problem.isEmpty())
            problems << problem;
    }
    QVERIFY2(hovered, "no timeline row gave a tooltip");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::stackTableAndLogs()
{
    ServiceModel model;
    StackPage page(&model);
    page.resize(1600, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    ServiceStatus s;
    s.service = u"web"_s;
    s.declared = true;
    s.container.id = u"0123456789abcdef0123"_s;
    s.container.name = hostile;
    s.container.state = u"running"_s;
    s.container.health = u"unhealthy"_s;
    s.container.healthOutput = hostile;
    s.container.healthFailingStreak = 3;
    s.containerCount = 1;
    model.setServices({s});
    QStringList problems;
    const int checked = checkItemToolTips(page.table(), u"services"_s, &problems);
    QVERIFY2(checked >= 1, "no service cell with the hostile text was checked");

    LogView logs;
    logs.appendLines({LogLine{QDateTime::currentDateTimeUtc(), hostile, LogLine::Stdout}});
    QVERIFY2(logs.textView()->toPlainText().contains(hostile),
             qPrintable(logs.textView()->toPlainText()));
    QVERIFY(logs.visibleText().contains(hostile));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::mainWindowNoticeAndStatusBar()
{
    BackendStatusModel statuses;
    BackendStatus st;
    st.id = u"prometheus"_s;
    st.displayName = u"Prometheus"_s;
    st.endpoint = u"http://127.0.0.1:9091"_s;
    st.state = BackendStatus::State::Down;
    st.reason = u"HTTP 502: "_s + hostile;
    statuses.update(st);
    MainWindow window(&statuses);
    window.resize(2400, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList problems;
    for (const QString &notice :
         QStringList{u"cannot listen: "_s + hostile, u"A & B "_s + hostile}) {
        window.setNotice(notice);
        bool found = false;
        for (QLabel *l : window.findChildren<QLabel *>()) {
            if (l->text() != notice)
                continue;
            found = true;
            if (l->textFormat() != Qt::PlainText)
                problems << u"notice label is not plain text"_s;
            bool markup = false;
            QString tip = shown(l->toolTip(), Qt::AutoText, &markup);
            tip.replace(QChar::ParagraphSeparator, u'\n');
            if (markup || tip.trimmed() != notice)
                problems << u"notice tooltip shows \""_s + tip + u'"';
        }
        if (!found)
            problems << u"notice label not found"_s;
    }
    // Status bar indicator: escaped inside its own markup, tooltip literal.
    QLabel *indicator = nullptr;
    for (QLabel *l : window.findChildren<QLabel *>()) {
        if (l->objectName() == u"backend-prometheus"_s)
            indicator = l;
    }
    QVERIFY(indicator);
    bool markup = false;
    const QString text = shown(indicator->text(), indicator->textFormat(), &markup);
    // Only the coloured dot is markup; the reason (maybe elided in the middle) is characters.
    QVERIFY2(text.contains(u"HTTP 502: "_s + hostile), qPrintable(text));
    QVERIFY2(!markup || !indicator->text().contains(u"<img"_s), qPrintable(indicator->text()));
    const QString tip = indicator->toolTip();
    const QString problem = literalProblem(u"status bar tooltip"_s, tip);
    if (!problem.isEmpty())
        problems << problem;
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::trayMenuTooltips()
{
    BackendStatusModel statuses;
    AlertModel alerts;
    TrayIcon tray(&statuses);
    tray.setAlertModel(&alerts);
    alerts.setAlerts({hostileAlert()});
    QCoreApplication::processEvents();
    QStringList problems;
    int quoted = 0;
    for (QAction *a : tray.menu()->actions()) {
        if (!a->toolTip().contains(hostile) && !shown(a->toolTip()).contains(hostile))
            continue;
        ++quoted;
        const QString problem = literalProblem(u"tray action "_s + a->text(), a->toolTip());
        if (!problem.isEmpty())
            problems << problem;
    }
    QVERIFY2(quoted >= 1, "the tray menu does not list the hostile alert");
    // The tray's own tooltip starts with "Stackscope": Qt reads only its first line to guess.
    const QString tip = tray.systemTrayIcon()->toolTip();
    QVERIFY2(!Qt::mightBeRichText(tip), qPrintable(tip));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::chartLegendShowsLabelValuesLiterally()
{
    // Qt Charts draws legend labels as HTML: a Prometheus label value must arrive escaped.
    TimeSeriesChart chart;
    chart.resize(900, 500);
    PanelData data;
    Series series;
    series.labels = {{u"__name__"_s, u"up"_s}, {u"job"_s, hostile}};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int i = 0; i < 10; ++i) {
        series.times << now - (10 - i) * 15000;
        series.values << i;
    }
    data.series = {series};
    data.names = {u"job="_s + hostile};
    data.start = QDateTime::fromMSecsSinceEpoch(now - 160000);
    data.end = QDateTime::fromMSecsSinceEpoch(now);
    data.stepSeconds = 15;
    chart.setData(data);
    QStringList problems;
    int labels = 0;
    for (QLegendMarker *marker : chart.chart()->legend()->markers()) {
        if (marker->label().isEmpty())
            continue;
        ++labels;
        bool markup = false;
        const QString text = shown(marker->label(), Qt::RichText, &markup);
        if (markup || !text.contains(hostile))
            problems << u"legend shows \""_s + text + u"\" from \""_s + marker->label() + u'"';
    }
    QVERIFY2(labels >= 1, qPrintable(u"no legend label among %1 markers, %2 series"_s
                                         .arg(chart.chart()->legend()->markers().size())
                                         .arg(chart.seriesCount())));
    // The value axis quotes the dashboard's unit, which Qt Charts also renders as HTML.
    TimeSeriesChart withUnit;
    withUnit.resize(900, 500);
    withUnit.setUnit(hostile);
    withUnit.setData(data);
    int axisLabels = 0;
    for (QAbstractAxis *axis : withUnit.chart()->axes(Qt::Vertical)) {
        auto *categories = qobject_cast<QCategoryAxis *>(axis);
        if (!categories)
            continue;
        for (const QString &label : categories->categoriesLabels()) {
            ++axisLabels;
            bool markup = false;
            const QString text = shown(label, Qt::RichText, &markup);
            if (markup || !text.contains(hostile))
                problems << u"value axis shows \""_s + text + u'"';
        }
    }
    QVERIFY2(axisLabels >= 1, "no value axis label");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestUntrustedText::metricsTablePanelAndStatus()
{
    // A table panel's rows quote a series' labels in their tooltips, and the panel's status
    // tooltip quotes the server's error: both must show the text literally.
    Panel panel;
    panel.type = Panel::Type::Table;
    panel.title = u"table"_s;
    PanelWidget widget(panel);
    widget.resize(900, 400);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    PanelData data;
    Series series;
    series.labels = {{u"__name__"_s, u"up"_s}, {u"job"_s, hostile}};
    series.times = {QDateTime::currentMSecsSinceEpoch()};
    series.values = {1};
    data.series = {series};
    data.names = {hostile};
    widget.setData(data);
    auto *view = widget.findChild<QTableView *>();
    QVERIFY(view);
    QStringList problems;
    const int checked = checkItemToolTips(view, u"table panel"_s, &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QVERIFY2(checked >= 1, "no table row quotes the hostile label in its tooltip");
    // The server's error (stale data) in the status tooltip.
    data.error = hostile;
    data.stale = true;
    widget.setData(data);
    int statusTips = 0;
    for (QLabel *label : widget.findChildren<QLabel *>()) {
        if (label->toolTip().isEmpty() || !label->text().contains(u"stale"_s))
            continue;
        ++statusTips;
        const QString problem = literalProblem(u"panel status"_s, label->toolTip());
        if (!problem.isEmpty())
            problems << problem;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(statusTips, 1);
}

QTEST_MAIN(TestUntrustedText)
#include "tst_untrustedtext.moc"
