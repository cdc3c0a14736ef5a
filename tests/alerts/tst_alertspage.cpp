// SPDX-License-Identifier: GPL-3.0-or-later
// The Alerts page, the silence dialog and the tray icon: untrusted text stays plain text, an
// alert can be shown by fingerprint, actions come out as signals, the tray counts and lists the
// firing alerts and carries the mute toggle.
#include "models/alerts/alertfilterproxy.h"
#include "models/alerts/alertgroupmodel.h"
#include "models/alerts/alertmodel.h"
#include "models/alerts/rulemodel.h"
#include "models/alerts/silencemodel.h"
#include "models/backendstatusmodel.h"
#include "ui/alerts/alertspage.h"
#include "ui/alerts/labelchips.h"
#include "ui/alerts/silencedialog.h"
#include "ui/trayicon.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace Stackscope;

namespace {

const QString markup
    = u"<b>bold</b><img src=\"http://127.0.0.1:1/x\"> <a href=\"http://127.0.0.1:1/p\">x</a>"_s;

Alert alert(const QString &name, const QString &severity)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, severity}, {u"note"_s, markup}};
    a.annotations = {{u"summary"_s, markup}, {u"runbook_url"_s, u"https://runbooks.example/x"_s}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-300);
    a.generatorUrl = u"http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1"_s;
    return a;
}

} // namespace

class TestAlertsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void untrustedTextIsPlain();
    void groupingIsChosenAndRemembered();
    void chipsAndMatchersFilter();
    void clustersAreShown();
    void showAlertAndActions();
    void silenceDialog();
    void silenceResultReachesTheDialog();
    void silenceDialogPreviewsWhatItCatches();
    void silenceDialogDurations();
    void silencesTabEditsExtendsDuplicatesExpires();
    void alertDetailsTellOfItsSilences();
    void trayFlagsSilencesThatEndSoon();
    void rulesShowForLabelsAndAnnotations();
    void trayCountsListsAndMutes();
    void pluralsReadRight();
};

void TestAlertsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the page's QSettings, apart from the user's
    QSettings().remove(AlertsPage::settingsKey());
}

namespace {

Alert withJob(const QString &name, const QString &severity, const QString &job,
              const QString &instance)
{
    Alert a = alert(name, severity);
    a.labels.insert(u"job"_s, job);
    a.labels.insert(u"instance"_s, instance);
    a.fingerprint = labelsFingerprint(a.labels);
    return a;
}

} // namespace

void TestAlertsPage::groupingIsChosenAndRemembered()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    auto page = std::make_unique<AlertsPage>(&alerts, &silences, &rules);
    page->resize(1000, 600);
    page->show();
    const Alert a = withJob(u"Down"_s, u"critical"_s, u"web"_s, u"w1"_s);
    const Alert b = withJob(u"Down"_s, u"critical"_s, u"db"_s, u"d1"_s);
    const Alert c = withJob(u"Slow"_s, u"warning"_s, u"web"_s, u"w2"_s);
    alerts.setAlerts({a, b, c});
    page->setAlertmanagerGroups(
        {AlertGroupInfo{u"pager"_s, {{u"alertname"_s, u"Down"_s}}, {}, {a.key(), b.key()}},
         AlertGroupInfo{u"team"_s, {{u"alertname"_s, u"Slow"_s}}, {}, {c.key()}}});
    QTreeView *view = page->alertView();
    // Alertmanager's groups by default, as headers that span the row, expanded
    QCOMPARE(page->grouping(), u"alertmanager"_s);
    QCOMPARE(view->model(), page->groupModel());
    QTRY_COMPARE(view->model()->rowCount(), 2);
    const QModelIndex pager = view->model()->index(0, 0);
    QCOMPARE(pager.data().toString(),
             u"receiver pager · alertname=\"Down\" — 2 alerts: 2 firing"_s);
    QVERIFY(view->isFirstColumnSpanned(0, {}));
    QVERIFY(view->isExpanded(pager));
    QVERIFY(view->rootIsDecorated());
    // a collapsed group stays collapsed through a refresh that changes it
    view->collapse(pager);
    Alert d = withJob(u"Down"_s, u"critical"_s, u"api"_s, u"a1"_s);
    alerts.setAlerts({a, b, c, d});
    page->setAlertmanagerGroups(
        {AlertGroupInfo{u"pager"_s, {{u"alertname"_s, u"Down"_s}}, {}, {a.key(), b.key(), d.key()}},
         AlertGroupInfo{u"team"_s, {{u"alertname"_s, u"Slow"_s}}, {}, {c.key()}}});
    QTRY_COMPARE(page->groupModel()->rowCount(page->groupModel()->index(0, 0)), 3);
    QVERIFY(!view->isExpanded(view->model()->index(0, 0)));
    QVERIFY(view->isExpanded(view->model()->index(1, 0)));
    // showAlert() opens the group that holds the alert
    QVERIFY(page->showAlert(b.fingerprint));
    QCOMPARE(view->currentIndex().data(AlertModel::FingerprintRole).toString(), b.key());
    QVERIFY(view->isExpanded(view->currentIndex().parent()));
    QCOMPARE(page->currentFingerprint(), b.key());

    // by a label from the list; the selection follows
    page->groupByBox()->setCurrentIndex(page->groupByBox()->findData(u"label:job"_s));
    Q_EMIT page->groupByBox()->activated(page->groupByBox()->currentIndex());
    QCOMPARE(page->grouping(), u"label:job"_s);
    QCOMPARE(view->model()->rowCount(), 3); // web, db, api
    QCOMPARE(view->currentIndex().data(AlertModel::FingerprintRole).toString(), b.key());
    QCOMPARE(view->currentIndex().parent().data(AlertGroupModel::GroupKeyRole).toString(), u"db"_s);
    // by a label typed in
    page->groupByBox()->lineEdit()->setText(u"instance"_s);
    QTest::keyClick(page->groupByBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(page->grouping(), u"label:instance"_s);
    QCOMPARE(view->model()->rowCount(), 4);
    // something that is no label name is not taken
    page->groupByBox()->lineEdit()->setText(u"not a label!"_s);
    QTest::keyClick(page->groupByBox()->lineEdit(), Qt::Key_Return);
    QCOMPARE(page->grouping(), u"label:instance"_s);
    // no grouping: the flat, filtered table
    page->setGrouping(u"none"_s);
    QCOMPARE(view->model(), page->alertProxy());
    QCOMPARE(view->model()->rowCount(), 4);
    QVERIFY(!view->rootIsDecorated());
    QCOMPARE(view->currentIndex().data(AlertModel::FingerprintRole).toString(), b.key());
    QCOMPARE(QSettings().value(AlertsPage::settingsKey()).toString(), u"none"_s);
    // without an Alertmanager the first choice says what it does, and says it again with one
    const int amItem = page->groupByBox()->findData(u"alertmanager"_s);
    QCOMPARE(page->groupByBox()->itemText(amItem), u"Alertmanager groups"_s);
    page->setAlertmanagerConfigured(false);
    QCOMPARE(page->groupByBox()->itemText(amItem), u"By alertname (no Alertmanager)"_s);
    page->setAlertmanagerConfigured(true);
    QCOMPARE(page->groupByBox()->itemText(amItem), u"Alertmanager groups"_s);

    // remembered by the next page
    page->setGrouping(u"label:instance"_s);
    page.reset();
    AlertsPage again(&alerts, &silences, &rules);
    QCOMPARE(again.grouping(), u"label:instance"_s);
    QCOMPARE(again.alertView()->model(), again.groupModel());
    again.setGrouping(u"alertmanager"_s);
}

