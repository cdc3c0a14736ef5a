// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace Stackscope {

/// A banner across the top of the window while the configuration file has problems: it says
/// that Stackscope keeps the last good configuration, lists the problems as FILE:LINE:COLUMN,
/// and offers to open the file. Hidden when the list is empty.
class ConfigProblemBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ConfigProblemBanner(QWidget *parent = nullptr);

    void setProblems(const QString &path, const QList<ConfigProblem> &problems);
    QString text() const;

Q_SIGNALS:
    void openFileRequested(const QString &path);

private:
    QLabel *m_summary;
    QLabel *m_list;
    QPushButton *m_open;
    QString m_path;
};

} // namespace Stackscope
