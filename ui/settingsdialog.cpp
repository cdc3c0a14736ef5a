// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingsdialog.h"
#include "models/common/format.h"
#include "models/common/palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QWidget *formPage(QWidget *parent, const QList<QPair<QString, QWidget *>> &rows,
                  const QString &note = {})
{
    auto *page = new QWidget(parent);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    for (const auto &row : rows)
        form->addRow(row.first, row.second);
    if (!note.isEmpty()) {
        auto *label = new QLabel(note, page);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setStyleSheet(u"color: palette(mid);"_s);
        form->addRow(label);
    }
    return page;
}

QLineEdit *lineEdit(const QString &text, QWidget *parent, const QString &placeholder = {})
{
    auto *edit = new QLineEdit(text, parent);
    edit->setPlaceholderText(placeholder);
    return edit;
}

} // namespace

SettingsDialog::SettingsDialog(const Config &config, bool startAtLogin, QWidget *parent)
    : QDialog(parent)
    , m_original(config)
    , m_originalStartAtLogin(startAtLogin)
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Stackscope Settings"));
    auto *tabs = new QTabWidget(this);

    QStringList alertmanagers;
    for (const EndpointConfig &e : config.alertmanagers)
        alertmanagers << e.url.toString();
    m_prometheusUrl = lineEdit(config.prometheus.url.toString(), this, u"http://127.0.0.1:9091"_s);
    m_prometheusTimeout
        = lineEdit(Format::durationLiteral(config.prometheus.timeout), this, u"10s"_s);
    m_alertmanagers = new QPlainTextEdit(alertmanagers.join(u'\n'), this);
    m_alertmanagers->setPlaceholderText(tr("One URL per line; two for an HA pair"));
    m_alertmanagers->setMaximumHeight(80);
    m_jaegerUrl = lineEdit(config.jaeger.url.toString(), this, u"http://127.0.0.1:16686"_s);
    m_grafanaUrl = lineEdit(config.grafana.url.toString(), this, u"http://127.0.0.1:3000"_s);
    tabs->addTab(
        formPage(this,
                 {{tr("Prometheus URL"), m_prometheusUrl},
                  {tr("Prometheus timeout"), m_prometheusTimeout},
                  {tr("Alertmanagers"), m_alertmanagers},
                  {tr("Jaeger URL"), m_jaegerUrl},
                  {tr("Grafana URL"), m_grafanaUrl}},
                 tr("Credentials and certificates are set in the file itself (auth, ca_file): "
                    "secrets are read from environment variables, never stored.")),
        tr("Endpoints"));

    m_refreshStatus = lineEdit(Format::durationLiteral(config.refresh.status), this);
    m_refreshStack = lineEdit(Format::durationLiteral(config.refresh.stack), this);
    m_refreshMetrics = lineEdit(Format::durationLiteral(config.refresh.metrics), this);
    m_refreshAlerts = lineEdit(Format::durationLiteral(config.refresh.alerts), this);
    m_refreshTraces = lineEdit(Format::durationLiteral(config.refresh.traces), this);
    tabs->addTab(formPage(this,
                          {{tr("Backend status"), m_refreshStatus},
                           {tr("Containers"), m_refreshStack},
                           {tr("Charts"), m_refreshMetrics},
                           {tr("Alerts"), m_refreshAlerts},
                           {tr("Jaeger services"), m_refreshTraces}},
                          tr("Durations such as 500ms, 10s, 5m or 1h; at least 1s.")),
                 tr("Refresh"));

    m_notificationsEnabled
        = new QCheckBox(tr("Show desktop notifications for firing alerts"), this);
    m_notificationsEnabled->setChecked(config.notifications.enabled);
    m_minSeverity = new QComboBox(this);
    m_minSeverity->addItems({u"info"_s, u"warning"_s, u"critical"_s});
    m_minSeverity->setCurrentText(config.notifications.minSeverity);
    m_notifyResolved = new QCheckBox(tr("Also when an alert resolves"), this);
    m_notifyResolved->setChecked(config.notifications.notifyResolved);
    m_stormThreshold = new QSpinBox(this);
    m_stormThreshold->setRange(1, 10000);
    m_stormThreshold->setValue(config.notifications.stormThreshold);
    m_stormThreshold->setToolTip(
        tr("More new alerts than this in one poll become one summary notification"));
    tabs->addTab(formPage(this, {{QString(), m_notificationsEnabled},
                                 {tr("From severity"), m_minSeverity},
                                 {QString(), m_notifyResolved},
                                 {tr("Summarise above"), m_stormThreshold}}),
                 tr("Notifications"));

    m_project = lineEdit(config.stack.project, this, tr("as compose names it (the folder)"));
    m_composeCommand = lineEdit(config.stack.composeCommand.join(u' '), this,
                                tr("detect (docker compose, else docker-compose)"));
    tabs->addTab(formPage(this, {{tr("Compose project"), m_project},
                                 {tr("Compose command"), m_composeCommand}}),
                 tr("Stack"));

    m_selfMetricsEnabled = new QCheckBox(tr("Serve Stackscope's own metrics"), this);
    m_selfMetricsEnabled->setChecked(config.selfMetrics.enabled);
    m_selfMetricsListen = lineEdit(config.selfMetrics.listen, this, u"127.0.0.1:9465"_s);
    m_startAtLogin = new QCheckBox(tr("Start Stackscope at login, minimised to the tray"), this);
    m_startAtLogin->setChecked(startAtLogin);
    tabs->addTab(formPage(this, {{QString(), m_startAtLogin},
                                 {QString(), m_selfMetricsEnabled},
                                 {tr("Metrics address"), m_selfMetricsListen}}),
                 tr("Desktop"));

    m_problems = new QLabel(this);
    m_problems->setObjectName(u"settingsProblems"_s);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
    m_problems->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::saveRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(560, 380);
}

