// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/backendstatusbar.h"
#include "models/common/palette.h"

#include "models/backendstatusmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

QColor colorFor(BackendStatus::State state)
{
    switch (state) {
    case BackendStatus::State::Up:
        return Palette::color(Palette::Tone::Good);
    case BackendStatus::State::Down:
        return Palette::color(Palette::Tone::Bad);
    case BackendStatus::State::Disabled:
        return Palette::color(Palette::Tone::Muted);
    case BackendStatus::State::Unknown:
        break;
    }
    return Palette::color(Palette::Tone::Warning);
}

} // namespace

BackendStatusBar::BackendStatusBar(QAbstractItemModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_layout(new QHBoxLayout(this))
    , m_checkNow(new QToolButton(this))
    , m_useStackEndpoints(new QToolButton(this))
{
    m_layout->setContentsMargins(4, 0, 4, 0);
    m_layout->setSpacing(14);
    m_checkNow->setText(tr("Check now"));
    m_checkNow->setToolTip(tr("Ask every backend again now"));
    m_checkNow->setAutoRaise(true);
    m_checkNow->setIcon(QIcon::fromTheme(u"view-refresh"_s));
    m_checkNow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_checkNow, &QToolButton::clicked, this, &BackendStatusBar::checkNowRequested);
    m_useStackEndpoints->setObjectName(u"use-stack-endpoints"_s);
    m_useStackEndpoints->setText(tr("Use these"));
    m_useStackEndpoints->setToolTip(tr("Write the endpoints found in the stack into the "
                                       "configuration file (its comments are kept)"));
    m_useStackEndpoints->setAutoRaise(true);
    m_useStackEndpoints->setVisible(false);
    connect(m_useStackEndpoints, &QToolButton::clicked, this,
            &BackendStatusBar::useStackEndpointsRequested);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &BackendStatusBar::rebuild);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &BackendStatusBar::rebuild);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BackendStatusBar::rebuild);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
                    refreshRow(row);
            });
    rebuild();
}

QLabel *BackendStatusBar::indicator(const QString &id) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(BackendStatusModel::IdRole).toString() == id)
            return row < m_labels.size() ? m_labels.at(row) : nullptr;
    }
    return nullptr;
}

void BackendStatusBar::setUnverifiedTls(const QStringList &ids)
{
    const QSet<QString> set(ids.cbegin(), ids.cend());
    if (set == m_unverifiedTls)
        return;
    m_unverifiedTls = set;
    for (int row = 0; row < m_labels.size(); ++row)
        refreshRow(row);
}

void BackendStatusBar::setStackEndpointsOffered(bool offered)
{
    if (offered == m_stackEndpointsOffered)
        return;
    m_stackEndpointsOffered = offered;
    m_useStackEndpoints->setVisible(offered);
    fitTexts();
}

QStringList BackendStatusBar::unverifiedTlsBackends(const Config &config)
{
    auto unverified = [](const EndpointConfig &e) {
        return e.insecureSkipVerify && e.url.scheme() == "https"_L1;
    };
    QStringList ids;
    if (unverified(config.prometheus))
        ids << u"prometheus"_s;
    for (qsizetype i = 0; i < config.alertmanagers.size(); ++i) {
        if (unverified(config.alertmanagers.at(i)))
            ids << u"alertmanager-%1"_s.arg(i);
    }
    if (unverified(config.jaeger))
        ids << u"jaeger"_s;
    if (unverified(config.loki))
        ids << u"loki"_s;
    return ids;
}

void BackendStatusBar::rebuild()
{
    qDeleteAll(m_labels);
    m_labels.clear();
    m_layout->removeWidget(m_useStackEndpoints);
    m_layout->removeWidget(m_checkNow);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        auto *label = new QLabel(this);
        label->setTextFormat(Qt::RichText); // our own markup around escaped text, see refreshRow
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_labels.append(label);
        m_layout->addWidget(label);
        refreshRow(row);
    }
    m_layout->addWidget(m_useStackEndpoints);
    m_layout->addWidget(m_checkNow);
}

