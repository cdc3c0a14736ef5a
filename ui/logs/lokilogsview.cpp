// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/logs/lokilogsview.h"

#include "models/common/format.h"
#include "models/common/palette.h"
#include "models/common/querystring.h"
#include "models/logs/logmodel.h"
#include "models/logs/logtext.h"
#include "ui/logs/logfieldstable.h"
#include "ui/logs/loglinesview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace Stackscope {

namespace {

constexpr int kHistorySize = 20;
const auto kHistoryKey = "logs/lokiHistory"_L1;

/// The ranges offered, as Grafana's picker words them.
struct RangeChoice
{
    const char *text;
    qint64 seconds;
};
constexpr RangeChoice kRanges[] = {
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 5 minutes"), 5 * 60},
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 15 minutes"), 15 * 60},
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 1 hour"), 3600},
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 6 hours"), 6 * 3600},
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 24 hours"), 24 * 3600},
    {QT_TRANSLATE_NOOP("Stackscope::LokiLogsView", "Last 7 days"), 7 * 24 * 3600},
};

} // namespace

LogVolumeChart::LogVolumeChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"lokiVolume"_s);
    setMinimumHeight(60);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize LogVolumeChart::sizeHint() const
{
    return {400, fontMetrics().height() * 7};
}

void LogVolumeChart::setVolume(const QList<LogVolumeSeries> &series, qint64 startMs, qint64 endMs,
                               qint64 stepMs)
{
    m_startMs = startMs;
    m_endMs = endMs;
    m_stepMs = std::max<qint64>(stepMs, 1);
    // One bar per step from the start, whatever step the answer came at; one series per level
    // (an unknown level's series merged), the most severe at the bottom, as Grafana stacks them.
    std::map<int, std::map<qint64, double>, std::greater<>> byLevel;
    for (const LogVolumeSeries &s : series)
        for (const auto &[t, v] : s.points)
            if (t >= startMs && t < endMs)
                byLevel[s.level][startMs + (t - startMs) / m_stepMs * m_stepMs] += v;
    m_series.clear();
    for (const auto &[level, points] : byLevel) {
        LogVolumeSeries merged{level, {}};
        for (const auto &[t, v] : points)
            merged.points.append({t, v});
        m_series.append(merged);
    }
    std::map<qint64, double> totals;
    for (const LogVolumeSeries &s : std::as_const(m_series))
        for (const auto &[t, v] : s.points)
            totals[t] += v;
    m_maxTotal = 0;
    for (const auto &[t, v] : totals)
        m_maxTotal = std::max(m_maxTotal, v);
    update();
}

void LogVolumeChart::clear()
{
    setVolume({}, 0, 0, 1);
}

void LogVolumeChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const QRect plot
        = rect().adjusted(fm.horizontalAdvance(u"00000"_s), fm.height() + 4, -4, -fm.height() - 4);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    if (m_endMs <= m_startMs || plot.width() <= 0 || plot.height() <= 0) {
        return;
    }
    const double span = double(m_endMs - m_startMs);
    const auto xOf = [&](qint64 ms) {
        return plot.left() + (ms - m_startMs) / span * plot.width();
    };
    // Axis: the start, the middle and the end.
    p.setPen(Palette::color(Palette::Tone::Muted));
    const bool days = m_endMs - m_startMs > 24LL * 3600 * 1000;
    for (const double f : {0.0, 0.5, 1.0}) {
        const qint64 ms = m_startMs + qint64(f * span);
        const QString text
            = QDateTime::fromMSecsSinceEpoch(ms).toString(days ? u"MM-dd HH:mm"_s : u"HH:mm:ss"_s);
        const int w = fm.horizontalAdvance(text);
        const int x = std::clamp(int(xOf(ms)) - w / 2, plot.left(), plot.right() - w);
        p.drawText(x, plot.bottom() + fm.ascent() + 3, text);
    }
    if (m_maxTotal <= 0) {
        p.drawText(plot, Qt::AlignCenter, tr("No lines in this range"));
        return;
    }
    p.drawText(QRect(0, plot.top() - fm.height() / 2, plot.left() - 4, fm.height()), Qt::AlignRight,
               Format::number(m_maxTotal));
    // The legend, top right: a swatch and the level's name, the most severe last.
    int legendX = plot.right();
    for (const LogVolumeSeries &s : std::as_const(m_series)) {
        const QString name = s.level ? LogText::levelName(LogLevel(s.level)) : tr("no level");
        legendX -= fm.horizontalAdvance(name) + fm.height() + 8;
        QColor color = LogLinesView::levelColor(s.level);
        p.fillRect(QRect(legendX, 4, fm.height() - 4, fm.height() - 4),
                   color.isValid() ? color : Palette::series(0));
        p.drawText(legendX + fm.height(), 2 + fm.ascent(), name);
    }
    const double barWidth = std::max(1.0, m_stepMs / span * plot.width() - 1);
    std::map<qint64, double> stacked;
    for (const LogVolumeSeries &s : std::as_const(m_series)) {
        QColor color = LogLinesView::levelColor(s.level);
        if (!color.isValid())
            color = Palette::series(0);
        for (const auto &[t, v] : s.points) {
            if (v <= 0)
                continue;
            double &base = stacked[t];
            const double y0 = plot.bottom() - base / m_maxTotal * plot.height();
            const double y1 = plot.bottom() - (base + v) / m_maxTotal * plot.height();
            base += v;
            p.fillRect(QRectF(xOf(t), y1, barWidth, y0 - y1), color);
        }
    }
}