void TestAlertsPage::chipsAndMatchersFilter()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.resize(1000, 600);
    page.show();
    page.setGrouping(u"none"_s);
    const Alert a = withJob(u"Down"_s, u"critical"_s, u"web"_s, u"w1"_s);
    const Alert b = withJob(u"Down"_s, u"critical"_s, u"db"_s, u"d1"_s);
    const Alert c = withJob(u"Slow"_s, u"warning"_s, u"web"_s, u"w2"_s);
    alerts.setAlerts({a, b, c});
    QVERIFY(page.showAlert(a.fingerprint));
    LabelChips *chips = page.labelChips();
    QCOMPARE(chips->labels(), a.labels);
    QPushButton *job = chips->chip(u"job"_s);
    QVERIFY(job && job->isVisible());
    QCOMPARE(job->text(), u"job=\"web\""_s);
    // the markup label's chip shows its characters (a button's text is never rich text)
    QCOMPARE(chips->chip(u"note"_s)->text(),
             u"note=\""_s + QString(markup).replace(u'&', u"&&"_s) + u'"');
    QTest::mouseClick(job, Qt::LeftButton);
    QCOMPARE(page.labelFilter()->text(), u"job=\"web\""_s);
    QCOMPARE(page.alertProxy()->rowCount(), 2);
    // the same chip again adds nothing; shift-click turns it into an exclusion
    QTest::mouseClick(chips->chip(u"job"_s), Qt::LeftButton);
    QCOMPARE(page.labelFilter()->text(), u"job=\"web\""_s);
    QTest::mouseClick(chips->chip(u"alertname"_s), Qt::LeftButton, Qt::ShiftModifier);
    QCOMPARE(page.labelFilter()->text(), u"job=\"web\", alertname!=\"Down\""_s);
    QCOMPARE(page.alertProxy()->rowCount(), 1);
    QCOMPARE(page.alertProxy()->index(0, AlertModel::NameColumn).data().toString(), u"Slow"_s);
    // the selected alert was filtered away: the details follow the new current row, no crash
    QCOMPARE(page.filterError(), QString());

    // the matcher box takes Alertmanager's syntax, and says what is wrong inline
    page.labelFilter()->setText(u"{job=~\"w.*\", severity!~\"crit.*\"}"_s);
    QCOMPARE(page.alertProxy()->rowCount(), 1);
    QCOMPARE(page.filterError(), QString());
    page.labelFilter()->setText(u"job=~\"(\""_s);
    QVERIFY2(page.filterError().contains(u"regular expression"_s), qPrintable(page.filterError()));
    QCOMPARE(page.alertProxy()->rowCount(), 1); // the last good filter still applies
    page.labelFilter()->setText(u"job web"_s);
    QVERIFY2(page.filterError().contains(u"cannot read a matcher at \"job web\""_s),
             qPrintable(page.filterError()));
    page.labelFilter()->clear();
    QCOMPARE(page.filterError(), QString());
    QCOMPARE(page.alertProxy()->rowCount(), 3);
    // a click on a chip replaces a filter that does not parse
    page.labelFilter()->setText(u"job="_s + u'"');
    QVERIFY(page.showAlert(b.fingerprint));
    QTest::mouseClick(page.labelChips()->chip(u"instance"_s), Qt::LeftButton);
    QCOMPARE(page.labelFilter()->text(), u"instance=\"d1\""_s);
    QCOMPARE(page.alertProxy()->rowCount(), 1);
    page.setGrouping(u"alertmanager"_s);
}

