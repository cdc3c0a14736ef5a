// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/features/tracesfeature.h"
#include "app/jaeger/traceloader.h"
#include "app/jaeger/traceparser.h"
#include "ui/traces/longvaluedialog.h"
#include "ui/traces/spandetailsview.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/traces/fakejaeger.h"
#include "tests/traces/tracegenerator.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Stackscope::Test::FakeJaeger;
using Stackscope::Test::FaultRequest;
using Stackscope::Test::FaultServer;

class TestTracesGui : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    std::unique_ptr<TracesFeature> feature(const FaultServer &server)
    {
        AppContext context;
        context.network = &m_network;
        auto f = std::make_unique<TracesFeature>(context);
        Config config;
        config.jaeger.url = server.url();
        config.jaeger.timeout = std::chrono::milliseconds(5000);
        f->applyConfig(config);
        return f;
    }

    static QTreeWidgetItem *findItem(QTreeWidget *tree, const QString &key)
    {
        const auto items = tree->findItems(key, Qt::MatchExactly | Qt::MatchRecursive, 0);
        return items.isEmpty() ? nullptr : items.first();
    }

private Q_SLOTS:
    void searchOpenCollapseFindAndDetails()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        jaeger.services = {u"frontend"_s, u"checkout"_s};
        jaeger.operations[u"frontend"_s] = {u"GET /api/orders/{id}"_s};
        jaeger.traces[u"aaaa000000000001"_s]
            = Test::TraceGenerator::json(1200, 11, u"aaaa000000000001"_s, 0.05);
        jaeger.traces[u"aaaa000000000002"_s]
            = Test::TraceGenerator::json(800, 12, u"aaaa000000000002"_s, 0.05);
        server.setHandler(jaeger.handler());

        auto f = feature(server);
        std::unique_ptr<QWidget> page(f->createPage());
        page->resize(1200, 800);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        f->start();
        TraceSearchPage *search = f->page()->search();
        QTRY_COMPARE(search->serviceBox()->count(), 2);
        search->serviceBox()->setCurrentText(u"frontend"_s);
        QTRY_COMPARE(search->operationBox()->count(), 2);

        search->tagsEdit()->setText(u"error=true"_s);
        auto *findButton = search->findChild<QPushButton *>(u"findTracesButton"_s);
        QVERIFY(findButton);
        QTest::mouseClick(findButton, Qt::LeftButton);
        QTRY_COMPARE(search->model()->rowCount(), 2);
        const FaultRequest request = server.requests().last();
        QCOMPARE(request.path, u"/api/traces"_s);
        QCOMPARE(request.query.queryItemValue(u"tags"_s, QUrl::FullyDecoded),
                 u"{\"error\":\"true\"}"_s);
        // Each trace is one point of the chart (errors in their own series).
        const auto *errorPoints
            = qobject_cast<QScatterSeries *>(search->scatter()->chart()->series().at(1));
        QVERIFY(errorPoints);
        QCOMPARE(search->scatter()->count() + errorPoints->count(), 2);

        // A point of the chart opens its trace.
        {
            QSignalSpy fromChart(search, &TraceSearchPage::openRequested);
            const TraceSummary small
                = search->model()->results().at(search->model()->rowOf(u"aaaa000000000002"_s));
            QScatterSeries *series
                = small.errorCount > 0
                      ? qobject_cast<QScatterSeries *>(search->scatter()->chart()->series().at(1))
                      : search->scatter();
            Q_EMIT series->clicked(
                QPointF(double(small.startUs / 1000), double(small.durationUs) / 1000.0 + 0.01));
            QCOMPARE(fromChart.count(), 1);
            QCOMPARE(fromChart.at(0).at(0).value<TraceSummary>().traceId, small.traceId);
        }

        // Open the 1200-span trace from the (sorted) table.
        QTableView *table = search->table();
        table->sortByColumn(TraceResultsModel::SpansColumn, Qt::DescendingOrder);
        const QModelIndex first = table->model()->index(0, 0);
        QCOMPARE(table->model()->index(0, TraceResultsModel::SpansColumn).data().toInt(), 1200);
        QSignalSpy opened(search, &TraceSearchPage::openRequested);
        table->setFocus();
        table->setCurrentIndex(first);
        QTest::keyClick(table, Qt::Key_Return);
        QTRY_COMPARE(opened.count(), 1);
        TraceView *view = f->page()->traceView();
        QTRY_VERIFY(view->traceLayout() != nullptr);
        QVERIFY(view->isVisible());
        QCOMPARE(view->traceLayout()->spanCount(), 1200);
        QVERIFY2(view->header()->text().contains(u"1200 spans"_s),
                 qPrintable(view->header()->text()));

        // Collapse all, expand all, one level, by keyboard.
        TraceTimeline *timeline = view->timeline();
        timeline->setFocus();
        QCOMPARE(timeline->visibleRowCount(), 1200);
        QTest::keyClick(timeline, Qt::Key_Left, Qt::ControlModifier);
        QCOMPARE(timeline->visibleRowCount(), 1);
        QTest::keyClick(timeline, Qt::Key_Right, Qt::ShiftModifier);
        const int oneLevel = timeline->visibleRowCount();
        QVERIFY(oneLevel > 1 && oneLevel < 1200);
        QTest::keyClick(timeline, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(timeline->visibleRowCount(), 1200);
        // Clicking the root's expander collapses it.
        const QRect rootRow = timeline->rowRect(0);
        QTest::mouseClick(timeline->viewport(), Qt::LeftButton, {},
                          QPoint(8, rootRow.center().y()));
        QCOMPARE(timeline->visibleRowCount(), 1);
        QCOMPARE(timeline->selectedSpan(), timeline->traceLayout()->roots.front());

        // Find by tag: expands the way to the match, selects it and shows its details.
        QTest::keyClicks(view->findEdit(), u"http.status_code=500"_s);
        QVERIFY(timeline->matchCount() > 0);
        const int match = timeline->selectedSpan();
        QVERIFY(timeline->isMatch(match));
        QVERIFY(timeline->rowOfSpan(match) >= 0);
        QCOMPARE(view->details()->span(), match);
        QTreeWidgetItem *status = findItem(view->details()->tree(), u"http.status_code"_s);
        QVERIFY(status);
        QCOMPARE(status->text(1), u"int64"_s);
        QCOMPARE(status->text(2), u"500"_s);
        QVERIFY(view->details()->text().contains(u"http.status_code\tint64\t500"_s));
        const int count = timeline->matchCount();
        QTest::keyClick(view->findEdit(), Qt::Key_Return);
        if (count > 1)
            QVERIFY(timeline->selectedSpan() != match);
        QCOMPARE(timeline->currentMatch(), count > 1 ? 1 : 0);

        // Zoom with the keyboard, back with 0.
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_W);
        QVERIFY(timeline->viewTo() - timeline->viewFrom() < 0.9);
        QTest::keyClick(timeline, Qt::Key_0);
        QCOMPARE(timeline->viewTo() - timeline->viewFrom(), 1.0);

        // Save and open again from the file.
        QTemporaryDir dir;
        const QString saved = dir.filePath(u"trace.json"_s);
        QVERIFY(f->saveTrace(saved));
        QVERIFY(f->openFile(saved));
        QTRY_VERIFY(view->header()->text().contains(u"from trace.json"_s));
        QCOMPARE(view->traceLayout()->spanCount(), 1200);
    }

    void criticalSegmentsFiltersAndLinks()
    {
        // Written for this test: root 0..1000 µs with tiny 10..11, a 100..400 and b 500..900
        // (b1 600..700 under it); f follows from b and runs past the root's end.
        auto span = [](const char *id, const char *op, int start, int duration, const char *ref,
                       const char *refType) -> QByteArray {
            QByteArray refs = "[]";
            if (*ref)
                refs = QByteArray("[{\"refType\":\"") + refType
                       + "\",\"traceID\":\"00000000000000aa\",\"spanID\":\"" + ref + "\"}]";
            return QByteArray("{\"traceID\":\"00000000000000aa\",\"spanID\":\"") + id
                   + "\",\"operationName\":\"" + op + "\",\"references\":" + refs
                   + ",\"startTime\":" + QByteArray::number(1700000000000000LL + start)
                   + ",\"duration\":" + QByteArray::number(duration)
                   + ",\"tags\":[],\"logs\":[],\"processID\":\"p1\"}";
        };
        const QByteArrayList spans{
            span("0000000000000001", "root", 0, 1000, "", ""),
            span("0000000000000002", "tiny", 10, 1, "0000000000000001", "CHILD_OF"),
            span("0000000000000003", "a", 100, 300, "0000000000000001", "CHILD_OF"),
            span("0000000000000004", "b", 500, 400, "0000000000000001", "CHILD_OF"),
            span("0000000000000005", "b1", 600, 100, "0000000000000004", "CHILD_OF"),
            span("0000000000000006", "f", 950, 250, "0000000000000004", "FOLLOWS_FROM")};
        const QByteArray json = "{\"data\":[{\"traceID\":\"00000000000000aa\",\"spans\":["
                                + spans.join(',')
                                + "],\"processes\":{\"p1\":{\"serviceName\":\"svc\","
                                  "\"tags\":[]}}}]}";
        const TraceParseResult parsed = parseTraces(json);
        QVERIFY2(parsed.ok() && parsed.traces.size() == 1, qPrintable(parsed.error));
        const auto layout = TraceLayout::build(parsed.traces.first());
        TraceView view;
        view.resize(1200, 800);
        view.setTraceLayout(layout, u"test"_s);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TraceTimeline *timeline = view.timeline();
        const int root = 0, tiny = 1, a = 2, b = 3, b1 = 4, f = 5;

        // Next / previous critical segment in time order: root 0..10, tiny, root 11..100, a,
        // root 400..500, b 500..600, b1, b 700..900, root 900..1000.
        QCOMPARE(layout->criticalPath.segmentCount(), 9);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_BracketRight);
        QCOMPARE(timeline->selectedSpan(), root);
        QCOMPARE(view.criticalLabel()->text(), u"segment 1 of 9"_s);
        QTest::keyClick(timeline, Qt::Key_BracketRight);
        QCOMPARE(timeline->selectedSpan(), tiny);
        QTest::keyClick(timeline, Qt::Key_BracketRight);
        QTest::keyClick(timeline, Qt::Key_BracketRight);
        QCOMPARE(timeline->selectedSpan(), a);
        QCOMPARE(timeline->currentCriticalSegment(), 3);
        QTest::keyClick(timeline, Qt::Key_BracketLeft);
        QCOMPARE(timeline->selectedSpan(), root);
        QCOMPARE(timeline->currentCriticalSegment(), 2);
        timeline->selectSpan(b1); // from a selected span: the next segment from its start
        QTest::keyClick(timeline, Qt::Key_BracketRight);
        QCOMPARE(timeline->currentCriticalSegment(), 6);
        QCOMPARE(timeline->selectedSpan(), b1);
        timeline->selectSpan(root);
        QCOMPARE(timeline->nextCriticalSegment(), 0);
        QCOMPARE(timeline->previousCriticalSegment(), -1); // the path's start
        QVERIFY2(view.details()->text().contains(
                     u"Critical path\t299 µs of 1 ms (29.9 %) in 4 segment(s)"_s),
                 qPrintable(view.details()->text()));

        // The root's bar is dark through its middle only where the root is on the path: at
        // 450 µs (between a and b), not at 250 µs (during a).
        const QImage image = timeline->viewport()->grab().toImage();
        const QRect rootRow = timeline->rowRect(timeline->rowOfSpan(root));
        const QRect bars(timeline->treeWidth() + 4, 0,
                         timeline->viewport()->width() - timeline->treeWidth() - 12, 1);
        auto xAt = [&](double us) {
            return bars.left() + int(us / 1200.0 * bars.width());
        };
        const QColor onPath = image.pixelColor(xAt(450), rootRow.center().y());
        const QColor offPath = image.pixelColor(xAt(250), rootRow.center().y());
        QCOMPARE(onPath.rgb(), QColor(0x202020).rgb());
        QCOMPARE(offPath.rgb(), layout->serviceColor(layout->trace->spans[0].service).rgb());

        // Only matches: b1 with root and b as dimmed context.
        view.onlyMatches()->setChecked(true);
        QCOMPARE(timeline->visibleRowCount(), 6); // no find text yet
        QTest::keyClicks(view.findEdit(), u"b1"_s);
        QCOMPARE(timeline->visibleRowCount(), 3);
        QCOMPARE(timeline->rows().isContextRow(0), true);
        QCOMPARE(timeline->rows().isContextRow(2), false);
        QCOMPARE(timeline->spanAtRow(2), b1);
        view.onlyMatches()->setChecked(false);
        QCOMPARE(timeline->visibleRowCount(), 6);

        // Shorter than a typed 2 % of 1.2 ms (24 µs): tiny goes.
        view.shortSpans()->setFocus();
        view.shortSpans()->lineEdit()->selectAll();
        QTest::keyClicks(view.shortSpans()->lineEdit(), u"2 %"_s);
        QTest::keyClick(view.shortSpans()->lineEdit(), Qt::Key_Return);
        QCOMPARE(timeline->filter().minDurationShare, 0.02);
        QCOMPARE(timeline->visibleRowCount(), 5);
        QCOMPARE(timeline->rowOfSpan(tiny), -1);
        // Navigation passes over the hidden span's segment: root 11..100, root 0..10, back.
        timeline->selectSpan(a);
        QCOMPARE(timeline->previousCriticalSegment(), 2);
        QCOMPARE(timeline->previousCriticalSegment(), 0);
        QCOMPARE(timeline->nextCriticalSegment(), 2);
        view.shortSpans()->setCurrentIndex(0);
        Q_EMIT view.shortSpans()->activated(0);
        QCOMPARE(timeline->visibleRowCount(), 6);
        QCOMPARE(TraceView::parseShare(u"< 0,5%"_s), 0.005);
        QCOMPARE(TraceView::parseShare(u"lots"_s), -1.0);

        // Focus b's subtree with F, the breadcrumb names the way; Esc leaves.
        timeline->selectSpan(b);
        timeline->setFocus();
        QTest::keyClick(timeline, Qt::Key_F);
        QCOMPARE(timeline->focusedSpan(), b);
        QCOMPARE(timeline->visibleRowCount(), 3); // b, b1, f
        QCOMPARE(view.breadcrumb()->text(), u"Focus: root › b"_s);
        // b (500..900 µs of 1.2 ms) fills the time window, with a margin of 2 % of its own.
        QVERIFY(std::abs(timeline->viewFrom() - 492.0 / 1200) < 1e-6);
        QVERIFY(std::abs(timeline->viewTo() - 908.0 / 1200) < 1e-6);
        QTest::keyClick(timeline, Qt::Key_Escape);
        QCOMPARE(timeline->focusedSpan(), -1);
        QVERIFY(view.breadcrumb()->text().isEmpty());
        QCOMPARE(timeline->viewTo() - timeline->viewFrom(), 1.0);

        // f's FOLLOWS_FROM reference is a link to b; Back returns to f.
        timeline->selectSpan(f);
        QTreeWidget *tree = view.details()->tree();
        QTreeWidgetItem *ref = findItem(tree, u"FOLLOWS_FROM"_s);
        QVERIFY(ref);
        tree->scrollToItem(ref);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(ref).center());
        QCOMPARE(timeline->selectedSpan(), b);
        QVERIFY(view.details()->backButton()->isVisible());
        QCOMPARE(view.details()->backButton()->text(), u"← Back to f"_s);
        QTest::mouseClick(view.details()->backButton(), Qt::LeftButton);
        QCOMPARE(timeline->selectedSpan(), f);
        QVERIFY(!view.details()->backButton()->isVisible());
    }

    void openFilesAndKeepTheLastGoodTrace()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler(FakeJaeger().handler());
        auto f = feature(server);
        std::unique_ptr<QWidget> page(f->createPage());
        page->resize(1000, 700);
        page->show();
        TraceView *view = f->page()->traceView();
        QVERIFY(f->openFile(QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/traces/otlp_v3_trace.json")));
        QTRY_VERIFY(view->traceLayout() != nullptr);
        QCOMPARE(view->traceLayout()->spanCount(), 4);
        QVERIFY(view->header()->text().contains(u"frontend: GET /checkout"_s));
        // OTLP as the Jaeger UI shows it: the error status counted, the kind a tag, a link a
        // reference named as such.
        QVERIFY2(view->header()->text().contains(u"1 error"_s), qPrintable(view->header()->text()));
        {
            const Trace &trace = *view->traceLayout()->trace;
            int render = -1;
            for (int i = 0; i < int(trace.spans.size()); ++i) {
                if (trace.spanId(i) == u"1111111111111111"_s)
                    render = i;
            }
            QVERIFY(render >= 0);
            view->details()->setSpan(view->traceLayout(), render);
            QVERIFY(findItem(view->details()->tree(), u"link (FOLLOWS_FROM)"_s));
            QVERIFY(findItem(view->details()->tree(), u"CHILD_OF"_s));
            view->details()->setSpan(view->traceLayout(), trace.spans[size_t(render)].parent);
            QTreeWidgetItem *kind = findItem(view->details()->tree(), u"span.kind"_s);
            QVERIFY(kind);
            QCOMPARE(kind->text(2), u"server"_s);
            QTreeWidgetItem *status = findItem(view->details()->tree(), u"otel.status_code"_s);
            QVERIFY(status);
            QCOMPARE(status->text(2), u"ERROR"_s);
        }

        QTemporaryDir dir;
        const QString broken = dir.filePath(u"broken.json"_s);
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"data\":[{\"traceID\":\"1\",\"spans\":[");
        file.close();
        QVERIFY(f->openFile(broken));
        QTRY_VERIFY(view->notice()->text().contains(u"Could not open broken.json"_s));
        QVERIFY(view->notice()->text().contains(u"stops early"_s));
        QCOMPARE(view->traceLayout()->spanCount(), 4); // the last good trace stays
        // A missing file or a folder (`--open-trace` of a typo) says why in the window.
        QVERIFY(!f->openFile(dir.filePath(u"missing.json"_s)));
        QVERIFY2(view->notice()->text().contains(u"missing.json: there is no such file"_s),
                 qPrintable(view->notice()->text()));
        QVERIFY(view->isVisible());
        QVERIFY(!f->openFile(dir.path()));
        QVERIFY2(view->notice()->text().contains(u"it is a folder"_s),
                 qPrintable(view->notice()->text()));
        // `spans: null` is no trace dated 1970: it says so and keeps the last good trace.
        const QString empty = dir.filePath(u"empty.json"_s);
        QFile nullSpans(empty);
        QVERIFY(nullSpans.open(QIODevice::WriteOnly));
        nullSpans.write("{\"traceID\":\"abc\",\"spans\":null,\"processes\":{}}");
        nullSpans.close();
        QVERIFY(f->openFile(empty));
        QTRY_VERIFY(view->notice()->text().contains(u"the trace has no spans"_s));
        QCOMPARE(view->traceLayout()->spanCount(), 4);

        // A file dropped on the page opens.
        Test::TraceGenerator g;
        g.spans = 300;
        const QString dropped = dir.filePath(u"dropped.json"_s);
        QFile out(dropped);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(g.envelopeJson());
        out.close();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dropped)});
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QSignalSpy requested(f->page(), &TracesPage::openFileRequested);
        // Straight to the widget: QApplication only delivers drops during a real drag.
        static_cast<QObject *>(f->page())->event(&drop);
        QCOMPARE(requested.count(), 1);
        QTRY_COMPARE(view->traceLayout()->spanCount(), 300);

        const QString fixture
            = Test::sharedPath(u"fixtures/jaeger/jaeger_v1.51.0_model_converter_json_ui_01.json"_s);
        STACKSCOPE_REQUIRE_SHARED(fixture);
        QVERIFY(f->openFile(fixture));
        QTRY_COMPARE(view->traceLayout() ? view->traceLayout()->spanCount() : 0, 5);
        QVERIFY(view->notice()->text().contains(u"repeat an earlier span ID"_s));
    }

    // A file with several traces (the Collector's file exporter appends one export per line)
    // lists them in the search results; a row opens its trace.
    void severalTracesInAFileOpenAList()
    {
        FaultServer server;
        QVERIFY(server.listen());
        server.setHandler(FakeJaeger().handler());
        auto f = feature(server);
        std::unique_ptr<QWidget> page(f->createPage());
        page->resize(1280, 800);
        page->show();
        QTemporaryDir dir;
        const QString path = dir.filePath(u"exports.jsonl"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Each real capture as the exporter writes it: the JSON on one line.
        for (const char *name : {"jaeger_mcptools_skills_sibling_errors.json",
                                 "opentelemetry-proto_examples_trace.json"}) {
            const QByteArray json = Test::readFile(
                QStringLiteral(STACKSCOPE_TEST_DATA_DIR "/traces/") + QLatin1StringView(name));
            QByteArray line;
            bool inString = false;
            for (qsizetype i = 0; i < json.size(); ++i) {
                const char c = json.at(i);
                if (c == '"' && (i == 0 || json.at(i - 1) != '\\'))
                    inString = !inString;
                if (inString || (c != ' ' && c != '\n'))
                    line += c;
            }
            file.write(line + '\n');
        }
        file.write(Test::readFile(QStringLiteral(
            STACKSCOPE_TEST_DATA_DIR "/traces/otel-specification_file-exporter_traces.jsonl")));
        file.close();

        TraceSearchPage *search = f->page()->search();
        QVERIFY(f->openFile(path));
        QTRY_COMPARE(search->model()->rowCount(), 3);
        QVERIFY(search->isVisible());
        QVERIFY2(search->status()->text().contains(u"exports.jsonl holds 3 trace"_s),
                 qPrintable(search->status()->text()));
        const int checkout = search->model()->rowOf(u"7c4f1a90b3e84d2f9a6c5e8017b3d264"_s);
        QVERIFY(checkout >= 0);
        const TraceSummary summary = search->model()->results().at(checkout);
        QCOMPARE(summary.spanCount, 6);
        QCOMPARE(summary.errorCount, 5);
        QCOMPARE(summary.rootOperation, u"oteldemo.CheckoutService/PlaceOrder"_s);
        if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty())
            QVERIFY(page->grab().save(out + u"/traces-several-in-a-file.png"_s));

        QTableView *table = search->table();
        const QModelIndex row = table->model()->index(
            [&] {
                for (int r = 0; r < table->model()->rowCount(); ++r) {
                    if (table->model()->index(r, TraceResultsModel::TraceIdColumn).data()
                        == summary.traceId)
                        return r;
                }
                return -1;
            }(),
            0);
        QVERIFY(row.isValid());
        table->setFocus();
        table->setCurrentIndex(row);
        QTest::keyClick(table, Qt::Key_Return);
        TraceView *view = f->page()->traceView();
        QTRY_VERIFY(view->traceLayout() != nullptr);
        QCOMPARE(view->traceLayout()->spanCount(), 6);
        QVERIFY2(view->header()->text().contains(u"5 error"_s), qPrintable(view->header()->text()));
    }

    // A 50 MB tag value froze the window for ~48 s when its span was clicked: the table shows
    // its start, the whole is shown and copied on demand. 5 MB here (laid out whole, it took
    // seconds); STACKSCOPE_LONG_VALUE_MB=50 measures the case.
    void longTagValueIsElided()
    {
        const qsizetype size
            = qsizetype(qEnvironmentVariableIntValue("STACKSCOPE_LONG_VALUE_MB") > 0
                            ? qEnvironmentVariableIntValue("STACKSCOPE_LONG_VALUE_MB")
                            : 5)
              * 1'000'000;
        QByteArray json = "{\"traceID\":\"1\",\"spans\":[{\"spanID\":\"a\",\"operationName\":\"evil"
                          "\\u202Egnp.exe\\nsecond line\",\"startTime\":1,\"duration\":2,"
                          "\"processID\":\"p1\",\"tags\":[{\"key\":\"big\",\"type\":\"string\","
                          "\"value\":\"";
        json.reserve(size + 400);
        json.append(size - 4, 'x'); // and "\u202Eend" decodes to 4 more
        json.append("\\u202Eend\"}]}],\"processes\":{\"p1\":{\"serviceName\":\"svc\"}}}");
        const TraceParseResult parsed = parseTraces(json);
        json = QByteArray();
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        const TraceLayoutPtr layout = TraceLayout::build(parsed.traces.first());

        TraceView view;
        view.resize(1280, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setTraceLayout(layout, u"big.json"_s, {});
        // Control characters of the name are visible: no reversed text, no second line.
        QVERIFY2(view.header()->text().contains(u"evil\\u202Egnp.exe\u23CEsecond line"_s),
                 qPrintable(view.header()->text()));
        TraceTimeline *timeline = view.timeline();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(
            timeline->viewport(), Qt::LeftButton, {},
            QPoint(timeline->viewport()->width() / 2, timeline->rowRect(0).center().y()));
        view.repaint();
        const qint64 clickToPaintedMs = clock.elapsed();
        qInfo("click to painted with a %lld MB tag value: %lld ms", qlonglong(size / 1'000'000),
              clickToPaintedMs);
        SpanDetailsView *details = view.details();
        QCOMPARE(details->span(), 0);
        QVERIFY(clickToPaintedMs < 1500);
        QTreeWidgetItem *big = findItem(details->tree(), u"big"_s);
        QVERIFY(big);
        QVERIFY2(big->text(2).size() < SpanDetailsView::maxShownChars() + 120,
                 qPrintable(big->text(2).right(100)));
        QVERIFY(big->text(2).endsWith(u"xxxx\u2026"_s));
        QVERIFY2(big->text(2).startsWith(u"["_s + QLocale().toString(qlonglong(size))
                                         + u" characters: double-click shows all"_s),
                 qPrintable(big->text(2).left(100)));
        QCOMPARE(SpanDetailsView::fullValue(big).size(), size);
        QVERIFY(SpanDetailsView::fullValue(big).endsWith(u"\u202Eend"_s));
        if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty())
            QVERIFY(view.grab().save(out + u"/traces-long-value-elided.png"_s));

        // Copy: the whole value, at once.
        details->tree()->setCurrentItem(big);
        big->setSelected(true);
        QApplication::setActiveWindow(&view);
        details->tree()->setFocus();
        QTRY_VERIFY(details->tree()->hasFocus());
        clock.restart();
        details->tree()->actions().first()->trigger();
        const qint64 copyMs = clock.elapsed();
        qInfo("copy of the value: %lld ms", copyMs);
        QCOMPARE(QApplication::clipboard()->text().size(), size);
        QVERIFY(copyMs < 1500);
        QApplication::clipboard()->clear();

        // Show all: the whole value in a dialog, its long line broken for display.
        clock.restart();
        QVERIFY(details->showWholeValue(big));
        auto *dialog = details->findChild<LongValueDialog *>();
        QVERIFY(dialog);
        dialog->repaint();
        const qint64 shownMs = clock.elapsed();
        qInfo("show the whole value: first painted after %lld ms", shownMs);
        QVERIFY(shownMs < 5000);
        QCOMPARE(dialog->value().size(), size);
        // The rest goes in a megabyte at a time, the event loop running in between.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isComplete(), 60000);
        qInfo("show the whole value: all of it in after %lld ms", clock.elapsed());
        QVERIFY(dialog->editor()->blockCount() > int(size / LongValueDialog::displayLineChars()));
        const QString shownText = dialog->editor()->toPlainText();
        // One line broken every 4,096 characters; U+202E shown as the 6 characters "\\u202E".
        QCOMPARE(shownText.size(), size + 5 + (size - 1) / LongValueDialog::displayLineChars());
        QVERIFY(shownText.endsWith(u"\\u202Eend"_s));
        dialog->close();
        QVERIFY(!details->showWholeValue(findItem(details->tree(), u"Service"_s)));
    }

    void tracesAroundHereAndServerErrors()
    {
        FaultServer server;
        QVERIFY(server.listen());
        FakeJaeger jaeger;
        server.setHandler(jaeger.handler());
        auto f = feature(server);
        std::unique_ptr<QWidget> page(f->createPage());
        page->show();
        const QDateTime start = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);
        f->show(TracesRequest{u"checkout"_s, start, start.addSecs(600)});
        QTRY_VERIFY(!server.requests().isEmpty()
                    && server.requests().last().path == "/api/traces"_L1);
        const FaultRequest request = server.requests().last();
        QCOMPARE(request.query.queryItemValue(u"service"_s), u"checkout"_s);
        QCOMPARE(request.query.queryItemValue(u"start"_s), u"1700000000000000"_s);
        QCOMPARE(request.query.queryItemValue(u"end"_s), u"1700000600000000"_s);
        QTRY_COMPARE(f->page()->search()->status()->text(), u"No traces found."_s);

        // A failing Jaeger: the message is on the page.
        jaeger.failStatus = 500;
        server.setHandler(jaeger.handler());
        f->page()->search()->submit();
        QTRY_VERIFY(f->page()->search()->status()->text().contains(u"storage unavailable"_s));
    }

    void servicesProblemClearsOnlyItself()
    {
        TraceSearchPage page;
        page.setServicesProblem(u"Cannot list Jaeger's services: refused"_s);
        QVERIFY(page.status()->text().startsWith(u"Cannot list Jaeger's services"_s));
        page.setServicesProblem({}); // Jaeger answers again
        QCOMPARE(page.status()->text(), QString());
        page.setServicesProblem(u"Cannot list Jaeger's services: refused"_s);
        page.setStatus(u"Searching…"_s, false); // a later line is not the services problem's
        page.setServicesProblem({});
        QCOMPARE(page.status()->text(), u"Searching…"_s);
    }

    void staleResultsAreDropped()
    {
        TraceLoader loader;
        QList<QString> delivered;
        connect(&loader, &TraceLoader::traceReady, this,
                [&](const TraceLayoutPtr &, const QString &source, const QStringList &) {
                    delivered.append(source);
                });
        loader.openJson(Test::TraceGenerator::json(20000, 5, u"bbbb000000000001"_s, 0.05),
                        u"big"_s);
        loader.openJson(Test::TraceGenerator::json(10, 6, u"bbbb000000000002"_s, 0.05), u"small"_s);
        QTRY_VERIFY(!loader.isOpening());
        QTest::qWait(300); // let the first job finish too
        QCOMPARE(delivered, QList<QString>{u"small"_s});
    }
};

QTEST_MAIN(TestTracesGui)
#include "tst_tracesgui.moc"
