// SPDX-License-Identifier: GPL-3.0-or-later
// The German translation: complete (every message of the .ts finished, placeholders kept, every
// tr() string of the sources in it), compiled into the application's :/i18n resource, and shown
// by the window and the four pages once the German translator is installed.
#include "app/config/configloader.h"
#include "app/http/httpclient.h"
#include "app/prometheus/metricscontroller.h"
#include "app/prometheus/prometheusclient.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "models/backendstatusmodel.h"
#include "models/stack/servicemodel.h"
#include "ui/alerts/alertspage.h"
#include "ui/alerts/silencedialog.h"
#include "ui/mainwindow.h"
#include "ui/metrics/metricspage.h"
#include "ui/settingsdialog.h"
#include "ui/stack/stackpage.h"
#include "ui/traces/tracespage.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QStringList translations; ///< one text, or one per numerus form
    bool finished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == "name"_L1) {
            context = xml.readElementText();
        } else if (name == "message"_L1) {
            message = Message{context, {}, xml.attributes().value("numerus"_L1) == "yes"_L1, {}};
        } else if (name == "source"_L1) {
            message.source = xml.readElementText();
        } else if (name == "translation"_L1) {
            const QString type = xml.attributes().value("type"_L1).toString();
            message.finished = type.isEmpty();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.translations << xml.readElementText();
            } else {
                message.translations << xml.readElementText();
            }
            messages << message;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QString tsPath()
{
    return QStringLiteral(STACKSCOPE_SOURCE_DIR) + u"/resources/translations/stackscope_de.ts"_s;
}

/// The placeholders a text uses (%1..%99, %n), sorted, each once.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(u"%(\\d{1,2}|n)"_s);
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

/// Whether the text has a keyboard accelerator (&X, not &&).
bool hasAccelerator(const QString &text)
{
    static const QRegularExpression accelerator(u"(^|[^&])&[^&\\s]"_s);
    return accelerator.match(text).hasMatch();
}

