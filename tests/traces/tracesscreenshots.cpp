// SPDX-License-Identifier: GPL-3.0-or-later
//
// Renders the Traces page for packaging/screenshots/: the search page with results from a fake
// Jaeger, a real fixture's timeline, a generated 50,000-span timeline, the critical path's
// segments with short spans hidden (the fixture and the 50,000 spans), the 50,000 spans'
// statistics, the flame graph of a generated 600-span trace, and two generated runs of one
// request compared. Not a test; run by hand: traces_screenshots OUTPUT_DIR
#include "app/features/tracesfeature.h"
#include "models/traces/spanstatisticsmodel.h"
#include "models/traces/tracecomparisonmodel.h"
#include "ui/traces/flamegraphview.h"
#include "ui/traces/spanstatisticsview.h"
#include "ui/traces/tracecompareview.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include "tests/support/fixtures.h"
#include "tests/traces/fakejaeger.h"
#include "tests/traces/tracegenerator.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace Stackscope;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString out = app.arguments().value(1, u"."_s);
    QDir().mkpath(out);

    Test::FaultServer server;
    server.listen();
    Test::FakeJaeger jaeger;
    jaeger.services = {u"frontend"_s, u"checkout"_s, u"payment"_s, u"shipping"_s};
    jaeger.operations[u"frontend"_s] = {u"GET /api/orders/{id}"_s, u"POST /api/carts"_s};
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    for (int i = 0; i < 14; ++i) {
        Test::TraceGenerator g;
        g.spans = 40 + (i * 97) % 900;
        g.seed = quint32(100 + i);
        g.errorRate = i % 4 == 0 ? 0.02 : 0.0;
        g.startUs = now - qint64(i) * 170 * 1000000 - (i * 7919 % 60) * 1000000;
        g.traceId = u"%1"_s.arg(0x5af7183fb1d4cf00ull + quint64(i) * 0x9e3779b97f4a7ull, 16, 16,
                                QChar(u'0'));
        jaeger.traces[g.traceId] = g.traceJson();
    }
    server.setHandler(jaeger.handler());

    QNetworkAccessManager network;
    AppContext context;
    context.network = &network;
    TracesFeature feature(context);
    Config config;
    config.jaeger.url = server.url();
    feature.applyConfig(config);
    std::unique_ptr<QWidget> page(feature.createPage());
    page->resize(1280, 800);
    page->show();
    feature.start();
    TraceSearchPage *search = feature.page()->search();
    if (!QTest::qWaitFor([&] { return search->serviceBox()->count() == 4; }, 5000))
        return 1;
    search->serviceBox()->setCurrentText(u"frontend"_s);
    QTest::qWait(200);
    search->submit();
    if (!QTest::qWaitFor([&] { return search->model()->rowCount() == 14; }, 10000))
        return 2;
    QTest::qWait(300);
    page->grab().save(out + u"/traces-search.png"_s);

    TraceView *view = feature.page()->traceView();
    const QString fixture = Test::sharedPath(
        u"fixtures/jaeger/jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s);
    if (feature.openFile(fixture)) {
        if (!QTest::qWaitFor([&] { return view->traceLayout() != nullptr; }, 5000))
            return 3;
        view->timeline()->selectSpan(view->timeline()->spanAtRow(3));
        QTest::qWait(200);
        page->grab().save(out + u"/traces-timeline-fixture.png"_s);
        // The critical path's segments, spans under 1 % of the trace hidden, on a segment.
        view->shortSpans()->setCurrentIndex(2);
        Q_EMIT view->shortSpans()->activated(2);
        view->timeline()->selectSpan(view->timeline()->spanAtRow(0));
        for (int i = 0; i < 6; ++i) // to GET /owners 1937..2522 µs, past a hidden 31 µs span
            view->timeline()->nextCriticalSegment();
        QTest::qWait(200);
        page->grab().save(out + u"/traces-critical-path.png"_s);
        view->shortSpans()->setCurrentIndex(0);
        Q_EMIT view->shortSpans()->activated(0);
    }

    Test::TraceGenerator big;
    big.spans = 50000;
    big.services = 30;
    big.maxDepth = 28;
    big.seed = 2026;
    const QString path = QDir::temp().filePath(u"traces-50k.json"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(big.traceJson());
        file.close();
    }
    feature.openFile(path);
    if (!QTest::qWaitFor(
            [&] { return view->traceLayout() && view->traceLayout()->spanCount() == 50000; },
            20000))
        return 4;
    view->findEdit()->setText(u"http.status_code=500"_s);
    view->timeline()->findNext();
    view->timeline()->findNext();
    QTest::qWait(200);
    page->grab().save(out + u"/traces-timeline-50k.png"_s);

    view->findEdit()->clear();
    view->shortSpans()->setCurrentIndex(2);
    Q_EMIT view->shortSpans()->activated(2);
    view->timeline()->selectSpan(view->timeline()->spanAtRow(0));
    for (int i = 0; i < 6; ++i)
        view->timeline()->nextCriticalSegment();
    QTest::qWait(200);
    page->grab().save(out + u"/traces-critical-path-50k.png"_s);
    // The statistics of the 50,000 spans by service and operation, sorted by self time, the top
    // row's spans marked.
    view->findEdit()->clear();
    view->views()->setCurrentWidget(view->statistics());
    SpanStatisticsView *stats = view->statistics();
    if (!QTest::qWaitFor([&] { return stats->isReady(); }, 10000))
        return 5;
    stats->setGroupBy(SpanStatistics::GroupBy::ServiceOperation);
    if (!QTest::qWaitFor(
            [&] {
                return stats->isReady()
                       && stats->model()->statistics().groupBy
                              == SpanStatistics::GroupBy::ServiceOperation;
            },
            10000))
        return 6;
    stats->table()->sortByColumn(SpanStatisticsModel::SelfColumn, Qt::DescendingOrder);
    stats->table()->selectRow(0);
    Q_EMIT stats->nextSpanRequested();
    QTest::qWait(200);
    page->grab().save(out + u"/traces-statistics.png"_s);
    QFile::remove(path);

    // The flame graph of a smaller trace, the root's longest child selected.
    Test::TraceGenerator small;
    small.spans = 600;
    small.services = 9;
    small.maxDepth = 12;
    small.seed = 7;
    small.errorRate = 0.02;
    const QString smallPath = QDir::temp().filePath(u"traces-600.json"_s);
    QFile smallFile(smallPath);
    if (smallFile.open(QIODevice::WriteOnly)) {
        smallFile.write(small.traceJson());
        smallFile.close();
    }
    feature.openFile(smallPath);
    if (!QTest::qWaitFor(
            [&] { return view->traceLayout() && view->traceLayout()->spanCount() == 600; }, 20000))
        return 7;
    view->views()->setCurrentWidget(view->flameGraph());
    FlameGraphView *flame = view->flameGraph();
    if (!QTest::qWaitFor([&] { return flame->isReady(); }, 10000))
        return 8;
    const TraceLayoutPtr smallLayout = view->traceLayout();
    const int root = smallLayout->roots.front();
    int longest = -1;
    for (int s = 0; s < smallLayout->spanCount(); ++s) {
        const Span &span = smallLayout->trace->spans[size_t(s)];
        if (span.parent == root
            && (longest < 0
                || span.durationUs > smallLayout->trace->spans[size_t(longest)].durationUs))
            longest = s;
    }
    view->timeline()->selectSpan(longest);
    QTest::qWait(200);
    page->grab().save(out + u"/traces-flamegraph.png"_s);
    QFile::remove(smallPath);
    // Two runs of one request: in A the cart service was slow, in B payment is (callers wait
    // for both), and B calls "GET /api/v2/orders/{id}" where A called "GET /api/orders/{id}".
    Test::TraceGenerator run;
    run.spans = 160;
    run.services = 8;
    run.maxDepth = 6;
    run.seed = 31;
    run.slowService = u"cart"_s;
    run.slowFactor = 1.5;
    run.stretchParents = true;
    const QString pathA = QDir::temp().filePath(u"traces-compare-a.json"_s);
    const QString pathB = QDir::temp().filePath(u"traces-compare-b.json"_s);
    const auto write = [](const QString &to, const QByteArray &json) {
        QFile f(to);
        return f.open(QIODevice::WriteOnly) && f.write(json) == json.size();
    };
    if (!write(pathA, run.traceJson()))
        return 5;
    run.traceId = u"5af7183fb1d4cf5f3f1e2d3c4b5a6979"_s;
    run.startUs += 90 * 1000000ll;
    run.slowService = u"payment"_s;
    run.slowFactor = 1.8;
    run.renameOperation = u"GET /api/orders/{id}"_s;
    run.renamedTo = u"GET /api/v2/orders/{id}"_s;
    if (!write(pathB, run.traceJson()))
        return 5;
    TraceCompareView *compare = feature.page()->compareView();
    Q_EMIT feature.page()->compareRequested(TraceSource::ofFile(pathA), TraceSource::ofFile(pathB));
    if (!QTest::qWaitFor([&] { return compare->comparison() != nullptr; }, 10000))
        return 6;
    compare->changesOnlyBox()->setChecked(true);
    QTest::qWait(200);
    page->grab().save(out + u"/traces-compare.png"_s);
    QFile::remove(pathA);
    QFile::remove(pathB);
    return 0;
}