void TestAlertsPage::clustersAreShown()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.setAuthor(u"ana"_s);
    Alert a = alert(u"Down"_s, u"critical"_s);
    alerts.setAlerts({a});
    QVERIFY(page.alertView()->isColumnHidden(AlertModel::ClusterColumn));
    a.cluster = u"team-a"_s;
    Alert b = a;
    b.cluster = u"team-b"_s;
    alerts.setAlerts({a, b});
    QCOMPARE(alerts.rowCount(), 2);
    QTRY_VERIFY(!page.alertView()->isColumnHidden(AlertModel::ClusterColumn));
    // a bare fingerprint (a notification's) finds the first; the key finds each
    QVERIFY(page.showAlert(b.key()));
    QCOMPARE(page.currentFingerprint(), b.key());
    bool saw = false;
    for (QLabel *label : page.detailsPanel()->findChildren<QLabel *>())
        saw = saw || label->text().contains(u"Cluster team-b"_s);
    QVERIFY(saw);
    QVERIFY(page.showAlert(a.fingerprint));
    QCOMPARE(page.currentFingerprint(), a.key());

    // A silence of team-b's alert goes to team-b only, and the dialog says so.
    b.sources = {u"alertmanager 127.0.0.1:9095"_s};
    alerts.setAlerts({a, b});
    QVERIFY(page.showAlert(b.key()));
    QSignalSpy requested(&page, &AlertsPage::createSilenceRequested);
    for (QPushButton *button : page.detailsPanel()->findChildren<QPushButton *>()) {
        if (button->text() == u"Silence…"_s)
            button->click();
    }
    QPointer<SilenceDialog> dialog = page.silenceDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isClustered());
    QCOMPARE(dialog->targetText(),
             u"Created only in the alert's Alertmanager cluster \"team-b\""_s);
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        QDir().mkpath(out);
        dialog->commentEdit()->setPlainText(u"team b deploys"_s);
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->grab().save(out + u"/silence-cluster.png"_s));
    }
    // its preview counts team-b's copy only: team-a's is not silenced by it
    QVERIFY2(dialog->previewTitle().startsWith(u"Catches 1 of the 1 "_s),
             qPrintable(dialog->previewTitle()));
    QCOMPARE(dialog->previewList()->count(), 1);
    dialog->commentEdit()->setPlainText(u"team b deploys"_s);
    dialog->accept();
    QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().value<Silence>().targetCluster, u"team-b"_s);
    page.showSilenceResult({u"abc"_s}, {});
    QTRY_VERIFY(!dialog);
    // A new silence typed in the Silences tab (no alert): every cluster, and the dialog says so.
    auto *create = page.findChild<QPushButton *>(u"newSilence"_s);
    QVERIFY(create);
    create->click();
    dialog = page.silenceDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isClustered()); // the page has several clusters
    QCOMPARE(dialog->targetText(), u"Created in every Alertmanager cluster, once in each"_s);
    dialog->matchersEdit()->setText(u"alertname=\"Down\""_s);
    dialog->commentEdit()->setPlainText(u"everywhere"_s);
    dialog->accept();
    QCOMPARE(requested.size(), 2);
    QVERIFY(!requested.at(1).first().value<Silence>().targetCluster.has_value());
    page.showSilenceResult({u"def"_s, u"ghi"_s}, {});
    QTRY_VERIFY(!dialog);
}

void TestAlertsPage::untrustedTextIsPlain()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    alerts.setAlerts({alert(u"A"_s, u"critical"_s)});
    QVERIFY(page.showAlert(alerts.at(0).fingerprint));
    const QList<QLabel *> labels = page.findChildren<QLabel *>();
    bool sawMarkup = false;
    for (QLabel *label : labels) {
        QCOMPARE(label->textFormat(), Qt::PlainText);
        sawMarkup = sawMarkup || label->text().contains(markup);
    }
    QVERIFY(sawMarkup); // shown, as the characters it is
    page.setStatus(markup, true);
    QCOMPARE(page.statusText(), markup);
}

