// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/stacklogsview.h"

#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/logs/logmodel.h"
#include "models/logs/logtext.h"
#include "ui/logs/logfieldstable.h"
#include "ui/logs/loglinesview.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stackscope {

StackLogsView::StackLogsView(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_lines(new LogLinesView(this))
    , m_servicesButton(new QToolButton(this))
    , m_levelsButton(new QToolButton(this))
    , m_follow(new QCheckBox(tr("Follow"), this))
    , m_tail(new QSpinBox(this))
    , m_sinceOn(new QCheckBox(tr("Since"), this))
    , m_since(new QDateTimeEdit(this))
    , m_untilOn(new QCheckBox(tr("Until"), this))
    , m_until(new QDateTimeEdit(this))
    , m_search(new QLineEdit(this))
    , m_caseSensitive(new QCheckBox(tr("Aa"), this))
    , m_onlyMatching(new QCheckBox(tr("Only matching"), this))
    , m_searchError(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_status(new QLabel(this))
    , m_fields(new LogFieldsTable(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
{
    m_lines->setObjectName(u"logLines"_s);
    m_lines->setModel(model);

    m_servicesButton->setObjectName(u"logServices"_s);
    m_servicesButton->setPopupMode(QToolButton::InstantPopup);
    m_servicesButton->setMenu(new QMenu(m_servicesButton));
    m_servicesButton->setText(tr("All services"));
    connect(m_servicesButton->menu(), &QMenu::aboutToShow, this, &StackLogsView::fillServicesMenu);

    m_levelsButton->setObjectName(u"logLevels"_s);
    m_levelsButton->setPopupMode(QToolButton::InstantPopup);
    m_levelsButton->setText(tr("All levels"));
    auto *levels = new QMenu(m_levelsButton);
    for (LogLevel level : {LogLevel::Fatal, LogLevel::Error, LogLevel::Warn, LogLevel::Info,
                           LogLevel::Debug, LogLevel::Trace, LogLevel::Unknown}) {
        QAction *a = levels->addAction(level == LogLevel::Unknown ? tr("No level")
                                                                  : LogText::levelName(level));
        a->setCheckable(true);
        a->setChecked(true);
        a->setData(int(level));
        connect(a, &QAction::toggled, this, [this, levels] {
            m_levels.clear();
            int unchecked = 0;
            for (QAction *action : levels->actions()) {
                if (action->isChecked())
                    m_levels.append(action->data().toInt());
                else
                    ++unchecked;
            }
            if (unchecked == 0)
                m_levels.clear();
            m_levelsButton->setText(unchecked == 0 ? tr("All levels")
                                                   : tr("%1 of 7 levels").arg(m_levels.size()));
            applyFilter();
        });
    }
    m_levelsButton->setMenu(levels);

    m_follow->setObjectName(u"logFollow"_s);
    m_follow->setChecked(true);
    m_tail->setObjectName(u"logTail"_s);
    m_tail->setRange(0, LogModel::kDefaultCap);
    m_tail->setValue(m_options.tail);
    m_tail->setSpecialValueText(tr("all"));
    m_tail->setPrefix(tr("last "));
    m_tail->setToolTip(tr("How many of each container's last lines to read (0: all)"));
    m_tail->setKeyboardTracking(false);
    for (QDateTimeEdit *edit : {m_since, m_until}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
        edit->setCalendarPopup(true);
        edit->setDateTime(QDateTime::currentDateTime());
        edit->setEnabled(false);
    }
    m_since->setObjectName(u"logSince"_s);
    m_until->setObjectName(u"logUntil"_s);
    connect(m_follow, &QCheckBox::toggled, this, &StackLogsView::applyOptions);
    connect(m_tail, &QSpinBox::valueChanged, this, &StackLogsView::applyOptions);
    connect(m_sinceOn, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_untilOn, &QCheckBox::toggled, m_until, &QWidget::setEnabled);
    connect(m_sinceOn, &QCheckBox::toggled, this, &StackLogsView::applyOptions);
    connect(m_untilOn, &QCheckBox::toggled, this, &StackLogsView::applyOptions);
    connect(m_since, &QDateTimeEdit::editingFinished, this, &StackLogsView::applyOptions);
    connect(m_until, &QDateTimeEdit::editingFinished, this, &StackLogsView::applyOptions);

    m_search->setObjectName(u"logSearch"_s);
    m_search->setPlaceholderText(tr("Search (regular expression, Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_caseSensitive->setToolTip(tr("Match case"));
    m_onlyMatching->setObjectName(u"logOnlyMatching"_s);
    // The search runs as one types, after a pause (200,000 lines take a few tens of ms).
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textEdited, searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &StackLogsView::applyFilter);
    connect(m_search, &QLineEdit::textChanged, this, [this, searchTimer](const QString &text) {
        if (text.isEmpty()) {
            searchTimer->stop();
            applyFilter();
        }
    });
    connect(searchTimer, &QTimer::timeout, this, &StackLogsView::applyFilter);
    connect(m_caseSensitive, &QCheckBox::toggled, this, &StackLogsView::applyFilter);
    connect(m_onlyMatching, &QCheckBox::toggled, this, &StackLogsView::applyFilter);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_searchError->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
    m_searchError->hide();

    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the selected lines (Ctrl+C)"));
    connect(copy, &QToolButton::clicked, m_lines, &LogLinesView::copySelection);
    auto *save = new QToolButton(this);
    save->setObjectName(u"logSave"_s);
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the lines shown to a file"));
    connect(save, &QToolButton::clicked, this, [this] { saveView(); });

    m_fields->setObjectName(u"logFields"_s);
    connect(m_lines, &LogLinesView::currentRowChanged, this, &StackLogsView::showFields);

    m_status->setObjectName(u"logStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_counts->setObjectName(u"logCounts"_s);

    auto *streamRow = new QHBoxLayout;
    streamRow->addWidget(m_servicesButton);
    streamRow->addWidget(m_follow);
    streamRow->addWidget(m_tail);
    streamRow->addWidget(m_sinceOn);
    streamRow->addWidget(m_since);
    streamRow->addWidget(m_untilOn);
    streamRow->addWidget(m_until);
    streamRow->addStretch();
    streamRow->addWidget(copy);
    streamRow->addWidget(save);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_caseSensitive);
    searchRow->addWidget(m_onlyMatching);
    searchRow->addWidget(m_levelsButton);
    searchRow->addWidget(m_counts);
    m_splitter->addWidget(m_lines);
    m_splitter->addWidget(m_fields);
    m_splitter->setStretchFactor(0, 4);
    m_splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(streamRow);
    layout->addLayout(searchRow);
    layout->addWidget(m_searchError);
    layout->addWidget(m_status);
    layout->addWidget(m_splitter, 1);

    connect(model, &LogModel::countsChanged, this, &StackLogsView::updateCounts);
    updateCounts();
    updateStatus();
}

void StackLogsView::setServices(const QStringList &services)
{
    if (services == m_services)
        return;
    m_services = services;
    QStringList chosen;
    for (const QString &s : std::as_const(m_chosen))
        if (services.contains(s))
            chosen.append(s);
    if (chosen != m_chosen)
        setChosenServices(chosen);
}

void StackLogsView::fillServicesMenu()
{
    QMenu *menu = m_servicesButton->menu();
    menu->clear();
    QAction *all = menu->addAction(tr("All services"));
    all->setCheckable(true);
    all->setChecked(m_chosen.isEmpty());
    connect(all, &QAction::triggered, this, [this] { setChosenServices({}); });
    menu->addSeparator();
    for (const QString &service : std::as_const(m_services)) {
        QAction *a = menu->addAction(Format::visible(service));
        a->setCheckable(true);
        a->setChecked(m_chosen.contains(service));
        connect(a, &QAction::toggled, this, [this, service](bool on) {
            QStringList chosen = m_chosen;
            if (on && !chosen.contains(service))
                chosen.append(service);
            else if (!on)
                chosen.removeAll(service);
            setChosenServices(chosen);
        });
    }
}

void StackLogsView::setChosenServices(const QStringList &services)
{
    m_chosen = services;
    m_servicesButton->setText(services.isEmpty()     ? tr("All services")
                              : services.size() == 1 ? Format::visible(services.first())
                                                     : tr("%1 services").arg(services.size()));
    applyFilter();
}

bool StackLogsView::setSearch(const QString &pattern)
{
    m_search->setText(pattern);
    applyFilter();
    return m_searchError->isHidden();
}

void StackLogsView::applyFilter()
{
    LogFilter filter = m_model->filter();
    QString error;
    if (!filter.setPattern(m_search->text(), m_caseSensitive->isChecked(), &error)) {
        m_searchError->setText(tr("Not a valid regular expression: %1").arg(error));
        m_searchError->show();
    } else {
        m_searchError->hide();
    }
    filter.setOnlyMatching(m_onlyMatching->isChecked());
    QSet<LogLevel> levels;
    for (int l : std::as_const(m_levels))
        levels.insert(LogLevel(l));
    filter.setLevels(levels);
    QSet<int> sources;
    for (const QString &service : std::as_const(m_chosen))
        sources.insert(m_model->addSource({service, {}}));
    filter.setSources(sources);
    m_model->setFilter(filter);
    m_lines->scrollToBottom();
}

void StackLogsView::applyOptions()
{
    StackLogsOptions options;
    options.tail = m_tail->value() == 0 ? -1 : m_tail->value();
    options.follow = m_follow->isChecked();
    if (m_sinceOn->isChecked())
        options.since = m_since->dateTime();
    if (m_untilOn->isChecked())
        options.until = m_until->dateTime();
    // A range that ends in the past has nothing to follow.
    if (options.until.isValid() && options.until < QDateTime::currentDateTime())
        options.follow = false;
    if (options == m_options)
        return;
    m_options = options;
    Q_EMIT optionsChanged(options);
}

void StackLogsView::showAround(const QDateTime &time)
{
    if (!time.isValid())
        return;
    const QSignalBlocker b1(m_sinceOn), b2(m_untilOn), b3(m_follow), b4(m_since), b5(m_until);
    m_since->setDateTime(time.addSecs(-150).toLocalTime());
    m_until->setDateTime(time.addSecs(150).toLocalTime());
    m_sinceOn->setChecked(true);
    m_untilOn->setChecked(true);
    m_since->setEnabled(true);
    m_until->setEnabled(true);
    m_follow->setChecked(false);
    applyOptions();
}

void StackLogsView::setServiceStatus(const QString &service, const QString &text, bool problem)
{
    if (text.isEmpty()) {
        m_statuses.remove(service);
        m_statusOrder.removeAll(service);
    } else {
        if (!m_statuses.contains(service))
            m_statusOrder.append(service);
        m_statuses.insert(service, {text, problem});
    }
    updateStatus();
}

QString StackLogsView::statusText() const
{
    QStringList parts;
    for (const QString &service : m_statusOrder)
        parts.append(tr("%1: %2").arg(service, m_statuses.value(service).first));
    return parts.join(u"; "_s);
}

void StackLogsView::updateStatus()
{
    QStringList parts;
    for (const QString &service : std::as_const(m_statusOrder)) {
        const auto &[text, problem] = m_statuses.value(service);
        const QString part = tr("%1: %2").arg(Format::visible(service), text).toHtmlEscaped();
        parts.append(problem ? u"<span style=\"color:%1\">%2</span>"_s.arg(
                         Palette::color(Palette::Tone::Warning).name(), part)
                             : part);
    }
    m_status->setText(parts.join(u" · "_s));
    m_status->setVisible(!parts.isEmpty());
}

void StackLogsView::updateCounts()
{
    QString text = tr("%1 of %2 lines")
                       .arg(QLocale().toString(m_model->rowCount()),
                            QLocale().toString(m_model->totalCount()));
    if (m_model->filter().hasSearch())
        text += u" · "_s + tr("%1 matching").arg(QLocale().toString(m_model->matchingCount()));
    if (m_model->droppedCount() > 0)
        text += u" · "_s
                + tr("%1 older lines dropped").arg(QLocale().toString(m_model->droppedCount()));
    m_counts->setText(text);
}

void StackLogsView::showFields(int row)
{
    QList<std::pair<QString, QString>> fields;
    if (row >= 0 && row < m_model->rowCount())
        for (const QVariant &field : m_model->index(row).data(LogModel::FieldsRole).toList()) {
            const QStringList kv = field.toStringList();
            fields.append({kv.value(0), kv.value(1)});
        }
    m_fields->setFields(fields);
}

QList<std::pair<QString, QString>> StackLogsView::shownFields() const
{
    return m_fields->fields();
}

void StackLogsView::saveView(const QString &given)
{
    QString path = given;
    if (path.isEmpty())
        path = QFileDialog::getSaveFileName(this, tr("Save the logs shown"), u"stack-logs.log"_s,
                                            tr("Log files (*.log *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!m_lines->saveTo(path, &error))
        QMessageBox::warning(this, tr("Save the logs shown"),
                             tr("The logs could not be saved to %1: %2").arg(path, error));
}

} // namespace Stackscope
