// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"
#include "models/config/configedit.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace Stackscope {

/// The settings people change most: endpoints, refresh intervals, notification rules, the
/// compose command, self-metrics and start at login. It edits nothing itself: it hands the
/// changed values out as ConfigEdits (saveRequested), and shows the problems if the result does
/// not validate, keeping what the person typed.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const Config &config, bool startAtLogin, QWidget *parent = nullptr);

    /// Only the values that differ from the configuration the dialog was opened with.
    QList<ConfigEdit> edits() const;
    bool startAtLogin() const;
    /// Shows why saving failed; the dialog stays open with the person's input.
    void showProblems(const QStringList &lines);

    /// "10s", "1m", "500ms": how durations are written in the file.

Q_SIGNALS:
    void saveRequested();

private:
    Config m_original;
    bool m_originalStartAtLogin;
    QLineEdit *m_prometheusUrl;
    QLineEdit *m_prometheusTimeout;
    QPlainTextEdit *m_alertmanagers;
    QLineEdit *m_jaegerUrl;
    QLineEdit *m_grafanaUrl;
    QLineEdit *m_refreshStatus;
    QLineEdit *m_refreshStack;
    QLineEdit *m_refreshMetrics;
    QLineEdit *m_refreshAlerts;
    QLineEdit *m_refreshTraces;
    QCheckBox *m_notificationsEnabled;
    QComboBox *m_minSeverity;
    QCheckBox *m_notifyResolved;
    QSpinBox *m_stormThreshold;
    QLineEdit *m_composeCommand;
    QLineEdit *m_project;
    QCheckBox *m_selfMetricsEnabled;
    QLineEdit *m_selfMetricsListen;
    QCheckBox *m_startAtLogin;
    QLabel *m_problems;
};

} // namespace Stackscope
