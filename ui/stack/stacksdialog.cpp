// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/stack/stacksdialog.h"
#include "models/common/palette.h"
#include "models/stack/stacksmodel.h"
#include "ui/plaintooltips.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

/// Sorts by the model's SortRole and shows the project that is open now in bold.
class StacksProxy : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setCurrent(const QString &name)
    {
        if (name == m_current)
            return;
        m_current = name;
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                               {Qt::FontRole});
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::FontRole && !m_current.isEmpty()
            && index.data(StacksModel::SummaryRole).value<StackSummary>().name == m_current) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::DecorationRole && index.column() == StacksModel::State)
            return dot(QSortFilterProxyModel::data(index, role).value<QColor>());
        return QSortFilterProxyModel::data(index, role);
    }

private:
    /// The state's colour as a round dot rather than the view's square swatch.
    static QIcon dot(const QColor &color)
    {
        if (!color.isValid())
            return {};
        QPixmap pixmap(QSize(12, 12) * 2);
        pixmap.setDevicePixelRatio(2);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        return QIcon(pixmap);
    }

    QString m_current;
};

QLabel *mutedLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText);
    l->setStyleSheet(Palette::textStyle(Palette::Tone::Muted));
    return l;
}

} // namespace

StacksDialog::StacksDialog(StacksModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_proxy(new StacksProxy(this))
    , m_daemon(mutedLabel(this))
    , m_area(new QStackedWidget(this))
    , m_table(new QTableView(m_area))
    , m_empty(new QLabel(m_area))
    , m_error(new QLabel(m_area))
    , m_problems(new QLabel(this))
    , m_status(mutedLabel(this))
    , m_refresh(new QPushButton(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh"), this))
    , m_open(new QPushButton(QIcon::fromTheme(u"document-open"_s), tr("&Open"), this))
{
    setObjectName(u"stacksDialog"_s);
    setWindowTitle(tr("Stacks on this machine"));
    showItemToolTipsAsPlainText(m_table); // folders, files and problems come from labels

    auto *title = new QLabel(tr("Stacks on this machine"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = mutedLabel(this);
    subtitle->setText(tr("Every compose project the Docker daemon knows, running or stopped. "
                         "Open one to watch and control it here."));
    subtitle->setWordWrap(true);
    m_daemon->setObjectName(u"daemonInfo"_s);
    m_daemon->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(StacksModel::SortRole);
    m_table->setObjectName(u"stacksTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(StacksModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle); // folders: keep both ends
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->resizeSection(StacksModel::Name, 170);
    header->resizeSection(StacksModel::State, 130);
    header->resizeSection(StacksModel::Services, 130);
    header->resizeSection(StacksModel::Folder, 300);

    m_empty->setObjectName(u"stacksEmpty"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::PlainText);
    m_empty->setStyleSheet(Palette::textStyle(Palette::Tone::Muted));
    m_empty->setText(tr("No compose project on this Docker daemon yet.\n\nStart one in its folder "
                        "(docker compose up -d), then Refresh, or open its compose file."));
    m_error->setObjectName(u"stacksError"_s);
    m_error->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(Palette::messageBoxStyle(true));
    auto *errorPage = new QWidget(m_area);
    auto *errorLayout = new QVBoxLayout(errorPage);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_error);
    errorLayout->addStretch(1);
    m_area->addWidget(m_table);
    m_area->addWidget(m_empty);
    m_area->addWidget(errorPage);

    m_problems->setObjectName(u"stackProblems"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(Palette::messageBoxStyle(false));
    m_problems->hide();

    m_status->setObjectName(u"stacksStatus"_s);
    m_refresh->setObjectName(u"refreshStacks"_s);
    m_open->setObjectName(u"openStack"_s);
    m_open->setDefault(true);
    auto *openFile
        = new QPushButton(QIcon::fromTheme(u"document-open-folder"_s), tr("Open &file…"), this);
    openFile->setObjectName(u"openComposeFile"_s);
    openFile->setToolTip(tr("Open a compose file, or a folder holding one, that is not listed"));
    auto *close = new QPushButton(tr("&Close"), this);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_refresh, &QPushButton::clicked, this, &StacksDialog::refreshRequested);
    connect(m_open, &QPushButton::clicked, this, &StacksDialog::openSelected);
    connect(openFile, &QPushButton::clicked, this, &StacksDialog::openFileRequested);
    connect(m_table, &QTableView::doubleClicked, this, &StacksDialog::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_selecting)
            m_autoSelected = false;
        updateSelection();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &StacksDialog::updateState);
    connect(model, &QAbstractItemModel::modelReset, this, &StacksDialog::updateState);
    connect(model, &QAbstractItemModel::dataChanged, this, &StacksDialog::updateSelection);

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(title, 1);
    titleRow->addWidget(m_daemon, 0, Qt::AlignRight | Qt::AlignVCenter);
    auto *top = new QVBoxLayout;
    top->setSpacing(2);
    top->addLayout(titleRow);
    top->addWidget(subtitle);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addWidget(openFile);
    buttons->addSpacing(12);
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_open);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_area, 1);
    layout->addWidget(m_problems);
    layout->addLayout(buttons);
    resize(960, 460);
    updateState();
}

void StacksDialog::setDaemonInfo(const QString &host, const QString &source)
{
    m_daemon->setText(source.isEmpty() ? tr("Docker: %1").arg(host)
                                       : tr("Docker: %1 (%2)").arg(host, source));
}

void StacksDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_refresh->setEnabled(!busy);
    updateState();
}

void StacksDialog::setError(const QString &message)
{
    m_errorText = message;
    m_error->setText(message);
    updateState();
}

void StacksDialog::setCurrentProject(const QString &name)
{
    m_current = name;
    static_cast<StacksProxy *>(m_proxy)->setCurrent(name);
    updateSelection();
}

const StackSummary *StacksDialog::selectedStack() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const int row = m_proxy->mapToSource(rows.first()).row();
    return row >= 0 && row < m_model->rowCount() ? &m_model->at(row) : nullptr;
}

