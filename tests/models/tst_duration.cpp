// SPDX-License-Identifier: GPL-3.0-or-later
// parseDuration(): the Go/Prometheus durations the configuration file is written in.
#include "models/common/duration.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace Stackscope;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Stackscope::DurationError)

class TestDuration : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errorIsOptional();
    void syntaxes_data();
    void syntaxes();
};

void TestDuration::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("milliseconds"); // when accepted
    QTest::addColumn<DurationError>("error");

    const auto accepted = [](const char *name, const QString &text, qint64 ms) {
        QTest::newRow(name) << text << ms << DurationError::None;
    };
    const auto refused = [](const char *name, const QString &text, DurationError error) {
        QTest::newRow(name) << text << qint64(-1) << error;
    };
    accepted("500ms", u"500ms"_s, 500);
    accepted("10s", u"10s"_s, 10'000);
    accepted("5m", u"5m"_s, 300'000);
    accepted("1h", u"1h"_s, 3'600'000);
    accepted("1h30m", u"1h30m"_s, 5'400'000);
    accepted("1m30s500ms", u"1m30s500ms"_s, 90'500);
    accepted("1.5s", u"1.5s"_s, 1'500);
    accepted("1.5h", u"1.5h"_s, 5'400'000);
    accepted("1d", u"1d"_s, 86'400'000);
    accepted("2w", u"2w"_s, 14 * 86'400'000ll);
    accepted("zero", u"0s"_s, 0);
    accepted("spaces around", u"  10s\t"_s, 10'000);
    accepted("every unit", u"1w1d1h1m1s1ms"_s, 694'861'001);
    // The clamp goes through a double: qint64 max / 2 rounded to the nearest double.
    accepted("clamped", u"99999999999999999w"_s,
             std::llround(double(std::numeric_limits<qint64>::max() / 2)));
    refused("plain integer", u"10"_s, DurationError::NeedsUnit);
    refused("plain decimal", u" 1.5 "_s, DurationError::NeedsUnit);
    refused("empty", QString(), DurationError::Invalid);
    refused("blank", u"   "_s, DurationError::Invalid);
    refused("word", u"fast"_s, DurationError::Invalid);
    refused("wrong order", u"5m1h"_s, DurationError::Invalid);
    refused("repeated unit", u"1h1h"_s, DurationError::Invalid);
    refused("negative", u"-1s"_s, DurationError::Invalid);
    refused("space inside", u"10 s"_s, DurationError::Invalid);
    refused("unknown unit", u"10sec"_s, DurationError::Invalid);
    refused("years are not a unit here", u"1y"_s, DurationError::Invalid);
    refused("trailing garbage", u"10s!"_s, DurationError::Invalid);
    refused("leading dot", u".5s"_s, DurationError::Invalid);
}

void TestDuration::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, milliseconds);
    QFETCH(DurationError, error);

    std::chrono::milliseconds duration{-7};
    DurationError why = DurationError::Invalid;
    const bool ok = parseDuration(text, &duration, &why);
    QCOMPARE(ok, error == DurationError::None);
    QCOMPARE(why, error);
    QCOMPARE(qint64(duration.count()), ok ? milliseconds : qint64(-7)); // untouched when refused
}

void TestDuration::errorIsOptional()
{
    std::chrono::milliseconds duration{};
    QVERIFY(parseDuration(u"2m", &duration));
    QCOMPARE(duration.count(), 120'000);
    QVERIFY(!parseDuration(u"2", &duration));
    QCOMPARE(duration.count(), 120'000);
}

void TestDuration::syntaxes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("syntax");
    QTest::addColumn<double>("seconds"); // -1: refused
    const int config = int(DurationSyntax::Config);
    const int promql = int(DurationSyntax::PromQL);
    const int go = int(DurationSyntax::Go);
    QTest::newRow("config compound") << u"1h30m"_s << config << 5400.0;
    QTest::newRow("config needs a unit") << u"15"_s << config << -1.0;
    QTest::newRow("config largest first") << u"5m1h"_s << config << -1.0;
    QTest::newRow("promql bare number is seconds") << u"15"_s << promql << 15.0;
    QTest::newRow("promql years") << u"1y"_s << promql << 365.0 * 86400;
    QTest::newRow("promql ms") << u"250ms"_s << promql << 0.25;
    QTest::newRow("promql garbage") << u"5 minutes"_s << promql << -1.0;
    QTest::newRow("promql empty") << QString() << promql << -1.0;
    QTest::newRow("go microseconds") << u"1500us"_s << go << 0.0015;
    QTest::newRow("go µs and ns") << u"2µs500ns"_s << go << 2.5e-6;
    QTest::newRow("go any order") << u"30s1m"_s << go << 90.0;
    QTest::newRow("go has no days") << u"1d"_s << go << -1.0;
    QTest::newRow("go no bare number") << u"15"_s << go << -1.0;
    QTest::newRow("go no spaces") << u" 1s"_s << go << -1.0;
}

void TestDuration::syntaxes()
{
    QFETCH(QString, text);
    QFETCH(int, syntax);
    QFETCH(double, seconds);
    const std::optional<double> parsed = parseDurationSeconds(text, DurationSyntax(syntax));
    if (seconds < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
        return;
    }
    QVERIFY(parsed);
    QVERIFY2(std::abs(*parsed - seconds) <= 1e-12 * std::max(1.0, seconds),
             qPrintable(QString::number(*parsed)));
}

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
