// SPDX-License-Identifier: GPL-3.0-or-later
// The shared formatters and palette (models/common): one way to show a size, a duration and a
// state everywhere.
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace Stackscope;

class TestFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bytes_data();
    void bytes();
    void duration_data();
    void duration();
    void absurdDurations_data();
    void absurdDurations();
    void visibleControls_data();
    void visibleControls();
    void elidedLongText();
    void elapsed_data();
    void elapsed();
    void durationLiteral_data();
    void durationLiteral();
    void sampleValue_data();
    void sampleValue();
    void palette();
};

void TestFormat::bytes_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << 0.0 << u"0 B"_s;
    QTest::newRow("under a KiB") << 512.0 << u"512 B"_s;
    QTest::newRow("one and a half KiB") << 1536.0 << u"1.5 KiB"_s;
    QTest::newRow("exact MiB drops .0") << 4.0 * 1024 * 1024 << u"4 MiB"_s;
    QTest::newRow("1.5 MiB") << 1536.0 * 1024 << u"1.5 MiB"_s;
    QTest::newRow("three significant digits") << 123.456 * 1024 * 1024 << u"123 MiB"_s;
    QTest::newRow("GiB") << 2.25 * 1024 * 1024 * 1024 << u"2.25 GiB"_s;
    QTest::newRow("negative") << -2048.0 << u"-2 KiB"_s;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << u"NaN"_s;
}

void TestFormat::bytes()
{
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(Format::bytes(value), text);
    // The Grafana unit "bytes" is the same formatter.
    if (!std::isnan(value))
        QCOMPARE(Format::value(value, u"bytes"_s), text);
}

void TestFormat::duration_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("ms") << qint64(300) << u"300 ms"_s;
    QTest::newRow("whole seconds") << qint64(10000) << u"10 s"_s;
    QTest::newRow("fraction of a second") << qint64(1500) << u"1.5 s"_s;
    QTest::newRow("minutes") << qint64(300000) << u"5 min"_s;
    QTest::newRow("hours") << qint64(3 * 3600000) << u"3 h"_s;
    QTest::newRow("days") << qint64(2 * 86400000) << u"2 d"_s;
}

void TestFormat::duration()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Format::duration(std::chrono::milliseconds(ms)), text);
    QCOMPARE(Format::duration(double(ms) / 1000.0), text);
}

// A span that claims to last 146,000 years (a broken clock) read "76890321973.8min".
void TestFormat::absurdDurations_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("300 days stay days") << 300 * 86400.0 << u"300 d"_s;
    QTest::newRow("two years") << 2 * 365.25 * 86400 << u"2 y"_s;
    QTest::newRow("146,000 years") << 76890321973.8 * 60 << u"> 1000 y"_s;
    QTest::newRow("int64 microseconds")
        << double(std::numeric_limits<qint64>::max()) / 1e6 << u"> 1000 y"_s;
    QTest::newRow("negative") << -1e15 << u"< -1000 y"_s;
}

void TestFormat::absurdDurations()
{
    QFETCH(double, seconds);
    QFETCH(QString, text);
    QCOMPARE(Format::duration(seconds), text);
}

void TestFormat::visibleControls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("plain stays") << u"GET /api"_s << u"GET /api"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\u23CEb"_s;
    QTest::newRow("tab and CR") << u"a\tb\r"_s << u"a\u21E5b\u240D"_s;
    QTest::newRow("NUL and ESC") << QString(u"a"_s + QChar(0) + u"\x1b"_s) << u"a\u2400\u241B"_s;
    QTest::newRow("right-to-left override")
        << u"abc\u202Edef"_s << u"abc\\u202Edef"_s; // the escape as text: six characters
    QTest::newRow("isolates and marks") << u"\u2066x\u2069\u200F"_s << u"\\u2066x\\u2069\\u200F"_s;
    QTest::newRow("C1 and line separator") << u"\u0085\u2028"_s << u"\\u0085\\u2028"_s;
    QTest::newRow("other scripts stay") << u"Grüße ☃ שלום"_s << u"Grüße ☃ שלום"_s;
}

void TestFormat::visibleControls()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    const QString result = Format::visible(text);
    QCOMPARE(result, shown);
    for (QChar c : result) // nothing left that changes the layout
        QVERIFY2(c.unicode() >= 0x20 && c.unicode() != 0x202E && c.unicode() != 0x2066,
                 qPrintable(QString::number(c.unicode(), 16)));
    if (text == shown) // no copy when nothing changes
        QCOMPARE(result.constData(), text.constData());
}

void TestFormat::elidedLongText()
{
    QCOMPARE(Format::elided(u"short"_s, 10), u"short"_s);
    QCOMPARE(Format::elided(u"0123456789abc"_s, 10), u"0123456789\u2026"_s);
    QCOMPARE(Format::elided(u"a\nbcdef"_s, 3), u"a\u23CEb\u2026"_s);
    // Never half a surrogate pair: U+1F600 is two UTF-16 units.
    const QString emoji = u"ab\U0001F600cd"_s;
    QCOMPARE(Format::elided(emoji, 3), u"ab\u2026"_s);
    // A value of megabytes: what is kept, not the whole, is worked on.
    const QString huge(8'000'000, u'x');
    QElapsedTimer timer;
    timer.start();
    const QString shown = Format::elided(huge, 1000);
    QCOMPARE(shown.size(), 1001);
    QVERIFY(timer.elapsed() < 100);
}

