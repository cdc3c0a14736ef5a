// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QTableWidget>

#include <utility>

namespace Stackscope {

/// The fields of the current log line (a JSON or logfmt line's keys, a Loki stream's labels) as
/// a two-column table beside the lines; hidden while there are none. Keys are shown with their
/// control characters visible, long values elided (the whole in Qt::UserRole).
class LogFieldsTable : public QTableWidget
{
    Q_OBJECT
public:
    explicit LogFieldsTable(QWidget *parent = nullptr);

    void setFields(const QList<std::pair<QString, QString>> &fields);
    /// What is shown, unelided; empty while hidden.
    QList<std::pair<QString, QString>> fields() const;
};

} // namespace Stackscope
