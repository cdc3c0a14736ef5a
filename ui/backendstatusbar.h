// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QPersistentModelIndex>
#include <QWidget>

class QAbstractItemModel;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace Stackscope {

/// The status bar's live view of BackendStatusModel: one indicator per backend, a coloured dot
/// and its name, and the reason in words when it is down ("connection refused at
/// 127.0.0.1:9091"). All text is plain text: reasons quote what servers said.
class BackendStatusBar : public QWidget
{
    Q_OBJECT
public:
    explicit BackendStatusBar(QAbstractItemModel *model, QWidget *parent = nullptr);

    /// The label showing backend `id`, for tests.
    QLabel *indicator(const QString &id) const;

Q_SIGNALS:
    void checkNowRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void refreshRow(int row);
    /// Sets every label's text so that all fit: reasons of down backends are shortened in the
    /// middle (the tooltip keeps them whole) rather than clipped.
    void fitTexts();

    QAbstractItemModel *m_model;
    QHBoxLayout *m_layout;
    QToolButton *m_checkNow;
    QList<QLabel *> m_labels;
};

} // namespace Stackscope
