// SPDX-License-Identifier: GPL-3.0-or-later
//
// Comparing two traces: the merged tree against a reference computed here from the parsed
// traces (path of service: operation from the root → count and summed duration), node by
// node; generated pairs with known regressions, renamed calls (only in A / only in B); the real
// fixtures each against itself (Δ 0 everywhere); the model under QAbstractItemModelTester;
// and the Traces page end to end against the Jaeger stand-in.
#include "app/features/tracesfeature.h"
#include "app/jaeger/tracecomparer.h"
#include "app/jaeger/traceparser.h"
#include "models/common/palette.h"
#include "models/traces/tracecomparison.h"
#include "models/traces/tracecomparisonmodel.h"
#include "ui/traces/tracecompareview.h"
#include "ui/traces/tracesearchpage.h"
#include "ui/traces/tracespage.h"
#include "ui/traces/tracetimeline.h"
#include "ui/traces/traceview.h"

#include "tests/support/faultserver.h"
#include "tests/support/fixtures.h"
#include "tests/traces/fakejaeger.h"
#include "tests/traces/tracegenerator.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Stackscope;
using Side = TraceComparison::Side;
using Node = TraceComparison::Node;
using Model = TraceComparisonModel;

namespace {

TracePtr parse(const QByteArray &json)
{
    const TraceParseResult result = parseTraces(json);
    if (!result.ok() || result.traces.isEmpty()) {
        qWarning("cannot parse: %s", qPrintable(result.error));
        return {};
    }
    return result.traces.first();
}

/// One span of a hand-written trace: id, parent id (empty for the root), service, operation,
/// start and duration in µs from the trace's start.
struct S
{
    const char *id;
    const char *parent;
    const char *service;
    const char *operation;
    qint64 start;
    qint64 duration;
};

/// A Jaeger v1 trace object written for these tests (not a capture).
QByteArray traceJson(const char *traceId, qint64 t0, std::initializer_list<S> spans)
{
    QStringList services;
    QByteArray out = "{\"traceID\":\"" + QByteArray(traceId) + "\",\"spans\":[";
    bool first = true;
    for (const S &s : spans) {
        if (!services.contains(QLatin1StringView(s.service)))
            services.append(QLatin1StringView(s.service));
        out += first ? "" : ",";
        first = false;
        out += "{\"traceID\":\"" + QByteArray(traceId) + "\",\"spanID\":\"" + s.id
               + "\",\"operationName\":\"" + s.operation + "\",\"references\":[";
        if (*s.parent)
            out += "{\"refType\":\"CHILD_OF\",\"traceID\":\"" + QByteArray(traceId)
                   + "\",\"spanID\":\"" + s.parent + "\"}";
        out += "],\"startTime\":" + QByteArray::number(t0 + s.start) + ",\"duration\":"
               + QByteArray::number(s.duration) + ",\"tags\":[],\"logs\":[],\"processID\":\"p"
               + QByteArray::number(services.indexOf(QLatin1StringView(s.service)) + 1) + "\"}";
    }
    out += "],\"processes\":{";
    for (int i = 0; i < services.size(); ++i)
        out += (i ? ",\"p" : "\"p") + QByteArray::number(i + 1) + "\":{\"serviceName\":\""
               + services.at(i).toUtf8() + "\",\"tags\":[]}";
    out += "}}";
    return out;
}

/// The reference: every span's path from its root, "service: operation" joined by " / ".
struct PathTotals
{
    int count = 0;
    qint64 duration = 0;
};
QHash<QString, PathTotals> pathTotals(const Trace &trace)
{
    std::vector<QString> path(trace.spans.size());
    std::vector<bool> done(trace.spans.size(), false);
    const std::function<const QString &(int)> pathOf = [&](int i) -> const QString & {
        if (!done[size_t(i)]) {
            const Span &s = trace.spans[size_t(i)];
            const QString own = trace.service(i) + u": "_s + trace.operation(i);
            path[size_t(i)] = s.parent >= 0 ? pathOf(s.parent) + u" / "_s + own : own;
            done[size_t(i)] = true;
        }
        return path[size_t(i)];
    };
    QHash<QString, PathTotals> totals;
    for (int i = 0; i < int(trace.spans.size()); ++i) {
        PathTotals &t = totals[pathOf(i)];
        ++t.count;
        t.duration += trace.spans[size_t(i)].durationUs;
    }
    return totals;
}

QString nodePath(const TraceComparison &c, qint32 node)
{
    QString path = c.nodes[size_t(node)].name();
    for (qint32 p = c.nodes[size_t(node)].parent; p >= 0; p = c.nodes[size_t(p)].parent)
        path = c.nodes[size_t(p)].name() + u" / "_s + path;
    return path;
}

/// Every node against the reference, and no path of the reference missing.
void compareWithReference(const TraceComparison &c)
{
    const QHash<QString, PathTotals> a = c.a ? pathTotals(*c.a) : QHash<QString, PathTotals>();
    const QHash<QString, PathTotals> b = c.b ? pathTotals(*c.b) : QHash<QString, PathTotals>();
    QSet<QString> paths;
    for (auto it = a.cbegin(); it != a.cend(); ++it)
        paths.insert(it.key());
    for (auto it = b.cbegin(); it != b.cend(); ++it)
        paths.insert(it.key());
    QCOMPARE(qsizetype(c.nodes.size()), paths.size());
    for (qint32 n = 0; n < qint32(c.nodes.size()); ++n) {
        const Node &node = c.nodes[size_t(n)];
        const QString path = nodePath(c, n);
        QVERIFY2(paths.contains(path), qPrintable(path));
        QCOMPARE(node.countA(), a.value(path).count);
        QCOMPARE(node.countB(), b.value(path).count);
        QCOMPARE(node.durationA, a.value(path).duration);
        QCOMPARE(node.durationB, b.value(path).duration);
        QCOMPARE(node.onlyInA(), !b.contains(path));
        QCOMPARE(node.onlyInB(), !a.contains(path));
        QCOMPARE(node.deltaUs(), b.value(path).duration - a.value(path).duration);
        // Each side's spans in order of start, and each span's node is this one.
        for (Side side : {Side::A, Side::B}) {
            const std::vector<qint32> &spans = node.spans(side);
            for (size_t i = 0; i < spans.size(); ++i) {
                QCOMPARE(c.nodeOfSpan(side, spans[i]), n);
                if (i > 0)
                    QVERIFY(c.trace(side)->spans[size_t(spans[i - 1])].startUs
                            <= c.trace(side)->spans[size_t(spans[i])].startUs);
            }
        }
        if (node.parent >= 0)
            QCOMPARE(node.depth, c.nodes[size_t(node.parent)].depth + 1);
    }
}

int rowsBelow(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    int rows = model.rowCount(parent);
    for (int row = model.rowCount(parent); row-- > 0;)
        rows += rowsBelow(model, model.index(row, 0, parent));
    return rows;
}

qint32 findNode(const TraceComparison &c, const QString &path)
{
    for (qint32 n = 0; n < qint32(c.nodes.size()); ++n) {
        if (nodePath(c, n) == path)
            return n;
    }
    return -1;
}

// Trace A and B of one "dispatch" request, written for these tests: B's database call is twice
// as slow, it calls redis three times instead of twice (and faster in sum), it no longer asks
// the route service, and it has a cache miss A did not have.
const QByteArray handA = traceJson("a1", 1'700'000'000'000'000,
                                   {{"01", "", "frontend", "HTTP GET /dispatch", 0, 1000},
                                    {"02", "01", "customer", "SQL SELECT", 10, 300},
                                    {"03", "01", "redis", "GetDriver", 430, 30},
                                    {"04", "01", "redis", "GetDriver", 400, 20},
                                    {"05", "01", "route", "FindRoute", 500, 100}});
const QByteArray handB = traceJson("b1", 1'700'000'060'000'000,
                                   {{"11", "", "frontend", "HTTP GET /dispatch", 0, 1500},
                                    {"12", "11", "customer", "SQL SELECT", 10, 600},
                                    {"13", "11", "redis", "GetDriver", 700, 15},
                                    {"14", "11", "redis", "GetDriver", 650, 20},
                                    {"15", "11", "redis", "GetDriver", 680, 10},
                                    {"16", "11", "mysql", "cache miss", 800, 200}});

} // namespace