void TestAlertsPage::showAlertAndActions()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    alerts.setAlerts({alert(u"A"_s, u"critical"_s), alert(u"B"_s, u"info"_s)});
    page.severityFilter()->setCurrentIndex(3); // critical only: B is hidden
    const QString b = alerts.at(1).fingerprint;
    page.tabs()->setCurrentIndex(2);
    QVERIFY(page.showAlert(b)); // clears the filter that hid it
    QCOMPARE(page.tabs()->currentIndex(), 0);
    QCOMPARE(page.currentFingerprint(), b);
    QCOMPARE(page.alertView()->currentIndex().data(AlertModel::FingerprintRole).toString(), b);
    QVERIFY(!page.showAlert(u"nope"_s));

    QSignalSpy chart(&page, &AlertsPage::openChartRequested);
    QSignalSpy url(&page, &AlertsPage::openUrlRequested);
    QPushButton *chartButton = nullptr;
    QPushButton *runbookButton = nullptr;
    for (QPushButton *button : page.detailsPanel()->findChildren<QPushButton *>()) {
        if (button->text() == "Open as chart"_L1)
            chartButton = button;
        if (button->text() == "Runbook"_L1)
            runbookButton = button;
    }
    QVERIFY(chartButton && runbookButton);
    QVERIFY(chartButton->isEnabled());
    chartButton->click();
    QCOMPARE(chart.size(), 1);
    QCOMPARE(chart.first().first().value<Alert>().expression(), u"up == 0"_s);
    runbookButton->click();
    QCOMPARE(url.first().first().toUrl(), QUrl(u"https://runbooks.example/x"_s));

    // the alert resolves while selected: the details say so, nothing crashes
    alerts.setAlerts({alerts.at(0)});
    QVERIFY(page.currentFingerprint() != b);
    page.alertView()->setCurrentIndex({});
    QVERIFY(page.currentFingerprint().isEmpty());
    QVERIFY(!chartButton->isEnabled());
}

void TestAlertsPage::silenceDialog()
{
    const Alert a = alert(u"A"_s, u"critical"_s);
    SilenceDialog dialog(a.labels, u"ana"_s);
    QSignalSpy submitted(&dialog, &SilenceDialog::submitted);
    QCOMPARE(dialog.authorEdit()->text(), u"ana"_s);
    dialog.accept(); // no comment yet: refused
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(submitted.size(), 0);
    QVERIFY(dialog.errorText().contains(u"comment"_s));
    dialog.commentEdit()->setPlainText(u"deploying"_s);
    dialog.durationEdit()->setValue(2);
    dialog.accept();
    // submitted, and waiting for Alertmanager's answer with everything still there
    QCOMPARE(submitted.size(), 1);
    QVERIFY(dialog.isWaiting());
    QVERIFY(dialog.result() != QDialog::Accepted);
    const Silence s = submitted.first().first().value<Silence>();
    QCOMPARE(s.matchers, Silence::exactMatchers(a.labels)); // the labels, markup and all
    QCOMPARE(s.startsAt.secsTo(s.endsAt), 7200);
    QCOMPARE(s.createdBy, u"ana"_s);
    QCOMPARE(s.comment, u"deploying"_s);
    dialog.accept(); // a second click while waiting sends nothing
    QCOMPARE(submitted.size(), 1);

    // refused: the server's text is shown, the input kept, and it can be sent again
    dialog.showResult(u"HTTP 400: bad matcher"_s);
    QVERIFY(!dialog.isWaiting());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY2(dialog.errorText().contains(u"HTTP 400: bad matcher"_s),
             qPrintable(dialog.errorText()));
    QCOMPARE(dialog.commentEdit()->toPlainText(), u"deploying"_s);
    dialog.accept();
    QCOMPARE(submitted.size(), 2);
    dialog.showResult({});
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestAlertsPage::silenceResultReachesTheDialog()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.setAuthor(u"ana"_s);
    alerts.setAlerts({alert(u"A"_s, u"critical"_s)});
    QVERIFY(page.showAlert(alerts.at(0).fingerprint));
    QSignalSpy requested(&page, &AlertsPage::createSilenceRequested);
    for (QPushButton *button : page.detailsPanel()->findChildren<QPushButton *>()) {
        if (button->text() == u"Silence…"_s)
            button->click();
    }
    QPointer<SilenceDialog> dialog = page.silenceDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isClustered()); // one cluster: where it goes is no question
    dialog->commentEdit()->setPlainText(u"deploying"_s);
    dialog->accept();
    QCOMPARE(requested.size(), 1);
    page.showSilenceResult({}, {u"alertmanager 127.0.0.1:9093: HTTP 400 — bad regex"_s});
    QVERIFY(dialog);
    QVERIFY(dialog->errorText().contains(u"bad regex"_s));
    dialog->accept();
    QCOMPARE(requested.size(), 2);
    page.showSilenceResult({u"abc"_s}, {});
    QTRY_VERIFY(!dialog); // closed and deleted
    QVERIFY(!page.silenceDialog());
}

namespace {

Alert instanceAlert(const QString &name, const QString &severity, const QString &instance)
{
    Alert a;
    a.labels = {{u"alertname"_s, name}, {u"severity"_s, severity}, {u"instance"_s, instance}};
    a.fingerprint = labelsFingerprint(a.labels);
    a.startsAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    return a;
}

Silence silenceFor(const QString &id, const QString &matchers, qint64 endsInSeconds)
{
    Silence s;
    s.id = id;
    parseMatchers(matchers, &s.matchers);
    s.startsAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
    s.endsAt = QDateTime::currentDateTimeUtc().addSecs(endsInSeconds);
    s.state = endsInSeconds > 0 ? Silence::State::Active : Silence::State::Expired;
    s.createdBy = u"ana"_s;
    s.comment = u"maintenance of the web tier"_s;
    s.sources = {u"alertmanager 127.0.0.1:9093"_s};
    return s;
}

QPushButton *buttonNamed(QWidget *parent, const QString &name)
{
    return parent->findChild<QPushButton *>(name);
}

} // namespace

