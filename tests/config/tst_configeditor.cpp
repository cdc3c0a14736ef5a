// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/config/configeditor.h"
#include "app/config/configloader.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestConfigEditor : public QObject
{
    Q_OBJECT

    static int commentLines(const QByteArray &text)
    {
        int n = 0;
        for (const QByteArray &line : text.split('\n'))
            n += line.trimmed().startsWith('#') ? 1 : 0;
        return n;
    }

private Q_SLOTS:
    void editsTheDefaultFileKeepingEveryComment()
    {
        const QByteArray original = defaultConfigText(u"/home/u/.local/share/stackscope/stack"_s);
        ConfigEditor editor(original);
        QVERIFY2(editor.apply({
                     {{u"endpoints"_s, u"prometheus"_s, u"url"_s}, u"http://10.1.2.3:9090"_s},
                     {{u"endpoints"_s, u"prometheus"_s, u"timeout"_s}, u"30s"_s},
                     {{u"refresh"_s, u"status"_s}, u"20s"_s},
                     {{u"notifications"_s, u"min_severity"_s}, u"critical"_s},
                     {{u"notifications"_s, u"notify_resolved"_s}, true},
                     {{u"notifications"_s, u"storm_threshold"_s}, 12},
                     {{u"stack"_s, u"compose_command"_s}, QStringList{u"docker"_s, u"compose"_s}},
                     {{u"self_metrics"_s, u"listen"_s}, u"[::1]:9465"_s},
                     {{u"endpoints"_s, u"alertmanagers"_s},
                      QVariantList{QVariantMap{{u"url"_s, u"http://127.0.0.1:9093"_s}},
                                   QVariantMap{{u"url"_s, u"http://127.0.0.1:9094"_s}}}},
                 }),
                 qPrintable(editor.errorString()));
        const QByteArray edited = editor.text();
        QCOMPARE(commentLines(edited), commentLines(original));
        QVERIFY(edited.contains("  status: 20s    # is each backend reachable\n"));
        QVERIFY(edited.contains("  compose_command: [docker, compose]\n"));
        QVERIFY(edited.contains("  listen: \"[::1]:9465\"\n"));

        const ConfigLoadResult result = parseConfig(edited, u"/home/u/.config/stackscope"_s,
                                                    u"/home/u/.local/share/stackscope/stack"_s);
        QVERIFY2(result.ok(), qPrintable(result.problems.value(0).format(u"edited"_s)));
        QCOMPARE(result.config.prometheus.url, QUrl(u"http://10.1.2.3:9090"_s));
        QCOMPARE(result.config.prometheus.timeout, std::chrono::seconds(30));
        QCOMPARE(result.config.refresh.status, std::chrono::seconds(20));
        QCOMPARE(result.config.notifications.minSeverity, u"critical"_s);
        QCOMPARE(result.config.notifications.notifyResolved, true);
        QCOMPARE(result.config.notifications.stormThreshold, 12);
        QCOMPARE(result.config.stack.composeCommand, (QStringList{u"docker"_s, u"compose"_s}));
        QCOMPARE(result.config.selfMetrics.listen, u"[::1]:9465"_s);
        QCOMPARE(result.config.alertmanagers.size(), 2);
        QCOMPARE(result.config.alertmanagers.at(1).url, QUrl(u"http://127.0.0.1:9094"_s));
        // Untouched values stay as they were.
        QCOMPARE(result.config.jaeger.url, QUrl(u"http://127.0.0.1:16686"_s));
        QCOMPARE(result.config.refresh.metrics, std::chrono::seconds(15));
    }

    void edits_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QStringList>("path");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QByteArray>("after");

        QTest::newRow("plain scalar with a comment")
            << QByteArray("version: 1\nrefresh:\n  status: 10s # often\n")
            << QStringList{u"refresh"_s, u"status"_s} << QVariant(u"1m"_s)
            << QByteArray("version: 1\nrefresh:\n  status: 1m # often\n");
        QTest::newRow("double-quoted scalar")
            << QByteArray("stack:\n  project: \"my stack\"\n")
            << QStringList{u"stack"_s, u"project"_s} << QVariant(u"other"_s)
            << QByteArray("stack:\n  project: other\n");
        QTest::newRow("single-quoted with doubled quote")
            << QByteArray("stack:\n  env_file: 'it''s' # x\n")
            << QStringList{u"stack"_s, u"env_file"_s} << QVariant(u"/a b"_s)
            << QByteArray("stack:\n  env_file: /a b # x\n");
        QTest::newRow("empty value gets one")
            << QByteArray("stack:\n  env_file:\n  project: p\n")
            << QStringList{u"stack"_s, u"env_file"_s} << QVariant(u"/e"_s)
            << QByteArray("stack:\n  env_file: /e\n  project: p\n");
        QTest::newRow("missing key under its parent, with the parent's indentation")
            << QByteArray("version: 1\nrefresh:\n    status: 10s\nhttp:\n    max_body: 1MiB\n")
            << QStringList{u"refresh"_s, u"alerts"_s} << QVariant(u"5s"_s)
            << QByteArray("version: 1\nrefresh:\n    status: 10s\n    alerts: 5s\nhttp:\n    "
                          "max_body: 1MiB\n");
        QTest::newRow("missing parent goes at the end")
            << QByteArray("version: 1 # v\n") << QStringList{u"self_metrics"_s, u"enabled"_s}
            << QVariant(false) << QByteArray("version: 1 # v\nself_metrics:\n  enabled: false\n");
        QTest::newRow("file without final newline")
            << QByteArray("version: 1") << QStringList{u"http"_s, u"max_body"_s}
            << QVariant(u"2MiB"_s) << QByteArray("version: 1\nhttp:\n  max_body: 2MiB\n");
        QTest::newRow("block list replaced, following comment kept")
            << QByteArray("endpoints:\n  alertmanagers:\n    - url: http://a\n    - url: "
                          "http://b\n  # jaeger next\n  jaeger:\n    url: http://j\n")
            << QStringList{u"endpoints"_s, u"alertmanagers"_s}
            << QVariant(QVariantList{QVariantMap{{u"url"_s, u"http://c"_s}}})
            << QByteArray("endpoints:\n  alertmanagers:\n    - url: http://c\n  # jaeger next\n  "
                          "jaeger:\n    url: http://j\n");
        QTest::newRow("a word YAML would read as a boolean is quoted")
            << QByteArray("stack:\n  project: a\n") << QStringList{u"stack"_s, u"project"_s}
            << QVariant(u"yes"_s) << QByteArray("stack:\n  project: \"yes\"\n");
    }

    void edits()
    {
        QFETCH(QByteArray, before);
        QFETCH(QStringList, path);
        QFETCH(QVariant, value);
        QFETCH(QByteArray, after);
        ConfigEditor editor(before);
        QVERIFY2(editor.apply(ConfigEdit{path, value}), qPrintable(editor.errorString()));
        QCOMPARE(editor.text(), after);
    }

    void refusesWhatItCannotEditSafely()
    {
        ConfigEditor flow("endpoints: {prometheus: {url: http://a}}\n");
        QVERIFY(!flow.apply(ConfigEdit{{u"endpoints"_s, u"jaeger"_s, u"url"_s}, u"http://j"_s}));
        QVERIFY(!flow.errorString().isEmpty());
        ConfigEditor broken("version: [1\n");
        QVERIFY(!broken.apply(ConfigEdit{{u"version"_s}, 1}));
    }
};

QTEST_GUILESS_MAIN(TestConfigEditor)
#include "tst_configeditor.moc"
