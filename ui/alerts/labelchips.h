// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/alerts/alertdata.h"

#include <QWidget>

class QPushButton;

namespace Stackscope {

/// An alert's labels as chips (`name="value"` buttons that wrap to the width): a click asks to
/// filter by the label, a shift-click to exclude it. The text is the server's, shown as plain
/// text.
class LabelChips : public QWidget
{
    Q_OBJECT
public:
    explicit LabelChips(QWidget *parent = nullptr);

    void setLabels(const LabelSet &labels);
    const LabelSet &labels() const { return m_labels; }
    /// The chip of label `name`, or nullptr.
    QPushButton *chip(const QString &name) const;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// `exclude`: shift was held (filter by name!="value").
    void chipClicked(const QString &name, const QString &value, bool exclude);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Places the chips in rows no wider than `width`; returns the height used.
    int layoutChips(int width, bool apply) const;

    LabelSet m_labels;
    QList<QPushButton *> m_chips;
};

} // namespace Stackscope