void TestAlertsPage::silenceDialogPreviewsWhatItCatches()
{
    const QList<Alert> alerts{instanceAlert(u"Down"_s, u"critical"_s, u"web-1"_s),
                              instanceAlert(u"Down"_s, u"critical"_s, u"web-2"_s),
                              instanceAlert(u"Down"_s, u"critical"_s, u"db-1"_s),
                              instanceAlert(u"Slow"_s, u"warning"_s, u"web-1"_s)};
    SilenceDialog dialog(alerts.at(0).labels, u"ana"_s);
    dialog.setAlerts(alerts);
    // prefilled with exactly the first alert's labels: it catches that one
    QCOMPARE(dialog.previewList()->count(), 1);
    QVERIFY(dialog.previewList()->item(0)->text().contains(u"web-1"_s));
    QVERIFY2(dialog.previewTitle().contains(u"1 of the 4"_s), qPrintable(dialog.previewTitle()));
    // as the user types, the preview follows
    QTest::keyClicks(dialog.matchersEdit(), u"x"_s); // "…"x": not a matcher list any more
    QCOMPARE(dialog.previewList()->count(), 0);
    QVERIFY(dialog.previewTitle().startsWith(u"Preview: "_s));
    dialog.matchersEdit()->clear();
    QTest::keyClicks(dialog.matchersEdit(), u"alertname=Down"_s);
    QCOMPARE(dialog.previewList()->count(), 3);
    QTest::keyClicks(dialog.matchersEdit(), u", instance=~\"web-.*\""_s);
    QCOMPARE(dialog.previewList()->count(), 2);
    dialog.matchersEdit()->setText(u"instance!~\"web-.*\""_s);
    QCOMPARE(dialog.previewList()->count(), 1);
    QVERIFY(dialog.previewList()->item(0)->text().contains(u"db-1"_s));
    dialog.matchersEdit()->setText(u"instance=~\"web\""_s); // anchored: no "web-1"
    QCOMPARE(dialog.previewList()->count(), 0);
    QVERIFY(dialog.previewTitle().contains(u"none of the 4"_s));
    dialog.matchersEdit()->setText(u"instance=~\"web-(\""_s);
    QVERIFY2(dialog.previewTitle().contains(u"not a valid regular expression"_s),
             qPrintable(dialog.previewTitle()));
    // the alerts change while it is open
    dialog.matchersEdit()->setText(u"alertname=Slow"_s);
    QCOMPARE(dialog.previewList()->count(), 1);
    dialog.setAlerts(alerts.mid(0, 3));
    QCOMPARE(dialog.previewList()->count(), 0);
}

void TestAlertsPage::silenceDialogDurations()
{
    SilenceDialog dialog(LabelSet{{u"alertname"_s, u"A"_s}}, u"ana"_s);
    QSignalSpy submitted(&dialog, &SilenceDialog::submitted);
    dialog.commentEdit()->setPlainText(u"deploying"_s);
    dialog.setDurationUnit(SilenceDialog::Unit::Minutes);
    dialog.durationEdit()->setValue(30);
    QCOMPARE(dialog.silence().startsAt.secsTo(dialog.silence().endsAt), 1800);
    dialog.setDurationUnit(SilenceDialog::Unit::Days);
    dialog.durationEdit()->setValue(2);
    QCOMPARE(dialog.silence().startsAt.secsTo(dialog.silence().endsAt), 2 * 86400);
    // an end time instead (the editor keeps minutes)
    const QDateTime end = QDateTime::currentDateTimeUtc().addSecs(5 * 3600);
    dialog.setEndTime(end);
    QVERIFY(qAbs(dialog.silence().endsAt.secsTo(end)) < 60);
    // typing a duration again picks the duration
    dialog.durationEdit()->setValue(3);
    QCOMPARE(dialog.silence().startsAt.secsTo(dialog.silence().endsAt), 3 * 86400);
    // an end in the past is refused here, before Alertmanager refuses it
    dialog.setEndTime(QDateTime::currentDateTimeUtc().addSecs(-3600));
    dialog.accept();
    QCOMPARE(submitted.size(), 0);
    QVERIFY2(dialog.errorText().contains(u"end time"_s), qPrintable(dialog.errorText()));
    QVERIFY(!dialog.isEdit());
    QVERIFY(dialog.silence().id.isEmpty());
}

