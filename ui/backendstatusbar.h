// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/config/config.h"

#include <QHash>
#include <QPersistentModelIndex>
#include <QSet>
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

    /// Backends whose TLS certificates are not verified (`insecure_skip_verify: true` on an
    /// https endpoint): their indicator says so in its text and tooltip, with a warning sign.
    void setUnverifiedTls(const QStringList &ids);
    QStringList unverifiedTls() const { return m_unverifiedTls.values(); }
    /// The ids ("prometheus", "alertmanager-N", "jaeger") of `config`'s unverified endpoints.
    static QStringList unverifiedTlsBackends(const Config &config);

    /// Shows "Use these" while the stack offers endpoints the configuration file does not set
    /// (discoveredEndpointEdits() is not empty); pressing it asks to write them into the file.
    void setStackEndpointsOffered(bool offered);
    bool stackEndpointsOffered() const { return m_stackEndpointsOffered; }
    QToolButton *useStackEndpointsButton() const { return m_useStackEndpoints; }

Q_SIGNALS:
    void checkNowRequested();
    void useStackEndpointsRequested();

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
    QToolButton *m_useStackEndpoints;
    bool m_stackEndpointsOffered = false;
    QList<QLabel *> m_labels;
    QSet<QString> m_unverifiedTls;
};

} // namespace Stackscope
