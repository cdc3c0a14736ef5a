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

QTEST_GUILESS_MAIN(TestDuration)
#include "tst_duration.moc"