void TestAlertsPage::silencesTabEditsExtendsDuplicatesExpires()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.setAuthor(u"bo"_s);
    alerts.setAlerts({instanceAlert(u"Down"_s, u"critical"_s, u"web-1"_s),
                      instanceAlert(u"Down"_s, u"critical"_s, u"db-1"_s)});
    const Silence web = silenceFor(u"s-web"_s, u"instance=~\"web-.*\""_s, 3 * 3600);
    silences.setSilences({web});
    page.tabs()->setCurrentIndex(2);
    QTreeView *view = page.silenceView();
    QWidget *tab = page.tabs()->currentWidget();
    QPushButton *edit = buttonNamed(tab, u"editSilence"_s);
    QPushButton *hour = buttonNamed(tab, u"extendSilenceHour"_s);
    QPushButton *day = buttonNamed(tab, u"extendSilenceDay"_s);
    QPushButton *duplicate = buttonNamed(tab, u"duplicateSilence"_s);
    QPushButton *expire = buttonNamed(tab, u"expireSilence"_s);
    QVERIFY(edit && hour && day && duplicate && expire);
    QVERIFY(!edit->isEnabled());
    view->setCurrentIndex(view->model()->index(0, 0));
    for (QPushButton *b : {edit, hour, day, duplicate, expire})
        QVERIFY(b->isEnabled());
    // the details: comment, creator, and what it catches now
    const QString details = page.silenceDetailsText();
    QVERIFY2(details.contains(u"Created by ana: maintenance of the web tier"_s),
             qPrintable(details));
    QVERIFY(details.contains(u"Catches 1 of the alerts shown now: Down"_s));

    // edit: the dialog keeps the id, start, comment and author
    QSignalSpy updated(&page, &AlertsPage::updateSilenceRequested);
    QSignalSpy created(&page, &AlertsPage::createSilenceRequested);
    edit->click();
    QPointer<SilenceDialog> dialog = page.silenceDialog();
    QVERIFY(dialog && dialog->isEdit());
    QCOMPARE(dialog->commentEdit()->toPlainText(), web.comment);
    QCOMPARE(dialog->authorEdit()->text(), u"ana"_s);
    QCOMPARE(dialog->previewList()->count(), 1);
    dialog->commentEdit()->setPlainText(u"longer maintenance"_s);
    dialog->accept();
    QCOMPARE(updated.size(), 1);
    QCOMPARE(created.size(), 0);
    const Silence changed = updated.first().first().value<Silence>();
    QCOMPARE(changed.id, web.id);
    QCOMPARE(changed.startsAt, web.startsAt); // unchanged: Alertmanager updates it in place
    QVERIFY(qAbs(changed.endsAt.secsTo(web.endsAt)) < 60);
    QCOMPARE(changed.comment, u"longer maintenance"_s);
    page.showSilenceResult({web.id}, {});
    QTRY_VERIFY(!dialog);

    // extend by an hour and a day, from its end
    QSignalSpy extended(&page, &AlertsPage::extendSilenceRequested);
    hour->click();
    day->click();
    QCOMPARE(extended.size(), 2);
    QCOMPARE(extended.at(0).first().value<Silence>().id, web.id);
    QCOMPARE(web.endsAt.secsTo(extended.at(0).first().value<Silence>().endsAt), 3600);
    QCOMPARE(web.endsAt.secsTo(extended.at(1).first().value<Silence>().endsAt), 86400);

    // duplicate: the same matchers and comment, no id, the user as author: a new silence
    duplicate->click();
    dialog = page.silenceDialog();
    QVERIFY(dialog && !dialog->isEdit());
    QCOMPARE(dialog->matchersEdit()->text(), web.matchersText());
    QCOMPARE(dialog->authorEdit()->text(), u"bo"_s);
    dialog->accept();
    QCOMPARE(created.size(), 1);
    QVERIFY(created.first().first().value<Silence>().id.isEmpty());
    page.showSilenceResult({u"s-new"_s}, {});
    QTRY_VERIFY(!dialog);

    // expire
    QSignalSpy expired(&page, &AlertsPage::expireSilenceRequested);
    expire->click();
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.first().first().toString(), web.id);

    // until resolved and ending soon are shown in the details and the state column
    Silence soon = web;
    soon.endsAt = QDateTime::currentDateTimeUtc().addSecs(5 * 60);
    silences.setSilences({soon});
    page.setUntilResolved({web.id});
    QVERIFY(page.silenceDetailsText().contains(u"Acknowledged until resolved"_s));
    QVERIFY2(page.silenceDetailsText().contains(u"Ends soon: in 5 min"_s),
             qPrintable(page.silenceDetailsText()));
    QCOMPARE(view->model()->index(0, SilenceModel::StateColumn).data().toString(),
             u"active, until resolved"_s);
    // an expired silence can only be duplicated
    for (QCheckBox *box : tab->findChildren<QCheckBox *>()) {
        if (box->text() == u"Show expired"_s)
            box->setChecked(true);
    }
    silences.setSilences({silenceFor(u"s-web"_s, u"instance=~\"web-.*\""_s, -60)});
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(duplicate->isEnabled());
    for (QPushButton *b : {edit, hour, day, expire})
        QVERIFY(!b->isEnabled());
    QVERIFY(!page.silenceDetailsText().contains(u"Catches"_s));
}

void TestAlertsPage::alertDetailsTellOfItsSilences()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    Alert silenced = instanceAlert(u"Down"_s, u"critical"_s, u"web-1"_s);
    silenced.silenced = true;
    silenced.silencedBy = {u"s-soon"_s};
    const Alert refired = instanceAlert(u"Down"_s, u"critical"_s, u"db-1"_s);
    alerts.setAlerts({silenced, refired});
    Silence soon = silenceFor(u"s-soon"_s, u"instance=\"web-1\""_s, 9 * 60);
    Silence ended = silenceFor(u"s-ended"_s, u"instance=\"db-1\""_s, -20 * 60);
    silences.setSilences({soon, ended});

    QVERIFY(page.showAlert(silenced.fingerprint));
    QVERIFY2(page.alertDetailsText().contains(u"Its silence ends soon: at "_s),
             qPrintable(page.alertDetailsText()));
    QVERIFY(page.alertDetailsText().contains(u"(in 9 min), by ana: maintenance of the web tier"_s));
    QVERIFY(!page.alertDetailsText().contains(u"Acknowledged"_s));
    page.setUntilResolved({u"s-soon"_s});
    QVERIFY(page.alertDetailsText().contains(u"Acknowledged until resolved (silence s-soon)"_s));

    // fired again, not silenced: the silence that covered it until 20 minutes ago
    QVERIFY(page.showAlert(refired.fingerprint));
    const QString expected
        = u"Fired again: was silenced until %1 by ana: maintenance of the web tier"_s.arg(
            ended.endsAt.toLocalTime().toString(u"HH:mm"_s));
    QVERIFY2(page.alertDetailsText().contains(expected), qPrintable(page.alertDetailsText()));
    // a silence that ended two hours ago is history, not "recently"
    ended.endsAt = QDateTime::currentDateTimeUtc().addSecs(-2 * 3600);
    silences.setSilences({soon, ended});
    QVERIFY(!page.alertDetailsText().contains(u"Fired again"_s));
}