QList<ConfigEdit> SettingsDialog::edits() const
{
    QList<ConfigEdit> out;
    auto text = [&out](const QStringList &path, const QString &now, const QString &before) {
        if (now.trimmed() != before)
            out.append({path, now.trimmed()});
    };
    const Config &c = m_original;
    text({u"endpoints"_s, u"prometheus"_s, u"url"_s}, m_prometheusUrl->text(),
         c.prometheus.url.toString());
    text({u"endpoints"_s, u"prometheus"_s, u"timeout"_s}, m_prometheusTimeout->text(),
         Format::durationLiteral(c.prometheus.timeout));
    text({u"endpoints"_s, u"jaeger"_s, u"url"_s}, m_jaegerUrl->text(), c.jaeger.url.toString());
    text({u"endpoints"_s, u"grafana"_s, u"url"_s}, m_grafanaUrl->text(), c.grafana.url.toString());

    QStringList before;
    for (const EndpointConfig &e : c.alertmanagers)
        before << e.url.toString();
    QStringList now;
    for (const QString &line : m_alertmanagers->toPlainText().split(u'\n')) {
        if (!line.trimmed().isEmpty())
            now << line.trimmed();
    }
    if (now != before) {
        // The list is written anew: an Alertmanager that stays keeps its timeout, auth (the
        // variable's name, never a secret) and TLS settings, instead of losing them.
        QVariantList list;
        for (const QString &url : std::as_const(now)) {
            QVariantMap entry{{u"url"_s, url}};
            for (const EndpointConfig &e : c.alertmanagers) {
                if (e.url.toString() != url)
                    continue;
                if (e.timeout != EndpointConfig().timeout)
                    entry.insert(u"timeout"_s, Format::durationLiteral(e.timeout));
                if (!e.caFile.isEmpty())
                    entry.insert(u"ca_file"_s, e.caFile);
                if (e.insecureSkipVerify)
                    entry.insert(u"insecure_skip_verify"_s, true);
                if (!e.cluster.isEmpty())
                    entry.insert(u"cluster"_s, e.cluster);
                if (e.auth.type != AuthConfig::Type::None) {
                    QVariantMap auth{{u"type"_s, e.auth.type == AuthConfig::Type::Basic
                                                     ? u"basic"_s
                                                     : u"bearer"_s},
                                     {u"secret_env"_s, e.auth.secretEnv}};
                    if (!e.auth.username.isEmpty())
                        auth.insert(u"username"_s, e.auth.username);
                    entry.insert(u"auth"_s, auth);
                }
                break;
            }
            list << entry;
        }
        out.append({{u"endpoints"_s, u"alertmanagers"_s}, list});
    }

    text({u"refresh"_s, u"status"_s}, m_refreshStatus->text(),
         Format::durationLiteral(c.refresh.status));
    text({u"refresh"_s, u"stack"_s}, m_refreshStack->text(),
         Format::durationLiteral(c.refresh.stack));
    text({u"refresh"_s, u"metrics"_s}, m_refreshMetrics->text(),
         Format::durationLiteral(c.refresh.metrics));
    text({u"refresh"_s, u"alerts"_s}, m_refreshAlerts->text(),
         Format::durationLiteral(c.refresh.alerts));
    text({u"refresh"_s, u"traces"_s}, m_refreshTraces->text(),
         Format::durationLiteral(c.refresh.traces));

    if (m_notificationsEnabled->isChecked() != c.notifications.enabled)
        out.append({{u"notifications"_s, u"enabled"_s}, m_notificationsEnabled->isChecked()});
    text({u"notifications"_s, u"min_severity"_s}, m_minSeverity->currentText(),
         c.notifications.minSeverity);
    if (m_notifyResolved->isChecked() != c.notifications.notifyResolved)
        out.append({{u"notifications"_s, u"notify_resolved"_s}, m_notifyResolved->isChecked()});
    if (m_stormThreshold->value() != c.notifications.stormThreshold)
        out.append({{u"notifications"_s, u"storm_threshold"_s}, m_stormThreshold->value()});

    text({u"stack"_s, u"project"_s}, m_project->text(), c.stack.project);
    const QStringList command = m_composeCommand->text().split(u' ', Qt::SkipEmptyParts);
    if (command != c.stack.composeCommand)
        out.append({{u"stack"_s, u"compose_command"_s}, command});

    if (m_selfMetricsEnabled->isChecked() != c.selfMetrics.enabled)
        out.append({{u"self_metrics"_s, u"enabled"_s}, m_selfMetricsEnabled->isChecked()});
    text({u"self_metrics"_s, u"listen"_s}, m_selfMetricsListen->text(), c.selfMetrics.listen);
    return out;
}

bool SettingsDialog::startAtLogin() const
{
    return m_startAtLogin->isChecked();
}

void SettingsDialog::showProblems(const QStringList &lines)
{
    m_problems->setText(tr("Not saved:") + u'\n' + lines.join(u'\n'));
    m_problems->setVisible(!lines.isEmpty());
}

} // namespace Stackscope
