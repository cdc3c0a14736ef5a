// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/logfieldstable.h"

#include "models/common/format.h"

#include <QHeaderView>

namespace Stackscope {

LogFieldsTable::LogFieldsTable(QWidget *parent)
    : QTableWidget(0, 2, parent)
{
    setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    hide();
}

void LogFieldsTable::setFields(const QList<std::pair<QString, QString>> &fields)
{
    setRowCount(0);
    setVisible(!fields.isEmpty());
    setRowCount(int(fields.size()));
    for (int i = 0; i < fields.size(); ++i) {
        const auto &[name, text] = fields.at(i);
        auto *key = new QTableWidgetItem(Format::visible(name));
        auto *value = new QTableWidgetItem(Format::elided(text, 4000));
        value->setToolTip(Format::elided(text, 2000));
        key->setData(Qt::UserRole, name);
        value->setData(Qt::UserRole, text);
        setItem(i, 0, key);
        setItem(i, 1, value);
    }
}

QList<std::pair<QString, QString>> LogFieldsTable::fields() const
{
    QList<std::pair<QString, QString>> out;
    if (isHidden())
        return out;
    for (int i = 0; i < rowCount(); ++i)
        out.append(
            {item(i, 0)->data(Qt::UserRole).toString(), item(i, 1)->data(Qt::UserRole).toString()});
    return out;
}

} // namespace Stackscope