void BackendStatusBar::refreshRow(int row)
{
    if (row < 0 || row >= m_labels.size())
        return;
    const QModelIndex idx = m_model->index(row, 0);
    const auto status = idx.data(BackendStatusModel::StatusRole).value<BackendStatus>();
    QLabel *label = m_labels.at(row);
    label->setObjectName(u"backend-"_s + status.id);

    label->setAccessibleName(idx.data(Qt::DisplayRole).toString());

    QStringList tip;
    tip << u"%1: %2"_s.arg(status.displayName, stateText(status.state));
    if (!status.endpoint.isEmpty())
        tip << tr("Endpoint: %1").arg(status.endpoint);
    if (!status.origin.isEmpty())
        tip << tr("Origin: %1").arg(status.origin);
    if (!status.version.isEmpty())
        tip << tr("Version: %1").arg(status.version);
    if (!status.reason.isEmpty())
        tip << tr("Reason: %1").arg(status.reason);
    if (!status.hint.isEmpty())
        tip << status.hint;
    if (status.since.isValid())
        tip << tr("Since: %1").arg(QLocale().toString(status.since, QLocale::ShortFormat));
    if (status.latencyMs >= 0)
        tip << tr("Last check took %1 ms").arg(status.latencyMs);
    if (m_unverifiedTls.contains(status.id))
        tip << tr("TLS certificates are NOT verified for this endpoint "
                  "(insecure_skip_verify: true in the configuration)");
    // A tooltip is rich text when it looks like it: escape and use <br>.
    QStringList escaped;
    for (const QString &line : std::as_const(tip))
        escaped << line.toHtmlEscaped();
    label->setToolTip(u"<p style=\"white-space:pre\">"_s + escaped.join(u"<br>"_s) + u"</p>"_s);
    fitTexts();
}

void BackendStatusBar::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTexts();
}

void BackendStatusBar::fitTexts()
{
    const int rows = int(std::min<qsizetype>(m_labels.size(), m_model->rowCount()));
    if (rows == 0)
        return;
    const QFontMetrics metrics(font());
    struct Part
    {
        BackendStatus status;
        QString prefix; ///< "● Prometheus"
        QString detail; ///< ": connection refused at ..." or " (not configured)"
    };
    QList<Part> parts;
    int fixedWidth = 0;
    int detailWidth = 0;
    int detailed = 0;
    for (int row = 0; row < rows; ++row) {
        Part part;
        part.status
            = m_model->index(row, 0).data(BackendStatusModel::StatusRole).value<BackendStatus>();
        part.prefix = u"\u25CF "_s + part.status.displayName;
        if (m_unverifiedTls.contains(part.status.id))
            part.prefix += u" \u26A0 "_s + tr("TLS unverified");
        if (part.status.state == BackendStatus::State::Down && !part.status.reason.isEmpty())
            part.detail = u": "_s + part.status.reason;
        else if (part.status.state == BackendStatus::State::Disabled)
            part.detail = u" ("_s + part.status.reason + u")"_s;
        fixedWidth += metrics.horizontalAdvance(part.prefix);
        if (!part.detail.isEmpty()) {
            detailWidth += metrics.horizontalAdvance(part.detail);
            ++detailed;
        }
        parts.append(part);
    }
    const QMargins margins = m_layout->contentsMargins();
    const int available
        = width() - margins.left() - margins.right() - m_checkNow->sizeHint().width()
          - (m_stackEndpointsOffered ? m_useStackEndpoints->sizeHint().width() + m_layout->spacing()
                                     : 0)
          - m_layout->spacing() * rows - 8;
    // Share what is left after the names equally among the reasons, when they do not all fit.
    const int perDetail = detailed > 0 && fixedWidth + detailWidth > available
                              ? std::max(metrics.horizontalAdvance(u"\u2026"_s) * 4,
                                         (available - fixedWidth) / detailed)
                              : -1;

    for (int row = 0; row < rows; ++row) {
        const Part &part = parts.at(row);
        QString detail = part.detail;
        if (perDetail >= 0 && !detail.isEmpty())
            detail = metrics.elidedText(detail, Qt::ElideMiddle, perDetail);
        // Everything a server or the configuration supplied is escaped: only the dot is markup.
        QLabel *label = m_labels.at(row);
        const QString tls = m_unverifiedTls.contains(part.status.id)
                                ? u" <span style=\"color:%1\">\u26A0&nbsp;%2</span>"_s.arg(
                                    Palette::color(Palette::Tone::Bad).name(),
                                    tr("TLS unverified").toHtmlEscaped())
                                : QString();
        label->setText(u"<span style=\"color:%1\">\u25CF</span>&nbsp;%2%3%4"_s.arg(
            colorFor(part.status.state).name(), part.status.displayName.toHtmlEscaped(), tls,
            detail.toHtmlEscaped()));
        label->setMinimumWidth(metrics.horizontalAdvance(part.prefix));
    }
}

} // namespace Stackscope
