// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's find was made fast for the 250k-span load benchmark (booleans and numbers
// decided without formatting each tag, span IDs skipped for needles that are not hex, process
// tags matched once, spans walked in storage order). This checks that it still finds exactly
// what the straightforward search finds, in display order, for needles of every kind.
#include "app/jaeger/traceparser.h"
#include "models/traces/tracelayout.h"
#include "tests/traces/tracegenerator.h"
#include "ui/traces/tracetimeline.h"

#include <QApplication>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

/// The search as the timeline documents it, written plainly: operation, service, tag key or
/// value contain the text (case-insensitively), "key=value" matches one tag whose key is `key`
/// and whose value contains `value`, or the span ID starts with the text.
std::vector<qint32> reference(const TraceLayout &layout, const QString &rawText)
{
    const Trace &trace = *layout.trace;
    const QString text = rawText.trimmed();
    std::vector<qint32> out;
    if (text.isEmpty())
        return out;
    const qsizetype eq = text.indexOf(u'=');
    const QString key = eq > 0 ? text.left(eq).trimmed() : QString();
    const QString value = eq > 0 ? text.mid(eq + 1).trimmed() : text;
    auto tagMatches = [&](const SpanTag &tag) {
        const QString &k = trace.strings.at(tag.key);
        if (eq > 0 && k.compare(key, Qt::CaseInsensitive) != 0)
            return false;
        if (eq <= 0 && k.contains(value, Qt::CaseInsensitive))
            return true;
        return trace.tagText(tag).contains(value, Qt::CaseInsensitive);
    };
    for (qint32 span : layout.order) {
        const Span &s = trace.spans[size_t(span)];
        bool match = false;
        if (eq <= 0) {
            match = trace.operation(span).contains(value, Qt::CaseInsensitive)
                    || trace.service(span).contains(value, Qt::CaseInsensitive)
                    || trace.spanId(span).toLower().startsWith(text.toLower());
        }
        for (quint32 t = 0; !match && t < s.tagCount; ++t)
            match = tagMatches(trace.tags[s.firstTag + t]);
        const TraceProcess &p = trace.processes[s.process];
        for (quint32 t = 0; !match && t < p.tagCount; ++t)
            match = tagMatches(trace.tags[p.firstTag + t]);
        if (match)
            out.push_back(span);
    }
    return out;
}

} // namespace

class TestTimelineFind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsTheReference_data();
    void sameAsTheReference();

private:
    std::shared_ptr<const TraceLayout> m_layout;
};

void TestTimelineFind::sameAsTheReference_data()
{
    if (!m_layout) {
        Test::TraceGenerator g;
        g.spans = 20000;
        g.services = 12;
        g.seed = 7;
        g.errorRate = 0.05;
        const TraceParseResult parsed = parseTraces(g.traceJson());
        QVERIFY2(parsed.ok() && parsed.traces.size() == 1, qPrintable(parsed.error));
        m_layout = TraceLayout::build(parsed.traces.first());
    }
    const Trace &trace = *m_layout->trace;
    QTest::addColumn<QString>("needle");
    const QString id = trace.spanId(int(trace.spans.size() / 2));
    for (const QString &needle : {u"error"_s,
                                  u"ERROR"_s,
                                  u"frontend"_s,
                                  u"true"_s,
                                  u"rue"_s,
                                  u"fals"_s,
                                  u"500"_s,
                                  u"5"_s,
                                  u"-1"_s,
                                  u"0.5"_s,
                                  u"1e"_s,
                                  u"e"_s,
                                  u"inf"_s,
                                  u"http.status_code=500"_s,
                                  u"http.status_code=5"_s,
                                  u"HTTP.STATUS_CODE=50"_s,
                                  u"error=true"_s,
                                  u"error=t"_s,
                                  u"host"_s,
                                  u"hostname=a"_s,
                                  u"nothing-like-this"_s,
                                  id,
                                  id.left(5).toUpper(),
                                  id.left(3),
                                  u"  cart  "_s,
                                  u"=x"_s}) {
        QTest::addRow("%s", qPrintable(needle)) << needle;
    }
}

void TestTimelineFind::sameAsTheReference()
{
    QFETCH(QString, needle);
    TraceTimeline timeline;
    timeline.setTraceLayout(m_layout);
    const std::vector<qint32> expected = reference(*m_layout, needle);
    const int count = timeline.find(needle);
    QCOMPARE(count, int(expected.size()));
    QCOMPARE(timeline.matchCount(), int(expected.size()));
    for (qint32 span : expected)
        QVERIFY2(timeline.isMatch(span), qPrintable(timeline.traceLayout()->trace->spanId(span)));
    // Display order: the first match is selected.
    if (!expected.empty())
        QCOMPARE(timeline.selectedSpan(), expected.front());
}

QTEST_MAIN(TestTimelineFind)
#include "tst_timelinefind.moc"