void TestAlertsPage::trayFlagsSilencesThatEndSoon()
{
    BackendStatusModel backends;
    TrayIcon tray(&backends);
    SilenceModel silences;
    tray.setSilenceModel(&silences);
    QVERIFY(tray.expiringSilencesText().isEmpty());
    silences.setSilences(
        {silenceFor(u"a"_s, u"job=api"_s, 10 * 60), silenceFor(u"b"_s, u"job=web"_s, 5 * 3600)});
    QCOMPARE(tray.expiringSilencesText(), u"1 silence ends within 15 min"_s);
    QVERIFY(tray.systemTrayIcon()->toolTip().contains(u"1 silence ends within 15 min"_s));
    bool inMenu = false;
    for (QAction *a : tray.menu()->actions())
        inMenu = inMenu || (a->isVisible() && a->text() == tray.expiringSilencesText());
    QVERIFY(inMenu);
    silences.setNow(QDateTime::currentDateTimeUtc().addSecs(5 * 3600 - 60));
    QCOMPARE(tray.expiringSilencesText(), u"1 silence ends within 15 min"_s); // b now; a is over
    silences.setSilences({});
    QVERIFY(tray.expiringSilencesText().isEmpty());
    QVERIFY(!tray.systemTrayIcon()->toolTip().contains(u"silence"_s));
}

void TestAlertsPage::rulesShowForLabelsAndAnnotations()
{
    AlertModel alerts;
    SilenceModel silences;
    RuleModel rules;
    AlertsPage page(&alerts, &silences, &rules);
    page.resize(1100, 600);
    Rule r;
    r.group = u"node"_s;
    r.file = u"/etc/prometheus/rules/node.yml"_s;
    r.name = u"HighCpu"_s;
    r.query = u"avg by (instance) (rate(node_cpu_seconds_total{mode!=\"idle\"}[5m])) > 0.9"_s;
    r.durationSeconds = 604800;
    r.state = u"firing"_s;
    r.health = u"ok"_s;
    r.lastEvaluation = QDateTime::currentDateTimeUtc();
    r.evaluationSeconds = 0.0012;
    r.labels = {{u"severity"_s, u"warning"_s}, {u"team"_s, u"ops"_s}};
    r.annotations = {{u"summary"_s, u"CPU at {{ $value | humanizePercentage }}"_s},
                     {u"runbook_url"_s, u"https://runbooks.example/cpu"_s}};
    Rule rec;
    rec.group = u"node"_s;
    rec.name = u"instance:cpu:rate5m"_s;
    rec.alerting = false;
    rec.query = u"rate(node_cpu_seconds_total[5m])"_s;
    rec.health = u"ok"_s;
    rules.setRules({r, rec});
    page.tabs()->setCurrentIndex(1);
    QVERIFY(page.ruleDetailsText().contains(u"Select a rule"_s));
    QAbstractItemModel *view = page.ruleView()->model();
    QCOMPARE(view->index(0, RuleModel::ForColumn).data().toString(), u"1w"_s);
    page.ruleView()->setCurrentIndex(view->index(0, 0));
    const QString details = page.ruleDetailsText();
    QVERIFY2(details.contains(u"for 1w"_s) && details.contains(u"severity=warning, team=ops"_s)
                 && details.contains(u"summary: CPU at {{ $value | humanizePercentage }}"_s)
                 && details.contains(u"node.yml"_s),
             qPrintable(details));
    // the pane follows a poll that changes the selected rule
    r.annotations[u"summary"_s] = u"CPU is busy"_s;
    rules.setRules({r, rec});
    QVERIFY2(page.ruleDetailsText().contains(u"summary: CPU is busy"_s),
             qPrintable(page.ruleDetailsText()));
    if (const QString out = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR"); !out.isEmpty()) {
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.grab().save(out + u"/alerts-rules-tab.png"_s));
    }
}