LokiLogsView::LokiLogsView(LogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_query(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_limit(new QSpinBox(this))
    , m_direction(new QComboBox(this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_labels(new QListWidget(this))
    , m_values(new QListWidget(this))
    , m_message(new QLabel(this))
    , m_volume(new LogVolumeChart(this))
    , m_search(new QLineEdit(this))
    , m_onlyMatching(new QCheckBox(tr("Only matching"), this))
    , m_counts(new QLabel(this))
    , m_lines(new LogLinesView(this))
    , m_fields(new LogFieldsTable(this))
{
    setObjectName(u"lokiLogsView"_s);
    m_query->setObjectName(u"lokiQuery"_s);
    m_query->setEditable(true);
    m_query->setInsertPolicy(QComboBox::NoInsert);
    m_query->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_query->lineEdit()->setPlaceholderText(tr("LogQL, e.g. {job=\"api\"} |= \"error\""));
    m_query->setToolTip(tr("A LogQL log query; the drop-down holds the recent ones"));
    m_query->addItems(history());
    m_query->setCurrentIndex(-1);
    m_query->setEditText(history().value(0));
    connect(m_query->lineEdit(), &QLineEdit::returnPressed, this, &LokiLogsView::run);

    m_range->setObjectName(u"lokiRange"_s);
    for (const RangeChoice &choice : kRanges)
        m_range->addItem(tr(choice.text), choice.seconds);
    m_range->setCurrentIndex(2);
    m_limit->setObjectName(u"lokiLimit"_s);
    m_limit->setRange(1, 50000);
    m_limit->setValue(1000);
    m_limit->setPrefix(tr("limit "));
    m_limit->setToolTip(tr("Lines at most"));
    m_direction->setObjectName(u"lokiDirection"_s);
    m_direction->addItem(tr("Newest lines"), false);
    m_direction->addItem(tr("Oldest lines"), true);
    m_direction->setToolTip(tr("Which lines the limit keeps"));
    m_run->setObjectName(u"lokiRun"_s);
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &LokiLogsView::run);

    auto *top = new QHBoxLayout;
    top->addWidget(m_query, 1);
    top->addWidget(m_range);
    top->addWidget(m_limit);
    top->addWidget(m_direction);
    top->addWidget(m_run);

    m_labels->setObjectName(u"lokiLabels"_s);
    m_values->setObjectName(u"lokiLabelValues"_s);
    m_labels->setToolTip(tr("Labels: choose one to see its values"));
    m_values->setToolTip(tr("Values: click one to add it to the query"));
    connect(m_labels, &QListWidget::currentTextChanged, this, [this](const QString &label) {
        if (!label.isEmpty())
            Q_EMIT labelValuesRequested(label);
    });
    connect(m_values, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (!m_valuesLabel.isEmpty())
            addMatcher(m_valuesLabel, item->text());
    });
    auto *browser = new QWidget(this);
    auto *browserLayout = new QVBoxLayout(browser);
    browserLayout->setContentsMargins(0, 0, 0, 0);
    auto *refreshLabels = new QToolButton(browser);
    refreshLabels->setText(tr("Labels"));
    refreshLabels->setToolTip(tr("Read Loki's labels again"));
    connect(refreshLabels, &QToolButton::clicked, this, &LokiLogsView::labelsRequested);
    browserLayout->addWidget(refreshLabels);
    browserLayout->addWidget(m_labels, 1);
    browserLayout->addWidget(m_values, 1);

    m_message->setObjectName(u"lokiMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();

    m_search->setObjectName(u"lokiSearch"_s);
    m_search->setPlaceholderText(tr("Search (regular expression, Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_onlyMatching->setObjectName(u"lokiOnlyMatching"_s);
    auto *searchTimer = new QTimer(this);
    searchTimer->setSingleShot(true);
    searchTimer->setInterval(250);
    connect(m_search, &QLineEdit::textEdited, searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &LokiLogsView::applyFilter);
    connect(searchTimer, &QTimer::timeout, this, &LokiLogsView::applyFilter);
    connect(m_onlyMatching, &QCheckBox::toggled, this, &LokiLogsView::applyFilter);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setToolTip(tr("Copy the selected lines (Ctrl+C)"));
    connect(copy, &QToolButton::clicked, m_lines, &LogLinesView::copySelection);
    auto *save = new QToolButton(this);
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the lines shown to a file"));
    connect(save, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the logs shown"), {}, tr("Log files (*.log *.txt);;All files (*)"));
        QString error;
        if (!path.isEmpty() && !m_lines->saveTo(path, &error))
            showMessage(tr("The logs could not be saved to %1: %2").arg(path, error), true);
    });
    m_counts->setObjectName(u"lokiCounts"_s);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_onlyMatching);
    searchRow->addWidget(m_counts);
    searchRow->addWidget(copy);
    searchRow->addWidget(save);

    m_lines->setObjectName(u"lokiLines"_s);
    m_lines->setModel(m_model);
    connect(m_model, &LogModel::countsChanged, this, &LokiLogsView::updateCounts);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LokiLogsView::updateCounts);

    m_fields->setObjectName(u"lokiFields"_s);
    connect(m_lines, &LogLinesView::currentRowChanged, this, &LokiLogsView::showFields);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { showFields(-1); });
    auto *linesSplitter = new QSplitter(Qt::Horizontal, this);
    linesSplitter->addWidget(m_lines);
    linesSplitter->addWidget(m_fields);
    linesSplitter->setStretchFactor(0, 4);
    linesSplitter->setStretchFactor(1, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_volume);
    rightLayout->addLayout(searchRow);
    rightLayout->addWidget(linesSplitter, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(browser);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({180, 900});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);
    updateCounts();
}

QString LokiLogsView::queryText() const
{
    return m_query->currentText().trimmed();
}

void LokiLogsView::setQueryText(const QString &text)
{
    m_query->setEditText(text);
}

QStringList LokiLogsView::history() const
{
    return QSettings().value(kHistoryKey).toStringList();
}

void LokiLogsView::remember(const QString &query)
{
    QStringList list = history();
    list.removeAll(query);
    list.prepend(query);
    while (list.size() > kHistorySize)
        list.removeLast();
    QSettings().setValue(kHistoryKey, list);
    const QSignalBlocker blocker(m_query);
    m_query->clear();
    m_query->addItems(list);
    m_query->setCurrentIndex(0);
}

LokiLogsRequest LokiLogsView::request() const
{
    LokiLogsRequest r;
    r.expr = queryText();
    r.end = QDateTime::currentDateTimeUtc();
    r.start = r.end.addSecs(-m_range->currentData().toLongLong());
    r.limit = m_limit->value();
    r.forward = m_direction->currentData().toBool();
    return r;
}

void LokiLogsView::setLimit(int limit)
{
    m_limit->setValue(limit);
}

void LokiLogsView::run()
{
    const QString text = queryText();
    if (!m_available)
        return;
    if (text.isEmpty()) {
        showMessage(tr("Type a LogQL query, such as {job=\"api\"}, or build one from the labels"),
                    true);
        return;
    }
    remember(text);
    Q_EMIT queryRequested(request());
}

QString LokiLogsView::withMatcher(const QString &query, const QString &label, const QString &value)
{
    const QString matcher = label + u'=' + queryStringLiteral(value);
    const qsizetype open = query.indexOf(u'{');
    if (open < 0)
        return u'{' + matcher + u'}'
               + (query.trimmed().isEmpty() ? QString() : u' ' + query.trimmed());
    // The selector's closing brace: the first } outside a quoted value.
    bool quoted = false;
    for (qsizetype i = open + 1; i < query.size(); ++i) {
        const QChar c = query.at(i);
        if (c == u'\\' && quoted) {
            ++i;
        } else if (c == u'"') {
            quoted = !quoted;
        } else if (c == u'}' && !quoted) {
            const bool empty = query.mid(open + 1, i - open - 1).trimmed().isEmpty();
            return query.left(i) + (empty ? QString() : u", "_s) + matcher + query.mid(i);
        }
    }
    return query + (query.trimmed().endsWith(u'{') ? QString() : u", "_s) + matcher + u'}';
}

void LokiLogsView::addMatcher(const QString &label, const QString &value)
{
    setQueryText(withMatcher(queryText(), label, value));
    m_query->setFocus();
}

void LokiLogsView::setLabels(const QStringList &labels)
{
    const QString current = m_labels->currentItem() ? m_labels->currentItem()->text() : QString();
    const QSignalBlocker blocker(m_labels);
    m_labels->clear();
    m_labels->addItems(labels);
    const auto found = m_labels->findItems(current, Qt::MatchExactly);
    if (!found.isEmpty())
        m_labels->setCurrentItem(found.first());
}

void LokiLogsView::setLabelValues(const QString &label, const QStringList &values)
{
    m_valuesLabel = label;
    m_values->clear();
    m_values->addItems(values);
}

QStringList LokiLogsView::labels() const
{
    QStringList out;
    for (int i = 0; i < m_labels->count(); ++i)
        out.append(m_labels->item(i)->text());
    return out;
}

QStringList LokiLogsView::labelValues() const
{
    QStringList out;
    for (int i = 0; i < m_values->count(); ++i)
        out.append(m_values->item(i)->text());
    return out;
}

void LokiLogsView::setVolume(const QList<LogVolumeSeries> &series, qint64 startMs, qint64 endMs,
                             qint64 stepMs)
{
    m_volume->setVolume(series, startMs, endMs, stepMs);
}

void LokiLogsView::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? Palette::textStyle(Palette::Tone::Bad) : QString());
    m_message->setVisible(!text.isEmpty());
}

