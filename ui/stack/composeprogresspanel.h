// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Stackscope {

/// The output of the compose run under way, line by line, with a Cancel button; when the run
/// ends it says so, and a failure shows its exit code and last lines.
class ComposeProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ComposeProgressPanel(QWidget *parent = nullptr);

    void begin(const QString &commandLine);
    void appendLine(const QString &line);
    /// `ok`; otherwise `summary` ("exit code 1") and the last lines of output.
    void end(bool ok, bool cancelled, const QString &summary, const QStringList &lastLines);

    bool isRunning() const { return m_running; }
    QString outputText() const;
    QString resultText() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_command;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QPlainTextEdit *m_output;
    QLabel *m_result;
    bool m_running = false;
};

} // namespace Stackscope