void StacksDialog::selectStack(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
}

QString StacksDialog::statusText() const
{
    return m_status->text();
}

QString StacksDialog::errorText() const
{
    return m_errorText;
}

QString StacksDialog::shownState() const
{
    if (m_area->currentWidget() == m_table)
        return u"table"_s;
    return m_area->currentWidget() == m_empty ? u"empty"_s : u"error"_s;
}

void StacksDialog::updateState()
{
    const int count = m_model->rowCount();
    if (count > 0)
        m_area->setCurrentWidget(m_table);
    else if (!m_errorText.isEmpty())
        m_area->setCurrentIndex(2);
    else
        m_area->setCurrentWidget(m_empty);
    // An error over a list that is still shown: the box above the buttons says it.
    if (count > 0 && !m_errorText.isEmpty()) {
        m_status->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
        m_status->setText(tr("The list may be out of date: Docker cannot be asked."));
        m_status->setToolTip(m_errorText);
    } else {
        m_status->setStyleSheet(Palette::textStyle(Palette::Tone::Muted));
        m_status->setToolTip({});
        if (m_busy) {
            m_status->setText(tr("Looking for stacks…"));
        } else if (m_errorText.isEmpty()) {
            int running = 0;
            for (const StackSummary &s : m_model->stacks())
                running += s.state == StackSummary::State::Running ? 1 : 0;
            m_status->setText(count == 0 ? QString()
                                         : tr("Projects: %1 · fully running: %2 · listed at %3")
                                               .arg(count)
                                               .arg(running)
                                               .arg(QLocale().toString(QTime::currentTime(),
                                                                       QLocale::ShortFormat)));
        } else {
            m_status->setText({});
        }
    }
    // Start on the project that is open now (rows arrive one by one), else on the first; once
    // the person chose a row, keep theirs.
    const StackSummary *selected = selectedStack();
    const bool currentListed = m_model->rowOf(m_current) >= 0;
    if (count > 0
        && (!selected || (m_autoSelected && currentListed && selected->name != m_current))) {
        m_selecting = true;
        if (currentListed)
            selectStack(m_current);
        else
            m_table->selectRow(0);
        m_selecting = false;
        m_autoSelected = true;
    }
    updateSelection();
}

void StacksDialog::updateSelection()
{
    const StackSummary *stack = selectedStack();
    m_open->setEnabled(stack != nullptr);
    const bool isCurrent = stack && stack->name == m_current;
    m_open->setText(isCurrent ? tr("&Open again") : tr("&Open"));
    if (stack && !stack->problems.isEmpty()) {
        m_problems->setText(stack->problems.join(u'\n'));
        m_problems->show();
    } else {
        m_problems->hide();
    }
}

void StacksDialog::openSelected()
{
    if (const StackSummary *stack = selectedStack())
        Q_EMIT openRequested(*stack);
}

} // namespace Stackscope