/// Every text a person reads in `root`: labels, buttons, tabs, group titles, placeholders,
/// combo items, actions and menus, the headers of item views.
QSet<QString> visibleTexts(QWidget *root)
{
    QSet<QString> texts;
    auto add = [&](const QString &text) {
        if (!text.isEmpty())
            texts.insert(text);
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        add(w->toolTip());
        if (auto *label = qobject_cast<QLabel *>(w))
            add(label->text());
        if (auto *button = qobject_cast<QAbstractButton *>(w))
            add(button->text());
        if (auto *group = qobject_cast<QGroupBox *>(w))
            add(group->title());
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            add(edit->placeholderText());
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(tabs->tabText(i));
        }
        if (auto *combo = qobject_cast<QComboBox *>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(combo->itemText(i));
        }
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *model = view->model();
            for (int c = 0; c < model->columnCount(); ++c)
                add(model->headerData(c, Qt::Horizontal).toString());
        }
        for (QAction *action : w->actions()) {
            add(action->text());
            add(action->toolTip());
        }
    }
    return texts;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

    QList<Message> m_messages;
    QTranslator m_translator;
    QTranslator m_qtTranslator; ///< Qt's own (dialog buttons), as main.cpp installs it
    /// English source texts whose German differs, and every German text.
    QSet<QString> m_englishOnly;

    /// Fails when an English text that has German shows in `texts`.
    void verifyNoEnglish(const QSet<QString> &texts, const char *where)
    {
        // Severity names are label values (severity="warning"), shown as the rules write them.
        static const QSet<QString> labelValues = {u"info"_s, u"warning"_s, u"critical"_s};
        QStringList english;
        for (const QString &text : texts) {
            if (m_englishOnly.contains(text) && !labelValues.contains(text))
                english << text;
        }
        english.sort();
        if (!english.isEmpty())
            qWarning().noquote() << where << "shows English:" << english.join(u" | "_s);
        QVERIFY2(english.isEmpty(), where);
    }

    static void verifyShows(const QSet<QString> &texts, const QStringList &german,
                            const char *where)
    {
        for (const QString &text : german) {
            if (!texts.contains(text)) {
                QStringList all = texts.values();
                all.sort();
                qWarning().noquote() << where << "shows:" << all.join(u" | "_s);
            }
            QVERIFY2(texts.contains(text),
                     qPrintable(u"%1: no \"%2\""_s.arg(QString::fromLatin1(where), text)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_messages = readTs(tsPath(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(m_messages.size() > 600);

        QVERIFY2(m_translator.load(QLocale(QLocale::German, QLocale::Germany), u"stackscope"_s,
                                   u"_"_s, u":/i18n"_s),
                 "no German .qm under :/i18n");
        QVERIFY(!m_translator.isEmpty());
        QCOMPARE(m_translator.language(), u"de_DE"_s);
        QVERIFY(QCoreApplication::installTranslator(&m_translator));
        if (m_qtTranslator.load(QLocale(QLocale::German, QLocale::Germany), u"qtbase"_s, u"_"_s,
                                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtTranslator);

        QSet<QString> german;
        for (const Message &m : std::as_const(m_messages)) {
            for (const QString &t : m.translations)
                german.insert(t);
        }
        for (const Message &m : std::as_const(m_messages)) {
            if (!m.numerus && !m.translations.isEmpty() && m.translations.first() != m.source
                && !german.contains(m.source))
                m_englishOnly.insert(m.source);
        }
    }

    /// English plural forms: every numerus message of the sources (lupdate puts them all in the
    /// German file) has its two English forms in stackscope_en.ts, which the application loads
    /// for every language, with %n kept; and they are in :/i18n.
    void everyPluralHasEnglishForms()
    {
        QString error;
        const QList<Message> english = readTs(QStringLiteral(STACKSCOPE_SOURCE_DIR)
                                                  + u"/resources/translations/stackscope_en.ts"_s,
                                              &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<QString, Message> byKey;
        for (const Message &m : english)
            byKey.insert(m.context + u'|' + m.source, m);
        QStringList problems;
        int plurals = 0;
        for (const Message &m : std::as_const(m_messages)) {
            if (!m.numerus)
                continue;
            ++plurals;
            const Message e = byKey.value(m.context + u'|' + m.source);
            if (!e.numerus || e.translations.size() != 2 || !e.finished)
                problems << m.context + u": "_s + m.source;
            else if (!e.translations.at(1).contains(u"%n"_s))
                problems << m.context + u": the plural form lost %n: "_s + m.source;
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(u"not in stackscope_en.ts with both English forms:\n"_s
                            + problems.join(u'\n')));
        QVERIFY(plurals >= 19);
        QTranslator translator;
        QVERIFY(translator.load(u":/i18n/stackscope_en.qm"_s));
        QCOMPARE(translator.translate("Stackscope::StackPage", "%n service(s)", nullptr, 1),
                 u"%n service"_s);
        QCOMPARE(translator.translate("Stackscope::StackPage", "%n service(s)", nullptr, 3),
                 u"%n services"_s);
    }

    /// (a) Every message has German: none unfinished or empty, both German plural forms given,
    /// the placeholders and the accelerator kept.
    void everyMessageIsTranslated()
    {
        QStringList problems;
        for (const Message &m : std::as_const(m_messages)) {
            const QString where = m.context + u": \""_s + m.source + u'"';
            if (!m.finished)
                problems << u"unfinished "_s + where;
            if (m.translations.size() != (m.numerus ? 2 : 1))
                problems << u"%1 forms for "_s.arg(m.translations.size()) + where;
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    problems << u"empty translation for "_s + where;
                else if (placeholders(t) != placeholders(m.source))
                    problems << u"placeholders differ in \""_s + t + u"\" for "_s + where;
                if (hasAccelerator(m.source) != hasAccelerator(t))
                    problems << u"accelerator lost in \""_s + t + u"\" for "_s + where;
            }
        }
        if (!problems.isEmpty())
            qWarning().noquote() << problems.join(u'\n');
        QCOMPARE(problems.size(), 0);
    }

    /// The .ts is current: lupdate run over the sources now finds no string it lacks.
    void everySourceStringIsInTheTs()
    {
        const QString lupdate = QStringLiteral(STACKSCOPE_LUPDATE);
        if (!QFile::exists(lupdate))
            QSKIP("lupdate is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fresh = dir.filePath(u"fresh_de.ts"_s);
        const QString source = QStringLiteral(STACKSCOPE_SOURCE_DIR);
        QProcess process;
        // -I: includes name their library from the repository root ("app/config/..."); without
        // it lupdate misses the classes and namespaces that headers declare, and so the contexts.
        process.start(lupdate, {u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"none"_s,
                                u"-extensions"_s, u"cpp,h"_s, u"-I"_s, source, source + u"/app"_s,
                                source + u"/ui"_s, source + u"/models"_s, u"-ts"_s, fresh});
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitCode(), 0);
        QString error;
        const QList<Message> now = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(now.size() > 600);

        QSet<QString> known;
        for (const Message &m : std::as_const(m_messages)) {
            if (m.finished)
                known.insert(m.context + u'\x1f' + m.source);
        }
        QStringList missing;
        for (const Message &m : now) {
            if (!known.contains(m.context + u'\x1f' + m.source))
                missing << m.context + u": \""_s + m.source + u'"';
        }
        if (!missing.isEmpty())
            qWarning().noquote() << "not in stackscope_de.ts with German (run the "
                                    "update_translations target, then fill_de.py):\n"
                                 << missing.join(u'\n');
        QCOMPARE(missing.size(), 0);
    }

    /// (b) The window and each page speak German.
    void mainWindowIsGerman()
    {
        BackendStatusModel model;
        MainWindow window(&model);
        const QSet<QString> texts = visibleTexts(&window);
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text();
        QVERIFY2(menus.contains(u"&Datei"_s), qPrintable(menus.join(u", "_s)));
        QVERIFY2(menus.contains(u"&Hilfe"_s), qPrintable(menus.join(u", "_s)));
        verifyNoEnglish(texts, "main window");
    }

    void stackPageIsGerman()
    {
        ServiceModel services;
        StackPage page(&services);
        const QSet<QString> texts = visibleTexts(&page);
        verifyShows(texts, {u"Stack starten"_s, u"Stack stoppen"_s, u"Dienst"_s, u"Zustand"_s},
                    "stack page");
        verifyNoEnglish(texts, "stack page");
    }

    void metricsPageIsGerman()
    {
        QNetworkAccessManager network;
        HttpClient http(u"prometheus"_s, &network);
        PrometheusClient client(&http);
        MetricsController controller(&client);
        MetricsPage page(controller.targetsModel());
        const QSet<QString> texts = visibleTexts(&page);
        verifyShows(texts, {u"Erkunden"_s, u"Scrape-Ziele"_s, u"Ausführen"_s}, "metrics page");
        verifyNoEnglish(texts, "metrics page");
    }

    void alertsPageIsGerman()
    {
        AlertModel alerts;
        SilenceModel silences;
        RuleModel rules;
        AlertsPage page(&alerts, &silences, &rules);
        const QSet<QString> texts = visibleTexts(&page);
        verifyShows(texts, {u"Regeln"_s, u"Schweregrad"_s, u"Neue Stummschaltung …"_s},
                    "alerts page");
        verifyNoEnglish(texts, "alerts page");
    }

    void tracesPageIsGerman()
    {
        TracesPage page;
        const QSet<QString> texts = visibleTexts(&page);
        verifyShows(texts, {u"Traces suchen"_s, u"Suche"_s, u"Letzte Stunde"_s}, "traces page");
        verifyNoEnglish(texts, "traces page");
    }

    void dialogsAreGerman()
    {
        SettingsDialog settings(Config{}, false);
        const QSet<QString> settingsTexts = visibleTexts(&settings);
        verifyShows(
            settingsTexts,
            {u"Adressen"_s, u"Aktualisierung"_s, u"Benachrichtigungen"_s, u"Ab Schweregrad"_s},
            "settings dialog");
        if (!m_qtTranslator.isEmpty())
            verifyNoEnglish(settingsTexts, "settings dialog");

        SilenceDialog silence(LabelSet{{u"alertname"_s, u"HoheFehlerrate"_s}}, u"anna"_s);
        const QSet<QString> silenceTexts = visibleTexts(&silence);
        verifyShows(silenceTexts, {u"Matcher"_s, u"Kommentar"_s, u"Stummschaltung anlegen"_s},
                    "silence dialog");
        if (!m_qtTranslator.isEmpty())
            verifyNoEnglish(silenceTexts, "silence dialog");
    }

    /// The configuration's validation messages are translated too, in the same FILE:LINE:COLUMN
    /// form.
    void validationMessagesAreGerman()
    {
        const ConfigLoadResult result
            = parseConfig("version: 1\nrefresh:\n  stack: 5\n  colour: red\n", QString());
        QCOMPARE(result.problems.size(), 2);
        QCOMPARE(result.problems.at(0).format(u"config.yaml"_s),
                 u"config.yaml:3:10: 'stack' muss eine Dauer wie 10s sein, nicht '5': eine "
                 "Dauer braucht eine Einheit, z. B. 10s"_s);
        QCOMPARE(result.problems.at(1).format(u"config.yaml"_s),
                 u"config.yaml:4:3: unbekannter Schlüssel 'colour' in 'refresh'"_s);
    }
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