QString LokiLogsView::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void LokiLogsView::setRunning(bool running)
{
    m_run->setText(running ? tr("Running…") : tr("Run"));
}

void LokiLogsView::setAvailable(bool available, const QString &why)
{
    m_available = available;
    m_run->setEnabled(available);
    if (!available) {
        m_unavailableText = why;
        showMessage(why, true);
    } else if (!m_unavailableText.isEmpty()) {
        // Loki configured now: the sentence that said it was not goes.
        if (messageText() == m_unavailableText)
            showMessage({}, false);
        m_unavailableText.clear();
    }
}

bool LokiLogsView::setSearch(const QString &pattern)
{
    m_search->setText(pattern);
    applyFilter();
    return !m_model->filter().pattern().isEmpty() || pattern.isEmpty();
}

void LokiLogsView::showFields(int row)
{
    QList<std::pair<QString, QString>> rows;
    if (row >= 0 && row < m_model->rowCount()) {
        const int source = m_model->entryAt(row).source;
        if (source >= 0 && source < m_model->sources().size())
            rows = m_model->sources().at(source).labels;
        for (const QVariant &field : m_model->index(row).data(LogModel::FieldsRole).toList()) {
            const QStringList kv = field.toStringList();
            rows.append({kv.value(0), kv.value(1)});
        }
    }
    m_fields->setFields(rows);
}

QList<std::pair<QString, QString>> LokiLogsView::shownFields() const
{
    return m_fields->fields();
}

void LokiLogsView::applyFilter()
{
    LogFilter filter = m_model->filter();
    QString error;
    if (!filter.setPattern(m_search->text(), false, &error)) {
        m_search->setStyleSheet(Palette::textStyle(Palette::Tone::Bad));
        showMessage(tr("Not a valid regular expression: %1").arg(error), true);
    } else if (!m_search->styleSheet().isEmpty()) {
        m_search->setStyleSheet({});
        showMessage({}, false);
    }
    filter.setOnlyMatching(m_onlyMatching->isChecked());
    m_model->setFilter(filter);
}

void LokiLogsView::updateCounts()
{
    QString text = tr("%1 of %2 lines").arg(m_model->rowCount()).arg(m_model->totalCount());
    if (m_model->filter().hasSearch())
        text += u", "_s + tr("%1 matching").arg(m_model->matchingCount());
    m_counts->setText(text);
}

} // namespace Stackscope