void TestAlertsPage::trayCountsListsAndMutes()
{
    BackendStatusModel backends;
    TrayIcon tray(&backends);
    AlertModel alerts;
    tray.setAlertModel(&alerts);
    QVERIFY(tray.muteAction()->isVisible());
    QVERIFY(tray.menuAlertTexts().isEmpty());
    QList<Alert> list;
    for (int i = 0; i < 7; ++i)
        list << alert(u"W%1 & co"_s.arg(i), u"warning"_s);
    list << alert(u"Crit"_s, u"critical"_s);
    Alert silenced = alert(u"Hushed"_s, u"critical"_s);
    silenced.silenced = true;
    list << silenced;
    alerts.setAlerts(list);
    const QStringList texts = tray.menuAlertTexts();
    QCOMPARE(texts.size(), TrayIcon::maxMenuAlerts + 1);
    QCOMPARE(texts.first(), u"Crit (critical)"_s);    // the worst first
    QCOMPARE(texts.at(1).contains(u"&& co"_s), true); // '&' is not a mnemonic
    QVERIFY(texts.last().contains(u"3 more"_s));
    QVERIFY(tray.systemTrayIcon()->toolTip().contains(u"8 alerts firing"_s));

    QSignalSpy activated(&tray, &TrayIcon::alertActivated);
    for (QAction *action : tray.menu()->actions()) {
        if (action->text() == "Crit (critical)"_L1)
            action->trigger();
    }
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), alerts.at(7).fingerprint);

    // STACKSCOPE_SCREENSHOT_DIR=... saves the menu as alerts-tray-menu.png (packaging/screenshots)
    const QString shots = qEnvironmentVariable("STACKSCOPE_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        tray.menu()->popup(QPoint(40, 40));
        QVERIFY(QTest::qWaitForWindowExposed(tray.menu()));
        const QPixmap menu = tray.menu()->grab();
        const QPixmap icon = tray.systemTrayIcon()->icon().pixmap(64, 64);
        QPixmap shot(menu.width() + 96, std::max(menu.height(), 96) + 16);
        shot.fill(QColor(0x2b, 0x2b, 0x2b));
        QPainter painter(&shot);
        painter.drawPixmap(16, 16, icon);
        painter.drawPixmap(96, 8, menu);
        painter.end();
        QVERIFY(shot.save(shots + u"/alerts-tray-menu.png"_s));
        tray.menu()->hide();
    }

    QSignalSpy muted(&tray, &TrayIcon::muteToggled);
    tray.muteAction()->trigger();
    QCOMPARE(muted.size(), 1);
    QVERIFY(tray.isMuted());
    alerts.setAlerts({});
    QVERIFY(tray.systemTrayIcon()->toolTip().contains(u"No alerts firing"_s));
}

void TestAlertsPage::pluralsReadRight()
{
    // Every "(s)" string of the alerts UI is a numerus tr("%n …(s)", nullptr, n), and the English
    // forms for it are in stackscope_en.ts (what an English translation file must hold).
    QFile ts(QStringLiteral(STACKSCOPE_SOURCE_DIR) + u"/resources/translations/stackscope_en.ts"_s);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QSet<QString> english;
    {
        QXmlStreamReader xml(&ts);
        bool numerus = false;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == "message"_L1)
                numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            else if (xml.name() == "source"_L1 && numerus)
                english.insert(xml.readElementText());
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }
    const QRegularExpression call(uR"re(\btr\(\s*"((?:[^"\\]|\\.)*)"(\s*,\s*nullptr\s*,)?)re"_s);
    QStringList files;
    for (const QString &dir : {u"ui/alerts"_s, u"app/alerts"_s, u"models/alerts"_s}) {
        QDirIterator it(QStringLiteral(STACKSCOPE_SOURCE_DIR) + u'/' + dir, {u"*.cpp"_s, u"*.h"_s});
        while (it.hasNext())
            files << it.next();
    }
    files << QStringLiteral(STACKSCOPE_SOURCE_DIR) + u"/app/features/alertsfeature.cpp"_s;
    QStringList plural;
    for (const QString &path : std::as_const(files)) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        for (auto m = call.globalMatch(text); m.hasNext();) {
            const QRegularExpressionMatch match = m.next();
            const QString source = match.captured(1);
            if (!source.contains(u"(s)"_s))
                continue;
            plural << source;
            QVERIFY2(source.contains(u"%n"_s) && match.hasCaptured(2)
                         && !match.captured(2).isEmpty(),
                     qPrintable(path + u": not a numerus tr(): "_s + source));
            QVERIFY2(english.contains(source),
                     qPrintable(u"no English forms in stackscope_en.ts for: "_s + source));
        }
    }
    QVERIFY2(plural.size() >= 4, qPrintable(plural.join(u" | "_s)));
    qInfo("%d numerus strings in the alerts UI: %s", int(plural.size()),
          qPrintable(plural.join(u" | "_s)));

    // With the English forms, the silence preview reads right for one alert and for several.
    QTranslator translator;
    QVERIFY(translator.load(u":/test/stackscope_en.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const auto uninstall
        = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    const Alert a = alert(u"A"_s, u"critical"_s);
    const Alert b = alert(u"B"_s, u"warning"_s);
    SilenceDialog dialog(LabelSet{{u"alertname"_s, u"Other"_s}}, u"ana"_s);
    dialog.setAlerts({a});
    QCOMPARE(dialog.previewTitle(), u"Catches none of the 1 alert shown now"_s);
    dialog.setAlerts({a, b});
    QCOMPARE(dialog.previewTitle(), u"Catches none of the 2 alerts shown now"_s);
    dialog.matchersEdit()->setText(u"alertname=\"A\""_s);
    QCOMPARE(dialog.previewTitle(), u"Catches 1 of the 2 alerts shown now:"_s);
    dialog.setAlerts({a});
    QCOMPARE(dialog.previewTitle(), u"Catches 1 of the 1 alert shown now:"_s);
}

QTEST_MAIN(TestAlertsPage)
#include "tst_alertspage.moc"