class TestTraceCompare : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

private Q_SLOTS:
    void handWrittenPairNodeByNode()
    {
        const TracePtr a = parse(handA), b = parse(handB);
        QVERIFY(a && b);
        const TraceComparisonPtr c = TraceComparison::build(a, b);
        compareWithReference(*c);
        QCOMPARE(c->nodes.size(), size_t(5));
        QCOMPARE(c->tops.size(), size_t(1));
        QCOMPARE(c->onlyInACount, 1);
        QCOMPARE(c->onlyInBCount, 1);

        const Node &root = c->nodes[size_t(findNode(*c, u"frontend: HTTP GET /dispatch"_s))];
        QCOMPARE(root.durationA, 1000);
        QCOMPARE(root.durationB, 1500);
        QCOMPARE(root.deltaPercent(), 50.0);
        const QString under = u"frontend: HTTP GET /dispatch / "_s;
        const qint32 sql = findNode(*c, under + u"customer: SQL SELECT"_s);
        const qint32 redis = findNode(*c, under + u"redis: GetDriver"_s);
        const qint32 route = findNode(*c, under + u"route: FindRoute"_s);
        const qint32 miss = findNode(*c, under + u"mysql: cache miss"_s);
        QVERIFY(sql >= 0 && redis >= 0 && route >= 0 && miss >= 0);
        QCOMPARE(c->nodes[size_t(sql)].deltaUs(), 300);
        QCOMPARE(c->nodes[size_t(sql)].deltaPercent(), 100.0);
        const Node &r = c->nodes[size_t(redis)];
        QCOMPARE(r.countA(), 2);
        QCOMPARE(r.countB(), 3);
        QCOMPARE(r.durationA, 50);
        QCOMPARE(r.durationB, 45);
        QCOMPARE(r.deltaPercent(), -10.0);
        // Siblings of one path paired in order of start: A's 04 (400 µs) with B's 14 (650 µs).
        QCOMPARE(a->spanId(c->pairedSpan(redis, Side::A, 0)), u"04"_s);
        QCOMPARE(b->spanId(c->pairedSpan(redis, Side::B, 0)), u"14"_s);
        QCOMPARE(a->spanId(c->pairedSpan(redis, Side::A, 1)), u"03"_s);
        QCOMPARE(b->spanId(c->pairedSpan(redis, Side::B, 1)), u"15"_s);
        QCOMPARE(b->spanId(c->pairedSpan(redis, Side::B, 2)), u"13"_s);
        QCOMPARE(a->spanId(c->pairedSpan(redis, Side::A, 2)), u"03"_s); // A has two: its last
        QVERIFY(c->nodes[size_t(route)].onlyInA());
        QCOMPARE(c->nodes[size_t(route)].deltaUs(), -100);
        QCOMPARE(c->pairedSpan(route, Side::B), -1);
        QVERIFY(c->nodes[size_t(miss)].onlyInB());
        QVERIFY(std::isnan(c->nodes[size_t(miss)].deltaPercent()));
        QCOMPARE(c->traceDurationUs(Side::A), 1000);
        QCOMPARE(c->traceDurationUs(Side::B), 1500);
        // Children in order of first start (A's times where A has the node).
        QCOMPARE(root.children, (std::vector<qint32>{sql, redis, route, miss}));

        // One side missing: every node only in the other.
        const TraceComparisonPtr alone = TraceComparison::build(a, nullptr);
        compareWithReference(*alone);
        QCOMPARE(alone->onlyInACount, 4); // A's four paths
    }

    void modelOrderColoursAndMarks()
    {
        const TraceComparisonPtr c = TraceComparison::build(parse(handA), parse(handB));
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(c);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex root = model.index(0, 0);
        QCOMPARE(model.rowCount(root), 4);
        // Default: largest regression first, inside the level.
        QStringList names;
        for (int row = 0; row < 4; ++row)
            names << model.index(row, 0, root).data(Model::NameRole).toString();
        QCOMPARE(names, (QStringList{u"customer: SQL SELECT"_s, u"mysql: cache miss"_s,
                                     u"redis: GetDriver"_s, u"route: FindRoute"_s}));
        const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column, root).data(role);
        };
        QCOMPARE(cell(0, Model::CountAColumn).toString(), u"1"_s);
        QCOMPARE(cell(0, Model::DurationBColumn).toString(), u"600 µs"_s);
        QCOMPARE(cell(0, Model::DeltaColumn).toString(), u"+300 µs"_s);
        QCOMPARE(cell(0, Model::DeltaPercentColumn).toString(), u"+100 %"_s);
        QCOMPARE(cell(0, Model::DeltaColumn, Qt::ForegroundRole).value<QColor>(),
                 Palette::color(Palette::Tone::Bad));
        QCOMPARE(cell(2, Model::DeltaPercentColumn).toString(), u"-10 %"_s);
        QCOMPARE(cell(2, Model::DeltaPercentColumn, Qt::ForegroundRole).value<QColor>(),
                 Palette::color(Palette::Tone::Good));
        QCOMPARE(cell(2, Model::CountBColumn).toString(), u"3"_s);
        QCOMPARE(cell(1, Model::NodeColumn).toString(), u"mysql: cache miss (only in B)"_s);
        QCOMPARE(cell(1, Model::CountAColumn).toString(), u"—"_s);
        QCOMPARE(cell(1, Model::DeltaPercentColumn).toString(), u"new"_s);
        QCOMPARE(cell(1, 0, Model::PresenceRole).toInt(), int(Model::Presence::OnlyInB));
        QCOMPARE(cell(3, Model::NodeColumn).toString(), u"route: FindRoute (only in A)"_s);
        QCOMPARE(cell(3, 0, Model::PresenceRole).toInt(), int(Model::Presence::OnlyInA));
        QCOMPARE(cell(3, 0, Qt::ForegroundRole).value<QColor>(),
                 Palette::color(Palette::Tone::Muted));
        QVERIFY(cell(3, 0, Qt::FontRole).value<QFont>().italic());

        // Any column, both ways, keeps persistent indexes on their nodes.
        const QPersistentModelIndex routeIndex = model.index(3, Model::DeltaColumn, root);
        const qint32 routeNode = model.nodeAt(routeIndex);
        model.sort(Model::NodeColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 0, root).data(Model::NameRole).toString(),
                 u"customer: SQL SELECT"_s);
        QCOMPARE(model.index(3, 0, root).data(Model::NameRole).toString(), u"route: FindRoute"_s);
        for (int column = 0; column < Model::ColumnCount; ++column) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                model.sort(column, order);
                QCOMPARE(model.nodeAt(routeIndex), routeNode);
                QCOMPARE(routeIndex.column(), int(Model::DeltaColumn));
                for (int row = 1; row < 4; ++row) {
                    const double before
                        = model.index(row - 1, column, root).data(Model::SortRole).toDouble();
                    const double here
                        = model.index(row, column, root).data(Model::SortRole).toDouble();
                    if (column != Model::NodeColumn)
                        QVERIFY(order == Qt::AscendingOrder ? before <= here : before >= here);
                }
            }
        }
        model.sort(Model::CountBColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0, root).data(Model::NameRole).toString(), u"redis: GetDriver"_s);
        QCOMPARE(model.indexOfNode(routeNode).row(), 3); // 0 in B: last
        model.setComparison(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void generatedPairs_data()
    {
        QTest::addColumn<QString>("slowService");
        QTest::addColumn<double>("factor");
        QTest::addColumn<QString>("renamed");
        QTest::addColumn<bool>("stretch");
        QTest::newRow("payment 1.5× slower") << u"payment"_s << 1.5 << QString() << false;
        QTest::newRow("checkout twice as fast") << u"checkout"_s << 0.5 << QString() << false;
        QTest::newRow("orders call renamed")
            << QString() << 1.0 << u"GET /api/orders/{id}"_s << false;
        QTest::newRow("cart slower, items call renamed")
            << u"cart"_s << 1.3 << u"SELECT items"_s << false;
        QTest::newRow("payment 3× slower, callers wait")
            << u"payment"_s << 3.0 << QString() << true;
    }

    void generatedPairs()
    {
        QFETCH(QString, slowService);
        QFETCH(double, factor);
        QFETCH(QString, renamed);
        QFETCH(bool, stretch);
        Test::TraceGenerator g;
        g.spans = 3000;
        g.services = 8;
        g.seed = 77;
        const TracePtr a = parse(g.traceJson());
        g.slowService = slowService;
        g.slowFactor = factor;
        g.stretchParents = stretch;
        g.renameOperation = renamed;
        g.renamedTo = renamed.isEmpty() ? QString() : u"v2 "_s + renamed;
        g.traceId = u"5af7183fb1d4cf5f3f1e2d3c4b5a6979"_s;
        const TracePtr b = parse(g.traceJson());
        QVERIFY(a && b);
        const TraceComparisonPtr c = TraceComparison::build(a, b);
        compareWithReference(*c);

        int slower = 0, faster = 0, onlyA = 0, onlyB = 0;
        for (const Node &node : c->nodes) {
            const QString path = nodePath(*c, qint32(&node - c->nodes.data()));
            const bool oldName = !renamed.isEmpty() && path.contains(u": "_s + renamed);
            const bool newName = !renamed.isEmpty() && path.contains(u": v2 "_s + renamed);
            // A renamed call and all below it are only in A (old name) or only in B (new name).
            QCOMPARE(node.onlyInA(), oldName);
            QCOMPARE(node.onlyInB(), newName);
            onlyA += node.onlyInA();
            onlyB += node.onlyInB();
            if (node.onlyInA() || node.onlyInB())
                continue;
            QCOMPARE(node.countA(), node.countB());
            // The known change: the slowed service's spans, each scaled; nothing else, or, when
            // callers wait, their callers no faster and the root as long as its longest call.
            qint64 expected = 0;
            for (qint32 s : node.spansA) {
                const qint64 d = a->spans[size_t(s)].durationUs;
                expected += node.service == slowService
                                ? std::max<qint64>(1, qint64(double(d) * factor))
                                : d;
            }
            const auto change = Model::changeOf(node);
            slower += change == Model::Change::Slower;
            faster += change == Model::Change::Faster;
            if (!stretch) {
                QCOMPARE(node.durationB, expected);
                if (node.service != slowService)
                    QCOMPARE(change, Model::Change::Same);
            } else {
                QVERIFY(node.durationB >= expected);
                QVERIFY(change != Model::Change::Faster);
            }
        }
        // Changes only: the changed nodes and their ancestors, no other.
        std::vector<bool> shown(c->nodes.size(), false);
        for (size_t n = 0; n < c->nodes.size(); ++n) {
            if (!Model::changed(c->nodes[n]))
                continue;
            for (qint32 at = qint32(n); at >= 0 && !shown[size_t(at)];
                 at = c->nodes[size_t(at)].parent)
                shown[size_t(at)] = true;
        }
        Model model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setComparison(c);
        QCOMPARE(rowsBelow(model), int(c->nodes.size()));
        model.setChangesOnly(true);
        QCOMPARE(rowsBelow(model), int(std::count(shown.begin(), shown.end(), true)));
        QVERIFY(rowsBelow(model) < int(c->nodes.size()));
        model.sort(Model::DeltaPercentColumn, Qt::AscendingOrder);
        model.setChangesOnly(false);
        QCOMPARE(rowsBelow(model), int(c->nodes.size()));

        if (stretch) {
            // The regression shows on the path from the root: the root itself is slower.
            const Node &root = c->nodes[size_t(c->tops.front())];
            QCOMPARE(Model::changeOf(root), Model::Change::Slower);
            QCOMPARE(root.durationB, b->durationUs());
        }
        QCOMPARE(c->onlyInACount, onlyA);
        QCOMPARE(c->onlyInBCount, onlyB);
        QVERIFY(renamed.isEmpty() ? onlyA == 0 : onlyA > 0);
        QCOMPARE(onlyA, onlyB); // renaming moves each subtree, whole
        if (!slowService.isEmpty())
            QVERIFY(factor > 1 ? slower > 0 && faster == 0 : faster > 0 && slower == 0);
    }

    void realFixtureAgainstItself_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("statistics, 17 spans")
            << u"jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s;
        QTest::newRow("ui_01, duplicate ID") << u"jaeger_v1.51.0_model_converter_json_ui_01.json"_s;
        QTest::newRow("follows from") << u"jaeger-ui_issue115_follows_from_2992f2a5.json"_s;
        QTest::newRow("analytics") << u"jaeger-analytics-java_ui-trace.json"_s;
    }

    void realFixtureAgainstItself()
    {
        QFETCH(QString, file);
        const QString path = Test::sharedPath(u"fixtures/jaeger/"_s + file);
        STACKSCOPE_REQUIRE_SHARED(path);
        const QByteArray json = Test::readFile(path);
        // Parsed twice: two traces that are equal, not one object compared with itself.
        const TracePtr a = parse(json), b = parse(json);
        QVERIFY(a && b);
        const TraceComparisonPtr c = TraceComparison::build(a, b);
        compareWithReference(*c);
        int spans = 0;
        for (const Node &node : c->nodes) {
            QCOMPARE(node.countA(), node.countB());
            QCOMPARE(node.deltaUs(), 0);
            QCOMPARE(node.deltaPercent(), 0.0);
            QCOMPARE(Model::changeOf(node), Model::Change::Same);
            spans += node.countA();
        }
        QCOMPARE(spans, int(a->spans.size()));
        QCOMPARE(c->onlyInACount + c->onlyInBCount, 0);
        Model model;
        model.setComparison(c);
        QCOMPARE(model.rowCount(), int(c->tops.size()));
        model.setChangesOnly(true);
        QCOMPARE(model.rowCount(), 0);
    }

    void twoDifferentRealFixtures()
    {
        // The real captures are four different requests (no two of the same one): compared,
        // nothing matches.
        const QString statistics = Test::sharedPath(
            u"fixtures/jaeger/jaeger-ui_trace_statistics_spanAmongEachOtherGroupedAndSpans.json"_s);
        const QString ui01
            = Test::sharedPath(u"fixtures/jaeger/jaeger_v1.51.0_model_converter_json_ui_01.json"_s);
        STACKSCOPE_REQUIRE_SHARED(statistics);
        STACKSCOPE_REQUIRE_SHARED(ui01);
        const TraceComparisonPtr c = TraceComparison::build(parse(Test::readFile(statistics)),
                                                            parse(Test::readFile(ui01)));
        compareWithReference(*c);
        QCOMPARE(c->onlyInACount + c->onlyInBCount, int(c->nodes.size()));
    }

    void tracesPageEndToEnd()
    {
        Test::FaultServer server;
        QVERIFY(server.listen());
        Test::FakeJaeger jaeger;
        jaeger.services = {u"frontend"_s};
        Test::TraceGenerator g;
        g.spans = 600;
        g.services = 8;
        g.seed = 5;
        g.traceId = u"aaaa000000000001"_s;
        const QByteArray jsonA = g.traceJson();
        g.traceId = u"aaaa000000000002"_s;
        g.startUs += 60'000'000;
        g.slowService = u"payment"_s;
        g.slowFactor = 2;
        g.renameOperation = u"GET /api/orders/{id}"_s;
        g.renamedTo = u"GET /api/v2/orders/{id}"_s;
        const QByteArray jsonB = g.traceJson();
        jaeger.traces[u"aaaa000000000001"_s] = jsonA;
        jaeger.traces[u"aaaa000000000002"_s] = jsonB;
        server.setHandler(jaeger.handler());

        AppContext context;
        context.network = &m_network;
        TracesFeature feature(context);
        Config config;
        config.jaeger.url = server.url();
        feature.applyConfig(config);
        std::unique_ptr<QWidget> widget(feature.createPage());
        widget->resize(1200, 800);
        widget->show();
        QVERIFY(QTest::qWaitForWindowExposed(widget.get()));
        feature.start();
        TracesPage *page = feature.page();
        TraceSearchPage *search = page->search();
        QTRY_COMPARE(search->serviceBox()->count(), 1);
        search->submit();
        QTRY_COMPARE(search->model()->rowCount(), 2);

        // (1) Two rows selected → Compare; the earlier trace is A.
        QVERIFY(!search->compareButton()->isEnabled());
        QTableView *table = search->table();
        table->selectionModel()->select(table->model()->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(!search->compareButton()->isEnabled());
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(search->compareButton()->isEnabled());
        QTest::mouseClick(search->compareButton(), Qt::LeftButton);
        TraceCompareView *view = page->compareView();
        QTRY_VERIFY(view->comparison() != nullptr);
        QVERIFY(view->isVisible());
        TraceComparisonPtr c = view->comparison();
        QCOMPARE(c->a->traceId, u"aaaa000000000001"_s);
        QCOMPARE(c->b->traceId, u"aaaa000000000002"_s);
        compareWithReference(*c);
        QVERIFY(c->onlyInACount > 0 && c->onlyInBCount > 0);
        const QString header = view->header()->text() + u'\n' + view->summary()->text();
        QVERIFY2(header.contains(u"A: aaaa000000000001"_s) && header.contains(u"600 spans"_s)
                     && header.contains(u"only in A"_s),
                 qPrintable(header));
        // The first row is the largest regression of the top level, and it is selected.
        QCOMPARE(view->currentNode(), c->tops.front());

        // Open a slower node's span in B, then in A: the Trace tab shows it selected.
        qint32 slow = -1;
        for (qint32 n = 0; n < qint32(c->nodes.size()) && slow < 0; ++n) {
            if (Model::changeOf(c->nodes[size_t(n)]) == Model::Change::Slower
                && !c->nodes[size_t(n)].onlyInB())
                slow = n;
        }
        QVERIFY(slow >= 0);
        view->tree()->setCurrentIndex(view->model()->indexOfNode(slow));
        QVERIFY(view->openAButton()->isEnabled() && view->openBButton()->isEnabled());
        QTest::mouseClick(view->openBButton(), Qt::LeftButton);
        TraceView *trace = page->traceView();
        QTRY_VERIFY(trace->traceLayout() && trace->traceLayout()->trace == c->b);
        QVERIFY(trace->isVisible());
        QCOMPARE(trace->timeline()->selectedSpan(), c->pairedSpan(slow, Side::B));
        page->showCompare();
        QTest::mouseClick(view->openAButton(), Qt::LeftButton);
        QTRY_VERIFY(trace->traceLayout()->trace == c->a);
        QCOMPARE(trace->timeline()->selectedSpan(), c->pairedSpan(slow, Side::A));
        // A node only in A cannot open in B.
        qint32 gone = -1;
        for (qint32 n = 0; n < qint32(c->nodes.size()) && gone < 0; ++n)
            gone = c->nodes[size_t(n)].onlyInA() ? n : -1;
        view->tree()->setCurrentIndex(view->model()->indexOfNode(gone));
        QVERIFY(view->openAButton()->isEnabled() && !view->openBButton()->isEnabled());

        // Changes only: fewer rows, the first still the largest regression.
        const int allRows = rowsBelow(*view->model());
        view->changesOnlyBox()->setChecked(true);
        QVERIFY(rowsBelow(*view->model()) < allRows);
        QCOMPARE(view->currentNode(), c->tops.front());
        view->changesOnlyBox()->setChecked(false);
        QCOMPARE(rowsBelow(*view->model()), allRows);

        // (2) "Compare…" from the open trace (A) with a search result (B).
        view->setComparison(nullptr, {}, {});
        Q_EMIT page->compareMenu()->aboutToShow();
        Q_EMIT page->compareMenu()->aboutToShow(); // filled anew, the old submenu gone
        QCOMPARE(page->compareMenu()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly).size(), 1);
        QMenu *results = nullptr;
        for (QAction *action : page->compareMenu()->actions()) {
            if (action->menu())
                results = action->menu();
        }
        QVERIFY(results);
        QCOMPARE(results->actions().size(), 1); // the open trace itself is not offered
        results->actions().first()->trigger();
        QTRY_VERIFY(view->comparison() != nullptr);
        QCOMPARE(view->comparison()->a, c->a);
        QCOMPARE(view->comparison()->b->traceId, u"aaaa000000000002"_s);

        // Swap A and B.
        QPushButton *swap = nullptr;
        for (QPushButton *b : view->findChildren<QPushButton *>()) {
            if (b->text() == u"Swap A and B"_s)
                swap = b;
        }
        QVERIFY(swap);
        const TraceComparisonPtr before = view->comparison();
        QTest::mouseClick(swap, Qt::LeftButton);
        QTRY_VERIFY(view->comparison() != before);
        QCOMPARE(view->comparison()->a, before->b);
        QCOMPARE(view->comparison()->onlyInACount, before->onlyInBCount);

        // (3) Two files; and by trace ID, fetched one after the other.
        QTemporaryDir dir;
        const QString fileA = dir.filePath(u"a.json"_s), fileB = dir.filePath(u"b.json"_s);
        for (const auto &[path, json] : {std::pair{fileA, jsonA}, std::pair{fileB, jsonB}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(json);
        }
        Q_EMIT page->compareRequested(TraceSource::ofFile(fileA), TraceSource::ofFile(fileB));
        QTRY_VERIFY(view->comparison() && view->comparison()->a->traceId == c->a->traceId
                    && view->comparison()->a != c->a);
        compareWithReference(*view->comparison());
        QVERIFY(view->header()->text().contains(u"a.json"_s));
        QCOMPARE(view->comparison()->nodes.size(), c->nodes.size());

        const TraceComparisonPtr fromFiles = view->comparison();
        Q_EMIT page->compareRequested(TraceSource::ofId(u"aaaa000000000002"_s),
                                      TraceSource::ofId(u"aaaa000000000001"_s));
        QTRY_VERIFY(view->comparison() != fromFiles);
        QCOMPARE(view->comparison()->a->traceId, u"aaaa000000000002"_s);
        QCOMPARE(view->comparison()->b->traceId, u"aaaa000000000001"_s);

        // A side that cannot be read: said, and the comparison on screen stays.
        const TraceComparisonPtr shown = view->comparison();
        Q_EMIT page->compareRequested(TraceSource::ofFile(fileA),
                                      TraceSource::ofFile(dir.filePath(u"missing.json"_s)));
        QTRY_VERIFY(view->notice()->isVisible()
                    && view->notice()->text().contains(u"Trace B (missing.json)"_s));
        QCOMPARE(view->comparison(), shown);
        Q_EMIT page->compareRequested(TraceSource::ofId(u"aaaa00000000dead"_s),
                                      TraceSource::ofFile(fileB));
        QTRY_VERIFY(view->notice()->text().contains(u"Trace A (aaaa00000000dead)"_s));
    }
};

QTEST_MAIN(TestTraceCompare)
#include "tst_tracecompare.moc"