void TestFormat::elapsed_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative is zero") << qint64(-5) << u"0 s"_s;
    QTest::newRow("seconds") << qint64(42) << u"42 s"_s;
    QTest::newRow("minutes") << qint64(125) << u"2 min"_s;
    QTest::newRow("hours and minutes") << qint64(3 * 3600 + 20 * 60 + 5) << u"3 h 20 min"_s;
    QTest::newRow("days and hours") << qint64(90000) << u"1 d 1 h"_s;
}

void TestFormat::elapsed()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(Format::elapsed(seconds), text);
}

void TestFormat::durationLiteral_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << u"0s"_s;
    QTest::newRow("ms") << qint64(1500) << u"1500ms"_s;
    QTest::newRow("seconds") << qint64(10000) << u"10s"_s;
    QTest::newRow("minutes") << qint64(300000) << u"5m"_s;
    QTest::newRow("hours") << qint64(7200000) << u"2h"_s;
    QTest::newRow("compound") << qint64(5400000) << u"1h30m"_s;
    QTest::newRow("day and seconds") << qint64(86401000) << u"1d1s"_s;
    // A rule's `for: 1w` comes back from /api/v1/rules as 604800 seconds; Prometheus writes it
    // as "1w", and weeks only when whole ("8d", not "1w1d").
    QTest::newRow("week") << qint64(604800000) << u"1w"_s;
    QTest::newRow("two weeks") << qint64(2 * 604800000LL) << u"2w"_s;
    QTest::newRow("eight days") << qint64(8 * 86400000LL) << u"8d"_s;
    QTest::newRow("ninety days") << qint64(90 * 86400000LL) << u"90d"_s;
    QTest::newRow("a year stays days") << qint64(365 * 86400000LL) << u"365d"_s;
}

void TestFormat::durationLiteral()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Format::durationLiteral(std::chrono::milliseconds(ms)), text);
}

void TestFormat::sampleValue_data()
{
    // What Prometheus' /api/v1/alerts gives as an alert's value (Go's %e), and what people read.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("9.7e+01") << u"9.7e+01"_s << u"97"_s;
    QTest::newRow("1e+00") << u"1e+00"_s << u"1"_s;
    QTest::newRow("float noise") << u"9.599999999999999e+01"_s << u"96"_s;
    QTest::newRow("ratio") << u"7e-02"_s << u"0.07"_s;
    QTest::newRow("four digits") << u"1.23456e+00"_s << u"1.235"_s;
    QTest::newRow("thousands keep their integer part") << u"1.234567e+05"_s << u"123457"_s;
    QTest::newRow("small") << u"1.2346e-04"_s << u"0.0001235"_s;
    QTest::newRow("tiny gets an exponent") << u"1.23456e-07"_s << u"1.235e-07"_s;
    QTest::newRow("huge gets an exponent") << u"2e+18"_s << u"2e+18"_s;
    QTest::newRow("negative") << u"-4.25e+00"_s << u"-4.25"_s;
    QTest::newRow("zero") << u"0e+00"_s << u"0"_s;
    QTest::newRow("negative zero") << u"-0e+00"_s << u"0"_s;
    QTest::newRow("NaN") << u"NaN"_s << u"NaN"_s;
    QTest::newRow("+Inf") << u"+Inf"_s << u"+Inf"_s;
    QTest::newRow("-Inf") << u"-Inf"_s << u"-Inf"_s;
    QTest::newRow("plain decimal") << u"0.5"_s << u"0.5"_s;
    QTest::newRow("not a number stays") << u"n/a"_s << u"n/a"_s;
    QTest::newRow("empty stays") << QString() << QString();
}

void TestFormat::sampleValue()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(Format::sampleValue(text), shown);
}

void TestFormat::palette()
{
    using Palette::Tone;
    // Each tone is its own colour, and a state reads the same everywhere it is shown.
    const QList<QColor> tones
        = {Palette::color(Tone::Good), Palette::color(Tone::Warning), Palette::color(Tone::Bad),
           Palette::color(Tone::Info), Palette::color(Tone::Muted)};
    for (qsizetype i = 0; i < tones.size(); ++i) {
        QVERIFY(tones.at(i).isValid());
        for (qsizetype j = i + 1; j < tones.size(); ++j)
            QVERIFY2(tones.at(i) != tones.at(j), qPrintable(u"tones %1 and %2"_s.arg(i).arg(j)));
    }
    // Series colours: Grafana's classic order from green, and no two of a chart's first 200
    // series share one (a panel colours its series by index).
    QCOMPARE(Palette::series(0), QColor(0x73, 0xbf, 0x69));
    QCOMPARE(Palette::series(1), QColor(0xf2, 0xcc, 0x0c));
    QSet<QRgb> seen;
    for (quint32 i = 0; i < 200; ++i) {
        const QRgb rgb = Palette::series(i).rgb();
        QVERIFY2(!seen.contains(rgb), qPrintable(u"series colour %1 repeats"_s.arg(i)));
        seen.insert(rgb);
    }
    QVERIFY(Palette::problemBannerStyle(u"banner"_s).startsWith(u"#banner {"_s));
}

QTEST_GUILESS_MAIN(TestFormat)
#include "tst_format.moc"
