// SPDX-License-Identifier: GPL-3.0-or-later
//
// The settings dialog with the configuration manager behind it: a change is saved in place with
// every comment kept and reloaded at once; an invalid value is refused and the file untouched;
// start at login writes and removes the XDG autostart entry.
#include "app/config/configmanager.h"
#include "app/desktop/autostart.h"
#include "models/common/format.h"
#include "tests/support/fixtures.h"
#include "ui/settingsdialog.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stackscope;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    static QLineEdit *field(SettingsDialog &dialog, const QString &placeholderOrText)
    {
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
            if (edit->placeholderText() == placeholderOrText || edit->text() == placeholderOrText)
                return edit;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toLocal8Bit());
    }

    void savesInPlaceAndReloads()
    {
        const QString path = m_home.filePath(u"config/stackscope/config.yaml"_s);
        ConfigManager manager(path);
        manager.start();
        QVERIFY(manager.wroteDefault());
        const QByteArray before = Test::readFile(path);
        QSignalSpy changed(&manager, &ConfigManager::configChanged);

        SettingsDialog dialog(manager.config(), false);
        QVERIFY(dialog.edits().isEmpty()); // nothing touched, nothing to write
        QLineEdit *prometheus = field(dialog, u"http://127.0.0.1:9091"_s);
        QVERIFY(prometheus);
        prometheus->setText(u"http://127.0.0.1:19091"_s);
        dialog.findChild<QSpinBox *>()->setValue(9);
        QCOMPARE(dialog.edits().size(), 2);

        QList<ConfigProblem> problems;
        QString error;
        QVERIFY2(manager.saveEdits(dialog.edits(), &problems, &error), qPrintable(error));
        const QByteArray after = Test::readFile(path);
        QCOMPARE(after.count('#'), before.count('#')); // every comment kept
        QVERIFY(after.contains("    url: http://127.0.0.1:19091\n"));
        QVERIFY(after.contains("  storm_threshold: 9\n"));
        QCOMPARE(manager.config().prometheus.url, QUrl(u"http://127.0.0.1:19091"_s));
        QCOMPARE(manager.config().notifications.stormThreshold, 9);
        QCOMPARE(changed.count(), 1);
    }

    void invalidValueIsRefusedAndTheFileUntouched()
    {
        const QString path = m_home.filePath(u"config/stackscope/config.yaml"_s);
        ConfigManager manager(path);
        manager.start();
        const QByteArray before = Test::readFile(path);

        SettingsDialog dialog(manager.config(), false);
        QLineEdit *timeout = field(dialog, u"10s"_s);
        QVERIFY(timeout);
        timeout->setText(u"fast"_s);
        QList<ConfigProblem> problems;
        QString error;
        QVERIFY(!manager.saveEdits(dialog.edits(), &problems, &error));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.contains(u"'fast'"_s),
                 qPrintable(problems.first().message));
        QCOMPARE(Test::readFile(path), before);

        dialog.showProblems({problems.first().format(u"config.yaml"_s)});
        auto *label = dialog.findChild<QLabel *>(u"settingsProblems"_s);
        QVERIFY(label && !label->isHidden());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QCOMPARE(timeout->text(), u"fast"_s); // what the person typed stays
    }

    void startAtLoginWritesTheAutostartEntry()
    {
        QVERIFY(Autostart::entryPath().startsWith(m_home.filePath(u"config/autostart/"_s)));
        QVERIFY(!Autostart::isEnabled()); // off by default
        QString error;
        QVERIFY2(Autostart::setEnabled(true, &error), qPrintable(error));
        QVERIFY(Autostart::isEnabled());
        const QByteArray entry = Test::readFile(Autostart::entryPath());
        QVERIFY(entry.contains("Exec=stackscope --minimized\n"));
        QVERIFY(entry.startsWith("[Desktop Entry]\n"));
        QVERIFY(Autostart::setEnabled(false, &error));
        QVERIFY(!Autostart::isEnabled());
    }

    void durationsAreWrittenAsInTheFile()
    {
        QCOMPARE(Format::durationLiteral(std::chrono::milliseconds(10000)), u"10s"_s);
        QCOMPARE(Format::durationLiteral(std::chrono::milliseconds(300000)), u"5m"_s);
        QCOMPARE(Format::durationLiteral(std::chrono::milliseconds(7200000)), u"2h"_s);
        QCOMPARE(Format::durationLiteral(std::chrono::milliseconds(1500)), u"1500ms"_s);
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
